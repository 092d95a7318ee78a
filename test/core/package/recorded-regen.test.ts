// A package for a QBR that was held and recorded follows up on the record (SPEC §4.5): the analysis carries the account's
// recorded QBRs (QBR Log rows with Held), buildPackage uses the one for the date it chooses. Atlas (ACC-004) planned
// Wed 2026-11-18 and met Thu 2026-11-19.
import { join } from 'node:path';
import { analyzeWorkbook, type AccountReview, type Cell, type Workbook } from '../../../src/core';
import { buildPackage } from '../../../src/core/package/package';
import { followUpFromRecord } from '../../../src/core/program/follow-up';
import { readCsvFolder } from '../../../src/workbook/csv';

const TODAY = '2026-11-20';
const LOG_HEADER = ['Account ID', 'QBR Date', 'Deck URL', 'Doc URL', 'Draft ID', 'Event IDs', 'Generated At', 'Warnings', 'Held', 'Takeaways'];
const ACTIONS: Cell[][] = [
  ['A-901', 'ACC-004', 'Run EMEA enablement', 'Jordan Reyes', 'Vendor', '2026-11-25', 'Open', '11/18/2026', null],
  ['A-902', 'ACC-004', 'Name an EMEA champion', 'Kevin Walsh', 'Customer', '2026-12-01', 'Open', '2026-11-18', null],
  ['A-903', 'ACC-004', 'Dropped idea', 'Kevin Walsh', 'Customer', '2026-12-01', 'Cancelled', '2026-11-18', null],
  // A Google run's own follow-up task for its T+7 hold, linked to the QBR it was made for.
  ['QBR-ACC-004-2026-11-18-T+7', 'ACC-004', 'Check in on every action item', 'Jordan Reyes', 'Vendor', '2026-11-25', 'Open', '2026-11-18', null],
];

function atlas(log: Cell[][]): AccountReview {
  const wb = readCsvFolder(join(__dirname, '../../../examples/tracker-csv'));
  const tabs = wb.tabs.map((t) => {
    if (t.name === 'Actions') return { ...t, rows: [...t.rows, ...ACTIONS] };
    if (t.name === 'QBR Log') return { ...t, rows: [LOG_HEADER, ...log] };
    return t;
  });
  return analyzeWorkbook({ tabs } as Workbook, { today: TODAY, accountIds: ['ACC-004'] }).accounts[0]!;
}

const summaryOf = (r: AccountReview, qbrDate: string) => buildPackage(r, { today: TODAY, qbrDate }).emails.find((e) => e.kind === 'summary')!;

describe('a package for a recorded QBR date', () => {
  it('commitments typed with Linked To alone are not a held QBR: the package is the pre-meeting one', () => {
    const r = atlas([['ACC-004', '2026-11-18', null, null, null, null, null, null, null, null]]);
    expect(r.recorded).toEqual([]);
    const pkg = buildPackage(r, { today: TODAY, qbrDate: '2026-11-18' });
    expect(pkg.qbrDateBasis).toBe('the date asked for (--qbr-date)');
    expect(pkg.emails.find((e) => e.kind === 'summary')!.text).toContain('Map ERP fields to the Brightline data model');
  });

  it('a QBR Log row with Held is carried by the review, with its open commitments (not cancelled ones, not the tool\'s own tasks)', () => {
    const r = atlas([['ACC-004', '2026-11-18', null, null, null, null, null, null, '2026-11-19', 'Adoption stalled in EMEA']]);
    expect(r.recorded).toEqual([{
      accountId: 'ACC-004', qbrDate: '2026-11-18', held: '2026-11-19', attendees: [],
      indicators: { executiveAttendance: null, customerPreparation: null, engagement: null },
      takeaways: 'Adoption stalled in EMEA',
      commitments: [
        { action: 'Run EMEA enablement', owner: 'Jordan Reyes', side: 'Vendor', due: '2026-11-25' },
        { action: 'Name an EMEA champion', owner: 'Kevin Walsh', side: 'Customer', due: '2026-12-01' },
      ],
      expansionPaths: [],
    }]);
  });

  it('is built from the record for that date, exactly as the follow-up of `qbr record`, and as usual for any other date', () => {
    const r = atlas([['ACC-004', '2026-11-18', null, null, null, null, null, null, '2026-11-19', 'Adoption stalled in EMEA']]);
    const follow = followUpFromRecord(r, r.recorded![0]!, { today: TODAY });
    if ('error' in follow) throw new Error(follow.error);
    const pkg = buildPackage(r, { today: TODAY, qbrDate: '2026-11-18' });
    expect(pkg.qbrDateBasis).toBe('the date asked for (--qbr-date); held on 2026-11-19 and recorded, so the package follows up on it');
    expect(pkg.emails.find((e) => e.kind === 'summary')!.text).toBe(follow.summary.text);
    expect(pkg.docs.find((d) => d.kind === 'action-plan')).toEqual(follow.actionPlan);
    expect(pkg.holds).toEqual(follow.holds);
    // The day it was held names the same QBR; the package keeps the planned date (the QBR Log row's key).
    const byHeld = buildPackage(r, { today: TODAY, qbrDate: '2026-11-19' });
    expect([byHeld.qbrDate, byHeld.emails.find((e) => e.kind === 'summary')!.text]).toEqual(['2026-11-18', follow.summary.text]);
    const next = summaryOf(r, '2027-02-19');
    expect(next.text).not.toContain('Adoption stalled in EMEA');
    expect(next.text).toContain('Next review due: May 19, 2027');
  });

  it('a held row without a QBR Date is keyed by its held date', () => {
    const r = atlas([['ACC-004', null, null, null, null, null, null, null, '2026-11-19', 'Met a day late']]);
    expect(r.recorded!.map((x) => [x.qbrDate, x.held, x.commitments.length])).toEqual([['2026-11-19', '2026-11-19', 0]]);
    expect(summaryOf(r, '2026-11-19').text).toContain('Met a day late');
  });
});
