/**
 * The built CLI loads a heavy package (Google clients, exceljs, pptxgenjs, docx, date-holidays) only when the command needs it:
 * `--help` and usage errors answer before any is loaded. The build's metafile says which chunks hold each
 * package; a module-loader hook records every file the process loads. The analyze run is the control that
 * proves the hook sees them; the generate run checks a package that must stay outside the bundle.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scopesFor } from '../../src/transport/auth';
import { readXlsx } from '../../src/workbook/xlsx';
import { seedSpreadsheet } from '../fake-google/seed';
import { startFakeGoogle } from '../fake-google/server';

const ROOT = join(__dirname, '..', '..');
const HEAVY = ['exceljs', 'pptxgenjs', 'docx', 'date-holidays', 'google-auth-library', '@googleapis/slides', '@googleapis/docs', '@googleapis/drive', '@googleapis/gmail', '@googleapis/calendar', '@googleapis/sheets'];
let dir: string;
/** Package → the built files (URLs) that hold any of its code. */
const chunksOf = new Map<string, Set<string>>();

beforeAll(() => {
  // Inside the repo so packages left outside the bundle resolve from its node_modules, as dist/ does.
  dir = mkdtempSync(join(ROOT, 'dist-startup-'));
  execFileSync('node', ['scripts/build.mjs', '--cli-outdir', dir], { cwd: ROOT, stdio: 'pipe' });
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  for (const pkg of HEAVY) chunksOf.set(pkg, new Set());
  for (const [file, out] of Object.entries(meta.outputs)) {
    for (const input of Object.keys(out.inputs)) {
      const pkg = HEAVY.find((p) => input.includes(`node_modules/${p}/`));
      if (pkg) chunksOf.get(pkg)!.add(pathToFileURL(resolve(ROOT, file)).href);
    }
  }
  // Every module file the process loads, appended by a loader hook (it runs off the main thread).
  writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) { appendFileSync(process.env.QBR_LOADED_FILE, url + '\\n'); return next(url, context); }
`);
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function qbr(...args: string[]): { status: number | null; stdout: string; stderr: string; loaded: string[] } {
  const loadedFile = join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(loadedFile, '');
  const r = spawnSync('node', ['--import', pathToFileURL(join(dir, 'register.mjs')).href, join(dir, 'cli.mjs'), ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, QBR_LOADED_FILE: loadedFile }, timeout: 60_000,
  });
  const urls = new Set(readFileSync(loadedFile, 'utf8').split('\n').filter(Boolean));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, loaded: HEAVY.filter((p) => [...chunksOf.get(p)!].some((u) => urls.has(u))) };
}

describe('the built qbr loads heavy packages only when a command needs them', () => {
  it('--help prints the usage with none of them loaded', () => {
    const r = qbr('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage:');
    expect(r.loaded).toEqual([]);
  });

  it('an unknown flag is answered (exit 2) with none of them loaded', () => {
    const r = qbr('analyze', '--bogus');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Unknown option '--bogus'");
    expect(r.loaded).toEqual([]);
  });

  it('generate and record usage errors, local or --google, load none of them', () => {
    for (const args of [['generate', '--tracker', 'examples/tracker.xlsx', '--out', 'out'], ['generate', '--google', '--tracker', 'x', '--out', 'out'], ['auth'], ['record', '--tracker', 'examples/tracker.xlsx', '--account', 'ACC-004', '--out', 'out']]) {
      const r = qbr(...args);
      expect(r.status).toBe(2);
      expect(r.loaded).toEqual([]);
    }
  });

  it('analyze of an .xlsx loads exceljs, and not the renderers or the Google clients', () => {
    const r = qbr('analyze', '--tracker', 'examples/tracker.xlsx', '--today', '2026-11-20', '--account', 'ACC-001');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('GlobalTech');
    expect(r.loaded).toEqual(['exceljs']);
  });

  it('the metafile places every heavy package in some chunk (so the checks above look at real files)', () => {
    expect(HEAVY.filter((p) => chunksOf.get(p)!.size === 0)).toEqual([]);
  });

  it('generate writes calendar holds with their VTIMEZONE (the zone files stay beside @touch4it/ical-timezones)', () => {
    const out = mkdtempSync(join(dir, 'out-'));
    const r = qbr('generate', '--tracker', 'examples/tracker.xlsx', '--account', 'ACC-001', '--today', '2026-11-20', '--out', out);
    expect(r.status).toBe(0);
    expect(r.loaded).toEqual(expect.arrayContaining(['exceljs', 'pptxgenjs', 'docx', 'date-holidays']));
    const ics = readFileSync(join(out, 'ACC-001', 'prep-holds.ics'), 'utf8');
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toMatch(/DTSTART;TZID=America\/Chicago:\d{8}T093000/);
  });

  it('generate --google runs the bundled Google clients over real HTTP against the fake', async () => {
    const fake = await startFakeGoogle({ scopes: scopesFor(false) });
    try {
      const wb = await readXlsx(join(ROOT, 'examples', 'tracker.xlsx'));
      const sheet = '1StartupTestSpreadsheet0123456789abcd';
      seedSpreadsheet(fake.state, sheet, Object.fromEntries(wb.tabs.map((t) => [t.name, t.rows.map((r) => r.map((c) => (c === undefined ? null : c)))])));
      // Asynchronous: the fake answers from this process's event loop.
      const child = spawn('node', [join(dir, 'cli.mjs'), 'generate', '--google', '--tracker', sheet, '--account', 'ACC-001', '--today', '2026-11-22',
        '--api-root', fake.url, '--out', mkdtempSync(join(dir, 'google-'))], { cwd: ROOT, env: { ...process.env, QBR_ACCESS_TOKEN: 'test-token' } });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const status = await new Promise<number | null>((done) => child.on('close', done));
      expect({ status, stderr }).toMatchObject({ status: 0 });
      expect(fake.calls.filter((c) => c.methodId === 'slides.presentations.batchUpdate' && c.status < 300).length).toBeGreaterThan(0);
      expect(fake.calls.filter((c) => c.methodId === 'gmail.users.drafts.create' && c.status < 300).length).toBe(2);
    } finally {
      await fake.close();
    }
  });
});
