import { programOfWorkbook } from '../../../src/core';
import { programSheet } from '../../../src/core/program/sheet';
import { book } from '../book';

const ACCOUNTS = [
  ['Account ID', 'Account', 'ARR', 'QBR Date', 'Last QBR Date', 'CSM'],
  ['A1', 'Acme', 200000, '2026-12-10', '2026-09-15', 'Ana'],
  ['A2', 'Beta', 150000, '2027-02-01', '2026-09-20', 'Ana'],
  ['A3', 'Gamma', 120000, '2026-12-01', '2026-10-05', 'Ben'],
  ['A4', 'Delta', 60000, null, '2026-08-10', 'Ben'],
  ['A5', 'Epsilon', 30000, null, '2026-07-01', null],
  ['A6', 'Zeta', 110000, null, '2026-03-01', 'Ben'],
];
const scores = (id: string, q: string, s: number) => [id, q, s, s, s, s];
const METRICS = [
  ['Account ID', 'Quarter', 'Usage Score', 'Engagement Score', 'Support Score', 'Relationship Score'],
  scores('A1', '2026-Q3', 70), scores('A1', '2026-Q4', 78),
  scores('A4', '2026-Q3', 60), scores('A4', '2026-Q4', 62),
  scores('A3', '2026-Q4', 50),
];
const LOG = [
  ['Account ID', 'QBR Date', 'Held', 'Executive Attendance', 'Attendees'],
  ['A1', '2026-09-15', '2026-09-15', 'Green', 'Dana (CFO)'],
  ['A2', '2026-09-20', '2026-09-22', 'Green', null],
  ['A3', '2026-10-05', '2026-10-05', 'Yellow', null],
  ['A4', '2026-08-10', '2026-08-10', 'Green', null],
  ['A5', '2026-07-01', '2026-07-01', 'Red', null],
  ['A6', '2026-03-01', '2026-03-01', 'green', null],
];
const ACTIONS = [
  ['Action ID', 'Account ID', 'Action', 'Due Date', 'Status', 'Linked To'],
  ['X1', 'A1', 'SSO rollout', '2026-10-01', 'Complete', '2026-09-15'],
  ['X2', 'A1', 'Training plan', '2026-10-15', 'Open', '2026-09-15'],
  ['X3', 'A1', 'Renewal terms', '2026-12-15', 'Open', '2026-09-15'],
  ['X4', 'A2', 'Data export', '2026-10-01', 'Done', '2026-09-22'],
  ['X5', 'A3', 'Pilot', '2026-11-01', 'Cancelled', '2026-10-05'],
  ['X6', 'A3', 'Dashboards', '2026-11-01', 'Complete', '2026-10-05'],
  ['X7', 'A4', 'Unlinked', '2026-09-01', 'Complete', null],
  ['X8', 'A5', 'Old QBR', '2025-08-01', 'In Progress', '2025-07-01'],
];
const OPPORTUNITIES = [
  ['Account ID', 'Opportunity', 'Potential ARR', 'Linked To'],
  ['A1', 'Analytics add-on', 40000, '2026-09-15'],
  ['A1', 'More seats', 10000, '2026-09-15'],
  ['A3', 'EU region', 25000, '2026-10-05'],
  ['A4', 'Old upsell', 5000, null],
];

const full = () => book({ Accounts: ACCOUNTS, Metrics: METRICS, 'QBR Log': LOG, Actions: ACTIONS, Opportunities: OPPORTUNITIES });

describe('program view (SPEC §4.5)', () => {
  const view = programOfWorkbook(full(), '2026-11-22');

  it('schedules per CSM: next 30 days, held in the last 90, overdue', () => {
    expect(view.schedule).toEqual([
      { csm: 'Ana', scheduled: [{ accountId: 'A1', date: '2026-12-10' }], held: [{ accountId: 'A1', date: '2026-09-15' }, { accountId: 'A2', date: '2026-09-22' }], overdue: [] },
      { csm: 'Ben', scheduled: [{ accountId: 'A3', date: '2026-12-01' }], held: [{ accountId: 'A3', date: '2026-10-05' }], overdue: [{ accountId: 'A6', due: '2026-06-01' }] },
    ]);
  });

  it('executive attendance: 4 of 6 QBRs with the sponsor present → 67 % against 80 %', () => {
    const m = view.metrics.executiveAttendance;
    expect(m.count).toEqual({ of: 4, total: 6 });
    expect(m.value).toBeCloseTo(0.6667, 4);
    expect(m.target).toEqual({ min: 0.8 });
    expect(m.met).toBe(false);
    expect(m.accounts.find((a) => a.accountId === 'A3')?.counted).toBe('delegate');
  });

  it('commitment completion counts due or done commitments of held QBRs: 3 of 4 → 75 % against 85 %', () => {
    const m = view.metrics.commitmentCompletion;
    expect(m.count).toEqual({ of: 3, total: 4 });
    expect(m.met).toBe(false);
    expect(m.accounts.map((a) => a.counted.split(':')[0]).sort()).toEqual(['X1', 'X2', 'X4', 'X6']);
  });

  it('expansion share: 2 of 6 recorded QBRs surfaced a path → 33 %, within 30–40 %', () => {
    const m = view.metrics.expansionShare;
    expect(m.count).toEqual({ of: 2, total: 6 });
    expect(m.met).toBe(true);
    expect(m.target).toEqual({ min: 0.3, max: 0.4 });
  });

  it('health change from the QBR quarter to the next: (+8 + +2) / 2 = +5, meeting +5', () => {
    const m = view.metrics.healthChange;
    expect(m.value).toBe(5);
    expect(m.met).toBe(true);
    expect(m.accounts.map((a) => [a.accountId, a.counted])).toEqual([['A4', '60 → 62'], ['A1', '70 → 78']]);
  });

  it('expansion ARR surfaced per quarter', () => {
    expect(view.expansionByQuarter.map((q) => [q.quarter, q.arr, q.accounts.length])).toEqual([['2026-Q3', 50000, 2], ['2026-Q4', 25000, 1]]);
    expect(view.expansionNoData).toBeNull();
  });

  it('a tracker without recorded fields says "not enough data" with the reason, never 0', () => {
    const bare = programOfWorkbook(book({ Accounts: ACCOUNTS, Opportunities: OPPORTUNITIES.map((r) => r.slice(0, 3)) }), '2026-11-22');
    for (const m of Object.values(bare.metrics)) {
      expect(m.value).toBeNull();
      expect(m.met).toBeNull();
      expect(m.noData).toMatch(/\w/);
    }
    expect(bare.metrics.executiveAttendance.noData).toMatch(/Executive Attendance/);
    expect(bare.metrics.expansionShare.noData).toMatch(/Linked To/);
    expect(bare.expansionNoData).toMatch(/Linked To/);
    // Held QBRs still come from the Accounts tab's Last QBR Date.
    expect(bare.schedule.find((r) => r.csm === 'Ana')?.held).toHaveLength(2);
  });

  it('an unreadable indicator or Held date is a finding with its row, and the QBR is left out', () => {
    const log = [...LOG.slice(0, 6), ['A6', '2026-03-01', 'sometime', 'maybe', null]];
    const v = programOfWorkbook(book({ Accounts: ACCOUNTS, 'QBR Log': log }), '2026-11-22');
    expect(v.findings.map((f) => [f.row, f.column])).toEqual(expect.arrayContaining([[7, 'Held']]));
    expect(v.metrics.executiveAttendance.count).toEqual({ of: 3, total: 5 });
  });
});

describe('QBR Program tab values', () => {
  it('lists each metric with target and status, the schedule and expansion by quarter — no 0 for missing data', () => {
    const rows = programSheet(programOfWorkbook(full(), '2026-11-22'));
    expect(rows[3]).toEqual(['Executive attendance', 4 / 6, '80 %+', 'below target', 6, 'A6, A5, A4, A1, A2, A3', '']); // in the order the QBRs were held
    expect(rows[6]).toEqual(['Health change, QBR quarter → next (points)', 5, '+5', 'on target', 2, 'A4, A1', '']);
    expect(rows).toContainEqual(['Ben', 'A3', 'A3', 'A6']);
    expect(rows).toContainEqual(['2026-Q3', 50000, 2, 'A1']);
    const bare = programSheet(programOfWorkbook(book({ Accounts: ACCOUNTS }), '2026-11-22'));
    expect(bare[3]!.slice(1, 5)).toEqual(['', '80 %+', 'not enough data', '']);
  });
});
