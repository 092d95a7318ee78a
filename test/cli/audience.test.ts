/**
 * SPEC §4.0 end to end: every customer-facing artifact of every example account, read back by independent parsers
 * (pptx slides and notes via jszip, docx, both emails' parts via mailparser), carries nothing of the forbidden list;
 * the internal prep brief carries all of it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forbiddenTerms, internalRisks, leaks } from '../../src/core/package/audience';
import { docxText, emlText, pptxText } from '../helpers/artifact-text';
import { exampleBook } from '../helpers/example-book';

const book = exampleBook('qbr-audience-');

/** Every customer-facing file of one account as (where, text). */
async function customerTexts(id: string): Promise<{ where: string; text: string }[]> {
  const dir = join(book.out, id);
  const texts: { where: string; text: string }[] = [];
  if (existsSync(join(dir, 'deck.pptx'))) for (const p of await pptxText(readFileSync(join(dir, 'deck.pptx')))) texts.push({ where: `deck.pptx ${p.part}`, text: p.text });
  for (const f of ['pre-read.docx', 'action-plan.docx']) if (existsSync(join(dir, f))) texts.push({ where: f, text: await docxText(readFileSync(join(dir, f))) });
  for (const f of ['summary.eml', 'invitation.eml', 'digital-review.eml']) if (existsSync(join(dir, f))) texts.push({ where: f, text: await emlText(readFileSync(join(dir, f))) });
  return texts;
}

describe('two audiences on the example book (offline)', () => {
  it('scans every customer-facing artifact of every account and finds nothing internal', async () => {
    const hits: string[] = [];
    let scanned = 0;
    for (const r of book.accounts) {
      const terms = forbiddenTerms(r);
      for (const t of await customerTexts(r.id)) {
        scanned++;
        for (const h of leaks(t.text, terms)) hits.push(`${r.id} ${t.where}: ${h}`);
      }
    }
    expect(scanned).toBeGreaterThan(100); // 7 decks of slides + notes, 14 docs, 15 emails
    expect(hits).toEqual([]);
  });

  it('the scan is not blind: it finds each internal risk, ARR at risk, escalation, data to confirm, tab and column names in the prep brief', async () => {
    for (const r of book.accounts.filter((a) => a.deck !== null)) {
      const brief = await docxText(readFileSync(join(book.out, r.id, 'prep-brief.docx')));
      const found = new Set(forbiddenTerms(r).filter((t) => t.pattern.test(brief)).map((t) => t.what));
      const expected = [
        ...internalRisks(r).map((k) => `internal risk "${k.risk}"`),
        'ARR at risk', 'escalation level', 'risk quadrant', 'data to confirm', 'tracker tab name', 'tracker column name',
      ];
      const json = JSON.parse(readFileSync(join(book.out, r.id, 'analysis.json'), 'utf8'));
      if (json.package.dataToConfirm.length > 0) expected.push('No data', '"Add … to"');
      expect({ id: r.id, missing: expected.filter((e) => !found.has(e)) }).toEqual({ id: r.id, missing: [] });
      // Every tracker finding is in the brief with its tab, row and column.
      for (const line of json.package.dataToConfirm as string[]) expect(brief).toContain(line);
    }
  });

  it('ACC-002: the CIO\'s departure and the $1.25M exposure are in the prep brief, not in front of the customer', async () => {
    const deck = (await pptxText(readFileSync(join(book.out, 'ACC-002', 'deck.pptx')))).map((p) => p.text).join('\n');
    const brief = await docxText(readFileSync(join(book.out, 'ACC-002', 'prep-brief.docx')));
    for (const text of ['Executive sponsor (CIO) leaves in January', 'ARR at risk', 'EBR built on the value story']) {
      expect(deck).not.toContain(text);
      expect(brief).toContain(text);
    }
    // The shared Support risk is a joint challenge with its agreed next step.
    expect(deck).toContain('Challenges we are working on together');
    expect(deck).toContain('Repeated escalations on the HL7 interface');
    // Robert Chen is leaving: not asked to be confirmed as sponsor, not on the emails' To line.
    expect(deck).not.toMatch(/Confirm Robert Chen as executive sponsor/);
    const invitation = await emlText(readFileSync(join(book.out, 'ACC-002', 'invitation.eml')));
    expect(invitation).not.toContain('robert.chen@');
    expect(brief).toMatch(/Left off the summary and invitation: Robert Chen \(executive sponsor, leaving/);
  });

  it('ACC-005: the champion on leave is not addressed; the summary goes to the sponsor and the brief says why', async () => {
    const summary = await emlText(readFileSync(join(book.out, 'ACC-005', 'summary.eml')));
    expect(summary).toMatch(/^Hi Mark,/m);
    expect(summary).not.toContain('rachel.kim@');
    const brief = await docxText(readFileSync(join(book.out, 'ACC-005', 'prep-brief.docx')));
    expect(brief).toContain('Rachel Kim (champion) is away');
  });

  it('ACC-001 pre-read: the expansion opportunities have their own section, not under the challenges heading', async () => {
    const preRead = await docxText(readFileSync(join(book.out, 'ACC-001', 'pre-read.docx')));
    const challenges = preRead.indexOf('The challenges we are working on together');
    const opportunities = preRead.indexOf('Opportunities we are exploring together');
    expect(challenges).toBeGreaterThan(-1);
    expect(opportunities).toBeGreaterThan(challenges);
    // The challenge table sits between the two headings, every opportunity after the second.
    expect(preRead.lastIndexOf('SSO federation gap')).toBeGreaterThan(challenges);
    expect(preRead.lastIndexOf('SSO federation gap')).toBeLessThan(opportunities);
    for (const o of ['EU subsidiary rollout (150 seats)', 'Data lineage add-on', 'Marketing team expansion']) expect(preRead.indexOf(o)).toBeGreaterThan(opportunities);
  });

  it('speaker notes travel with the deck: no vendor coaching on any customer file, the coaching is in the prep brief; no appendix promised where there is none', async () => {
    const coaching = /name it before they do|be candid|win them back|CFO (would )?recognise|say about us at renewal|invite challenge/i;
    const hits: string[] = [];
    for (const r of book.accounts) for (const t of await customerTexts(r.id)) if (coaching.test(t.text)) hits.push(`${r.id} ${t.where}: ${coaching.exec(t.text)![0]}`);
    expect(hits).toEqual([]);
    // The coaching still reaches the CSM: ACC-001's value slide, in the prep brief.
    const brief = await docxText(readFileSync(join(book.out, 'ACC-001', 'prep-brief.docx')));
    expect(brief).toMatch(/Coaching: .*CFO would recognise/);
    // ACC-007 is an SMB deck: no appendix slide, so no note may send the reader to one.
    const smb = await pptxText(readFileSync(join(book.out, 'ACC-007', 'deck.pptx')));
    expect(smb.filter((p) => /^ppt\/slides\//.test(p.part)).some((p) => /^Appendix$/m.test(p.text))).toBe(false);
    expect(smb.filter((p) => /appendix/i.test(p.text)).map((p) => p.part)).toEqual([]);
  });

  it('a person leaving or away is not labelled sponsor or champion, nor shown "(leaving …)", and the cover is for the people the emails address', async () => {
    const hits: string[] = [];
    for (const r of book.accounts) for (const t of await customerTexts(r.id)) if (/\((?:leaving|on leave|away)\b/i.test(t.text)) hits.push(`${r.id} ${t.where}`);
    expect(hits).toEqual([]);
    const slides = (await pptxText(readFileSync(join(book.out, 'ACC-002', 'deck.pptx')))).filter((p) => /^ppt\/slides\//.test(p.part));
    const map = slides.find((p) => /Alignment asks/.test(p.text))!.text.split('\n').map((l) => l.trim()).filter(Boolean);
    const row = map.slice(map.indexOf('Robert Chen'), map.indexOf('Robert Chen') + 5);
    expect(row).toEqual(['Robert Chen', 'CIO', 'Customer', '—', 'Yes']);
    // The prep brief's claim holds: no customer file of ACC-002 names him as executive sponsor.
    for (const t of await customerTexts('ACC-002')) expect(t.text).not.toMatch(/Robert Chen[^\n]{0,40}\n?[^\n]{0,40}\n?[^\n]{0,20}Executive Sponsor|Executive sponsor[:,]? Robert Chen/i);
    const cover = (await pptxText(readFileSync(join(book.out, 'ACC-005', 'deck.pptx')))).find((p) => p.part === 'ppt/slides/slide1.xml')!.text;
    expect(cover).toMatch(/Prepared by Sam Whitaker for Mark Delaney/);
    expect(cover).not.toContain('Rachel Kim');
  });

  it('the book stays ours: no count of the accounts we serve and no internal tier label on any customer file', async () => {
    const hits: string[] = [];
    for (const r of book.accounts) {
      const tier = new RegExp(`\\b${r.segment}\\b`);
      for (const t of await customerTexts(r.id)) {
        const count = /\bof the \d+\b[^.\n]{0,30}accounts we serve/.exec(t.text);
        if (count) hits.push(`${r.id} ${t.where}: ${count[0]}`);
        const label = tier.exec(t.text);
        if (label) hits.push(`${r.id} ${t.where}: "…${t.text.slice(Math.max(0, label.index - 30), label.index + 30).replace(/\s+/g, ' ')}…"`);
      }
    }
    expect(hits).toEqual([]);
    const preRead = await docxText(readFileSync(join(book.out, 'ACC-001', 'pre-read.docx')));
    expect(preRead).toContain('Feature adoption 75%: the highest of the accounts we serve.');
  });

  it('a commitment due before the meeting has one status on every customer file, as of the meeting: carried over, with its old date', async () => {
    const hits: string[] = [];
    for (const r of book.accounts) for (const t of await customerTexts(r.id)) if (/overdue/i.test(t.text)) hits.push(`${r.id} ${t.where}`);
    expect(hits).toEqual([]);
    // ACC-005's A-502 was due Nov 30, 2026; the meeting is Dec 10.
    const texts = await customerTexts('ACC-005');
    for (const where of ['action-plan.docx', 'summary.eml']) {
      expect({ where, carried: texts.filter((t) => t.where.startsWith(where)).some((t) => t.text.includes('Carried over (was due Nov 30, 2026)')) }).toEqual({ where, carried: true });
    }
    const deck = texts.filter((t) => t.where.startsWith('deck.pptx ppt/slides/')).map((t) => t.text).join('\n');
    expect(deck).toMatch(/Nov 30, 2026\s*\n\s*Carried over/);
    // ACC-002's briefing was due Nov 15 for a Dec 3 meeting: the asks slide says so, not "by Nov 15".
    const asks = (await customerTexts('ACC-002')).filter((t) => t.where.startsWith('deck.pptx ppt/slides/')).map((t) => t.text).join('\n');
    expect(asks).toContain('Executive briefing for the incoming CIO (Jordan Reyes) (carried over, was due Nov 15, 2026)');
    expect(asks).not.toContain('by Nov 15, 2026');
    for (const t of texts) expect({ where: t.where, ahead: /by Nov 30, 2026/.test(t.text) }).toEqual({ where: t.where, ahead: false });
  });

  it('small wording: no "1 months", no month count that undersells the days, no year count that hides months, "an executive", objectives with their measure', async () => {
    const hits: string[] = [];
    for (const r of book.accounts) {
      for (const t of await customerTexts(r.id)) {
        for (const bad of [/\b1 months\b/, /\ba executive\b/i, /from [\d.,]+ to the [\d.,]+ target/, /over \d+ years/]) if (bad.test(t.text)) hits.push(`${r.id} ${t.where}: ${bad.exec(t.text)![0]}`);
        // "With N months to the renewal" must agree with the days to renewal as of the meeting.
        const m = /With (about )?(\d+) (months|days) to the renewal/.exec(t.text);
        const qbrDate = JSON.parse(readFileSync(join(book.out, r.id, 'analysis.json'), 'utf8')).package.qbrDate as string;
        const days = r.renewal.date ? (Date.parse(r.renewal.date) - Date.parse(qbrDate)) / 86_400_000 : null;
        // As of the meeting: the month count is the days rounded (118 days is about 4 months, not 3), days under two months.
        if (m && days !== null) {
          const said = m[3] === 'days' ? Number(m[2]) : Number(m[2]) * 30.44;
          if (Math.abs(said - days) > 16 || (m[3] === 'months' && Number(m[2]) < 2)) hits.push(`${r.id} ${t.where}: ${m[0]} (${days} days at the meeting)`);
        }
      }
    }
    expect(hits).toEqual([]);
  });

  it('the emails\' next steps are the customer\'s: no "send summary", no survey', async () => {
    for (const r of book.accounts.filter((a) => a.deck !== null)) {
      const summary = await emlText(readFileSync(join(book.out, r.id, 'summary.eml')));
      expect(summary).not.toMatch(/send summary|satisfaction survey/i);
    }
  });
});
