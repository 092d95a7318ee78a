import { analyzeWorkbook, bookJson } from '../../../src/core';
import { book } from '../book';

const TODAY = '2026-11-22';

const tracker = () => book({
  'accounts': [
    ['QBR tracker — team West'], // a title row above the headers
    ['account_id', 'Account', 'ARR', 'Licensed Seats', 'Last QBR Date', 'Renewal Date', 'QBR Date', 'Timezone', 'Segment'],
    ['A1', 'Acme', '$220K', 400, '2026-08-15', '5/22/2027', null, 'Europe/Berlin', null],
    [],
    ['A2', 'Beta', 'abc', 10, null, null, null, null, null],
    ['a3', 'Gamma', 30_000, 50, null, null, null, null, 'Enterprise'],
  ],
  'Metrics': [
    ['Account ID', 'Quarter', 'Active Users', 'Features Used', 'Features Available', 'Escalations', 'CSAT', 'Engagement Score', 'Relationship Score', 'NPS'],
    ['A1', '2026-Q1', 200, 8, 20, 2, 4, 70, 70, 10],
    ['A1', 'Q2 2026', 240, 9, 20, 1, 4.2, 72, 72, 20],
    ['A1', 'FY26 Q3', 266, 10, 20, 1, 4.5, 80, 70, 30],
    ['A1', '2026-Q4', 340, 12, 20, 0, 4.8, 85, 90, '#N/A'],
    ['A1', '2027-Q1', 999, 1, 1, 0, 5, 1, 1, 1], // not begun by today: ignored
    ['A3', '2026-Q3', 20, null, null, null, null, null, null, null],
    ['ZZ', '2026-Q4', 1, 1, 1, 1, 1, 1, 1, 1],
  ],
  'Value': [
    ['Account ID', 'Quarter', 'Category', 'Description', 'Quantity', 'Rate', 'Baseline', 'Current', 'Value', 'Source'],
    ['A1', '2026-Q4', 'Time Savings', 'Analyst hours', '4,200', null, null, null, null, 'Time study'],
    ['A1', '2026-Q4', 'Cost Reduction', 'Two tools retired', null, null, '$21,250', '$0', null, 'Invoices'],
    ['A1', '2026-Q3', 'Time Savings', 'Last quarter', 100, null, null, null, null, 'x'],
  ],
  'Settings': [
    ['Key', 'Value'],
    ['Hourly Rate', '$80'],
    ['Timezone', 'America/New_York'],
  ],
});

describe('analyzeWorkbook on a small book', () => {
  const result = analyzeWorkbook(tracker(), { today: TODAY });
  const a1 = result.accounts.find((a) => a.id === 'A1')!;

  it('analyses the good accounts and skips the broken one with its reason', () => {
    expect(result.accounts.map((a) => a.id)).toEqual(['A1', 'a3']);
    expect(result.skipped).toEqual([{ id: 'A2', reason: expect.stringContaining('accounts row 5, ARR "abc"') }]);
  });

  it('takes the latest quarter that has begun', () => {
    expect(a1.quarter).toBe('2026-Q4');
    expect(a1.history.map((h) => h.quarter)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });

  it('scores health and its trend against the previous quarter', () => {
    // Q4: usage 0.6×85 + 0.4×60 = 75; support 100×4.8/5 = 96; engagement 85; relationship 90 → 84.7 → 85
    // Q3: usage 0.6×66.5 + 0.4×50 = 59.9; support 90×4.5/5 = 81; 80; 70
    //     59.9×.35 + 80×.25 + 81×.2 + 70×.2 = 20.965 + 20 + 16.2 + 14 = 71.165 → 71
    expect(a1.health).toMatchObject({ score: 85, band: 'Green', trend: 14 });
    expect(a1.history[2]!.health.score).toBe(71);
    expect(a1.trends.activeUsers).toMatchObject({ current: 340, previous: 266, direction: 'up' });
    expect(a1.trends.nps).toMatchObject({ current: null, direction: null }); // #N/A is missing, not 0
  });

  it('values the current quarter with the Settings hourly rate', () => {
    // 4,200 × $80 = 336,000 + 21,250 = 357,250; investment 55,000 → ROI 6.4955
    expect(a1.value.quarterTotal).toBe(357_250);
    expect(a1.value.roi).toBeCloseTo(6.49545, 4);
    expect(a1.value.lines).toHaveLength(2);
  });

  it('computes cadence, due date, renewal and the time zone', () => {
    expect(a1).toMatchObject({ segment: 'Enterprise', deck: 'enterprise', cadenceMonths: 3, nextQbrDue: '2026-11-15', overdue: true, timezone: 'Europe/Berlin' });
    expect(a1.renewal).toMatchObject({ date: '2027-05-22', daysToRenewal: 181, focus: 'Achievement review' });
  });

  it('honours a Segment override and names what an account lacks', () => {
    const a3 = result.accounts.find((a) => a.id === 'a3')!;
    expect(a3).toMatchObject({ segment: 'Enterprise', quarter: '2026-Q3', timezone: 'America/New_York' });
    // 100 × 20/50 = 40 usage alone
    expect(a3.health.dimensions.usage).toBeCloseTo(40, 10);
    expect(a3.health.score).toBe(40);
    expect(a3.value).toMatchObject({ quarterTotal: null, roi: null });
    expect(a3.findings.map((f) => f.message)).toEqual(expect.arrayContaining([
      expect.stringContaining('2026-Q4 has no row yet'),
      expect.stringContaining('no Value lines'),
      expect.stringContaining('no Renewal Date'),
    ]));
  });

  it('reports unknown account IDs once, at workbook level', () => {
    const unknown = result.findings.filter((f) => f.message.includes('"ZZ"'));
    expect(unknown).toEqual([{ tab: 'Metrics', row: 8, column: 'Account ID', value: 'ZZ', severity: 'warning', message: expect.any(String) }]);
  });

  it('keeps missing numbers null in the JSON and rounds dimensions to one decimal', () => {
    const json = bookJson(result);
    const j1 = json.accounts[0]!;
    expect(j1.health.dimensions).toEqual({ usage: 75, engagement: 85, support: 96, relationship: 90 });
    expect(json.accounts[1]!.health.dimensions).toEqual({ usage: 40, engagement: null, support: null, relationship: null });
    expect(JSON.stringify(json)).not.toMatch(/NaN|Infinity|undefined/);
    expect(j1.findings.every((f) => !('accountId' in f))).toBe(true);
  });

  it('analyses only the accounts asked for, matching IDs case-insensitively', () => {
    const some = analyzeWorkbook(tracker(), { today: TODAY, accountIds: ['A3', 'nope'] });
    expect(some.accounts.map((a) => a.id)).toEqual(['a3']);
    expect(some.skipped).toEqual([{ id: 'nope', reason: expect.stringContaining('no account') }]);
  });
});

describe('settings change the formulas', () => {
  it('uses Settings thresholds, weights and a fiscal year', () => {
    const wb = book({
      Accounts: [['Account ID', 'Account', 'ARR'], ['X', 'Xeno', 90_000]],
      Metrics: [['Account ID', 'Quarter', 'Usage Score', 'Support Score'], ['X', 'FY27 Q4', 100, 0]],
      Settings: [['Key', 'Value'], ['Enterprise Threshold', '$80K'], ['Usage Weight', '75%'], ['Support Weight', 0.25], ['Fiscal Year Start Month', 'February']],
    });
    const [x] = analyzeWorkbook(wb, { today: TODAY }).accounts;
    // FY27 Q4 with a February start begins 2026-11-01, so it is current; 100×.75 + 0×.25 = 75
    expect(x).toMatchObject({ segment: 'Enterprise', quarter: '2027-Q4' });
    expect(x!.health.score).toBe(75);
  });
  it('names an unusable setting and keeps the default', () => {
    const wb = book({ Accounts: [['Account ID', 'Account', 'ARR'], ['X', 'Xeno', 90_000]], Settings: [['Key', 'Value'], ['Hourly Rate', 'lots']] });
    const r = analyzeWorkbook(wb, { today: TODAY });
    expect(r.findings).toEqual([expect.objectContaining({ tab: 'Settings', row: 2, column: 'Value', value: 'lots' })]);
  });
  it('reads the support SLA targets in hours, "4h" as 4, and names one that is not a number of hours', () => {
    const wb = book({ Accounts: [['Account ID', 'Account', 'ARR'], ['X', 'Xeno', 90_000]], Settings: [['Key', 'Value'], ['First Response SLA (h)', '4h'], ['Resolution SLA (h)', 'soon']] });
    const r = analyzeWorkbook(wb, { today: TODAY });
    expect(r.accounts[0]!.sla).toEqual({ firstResponseHours: 4, resolutionHours: null });
    expect(r.findings).toEqual([expect.objectContaining({ tab: 'Settings', row: 3, column: 'Value', value: 'soon' })]);
  });
});

describe('findings quote the sheet', () => {
  it('uses the header as written, once per cell, and lists a skipped account\'s findings with the workbook\'s', () => {
    const wb = book({
      Accounts: [['account id', 'Account', 'arr ', 'renewal date'], ['N', 'Neg', '-$5,000', null], ['G', 'Good', 10_000, '2026-02-30']],
      Value: [['Account ID', 'Quarter', 'Category', 'quantity', 'Source'], ['G', '2026-Q4', 'Time Savings', 'lots', 'x']],
    });
    const r = analyzeWorkbook(wb, { today: TODAY });
    expect(r.skipped).toEqual([{ id: 'N', reason: expect.stringContaining('ARR cannot be negative') }]);
    expect(r.findings).toEqual([expect.objectContaining({ tab: 'Accounts', row: 2, column: 'arr', severity: 'error' })]);
    const g = r.accounts[0]!;
    expect(g.findings.filter((f) => f.row === 3 && f.tab === 'Accounts' && f.column !== 'Last QBR Date')).toEqual([expect.objectContaining({ column: 'renewal date', message: expect.stringContaining('not a date') })]);
    expect(g.findings.filter((f) => f.tab === 'Value' && f.row === 2)).toEqual([expect.objectContaining({ column: 'quantity', value: 'lots', message: 'not a number' })]);
  });
});
