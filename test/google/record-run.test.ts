/**
 * Recording a QBR in Google (src/google/record-run.ts) with the real googleapis clients over loopback HTTP against
 * the fake Google: the tracker rows appended once however often it is saved, the QBR Log row's record fields, RAW text.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { driveAsync, Executor } from '../../src/google/execute';
import { readGoogleTracker } from '../../src/google/tracker-io';
import { recordQbr, writeRecord } from '../../src/google/record-run';
import { writeProgramTab } from '../../src/google/program-tab';
import { analyzeWorkbook, readTracker } from '../../src/core';
import { programView } from '../../src/core/program/program';
import { simpleParser } from 'mailparser';
import { documentText } from '../fake-google/apis/docs';
import { holdEventId } from '../../src/core/package/holds';
import type { QbrRecord } from '../../src/core/program/record';
import { seedSpreadsheet } from '../fake-google/seed';
import { cli, fake, generate as generateRun, sheetRows as rows, tabs, transport, useFakeGoogle, work } from '../helpers/google-fake';

const SHEET = '1RecordTrackerSpreadsheet0123456789abc';
useFakeGoogle({ sheet: SHEET });

/** GlobalTech's package for its 2026-12-10 QBR, made the way a CSM makes it (the drafts, docs and holds the record rewrites). */
async function generate() {
  expect((await generateRun(['--account', 'ACC-001'])).code).toBe(0);
}

const RECORD: QbrRecord = {
  accountId: 'ACC-001', qbrDate: '2026-12-10', held: '2026-12-10',
  attendees: ['Daniel Okafor', 'Priya Raman'],
  indicators: { executiveAttendance: 'Green', customerPreparation: 'Yellow', engagement: 'Green' },
  takeaways: '=HYPERLINK("x") stays text; EMEA adoption stalled',
  commitments: [
    { action: 'Run EMEA enablement', owner: 'Maya Patel', side: 'Vendor', due: '2026-12-17' },
    { action: 'Name an EMEA champion', owner: 'Priya Raman', side: 'Customer', due: '2026-12-24' },
  ],
  expansionPaths: [{ opportunity: 'Analytics add-on', sponsor: 'Daniel Okafor', nextStep: 'Demo in January', potentialArr: 36000 }],
};

async function save(record: QbrRecord = RECORD, today = '2026-12-11') {
  const t = transport();
  const exec = new Executor();
  const tracker = await driveAsync(readGoogleTracker(exec, SHEET), t);
  return driveAsync(writeRecord({ exec, tracker, record, today }), t);
}

const column = (title: string, header: string) => {
  const [head, ...rest] = rows(title);
  const i = head!.indexOf(header);
  return rest.map((r) => r[i]);
};

describe('writeRecord: the tracker is the record', () => {
  it('appends each commitment once to Actions, linked to the QBR date, however often it is saved', async () => {
    const before = rows('Actions').length;
    const first = await save();
    expect(first).toMatchObject({ appended: { actions: ['Run EMEA enablement', 'Name an EMEA champion'], opportunities: ['Analytics add-on'] } });
    const second = await save();
    expect(second).toMatchObject({ appended: { actions: [], opportunities: [] } });
    expect((second as { alreadyThere: string[] }).alreadyThere).toEqual([
      'commitment "Run EMEA enablement" is already in Actions', 'commitment "Name an EMEA champion" is already in Actions', 'opportunity "Analytics add-on" is already in Opportunities',
    ]);
    const actions = rows('Actions');
    expect(actions).toHaveLength(before + 2);
    const [head] = actions;
    const added = actions.slice(before).map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? null])));
    expect(added).toEqual([
      { 'Action ID': 'ACC-001-QBR20261210-1', 'Account ID': 'ACC-001', Action: 'Run EMEA enablement', Owner: 'Maya Patel', Side: 'Vendor', 'Due Date': '2026-12-17', Status: 'Open', 'Linked To': '2026-12-10', 'Completion Date': null },
      { 'Action ID': 'ACC-001-QBR20261210-2', 'Account ID': 'ACC-001', Action: 'Name an EMEA champion', Owner: 'Priya Raman', Side: 'Customer', 'Due Date': '2026-12-24', Status: 'Open', 'Linked To': '2026-12-10', 'Completion Date': null },
    ]);
    expect(fake.violations).toEqual([]);
  });

  it('adds the opportunity with a Linked To header the tab lacked, Potential ARR as a number', async () => {
    await save();
    const opps = rows('Opportunities');
    expect(opps[0]).toContain('Linked To');
    const last = opps[opps.length - 1]!;
    expect(last[opps[0]!.indexOf('Opportunity')]).toBe('Analytics add-on');
    expect(last[opps[0]!.indexOf('Potential ARR')]).toBe(36000);
    expect(last[opps[0]!.indexOf('Linked To')]).toBe('2026-12-10');
    // Only the columns written: Type, Probability and Timeline stay empty.
    expect(last[opps[0]!.indexOf('Type')] ?? '').toBe('');
  });

  it('fills the QBR Log row of the package (Account ID + QBR Date) with held, attendees, indicators and takeaways, as text', async () => {
    await generate();
    expect(rows('QBR Log')).toHaveLength(2);
    await save();
    await save();
    const log = rows('QBR Log');
    expect(log).toHaveLength(2); // the package's row, not a second one
    expect(log[0]!.slice(-6)).toEqual(['Held', 'Attendees', 'Executive Attendance', 'Customer Preparation', 'Engagement', 'Takeaways']);
    expect(column('QBR Log', 'Held')).toEqual(['2026-12-10']);
    expect(column('QBR Log', 'Attendees')).toEqual(['Daniel Okafor; Priya Raman']);
    expect(column('QBR Log', 'Executive Attendance')).toEqual(['Green']);
    expect(column('QBR Log', 'Customer Preparation')).toEqual(['Yellow']);
    expect(column('QBR Log', 'Engagement')).toEqual(['Green']);
    expect(column('QBR Log', 'Takeaways')).toEqual(['=HYPERLINK("x") stays text; EMEA adoption stalled']);
    expect(String(column('QBR Log', 'Deck URL')[0])).toMatch(/^https:\/\/docs\.google\.com\/presentation\//);
    const writes = fake.calls.filter((c) => c.methodId === 'sheets.spreadsheets.values.batchUpdate');
    expect(writes.every((c) => (c.body as { valueInputOption?: string }).valueInputOption === 'RAW')).toBe(true);
    expect(fake.violations).toEqual([]);
  }, 60_000);

  it('makes the QBR Log with the record’s columns only when the tracker has none (no package columns)', async () => {
    const { 'QBR Log': _log, ...rest } = tabs;
    fake.state.spreadsheets.delete(SHEET);
    seedSpreadsheet(fake.state, SHEET, rest);
    await save();
    expect(rows('QBR Log')).toEqual([
      ['Account ID', 'QBR Date', 'Held', 'Attendees', 'Executive Attendance', 'Customer Preparation', 'Engagement', 'Takeaways'],
      ['ACC-001', '2026-12-10', '2026-12-10', 'Daniel Okafor; Priya Raman', 'Green', 'Yellow', 'Green', '=HYPERLINK("x") stays text; EMEA adoption stalled'],
    ]);
  });

  it('writes the program to a QBR Program tab as values, an earlier longer write leaving no stale row', async () => {
    const t = transport();
    const exec = new Executor();
    const tracker = await driveAsync(readGoogleTracker(exec, SHEET), t);
    const view = programView(readTracker(tracker.workbook), analyzeWorkbook(tracker.workbook, { today: '2026-11-22' }), '2026-11-22');
    await driveAsync(writeProgramTab(exec, tracker, view), t);
    const first = rows('QBR Program');
    // Empty cells pad the rectangle (an empty RAW string clears a cell).
    expect(first[0]!.filter((c) => c !== '')).toEqual(['QBR program as of 2026-11-22', 'metrics over QBRs held 2025-11-22 – 2026-11-22']);
    expect(first[2]).toEqual(['Metric', 'Value', 'Target', 'Status', 'QBRs counted', 'Accounts', 'Note']);
    // Someone typed below the table; the next write replaces the whole area it used.
    fake.state.spreadsheets.get(SHEET)!.sheets.find((s) => s.title === 'QBR Program')!.values.push(['stale', 'row']);
    const again = await driveAsync(readGoogleTracker(exec, SHEET), t);
    await driveAsync(writeProgramTab(exec, again, view), t);
    expect(JSON.stringify(rows('QBR Program'))).not.toContain('stale');
    expect(fake.calls.filter((c) => c.methodId === 'sheets.spreadsheets.values.batchUpdate').every((c) => (c.body as { valueInputOption?: string }).valueInputOption === 'RAW')).toBe(true);
    expect(fake.violations).toEqual([]);
  });

  it('refuses a QBR held after today, writing nothing', async () => {
    const calls = fake.calls.length;
    expect(await save({ ...RECORD, held: '2026-12-12' })).toEqual({ error: 'the QBR cannot be recorded as held on 2026-12-12, after today (2026-12-11)' });
    expect(fake.calls.slice(calls).some((c) => /batchUpdate/.test(c.methodId))).toBe(false);
  });
});

async function record(rec: QbrRecord = RECORD, today = '2026-12-11') {
  const t = transport();
  const exec = new Executor();
  const tracker = await driveAsync(readGoogleTracker(exec, SHEET), t);
  return driveAsync(recordQbr({ exec, tracker, record: rec, today, now: new Date(`${today}T15:00:00Z`), defaultTimezone: 'America/New_York', folderId: null }), t);
}

const logCell = (header: string) => String(column('QBR Log', header)[0] ?? '');

/** The COMMITMENTS section's table rows, from the draft's plain-text part: [action, owner, due]. */
function commitmentsIn(text: string): string[][] {
  const section = /\nCOMMITMENTS\n([\s\S]*?)\n[A-Z][A-Z ]+\n/.exec(text)![1]!;
  return section.split('\n').filter((l) => /\S {2,}\S/.test(l) && !/^Action\s/.test(l) && !/^-+\s/.test(l)).map((l) => l.trim().split(/ {2,}/));
}
const summaryDraftId = () => /summary=([\w-]+)/.exec(logCell('Draft ID'))?.[1] ?? null;
const summary = async (id: string) => simpleParser(Buffer.from(fake.state.drafts.get(id)!.message.raw, 'base64url'));
const docIds = () => [...logCell('Doc URL').matchAll(/\/d\/([\w-]+)/g)].map((m) => m[1]!);
const hold = (step: string) => fake.state.events.get('primary')!.get(holdEventId(`ACC-001|2026-12-10|${step}`)) as { description?: string; status?: string } | undefined;

describe('recordQbr: the follow-up rewritten from the record', () => {
  it('rewrites the summary draft the QBR Log points at, in place, with exactly the recorded commitments', async () => {
    await generate();
    const before = summaryDraftId()!;
    expect((await summary(before)).text).not.toContain('Run EMEA enablement');
    const out = await record();
    expect(out).toMatchObject({ summaryDraft: { id: before } });
    expect(summaryDraftId()).toBe(before);
    expect(fake.state.drafts.size).toBe(2); // the summary and the invitation, no third
    const mail = await summary(before);
    expect(commitmentsIn(mail.text!)).toEqual([['Name an EMEA champion', 'Priya Raman', 'Dec 24, 2026'], ['Run EMEA enablement', 'Maya Patel', 'Dec 17, 2026']]);
    expect(mail.text).toContain('KEY TAKEAWAYS\n\n  • =HYPERLINK("x") stays text; EMEA adoption stalled\n');
    expect(mail.text).toContain('Next review due: Mar 10, 2027'); // held 2026-12-10 + 3 months
    expect(fake.calls.some((c) => /send/.test(c.methodId))).toBe(false);
    expect(fake.violations).toEqual([]);
  }, 60_000);

  it('rewrites the action plan Doc in place (same id) and the T+7/T+14 holds list the commitments due', async () => {
    await generate();
    const docs = docIds();
    const events = fake.state.events.get('primary')!.size;
    const out = await record();
    expect(out).toMatchObject({ actionPlanUrl: `https://docs.google.com/document/d/${docs[1]}/edit` });
    expect(docIds()).toEqual(docs);
    const plan = documentText(fake.state.documents.get(docs[1]!));
    const agreed = plan.tables[0]!;
    // No tracker ID column for the customer: the action, owner, side, due date and status.
    expect(agreed.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      ['Run EMEA enablement', 'Maya Patel', 'Vendor', 'Dec 17, 2026', 'Open'],
      ['Name an EMEA champion', 'Priya Raman', 'Customer', 'Dec 24, 2026', 'Open'],
    ]);
    expect(plan.headings.filter((h) => h.level === 'TITLE')).toEqual([{ level: 'TITLE', text: 'GlobalTech — mutual action plan' }]); // the old content is gone, not appended to
    expect(fake.state.events.get('primary')!.size).toBe(events);
    expect(hold('T+7')!.description).toContain('Commitments from the QBR due by Dec 17, 2026:\n- Run EMEA enablement (Vendor: Maya Patel), due Dec 17, 2026');
    expect(hold('T+14')!.description).toContain('Name an EMEA champion');
    expect(fake.violations).toEqual([]);
  }, 60_000);

  it('saving twice appends each commitment once and still leaves one summary draft and one action plan', async () => {
    await generate();
    const actions = rows('Actions').length;
    const files = fake.state.files.size;
    await record();
    const again = await record();
    expect(again).toMatchObject({ appended: { actions: [], opportunities: [] } });
    expect(rows('Actions')).toHaveLength(actions + 2);
    expect(fake.state.drafts.size).toBe(2);
    expect(fake.state.files.size).toBe(files);
    expect(commitmentsIn((await summary(summaryDraftId()!)).text!)).toHaveLength(2);
  }, 60_000);

  it('a summary draft the CSM deleted becomes a new draft, which the QBR Log then points at; a deleted hold stays deleted', async () => {
    await generate();
    const old = summaryDraftId()!;
    fake.state.drafts.delete(old);
    hold('T+7')!.status = 'cancelled';
    const out = await record();
    const id = summaryDraftId()!;
    expect(id).not.toBe(old);
    expect(out).toMatchObject({ summaryDraft: { id }, checkIns: [{ date: '2026-12-17', made: 'deleted' }, { date: '2026-12-24', made: 'updated' }] });
    expect(logCell('Draft ID')).toMatch(/invitation=/);
    expect(commitmentsIn((await summary(id)).text!)).toHaveLength(2);
    expect(hold('T+7')!.status).toBe('cancelled');
    await record();
    expect(summaryDraftId()).toBe(id);
    expect(fake.state.drafts.size).toBe(2);
  }, 60_000);
});

describe('an action plan the CSM deleted', () => {
  it('is made again once by a save, logged in its place, and the next save finds it (no second copy)', async () => {
    await generate();
    const docIds = () => [...logCell('Doc URL').matchAll(/\/d\/([\w-]+)/g)].map((m) => m[1]!);
    const [preRead, plan, brief] = docIds();
    fake.state.files.delete(plan!);
    fake.state.documents.delete(plan!);
    await record();
    const remade = docIds()[1]!;
    expect(remade).not.toBe(plan);
    // Pre-read, action plan, prep brief: the order re-runs read them back in.
    expect(docIds()).toEqual([preRead, remade, brief]);
    const files = fake.state.files.size;
    await record();
    expect(fake.state.files.size).toBe(files);
    expect(docIds()[1]).toBe(remade);
  }, 60_000);
});

describe('qbr record --google', () => {
  it('writes the record to the Google Sheet and rewrites the follow-up; run twice, each commitment is appended once', async () => {
    await generate();
    const from = join(work, 'record.json');
    const { accountId: _a, qbrDate: _q, ...body } = RECORD;
    writeFileSync(from, JSON.stringify(body));
    const actions = rows('Actions').length;
    for (let i = 0; i < 2; i++) {
      const { code, stderr } = await cli(['record', '--google', '--tracker', `https://docs.google.com/spreadsheets/d/${SHEET}/edit`, '--account', 'ACC-001', '--qbr-date', '2026-12-10', '--from', from], '2026-12-11');
      expect([code, stderr]).toEqual([0, expect.stringContaining(`summary draft: rewritten (draft ${summaryDraftId()})`)]);
      expect(stderr).toContain(i === 0 ? 'Actions: 2 new commitment(s)' : 'already there, not added again: commitment "Run EMEA enablement" is already in Actions');
    }
    expect(rows('Actions')).toHaveLength(actions + 2);
    expect(commitmentsIn((await summary(summaryDraftId()!)).text!)).toHaveLength(2);
    expect(fake.violations).toEqual([]);
  }, 60_000);
});
