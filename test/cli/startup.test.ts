/**
 * The built CLI loads a heavy package (Google clients, exceljs, pptxgenjs, docx) only when the command needs it:
 * `--help` and usage errors answer before any is required. A preload hook records every package the process
 * requires; the analyze run is the control that proves the hook sees them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const HEAVY = ['exceljs', 'pptxgenjs', 'docx', 'google-auth-library', '@googleapis/slides', '@googleapis/docs', '@googleapis/drive', '@googleapis/gmail', '@googleapis/calendar', '@googleapis/sheets'];
let dir: string;

beforeAll(() => {
  // Inside the repo so the bundle's external packages resolve from its node_modules, as dist/cli.js does.
  dir = mkdtempSync(join(ROOT, 'dist-startup-'));
  execFileSync('node', ['scripts/build.mjs', '--cli-out', join(dir, 'cli.js')], { cwd: ROOT, stdio: 'pipe' });
  // Records the package name of every bare require (Module._load sees require() and import() of CommonJS alike).
  writeFileSync(join(dir, 'hook.cjs'), `
const Module = require('module');
const fs = require('fs');
const seen = new Set();
const load = Module._load;
Module._load = function (request, ...rest) {
  if (!request.startsWith('.') && !request.startsWith('/') && !request.startsWith('node:')) {
    const parts = request.split('/');
    seen.add(request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
  }
  return load.call(this, request, ...rest);
};
process.on('exit', () => fs.writeFileSync(process.env.QBR_LOADED_FILE, JSON.stringify([...seen])));
`);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function qbr(...args: string[]): { status: number | null; stdout: string; stderr: string; loaded: string[] } {
  const loadedFile = join(dir, 'loaded.json');
  const r = spawnSync('node', ['--require', join(dir, 'hook.cjs'), join(dir, 'cli.js'), ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, QBR_LOADED_FILE: loadedFile }, timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, loaded: JSON.parse(readFileSync(loadedFile, 'utf8')) as string[] };
}

const heavyIn = (loaded: string[]) => HEAVY.filter((p) => loaded.includes(p));

describe('the built qbr loads heavy packages only when a command needs them', () => {
  it('--help prints the usage with none of them loaded', () => {
    const r = qbr('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage:');
    expect(heavyIn(r.loaded)).toEqual([]);
  });

  it('an unknown flag is answered (exit 2) with none of them loaded', () => {
    const r = qbr('analyze', '--bogus');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Unknown option '--bogus'");
    expect(heavyIn(r.loaded)).toEqual([]);
  });

  it('generate usage errors, local or --google, load none of them', () => {
    for (const args of [['generate', '--tracker', 'examples/tracker.xlsx', '--out', 'out'], ['generate', '--google', '--tracker', 'x', '--out', 'out'], ['auth']]) {
      const r = qbr(...args);
      expect(r.status).toBe(2);
      expect(heavyIn(r.loaded)).toEqual([]);
    }
  });

  it('analyze of an .xlsx loads exceljs, and not the renderers or the Google clients', () => {
    const r = qbr('analyze', '--tracker', 'examples/tracker.xlsx', '--today', '2026-11-20', '--account', 'ACC-001');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('GlobalTech');
    expect(heavyIn(r.loaded)).toEqual(['exceljs']);
  });
});
