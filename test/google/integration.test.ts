/**
 * `qbr generate --google` end to end: the real CLI and the real googleapis client, over real HTTP, against the loopback
 * fake of Google's REST API, which validates every request against the discovery documents and keeps state.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { documentText } from '../fake-google/apis/docs';
import { presentationText } from '../fake-google/apis/slides';
import { scopesFor } from '../../src/transport/auth';
import { seedFile } from '../fake-google/seed';
import { fake, generate, okCalls, restartFake, sheetRows, tabs, useFakeGoogle, work } from '../helpers/google-fake';

const SHEET = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
useFakeGoogle({ sheet: SHEET, tracker: `https://docs.google.com/spreadsheets/d/${SHEET}/edit#gid=0` });
const qbr = (...extra: string[]) => generate(extra);

const count = (methodId: string) => okCalls(methodId).length;
const previous = (f: { name: string }) => / \(previous\)$/.test(f.name);
/** The current decks: a re-run keeps the one it replaces as "… (previous)" (SPEC §4.4). */
const decks = () => [...fake.state.files.values()].filter((f) => f.appProperties?.qbrFacilitatorTemplate === 'copy' && !f.trashed && !previous(f));
const liveDocs = () => [...fake.state.files.values()].filter((f) => f.mimeType === 'application/vnd.google-apps.document' && !f.trashed);
const events = () => [...(fake.state.events.get('primary')?.values() ?? [])].filter((e) => e.status !== 'cancelled');

describe('qbr generate --google', () => {
  it('makes the whole package with valid requests, fills every token and logs it in the tracker', async () => {
    const r = await qbr('--account', 'ACC-001');
    expect(r.stderr).not.toMatch(/FAILED/);
    expect(r.code).toBe(0);
    expect(fake.violations).toEqual([]);
    const [deck] = decks();
    expect(decks()).toHaveLength(1);
    const text = presentationText(fake.state.presentations.get(deck!.id));
    expect(JSON.stringify(text)).not.toContain('{{');
    expect(text.slides).toHaveLength(17);
    expect(JSON.stringify(text)).toContain('GlobalTech');
    expect(count('gmail.users.drafts.create')).toBe(2);
    expect(fake.calls.some((c) => /send/i.test(c.methodId))).toBe(false);
    expect(events()).toHaveLength(11);
    const log = sheetRows('QBR Log');
    expect(log).toHaveLength(2);
    expect(String(log[1]![0])).toBe('ACC-001');
    expect(sheetRows('Actions').filter((r) => String(r[0] ?? '').startsWith('QBR-ACC-001-'))).toHaveLength(3);
    // The template itself was never written to after it was built.
    const template = [...fake.state.files.values()].find((f) => f.appProperties?.qbrFacilitatorTemplate === 'v1')!;
    const fills = fake.calls.filter((c) => c.methodId === 'slides.presentations.batchUpdate' && c.path.includes(template.id));
    expect(fills).toHaveLength(1); // the build, on the first run only
  });

  it('links the deck and docs by their URLs in the drafts and attaches the meeting request to the invitation', async () => {
    expect((await qbr('--account', 'ACC-001')).code).toBe(0);
    const drafts = await Promise.all([...fake.state.drafts.values()].map((d) => simpleParser(Buffer.from(d.message.raw, 'base64url'))));
    const summary = drafts.find((d) => /Summary & Next Steps/.test(d.subject ?? ''))!;
    const invitation = drafts.find((d) => /^Invitation:/.test(d.subject ?? ''))!;
    const [deck] = decks();
    const docs = [...fake.state.files.values()].filter((f) => f.mimeType === 'application/vnd.google-apps.document' && !f.trashed);
    const preRead = docs.find((f) => /pre-read/i.test(f.name ?? ''))!;
    const plan = docs.find((f) => /action plan/i.test(f.name ?? ''))!;
    expect(summary.html).toContain(`href="https://docs.google.com/presentation/d/${deck!.id}/edit"`);
    expect(summary.html).toContain(`href="https://docs.google.com/document/d/${plan.id}/edit"`);
    expect(summary.attachments).toEqual([]);
    expect(invitation.html).toContain(`href="https://docs.google.com/document/d/${preRead.id}/edit"`);
    const ics = invitation.attachments.find((a) => a.contentType === 'text/calendar')!;
    const cal = new ICAL.Component(ICAL.parse(ics.content.toString('utf8')));
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    // GlobalTech (America/Chicago) meets Thu 2026-12-10 at 10:00 CST = 16:00 UTC, for the enterprise agenda's 75 minutes.
    const event = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-10T16:00:00.000Z');
    expect(event.duration.toSeconds()).toBe(75 * 60);
  });

  it('re-runs with --regenerate update the same drafts, holds and log row, and leave one deck (the old one kept as previous)', async () => {
    await qbr('--account', 'ACC-001');
    const [firstDeck] = decks();
    const firstName = firstDeck!.name;
    const firstDocs = liveDocs().map((d) => d.id);
    // The first deck (which the CSM may have edited) must survive the re-run as it is.
    const edited = fake.state.presentations.get(firstDeck!.id)!;
    const slidesBefore = JSON.stringify(edited.slides);
    const firstEvents = events().map((e) => e.id).sort();
    const charts = () => fake.state.spreadsheets.get(SHEET)!.sheets.find((s) => s.title === 'QBR Charts')!.charts.length;
    const chartCount = charts();
    expect(chartCount).toBeGreaterThanOrEqual(2);
    // The chart numbers are numbers (RAW keeps them so), under the account's label row.
    const chartRows = sheetRows('QBR Charts');
    expect(String(chartRows[0]![0])).toMatch(/^ACC-001 · /);
    expect(chartRows.flat().some((v) => typeof v === 'number')).toBe(true);
    const again = await qbr('--account', 'ACC-001', '--regenerate');
    expect(again.code).toBe(0);
    expect(fake.violations).toEqual([]);
    expect(fake.state.drafts.size).toBe(2);
    expect(count('gmail.users.drafts.update')).toBe(2);
    expect(events().map((e) => e.id).sort()).toEqual(firstEvents);
    expect(sheetRows('QBR Log')).toHaveLength(2);
    expect(sheetRows('Actions').filter((r) => String(r[0] ?? '').startsWith('QBR-ACC-001-'))).toHaveLength(3);
    expect(charts()).toBe(chartCount);
    expect(decks()).toHaveLength(1);
    // Nothing the tool wrote to the tracker became a formula (writes are RAW).
    for (const sheet of fake.state.spreadsheets.get(SHEET)!.sheets) {
      expect(sheet.values.flat().some((v) => v !== null && typeof v === 'object' && 'formula' in (v as object))).toBe(false);
    }
    expect(liveDocs().filter((f) => !previous(f))).toHaveLength(3); // pre-read, action plan, prep brief
    expect([...fake.state.files.values()].filter((f) => f.appProperties?.qbrFacilitatorTemplate === 'v1')).toHaveLength(1);
    // Nothing was trashed: the first deck is kept, renamed "… (previous)" and re-tagged, with the CSM's edit.
    expect([...fake.state.files.values()].filter((f) => f.trashed)).toEqual([]);
    const kept = fake.state.files.get(firstDeck!.id)!;
    expect(kept.name).toBe(`${firstName} (previous)`);
    expect(kept.appProperties?.qbrPackage).toBe('ACC-001|2026-12-10|deck|previous');
    expect(fake.state.presentations.get(firstDeck!.id)).toBe(edited);
    expect(JSON.stringify(edited.slides)).toBe(slidesBefore);
    // --regenerate is the whole package from scratch: three new docs, the first three kept as "… (previous)" (a plain
    // re-run refreshes them in place instead: test/google/docs-refresh.test.ts).
    expect(liveDocs().filter(previous).map((d) => d.id).sort()).toEqual([...firstDocs].sort());
    expect(liveDocs().filter((d) => !previous(d)).some((d) => firstDocs.includes(d.id))).toBe(false);
    expect(count('drive.files.delete')).toBe(0);
  });

  it('a re-run after the tracker changed says what moved since the package the QBR Log recorded', async () => {
    const first = await qbr('--account', 'ACC-001');
    expect(first.stderr).not.toContain('since the last generation');
    const log = sheetRows('QBR Log');
    const figuresCol = (log[0] as unknown[]).indexOf('Key Figures');
    expect(JSON.parse(String(log[1]![figuresCol]))).toMatchObject({ qbrDate: '2026-12-10', valueQuarter: 170500, arr: 220000 });
    // The champion corrects the analyst hours of Q4 in the tracker: 1,800 → 1,200 (value $170,500 → $125,500).
    const value = sheetRows('Value');
    const hours = value.find((r) => r[0] === 'ACC-001' && r.includes(1800))!;
    hours[hours.indexOf(1800)] = 1200;
    const again = await qbr('--account', 'ACC-001');
    expect(again.code).toBe(0);
    expect(fake.violations).toEqual([]);
    // ROI $170,500 / $55,000 = 3.1x → $125,500 / $55,000 = 2.3x: down 26.4 %, called out first.
    expect(again.stderr).toContain('; moved since the last generation:\n    ⚠ ROI: 3.1x → 2.3x (ROI down 26%)\n    Value this quarter: $170,500 → $125,500');
    const brief = liveDocs().find((f) => String(f.appProperties?.qbrPackage) === 'ACC-001|2026-12-10|prep-brief')!;
    const text = documentText(fake.state.documents.get(brief.id)).text;
    expect(text).toContain('What moved since the last generation');
    expect(text).toContain('⚠ ROI: 3.1x → 2.3x (ROI down 26%)');
    expect(JSON.parse(String(sheetRows('QBR Log')[1]![figuresCol]))).toMatchObject({ valueQuarter: 125500 });
  });

  it('keeps, per element, what the fill wrote: every recorded value is in that element of the deck', async () => {
    const out = join(work, 'record');
    expect((await qbr('--account', 'ACC-001', '--out', out)).code).toBe(0);
    const record = JSON.parse(readFileSync(join(out, 'ACC-001', 'deck-record.json'), 'utf8'));
    const [deck] = decks();
    expect(record).toMatchObject({ deckId: deck!.id, qbrDate: '2026-12-10' });
    // Every element of the filled deck by object id, with its text (shapes, and table cells joined).
    const byId = new Map<string, string>();
    type El = { objectId?: string; shape?: { text?: unknown }; table?: { tableRows?: { tableCells?: { text?: unknown }[] }[] }; elementGroup?: { children?: El[] } };
    const runs = (t: unknown) => ((t as { textElements?: { textRun?: { content?: string } }[] } | undefined)?.textElements ?? []).map((x) => x.textRun?.content ?? '').join('');
    const walk = (els: El[] = []) => els.forEach((e) => {
      byId.set(e.objectId ?? '', e.shape ? runs(e.shape.text) : (e.table?.tableRows ?? []).flatMap((r) => (r.tableCells ?? []).map((c) => runs(c.text))).join('\n'));
      walk(e.elementGroup?.children);
    });
    for (const slide of fake.state.presentations.get(deck!.id).slides) walk(slide.pageElements);
    const texts = record.elements.filter((e: { kind: string }) => e.kind === 'text');
    expect(texts.length).toBeGreaterThan(20);
    for (const e of texts) {
      expect(byId.has(e.objectId)).toBe(true);
      for (const v of e.values) expect(byId.get(e.objectId)).toContain(v.text);
    }
    // The account's name went into at least one element, and the linked charts are recorded by chart id.
    expect(texts.some((e: { values: { text: string }[] }) => e.values.some((v) => v.text.includes('GlobalTech')))).toBe(true);
    const charts = record.elements.filter((e: { kind: string }) => e.kind === 'chart');
    // ACC-001's deck has two charts since the outline of SPEC §4.2: the adoption trend and health.
    expect(charts.length).toBe(2);
    for (const c of charts) expect(c).toMatchObject({ spreadsheetId: SHEET, chartId: expect.any(Number) });
  });

  it('the refresh planner, on a real filled deck the CSM edited, rewrites only the values nobody touched', async () => {
    const out = join(work, 'refresh');
    expect((await qbr('--account', 'ACC-001', '--out', out)).code).toBe(0);
    const before = JSON.parse(readFileSync(join(out, 'ACC-001', 'deck-record.json'), 'utf8'));
    const deckId = before.deckId as string;
    type Text = { kind: 'text'; objectId: string; values: { text: string }[] };
    const texts = (before.elements as Text[]).filter((e) => e.kind === 'text');
    // The first deck: the CSM rewords one shape holding the ROI and deletes another.
    const holding = (v: string) => texts.filter((e) => e.values.some((x) => x.text.includes(v)) && find(e.objectId)?.shape);
    const find = (id: string) => fake.state.presentations.get(deckId).slides.flatMap((sl: { pageElements?: { objectId: string; shape?: { text?: { textElements?: { textRun?: { content: string } }[] } } }[] }) => sl.pageElements ?? []).find((e: { objectId: string }) => e.objectId === id);
    const shapeText = (id: string) => (find(id)?.shape?.text?.textElements ?? []).map((t: { textRun?: { content: string } }) => t.textRun?.content ?? '').join('');
    const [edited, untouched, deleted] = holding('3.1x');
    expect(deleted).toBeDefined();
    Object.assign(find(edited!.objectId)!.shape!, { text: { textElements: [{ startIndex: 0, endIndex: 15, textRun: { content: 'Our own words.\n', style: {} } }] } });
    for (const sl of fake.state.presentations.get(deckId).slides) sl.pageElements = (sl.pageElements ?? []).filter((e: { objectId: string }) => e.objectId !== deleted!.objectId);
    // The tracker changes (1,800 → 1,200 analyst hours) and a second run records what the new fill writes, by the same object ids.
    const value = sheetRows('Value');
    const hours = value.find((r) => r[0] === 'ACC-001' && r.includes(1800))!;
    hours[hours.indexOf(1800)] = 1200;
    const out2 = join(work, 'refresh-2');
    expect((await qbr('--account', 'ACC-001', '--out', out2, '--regenerate')).code).toBe(0);
    const after = JSON.parse(readFileSync(join(out2, 'ACC-001', 'deck-record.json'), 'utf8'));
    const { refreshRequests } = await import('../../src/google/slides/refresh');
    const { applySlidesRequests } = await import('../fake-google/apis/slides');
    const plan = refreshRequests(before.elements, after.elements, fake.state.presentations.get(deckId));
    expect(plan.edited.map((e) => e.objectId)).toContain(edited!.objectId);
    expect(plan.deleted.map((e) => e.objectId)).toEqual([deleted!.objectId]);
    expect(plan.rewritten).toEqual(expect.arrayContaining([expect.objectContaining({ objectId: untouched!.objectId, from: expect.stringContaining('3.1x'), to: expect.stringContaining('2.3x') })]));
    // The fake applies the batch as Slides would (indices, the implicit final newline), or throws.
    const applied = applySlidesRequests(fake.state, fake.state.presentations.get(deckId), plan.requests as never[]);
    fake.state.presentations.set(deckId, applied.presentation);
    expect(shapeText(untouched!.objectId)).toContain('2.3x');
    expect(shapeText(untouched!.objectId)).not.toContain('3.1x');
    expect(shapeText(edited!.objectId)).toBe('Our own words.\n');
    expect(find(deleted!.objectId)).toBeUndefined();
    expect(plan.requests.some((r) => 'refreshSheetsChart' in r)).toBe(true);
  });

  it('never changes the template, and shares the docs with the champion as commenter only when asked', async () => {
    await qbr('--account', 'ACC-001');
    const template = [...fake.state.files.values()].find((f) => f.appProperties?.qbrFacilitatorTemplate === 'v1')!;
    const before = JSON.stringify(fake.state.presentations.get(template.id));
    // The customer's docs; the internal prep brief is never shared (SPEC §4.0).
    const docs = () => [...fake.state.files.values()].filter((f) => f.mimeType === 'application/vnd.google-apps.document' && !f.trashed && !previous(f) && !String(f.appProperties?.qbrPackage).endsWith('|prep-brief'));
    const brief = () => [...fake.state.files.values()].find((f) => String(f.appProperties?.qbrPackage).endsWith('|prep-brief') && !previous(f))!;
    expect(docs().every((d) => d.permissions.length === 0)).toBe(true);
    await qbr('--account', 'ACC-001', '--share-with-champion');
    expect(JSON.stringify(fake.state.presentations.get(template.id))).toBe(before);
    expect(docs()).toHaveLength(2);
    for (const d of docs()) expect(d.permissions).toEqual([expect.objectContaining({ type: 'user', role: 'commenter', emailAddress: 'priya.raman@globaltech.example' })]);
    expect(brief().permissions).toEqual([]);
    const shares = fake.calls.filter((c) => c.methodId === 'drive.permissions.create');
    expect(shares.every((c) => c.params.sendNotificationEmail === 'false')).toBe(true);
  });

  it('leaves a hold the user deleted deleted, says so, and still writes the QBR Log row', async () => {
    await qbr('--account', 'ACC-001');
    const [first] = events();
    // Deleted in Calendar: the event keeps its id as cancelled; Google then refuses insert (409) and update (403).
    fake.state.events.get('primary')!.get(first!.id).status = 'cancelled';
    const before = fake.calls.length;
    const again = await qbr('--account', 'ACC-001');
    expect(again.code).toBe(0);
    expect(fake.violations).toEqual([]);
    expect(fake.state.events.get('primary')!.get(first!.id).status).toBe('cancelled');
    expect(events()).toHaveLength(10);
    const rerun = fake.calls.slice(before);
    expect(rerun.filter((c) => c.methodId === 'calendar.events.patch' && c.path.includes(first!.id))).toEqual([]);
    // The log row was rewritten by this run, lists the 10 live holds only, and reports the deleted one.
    const row = sheetRows('QBR Log')[1]!.map(String);
    expect(sheetRows('QBR Log')).toHaveLength(2);
    expect(row.join(' ')).not.toContain(first!.id);
    expect(row.join(' ')).toContain(`Hold "${first!.summary}" was deleted by you, so it was not recreated`);
    expect(rerun.some((c) => c.methodId.startsWith('sheets.spreadsheets.values') && c.httpMethod !== 'GET')).toBe(true);
    expect(fake.calls.every((c) => !('sendUpdates' in c.params))).toBe(true);
  });

  it('a re-run lists this QBR\'s holds in one call, keeps the one the CSM reworded and patches only the one that drifted', async () => {
    await qbr('--account', 'ACC-001');
    const made = events();
    expect(made).toHaveLength(11);
    // The CSM typed their own notes into one hold; another lost our reminder (a client reset it): only that one is patched.
    made[3]!.description = 'Bring the renewal numbers & the EMEA plan';
    made[5]!.reminders = { useDefault: true };
    const before = fake.calls.length;
    const again = await qbr('--account', 'ACC-001');
    expect(again.code).toBe(0);
    expect(fake.violations).toEqual([]);
    const rerun = fake.calls.slice(before).filter((c) => c.methodId.startsWith('calendar.'));
    expect(rerun.map((c) => c.methodId)).toEqual(['calendar.events.list', 'calendar.events.patch']);
    expect(rerun[1]!.path).toContain(made[5]!.id);
    expect(events().map((e) => e.id).sort()).toEqual(made.map((e) => e.id).sort());
    expect(events()[3]!.description).toBe('Bring the renewal numbers & the EMEA plan');
    expect(events()[5]!.reminders).toEqual({ useDefault: false, overrides: [{ method: 'popup', minutes: 15 }] });
    expect(sheetRows('QBR Log')[1]!.map(String).join(' ')).toContain(`Hold "${made[3]!.summary}": you edited its title or description, so it was kept as you left it`);
  });

  it('reports a hold Google refuses and still writes the rest of the package and the QBR Log row', async () => {
    // Seven holds in, Google refuses one outright (a 400 no retry changes).
    fake.faults.push({ methodId: 'calendar.events.insert', status: 400, times: 1, when: () => events().length === 7 });
    const r = await qbr('--account', 'ACC-001');
    expect(r.code).toBe(0);
    expect(events()).toHaveLength(10);
    const row = sheetRows('QBR Log')[1]!.map(String).join(' ');
    expect(row).toMatch(/Hold "QBR GlobalTech: [^"]+" could not be made \(Injected fault 400\); run again to retry it/);
    expect(fake.state.drafts.size).toBe(2);
  });

  it('retries 429, 5xx and dropped connections and still finishes with nothing duplicated', async () => {
    fake.faults.push(
      { methodId: 'slides.presentations.batchUpdate', status: 429, times: 1, retryAfter: 0 },
      { methodId: 'gmail.users.drafts.create', status: 503, times: 2 },
      { methodId: 'calendar.events.insert', drop: true, times: 1 },
      { methodId: 'drive.files.copy', status: 500, times: 1 },
    );
    const r = await qbr('--account', 'ACC-001');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/retrying/);
    expect(fake.faults.every((f) => f.times === 0)).toBe(true);
    expect(decks()).toHaveLength(1);
    expect(fake.state.drafts.size).toBe(2);
    expect(events()).toHaveLength(11);
  });

  it('never applies a Docs or Slides fill twice when its answer is lost: the resend is refused by revision, then read back', async () => {
    // Reference: the same package with nothing lost.
    await qbr('--account', 'ACC-001');
    const reference = { deck: presentationText(fake.state.presentations.get(decks()[0]!.id)), docs: liveDocs().map((d) => documentText(fake.state.documents.get(d.id)).text).sort() };
    await restartFake(tabs);
    // Google applies the deck's fill and the pre-read's, and the connection drops before either answer arrives.
    const isCopy = (p: Record<string, string | string[]>) => fake.state.files.get(String(p.presentationId))?.appProperties?.qbrFacilitatorTemplate === 'copy';
    fake.faults.push(
      { methodId: 'slides.presentations.batchUpdate', dropAfter: true, times: 1, when: isCopy },
      { methodId: 'docs.documents.batchUpdate', dropAfter: true, times: 1 },
    );
    const r = await qbr('--account', 'ACC-001');
    expect(r.stderr).not.toMatch(/FAILED/);
    expect(r.code).toBe(0);
    expect(fake.faults.every((f) => f.times === 0)).toBe(true);
    expect(fake.violations).toEqual([]);
    // Every fill named the revision it was built from; the blind resends met a newer revision and were refused.
    const fills = fake.calls.filter((c) => c.methodId === 'docs.documents.batchUpdate' || (c.methodId === 'slides.presentations.batchUpdate' && isCopy(c.params)));
    expect(fills.every((c) => typeof (c.body as { writeControl?: { requiredRevisionId?: string } }).writeControl?.requiredRevisionId === 'string')).toBe(true);
    expect(fills.filter((c) => c.status === 400).map((c) => c.methodId).sort()).toEqual(['docs.documents.batchUpdate', 'slides.presentations.batchUpdate']);
    // One copy of the text: the same deck and docs as the run that lost nothing.
    expect(decks()).toHaveLength(1);
    expect(presentationText(fake.state.presentations.get(decks()[0]!.id))).toEqual(reference.deck);
    expect(liveDocs().map((d) => documentText(fake.state.documents.get(d.id)).text).sort()).toEqual(reference.docs);
  });

  it('a resumed run reads a doc whose fill landed before the run died, and does not write it again', async () => {
    const out = join(work, 'doc-resume');
    // The pre-read's fill lands but its answer is lost, and every retry fails too: the run stops with the doc unmarked.
    fake.faults.push({ methodId: 'docs.documents.batchUpdate', dropAfter: true, times: 1 }, { methodId: 'docs.documents.batchUpdate', status: 503, times: 20 });
    const first = await qbr('--account', 'ACC-001', '--out', out);
    expect(first.code).toBe(1);
    const state = JSON.parse(readFileSync(join(out, 'google-state.json'), 'utf8'));
    const preRead = state.accounts['ACC-001'].docs['pre-read'];
    expect(preRead.filled).toBe(false);
    const written = documentText(fake.state.documents.get(preRead.id)).text;
    expect(written.length).toBeGreaterThan(100);
    fake.faults.length = 0;
    const before = fake.calls.length;
    expect((await qbr('--account', 'ACC-001', '--out', out)).code).toBe(0);
    const resumed = fake.calls.slice(before);
    expect(resumed.filter((c) => c.methodId === 'docs.documents.batchUpdate' && c.path.includes(preRead.id))).toEqual([]);
    expect(documentText(fake.state.documents.get(preRead.id)).text).toBe(written);
    // Pre-read, action plan and the internal prep brief: one each.
    expect(liveDocs().map((d) => d.appProperties?.qbrPackage)).toEqual(['pre-read', 'action-plan', 'prep-brief'].map((k) => `ACC-001|2026-12-10|${k}`));
  });

  it('resumes a run that stopped halfway without duplicating what was done', async () => {
    const out = join(work, 'resume');
    fake.faults.push({ methodId: 'gmail.users.drafts.create', status: 500, times: 20 });
    const first = await qbr('--account', 'ACC-001', '--out', out);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/resumes/);
    fake.faults.length = 0;
    const callsBefore = fake.calls.length;
    const second = await qbr('--account', 'ACC-001', '--out', out);
    expect(second.code).toBe(0);
    const resumed = fake.calls.slice(callsBefore).map((c) => c.methodId);
    expect(resumed).not.toContain('drive.files.copy');
    expect(resumed).not.toContain('slides.presentations.batchUpdate');
    expect(decks()).toHaveLength(1);
    expect(fake.state.drafts.size).toBe(2);
    expect(events()).toHaveLength(11);
  });

  it('adopts what a run that died mid-create made, instead of creating it twice', async () => {
    const out = join(work, 'crash');
    // Run 1 copies the template, then cannot read the copy and stops.
    fake.faults.push({ methodId: 'slides.presentations.get', status: 500, times: 20 });
    expect((await qbr('--account', 'ACC-001', '--out', out)).code).toBe(1);
    fake.faults.length = 0;
    expect(decks()).toHaveLength(1);
    // As if it had died after Drive made the copy but before the copy's id was saved: only the pending mark is left.
    const statePath = join(out, 'google-state.json');
    const state = JSON.parse(readFileSync(statePath, 'utf8'));
    const acct = state.accounts['ACC-001'];
    delete acct.deckId;
    acct.pending = [`ACC-001|${acct.qbrDate}|deck`];
    writeFileSync(statePath, JSON.stringify(state));
    const before = fake.calls.length;
    expect((await qbr('--account', 'ACC-001', '--out', out)).code).toBe(0);
    const run2 = fake.calls.slice(before).map((c) => c.methodId);
    expect(run2).not.toContain('drive.files.copy');
    expect(run2).toContain('drive.files.list');
    expect(decks()).toHaveLength(1);
    expect(JSON.stringify(presentationText(fake.state.presentations.get(decks()[0]!.id)))).not.toContain('{{');
  });

  it('in a shared-drive folder, a resumed run adopts the deck and the doc a dead run made (no duplicates)', async () => {
    const out = join(work, 'shared-drive');
    seedFile(fake.state, { id: 'sharedQbrFolder01', name: 'QBRs', mimeType: 'application/vnd.google-apps.folder', driveId: 'sharedDrive01', appCreated: true });
    const folder = ['--folder', 'sharedQbrFolder01', '--out', out];
    // Drive makes the copy, then the answer is lost: the run stops with only the pending mark.
    fake.faults.push({ methodId: 'drive.files.copy', dropAfter: true, times: 1 });
    expect((await qbr('--account', 'ACC-001', ...folder)).code).toBe(1);
    // The resumed run finds that deck; then Drive makes the pre-read and that answer is lost too.
    fake.faults.push({ methodId: 'drive.files.create', dropAfter: true, times: 1 });
    expect((await qbr('--account', 'ACC-001', ...folder)).code).toBe(1);
    const last = await qbr('--account', 'ACC-001', ...folder);
    expect(last.stderr).not.toMatch(/FAILED/);
    expect(last.code).toBe(0);
    expect(fake.violations).toEqual([]);
    expect(decks()).toHaveLength(1);
    expect(liveDocs().map((d) => d.appProperties?.qbrPackage)).toEqual(['pre-read', 'action-plan', 'prep-brief'].map((k) => `ACC-001|2026-12-10|${k}`));
    expect([...decks(), ...liveDocs()].map((f) => f.driveId)).toEqual(['sharedDrive01', 'sharedDrive01', 'sharedDrive01', 'sharedDrive01']);
    expect(JSON.stringify(presentationText(fake.state.presentations.get(decks()[0]!.id)))).not.toContain('{{');
    // Every lookup asked Drive to include shared drives.
    const lists = fake.calls.filter((c) => c.methodId === 'drive.files.list');
    expect(lists.length).toBeGreaterThanOrEqual(3);
    for (const c of lists) expect(c.params).toMatchObject({ supportsAllDrives: 'true', includeItemsFromAllDrives: 'true', corpora: 'allDrives' });
  });

  it('names the missing scope, the wrong id, and never asks for more than it needs', async () => {
    fake.grant(scopesFor(false).filter((s) => !s.endsWith('gmail.compose')));
    const noGmail = await qbr('--account', 'ACC-001');
    expect(noGmail.code).toBe(1);
    expect(noGmail.stderr).toMatch(/permission needed for Gmail drafts/);
    fake.grant(scopesFor(true));
    const badTemplate = await qbr('--account', 'ACC-001', '--template', 'no-such-template-id');
    expect(badTemplate.code).toBe(1);
    expect(badTemplate.stderr).toMatch(/--template/);
  });
});
