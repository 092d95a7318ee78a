/**
 * `npm run bench` (first part): how fast the built `qbr` starts and how much it weighs — `qbr --help` and
 * `qbr analyze` on the example tracker (wall time of a fresh process, best of N), the CLI bundle, node_modules
 * and the add-on bundle, each against its goal and the figure before issue 8.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = join(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
// Measured on the layout before issue 8 (googleapis bundled into dist/cli.js; the old lockfile's node_modules).
const BEFORE = { cliBytes: 39_028_507, nodeModulesBytes: 688_494_765, addonBytes: 287_246 };

const ms = (x: number) => `${x.toFixed(0)} ms`;
const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

/**
 * Wall time of `node bin/qbr.js …` from spawn to exit, best and median of RUNS, and the process's own CPU time
 * (user + sys, reported by a preload at exit): on a busy machine the wall waits for a core, the CPU time does not.
 */
function wall(args: string[], cpuHook: string): { best: number; median: number; cpu: number } {
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['--require', cpuHook, join(ROOT, 'bin', 'qbr.js'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`qbr ${args.join(' ')} exited ${r.status}`);
    cpus.push(Number(/qbr-cpu-us=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1000);
  }
  times.sort((a, b) => a - b);
  return { best: times[0]!, median: times[Math.floor(times.length / 2)]!, cpu: Math.min(...cpus) };
}

/** Apparent size of a tree: `du -sb` (as the "before" figure was taken), else a walk that sums every entry. */
function treeBytes(path: string): number {
  try {
    return Number(execFileSync('du', ['-sb', path], { encoding: 'utf8' }).split('\t')[0]);
  } catch {
    const walk = (p: string): number => {
      const st = lstatSync(p);
      return st.isDirectory() ? readdirSync(p).reduce((sum, name) => sum + walk(join(p, name)), st.size) : st.size;
    };
    return walk(path);
  }
}

/** The entry and the chunks it imports statically: what any command, even --help, parses. */
function startupBytes(): number {
  const meta = JSON.parse(readFileSync(join(ROOT, 'dist', 'meta.json'), 'utf8')) as { outputs: Record<string, { bytes: number; imports: { path: string; kind: string }[] }> };
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file) || !meta.outputs[file]) return;
    seen.add(file);
    for (const i of meta.outputs[file].imports) if (i.kind === 'import-statement') visit(i.path);
  };
  visit('dist/cli.mjs');
  return [...seen].reduce((sum, f) => sum + meta.outputs[f]!.bytes, 0);
}

function main(): void {
  // Measure what this tree builds, not a stale dist/.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
  console.log(`startup and size (load average ${loadavg()[0]!.toFixed(1)}; wall times of a fresh process, best of ${RUNS})`);

  const dir = join(ROOT, '.bench');
  mkdirSync(dir, { recursive: true });
  const cpuHook = join(dir, 'cpu-at-exit.cjs');
  writeFileSync(cpuHook, "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeSync(2, `qbr-cpu-us=${u.user + u.system}\\n`); });\n");
  const help = wall(['--help'], cpuHook);
  console.log(`  qbr --help                        ${ms(help.best)} (median ${ms(help.median)}, CPU ${ms(help.cpu)})   goal ≤ 150 ms: ${verdict(help.best <= 150)}`);
  const analyze = wall(['analyze', '--tracker', 'examples/tracker.xlsx', '--today', '2026-11-22'], cpuHook);
  console.log(`  qbr analyze examples/tracker.xlsx ${ms(analyze.best)} (median ${ms(analyze.median)}, CPU ${ms(analyze.cpu)})   goal ≤ 500 ms: ${verdict(analyze.best <= 500)}`);

  const chunksDir = join(ROOT, 'dist', 'chunks');
  const all = statSync(join(ROOT, 'dist', 'cli.mjs')).size + readdirSync(chunksDir).filter((f) => f.endsWith('.mjs')).reduce((sum, f) => sum + statSync(join(chunksDir, f)).size, 0);
  console.log(`  dist/cli.mjs + static imports     ${(startupBytes() / 1024).toFixed(0)} KB (what every command parses); all chunks ${mb(all)}   before: dist/cli.js ${mb(BEFORE.cliBytes)}`);
  const nm = treeBytes(join(ROOT, 'node_modules'));
  console.log(`  node_modules                      ${mb(nm)}   before: ${mb(BEFORE.nodeModulesBytes)}`);
  const addon = statSync(join(ROOT, 'build', 'Code.js')).size;
  console.log(`  build/Code.js (add-on)            ${(addon / 1024).toFixed(1)} KB   before: ${(BEFORE.addonBytes / 1024).toFixed(1)} KB; goal: no growth: ${verdict(addon <= BEFORE.addonBytes)}`);
}

main();
