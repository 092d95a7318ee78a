/** Process entry of the `qbr` CLI (npm run qbr, and dist/cli.js for the installed command). */
import { main } from './main';

main();
