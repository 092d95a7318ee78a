/**
 * SPEC §4.2 "numbers read the same everywhere", end to end on the example book: every artifact (deck slides and notes,
 * pre-read, action plan, both emails, prep brief, analysis.json's display text) read back by independent parsers,
 * and each shared figure compared across them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docxText, emlText, pptxText } from '../helpers/artifact-text';
import { exampleBook } from '../helpers/example-book';

const book = exampleBook('qbr-numbers-');

interface Artifact { where: string; text: string; customer: boolean }

async function artifacts(id: string): Promise<Artifact[]> {
  const dir = join(book.out, id);
  const list: Artifact[] = [];
  if (existsSync(join(dir, 'deck.pptx'))) {
    const parts = await pptxText(readFileSync(join(dir, 'deck.pptx')));
    list.push({ where: 'deck', text: parts.map((p) => p.text).join('\n'), customer: true });
  }
  for (const f of ['pre-read.docx', 'action-plan.docx', 'prep-brief.docx']) {
    if (existsSync(join(dir, f))) list.push({ where: f, text: await docxText(readFileSync(join(dir, f))), customer: f !== 'prep-brief.docx' });
  }
  for (const f of ['summary.eml', 'invitation.eml', 'digital-review.eml']) {
    if (existsSync(join(dir, f))) list.push({ where: f, text: await emlText(readFileSync(join(dir, f))), customer: true });
  }
  const json = JSON.parse(readFileSync(join(dir, 'analysis.json'), 'utf8'));
  list.push({ where: 'analysis.json', text: [...json.package.warnings, ...json.package.emails.map((e: { subject: string }) => e.subject)].join('\n'), customer: false });
  return list;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `$171K` as a whole figure, not inside `$1,171K`. */
const has = (text: string, figure: string) => new RegExp(`(^|[^\\d.,])${escapeRe(figure)}(?![\\d])`).test(text);

describe('numbers read the same everywhere (example book)', () => {
  it('shows each headline figure in one rounding in every artifact that mentions it', async () => {
    const problems: string[] = [];
    let compared = 0;
    for (const r of book.accounts) {
      const money = (v: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(v);
      const short = (v: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumSignificantDigits: 3 }).format(v);
      // ARR, the quarter's value, its annualised value and the quarterly investment are headline figures: `$220K` everywhere.
      const figures: [string, number | null][] = [['ARR', r.arr], ['value', r.value.quarterTotal], ['annualised', r.value.annualised], ['investment', r.value.investment]];
      const texts = await artifacts(r.id);
      // A line item (one value line, one risk, one opportunity) may equal a headline figure: it is its own figure, in table money.
      const items = new Set([...r.value.lines.map((l) => l.value), ...r.risks.map((k) => k.arrAtRisk), ...r.opportunities.items.flatMap((o) => [o.potentialArr, o.weighted])]);
      for (const [name, v] of figures) {
        if (v === null || v < 1000) continue;
        const uses = new Set<string>();
        for (const t of texts) {
          if (has(t.text, short(v))) uses.add(short(v));
          if (!items.has(v) && has(t.text, money(v))) { uses.add(money(v)); problems.push(`${r.id} ${name} as ${money(v)} in ${t.where}`); }
        }
        if (uses.size > 0) compared++;
      }
      // The ROI is one multiple: every `N.Nx` in every artifact is the same text.
      const multiples = new Set(texts.flatMap((t) => [...t.text.matchAll(/(?<![\w.])(\d+(?:\.\d)?)x\b/g)].map((m) => m[0])));
      if (r.value.roi !== null) {
        expect(multiples).toEqual(new Set([`${(Math.round(r.value.roi * 10) / 10).toFixed(1).replace(/\.0$/, '')}x`]));
        compared++;
      } else expect(multiples.size).toBe(0);
    }
    expect(problems).toEqual([]);
    expect(compared).toBeGreaterThan(15);
  });

  it('GlobalTech reads 3.1x, $171K and 40% / 90% / 85% in the deck, the pre-read and the summary alike', async () => {
    const t = await artifacts('ACC-001');
    for (const where of ['deck', 'pre-read.docx', 'summary.eml']) {
      const text = t.find((a) => a.where === where)!.text;
      // 135,000 + 21,250 + 14,250 = 170,500 → $171K; ÷ 55,000 = 3.1.
      expect(text).toContain("3.1x return on the quarter's investment");
      expect(text).toContain('$171K');
    }
    const deck = t.find((a) => a.where === 'deck')!.text;
    const preRead = t.find((a) => a.where === 'pre-read.docx')!.text;
    for (const share of ['40%', '90%', '85%']) {
      expect(deck).toContain(share);
      expect(preRead).toContain(share);
    }
    expect(preRead).not.toMatch(/\b0\.(4|9|85)\b/);
    // The methodology in sentences with currency on every amount.
    expect(deck).toContain('1,800 hours saved × $75 an hour = $135,000');
    expect(deck).toContain('3 incidents avoided × $4,750 each = $14,250');
    // API calls per day in one rounding across the row: 3K / 4K / 5K / 12K, never 3,000 beside 12K.
    expect(deck).toMatch(/API calls \/ day\n3K\n4K\n5K\n12K/);
  });

  it('never shows a score change in percent, an amount without its currency, or a baked ellipsis', async () => {
    const problems: string[] = [];
    for (const r of book.accounts) {
      for (const t of await artifacts(r.id)) {
        const lines = t.text.split('\n');
        lines.forEach((line, i) => {
          // A KPI card or a metrics table row: the label, the value, then the change.
          if (/^(NPS|CSAT|Health score)$/.test(line.trim())) {
            for (const next of lines.slice(i + 1, i + 3)) if (/[▲▼]/.test(next) && /%/.test(next)) problems.push(`${r.id} ${t.where}: ${line} ${next}`);
          }
          if (/\b(NPS|CSAT|[Hh]ealth)\b[^.\n]{0,40}[+−-]\d+(\.\d+)?\s?%/.test(line)) problems.push(`${r.id} ${t.where}: ${line}`);
          if (!t.customer) return;
          if (line.includes('…')) problems.push(`${r.id} ${t.where}: ellipsis in "${line}"`);
          for (const m of line.matchAll(/\b(cost|ARR|investment|revenue|× )\s*(\d[\d,.]*)(?!\s*(%|hours|incident|users|seats))/g)) {
            if (!/\$\s*$/.test(line.slice(0, m.index! + m[0].length - m[2]!.length))) problems.push(`${r.id} ${t.where}: amount without currency "${m[0]}" in "${line}"`);
          }
          if (/\d\/h\b|hourly rate|Value tab|Settings/.test(line)) problems.push(`${r.id} ${t.where}: tool wording "${line}"`);
        });
      }
    }
    expect(problems).toEqual([]);
  });
});
