/**
 * SPEC §4.0 in Google (the loopback fake, real CLI and googleapis): Slides text and notes, the customer Docs and the
 * Gmail drafts of every example account carry nothing internal; the prep brief Doc carries it and is never shared.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeWorkbook } from '../../src/core';
import { forbiddenTerms, internalRisks, leaks } from '../../src/core/package/audience';
import { run } from '../../src/cli/main';
import { scopesFor } from '../../src/transport/auth';
import { openTracker } from '../../src/workbook/open';
import { readXlsx } from '../../src/workbook/xlsx';
import { presentationText } from '../fake-google/apis/slides';
import { seedSpreadsheet } from '../fake-google/seed';
import { startFakeGoogle, type FakeGoogle } from '../fake-google/server';
import { emlText, googleDocText } from '../helpers/artifact-text';

const SHEET = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const TRACKER = join(__dirname, '../../examples/tracker.xlsx');
const work = mkdtempSync(join(tmpdir(), 'qbr-google-audience-'));
let fake: FakeGoogle;

beforeAll(async () => {
  process.env.QBR_ACCESS_TOKEN = 'test-token';
  const wb = await readXlsx(TRACKER);
  fake = await startFakeGoogle({ scopes: scopesFor(false) });
  seedSpreadsheet(fake.state, SHEET, Object.fromEntries(wb.tabs.map((t) => [t.name, t.rows.map((r) => r.map((c) => (c === undefined ? null : c)))])));
  const code = await run(['generate', '--google', '--tracker', `https://docs.google.com/spreadsheets/d/${SHEET}/edit`, '--all', '--share-with-champion', '--today', '2026-11-22', '--api-root', fake.url, '--out', join(work, 'run')], {
    stdout: () => undefined, stderr: () => undefined, now: () => new Date('2026-11-22T15:00:00Z'),
  });
  expect(code).toBe(0);
}, 120_000);
afterAll(() => {
  fake.close();
  delete process.env.QBR_ACCESS_TOKEN;
  rmSync(work, { recursive: true, force: true });
});

const tagged = (suffix: string) => [...fake.state.files.values()].filter((f) => !f.trashed && String(f.appProperties?.qbrPackage ?? '').endsWith(suffix));
const accountOf = (f: { appProperties?: Record<string, string> }) => String(f.appProperties?.qbrPackage).split('|')[0]!;

describe('two audiences in Google (fake)', () => {
  it('no Slides text, notes, customer Doc or draft of any account shows anything internal', async () => {
    const book = analyzeWorkbook(await openTracker(TRACKER), { today: '2026-11-22' });
    const terms = new Map(book.accounts.map((r) => [r.id, forbiddenTerms(r)]));
    const hits: string[] = [];
    const scan = (id: string, where: string, text: string) => hits.push(...leaks(text, terms.get(id)!).map((h) => `${id} ${where}: ${h}`));
    const decks = tagged('|deck');
    expect(decks).toHaveLength(7);
    for (const f of decks) {
      for (const [i, s] of presentationText(fake.state.presentations.get(f.id)).slides.entries()) {
        scan(accountOf(f), `slide ${i + 1}`, [...s.texts, ...s.tables.flat(2), s.notes].join('\n'));
      }
    }
    const docs = [...tagged('|pre-read'), ...tagged('|action-plan')];
    expect(docs).toHaveLength(14);
    for (const f of docs) scan(accountOf(f), f.name ?? f.id, googleDocText(fake.state.documents.get(f.id)));
    const drafts = [...fake.state.drafts.values()];
    expect(drafts).toHaveLength(15);
    for (const d of drafts) {
      const text = await emlText(Buffer.from(d.message.raw, 'base64url'));
      const id = book.accounts.find((r) => text.includes(r.name))!.id;
      scan(id, 'draft', text);
    }
    expect(hits).toEqual([]);
  });

  it('makes a prep brief Doc per deck account, with the internal risks, never shared, linked in the QBR Log', async () => {
    const book = analyzeWorkbook(await openTracker(TRACKER), { today: '2026-11-22' });
    const briefs = tagged('|prep-brief');
    expect(briefs).toHaveLength(7);
    for (const f of briefs) {
      expect(f.permissions).toEqual([]);
      const r = book.accounts.find((a) => a.id === accountOf(f))!;
      const text = googleDocText(fake.state.documents.get(f.id));
      for (const k of internalRisks(r)) expect(text).toContain(k.risk);
      expect(text).toContain('ARR at risk');
    }
    // The customer docs were shared as asked; the log row's Doc URL lists the brief third.
    expect(tagged('|pre-read').every((f) => f.permissions.length === 1)).toBe(true);
    const log = fake.state.spreadsheets.get(SHEET)!.sheets.find((s) => s.title === 'QBR Log')!.values;
    const header = log[0]!.map(String);
    const row = log.find((r) => r[0] === 'ACC-002')!;
    const brief = briefs.find((f) => accountOf(f) === 'ACC-002')!;
    expect(String(row[header.indexOf('Doc URL')]).split(', ')[2]).toBe(`https://docs.google.com/document/d/${brief.id}/edit`);
  });
});
