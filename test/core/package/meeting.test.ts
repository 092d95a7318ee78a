/** SPEC §4.1 with hand-worked dates: the package describes the account on its QBR date; contradictions become warnings. */
import { analyzeWorkbook } from '../../../src/core';
import { buildPackage } from '../../../src/core/package/package';
import { book } from '../book';

const TODAY = '2026-11-22';
// Sprout: renewal Dec 1, QBR Dec 21 (20 days after); action A-1 due Nov 30 (open today, 21 days overdue at the QBR).
const tracker = (qbr: string, extra: Record<string, (string | number | null)[][]> = {}) => book({
  Accounts: [
    ['Account ID', 'Account', 'ARR', 'Segment', 'Renewal Date', 'QBR Date', 'Last QBR Date', 'Champion', 'Champion Email', 'Executive Sponsor'],
    ['ACC-1', 'Sprout', 120_000, 'Enterprise', '2026-12-01', qbr, '2026-09-01', 'Ben Carter', 'ben@sprout.example', 'Ana Ruiz'],
  ],
  Metrics: [['Account ID', 'Quarter', 'Active Users', 'Licensed Seats'], ['ACC-1', '2026-Q3', 100, 100], ['ACC-1', '2026-Q4', 89, 100]],
  Actions: [['Action ID', 'Account ID', 'Action', 'Owner', 'Side', 'Due Date', 'Status'], ['A-1', 'ACC-1', 'Send the renewal quote', 'Alicia', 'Vendor', '2026-11-30', 'Open']],
  ...extra,
});

function pkgFor(qbr: string, extra?: Record<string, (string | number | null)[][]>) {
  const review = analyzeWorkbook(tracker(qbr, extra), { today: TODAY }).accounts[0]!;
  return { review, pkg: buildPackage(review, { today: TODAY }) };
}

describe('as of the meeting', () => {
  it('renewal before the QBR: a warning, and no "Days to renewal" countdown on the slide', () => {
    const { review, pkg } = pkgFor('2026-12-21');
    expect(review.renewal.daysToRenewal).toBe(9); // analyze stays as of today: Nov 22 → Dec 1
    expect(pkg.qbrDate).toBe('2026-12-21');
    expect(pkg.warnings).toContainEqual(expect.stringMatching(/^Renewal before the QBR: the renewal date \(Dec 1, 2026\) is 20 days before the meeting \(Dec 21, 2026\)/));
    const summary = pkg.deck!.slides.find((s) => s.key === 'exec-summary')!;
    const labels = summary.blocks.flatMap((b) => (b.kind === 'kpis' ? b.items.map((k) => `${k.label} ${k.value}`) : []));
    expect(labels.some((l) => /Days to renewal/.test(l))).toBe(false);
    expect(JSON.stringify(pkg.deck)).not.toMatch(/Days to renewal|Renewal Dec 1, 2026/);
    expect(JSON.stringify(pkg.prepBrief)).toContain('Renewal before the QBR');
  });

  it('overdue is counted on the QBR date: an action due Nov 30 is open today and overdue at a Dec 21 meeting', () => {
    const { review, pkg } = pkgFor('2026-12-21');
    expect(review.actions.overdue).toEqual([]);
    const actions = pkg.deck!.slides.find((s) => s.key === 'actions')!;
    const kpis = actions.blocks[0]!.kind === 'kpis' ? actions.blocks[0]!.items : [];
    expect(kpis.find((k) => k.label === 'Open actions')!.detail).toBe('1 carried over');
    expect(JSON.stringify(pkg.prepBrief)).toContain('Overdue on Dec 21, 2026: A-1 Send the renewal quote (Alicia, due Nov 30, 2026)');
    // A meeting on Nov 27 comes before the due date: then it is "due before the meeting", not overdue.
    const early = pkgFor('2026-11-27').pkg;
    expect(JSON.stringify(early.prepBrief)).toContain('Overdue on Nov 27, 2026: none');
    expect(JSON.stringify(early.prepBrief)).toContain('Due before the meeting: none'); // due after the meeting
    expect(early.warnings).toContainEqual(expect.stringMatching(/^Short lead time: the QBR is 5 days away/));
  });

  it('advice follows the data: users fell 11%, so no "where adoption grew"; a leaving sponsor is not to be confirmed', () => {
    const { pkg } = pkgFor('2026-12-21', {
      Stakeholders: [['Account ID', 'Name', 'Title', 'Side', 'Attending', 'Status', 'Email'],
        ['ACC-1', 'Ana Ruiz', 'CFO', 'Customer', 'Yes', 'Leaving', 'ana@sprout.example'],
        ['ACC-1', 'Ben Carter', 'Ops lead', 'Customer', 'Yes', null, 'ben@sprout.example']],
    });
    const deck = JSON.stringify(pkg.deck);
    expect(deck).not.toContain('where adoption grew');
    expect(deck).toContain('Active users fell this quarter');
    // The coaching is the prep brief's, not the shared deck's notes.
    expect(deck).not.toContain('Be candid');
    expect(JSON.stringify(pkg.prepBrief)).toContain('Coaching: Be candid about the dip in active users');
    expect(deck).not.toContain('Executive sponsor: Ana Ruiz');
    expect(pkg.warnings).toContainEqual(expect.stringMatching(/^Executive sponsor leaving: Ana Ruiz \(Stakeholders Status: "Leaving"\)/));
    expect(pkg.warnings).toContainEqual(expect.stringMatching(/^Too few customer attendees: Ben Carter/));
    expect(pkg.warnings).toContainEqual(expect.stringMatching(/^No customer executive attending/));
    const invitation = pkg.emails.find((e) => e.kind === 'invitation')!;
    expect(invitation.to.map((a) => a.email)).toEqual(['ben@sprout.example']);
    expect(invitation.text).not.toMatch(/Ana Ruiz join/);
  });

  it('the Share column decides; blank falls back to the category', () => {
    const { pkg } = pkgFor('2026-12-21', {
      Risks: [['Account ID', 'Risk', 'Category', 'Likelihood', 'Impact', 'ARR at Risk', 'Mitigation', 'Share'],
        ['ACC-1', 'Budget cut rumoured', 'Budget', 'H', 'H', 90_000, 'Exec call', null],
        ['ACC-1', 'Slow dashboards', 'Technical', 'M', 'M', 10_000, 'Caching release in January', null],
        ['ACC-1', 'Integration backlog', 'Integration', 'M', 'M', 10_000, 'Pair on the backlog', 'no'],
        ['ACC-1', 'Competitor pitch', 'Competitive', 'M', 'H', 50_000, 'Joint roadmap session', 'yes']],
    });
    const deck = JSON.stringify(pkg.deck);
    expect(deck).toContain('Slow dashboards');
    expect(deck).toContain('Caching release in January');
    expect(deck).toContain('Competitor pitch');
    expect(deck).not.toContain('Budget cut rumoured');
    expect(deck).not.toContain('Integration backlog');
    for (const r of ['Budget cut rumoured', 'Integration backlog', 'Slow dashboards', 'Competitor pitch']) expect(JSON.stringify(pkg.prepBrief)).toContain(r);
  });
});
