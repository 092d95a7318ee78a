/**
 * `npm run bench` (third part): Google API calls per package, by kind, for each deck variant — the real CLI and
 * Google's per-API clients (@googleapis/*) against the loopback fake. Goals: ≤ 2 Slides batchUpdates per deck, the enterprise package in ≤ 20 calls.
 */
import { performance } from 'node:perf_hooks';
import { withBenchFakeGoogle } from './fake-google';

const SHEET = '1BenchTrackerSpreadsheetId0123456789';
const ACCOUNTS: [string, string][] = [['ACC-002', 'ebr'], ['ACC-001', 'enterprise'], ['ACC-005', 'midmarket'], ['ACC-007', 'smb'], ['ACC-008', 'digital']];

async function main(): Promise<void> {
  await withBenchFakeGoogle(SHEET, async ({ fake, generate }) => {
    // First run: finds no template, builds the built-in one (run-level calls, reported apart).
    let mark = fake.calls.length;
    await generate('ACC-006', 'warm');
    const firstRun = fake.calls.slice(mark).map((c) => c.methodId);
    console.log(`first run only: built-in template ${firstRun.filter((m) => m.startsWith('slides.presentations.create') || m === 'drive.files.list').length + 2} calls; reading the tracker: 2 calls per run`);
    console.log('calls per package (template found, tracker read excluded):');
    for (const [id, variant] of ACCOUNTS) {
      mark = fake.calls.length;
      const t = performance.now();
      const code = await generate(id, id);
      const ms = performance.now() - t;
      const calls = fake.calls.slice(mark).filter((c) => c.status < 300).map((c) => c.methodId).filter((m) => m !== 'sheets.spreadsheets.get' && m !== 'sheets.spreadsheets.values.batchGet' && m !== 'drive.files.list');
      const byKind = new Map<string, number>();
      for (const m of calls) byKind.set(m.split('.')[0]!, (byKind.get(m.split('.')[0]!) ?? 0) + 1);
      const slidesWrites = calls.filter((m) => m === 'slides.presentations.batchUpdate').length;
      console.log(`  ${variant.padEnd(10)} ${String(calls.length).padStart(3)} calls  (${[...byKind].map(([k, v]) => `${k} ${v}`).join(', ')}); Slides batchUpdates ${slidesWrites}; ${ms.toFixed(0)} ms; exit ${code}`);
    }
  });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
