/**
 * Refresh in place (SPEC §4.4) end to end: the real CLI and googleapis clients against the loopback fake. Generate,
 * let the CSM edit the deck (a reworded shape, a deleted slide, a slide of their own, a retyped table cell), change
 * the tracker, re-run: the same deck, their edits kept and reported, untouched values carrying the new numbers.
 */
import { join } from 'node:path';
import type { WrittenElement } from '../../src/google/slides';
import { documentText } from '../fake-google/apis/docs';
import { presentationText } from '../fake-google/apis/slides';
import { addSlide, deleteSlide, editShapeText, editTableCell } from '../fake-google/user-edits';
import { fake, generate, sheetRows, useFakeGoogle, work } from '../helpers/google-fake';

/* eslint-disable @typescript-eslint/no-explicit-any -- REST resources read loosely, as a client would */

const SHEET = '1RefreshTrackerSpreadsheetId0123456789';
useFakeGoogle({ sheet: SHEET });
const qbr = (...extra: string[]) => generate(['--account', 'ACC-001', ...extra]);

const logCell = (header: string) => String(sheetRows('QBR Log')[1]![(sheetRows('QBR Log')[0] as unknown[]).indexOf(header)] ?? '');
const decks = () => [...fake.state.files.values()].filter((f) => f.appProperties?.qbrFacilitatorTemplate === 'copy');
const deck = (id: string) => fake.state.presentations.get(id);
/** Every element of the deck with its text (shapes), and the 1-based number of its slide. */
function elements(id: string): Map<string, { slide: number; text: string; el: any }> {
  const out = new Map<string, { slide: number; text: string; el: any }>();
  const runs = (t: any) => (t?.textElements ?? []).map((x: any) => x.textRun?.content ?? '').join('');
  deck(id).slides.forEach((s: any, i: number) => {
    const walk = (els: any[] = []) => els.forEach((e) => { out.set(e.objectId, { slide: i + 1, text: runs(e.shape?.text), el: e }); walk(e.elementGroup?.children); });
    walk(s.pageElements);
  });
  return out;
}
/** The Sheets hours cell behind ACC-001's Q4 value: 1,800 analyst hours → 1,200 moves the value $170,500 → $125,500 and ROI 3.1x → 2.3x. */
function correctTheHours(): void {
  const hours = sheetRows('Value').find((r) => r[0] === 'ACC-001' && r.includes(1800))!;
  hours[hours.indexOf(1800)] = 1200;
}
const slidesWrites = (from: number) => fake.calls.slice(from).filter((c) => c.methodId === 'slides.presentations.batchUpdate' && c.status < 300);

describe('a re-run refreshes the deck in place', () => {
  it('keeps every edit, rewrites the untouched values, refreshes the linked charts, and reports exactly what it kept', async () => {
    expect((await qbr()).code).toBe(0);
    const [file] = decks();
    const deckId = file!.id;
    const name = file!.name;
    const record = JSON.parse(logCell('Deck Record'));
    expect(record.deckId).toBe(deckId);
    expect(logCell('Deck Record').length).toBeLessThan(50_000);
    const texts = (record.elements as WrittenElement[]).filter((e): e is Extract<WrittenElement, { kind: 'text' }> => e.kind === 'text');
    const els = elements(deckId);
    // Shapes holding the ROI: the CSM rewords the first; the others are left alone.
    const roi = texts.filter((e) => e.values.some((v) => v.text.includes('3.1x')) && els.get(e.objectId)?.el.shape);
    expect(roi.length).toBeGreaterThanOrEqual(2);
    const [edited, ...untouched] = roi;
    editShapeText(fake.state, deckId, edited!.objectId, 'A strong quarter, in our words.');
    // A slide with generated values and none of the ROI shapes on it is deleted.
    const roiSlides = new Set(roi.map((e) => els.get(e.objectId)!.slide));
    const gone = deck(deckId).slides.findIndex((s: any, i: number) => !roiSlides.has(i + 1) && i > 0 && texts.some((e) => els.get(e.objectId)?.slide === i + 1));
    const goneSlide = deck(deckId).slides[gone];
    const goneElements = texts.filter((e) => els.get(e.objectId)?.slide === gone + 1).map((e) => e.objectId);
    deleteSlide(fake.state, deckId, goneSlide.objectId);
    // A customer story slide of their own, second in the deck; a table cell retyped.
    addSlide(fake.state, deckId, 'csm_story', 1, 'Customer story: $170,500 saved');
    type Table = Extract<WrittenElement, { kind: 'table' }>;
    const tables = (record.elements as WrittenElement[]).filter((e): e is Table => e.kind === 'table');
    const table = tables.find((t) => t.slide !== 'value-roi' && t.slide !== 'actions' && elements(deckId).has(t.objectId))!;
    editTableCell(fake.state, deckId, table.objectId, table.firstRow, table.columns[0]!, 'Our own row label');
    const revisionBefore = deck(deckId).revisionId;
    correctTheHours();
    // The champion also asks for a new action: the tracker's Actions tab gains a row for the deck's action table.
    const head = sheetRows('Actions')[0]!.map(String);
    const row: unknown[] = head.map(() => null);
    Object.entries({ 'Action ID': 'A-107', 'Account ID': 'ACC-001', Action: 'Share the EU rollout plan', Owner: 'Priya Raman', Side: 'Customer', 'Due Date': '2026-12-08', Status: 'Open' }).forEach(([h, v]) => (row[head.indexOf(h)] = v));
    sheetRows('Actions').push(row);

    const from = fake.calls.length;
    const again = await qbr();
    expect(again.code).toBe(0);
    expect(fake.violations).toEqual([]);
    // The same deck, not renamed, nothing trashed or copied.
    expect(decks().map((f) => f.id)).toEqual([deckId]);
    expect(fake.state.files.get(deckId)!.name).toBe(name);
    expect([...fake.state.files.values()].filter((f) => f.trashed)).toEqual([]);
    // (The Docs are another step's: only the deck's calls are checked here.)
    const template = [...fake.state.files.values()].find((f) => f.appProperties?.qbrFacilitatorTemplate === 'v1')!;
    expect(fake.calls.slice(from).filter((c) => (c.methodId === 'drive.files.copy' && c.params.fileId === template.id) || (c.methodId === 'drive.files.update' && c.params.fileId === deckId))).toEqual([]);
    // One Slides batch, guarded by the revision the CSM's edits left, refreshing the two linked charts.
    const writes = slidesWrites(from);
    expect(writes).toHaveLength(1);
    const body = writes[0]!.body as { requests: object[]; writeControl?: { requiredRevisionId?: string } };
    expect(body.writeControl?.requiredRevisionId).toBe(revisionBefore);
    expect(body.requests.filter((r) => 'refreshSheetsChart' in r)).toHaveLength(2);

    const now = elements(deckId);
    expect(now.get(edited!.objectId)!.text).toBe('A strong quarter, in our words.\n');
    for (const u of untouched) {
      expect(now.get(u.objectId)!.text).toContain('2.3x');
      expect(now.get(u.objectId)!.text).not.toContain('3.1x');
    }
    for (const id of goneElements) expect(now.has(id)).toBe(false);
    expect(deck(deckId).slides.some((s: any) => s.objectId === goneSlide.objectId)).toBe(false);
    expect(presentationText(deck(deckId)).slides[1]!.texts).toEqual(['Customer story: $170,500 saved']);
    const cells = (id: string) => now.get(id)!.el.table.tableRows.map((r: any) => r.tableCells.map((c: any) => (c.text?.textElements ?? []).map((t: any) => t.textRun?.content ?? '').join('').replace(/\n$/, '')));
    expect(cells(table.objectId)[table.firstRow][table.columns[0]!]).toBe('Our own row label');
    // Table rows nobody touched carry the new numbers; the tracker's new action rows are added below the others.
    const value = tables.find((t) => t.slide === 'value-roi')!;
    expect(value.rows[0]).toContain('$135,000');
    expect(cells(value.objectId)[value.firstRow]).toContain('$90,000');
    expect(cells(value.objectId).flat()).not.toContain('$135,000');
    const actions = tables.find((t) => t.slide === 'actions')!;
    expect(actions.rows).toHaveLength(3);
    expect(cells(actions.objectId)).toHaveLength(actions.firstRow + 4);
    expect(cells(actions.objectId)[actions.firstRow + 3][actions.columns[0]!]).toBe('A-107');
    // The CSM's own follow-up tasks the first run wrote to Actions are not customer rows.
    expect(cells(actions.objectId).flat().some((c: unknown) => String(c).startsWith('QBR-ACC-001-'))).toBe(false);

    // The report: exactly the edited element (its slide number in the deck as it is now), the deleted ones, the moved metrics.
    const editedSlide = now.get(edited!.objectId)!.slide;
    expect(again.stderr.match(/you edited this/g)).toHaveLength(2);
    expect(again.stderr).toMatch(new RegExp(`slide ${now.get(table.objectId)!.slide}, table row "${table.rows[0]![0]}", column 1: you edited this, kept\n`));
    expect(again.stderr).not.toContain('left as it is');
    expect(again.stderr).toMatch(new RegExp(`slide ${editedSlide}, [^\\n]+: you edited this, kept; the tracker now says [^\\n]*2\\.3x`));
    // The deleted slide is one line, named by the title we wrote on it.
    const goneTitle = texts.find((e) => goneElements.includes(e.objectId) && e.values.some((v) => v.token === '{{title}}'))!.values.find((v) => v.token === '{{title}}')!.text;
    expect(again.stderr.match(/you deleted this; left deleted/g)).toHaveLength(1);
    expect(again.stderr).toContain(`a deleted slide, the whole slide "${goneTitle}": you deleted this; left deleted`);
    expect(again.stderr).toContain('⚠ ROI: 3.1x → 2.3x');
    expect(logCell('Warnings')).toMatch(new RegExp(`Slide ${editedSlide}, [^;]+: you edited this, so it was kept; the tracker now says [^\\n]*2\\.3x`));
    // The prep brief carries it too, with the other warnings.
    const brief = [...fake.state.files.values()].find((f) => String(f.appProperties?.qbrPackage) === 'ACC-001|2026-12-10|prep-brief' && !f.trashed)!;
    expect(documentText(fake.state.documents.get(brief.id)).text).toMatch(new RegExp(`Warning: Slide ${editedSlide}, [^\\n]+: you edited this, so it was kept; the tracker now says [^\\n]*2\\.3x`));
    // The QBR Log's record is now what this refresh wrote: the next run compares with the new numbers.
    const after = JSON.parse(logCell('Deck Record'));
    expect(after.deckId).toBe(deckId);
    expect(JSON.stringify(after.elements)).toContain('2.3x');
    expect(JSON.stringify(after.elements)).not.toContain('3.1x');

    // Nothing moved since: no Slides write at all, and the edit is still reported (kept).
    const quiet = fake.calls.length;
    const third = await qbr();
    expect(third.code).toBe(0);
    expect(slidesWrites(quiet)).toEqual([]);
    expect(third.stderr).toContain('deck refreshed in place: nothing to rewrite');
    expect(third.stderr).toMatch(/you edited this, kept\n/);
    expect(elements(deckId).get(edited!.objectId)!.text).toBe('A strong quarter, in our words.\n');
  });

  it('--regenerate makes a new deck and keeps the old one, renamed "… (previous)"', async () => {
    expect((await qbr()).code).toBe(0);
    const [first] = decks();
    const name = first!.name;
    const again = await qbr('--regenerate');
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('refreshed in place');
    expect(decks()).toHaveLength(2);
    expect(fake.state.files.get(first!.id)!.name).toBe(`${name} (previous)`);
    expect([...fake.state.files.values()].filter((f) => f.trashed)).toEqual([]);
    const fresh = decks().find((f) => f.id !== first!.id)!;
    expect(JSON.parse(logCell('Deck Record')).deckId).toBe(fresh.id);
    // The whole package is made anew: three new Docs beside the three kept ones, none trashed.
    const docs = [...fake.state.files.values()].filter((f) => f.mimeType === 'application/vnd.google-apps.document');
    expect(docs).toHaveLength(6);
    expect(docs.filter((d) => d.name.endsWith('(previous)'))).toHaveLength(3);
  });

  it('makes a fresh deck, and says why, when the deck the QBR Log points at is gone or its record unreadable', async () => {
    expect((await qbr()).code).toBe(0);
    const [first] = decks();
    fake.state.presentations.delete(first!.id);
    fake.state.files.delete(first!.id);
    const again = await qbr();
    expect(again.code).toBe(0);
    expect(fake.violations).toEqual([]);
    expect(logCell('Warnings')).toContain(`The deck the QBR Log points at (${first!.id}) could not be opened`);
    const [second] = decks();
    expect(second!.id).not.toBe(first!.id);
    // In the trash: Slides still opens it, Drive says it was thrown away; it stays in the trash, a new deck is made.
    fake.state.files.get(second!.id)!.trashed = true;
    expect((await qbr()).code).toBe(0);
    expect(logCell('Warnings')).toContain(`The deck the QBR Log points at (${second!.id}) is in the trash, so a new deck was made`);
    const [live] = decks().filter((f) => !f.trashed);
    expect(live!.id).not.toBe(second!.id);
    expect(fake.state.files.get(second!.id)!.trashed).toBe(true);
    // Someone typed over the record: no refresh (a wrong one would take our values for the CSM's edits), a new deck.
    const log = sheetRows('QBR Log');
    log[1]![(log[0] as unknown[]).indexOf('Deck Record')] = 'see slide 3';
    const third = await qbr();
    expect(third.code).toBe(0);
    expect(logCell('Warnings')).toContain('no usable record');
    expect(decks().filter((f) => !/\(previous\)$/.test(f.name) && !f.trashed)).toHaveLength(1);
    expect(decks().filter((f) => !/\(previous\)$/.test(f.name) && !f.trashed).map((f) => f.id)).not.toContain(live!.id);
  });
});

describe('a refresh in place, the hard cases', () => {
  it('rewrites the chart tab numbers when they moved, keeping the chart ids the deck links to, and refreshes the charts', async () => {
    expect((await qbr()).code).toBe(0);
    const [file] = decks();
    const chartTab = () => fake.state.spreadsheets.get(SHEET)!.sheets.find((s) => s.title === 'QBR Charts')!;
    const chartIds = chartTab().charts.map((c) => c.chartId).sort();
    // 2026-Q3 active users 266 → 300: the adoption chart's numbers move.
    const q3 = sheetRows('Metrics').find((r) => r[0] === 'ACC-001' && r[1] === '2026-Q3')!;
    expect(q3[2]).toBe(266);
    q3[2] = 300;
    const from = fake.calls.length;
    expect((await qbr()).code).toBe(0);
    expect(fake.violations).toEqual([]);
    const sheetWrites = fake.calls.slice(from).filter((c) => c.methodId === 'sheets.spreadsheets.batchUpdate');
    expect(sheetWrites).toHaveLength(1);
    const requests = (sheetWrites[0]!.body as { requests: Record<string, any>[] }).requests;
    expect(requests.map((r) => Object.keys(r)[0])).toEqual(['updateCells', 'updateChartSpec', 'updateChartSpec']);
    expect(requests.slice(1).map((r) => r.updateChartSpec.chartId).sort()).toEqual(chartIds);
    expect(chartTab().charts.map((c) => c.chartId).sort()).toEqual(chartIds);
    expect(chartTab().values.flat()).toContain(300);
    const writes = slidesWrites(from);
    expect(writes).toHaveLength(1);
    expect((writes[0]!.body as { requests: object[] }).requests.filter((r) => 'refreshSheetsChart' in r)).toHaveLength(2);
    expect(decks().map((f) => f.id)).toEqual([file!.id]);
  });

  it('never applies a refresh twice when its answer is lost: the resend is refused by revision, then read back', async () => {
    expect((await qbr()).code).toBe(0);
    const [file] = decks();
    const record = JSON.parse(logCell('Deck Record'));
    const roi = (record.elements as WrittenElement[]).filter((e) => e.kind === 'text' && e.values.some((v) => v.text.includes('3.1x')) && elements(file!.id).get(e.objectId)?.el.shape);
    correctTheHours();
    fake.faults.push({ methodId: 'slides.presentations.batchUpdate', dropAfter: true, times: 1 });
    const from = fake.calls.length;
    const again = await qbr();
    expect(again.code).toBe(0);
    expect(fake.violations).toEqual([]);
    // Sent, applied, answer lost; the retry refused (400, the revision moved on); read back and found applied.
    expect(fake.calls.slice(from).filter((c) => c.methodId === 'slides.presentations.batchUpdate').map((c) => c.status)).toEqual([0, 400]);
    for (const e of roi) {
      const text = elements(file!.id).get(e.objectId)!.text;
      expect(text.split('2.3x')).toHaveLength(2); // once, not twice
      expect(text).not.toContain('3.1x');
    }
    expect(again.stderr).toMatch(/deck refreshed in place: \d+ values rewritten, 2 charts refreshed/);
  });

  it('a run killed after its refresh landed (answer lost) resumes without applying it again', async () => {
    expect((await qbr()).code).toBe(0);
    const [file] = decks();
    const record = JSON.parse(logCell('Deck Record'));
    const roi = (record.elements as WrittenElement[]).filter((e) => e.kind === 'text' && e.values.some((v) => v.text.includes('3.1x')) && elements(file!.id).get(e.objectId)?.el.shape);
    correctTheHours();
    const out = join(work, 'killed');
    // The batch lands but its answer is lost; the resend is refused (400) and every read after it fails: the run stops.
    const refused = () => fake.calls.some((c) => c.methodId === 'slides.presentations.batchUpdate' && c.status === 400);
    fake.faults.push({ methodId: 'slides.presentations.batchUpdate', dropAfter: true, times: 1 }, { methodId: 'slides.presentations.get', status: 500, times: 30, when: refused });
    expect((await qbr('--out', out)).code).toBe(1);
    fake.faults.length = 0;
    const from = fake.calls.length;
    const resumed = await qbr('--out', out);
    expect(resumed.code).toBe(0);
    expect(fake.violations).toEqual([]);
    expect(slidesWrites(from)).toEqual([]);
    for (const e of roi) {
      const text = elements(file!.id).get(e.objectId)!.text;
      expect(text.split('2.3x')).toHaveLength(2);
      expect(text).not.toContain('3.1x');
    }
    // Found applied by the mark the killed run saved: our own new values are not taken for the CSM's edits.
    expect(resumed.stderr).toContain('deck refreshed in place');
    expect(resumed.stderr).not.toContain('you edited this');
    // The log now records the new numbers, so the next refresh compares with what the deck shows.
    expect(JSON.stringify(JSON.parse(logCell('Deck Record')).elements)).toContain('2.3x');
    expect(decks().map((f) => f.id)).toEqual([file!.id]);
  });

  it('a refresh with nothing to rewrite that stops before its log row keeps the Deck Record, and the next run refreshes the same deck', async () => {
    expect((await qbr()).code).toBe(0);
    // A second run settles the package (its first re-run picks up the follow-up actions the first run wrote).
    expect((await qbr()).code).toBe(0);
    const [file] = decks();
    const record = logCell('Deck Record');
    expect(record).not.toBe('');
    const out = join(work, 'stopped');
    // Nothing moved, so the deck step writes nothing; the run then stops at the docs (every read fails).
    fake.faults.push({ methodId: 'docs.documents.get', status: 500, times: 40 });
    expect((await qbr('--out', out)).code).toBe(1);
    fake.faults.length = 0;
    expect((await qbr('--out', out)).code).toBe(0);
    // The resumed run wrote the row without the deck step's record in memory: the logged one stands.
    expect(logCell('Deck Record')).toBe(record);
    expect((await qbr()).code).toBe(0);
    expect(decks().map((d) => d.id)).toEqual([file!.id]);
    expect(decks().filter((d) => d.name.endsWith('(previous)'))).toEqual([]);
  });

  it('leaves a deck made from an older template as it is, and says to regenerate for the new design', async () => {
    expect((await qbr()).code).toBe(0);
    const [file] = decks();
    const before = JSON.stringify(deck(file!.id).slides);
    // The team restyles the template: its elements are new objects (new ids), its slides keep their tags.
    const template = [...fake.state.files.values()].find((f) => f.appProperties?.qbrFacilitatorTemplate === 'v1')!;
    const rename = (els: any[] = []) => els.forEach((e) => { e.objectId = `${e.objectId}_v2`; rename(e.elementGroup?.children); });
    for (const slide of fake.state.presentations.get(template.id).slides) rename(slide.pageElements);
    correctTheHours();
    const from = fake.calls.length;
    const again = await qbr();
    expect(again.code).toBe(0);
    expect(fake.violations).toEqual([]);
    expect(logCell('Warnings')).toContain('The template changed since this deck was made');
    expect(slidesWrites(from)).toEqual([]);
    expect(JSON.stringify(deck(file!.id).slides)).toBe(before);
    expect(decks().map((f) => f.id)).toEqual([file!.id]);
  });
});
