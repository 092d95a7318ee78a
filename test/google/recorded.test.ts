/**
 * `qbr generate --google` for a QBR already held and recorded (SPEC §4.5), against the loopback fake: the run updates the
 * summary draft the QBR Log points at with the follow-up built from the record, never the pre-meeting summary again.
 * Atlas (ACC-004) is prepared on Nov 10 for Wed 2026-11-18; the CSM types the record into the Sheet (Held Nov 19, two
 * commitments linked to the QBR) and generates again on Nov 22.
 */
import { simpleParser } from 'mailparser';
import { documentText } from '../fake-google/apis/docs';
import { fake, generate, sheetRows, useFakeGoogle } from '../helpers/google-fake';

const SHEET = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
useFakeGoogle({ sheet: SHEET, tracker: `https://docs.google.com/spreadsheets/d/${SHEET}/edit#gid=0`, per: 'file' });
const qbr = (today: string) => generate(['--account', 'ACC-004', '--qbr-date', '2026-11-18'], today);

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

async function summaryDraft() {
  const drafts = await Promise.all([...fake.state.drafts.entries()].map(async ([id, d]) => ({ id, mail: await simpleParser(Buffer.from(d.message.raw, 'base64url')) })));
  return drafts.find((d) => /Summary & Next Steps/.test(d.mail.subject ?? ''))!;
}

/** The rows of the HTML tables under the summary's "Commitments" heading. */
function commitments(html: string): string[][] {
  const section = html.split(/<h3[^>]*>Commitments<\/h3>/)[1]?.split('<h3')[0] ?? '';
  return [...section.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => decode(c[1]!))).filter((r) => r.length > 0);
}

describe('qbr generate --google for a recorded QBR date', () => {
  let before: { id: string; text: string };

  beforeAll(async () => {
    const first = await qbr('2026-11-10');
    expect(first.code).toBe(0);
    const draft = await summaryDraft();
    before = { id: draft.id, text: String(draft.mail.text) };

    // The CSM records the QBR by hand in the Sheet: Held and Takeaways on the QBR Log row, the commitments in Actions.
    const log = sheetRows('QBR Log');
    const header = log[0]!;
    const row = log.find((r) => r[0] === 'ACC-004')!;
    while (row.length < header.length) row.push(null);
    header.push('Held', 'Takeaways');
    row.push('2026-11-19', 'Adoption stalled in EMEA');
    const actions = sheetRows('Actions');
    const at = (h: string) => (actions[0] as unknown[]).indexOf(h);
    for (const [id, action, owner, side, due] of [['A-901', 'Run EMEA enablement', 'Jordan Reyes', 'Vendor', '2026-11-25'], ['A-902', 'Name an EMEA champion', 'Kevin Walsh', 'Customer', '2026-12-01']]) {
      const r: unknown[] = Array.from({ length: (actions[0] as unknown[]).length }, () => null);
      Object.entries({ 'Action ID': id, 'Account ID': 'ACC-004', Action: action, Owner: owner, Side: side, 'Due Date': due, Status: 'Open', 'Linked To': '2026-11-18' }).forEach(([h, v]) => (r[at(h)] = v));
      actions.push(r);
    }
  }, 60_000);

  it('updates the same summary draft with exactly the recorded commitments, not the pre-meeting summary', async () => {
    // The first run wrote its own follow-up tasks (QBR-ACC-004-2026-11-18-T+…) linked to the QBR: not commitments.
    expect(sheetRows('Actions').filter((r) => String(r[0]).startsWith('QBR-ACC-004-2026-11-18-T+'))).toHaveLength(3);
    expect(before.text).toContain('Map ERP fields');
    const again = await qbr('2026-11-22');
    expect(again.code).toBe(0);
    expect(fake.violations).toEqual([]);
    const draft = await summaryDraft();
    expect(draft.id).toBe(before.id);
    expect(fake.state.drafts.size).toBe(2);
    expect(commitments(String(draft.mail.html))).toEqual([
      ['Name an EMEA champion', 'Kevin Walsh', 'Dec 1, 2026'],
      ['Run EMEA enablement', 'Jordan Reyes', 'Nov 25, 2026'],
    ]);
    expect(draft.mail.text).toContain('Adoption stalled in EMEA');
    expect(draft.mail.text).not.toContain('Map ERP fields');
    expect(draft.mail.text).toContain('Next review due: Feb 19, 2027');
  });

  it('writes the action plan Doc from the record, and keeps the record in the QBR Log row', () => {
    const plan = [...fake.state.files.values()].find((f) => f.appProperties?.qbrPackage === 'ACC-004|2026-11-18|action-plan' && !f.trashed)!;
    const text = documentText(fake.state.documents.get(plan.id)).text;
    expect(text).toContain('Agreed in the review');
    expect(text).toMatch(/Run EMEA enablement\s*Jordan Reyes\s*Vendor\s*Nov 25, 2026\s*Open/);
    expect(text).not.toContain('A-901'); // the tracker's ID stays in the tracker
    const log = sheetRows('QBR Log');
    const rows = log.filter((r) => r[0] === 'ACC-004');
    expect(rows).toHaveLength(1);
    expect([rows[0]![log[0]!.indexOf('Held')], rows[0]![log[0]!.indexOf('Takeaways')]]).toEqual(['2026-11-19', 'Adoption stalled in EMEA']);
  });
});
