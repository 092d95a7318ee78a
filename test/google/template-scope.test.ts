/** `qbr generate --google --template` under drive.file: a team's own template is out of reach, and the CLI says what to do instead. */
import { join } from 'node:path';
import { builtInPresentation } from '../../src/google/slides/snapshot';
import { seedFile } from '../fake-google/seed';
import { MIME } from '../fake-google/state';
import { fake, generate, useFakeGoogle, work } from '../helpers/google-fake';

const SHEET = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const TEAM = '1TeamTemplatePresentation0123456789';
useFakeGoogle({
  sheet: SHEET,
  per: 'file',
  // The team's template: the user's own presentation, not made by the app.
  seed: (f) => seedFile(f.state, { id: TEAM, name: 'Acme QBR template', mimeType: MIME.presentation, content: builtInPresentation(), appCreated: false }),
});
const qbr = (out: string, ...extra: string[]) => generate(['--out', join(work, out), ...extra]);

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
