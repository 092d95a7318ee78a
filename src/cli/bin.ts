/** Process entry of the `qbr` CLI: built into dist/cli.mjs for bin/qbr.js (npm run qbr, the installed command); npm run qbr:dev runs it through tsx. */
import { main } from './main';

main();
