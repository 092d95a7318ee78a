/**
 * A whole book under Google's per-minute write quotas: 30 accounts through the real CLI and googleapis against the
 * loopback fake, whose quota windows turn on the same virtual clock the CLI paces and backs off on (no real waiting).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeBenchBook } from '../../bench/make-book';
import { run } from '../../src/cli/main';
import { scopesFor } from '../../src/transport/auth';
import { readXlsx } from '../../src/workbook/xlsx';
import { seedSpreadsheet } from '../fake-google/seed';
import { startFakeGoogle, type FakeGoogle } from '../fake-google/server';

const SHEET = '1QuotaBook0123456789abcdefghijklmnopqrstu';
const work = mkdtempSync(join(tmpdir(), 'qbr-quota-'));
let fake: FakeGoogle;
let clockMs = 0;
const timer = { now: () => clockMs, sleep: async (ms: number) => void (clockMs += ms) };

beforeAll(async () => {
  process.env.QBR_ACCESS_TOKEN = 'test-token';
  await makeBenchBook(join(work, 'book.xlsx'), 30);
  const wb = await readXlsx(join(work, 'book.xlsx'));
  // Another client of the same project writes 20 times a minute for this user (a second terminal, a teammate's
  // script on the same OAuth client): the CLI's pacer cannot see those, so only back-off gets it through.
  fake = await startFakeGoogle({ scopes: scopesFor(false), clock: timer.now, quota: { writesPerMinute: 60, othersPerMinute: 20 } });
  seedSpreadsheet(fake.state, SHEET, Object.fromEntries(wb.tabs.map((t) => [t.name, t.rows.map((r) => r.map((c) => (c === undefined ? null : c)))])));
});
afterAll(async () => {
  delete process.env.QBR_ACCESS_TOKEN;
  await fake.close();
  rmSync(work, { recursive: true, force: true });
});

it('finishes a book of 30 accounts under a 60-writes-a-minute quota, every account done', async () => {
  let stderr = '';
  const code = await run(['generate', '--google', '--tracker', SHEET, '--all', '--today', '2026-11-22', '--api-root', fake.url, '--out', join(work, 'out')], {
    stdout: () => undefined, stderr: (t) => (stderr += t), now: () => new Date('2026-11-22T15:00:00Z'), timer,
  });
  expect(stderr).not.toMatch(/FAILED|Stopped/);
  expect([0, 2]).toContain(code);
  expect(fake.violations).toEqual([]);
  // The quota did bite (and more than one minute window passed), yet every account has its QBR Log row.
  expect(fake.calls.filter((c) => c.status === 429).length).toBeGreaterThan(0);
  expect(clockMs).toBeGreaterThan(60_000);
  const made = Number(/(\d+) packages? made in Google Workspace/.exec(stderr)?.[1]);
  const log = fake.state.spreadsheets.get(SHEET)!.sheets.find((s) => s.title === 'QBR Log')!.values;
  expect(made).toBe(30);
  expect(log.length - 1).toBe(made);
}, 300_000);
