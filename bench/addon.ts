/** `npm run bench` (last part): the add-on bundle's size and cold-load time (compile + run in a fresh vm context, as Apps Script does per execution). */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadBundle } from '../test/addon/harness/load';

const ROOT = join(__dirname, '..');
execFileSync('node', ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
const bundle = join(ROOT, 'build', 'Code.js');
const size = statSync(bundle).size;
const gzip = execFileSync('gzip', ['-c', bundle]).length;
const times: number[] = [];
for (let i = 0; i < 10; i++) {
  const t = performance.now();
  loadBundle({ bundlePath: bundle, code: readFileSync(bundle, 'utf8'), manifestPath: join(ROOT, 'build', 'appsscript.json') });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`add-on bundle: ${(size / 1024).toFixed(0)} KB (${(gzip / 1024).toFixed(0)} KB gzipped; goal: no growth past 280.5 KB, its size before holidays; 2.6 MB with the date-holidays library bundled); cold load in a fresh vm context: median ${times[5]!.toFixed(1)} ms, worst ${times[9]!.toFixed(1)} ms over 10`);
