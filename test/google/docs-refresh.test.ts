/**
 * Re-runs refresh the Docs in place (SPEC §4.4): the real CLI and googleapis client over loopback HTTP against the fake,
 * with a person editing the pre-read between the runs and the champion correcting the tracker.
 */
import { documentText } from '../fake-google/apis/docs';
import { editDocAsUser } from '../fake-google/apis/docs-user';
import { fake, generate, okCalls as count, restartFake, sheetRows, useFakeGoogle } from '../helpers/google-fake';

const SHEET = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
useFakeGoogle({ sheet: SHEET });
const qbr = () => generate(['--account', 'ACC-001']);

const docFiles = () => [...fake.state.files.values()].filter((f) => f.mimeType === 'application/vnd.google-apps.document');
const docOf = (kind: string) => docFiles().find((f) => String(f.appProperties?.qbrPackage) === `ACC-001|2026-12-10|${kind}`)!;
const textOf = (kind: string) => documentText(fake.state.documents.get(docOf(kind).id)).text;

const writesTo = (kind: string, from = 0) => count('docs.documents.batchUpdate', from).filter((c) => c.path.includes(docOf(kind).id));
const docUrls = () => String(sheetRows('QBR Log')[1]![(sheetRows('QBR Log')[0] as unknown[]).indexOf('Doc URL')]);

/** The champion's corrections: Q4's analyst hours 1,800 → 1,200, and a sharper wording of action A-104. */
function correctTracker(): void {
  const hours = sheetRows('Value').find((r) => r[0] === 'ACC-001' && r.includes(1800))!;
  hours[hours.indexOf(1800)] = 1200;
  const action = sheetRows('Actions').find((r) => r[0] === 'A-104')!;
  action[2] = 'Confirm the EU subsidiary seat count (150 seats)';
}

describe('re-running qbr generate --google refreshes the Docs in place', () => {
  it('keeps the same docs, the edit the CSM made, and puts the new numbers everywhere else', async () => {
    expect((await qbr()).code).toBe(0);
    const ids = ['pre-read', 'action-plan', 'prep-brief'].map((k) => docOf(k).id);
    const names = docFiles().map((f) => f.name);
    const urls = docUrls();
    // The CSM rewords the value paragraph and adds a note of their own under the health paragraph.
    editDocAsUser(fake.state, ids[0]!, { replaceText: { find: '$171K in Q4 2026, against', replace: 'Roughly $170K this quarter, against' } });
    editDocAsUser(fake.state, ids[0]!, { addParagraph: { after: 'Health score 85 (Green)', text: 'Ask Daniel about the SSO date.' } });
    correctTracker();
    const before = fake.calls.length;
    const again = await qbr();
    expect(again.code).toBe(0);
    expect(fake.violations).toEqual([]);

    // Same three docs, nothing made, renamed or trashed; the QBR Log points at them as before.
    expect(docFiles().map((f) => f.id).sort()).toEqual([...ids].sort());
    expect(docFiles().map((f) => f.name)).toEqual(names);
    expect(docFiles().some((f) => f.trashed)).toBe(false);
    expect(count('drive.files.create', before).filter((c) => JSON.stringify(c.body ?? '').includes('document'))).toEqual([]);
    expect(docUrls()).toBe(urls);

    const pre = textOf('pre-read');
    // The CSM's words and note stay; the paragraph they edited keeps the old figure, as they left it.
    expect(pre).toContain('Roughly $170K this quarter, against a quarterly investment of $55K — 3.1x return on the quarter\'s investment.\n');
    expect(pre).toContain('Health score 85 (Green), +10 pts from last quarter.\nAsk Daniel about the SSO date.\n');
    // Everything else the tool wrote carries the new numbers: $125,500 / $55,000 = 2.3x; 1,200 h × $75 = $90,000.
    expect(pre).toContain('$126K of value delivered in Q4 2026, 2.3x return on the quarter\'s investment');
    expect(pre).toContain('Automated monthly reporting (1,800 analyst hours)\n$90,000\n'); // the What text is the tracker's own
    expect(pre).not.toContain('$135,000');
    // …and the edit is reported with what the tracker says now.
    expect(again.stderr).toContain('pre-read, Value delivered: you edited this; the tracker now says “$126K in Q4 2026, against a quarterly investment of $55K — 2.3x return on the quarter\'s investment.”');
    expect(again.stderr).toMatch(/pre-read: your edits kept, \d+ values updated, 1 edited value not updated/);

    // The action plan nobody touched is rewritten in place: one guarded batch, the same text a fresh package has.
    expect(writesTo('action-plan', before)).toHaveLength(1);
    expect((writesTo('action-plan', before)[0]!.body as { writeControl?: { requiredRevisionId?: string } }).writeControl?.requiredRevisionId).toBeTruthy();
    expect(textOf('action-plan')).toContain('Confirm the EU subsidiary seat count (150 seats)\n');
    // One write per doc, each guarded by the revision just read (the edited pre-read's too).
    for (const kind of ['pre-read', 'action-plan', 'prep-brief']) expect(writesTo(kind, before).map((c) => Boolean((c.body as { writeControl?: { requiredRevisionId?: string } }).writeControl?.requiredRevisionId))).toEqual([true]);
    const refreshed = documentText(fake.state.documents.get(ids[1]!));
    const afterRefresh = { plan: refreshed };
    // A fresh package from the same tracker (the follow-ups the first run added included, no QBR Log row to refresh).
    const book = Object.fromEntries(fake.state.spreadsheets.get(SHEET)!.sheets.map((t) => [t.title, structuredClone(t.title === 'QBR Log' ? t.values.slice(0, 1) : t.values)]));
    await restartFake(book);
    expect((await qbr()).code).toBe(0);
    expect(afterRefresh.plan).toEqual(documentText(fake.state.documents.get(docOf('action-plan').id)));
    expect(again.stderr).toMatch(/action plan refreshed in place/);
  });

  it('writes nothing to a doc where nothing moved, edited or not', async () => {
    expect((await qbr()).code).toBe(0);
    editDocAsUser(fake.state, docOf('pre-read').id, { deleteParagraph: { containing: 'Theme for this review' } });
    const second = fake.calls.length;
    const again = await qbr();
    expect(again.code).toBe(0);
    expect(writesTo('pre-read', second)).toEqual([]);
    // The action plan did not move (the CSM's own follow-up tasks the first run added to Actions are not customer
    // rows); the prep brief gains its "What moved since the last generation" section (nothing did): one write.
    expect(writesTo('action-plan', second)).toEqual([]);
    expect(textOf('action-plan')).not.toContain('Send the QBR summary and mutual action plan');
    expect(writesTo('prep-brief', second)).toHaveLength(1);
    expect(textOf('prep-brief')).toContain('No key figure moved since the last generation.');
    expect(again.stderr).toContain('docs: pre-read: your edits kept, nothing moved, action plan unchanged (nothing moved), prep brief refreshed in place');
    expect(again.stderr).not.toContain('you edited');
    expect(textOf('pre-read')).not.toContain('Theme for this review');
    const third = fake.calls.length;
    expect((await qbr()).code).toBe(0);
    expect(count('docs.documents.batchUpdate', third)).toEqual([]);
    expect(fake.violations).toEqual([]);
  });

  it('makes a new doc, with a warning, when the one the QBR Log points at is gone', async () => {
    expect((await qbr()).code).toBe(0);
    const gone = docOf('action-plan').id;
    fake.state.files.delete(gone);
    fake.state.documents.delete(gone);
    const again = await qbr();
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('action plan made anew');
    expect(again.stderr).toContain('The action plan doc the QBR Log points at is gone or cannot be opened (404), so a new one was made');
    const made = docOf('action-plan').id;
    expect(made).not.toBe(gone);
    expect(textOf('action-plan')).toContain('Confirm the EU subsidiary seat count\n');
    expect(docUrls()).toContain(`/document/d/${made}/edit`);
    // The Doc Record now describes the new doc, so the next run refreshes it in place.
    const record = JSON.parse(String(sheetRows('QBR Log')[1]![(sheetRows('QBR Log')[0] as unknown[]).indexOf('Doc Record')]));
    expect(record['action-plan'].id).toBe(made);
    const third = fake.calls.length;
    expect((await qbr()).code).toBe(0);
    expect(docOf('action-plan').id).toBe(made);
    expect(writesTo('action-plan', third)).toEqual([]);
  });

  it('costs fewer Docs and Drive calls than making the docs, and settles a lost answer by reading back (applied once)', async () => {
    const docCalls = (from: number) => fake.calls.slice(from).filter((c) => c.methodId.startsWith('docs.') || (c.methodId === 'drive.files.create' && JSON.stringify(c.body ?? '').includes('document')) || (c.methodId === 'drive.files.update' && docFiles().some((f) => c.path.includes(f.id)))).length;
    expect((await qbr()).code).toBe(0);
    const fresh = docCalls(0);
    editDocAsUser(fake.state, docOf('pre-read').id, { replaceText: { find: '$171K in Q4 2026, against', replace: 'Roughly $170K this quarter, against' } });
    correctTracker();
    // Google applies the pre-read's refresh, and the connection drops before the answer arrives.
    const preRead = docOf('pre-read').id;
    fake.faults.push({ methodId: 'docs.documents.batchUpdate', dropAfter: true, times: 1, when: (p) => p.documentId === preRead });
    const before = fake.calls.length;
    const again = await qbr();
    expect(again.code).toBe(0);
    expect(fake.faults.every((f) => f.times === 0)).toBe(true);
    // 3 docs: create + read + fill each (9) when made; read + one refresh each when refreshed (6), plus the refused resend and its read-back.
    expect(fresh).toBe(9);
    expect(docCalls(before)).toBe(6 + 2);
    const pre = textOf('pre-read');
    expect(pre.split('$126K of value delivered').length - 1).toBe(1);
    expect(pre.split('$90,000').length - 1).toBe(1);
    expect(pre).toContain('Roughly $170K this quarter');
    expect(again.stderr).toContain('pre-read, Value delivered: you edited this; the tracker now says');
  });

  it('a QBR Log row from before doc records: new docs are made and the old ones kept as "… (previous)", never trashed', async () => {
    expect((await qbr()).code).toBe(0);
    const first = ['pre-read', 'action-plan', 'prep-brief'].map((k) => docOf(k).id);
    const log = sheetRows('QBR Log');
    const col = (log[0] as unknown[]).indexOf('Doc Record');
    expect(col).toBeGreaterThan(0);
    log[1]![col] = '';
    expect((await qbr()).code).toBe(0);
    for (const id of first) expect(fake.state.files.get(id)!.name).toMatch(/ \(previous\)$/);
    expect(docFiles().filter((f) => !/ \(previous\)$/.test(f.name))).toHaveLength(3);
    expect(docFiles().some((f) => f.trashed)).toBe(false);
    // …and the row now has a record of the new docs, so the next run refreshes those in place.
    expect(Object.keys(JSON.parse(String(sheetRows('QBR Log')[1]![col])))).toEqual(['pre-read', 'action-plan', 'prep-brief']);
  });

  it('adds the change report to a prep brief the CSM wrote notes in, after its header, keeping the notes', async () => {
    expect((await qbr()).code).toBe(0);
    const brief = docOf('prep-brief').id;
    editDocAsUser(fake.state, brief, { addParagraph: { after: 'Prep brief for the', text: 'My note: Priya prefers the EU numbers first.' } });
    correctTracker();
    const before = fake.calls.length;
    const again = await qbr();
    expect(again.code).toBe(0);
    expect(fake.violations).toEqual([]);
    expect(docOf('prep-brief').id).toBe(brief);
    expect(writesTo('prep-brief', before)).toHaveLength(1);
    const seen = documentText(fake.state.documents.get(brief));
    expect(seen.text).toContain('My note: Priya prefers the EU numbers first.\n');
    // Right after the header section, as a fresh prep brief has it, with the heading style of a fill.
    expect(seen.headings.slice(2, 5)).toEqual([
      { level: 'HEADING_1', text: 'Internal: not for the customer' },
      { level: 'HEADING_1', text: 'What moved since the last generation' },
      { level: 'HEADING_1', text: 'Readiness checklist' },
    ]);
    expect(seen.bullets).toEqual(expect.arrayContaining(['⚠ ROI: 3.1x → 2.3x (ROI down 26%)', 'Value this quarter: $170,500 → $125,500']));
    expect(again.stderr).toMatch(/prep brief: your edits kept, \d+ values? updated, \d+ paragraphs added/);
  });
});
