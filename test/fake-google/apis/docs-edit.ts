/** Docs text requests: insertText, deleteContentRange (with Google's structural rules), replaceAllText, insertPageBreak. */
import { type DPara, type DUnit, type DocsCtx, cellContentEnd, containers, inParagraph, isNewline, newline, tablePartners } from './docs-model';
// Shared with the Slides fake: the same 400 convention, field masks and stripped control characters.
import { applyMask, cleanInsert, fail } from './slides-text';
import type { AnyJson } from './util';

export type DocsRequest = (ctx: DocsCtx, r: AnyJson) => AnyJson;

export function noSegment(segmentId: string | undefined): void {
  if (segmentId) fail(`The segment ID (${segmentId}) could not be found: the fake has no headers, footers or footnotes.`);
}

/** The index a location or endOfSegmentLocation names (the end is just before the body's final newline). */
export function resolveLocation(ctx: DocsCtx, r: AnyJson): number {
  if (r.location) {
    noSegment(r.location.segmentId);
    return r.location.index ?? 0;
  }
  if (r.endOfSegmentLocation) {
    noSegment(r.endOfSegmentLocation.segmentId);
    return ctx.units.length - 1;
  }
  return fail('Either location or endOfSegmentLocation must be set.');
}

export function requireInsertionPoint(units: DUnit[], i: number): void {
  if (i >= units.length) fail(`Index ${i} must be less than the end index of the referenced segment, ${units.length}.`);
  if (i < 0 || !inParagraph(units[i])) {
    fail('The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.');
  }
}

/** The paragraph (its '\n' unit) that holds index i. */
export function paragraphAt(units: DUnit[], i: number): DPara {
  let k = i;
  while (k < units.length && !isNewline(units[k])) k++;
  return (units[k] as { para?: DPara })?.para ?? { style: {} };
}

/** Google: inserted text generally takes the style of the text just before it, in the same paragraph. */
export function styleAt(units: DUnit[], i: number): AnyJson {
  const before = units[i - 1];
  if (before && inParagraph(before) && !isNewline(before)) return (before as { style: AnyJson }).style;
  return (units[i] as { style?: AnyJson })?.style ?? {};
}

/** Text units for `text` at i: new paragraphs copy the paragraph at the insertion point, including its bullet. */
export function textUnits(units: DUnit[], i: number, text: string, style = styleAt(units, i)): DUnit[] {
  const para = paragraphAt(units, i);
  return cleanInsert(text)
    .split('')
    .map((c): DUnit => (c === '\n' ? newline(style, para) : { t: 'ch', c, style }));
}

const insertText: DocsRequest = (ctx, r) => {
  const i = resolveLocation(ctx, r);
  requireInsertionPoint(ctx.units, i);
  ctx.units.splice(i, 0, ...textUnits(ctx.units, i, r.text ?? ''));
  return {};
};

/** The range's [start, end), checked against the body. */
export function resolveRange(ctx: DocsCtx, range: AnyJson | undefined, allowEmpty: boolean): [number, number] {
  noSegment(range?.segmentId);
  const start: number | undefined = range?.startIndex;
  const end: number | undefined = range?.endIndex;
  if (start === undefined || end === undefined) fail('The range must have a startIndex and an endIndex.');
  if (start > end) fail(`The range start index (${start}) must not be greater than its end index (${end}).`);
  if (start === end && !allowEmpty) fail('The range should not be empty.');
  if (end > ctx.units.length) fail(`Index ${end - 1} must be less than the end index of the referenced segment, ${ctx.units.length}.`);
  return [start, end];
}

/** The structural rules Google lists for DeleteContentRangeRequest. */
function checkDeletion(units: DUnit[], start: number, end: number): void {
  if (start < 1) fail('Invalid deletion range: the section break at index 0 cannot be deleted.');
  if (end >= units.length) fail('The range cannot include the newline character at the end of the segment.');
  const partners = tablePartners(units);
  const { container, tableOf } = containers(units);
  for (let k = start; k < end; k++) {
    const u = units[k] as DUnit;
    if (u.t === 'sb') fail('Invalid deletion range: a section break cannot be deleted.');
    if (u.t !== 'ts' && u.t !== 'te' && u.t !== 'rs' && u.t !== 'cs') continue;
    const ts = tableOf.get(k) as number;
    const te = partners.get(ts) as number;
    if (ts < start || te >= end) {
      fail(u.t === 'ts' || u.t === 'te'
        ? 'Invalid deletion range: a table can only be deleted whole, from its start index to its end index.'
        : 'Invalid deletion range: rows and cells cannot be deleted on their own; delete content inside a cell, or the whole table.');
    }
  }
  const inside = container[start] as number;
  if (inside !== container[end - 1]) fail('Invalid deletion range: the range crosses the boundary of a table cell.');
  if (inside !== -1 && end >= cellContentEnd(units, inside, partners)) fail('The range cannot include the newline character at the end of a table cell.');
  if (units[end]?.t === 'ts' && isNewline(units[end - 1])) {
    fail('Invalid deletion range: the newline before a table cannot be deleted without deleting the table.');
  }
}

const deleteContentRange: DocsRequest = (ctx, r) => {
  const [start, end] = resolveRange(ctx, r.range, false);
  checkDeletion(ctx.units, start, end);
  // Merging paragraphs: the surviving newline, the later paragraph's, keeps its style.
  ctx.units.splice(start, end - start);
  return {};
};

/** Google leaves zero counts out of the JSON reply. */
export function occurrences(n: number): AnyJson {
  return n ? { occurrencesChanged: n } : {};
}

const replaceAllText: DocsRequest = (ctx, r) => {
  const find: string | undefined = r.containsText?.text;
  if (!find) fail('containsText.text must not be empty.');
  const matchCase = r.containsText.matchCase === true;
  // Non-text units become NUL, which inserted text can never contain, so matches stay inside text.
  const flat = ctx.units.map((u) => (u.t === 'ch' ? u.c : '\u0000')).join('');
  const hay = matchCase ? flat : flat.toLowerCase();
  const needle = matchCase ? find : find.toLowerCase();
  const hits: number[] = [];
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + needle.length)) hits.push(at);
  for (const at of hits.reverse()) {
    const style = (ctx.units[at] as { style: AnyJson }).style;
    ctx.units.splice(at, find.length);
    ctx.units.splice(at, 0, ...textUnits(ctx.units, at, r.replaceText ?? '', style));
  }
  return { replaceAllText: occurrences(hits.length) };
};

const insertPageBreak: DocsRequest = (ctx, r) => {
  const i = resolveLocation(ctx, r);
  requireInsertionPoint(ctx.units, i);
  if (containers(ctx.units).container[i] !== -1) fail('Page breaks cannot be inserted inside a table.');
  const style = styleAt(ctx.units, i);
  ctx.units.splice(i, 0, { t: 'el', raw: { pageBreak: { textStyle: style } }, style }, newline(style, paragraphAt(ctx.units, i)));
  return {};
};

const updateDocumentStyle: DocsRequest = (ctx, r) => {
  ctx.doc.documentStyle = applyMask(ctx.doc.documentStyle, r.documentStyle, r.fields);
  return {};
};

export const editRequests: Record<string, DocsRequest> = {
  insertText,
  deleteContentRange,
  replaceAllText,
  insertPageBreak,
  updateDocumentStyle,
};
