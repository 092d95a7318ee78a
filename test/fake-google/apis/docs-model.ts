/**
 * The Docs body as Google indexes it: one unit per index (section break, UTF-16 code unit, page break, table / row /
 * cell start, table end), parsed from and rendered back to the REST `Body`, so every index the API reports is a position here.
 */
import type { FakeState } from '../types';
import type { AnyJson } from './util';

export interface DPara {
  style: AnyJson;
  bullet?: AnyJson;
}

export type DUnit =
  | { t: 'sb'; raw: AnyJson }
  /** A code unit of text; a '\n' ends its paragraph and carries the paragraph's style and bullet. */
  | { t: 'ch'; c: string; style: AnyJson; para?: DPara }
  /** A one-index paragraph element other than text (a page break, an inline object), kept as Google sent it. */
  | { t: 'el'; raw: AnyJson; style: AnyJson }
  | { t: 'ts'; raw: AnyJson }
  | { t: 'rs'; raw: AnyJson }
  | { t: 'cs'; raw: AnyJson }
  | { t: 'te' };

/** What a Docs request sees: the working body (discarded if a later request fails), the lists, the document itself. */
export interface DocsCtx {
  units: DUnit[];
  lists: Record<string, AnyJson>;
  doc: AnyJson;
  state: FakeState;
}

export const NORMAL: AnyJson = { namedStyleType: 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' };

export function newline(style: AnyJson, para: DPara): DUnit {
  return { t: 'ch', c: '\n', style, para: structuredClone(para) };
}

export function isNewline(u: DUnit | undefined): boolean {
  return u?.t === 'ch' && u.c === '\n';
}

/** Text or another paragraph element: a position where text may be inserted. */
export function inParagraph(u: DUnit | undefined): boolean {
  return u?.t === 'ch' || u?.t === 'el';
}

export function parseBody(content: AnyJson[] | undefined): DUnit[] {
  const out: DUnit[] = [];
  parseInto(content ?? [], out);
  return out;
}

function parseInto(content: AnyJson[], out: DUnit[]): void {
  for (const se of content) {
    if (se.sectionBreak) out.push({ t: 'sb', raw: se.sectionBreak });
    else if (se.paragraph) parseParagraph(se.paragraph, out);
    else if (se.table) {
      const { tableRows, rows: _rows, columns: _columns, ...raw } = se.table;
      out.push({ t: 'ts', raw });
      for (const row of tableRows ?? []) {
        const { tableCells, startIndex: _s, endIndex: _e, ...rowRaw } = row;
        out.push({ t: 'rs', raw: rowRaw });
        for (const cell of tableCells ?? []) {
          const { content: cellContent, startIndex: _cs, endIndex: _ce, ...cellRaw } = cell;
          out.push({ t: 'cs', raw: cellRaw });
          parseInto(cellContent ?? [], out);
        }
      }
      out.push({ t: 'te' });
    }
    // Simplified: a table of contents is not modelled (the tool never inserts one).
  }
}

function parseParagraph(p: AnyJson, out: DUnit[]): void {
  const para: DPara = { style: p.paragraphStyle ?? { ...NORMAL }, ...(p.bullet ? { bullet: p.bullet } : {}) };
  const start = out.length;
  for (const pe of p.elements ?? []) {
    const { startIndex: _s, endIndex: _e, ...raw } = pe;
    if (!raw.textRun) {
      out.push({ t: 'el', raw, style: {} });
      continue;
    }
    const content: string = raw.textRun.content ?? '';
    for (let i = 0; i < content.length; i++) {
      const c = content[i] as string;
      out.push(c === '\n' ? newline(raw.textRun.textStyle ?? {}, para) : { t: 'ch', c, style: raw.textRun.textStyle ?? {} });
    }
  }
  if (out.length === start || !isNewline(out[out.length - 1])) out.push(newline({}, para));
}

/** The partner of each table start (its end) and each table end (its start). */
export function tablePartners(units: DUnit[]): Map<number, number> {
  const partners = new Map<number, number>();
  const open: number[] = [];
  units.forEach((u, k) => {
    if (u.t === 'ts') open.push(k);
    if (u.t === 'te') {
      const s = open.pop() as number;
      partners.set(s, k);
      partners.set(k, s);
    }
  });
  return partners;
}

/**
 * For each index: the cell (index of its cell start) whose content holds it, or -1 for the body. Table, row and
 * cell markers belong to the container of their table. `tableOf` maps each marker to its table's start.
 */
export function containers(units: DUnit[]): { container: number[]; tableOf: Map<number, number> } {
  const container: number[] = [];
  const tableOf = new Map<number, number>();
  const stack: { ts: number; cell: number; outer: number }[] = [];
  const current = (): number => (stack.length ? (stack[stack.length - 1] as { cell: number }).cell : -1);
  units.forEach((u, k) => {
    const top = stack[stack.length - 1];
    if (u.t === 'ts') {
      container.push(current());
      tableOf.set(k, k);
      stack.push({ ts: k, cell: -1, outer: current() });
    } else if (u.t === 'rs' || u.t === 'cs' || u.t === 'te') {
      container.push(top ? top.outer : -1);
      if (top) tableOf.set(k, top.ts);
      if (u.t === 'cs' && top) top.cell = k;
      if (u.t === 'te') stack.pop();
    } else container.push(current());
  });
  return { container, tableOf };
}

/** Exclusive end of a cell's content: the next row, cell or table-end marker at the same depth. */
export function cellContentEnd(units: DUnit[], cs: number, partners = tablePartners(units)): number {
  let j = cs + 1;
  while (j < units.length) {
    const u = units[j] as DUnit;
    if (u.t === 'ts') j = (partners.get(j) as number) + 1;
    else if (u.t === 'rs' || u.t === 'cs' || u.t === 'te') return j;
    else j++;
  }
  return j;
}

function indexed(start: number, end: number, body: AnyJson): AnyJson {
  // Zero-valued integers are absent from Google's JSON (proto3): the section break has no startIndex.
  return { ...(start ? { startIndex: start } : {}), endIndex: end, ...body };
}

export function renderBody(units: DUnit[]): AnyJson[] {
  return renderRange(units, 0, units.length, tablePartners(units));
}

function renderRange(units: DUnit[], from: number, to: number, partners: Map<number, number>): AnyJson[] {
  const content: AnyJson[] = [];
  let i = from;
  while (i < to) {
    const u = units[i] as DUnit;
    if (u.t === 'sb') {
      content.push(indexed(i, i + 1, { sectionBreak: u.raw }));
      i++;
    } else if (u.t === 'ts') {
      const end = partners.get(i) as number;
      content.push(renderTable(units, i, end, partners));
      i = end + 1;
    } else {
      let j = i;
      while (!isNewline(units[j])) j++;
      content.push(renderParagraph(units, i, j));
      i = j + 1;
    }
  }
  return content;
}

function renderParagraph(units: DUnit[], from: number, nl: number): AnyJson {
  const elements: AnyJson[] = [];
  let k = from;
  while (k <= nl) {
    const u = units[k] as DUnit;
    if (u.t === 'el') {
      elements.push(indexed(k, k + 1, u.raw));
      k++;
      continue;
    }
    const style = (u as { style: AnyJson }).style;
    let m = k + 1;
    while (m <= nl && (units[m] as DUnit).t === 'ch' && JSON.stringify((units[m] as { style: AnyJson }).style) === JSON.stringify(style)) m++;
    const text = units.slice(k, m).map((x) => (x as { c: string }).c).join('');
    elements.push(indexed(k, m, { textRun: { content: text, textStyle: style } }));
    k = m;
  }
  const para = (units[nl] as { para?: DPara }).para ?? { style: { ...NORMAL } };
  return indexed(from, nl + 1, { paragraph: { elements, paragraphStyle: para.style, ...(para.bullet ? { bullet: para.bullet } : {}) } });
}

function renderTable(units: DUnit[], ts: number, te: number, partners: Map<number, number>): AnyJson {
  const tableRows: AnyJson[] = [];
  let k = ts + 1;
  while (k < te) {
    const rowStart = k;
    const rowRaw = (units[k] as { raw: AnyJson }).raw;
    const tableCells: AnyJson[] = [];
    k++;
    while ((units[k] as DUnit).t === 'cs') {
      const cellStart = k;
      const end = cellContentEnd(units, cellStart, partners);
      const cellRaw = (units[cellStart] as { raw: AnyJson }).raw;
      tableCells.push({ startIndex: cellStart, endIndex: end, content: renderRange(units, cellStart + 1, end, partners), ...cellRaw });
      k = end;
    }
    tableRows.push({ startIndex: rowStart, endIndex: k, tableCells, ...rowRaw });
  }
  const raw = (units[ts] as { raw: AnyJson }).raw;
  const columns = Math.max(0, ...tableRows.map((r) => r.tableCells.length));
  return indexed(ts, te + 1, { table: { rows: tableRows.length, columns, tableRows, ...raw } });
}

/** A new document as `documents.create` returns it: a section break and one empty paragraph. */
export function makeDocument(title: string, documentId: string, revisionId = 'rev-1'): AnyJson {
  const units: DUnit[] = [
    { t: 'sb', raw: { sectionStyle: { columnSeparatorStyle: 'NONE', contentDirection: 'LEFT_TO_RIGHT', sectionType: 'CONTINUOUS' } } },
    newline({}, { style: { ...NORMAL } }),
  ];
  return {
    documentId,
    title,
    body: { content: renderBody(units) },
    documentStyle: { pageSize: { width: { magnitude: 612, unit: 'PT' }, height: { magnitude: 792, unit: 'PT' } } },
    lists: {},
    revisionId,
    suggestionsViewMode: 'SUGGESTIONS_INLINE',
  };
}
