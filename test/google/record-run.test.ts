/**
 * Recording a QBR in Google (src/google/record-run.ts) with the real googleapis clients over loopback HTTP against
 * the fake Google: the tracker rows appended once however often it is saved, the QBR Log row's record fields, RAW text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { driveAsync, Executor, type Transport } from '../../src/google/execute';
import { readGoogleTracker } from '../../src/google/tracker-io';
import { writeRecord } from '../../src/google/record-run';
import type { QbrRecord } from '../../src/core/program/record';
import { OAuth2Client } from 'google-auth-library';
import { googleapisTransport } from '../../src/transport/googleapis';
import { Pacer } from '../../src/transport/pace';
import { defaultRetry } from '../../src/transport/retry';
import { scopesFor } from '../../src/transport/auth';
import { readXlsx } from '../../src/workbook/xlsx';
import { seedSpreadsheet } from '../fake-google/seed';
import { startFakeGoogle, type FakeGoogle } from '../fake-google/server';

const SHEET = '1RecordTrackerSpreadsheet0123456789abc';
const work = mkdtempSync(join(tmpdir(), 'qbr-record-'));
let fake: FakeGoogle;
let tabs: Record<string, unknown[][]>;
let clockMs = 0;
const timer = { now: () => clockMs, sleep: async (ms: number) => void (clockMs += ms) };

beforeAll(async () => {
  const wb = await readXlsx(join(__dirname, '../../examples/tracker.xlsx'));
  tabs = Object.fromEntries(wb.tabs.map((t) => [t.name, t.rows.map((r) => r.map((c) => (c === undefined ? null : c)))]));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeEach(async () => {
  fake = await startFakeGoogle({ scopes: scopesFor(false) });
  seedSpreadsheet(fake.state, SHEET, tabs);
});
afterEach(() => fake.close());

function transport(): Transport {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'test-token' });
  return googleapisTransport({ auth, rootUrl: fake.url, retry: defaultRetry({ sleep: timer.sleep }), pacer: new Pacer({ limit: 60, windowMs: 60_000, now: timer.now, sleep: timer.sleep }) });
}

/** GlobalTech's package for its 2026-12-10 QBR, made the way a CSM makes it (the drafts, docs and holds the record rewrites). */
async function generate() {
  process.env.QBR_ACCESS_TOKEN = 'test-token';
  try {
    const code = await run(['generate', '--google', '--tracker', SHEET, '--account', 'ACC-001', '--today', '2026-11-22', '--api-root', fake.url, '--out', join(work, `gen-${Date.now()}`)], {
      stdout: () => undefined, stderr: () => undefined, now: () => new Date('2026-11-22T15:00:00Z'), timer,
    });
    expect(code).toBe(0);
  } finally {
    delete process.env.QBR_ACCESS_TOKEN;
  }
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

const rows = (title: string) => fake.state.spreadsheets.get(SHEET)!.sheets.find((s) => s.title === title)!.values;
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

  it('refuses a QBR held after today, writing nothing', async () => {
    const calls = fake.calls.length;
    expect(await save({ ...RECORD, held: '2026-12-12' })).toEqual({ error: 'the QBR cannot be recorded as held on 2026-12-12, after today (2026-12-11)' });
    expect(fake.calls.slice(calls).some((c) => /batchUpdate/.test(c.methodId))).toBe(false);
  });
});
