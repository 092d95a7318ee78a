/** renderBook on a very large book: the manager's table is built without spreading a whole column into one call. */
import { renderBook } from '../../src/cli/report';
import type { BookReview } from '../../src/core';

function account(n: number) {
  return {
    id: `ACC-${n}`, name: `Account ${n}`, segment: 'Scale', health: { score: 80, band: 'Green' }, value: { roi: 2 },
    nextQbrDue: '2027-01-15', overdue: false, findings: [],
  };
}

describe('renderBook', () => {
  it('prints a 200,000-account book (Math.max over a spread column overflowed the stack past ~120,000)', () => {
    const book = {
      today: '2026-11-22', accounts: Array.from({ length: 200_000 }, (_, i) => account(i + 1)), skipped: [],
      findings: [
        { tab: 'Metrics', row: 9, column: 'CSAT', value: 'x', severity: 'warning', message: 'not a number' },
        { tab: 'Accounts', row: 3, column: 'ARR', value: 'y', severity: 'error', message: 'not an amount of money' },
        { tab: 'Metrics', row: 4, column: 'NPS', value: 'z', severity: 'warning', message: 'not a number' },
      ],
    } as unknown as BookReview;
    const lines = renderBook(book).split('\n');
    expect(lines[0]).toBe('QBR book as of 2026-11-22: 200000 account(s) analysed, 0 skipped');
    // The widest id and name (ACC-200000, Account 200000) set the column widths.
    expect(lines[2]).toBe('Account ID  Account         Segment  Health    ROI   Next QBR    Overdue  Findings');
    expect(lines[4]).toBe('ACC-1       Account 1       Scale    Green 80  2.0x  2027-01-15           0');
    expect(lines[200_003]).toBe('ACC-200000  Account 200000  Scale    Green 80  2.0x  2027-01-15           0');
    // Findings grouped by tab in first-seen order, each tab's findings by row.
    expect(lines.slice(200_005, 200_011)).toEqual([
      'Findings (3):',
      '  Metrics',
      '    warning row 4, NPS [z]: not a number',
      '    warning row 9, CSAT [x]: not a number',
      '  Accounts',
      '    ERROR   row 3, ARR [y]: not an amount of money',
    ]);
  });
});
