/** Slides text as Google indexes it: a TextContent flattened to UTF-16 units, edited there, rebuilt into textElements. */
import type { AnyJson } from './util';

/** Paragraph-level state; Google keeps it on the paragraph's terminating newline, and so do we. */
export interface Para {
  style: AnyJson;
  bullet?: AnyJson;
}

/** One UTF-16 code unit with its text style; a '\n' also carries its paragraph. */
export interface Unit {
  c: string;
  style: AnyJson;
  para?: Para;
}

export interface TextModel {
  units: Unit[];
  lists: Record<string, AnyJson>;
}

/** Thrown for a request Google would answer with 400; the batch runner prefixes "Invalid requests[i].kind: ". */
export class RequestFailure extends Error {}

export function fail(message: string): never {
  throw new RequestFailure(message);
}

/** Control characters Google strips from inserted text (tab, newline and vertical tab survive), plus the BMP private use area. */
const STRIPPED = /[\u0000-\u0008\u000C-\u001F\uE000-\uF8FF]/g; // eslint-disable-line no-control-regex

export function cleanInsert(text: string): string {
  return text.replace(STRIPPED, '');
}

export function parseText(text: AnyJson | undefined): TextModel {
  const units: Unit[] = [];
  // A paragraphMarker comes before the runs of its paragraph; its state moves onto the paragraph's '\n'.
  let para: Para = { style: {} };
  for (const el of (text?.textElements ?? []) as AnyJson[]) {
    if (el.paragraphMarker) {
      para = { style: el.paragraphMarker.style ?? {}, ...(el.paragraphMarker.bullet ? { bullet: el.paragraphMarker.bullet } : {}) };
      continue;
    }
    const run = el.textRun ?? el.autoText;
    const content: string = run?.content ?? '';
    for (let i = 0; i < content.length; i++) {
      const c = content[i] as string;
      units.push(c === '\n' ? { c, style: run.style ?? {}, para: clonePara(para) } : { c, style: run.style ?? {} });
    }
  }
  return { units: normalize(units), lists: { ...(text?.lists ?? {}) } };
}

/** Non-empty text always ends with a newline in Google's model; restore it after an edit removed it. */
export function normalize(units: Unit[], lastPara?: Para): Unit[] {
  const last = units[units.length - 1];
  if (last && last.c !== '\n') units.push({ c: '\n', style: last.style, para: clonePara(lastPara ?? { style: {} }) });
  return units;
}

export function clonePara(p: Para): Para {
  return structuredClone(p);
}

export function plain(units: Unit[]): string {
  return units.map((u) => u.c).join('');
}

/** The REST TextContent for the units, or undefined when the text is empty (Google then omits `text`). */
export function renderText(model: TextModel): AnyJson | undefined {
  const { units } = model;
  if (!units.length) return undefined;
  const textElements: AnyJson[] = [];
  let i = 0;
  while (i < units.length) {
    let j = i;
    while ((units[j] as Unit).c !== '\n') j++;
    const para = (units[j] as Unit).para ?? { style: {} };
    textElements.push(indexed(i, j + 1, { paragraphMarker: { style: para.style, ...(para.bullet ? { bullet: para.bullet } : {}) } }));
    let k = i;
    while (k <= j) {
      let m = k + 1;
      const style = (units[k] as Unit).style;
      while (m <= j && sameJson((units[m] as Unit).style, style)) m++;
      textElements.push(indexed(k, m, { textRun: { content: plain(units.slice(k, m)), style } }));
      k = m;
    }
    i = j + 1;
  }
  return Object.keys(model.lists).length ? { textElements, lists: model.lists } : { textElements };
}

/** Zero-valued integers are absent from Google's JSON (proto3), so the first element has no startIndex. */
function indexed(start: number, end: number, body: AnyJson): AnyJson {
  return { ...(start ? { startIndex: start } : {}), endIndex: end, ...body };
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The paragraph (its terminating '\n') that holds index `at`; the last one when `at` is the end. */
export function paraAt(units: Unit[], at: number): Para {
  for (let k = Math.max(0, Math.min(at, units.length - 1)); k < units.length; k++) if ((units[k] as Unit).c === '\n') return (units[k] as Unit).para as Para;
  return { style: {} };
}

/** Insert text the way Google does: new paragraphs copy the paragraph at the insertion point, text takes the style before it. */
export function insertUnits(units: Unit[], at: number, text: string, style?: AnyJson): Unit[] {
  const clean = cleanInsert(text);
  if (!clean) return units;
  const before = at > 0 ? units[at - 1] : undefined;
  const s = style ?? (before && before.c !== '\n' ? before.style : (units[at]?.style ?? {}));
  const para = paraAt(units, at);
  // split('') yields UTF-16 code units, the unit Google's indexes count in.
  const added: Unit[] = clean.split('').map((c) => (c === '\n' ? { c, style: s, para: clonePara(para) } : { c, style: s }));
  return normalize([...units.slice(0, at), ...added, ...units.slice(at)], para);
}

export function deleteUnits(units: Unit[], start: number, end: number): Unit[] {
  const removed = units.slice(start, end);
  const lastPara = [...removed].reverse().find((u) => u.c === '\n')?.para;
  return normalize([...units.slice(0, start), ...units.slice(end)], lastPara);
}

/** Google's Range (ALL / FIXED_RANGE / FROM_START_INDEX) as [start, end) within text of length `len`. */
export function resolveRange(range: AnyJson | undefined, len: number): [number, number] {
  const type = range?.type ?? 'RANGE_TYPE_UNSPECIFIED';
  let start = 0;
  let end = len;
  if (type === 'FIXED_RANGE') {
    if (range.startIndex === undefined || range.endIndex === undefined) fail('A FIXED_RANGE range must have both startIndex and endIndex.');
    start = range.startIndex;
    end = range.endIndex;
  } else if (type === 'FROM_START_INDEX') {
    if (range.startIndex === undefined) fail('A FROM_START_INDEX range must have a startIndex.');
    start = range.startIndex;
  } else if (type !== 'ALL') {
    fail('The range type must be one of ALL, FIXED_RANGE or FROM_START_INDEX.');
  }
  if (start < 0 || start > end) fail(`The start index (${start}) must be between 0 and the end index (${end}).`);
  if (end > len) fail(`The end index (${end}) should not be greater than the existing text length (${len}).`);
  return [start, end];
}

/** Every paragraph overlapping [start, end) (the one holding `start` when the range is empty), as [paraStart, newlineIndex]. */
export function paragraphsIn(units: Unit[], start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let ps = 0;
  units.forEach((u, k) => {
    if (u.c !== '\n') return;
    const overlaps = start === end ? ps <= start && start <= k : ps < end && start <= k;
    if (overlaps) out.push([ps, k]);
    ps = k + 1;
  });
  return out;
}

/** A field mask applied the Google way: listed fields are set from the patch, or reset when the patch lacks them. */
export function applyMask(old: AnyJson, patch: AnyJson, fields: string | undefined): AnyJson {
  if (!fields || !fields.trim()) fail('At least one field must be specified in fields.');
  if (fields.trim() === '*') return structuredClone(patch ?? {});
  const out = { ...(old ?? {}) };
  for (const f of fields.split(',')) {
    const top = f.trim().split('.')[0] as string;
    if (patch?.[top] !== undefined) out[top] = structuredClone(patch[top]);
    else delete out[top];
  }
  return out;
}

/** Replace every match of `find` (non-overlapping, left to right); the replacement takes the style of the first matched unit. */
export function replaceUnits(units: Unit[], find: string, replace: string, matchCase: boolean): { units: Unit[]; count: number } {
  const hay = matchCase ? plain(units) : plain(units).toLowerCase();
  const needle = matchCase ? find : find.toLowerCase();
  const hits: number[] = [];
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + needle.length)) hits.push(at);
  let out = units;
  for (const at of [...hits].reverse()) {
    const style = (out[at] as Unit).style;
    out = deleteUnits(out, at, at + find.length);
    out = insertUnits(out, at, replace, style);
  }
  return { units: out, count: hits.length };
}

/** Bullets on the paragraphs of [start, end): leading tabs become the nesting level and are removed, as Google does. */
export function bulletize(model: TextModel, start: number, end: number, listId: string, glyph: string): void {
  const ranges = paragraphsIn(model.units, start, end).reverse();
  for (const [ps, nl] of ranges) {
    let tabs = 0;
    while (ps + tabs < nl && (model.units[ps + tabs] as Unit).c === '\t') tabs++;
    const para = (model.units[nl] as Unit).para as Para;
    para.bullet = { listId, ...(tabs ? { nestingLevel: tabs } : {}), glyph, bulletStyle: {} };
    if (tabs) model.units = [...model.units.slice(0, ps), ...model.units.slice(ps + tabs)];
  }
  model.lists[listId] = { listId, nestingLevel: Object.fromEntries([...Array(9).keys()].map((n) => [String(n), { bulletStyle: {} }])) };
}
