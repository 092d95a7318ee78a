/** One `qbr analyze` run in its own process, for the bench's memory figures: prints `{ code, maxRssMiB }` as JSON. */
import { run } from '../src/cli/main';

const [path] = process.argv.slice(2);
let stderr = '';
run(['analyze', '--tracker', path ?? '', '--today', '2026-11-22'], { stdout: () => undefined, stderr: (t) => (stderr += t) }).then(
  (code) => process.stdout.write(`${JSON.stringify({ code, stderr, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`),
  (error: unknown) => {
    process.stderr.write(`analyze-rss: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
