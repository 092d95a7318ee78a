/**
 * Property (issue 9): any string in any text cell of an account → every file of its package still parses with an
 * independent reader — jszip + fast-xml-parser for each .pptx/.docx part, ical.js for the .ics (exactly the planned
 * number of events), mailparser for each .eml (exactly the planned recipients, no Bcc).
 * Runs in memory (the example tracker read once, the renderers called as the CLI calls them) to stay a few seconds.
 */
import fc from 'fast-check';
import ICAL from 'ical.js';
import { simpleParser, type AddressObject } from 'mailparser';
import { analyzeWorkbook, type Cell, type Workbook } from '../../src/core';
import { buildPackage } from '../../src/core/package/package';
import { isMailbox } from '../../src/core/mime/headers';
import { normalizeName, TABS, type ColumnSpec } from '../../src/core/tracker/schema';
import { renderDoc } from '../../src/render/docx';
import { emlFor } from '../../src/render/eml';
import { icsFor } from '../../src/render/ics';
import { renderDeck } from '../../src/render/pptx';
import { openTracker } from '../../src/workbook/open';
import { join } from 'node:path';
import { xmlParts } from '../helpers/ooxml';

const EXAMPLE = join(__dirname, '../../examples/tracker-csv');
const ID = 'ACC-001';
const TODAY = '2026-11-22';
const now = new Date('2026-11-22T12:00:00Z');

/** Every text-kind cell (header, tab, row, column) on ACC-001's rows, Account ID excepted. */
function textCells(book: Workbook): { tab: number; row: number; col: number }[] {
  const cells: { tab: number; row: number; col: number }[] = [];
  book.tabs.forEach((tab, t) => {
    const spec = Object.values(TABS).find((s) => normalizeName(s.name) === normalizeName(tab.name));
    if (!spec || !('accountId' in spec.columns)) return;
    const header = (tab.rows[0] ?? []).map((h) => normalizeName(String(h ?? '')));
    const idCol = header.indexOf(normalizeName('Account ID'));
    const text = (Object.entries(spec.columns) as [string, ColumnSpec][])
      .filter(([field, c]) => c.kind === 'text' && field !== 'accountId')
      .map(([, c]) => header.indexOf(normalizeName(c.header)))
      .filter((i) => i >= 0);
    tab.rows.forEach((row, r) => {
      if (r > 0 && row[idCol] === ID) for (const col of text) cells.push({ tab: t, row: r, col });
    });
  });
  return cells;
}

const NASTY = [
  'AT&T <b>Procter & Gamble</b> ]]> <?xml?> &amp; &#0;',
  'Evil\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nATTENDEE:mailto:victim@evil.example\r\nEND:VEVENT',
  'Maya Patel\r\nBcc: evil@attacker.example',
  'x@y.example>, "Bcc" <evil@attacker.example',
  'NUL\u0000 VT\u000b ESC\u001b]0;title\u0007 DEL\u007f C1\u0085 \uFFFE',
  '=?UTF-8?B?QmNjOiBldmls?= {{accountName}} =HYPERLINK("x")',
  'half \uD83D emoji \uDE00 and 🚀 whole',
  'A'.repeat(3000),
  ';,\\\\n\\; "quoted" \'single\'',
];

const text = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
);

const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value).map((v) => (v.address ?? '').toLowerCase());

describe('any string in any text cell', () => {
  let base: Workbook;
  let cells: { tab: number; row: number; col: number }[];
  beforeAll(async () => {
    base = await openTracker(EXAMPLE);
    cells = textCells(base);
  });

  it('finds the text cells it fills (the example account has its name, people, actions, risks…)', () => {
    expect(cells.length).toBeGreaterThan(30);
  });

  it('gives files every independent reader accepts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 12 }), async (strings) => {
        const book: Workbook = { tabs: base.tabs.map((t) => ({ name: t.name, rows: t.rows.map((r) => [...r]) })) };
        cells.forEach((c, i) => {
          (book.tabs[c.tab]!.rows[c.row] as Cell[])[c.col] = strings[i % strings.length]!;
        });
        const review = analyzeWorkbook(book, { today: TODAY, accountIds: [ID] }).accounts[0];
        if (!review) return; // e.g. the name became "N/A": the account is skipped, with a finding (other tests)
        const pkg = buildPackage(review, { today: TODAY, links: { deck: 'deck.pptx', preRead: 'pre-read.docx', actionPlan: 'action-plan.docx' } });

        const ooxml = [...(pkg.deck ? [await renderDeck(pkg.deck, { locale: review.locale })] : []), ...(await Promise.all(pkg.docs.map(renderDoc)))];
        for (const bytes of ooxml) {
          const bad = (await xmlParts(bytes)).filter((p) => p.error !== null).map((p) => `${p.name}: ${p.error}`);
          expect(bad).toEqual([]);
        }

        const ics = icsFor(pkg.holds, { now, defaultTimezone: 'Europe/London', calendarName: `QBR ${review.name}` });
        const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
        expect(events).toHaveLength(pkg.holds.length);

        const from = review.people.csmEmail && isMailbox(review.people.csmEmail) ? { name: review.people.csm, email: review.people.csmEmail } : undefined;
        for (const email of pkg.emails) {
          const parsed = await simpleParser(emlFor(email, { from, now, draft: true }));
          expect(addresses(parsed.to)).toEqual(email.to.map((a) => a.email.toLowerCase()));
          expect(addresses(parsed.cc)).toEqual(email.cc.map((a) => a.email.toLowerCase()));
          expect(parsed.bcc).toBeUndefined();
          expect(addresses(parsed.from)).toEqual(from ? [from.email.toLowerCase()] : []);
        }
      }),
      // The hand-picked strings always run once, together, on top of the generated ones.
      { numRuns: 8, seed: 20261122, endOnFailure: true, examples: [[NASTY], [NASTY.slice().reverse()]] },
    );
  });
});
