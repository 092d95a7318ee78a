/**
 * What the CSM made is theirs (SPEC §4.4): a Gmail draft they edited is never overwritten, by a re-run or by a record
 * save — the real CLI and googleapis clients over loopback against the fake, which gives a draft a new message id on
 * every save, the user's edits as much as drafts.update (as Gmail does).
 */
import { simpleParser } from 'mailparser';
import { driveAsync, Executor } from '../../src/google/execute';
import { readGoogleTracker } from '../../src/google/tracker-io';
import { runAccount } from '../../src/google/package-run';
import { analyzeWorkbook } from '../../src/core';
import { recordQbr } from '../../src/google/record-run';
import type { QbrRecord } from '../../src/core/program/record';
import { editDraft } from '../fake-google/user-edits';
import { documentText } from '../fake-google/apis/docs';
import { editDocAsUser } from '../fake-google/apis/docs-user';
import { fake, generate as generateRun, sheetRows as rows, transport, useFakeGoogle } from '../helpers/google-fake';

const SHEET = '1DraftsKeptTrackerSpreadsheet0123456789';
useFakeGoogle({ sheet: SHEET });

async function generate(today = '2026-11-22') {
  const { code, stderr } = await generateRun(['--account', 'ACC-001', '--qbr-date', '2026-12-10'], today);
  expect([code, fake.violations]).toEqual([0, []]);
  return stderr;
}

const RECORD: QbrRecord = {
  accountId: 'ACC-001', qbrDate: '2026-12-10', held: '2026-12-10',
  attendees: ['Daniel Okafor', 'Priya Raman'],
  indicators: { executiveAttendance: 'Green', customerPreparation: 'Yellow', engagement: 'Green' },
  takeaways: 'EMEA adoption stalled',
  commitments: [{ action: 'Run EMEA enablement', owner: 'Maya Patel', side: 'Vendor', due: '2026-12-17' }],
  expansionPaths: [],
};

async function record(today = '2026-12-11') {
  const t = transport();
  const exec = new Executor();
  const tracker = await driveAsync(readGoogleTracker(exec, SHEET), t);
  return driveAsync(recordQbr({ exec, tracker, record: RECORD, today, now: new Date(`${today}T15:00:00Z`), defaultTimezone: 'America/New_York', folderId: null }), t);
}

const logCell = (header: string) => String(rows('QBR Log')[1]![(rows('QBR Log')[0] as unknown[]).indexOf(header)] ?? '');
const draftId = (kind: string) => new RegExp(`${kind}=([\\w-]+)`).exec(logCell('Draft ID'))?.[1] ?? '';
const mail = (id: string) => simpleParser(Buffer.from(fake.state.drafts.get(id)!.message.raw, 'base64url'));
const updatesOf = (id: string, from = 0) => fake.calls.slice(from).filter((c) => c.methodId === 'gmail.users.drafts.update' && c.params.id === id);

/** The CSM rewrites the summary in Gmail: same recipients and subject, their own words (Gmail stores a new message). */
async function csmRewritesSummary(id: string): Promise<void> {
  const before = await mail(id);
  editDraft(fake.state, id, () => [
    `To: ${before.to && !Array.isArray(before.to) ? before.to.text : ''}`, `Subject: ${before.subject}`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '',
    'Thanks all. In my own words: we agreed to double down on EMEA.', '',
  ].join('\r\n'));
}

describe('a Gmail draft the CSM edited is theirs', () => {
  it('a re-run keeps the edited summary draft as the CSM left it (no duplicate) and updates the unedited invitation in place', async () => {
    await generate();
    const summary = draftId('summary');
    const invitation = draftId('invitation');
    // The log keeps the message id of what we wrote, beside the draft id.
    expect(logCell('Draft ID')).toMatch(new RegExp(`summary=${summary}/[\\w-]+`));
    await csmRewritesSummary(summary);

    const from = fake.calls.length;
    const stderr = await generate();
    expect(fake.state.drafts.size).toBe(2);
    expect((await mail(summary)).text).toContain('In my own words: we agreed to double down on EMEA.');
    expect(updatesOf(summary, from)).toEqual([]);
    // The invitation is still ours and the same email as last time (nothing moved): not rewritten either.
    expect(updatesOf(invitation, from)).toEqual([]);
    expect(fake.calls.slice(from).filter((c) => c.methodId === 'gmail.users.drafts.create')).toEqual([]);
    expect(stderr).toContain('summary draft: you edited it, so it was kept');
    expect(logCell('Warnings')).toContain('summary draft: you edited it, so it was kept');
    expect(draftId('summary')).toBe(summary);

    // And on every later run too: the edit is still the CSM's.
    const third = fake.calls.length;
    await generate();
    expect(updatesOf(summary, third)).toEqual([]);
    expect((await mail(summary)).text).toContain('In my own words');
  }, 90_000);

  it('an unedited draft is updated in place on a re-run, and one the CSM deleted is made again', async () => {
    await generate();
    const summary = draftId('summary');
    // The champion corrects the hours: the summary's value line moves, so the draft is rewritten.
    const hours = rows('Value').find((r) => r[0] === 'ACC-001' && r.includes(1800))!;
    hours[hours.indexOf(1800)] = 1200;
    const from = fake.calls.length;
    await generate();
    expect(updatesOf(summary, from)).toHaveLength(1);
    expect(draftId('summary')).toBe(summary);
    fake.state.drafts.delete(summary);
    await generate();
    expect(fake.state.drafts.size).toBe(2);
    expect(draftId('summary')).not.toBe(summary);
    expect(fake.state.drafts.has(draftId('summary'))).toBe(true);
  }, 90_000);

  it('a row written before message ids were kept is read as before: its draft is updated in place', async () => {
    await generate();
    const summary = draftId('summary');
    const row = rows('QBR Log')[1]!;
    const col = (rows('QBR Log')[0] as unknown[]).indexOf('Draft ID');
    row[col] = String(row[col]).replace(/\/[\w-]+/g, '');
    const from = fake.calls.length;
    await generate();
    expect(updatesOf(summary, from)).toHaveLength(1);
    expect(fake.state.drafts.size).toBe(2);
    expect(logCell('Draft ID')).toMatch(new RegExp(`summary=${summary}/[\\w-]+`));
  }, 90_000);

  it('a record save keeps a summary draft the CSM edited, and rewrites an unedited one from the record', async () => {
    await generate();
    const summary = draftId('summary');
    await csmRewritesSummary(summary);
    const from = fake.calls.length;
    const out = await record();
    expect(out).toMatchObject({ summaryDraft: { id: summary, kept: true } });
    expect('warnings' in out && out.warnings.join('\n')).toContain('summary draft: you edited it, so it was kept');
    expect(updatesOf(summary, from)).toEqual([]);
    expect(fake.state.drafts.size).toBe(2);
    expect((await mail(summary)).text).toContain('In my own words');
    expect((await mail(summary)).text).not.toContain('Run EMEA enablement');
  }, 90_000);

  it('a record save rewrites an unedited summary draft, and a second save still finds it unedited', async () => {
    await generate();
    const summary = draftId('summary');
    await record();
    expect((await mail(summary)).text).toContain('Run EMEA enablement');
    const from = fake.calls.length;
    const again = await record();
    expect(again).toMatchObject({ summaryDraft: { id: summary, kept: false } });
    expect(updatesOf(summary, from)).toHaveLength(1);
    expect(fake.state.drafts.size).toBe(2);
    // The generate re-run after the save sees the save's message as ours (not an edit of the CSM's), and the same
    // follow-up email as the save wrote (it builds from the record too): nothing to write.
    const gen = fake.calls.length;
    const out = await generate('2026-12-11');
    expect(out).not.toContain('summary draft: you edited it');
    expect(updatesOf(summary, gen)).toEqual([]);
    expect((await mail(summary)).text).toContain('Run EMEA enablement');
  }, 90_000);
});

describe('a run of only some parts (the add-on\'s buttons)', () => {
  it('keeps what the QBR Log row had for the parts it did not make: deck URL and record, doc URLs and record, drafts, holds', async () => {
    await generate();
    const before = Object.fromEntries(['Deck URL', 'Deck Record', 'Doc URL', 'Doc Record', 'Draft ID', 'Event IDs'].map((h) => [h, logCell(h)]));
    expect(before['Deck URL']).toMatch(/presentation\/d\//);
    expect(before['Deck Record']).not.toBe('');
    expect(before['Event IDs']).not.toBe('');
    const template = [...fake.state.files.values()].find((f) => f.appProperties?.qbrFacilitatorTemplate === 'v1')!;
    const t = transport();
    // A fresh run state, as in the add-on on another day or another computer: only the QBR Log knows the package.
    const own: Record<string, string[]> = { docs: ['Doc URL', 'Doc Record'], drafts: ['Draft ID'], holds: ['Event IDs'] };
    for (const parts of [{ docs: true }, { drafts: true }, { holds: true }]) {
      const made = own[Object.keys(parts)[0]!]!;
      const exec = new Executor();
      const tracker = await driveAsync(readGoogleTracker(exec, SHEET), t);
      const review = analyzeWorkbook(tracker.workbook, { today: '2026-11-23', accountIds: ['ACC-001'] }).accounts[0]!;
      const out = await driveAsync(runAccount(review, {
        exec, today: '2026-11-23', now: new Date('2026-11-23T15:00:00Z'), defaultTimezone: 'America/New_York', tracker, folderId: null, templateId: template.id,
        shareWithChampion: false, qbrDate: '2026-12-10', parts, state: { version: 1, accounts: {} }, save: () => undefined, log: () => undefined,
      }), t);
      expect([parts, out.deckUrl]).toEqual([parts, before['Deck URL']]);
      // Short of the records' JSON, so a failure reads: the cells of the parts this run did not make, unchanged.
      const cells = (from: (h: string) => string) => Object.fromEntries(Object.keys(before).filter((h) => !made.includes(h)).map((h) => [h, from(h).slice(0, 80)]));
      expect([parts, cells(logCell)]).toEqual([parts, cells((h) => before[h]!)]);
      // What this run made is in the row too (the same files, refreshed in place).
      for (const h of made) expect(logCell(h)).not.toBe('');
      for (const h of made) before[h] = logCell(h);
    }
    expect(fake.violations).toEqual([]);
  }, 90_000);
});

describe('the key figures of a partial run', () => {
  it('are logged only by a run that makes the deck or the docs (they are what those show)', async () => {
    await generate();
    const first = logCell('Key Figures');
    expect(first).not.toBe('');
    // The champion corrects the hours: the figures move, but a run of only holds shows none of them.
    const value = fake.state.spreadsheets.get(SHEET)!.sheets.find((x) => x.title === 'Value')!.values.find((r) => r[0] === 'ACC-001' && r.includes(1800))!;
    value[value.indexOf(1800)] = 1200;
    const template = [...fake.state.files.values()].find((f) => f.appProperties?.qbrFacilitatorTemplate === 'v1')!;
    const t = transport();
    const run = async (parts: Record<string, boolean>) => {
      const exec = new Executor();
      const tracker = await driveAsync(readGoogleTracker(exec, SHEET), t);
      const review = analyzeWorkbook(tracker.workbook, { today: '2026-11-23', accountIds: ['ACC-001'] }).accounts[0]!;
      await driveAsync(runAccount(review, {
        exec, today: '2026-11-23', now: new Date('2026-11-23T15:00:00Z'), defaultTimezone: 'America/New_York', tracker, folderId: null, templateId: template.id,
        shareWithChampion: false, qbrDate: '2026-12-10', parts, state: { version: 1, accounts: {} }, save: () => undefined, log: () => undefined,
      }), t);
    };
    await run({ holds: true });
    expect(logCell('Key Figures')).toBe(first);
    await run({ docs: true });
    expect(logCell('Key Figures')).not.toBe(first);
    expect(fake.violations).toEqual([]);
  }, 90_000);
});

describe('a record save rewrites the action plan in place', () => {
  const planId = () => [...logCell('Doc URL').matchAll(/\/d\/([\w-]+)/g)].map((m) => m[1]!)[1]!;
  const planText = () => documentText(fake.state.documents.get(planId()));
  const docWrites = (id: string, from: number) => fake.calls.slice(from).filter((c) => c.methodId === 'docs.documents.batchUpdate' && c.params.documentId === id && c.status < 300);
  const OURS = 'Nominate a power user in each product team (Sep 26, 2026)';
  const THEIRS = 'Nominate a power user in each product team (Sep 26, 2026): done, 6 of 7 teams';

  it('keeps the paragraph the CSM edited, writes the commitments, reports it; the next generate run writes nothing to it', async () => {
    await generate();
    const id = planId();
    editDocAsUser(fake.state, id, { replaceText: { find: OURS, replace: THEIRS } });
    const recordBefore = logCell('Doc Record');

    const from = fake.calls.length;
    const out = await record();
    expect(out).toMatchObject({ actionPlanUrl: `https://docs.google.com/document/d/${id}/edit` });
    expect(planId()).toBe(id);
    const plan = planText();
    expect(plan.bullets).toContain(THEIRS);
    expect(plan.bullets).not.toContain(OURS);
    expect(plan.tables.flat().map((r) => r.join(' | '))).toEqual(expect.arrayContaining([expect.stringContaining('Run EMEA enablement | Maya Patel | Vendor | Dec 17, 2026')]));
    // Refreshed in place, one guarded batch: not deleted and written again.
    const writes = docWrites(id, from);
    expect(writes).toHaveLength(1);
    expect((writes[0]!.body as { writeControl?: { requiredRevisionId?: string } }).writeControl?.requiredRevisionId).toBeTruthy();
    expect('warnings' in out && out.warnings.join('\n')).toContain('action plan: you edited Completed since the last review, item 2, so it was kept as you left it');
    // The commitments' section went in whole, heading and table, as a fresh fill writes it.
    expect(plan.headings.map((h) => h.text)).toContain('Agreed in the review');
    // …and the "Open actions" section the record's "Carried over" replaces, untouched by the CSM, is gone (no rows twice).
    expect(plan.headings.map((h) => h.text)).toEqual(['GlobalTech — mutual action plan', 'Agreed at the quarterly business review on Thursday, Dec 10, 2026', 'Agreed in the review', 'Carried over from earlier reviews', 'Success-plan goals', 'Milestones', 'Completed since the last review', 'Contacts']);
    expect(plan.tables.flat().filter((r) => r[0] === 'A-104')).toHaveLength(1);
    expect('warnings' in out && out.warnings.join('\n')).not.toContain('rewritten whole');
    // The QBR Log's Doc Record now describes what the doc holds, for the next run.
    expect(logCell('Doc Record')).not.toBe(recordBefore);
    expect(JSON.parse(logCell('Doc Record'))['action-plan'].id).toBe(id);

    // The package for the held, recorded QBR is built from the record: it matches the doc, so nothing is written to it.
    const gen = fake.calls.length;
    await generate('2026-12-11');
    expect(docWrites(id, gen)).toEqual([]);
    expect(planText().bullets).toContain(THEIRS);
    expect(fake.violations).toEqual([]);
  }, 90_000);

  it('a doc with no record (an older row) is still rewritten whole, and the warning says why', async () => {
    await generate();
    const id = planId();
    const row = rows('QBR Log')[1]!;
    row[(rows('QBR Log')[0] as unknown[]).indexOf('Doc Record')] = '';
    editDocAsUser(fake.state, id, { replaceText: { find: OURS, replace: THEIRS } });
    const out = await record();
    expect('warnings' in out && out.warnings.join('\n')).toContain('The action plan was rewritten whole from the record');
    expect(planText().bullets).not.toContain(THEIRS);
    expect(planText().tables.flat().map((r) => r.join(' | '))).toEqual(expect.arrayContaining([expect.stringContaining('Run EMEA enablement')]));
    // From now on it has a record: the next save keeps an edit.
    expect(JSON.parse(logCell('Doc Record'))['action-plan'].id).toBe(id);
  }, 90_000);
});
