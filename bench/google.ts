/**
 * `npm run bench` (third part): Google API calls per package, by kind, for each deck variant — the real CLI and
 * Google's per-API clients (@googleapis/*) against the loopback fake. Goals: ≤ 2 Slides batchUpdates per deck, the enterprise package in ≤ 20 calls.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { run } from '../src/cli/main';
import { scopesFor } from '../src/transport/auth';
import { readXlsx } from '../src/workbook/xlsx';
import { seedSpreadsheet } from '../test/fake-google/seed';
import { startFakeGoogle } from '../test/fake-google/server';

const SHEET = '1BenchTrackerSpreadsheetId0123456789';
const ACCOUNTS: [string, string][] = [['ACC-002', 'ebr'], ['ACC-001', 'enterprise'], ['ACC-005', 'midmarket'], ['ACC-007', 'smb'], ['ACC-008', 'digital']];

async function main(): Promise<void> {
  process.env.QBR_ACCESS_TOKEN = 'test-token';
  const wb = await readXlsx(join(__dirname, '..', 'examples', 'tracker.xlsx'));
  const fake = await startFakeGoogle({ scopes: scopesFor(false) });
  seedSpreadsheet(fake.state, SHEET, Object.fromEntries(wb.tabs.map((t) => [t.name, t.rows.map((r) => r.map((c) => c ?? null))])));
  const out = mkdtempSync(join(tmpdir(), 'qbr-bench-google-'));
  const io = { stdout: () => undefined, stderr: () => undefined, now: () => new Date('2026-11-22T15:00:00Z') };
  const base = ['generate', '--google', '--tracker', SHEET, '--today', '2026-11-22', '--api-root', fake.url];
  try {
    // First run: finds no template, builds the built-in one (run-level calls, reported apart).
    let mark = fake.calls.length;
    await run([...base, '--account', 'ACC-006', '--out', join(out, 'warm')], io);
    const firstRun = fake.calls.slice(mark).map((c) => c.methodId);
    console.log(`first run only: built-in template ${firstRun.filter((m) => m.startsWith('slides.presentations.create') || m === 'drive.files.list').length + 2} calls; reading the tracker: 2 calls per run`);
    console.log('calls per package (template found, tracker read excluded):');
    for (const [id, variant] of ACCOUNTS) {
      mark = fake.calls.length;
      const t = performance.now();
      const code = await run([...base, '--account', id, '--out', join(out, id)], io);
      const ms = performance.now() - t;
      const calls = fake.calls.slice(mark).filter((c) => c.status < 300).map((c) => c.methodId).filter((m) => m !== 'sheets.spreadsheets.get' && m !== 'sheets.spreadsheets.values.batchGet' && m !== 'drive.files.list');
      const byKind = new Map<string, number>();
      for (const m of calls) byKind.set(m.split('.')[0]!, (byKind.get(m.split('.')[0]!) ?? 0) + 1);
      const slidesWrites = calls.filter((m) => m === 'slides.presentations.batchUpdate').length;
      console.log(`  ${variant.padEnd(10)} ${String(calls.length).padStart(3)} calls  (${[...byKind].map(([k, v]) => `${k} ${v}`).join(', ')}); Slides batchUpdates ${slidesWrites}; ${ms.toFixed(0)} ms; exit ${code}`);
    }
    console.log(`  validation violations: ${fake.violations.length}`);
  } finally {
    await fake.close();
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
