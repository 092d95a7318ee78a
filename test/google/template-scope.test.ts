/** `qbr generate --google --template` under drive.file: a team's own template is out of reach, and the CLI says what to do instead. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { builtInPresentation } from '../../src/google/slides/snapshot';
import { scopesFor } from '../../src/transport/auth';
import { readXlsx } from '../../src/workbook/xlsx';
import { seedFile, seedSpreadsheet } from '../fake-google/seed';
import { startFakeGoogle, type FakeGoogle } from '../fake-google/server';
import { MIME } from '../fake-google/state';

const SHEET = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const TEAM = '1TeamTemplatePresentation0123456789';
const work = mkdtempSync(join(tmpdir(), 'qbr-template-'));
let fake: FakeGoogle;

beforeAll(async () => {
  process.env.QBR_ACCESS_TOKEN = 'test-token';
  const wb = await readXlsx(join(__dirname, '../../examples/tracker.xlsx'));
  fake = await startFakeGoogle({ scopes: scopesFor(false) });
  seedSpreadsheet(fake.state, SHEET, Object.fromEntries(wb.tabs.map((t) => [t.name, t.rows.map((r) => r.map((c) => (c === undefined ? null : c)))])));
  // The team's template: the user's own presentation, not made by the app.
  seedFile(fake.state, { id: TEAM, name: 'Acme QBR template', mimeType: MIME.presentation, content: builtInPresentation(), appCreated: false });
});
afterAll(() => {
  delete process.env.QBR_ACCESS_TOKEN;
  fake.close();
  rmSync(work, { recursive: true, force: true });
});

async function qbr(out: string, ...extra: string[]) {
  let stderr = '';
  const code = await run(['generate', '--google', '--tracker', SHEET, '--today', '2026-11-22', '--api-root', fake.url, '--out', join(work, out), ...extra], {
    stdout: () => undefined, stderr: (t) => (stderr += t), now: () => new Date('2026-11-22T15:00:00Z'),
  });
  return { code, stderr };
}

it('stops at the first account and says how to get a template the sign-in can reach', async () => {
  const r = await qbr('file-only', '--all', '--template', TEAM);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`Google cannot open the --template presentation ${TEAM}`);
  expect(r.stderr).toContain('run once without --template');
  expect(r.stderr.match(/FAILED/g)).toHaveLength(1);
  expect(fake.calls.filter((c) => c.methodId === 'drive.files.copy')).toHaveLength(1);
  expect(fake.violations).toEqual([]);
});

it('the advice works: without --template the app makes its own template, and later runs copy that one', async () => {
  const first = await qbr('own-1', '--account', 'ACC-001');
  expect(first.stderr).not.toMatch(/FAILED|Usage|error/i);
  expect(first.code).toBe(0);
  const own = [...fake.state.files.values()].find((f) => f.appProperties?.qbrFacilitatorTemplate === 'v1')!;
  expect(own.appCreated).toBe(true);
  const second = await qbr('own-2', '--account', 'ACC-002');
  expect(second.stderr).not.toMatch(/FAILED/);
  const copied = fake.calls.filter((c) => c.methodId === 'drive.files.copy' && c.status === 200).map((c) => c.path);
  expect(copied).toHaveLength(2);
  for (const p of copied) expect(p).toContain(own.id);
});
