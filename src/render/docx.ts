/** Renders a DocPlan (pre-read, mutual action plan) as a .docx business document with the `docx` library. */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  BorderStyle,
  type FileChild,
} from 'docx';
import type { DocPlan, DocSection } from '../core/package/types';
import { BULLETS, COLOR, FONT, NUMBERING, PAGE, STYLES, TEXT_WIDTH } from './docx-style';

const CREATOR = 'QBR Facilitator';

/** Renders the plan to the bytes of a .docx file. */
export async function renderDoc(plan: DocPlan): Promise<Buffer> {
  const title = clean(plan.title);
  const doc = new Document({
    title,
    // Properties are one-line fields in Word's Info pane.
    subject: clean(plan.subtitle).replace(/\n+/g, ' '),
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    description: plan.kind === 'pre-read' ? 'QBR pre-read' : 'QBR mutual action plan',
    styles: STYLES,
    numbering: NUMBERING,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 708, footer: 576 },
          },
        },
        footers: { default: footer(title) },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: runs(plan.title) }),
          new Paragraph({ style: 'Subtitle', children: runs(plan.subtitle) }),
          ...plan.sections.flatMap(section),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** One section in the order its fields are declared: heading, prose, bullets, then the table. */
function section(s: DocSection): FileChild[] {
  const out: FileChild[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(s.heading) })];
  for (const text of s.paragraphs ?? []) out.push(new Paragraph({ children: runs(text) }));
  for (const item of s.bullets ?? []) {
    out.push(new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: runs(item) }));
  }
  // The next heading's space-before gives the table its air; an empty spacer paragraph would double it.
  if (s.table && s.table.columns.length > 0) out.push(table(s.table.columns, s.table.rows));
  return out;
}

const CELL_MARGINS = { top: 70, bottom: 70, left: 110, right: 110 } as const;
const GRID = { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule } as const;

function table(columns: string[], rows: string[][]): Table {
  // Ragged rows would break the grid: pad short rows with blanks and drop cells beyond the header.
  const body = rows.map((row) => columns.map((_, i) => row[i] ?? ''));
  const widths = columnWidths(columns, body);
  const numeric = columns.map((_, i) => body.length > 0 && body.every((row) => isNumeric(row[i] ?? '')));
  const cell = (text: string, i: number, fill: string | null, header: boolean): TableCell =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      margins: CELL_MARGINS,
      verticalAlign: VerticalAlignTable.CENTER,
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
      children: [
        new Paragraph({
          style: 'TableText',
          alignment: numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: runs(text, header ? { bold: true, color: COLOR.white } : {}),
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    // Fixed layout keeps the computed widths in Word, LibreOffice and Google Docs alike.
    layout: TableLayoutType.FIXED,
    borders: { top: GRID, bottom: GRID, left: GRID, right: GRID, insideHorizontal: GRID, insideVertical: GRID },
    rows: [
      // The header repeats on every page a long action table spills onto.
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c, i, COLOR.navy, true)) }),
      ...body.map(
        (row, r) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, i, r % 2 === 1 ? COLOR.zebra : null, false)) }),
      ),
    ],
  });
}

/** Roughly one character of 10pt Arial (bold header included), and a cell's side padding plus slack, in twips. */
const CHAR = 118;
const PAD = CELL_MARGINS.left + CELL_MARGINS.right + 80;
/** Characters up to which a cell is never wrapped ("Dec 18, 2026", "Jordan Reyes"). */
const SHORT = 12;

/**
 * Splits the text width between columns by how much each holds (longest entry, clamped), so a
 * `Due` column stays narrow and an `Action` column gets room, without the plan naming widths.
 * No column is narrower than its longest word: `Impact` or `2027-01-15` broken mid-word reads as a bug.
 */
export function columnWidths(columns: string[], rows: string[][]): number[] {
  const cells = columns.map((header, i) => [header, ...rows.map((row) => clean(row[i] ?? ''))]);
  const weights = cells.map((texts) => Math.min(Math.max(...texts.map((t) => t.length), 6), 42));
  // A very long token (a URL) may still wrap rather than squeeze every other column.
  // A short cell (a date such as "Dec 18, 2026", a name) is kept on one line: "Dec / 18, / 2026" in three lines reads broken.
  const minima = cells.map((texts) => Math.min(Math.max(...texts.map((t) => (clean(t).length <= SHORT ? clean(t).length : longestWord(t)))) * CHAR + PAD, TEXT_WIDTH * 0.4));
  const scale = Math.min(1, TEXT_WIDTH / minima.reduce((a, b) => a + b, 0));
  const floor = minima.map((m) => m * scale);

  // Share the width by weight; a column whose share is below its floor is pinned there and the rest re-shared.
  const pinned = new Set<number>();
  let shares: number[] = [];
  for (;;) {
    const free = TEXT_WIDTH - [...pinned].reduce((a, i) => a + (floor[i] ?? 0), 0);
    const weightLeft = weights.reduce((a, w, i) => (pinned.has(i) ? a : a + w), 0);
    shares = weights.map((w, i) => (pinned.has(i) ? (floor[i] ?? 0) : (w / weightLeft) * free));
    const under = shares.findIndex((w, i) => !pinned.has(i) && w < (floor[i] ?? 0));
    if (under < 0) break;
    pinned.add(under);
  }
  const widths = shares.map(Math.floor);
  // Give the rounding remainder to the widest column so the table spans exactly the text width.
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest] = (widths[widest] ?? 0) + TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

const longestWord = (text: string): number => Math.max(0, ...clean(text).split(/\s+/).map((w) => w.length));

/** `$220K`, `85%`, `6.1x`, `-12`, `1,200`: right-aligned so digits line up; dates and words are not numbers. */
const isNumeric = (text: string): boolean =>
  text.trim() === '' || /^[+\-\u2212]?[$€£]?\d[\d,]*(\.\d+)?\s?(%|x|k|m|b|pts?)?$/i.test(text.trim());

function footer(title: string): Footer {
  const grey = { color: COLOR.grey, font: FONT };
  return new Footer({
    children: [
      new Paragraph({
        style: 'FooterText',
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [
          new TextRun({ text: title, ...grey }),
          new TextRun({ children: [new Tab(), 'Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], ...grey }),
        ],
      }),
    ],
  });
}

/**
 * Plan text as runs: line breaks inside a string become Word line breaks, and characters XML 1.0
 * cannot hold (stray control codes pasted into a sheet) are dropped, since one of them makes Word
 * refuse the whole file. Escaping `<`, `&` and quotes is the library's job; nothing is parsed as markup.
 */
function runs(text: string, style: { bold?: boolean; color?: string } = {}): TextRun[] {
  return clean(text)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...style }));
}

function clean(text: string): string {
  return String(text)
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    // Half of a surrogate pair (a cut-off emoji) is not a character XML can hold either.
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}
