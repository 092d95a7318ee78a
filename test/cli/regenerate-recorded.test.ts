// `qbr generate` after `qbr record` (SPEC §4.4–4.5): a package for a QBR that was held and recorded is built from the
// record, never the pre-meeting draft again. Atlas (ACC-004) planned its QBR for Wed 2026-11-18, held it Thu 2026-11-19
// and it is recorded on Fri 2026-11-20; files read back with mailparser, jszip and ical.js.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { qbr } from '../helpers/cli';
import { docxText } from '../helpers/artifact-text';
import { scratch } from '../helpers/trackers';

const EXAMPLES = join(__dirname, '../../examples');
const tmp = scratch('regen-recorded');
afterAll(() => tmp.cleanup());

const RECORD = {
  held: '2026-11-19',
  attendees: ['Kevin Walsh', 'Jordan Reyes'],
  indicators: { executiveAttendance: 'Green', customerPreparation: 'Green', engagement: 'Yellow' },
  takeaways: 'Adoption stalled in EMEA',
  commitments: [
    { action: 'Run EMEA enablement', owner: 'Jordan Reyes', side: 'Vendor', due: '2026-11-25' },
    { action: 'Name an EMEA champion', owner: 'Kevin Walsh', side: 'Customer', due: '2026-12-01' },
  ],
};
// The summary lists the customer's commitments, then ours.
const EXPECTED = [
  ['Name an EMEA champion', 'Kevin Walsh', 'Dec 1, 2026'],
  ['Run EMEA enablement', 'Jordan Reyes', 'Nov 25, 2026'],
];

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The rows of the HTML tables under the summary's "Commitments" heading ([] when the summary has no such heading). */
async function summaryCommitments(eml: string): Promise<string[][]> {
  const html = String((await simpleParser(readFileSync(eml))).html);
  const section = html.split(/<h3[^>]*>Commitments<\/h3>/)[1]?.split('<h3')[0] ?? '';
  return [...section.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => decode(c[1]!))).filter((r) => r.length > 0);
}

const checkIn = (ics: string) => new ICAL.Component(ICAL.parse(readFileSync(ics, 'utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
  .find((e) => e.summary === 'QBR Atlas Manufacturing: Action check-in');

describe('qbr generate for a QBR already recorded', () => {
  const dir = tmp.path();
  const tracker = join(dir, 'tracker.xlsx');
  const out = join(dir, 'out');
  const folder = join(out, 'ACC-004');
  const generate = (qbrDate: string, to = out) => qbr('generate', '--tracker', tracker, '--account', 'ACC-004', '--qbr-date', qbrDate, '--today', '2026-11-20', '--out', to);
  let regenerated: Awaited<ReturnType<typeof qbr>>;

  beforeAll(async () => {
    cpSync(join(EXAMPLES, 'tracker.xlsx'), tracker);
    writeFileSync(join(dir, 'record.json'), JSON.stringify(RECORD));
    expect((await qbr('generate', '--tracker', tracker, '--account', 'ACC-004', '--qbr-date', '2026-11-18', '--today', '2026-11-10', '--out', out)).code).toBe(0);
    expect((await qbr('record', '--tracker', tracker, '--account', 'ACC-004', '--qbr-date', '2026-11-18', '--from', join(dir, 'record.json'), '--today', '2026-11-20', '--out', out)).code).toBe(0);
    regenerated = await generate('2026-11-18');
  }, 90_000);

  it('keeps the summary built from the record: exactly the recorded commitments, the takeaways, the next review from the held date', async () => {
    expect(regenerated.code).toBe(0);
    expect(regenerated.stderr).toContain('for 2026-11-18 (held 2026-11-19 and recorded: summary, action plan and holds follow up on it)');
    // The meeting took place: no advice on preparing it, no prep step reported as missed.
    expect(regenerated.stderr).not.toContain('Short lead time');
    expect(regenerated.stderr).not.toContain('already past');
    expect(await summaryCommitments(join(folder, 'summary.eml'))).toEqual(EXPECTED);
    const mail = await simpleParser(readFileSync(join(folder, 'summary.eml')));
    expect(mail.text).toContain('Adoption stalled in EMEA');
    // The pre-meeting draft's "commitments" were the account's earlier actions.
    expect(mail.text).not.toContain('Map ERP fields');
    expect(mail.text).toContain('Next review due: Feb 19, 2027');
  });

  it('keeps the action plan agreed in the review, and the check-in listing the commitments due', async () => {
    const plan = await docxText(readFileSync(join(folder, 'action-plan.docx')));
    expect(plan).toContain('Agreed in the review');
    expect(plan).not.toContain('ACC-004-QBR20261118-1');
    expect(plan).toMatch(/Run EMEA enablement\s*Jordan Reyes\s*Vendor\s*Nov 25, 2026\s*Open/);
    // Thanksgiving moves T+7 from the held date (Thu Nov 26) to Fri Nov 27.
    const hold = checkIn(join(folder, 'prep-holds.ics'))!;
    expect(hold.startDate.toString()).toBe('2026-11-27T09:30:00');
    expect(hold.description).toContain('Commitments from the QBR due by Nov 27, 2026:\n- Run EMEA enablement (Vendor: Jordan Reyes), due Nov 25, 2026');
    const analysis = JSON.parse(readFileSync(join(folder, 'analysis.json'), 'utf8')) as { package: { qbrDate: string; qbrDateBasis: string } };
    expect(analysis.package).toMatchObject({ qbrDate: '2026-11-18', qbrDateBasis: 'the date asked for (--qbr-date); held on 2026-11-19 and recorded, so the package follows up on it' });
  });

  it('asked for the day it was held, follows up on that QBR (keyed by its planned date)', async () => {
    const to = join(dir, 'by-held');
    expect((await generate('2026-11-19', to)).code).toBe(0);
    expect(await summaryCommitments(join(to, 'ACC-004', 'summary.eml'))).toEqual(EXPECTED);
    const analysis = JSON.parse(readFileSync(join(to, 'ACC-004', 'analysis.json'), 'utf8')) as { package: { qbrDate: string } };
    expect(analysis.package.qbrDate).toBe('2026-11-18');
  });

  it('a later QBR date gets the normal pre-meeting package', async () => {
    const to = join(dir, 'next');
    const r = await generate('2027-02-19', to);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('and recorded');
    const mail = await simpleParser(readFileSync(join(to, 'ACC-004', 'summary.eml')));
    expect(mail.text).not.toContain('Adoption stalled in EMEA');
    // The pre-meeting summary: figures as of that meeting, the next review a cadence after it.
    expect(mail.text).toContain('Health is Red at 39');
    expect(mail.text).toContain('Next review due: May 19, 2027');
    const plan = await docxText(readFileSync(join(to, 'ACC-004', 'action-plan.docx')));
    expect(plan).not.toContain('Agreed in the review');
    // The record's commitments are now open actions of the account, carried into the next review's plan.
    expect(plan).toContain('Run EMEA enablement');
    // The recorded QBR is the last one (Accounts still says May 14): the next review looks back to Nov 19, and the
    // completion counts its two commitments, both past due by Feb 19 and not done: 0 of 2.
    const brief = await docxText(readFileSync(join(to, 'ACC-004', 'prep-brief.docx')));
    expect(brief).toContain('Last QBR: Nov 19, 2026.');
    expect(brief).not.toContain('Last QBR: May 14, 2026.');
  });

  it('the recorded QBR is the account\'s last QBR: the next one is due a cadence after it was held', async () => {
    const r = await qbr('analyze', '--tracker', tracker, '--account', 'ACC-004', '--today', '2026-11-20', '--json');
    const review = (JSON.parse(r.stdout) as { accounts: { id: string; lastQbrDate: string; nextQbrDue: string; overdue: boolean; actions: { basis: string; completionRate: number | null } }[] }).accounts[0]!;
    expect(review).toMatchObject({ lastQbrDate: '2026-11-19', nextQbrDue: '2027-02-19', overdue: false });
    // Its two commitments (Linked To the planned 2026-11-18), neither done yet: 0 %.
    expect(review.actions).toMatchObject({ basis: 'last-qbr', completionRate: 0 });
  });

  it('the package rebuilt for the recorded QBR looks back to the QBR before it, not to itself', async () => {
    const brief = await docxText(readFileSync(join(folder, 'prep-brief.docx')));
    expect(brief).toContain('Last QBR: May 14, 2026.');
  });
});
