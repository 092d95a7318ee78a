/** Process entry of the `qbr` CLI (npm run qbr, and build/cli.js for the installed command). */
import { main } from './main';

main();
