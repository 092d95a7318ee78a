/** The loopback fake Google seeded with the example tracker, and the CLI's `generate --google` run in-process against it, for the Google benches. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main';
import { scopesFor } from '../src/transport/auth';
import { readXlsx } from '../src/workbook/xlsx';
import { seedSpreadsheet } from '../test/fake-google/seed';
import { startFakeGoogle, type FakeGoogle } from '../test/fake-google/server';

export interface BenchGoogle {
  fake: FakeGoogle;
  /** `qbr generate --google` for one account on Nov 22, 2026, into `dir` under a scratch folder; its exit code. */
  generate(account: string, dir: string, ...extra: string[]): Promise<number>;
}

/** Runs `body` against a fresh fake, prints how many requests broke the discovery documents, then stops the fake. */
export async function withBenchFakeGoogle(sheet: string, body: (google: BenchGoogle) => Promise<void>): Promise<void> {
  process.env.QBR_ACCESS_TOKEN = 'test-token';
  const wb = await readXlsx(join(__dirname, '..', 'examples', 'tracker.xlsx'));
  const fake = await startFakeGoogle({ scopes: scopesFor(false) });
  seedSpreadsheet(fake.state, sheet, Object.fromEntries(wb.tabs.map((t) => [t.name, t.rows.map((r) => r.map((c) => c ?? null))])));
  const out = mkdtempSync(join(tmpdir(), 'qbr-bench-google-'));
  const io = { stdout: () => undefined, stderr: () => undefined, now: () => new Date('2026-11-22T15:00:00Z') };
  const generate: BenchGoogle['generate'] = (account, dir, ...extra) =>
    run(['generate', '--google', '--tracker', sheet, '--today', '2026-11-22', '--api-root', fake.url, '--account', account, '--out', join(out, dir), ...extra], io);
  try {
    await body({ fake, generate });
    console.log(`  validation violations: ${fake.violations.length}`);
  } finally {
    await fake.close();
    rmSync(out, { recursive: true, force: true });
  }
}
