import { readTracker, type Cell, type Workbook } from '../../../src/core';
import { parseRecordJson, recordRows, type QbrRecord, type RecordRows } from '../../../src/core/program/record';
import { book } from '../book';

const start = () => book({
  Accounts: [['Account ID', 'Account', 'ARR'], ['ACC-004', 'Northwind', 180000]],
  Actions: [
    ['Action ID', 'Account ID', 'Action', 'Owner', 'Side', 'Due Date', 'Status', 'Linked To'],
    ['ACC-004-QBR20261118-1', 'ACC-004', 'Old item from July', 'Sam', 'Vendor', '2026-07-15', 'Open', '2026-06-10'],
  ],
  Opportunities: [['Account ID', 'Opportunity', 'Potential ARR', 'Sponsor', 'Next Step', 'Linked To'], ['ACC-004', 'Premium support', 20000, null, null, null]],
});

const RECORD: QbrRecord = {
  accountId: 'acc-004', qbrDate: '2026-11-18', held: '2026-11-19',
  attendees: ['Dana Lee (CFO)', ' Sam Ortiz '],
  indicators: { executiveAttendance: 'Green', customerPreparation: 'Yellow', engagement: null },
  takeaways: 'Adoption stalled in EMEA; =SUM(A1) stays text',
  commitments: [
    { action: 'Run EMEA enablement', owner: 'Sam Ortiz', side: 'Vendor', due: '2026-12-05' },
    { action: 'Name an EMEA champion', owner: 'Dana Lee', side: 'Customer', due: '2026-12-01' },
    { action: 'Share usage export', owner: null, side: 'Vendor', due: null },
  ],
  expansionPaths: [
    { opportunity: 'Analytics add-on', sponsor: 'Dana Lee', nextStep: 'Demo in December', potentialArr: 36000 },
    { opportunity: 'premium support', sponsor: null, nextStep: null, potentialArr: null },
  ],
};

/** Appends the rows under the tab's own headers, as the write-back does. */
function apply(wb: Workbook, rows: RecordRows): Workbook {
  const append = (tab: string, objs: Record<string, unknown>[], headerOf: Record<string, string>) => {
    const t = wb.tabs.find((x) => x.name === tab)!;
    const header = t.rows[0]!.map(String);
    for (const o of objs) t.rows.push(header.map((h) => (o[Object.keys(headerOf).find((k) => headerOf[k] === h)!] ?? null) as Cell));
  };
  append('Actions', rows.actions as unknown as Record<string, unknown>[], { actionId: 'Action ID', accountId: 'Account ID', action: 'Action', owner: 'Owner', side: 'Side', dueDate: 'Due Date', status: 'Status', linkedTo: 'Linked To' });
  append('Opportunities', rows.opportunities as unknown as Record<string, unknown>[], { accountId: 'Account ID', opportunity: 'Opportunity', potentialArr: 'Potential ARR', sponsor: 'Sponsor', nextStep: 'Next Step', linkedTo: 'Linked To' });
  return wb;
}

const ok = (r: RecordRows | { error: string }): RecordRows => {
  if ('error' in r) throw new Error(r.error);
  return r;
};

describe('qbr record core (SPEC §4.5)', () => {
  it('turns the record into Actions linked to the QBR date, new Opportunities and the QBR Log fields', () => {
    const rows = ok(recordRows(readTracker(start()), RECORD, '2026-11-20'));
    expect(rows.actions.map((a) => [a.actionId, a.accountId, a.action, a.owner, a.side, a.dueDate, a.status, a.linkedTo])).toEqual([
      // -1 is taken already, so numbering skips it.
      ['ACC-004-QBR20261118-2', 'ACC-004', 'Run EMEA enablement', 'Sam Ortiz', 'Vendor', '2026-12-05', 'Open', '2026-11-18'],
      ['ACC-004-QBR20261118-3', 'ACC-004', 'Name an EMEA champion', 'Dana Lee', 'Customer', '2026-12-01', 'Open', '2026-11-18'],
      ['ACC-004-QBR20261118-4', 'ACC-004', 'Share usage export', null, 'Vendor', null, 'Open', '2026-11-18'],
    ]);
    expect(rows.warnings).toEqual(['commitment "Share usage export" has no owner', 'commitment "Share usage export" has no due date']);
    expect(rows.opportunities).toEqual([{ accountId: 'ACC-004', opportunity: 'Analytics add-on', potentialArr: 36000, sponsor: 'Dana Lee', nextStep: 'Demo in December', linkedTo: '2026-11-18' }]);
    expect(rows.alreadyThere).toEqual(['opportunity "premium support" is already in Opportunities']);
    expect(rows.log).toEqual({
      'Account ID': 'ACC-004', 'QBR Date': '2026-11-18', Held: '2026-11-19', Attendees: 'Dana Lee (CFO); Sam Ortiz',
      'Executive Attendance': 'Green', 'Customer Preparation': 'Yellow', Engagement: '', Takeaways: 'Adoption stalled in EMEA; =SUM(A1) stays text',
    });
  });

  it('recording twice appends each commitment once', () => {
    const wb = start();
    apply(wb, ok(recordRows(readTracker(wb), RECORD, '2026-11-20')));
    const again = ok(recordRows(readTracker(wb), { ...RECORD, commitments: [...RECORD.commitments, { action: 'Quarterly exec sync', owner: 'Sam Ortiz', side: 'Vendor', due: '2027-01-10' }] }, '2026-11-20'));
    expect(again.actions.map((a) => [a.actionId, a.action])).toEqual([['ACC-004-QBR20261118-5', 'Quarterly exec sync']]);
    expect(again.opportunities).toEqual([]);
    apply(wb, again);
    const third = ok(recordRows(readTracker(wb), RECORD, '2026-11-20'));
    expect(third.actions).toEqual([]);
    const actions = readTracker(wb).rows.actions.filter((a) => a.linkedTo === '2026-11-18');
    expect(actions.map((a) => a.action)).toEqual(['Run EMEA enablement', 'Name an EMEA champion', 'Share usage export', 'Quarterly exec sync']);
  });

  it('a commitment typed into Actions linked to the held date is not appended again', () => {
    const wb = start();
    wb.tabs.find((t) => t.name === 'Actions')!.rows.push(['X9', 'ACC-004', 'run emea  enablement', 'Sam', 'Vendor', '2026-12-05', 'Open', '2026-11-19']);
    const rows = ok(recordRows(readTracker(wb), RECORD, '2026-11-20'));
    expect(rows.actions.map((a) => a.action)).toEqual(['Name an EMEA champion', 'Share usage export']);
  });

  it('refuses an unknown account and a QBR held after today', () => {
    expect(recordRows(readTracker(start()), { ...RECORD, accountId: 'ACC-999' }, '2026-11-20')).toEqual({ error: 'Account ID "ACC-999" is not in the Accounts tab' });
    expect(recordRows(readTracker(start()), RECORD, '2026-11-18')).toHaveProperty('error', expect.stringMatching(/after today/));
  });

  it('reads a JSON record, naming every problem', () => {
    const good = parseRecordJson({
      held: '2026-11-19', attendees: ['Dana Lee'], indicators: { executiveAttendance: 'sponsor present', engagement: 'red' },
      takeaways: 'ok', commitments: [{ action: 'Run EMEA enablement', owner: 'Sam', side: 'Vendor', due: '2026-12-05' }],
      expansionPaths: [{ opportunity: 'Analytics add-on', potentialArr: 36000 }],
    }, 'ACC-004', '2026-11-18');
    expect(good.errors).toEqual([]);
    expect(good.record?.indicators).toEqual({ executiveAttendance: 'Green', customerPreparation: null, engagement: 'Red' });
    const bad = parseRecordJson({ held: '19/11/2026', indicators: { engagement: 'great' }, commitments: [{ owner: 'Sam', due: 'soon' }], expansionPaths: [{ opportunity: 'X', potentialArr: -5 }] }, 'ACC-004', '2026-11-18');
    expect(bad.record).toBeNull();
    expect(bad.errors).toEqual([
      'held must be a date as YYYY-MM-DD (got "19/11/2026")',
      'indicators.engagement must be Green, Yellow or Red',
      'commitments[1] has no action',
      'commitments[1].due must be a date as YYYY-MM-DD (got "soon")',
      'expansionPaths[1].potentialArr must be a number of at least 0',
    ]);
  });
});
