import { join } from 'node:path';
import { analyzeWorkbook, type AccountReview } from '../../../src/core';
import { forbiddenTerms, leaks, planText } from '../../../src/core/package/audience';
import { buildPackage } from '../../../src/core/package/package';
import { followUpFromRecord, type FollowUp } from '../../../src/core/program/follow-up';
import { recordFromTracker, type QbrRecord } from '../../../src/core/program/record';
import { readTracker } from '../../../src/core';
import { readCsvFolder } from '../../../src/workbook/csv';
import { book } from '../book';

const TODAY = '2026-11-20';
const example = analyzeWorkbook(readCsvFolder(join(__dirname, '../../../examples/tracker-csv')), { today: TODAY });
const atlas = example.accounts.find((a) => a.id === 'ACC-004')!;

// Atlas (Enterprise: 3-month cadence) met on Thu 2026-11-19, a day after the planned 18th.
const RECORD: QbrRecord = {
  accountId: 'ACC-004', qbrDate: '2026-11-18', held: '2026-11-19',
  attendees: ['Kevin Walsh', 'Jordan Reyes'],
  indicators: { executiveAttendance: 'Yellow', customerPreparation: 'Green', engagement: 'Green' },
  takeaways: 'Adoption stalled in EMEA\n- FY27 budget freeze announced: we talked it through\n=SUM(A1) stays text',
  commitments: [
    { action: 'Run EMEA enablement', owner: 'Jordan Reyes', side: 'Vendor', due: '2026-11-25' },
    { action: 'Name an EMEA champion', owner: 'Kevin Walsh', side: 'customer', due: '2026-12-01' },
    { action: ' Share usage export ', owner: null, side: 'Vendor', due: null },
    { action: 'run emea  enablement', owner: 'Someone', side: 'Vendor', due: '2026-11-30' },
  ],
  expansionPaths: [{ opportunity: 'Quality analytics pilot', sponsor: 'Sandra Liu', nextStep: 'Scope in January', potentialArr: 30000 }],
};

const ok = (f: FollowUp | { error: string }): FollowUp => {
  if ('error' in f) throw new Error(f.error);
  return f;
};

describe('the follow-up from a recorded QBR (SPEC §4.5)', () => {
  const f = ok(followUpFromRecord(atlas, RECORD, { today: TODAY }));

  it('shows exactly the recorded commitments (trimmed, each text once), none of the older open actions', () => {
    expect(f.commitments.map((c) => [c.action, c.owner, c.side, c.due])).toEqual([
      ['Run EMEA enablement', 'Jordan Reyes', 'Vendor', '2026-11-25'],
      ['Name an EMEA champion', 'Kevin Walsh', 'Customer', '2026-12-01'],
      ['Share usage export', null, 'Vendor', null],
    ]);
    // The customer's table first, then ours; the owner and due date in words.
    expect(f.summary.text).toMatch(/Atlas Manufacturing:\n\nAction +Owner +Due\n[- ]+\nName an EMEA champion +Kevin Walsh +Dec 1, 2026\n\nOur team:\n\nAction +Owner +Due\n[- ]+\nRun EMEA enablement +Jordan Reyes +Nov 25, 2026\nShare usage export +To be confirmed +To be confirmed\n/);
    // Before the record the summary's commitments were the open actions (ACC-004's, overdue since July).
    const before = buildPackage(atlas, { today: TODAY, qbrDate: '2026-11-18' }).emails.find((e) => e.kind === 'summary')!;
    expect(before.text).toContain('Map ERP fields to the Brightline data model');
    expect(f.summary.text).not.toContain('Map ERP fields');
  });

  it('takes the takeaways from the record, withholds a line naming an internal risk, and dates the next review from the held day', () => {
    expect(f.summary.text).toContain('KEY TAKEAWAYS\n\n  • Adoption stalled in EMEA\n  • =SUM(A1) stays text\n');
    expect(f.summary.text).not.toContain('budget freeze');
    expect(f.notes).toEqual([expect.stringMatching(/^takeaway "FY27 budget freeze announced: we talked it through" is kept out of the customer's files \(internal risk/)]);
    expect(f.summary.text).toContain('Thank you for your time at our quarterly business review on Nov 19, 2026.');
    // 2026-11-19 + 3 months.
    expect(f.nextQbrDue).toBe('2027-02-19');
    expect(f.summary.text).toContain('Next review due: Feb 19, 2027');
    expect(f.summary.text).toContain('OPPORTUNITIES WE AGREED TO EXPLORE\n\n  • Quality analytics pilot — with Sandra Liu; next step: Scope in January');
    expect(f.summary.text).not.toMatch(/30,000|\$30K/);
  });

  it('is customer-safe by the audience rules', () => {
    const terms = forbiddenTerms(atlas);
    expect(leaks(planText(f.summary), terms)).toEqual([]);
    expect(leaks(planText(f.actionPlan), terms)).toEqual([]);
  });

  it('rebuilds the action plan with the agreed commitments, then the earlier open ones marked carried over', () => {
    const [agreed, carried, paths] = f.actionPlan.sections;
    expect(agreed!.heading).toBe('Agreed in the review');
    expect(agreed!.table!.rows).toEqual([
      ['Run EMEA enablement', 'Jordan Reyes', 'Vendor', 'Nov 25, 2026', 'Open'],
      ['Name an EMEA champion', 'Kevin Walsh', 'Customer', 'Dec 1, 2026', 'Open'],
      // Agreed in the room without an owner or a date: "to be confirmed", not the pre-meeting "to agree".
      ['Share usage export', 'To be confirmed', 'Vendor', 'To be confirmed', 'Open'],
    ]);
    expect(carried!.heading).toBe('Carried over from earlier reviews');
    expect(carried!.table!.rows.map((r) => [r[0], r[5]])).toEqual([['A-402', 'Carried over (was due Jul 31, 2026)'], ['A-404', 'Carried over (was due Sep 30, 2026)']]);
    // After the meeting an overdue item's new date is to be confirmed; "New date to agree" was the pre-meeting question.
    expect(carried!.table!.rows.map((r) => r[4])).toEqual(['New date to be confirmed', 'New date to be confirmed']);
    expect(f.actionPlan.sections.flatMap((s) => s.table?.rows ?? []).flat().filter((c) => /to agree/i.test(c))).toEqual([]);
    expect(paths!.bullets).toEqual(['Quality analytics pilot — with Sandra Liu; next step: Scope in January']);
    expect(f.actionPlan.subtitle).toBe('Agreed at the quarterly business review on Thursday, Nov 19, 2026');
    // Before the record the plan claimed "Agreed at" over the earlier open actions.
    const before = buildPackage(atlas, { today: TODAY, qbrDate: '2026-11-18' }).docs.find((d) => d.kind === 'action-plan')!;
    expect(before.subtitle).toBe('To agree at the quarterly business review on Wednesday, Nov 18, 2026');
  });

  it('counts the follow-up holds from the held day and lists on T+7 and T+14 the commitments due by then', () => {
    // Weekends only here: T+1 Fri 20th; T+2 Sat 21st → Mon 23rd; T+7 Thu 26th; T+14 Thu Dec 3rd. Keys keep the planned date.
    expect(f.holds.map((h) => [h.key, h.date])).toEqual([
      ['ACC-004|2026-11-18|T+1', '2026-11-20'], ['ACC-004|2026-11-18|T+2', '2026-11-23'],
      ['ACC-004|2026-11-18|T+7', '2026-11-26'], ['ACC-004|2026-11-18|T+14', '2026-12-03'],
    ]);
    const [t7, t14] = f.checkIns;
    expect(t7!.description.split('\n')[2]).toBe('Step T+7 of the Quarterly Business Review held on Thu, Nov 19, 2026.');
    expect(t7!.description.split('\n').slice(3)).toEqual([
      '',
      'Commitments from the QBR due by Nov 26, 2026:',
      '- Run EMEA enablement (Vendor: Jordan Reyes), due Nov 25, 2026',
      'Next due: Name an EMEA champion (Customer: Kevin Walsh), Dec 1, 2026.',
      'Still without a due date:',
      '- Share usage export (Vendor: no owner yet: name one)',
    ]);
    expect(t14!.description).toContain('Commitments from the QBR due by Dec 3, 2026:\n- Run EMEA enablement (Vendor: Jordan Reyes), due Nov 25, 2026\n- Name an EMEA champion (Customer: Kevin Walsh), due Dec 1, 2026\nStill without');
    // The summary's next steps use the same days.
    expect(f.summary.text).toContain('Check-in on the actions agreed in the review: Nov 26, 2026');
  });

  it('puts what was agreed first: takeaways, commitments, paths, next steps, then the value recap (the pre-meeting draft led with the value)', () => {
    const headings = (text: string) => text.split('\n').filter((l) => /^[A-Z][A-Z &]+$/.test(l));
    expect(headings(f.summary.text)).toEqual(['KEY TAKEAWAYS', 'COMMITMENTS', 'OPPORTUNITIES WE AGREED TO EXPLORE', 'NEXT STEPS', 'VALUE DELIVERED', 'GOALS FOR NEXT QUARTER']);
    const before = buildPackage(atlas, { today: TODAY, qbrDate: '2026-11-18' }).emails.find((e) => e.kind === 'summary')!;
    expect(headings(before.text)).toEqual(['KEY TAKEAWAYS', 'VALUE DELIVERED', 'COMMITMENTS', 'GOALS FOR NEXT QUARTER', 'NEXT STEPS']);
  });

  it('addresses those who came: the sponsor who attended is on the summary (Attending said No) and greeted with the champion', () => {
    // Before the record Sandra Liu (sponsor, Attending = No) was left off; Kevin alone was greeted.
    expect(f.summary.to.map((a) => a.email)).toEqual(['kevin.walsh@atlasmfg.example']);
    expect(f.summary.text).toMatch(/^Hi Kevin,/);
    const withSponsor = ok(followUpFromRecord(atlas, { ...RECORD, attendees: ['Kevin Walsh', 'Sandra Liu (VP Operations)', 'Jordan Reyes'] }, { today: TODAY }));
    expect(withSponsor.summary.to.map((a) => a.email)).toEqual(['kevin.walsh@atlasmfg.example', 'sandra.liu@atlasmfg.example']);
    expect(withSponsor.summary.text).toMatch(/^Hi Kevin and Sandra,/);
    // The sender (the CSM) is never copied to themself.
    expect(withSponsor.summary.cc).toEqual([]);
  });

  it('says the offline files are attached, in one sentence, and links Google files', () => {
    const files = ok(followUpFromRecord(atlas, RECORD, { today: TODAY, links: { deck: 'deck.pptx', preRead: 'pre-read.docx', actionPlan: 'action-plan.docx' } }));
    expect(files.summary.text).toContain('Attached: the QBR deck (deck.pptx) and the mutual action plan (action-plan.docx).\n');
    expect(files.summary.text).not.toContain('QBR deck: deck.pptx');
    const web = ok(followUpFromRecord(atlas, RECORD, { today: TODAY, links: { deck: 'https://docs.google.com/presentation/d/D/edit', preRead: null, actionPlan: 'https://docs.google.com/document/d/P/edit' } }));
    expect(web.summary.html).toContain('<a href="https://docs.google.com/document/d/P/edit" style="color:#0F9D9A">Mutual action plan</a>');
    expect(web.summary.text).not.toContain('Attached');
  });

  it('also addresses the owner of a commitment who was not in the room, ours copied, and does not call an unsided one shared', () => {
    const globaltech = example.accounts.find((a) => a.id === 'ACC-001')!;
    const g = ok(followUpFromRecord(globaltech, {
      ...RECORD, accountId: 'ACC-001', attendees: ['Priya Raman', 'Maya Patel'],
      commitments: [
        { action: 'Prepare multi-year pricing options', owner: 'Chris Donovan', side: 'Vendor', due: '2027-01-15' },
        { action: 'Confirm the EU seat count', owner: 'Daniel Okafor', side: 'Customer', due: '2026-12-15' },
        { action: 'Agree the pilot scope', owner: null, side: null, due: null },
      ],
    }, { today: TODAY }));
    // Marcus Lee (Attending = Yes before the meeting) did not come and owns nothing: left off.
    expect(g.summary.to.map((a) => a.name)).toEqual(['Priya Raman', 'Daniel Okafor']);
    expect(g.summary.cc.map((a) => a.name)).toEqual(['Chris Donovan']);
    expect(g.summary.text).toMatch(/^Hi Priya and Daniel,/);
    expect(g.summary.text).toContain('\nAlso agreed:\n');
    expect(g.summary.text).not.toContain('Shared:');
  });

  it('lists what is due first first, undated last, in the plan and in each side of the summary', () => {
    const g = ok(followUpFromRecord(atlas, {
      ...RECORD,
      commitments: [
        { action: 'Later one', owner: 'Jordan Reyes', side: 'Vendor', due: '2026-12-20' },
        { action: 'No date yet', owner: 'Jordan Reyes', side: 'Vendor', due: null },
        { action: 'Sooner one', owner: 'Jordan Reyes', side: 'Vendor', due: '2026-11-30' },
        { action: 'Theirs', owner: 'Kevin Walsh', side: 'Customer', due: '2026-12-31' },
      ],
    }, { today: TODAY }));
    expect(g.actionPlan.sections[0]!.table!.rows.map((r) => r[0])).toEqual(['Sooner one', 'Later one', 'Theirs', 'No date yet']);
    expect(g.summary.text).toMatch(/Our team:\n\nAction +Owner +Due\n[- ]+\nSooner one .*\nLater one .*\nNo date yet /);
    // The record (and the tracker's IDs) keep the order it was typed in.
    expect(g.commitments.map((c) => c.action)).toEqual(['Later one', 'No date yet', 'Sooner one', 'Theirs']);
  });

  it('names on the check-ins a commitment still without an owner even when it is due later', () => {
    const g = ok(followUpFromRecord(atlas, {
      ...RECORD,
      commitments: [
        { action: 'Run EMEA enablement', owner: 'Jordan Reyes', side: 'Vendor', due: '2026-11-25' },
        { action: 'Name an EMEA champion', owner: 'Kevin Walsh', side: 'Customer', due: '2026-12-01' },
        { action: 'Plan the Q1 roadmap session', owner: null, side: 'Vendor', due: '2027-01-20' },
      ],
    }, { today: TODAY }));
    // T+7 is Thu Nov 26: EMEA enablement is due by then, the champion is next; the roadmap session (Jan 20) has no owner.
    expect(g.checkIns[0]!.description.split('\n').slice(4)).toEqual([
      'Commitments from the QBR due by Nov 26, 2026:',
      '- Run EMEA enablement (Vendor: Jordan Reyes), due Nov 25, 2026',
      'Next due: Name an EMEA champion (Customer: Kevin Walsh), Dec 1, 2026.',
      'Still without an owner:',
      '- Plan the Q1 roadmap session (Vendor), due Jan 20, 2027',
    ]);
  });

  it('gives the sponsor in the plan\'s contacts the email Stakeholders holds', () => {
    const contacts = f.actionPlan.sections.find((s) => s.heading === 'Contacts')!;
    expect(contacts.table!.rows.find((r) => r[0] === 'Sandra Liu')).toEqual(['Sandra Liu', 'Executive sponsor', 'Atlas Manufacturing', 'sandra.liu@atlasmfg.example']);
  });

  it('says why there is nothing to follow up for a Tech-Touch account or another account', () => {
    const lantern = example.accounts.find((a) => a.id === 'ACC-008')!;
    expect(followUpFromRecord(lantern, { ...RECORD, accountId: 'ACC-008' }, { today: TODAY })).toEqual({ error: expect.stringContaining('Tech-Touch') });
    expect(followUpFromRecord(atlas as AccountReview, { ...RECORD, accountId: 'ACC-001' }, { today: TODAY })).toEqual({ error: 'the record is for ACC-001, not ACC-004' });
  });
});

describe('a record already typed into the tracker', () => {
  const tracker = () => readTracker(book({
    Accounts: [['Account ID', 'Account', 'ARR'], ['ACC-004', 'Atlas', 145000]],
    Actions: [
      ['Action ID', 'Account ID', 'Action', 'Owner', 'Side', 'Due Date', 'Status', 'Linked To'],
      ['A-1', 'ACC-004', 'Old item', 'Sam', 'Vendor', '2026-07-15', 'Open', '2026-05-14'],
      ['A-2', 'acc-004', 'Run EMEA enablement', 'Jordan', 'Vendor', '11/25/2026', 'Open', '18 Nov 2026'],
      ['A-3', 'ACC-004', 'Dropped idea', 'Jordan', 'Vendor', null, 'Cancelled', '2026-11-18'],
      ['A-4', 'ACC-004', 'Name a champion', 'Kevin', 'Customer', null, null, '2026-11-19'],
    ],
    Opportunities: [['Account ID', 'Opportunity', 'Linked To'], ['ACC-004', 'Pilot', '2026-11-18'], ['ACC-004', 'Older', '2026-05-14']],
    'QBR Log': [
      ['Account ID', 'QBR Date', 'Held', 'Attendees', 'Executive Attendance', 'Engagement', 'Takeaways'],
      ['ACC-004', '2026-11-18', '2026-11-19', 'Kevin Walsh; Jordan Reyes', 'sponsor present', 'Purple', '=not a formula'],
    ],
  }));

  it('reads the QBR Log row and the Actions and Opportunities linked to the QBR date or the day it was held, cancelled ones left out', () => {
    const got = recordFromTracker(tracker(), 'acc-004', '2026-11-18');
    if ('error' in got) throw new Error(got.error);
    expect(got.record).toEqual({
      accountId: 'ACC-004', qbrDate: '2026-11-18', held: '2026-11-19', attendees: ['Kevin Walsh', 'Jordan Reyes'],
      indicators: { executiveAttendance: 'Green', customerPreparation: null, engagement: null },
      takeaways: '=not a formula',
      commitments: [
        { action: 'Run EMEA enablement', owner: 'Jordan', side: 'Vendor', due: '2026-11-25' },
        { action: 'Name a champion', owner: 'Kevin', side: 'Customer', due: null },
      ],
      expansionPaths: [{ opportunity: 'Pilot', sponsor: null, nextStep: null, potentialArr: null }],
    });
    expect(got.notes).toEqual(['QBR Log row 2, Engagement: "Purple" is not Green, Yellow or Red; left blank']);
  });

  it('says so when nothing is recorded for that date', () => {
    expect(recordFromTracker(tracker(), 'ACC-004', '2026-12-01')).toEqual({ error: 'nothing is recorded for ACC-004 on 2026-12-01: no QBR Log row with that QBR Date and no Actions with Linked To = 2026-12-01' });
    expect(recordFromTracker(tracker(), 'ACC-9', '2026-11-18')).toEqual({ error: 'Account ID "ACC-9" is not in the Accounts tab' });
  });
});
