import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';

const out = mkdtempSync(join(tmpdir(), 'qbr-dry-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('--dry-run plans every Google call from a local tracker, makes none and needs no credentials', async () => {
  let stderr = '';
  const env = { ...process.env };
  delete process.env.QBR_ACCESS_TOKEN;
  const code = await run(['generate', '--google', '--dry-run', '--tracker', join(__dirname, '../../examples/tracker.xlsx'), '--account', 'ACC-001', '--account', 'ACC-008', '--today', '2026-11-22', '--out', out], {
    stdout: () => undefined, stderr: (t) => (stderr += t), now: () => new Date('2026-11-22T15:00:00Z'),
  });
  process.env = env;
  expect(code).toBe(0);
  expect(stderr).toContain('planned (no call made)');
  // The run's own calls: look for the built-in template and, on a first run, make it.
  const runLevel = JSON.parse(readFileSync(join(out, 'google-requests.json'), 'utf8')) as { id: string }[];
  expect(runLevel.map((c) => c.id)).toEqual(['drive.files.list', 'slides.presentations.create', 'slides.presentations.batchUpdate', 'drive.files.update']);
  const calls = JSON.parse(readFileSync(join(out, 'ACC-001', 'google-requests.json'), 'utf8')) as { id: string; params: Record<string, unknown>; body?: unknown }[];
  const ids = calls.map((c) => c.id);
  expect(ids[0]).toBe('drive.files.copy');
  expect(ids.filter((i) => i === 'slides.presentations.get')).toHaveLength(1); // read the copy once
  expect(ids.filter((i) => i === 'slides.presentations.batchUpdate')).toHaveLength(1); // one fill
  // The tracker write-back is planned too: the chart tab (made on a first run), the deck's record logged as soon as the
  // deck is filled (a run that pauses keeps it), and the QBR Log row with the rest: two values.batchUpdate.
  expect(ids.filter((i) => i === 'sheets.spreadsheets.values.batchUpdate')).toHaveLength(2);
  expect(ids.filter((i) => i === 'sheets.spreadsheets.batchUpdate').length).toBeGreaterThanOrEqual(1);
  expect(ids.filter((i) => i === 'calendar.events.insert')).toHaveLength(11);
  expect(ids.filter((i) => i === 'gmail.users.drafts.create')).toHaveLength(2);
  expect(ids.some((i) => /send/.test(i))).toBe(false);
  const fill = calls.filter((c) => c.id === 'slides.presentations.batchUpdate')[0]!;
  expect(fill.params).toEqual({ presentationId: '<deckId>' });
  expect(JSON.stringify(fill.body)).toContain('GlobalTech');
  const digital = JSON.parse(readFileSync(join(out, 'ACC-008', 'google-requests.json'), 'utf8')) as { id: string }[];
  expect(digital.map((c) => c.id)).toEqual(['gmail.users.drafts.create', 'sheets.spreadsheets.values.batchUpdate']);
  expect(existsSync(join(out, 'google-state.json'))).toBe(false);
  // Nothing was made, so nothing is said to be made and no deck record points at a placeholder id.
  expect(existsSync(join(out, 'ACC-001', 'deck-record.json'))).toBe(false);
  expect(stderr).not.toMatch(/^Created /m);
});

it('--dry-run cannot read a Google Sheet, and --google needs one without it', async () => {
  let stderr = '';
  const io = { stdout: () => undefined, stderr: (t: string) => (stderr += t) };
  expect(await run(['generate', '--google', '--dry-run', '--tracker', '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789', '--all', '--out', out], io)).toBe(2);
  expect(stderr).toMatch(/download the tracker/);
  expect(await run(['generate', '--google', '--tracker', 'examples/tracker.xlsx', '--all', '--out', out], io)).toBe(2);
  expect(await run(['generate', '--tracker', 'examples/tracker.xlsx', '--all', '--template', 'x', '--out', out], io)).toBe(2);
});
