/**
 * Refreshing a Doc in place (SPEC §4.4): what the fill wrote, paragraph by paragraph, kept as text hashes with the
 * package (the QBR Log's Doc Record), and the one batchUpdate that brings a doc the user may have edited up to date.
 */
import type { DocPlan } from '../core/package/types';
import { docRequests, oneLine, paragraph, sectionRequests } from './docs';

/** What the tool last wrote in one doc: the whole text's hash, and each generated paragraph's `[key, text hash]` in reading order. */
export interface DocRecordEntry {
  id: string;
  w: string;
  /** Absent when the record had to be cut to fit its cell: then an edited doc is kept whole. */
  e?: [string, string][];
}

export type DocKind = DocPlan['kind'];
export type DocRecord = Partial<Record<DocKind, DocRecordEntry>>;

/** One paragraph the fill writes: a key that finds it again on the next run, a label people read, its text. */
export interface PlanLine {
  key: string;
  label: string;
  text: string;
  /** Title, subtitle, heading, paragraph, bullet or table cell. */
  kind: 't' | 's' | 'h' | 'p' | 'b' | 'c';
  /** The plan section it belongs to (none for the title and subtitle). */
  section?: number;
}

/** A Google cell holds at most 50,000 characters; the record stays well under it. */
const CELL_LIMIT = 45_000;

/** cyrb53 (public domain): a 53-bit string hash, enough to tell texts apart without keeping them. */
export function textHash(s: string): string {
  const t = normalize(s);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Whitespace is not what a person edits: runs of it (the newline Docs adds before a table, empty cells) count as one space. */
function normalize(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The paragraphs `docRequests` writes, in the order a reader meets them (cells row by row), empty ones left out. */
export function planLines(plan: DocPlan): PlanLine[] {
  const lines: PlanLine[] = [];
  let at: number | undefined;
  const add = (key: string, label: string, text: string) => {
    const kind = (/\.([hpb])/.exec(key)?.[1] ?? (key.includes('.r') ? 'c' : key)) as PlanLine['kind'];
    if (text.trim() !== '') lines.push({ key, label, text, kind, ...(at === undefined ? {} : { section: at }) });
  };
  add('t', 'title', oneLine(plan.title));
  if (plan.subtitle.trim() !== '') add('s', 'subtitle', oneLine(plan.subtitle));
  const seen = new Map<string, number>();
  for (const [index, section] of plan.sections.entries()) {
    at = index;
    const heading = oneLine(section.heading);
    const n = seen.get(heading) ?? 0;
    seen.set(heading, n + 1);
    // Keyed by heading, not position: a section that comes or goes leaves the others' keys alone.
    const k = `${textHash(`${heading}#${n}`).slice(0, 5)}.`;
    add(`${k}h`, heading, heading);
    (section.paragraphs ?? []).forEach((p, i) => paragraph(p).split('\n').forEach((line, j) => add(`${k}p${i}.${j}`, heading, line)));
    (section.bullets ?? []).forEach((b, i) => add(`${k}b${i}`, `${heading}, item ${i + 1}`, oneLine(b)));
    const t = section.table;
    if (t) [t.columns, ...t.rows].forEach((row, r) => t.columns.forEach((col, c) => add(`${k}r${r}c${c}`, r === 0 ? `${heading}, header` : `${heading}, row ${r}, ${oneLine(col)}`, oneLine(row[c] ?? ''))));
  }
  return lines;
}

const wholeHash = (texts: string[]) => textHash(texts.join(' '));

/** The record of a doc the fill has just written from `plan`. */
export function recordOf(plan: DocPlan, id: string): DocRecordEntry {
  const lines = planLines(plan);
  return { id, w: wholeHash(lines.map((l) => l.text)), e: lines.map((l) => [l.key, textHash(l.text)]) };
}

/** The QBR Log cell: compact JSON; per-paragraph hashes dropped from the largest docs first if it would not fit. */
export function docRecordText(record: DocRecord): string | null {
  const copy = JSON.parse(JSON.stringify(record)) as DocRecord;
  let text = JSON.stringify(copy);
  const kinds = (Object.keys(copy) as DocKind[]).sort((a, b) => (copy[b]!.e?.length ?? 0) - (copy[a]!.e?.length ?? 0));
  for (const k of kinds) {
    if (text.length <= CELL_LIMIT) break;
    delete copy[k]!.e;
    text = JSON.stringify(copy);
  }
  return Object.keys(copy).length ? text : null;
}

/** The cell back; text typed over it or another shape is no record (the doc is then made anew, the old one kept). */
export function parseDocRecord(text: string): DocRecord {
  if (!text) return {};
  try {
    const raw = JSON.parse(text) as unknown;
    if (!raw || typeof raw !== 'object') return {};
    const out: DocRecord = {};
    for (const kind of ['pre-read', 'action-plan', 'prep-brief'] as const) {
      const e = (raw as Record<string, unknown>)[kind] as Partial<DocRecordEntry> | undefined;
      if (!e || typeof e.id !== 'string' || typeof e.w !== 'string') continue;
      const pairs = Array.isArray(e.e) && e.e.every((p) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'string')) ? e.e : undefined;
      out[kind] = { id: e.id, w: e.w, ...(pairs ? { e: pairs } : {}) };
    }
    return out;
  } catch {
    return {};
  }
}

/** The parts of a Docs `Document` a refresh reads. */
export interface RestDoc {
  revisionId?: string;
  body?: { content?: RestElement[] };
}
interface RestElement {
  startIndex?: number;
  endIndex?: number;
  paragraph?: { elements?: { textRun?: { content?: string; suggestedInsertionIds?: string[]; suggestedDeletionIds?: string[] } }[] };
  table?: { tableRows?: { tableCells?: { content?: RestElement[] }[] }[] };
}

interface DocParagraph {
  /** Where its text starts, and ends (its newline, which stays). */
  start: number;
  end: number;
  text: string;
  hash: string;
  inTable: boolean;
}

/**
 * Each paragraph in reading order. Anything but plain text (an image, a chip, a pending suggestion) is marked in the
 * text, so a paragraph holding one never matches what the tool wrote and is never rewritten over it.
 */
function readParagraphs(content: RestElement[] | undefined, out: DocParagraph[] = [], inTable = false): DocParagraph[] {
  for (const se of content ?? []) {
    if (se.paragraph) {
      const text = (se.paragraph.elements ?? []).map((e) => {
        const run = e.textRun;
        if (!run) return '\uFFFC';
        return run.suggestedInsertionIds?.length || run.suggestedDeletionIds?.length ? `\uFFFC${run.content ?? ''}` : run.content ?? '';
      }).join('').replace(/\n$/, '');
      const start = se.startIndex ?? 0;
      out.push({ start, end: (se.endIndex ?? start + 1) - 1, text, hash: textHash(text), inTable });
    } else if (se.table) for (const row of se.table.tableRows ?? []) for (const cell of row.tableCells ?? []) readParagraphs(cell.content, out, true);
  }
  return out;
}

export interface DocRefresh {
  /** `current`: the doc already says what the package says; `rewrite`: the user never changed it; `patch`: they did. */
  mode: 'current' | 'rewrite' | 'patch';
  /** The batchUpdate's requests; empty when nothing is to be written. */
  requests: unknown[];
  /** Paragraphs given their new text in an edited doc. */
  updated: number;
  /** Paragraphs new in this package (a new bullet, a new section) added to an edited doc after the one before them. */
  added: number;
  /** Generated paragraphs the user changed (or deleted) whose value moved: kept as the user left them. */
  edited: { label: string; now: string }[];
  /** New in this package with no place in the edited doc (a new bullet, a new section): not added. */
  notAdded: { label: string; now: string }[];
  /** Generated paragraphs the user changed whose value did not move: kept as the user left them. */
  keptAsIs?: string[];
}

/**
 * How to bring the doc `entry` describes up to `plan`. A doc whose text is still exactly what the tool wrote is
 * rewritten whole (sections may have come or gone); in an edited one each generated paragraph still holding the text
 * the tool wrote gets its new text, every other paragraph (the user's, or a generated one they changed) stays as it is.
 */
export function refreshDoc(entry: DocRecordEntry, plan: DocPlan, doc: RestDoc): DocRefresh {
  const lines = planLines(plan);
  const fresh = wholeHash(lines.map((l) => l.text));
  const paras = readParagraphs(doc.body?.content);
  const now = wholeHash(paras.map((p) => p.text));
  const none = { updated: 0, added: 0, edited: [], notAdded: [] };
  if (now === fresh) return { mode: 'current', requests: [], ...none };
  // No body at all is no real document but a dry run's placeholder answer: it plans the rewrite.
  if (now === entry.w || !doc.body) {
    const content = doc.body?.content ?? [];
    const last = content[content.length - 1]?.endIndex ?? 2;
    const requests: unknown[] = [];
    // Everything but the body's final newline, which cannot be deleted; that paragraph is then made plain, like a new doc's.
    if (last - 1 > 1) requests.push({ deleteContentRange: { range: { startIndex: 1, endIndex: last - 1 } } });
    requests.push({ deleteParagraphBullets: { range: { startIndex: 1, endIndex: 2 } } });
    requests.push({ updateParagraphStyle: { range: { startIndex: 1, endIndex: 2 }, paragraphStyle: { namedStyleType: 'NORMAL_TEXT' }, fields: 'namedStyleType' } });
    requests.push(...docRequests(plan));
    return { mode: 'rewrite', requests, ...none, updated: lines.length };
  }
  const byKey = new Map(lines.map((l) => [l.key, l]));
  const recorded = entry.e;
  if (!recorded) {
    // No per-paragraph record (it did not fit its cell): the edited doc is kept whole.
    return { mode: 'patch', requests: [], ...none, edited: [{ label: 'the whole doc (no per-paragraph record)', now: '' }] };
  }
  const replace: { para: DocParagraph; text: string }[] = [];
  const found = new Map<string, DocParagraph>();
  const edited: DocRefresh['edited'] = [];
  const keptAsIs: string[] = [];
  let cursor = 0;
  for (const [key, old] of recorded) {
    const line = byKey.get(key);
    const want = line ? textHash(line.text) : null;
    // In order: the next paragraph still holding what the tool wrote there (or already the new text).
    let j = cursor;
    while (j < paras.length && paras[j]!.hash !== old && paras[j]!.hash !== want) j++;
    if (j < paras.length) {
      cursor = j + 1;
      found.set(key, paras[j]!);
      if (line && want !== null && paras[j]!.hash === old && want !== old) replace.push({ para: paras[j]!, text: line.text });
    } else if (line && want !== old) edited.push({ label: line.label, now: line.text });
    else if (line) keptAsIs.push(line.label);
  }
  const known = new Set(recorded.map(([k]) => k));
  const { inserts, notAdded } = additions(lines, known, found, plan);
  const removals = goneSections(recorded, byKey, found, paras);
  // From the end of the doc backwards, so each index is still where the read found it (an addition after a
  // paragraph goes before that paragraph's own rewrite, which only touches what comes before it).
  const edits = [
    ...replace.map(({ para, text }) => ({ at: para.start, requests: [
      ...(para.end > para.start ? [{ deleteContentRange: { range: { startIndex: para.start, endIndex: para.end } } }] : []),
      { insertText: { location: { index: para.start }, text } },
    ] })),
    ...inserts,
    ...removals,
  ];
  const requests = edits.sort((a, b) => b.at - a.at).flatMap((e) => e.requests);
  return { mode: 'patch', requests, updated: replace.length, added: lines.filter((l) => !known.has(l.key)).length - notAdded.length, edited, notAdded, keptAsIs };
}

/**
 * Lines new in this package, each run of them typed after the paragraph of the line before it (as a person presses
 * Enter at its end): a new bullet after the last one keeps the list; a new section gets its heading and plain
 * paragraphs. Lines that cannot be placed (table cells, or after a table cell) are reported instead.
 */
function additions(lines: PlanLine[], known: Set<string>, found: Map<string, DocParagraph>, plan: DocPlan): { inserts: { at: number; requests: unknown[] }[]; notAdded: { label: string; now: string }[] } {
  const inserts: { at: number; requests: unknown[] }[] = [];
  const notAdded: { label: string; now: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (known.has(lines[i]!.key)) continue;
    const run: PlanLine[] = [];
    while (i < lines.length && !known.has(lines[i]!.key)) run.push(lines[i++]!);
    i--;
    const before = lines[lines.indexOf(run[0]!) - 1];
    const anchor = before ? found.get(before.key) : undefined;
    const whole = wholeSections(run, lines);
    // (Sections of text only are typed in below, as before, with no empty paragraph left after them.)
    if (whole && whole.some((k) => plan.sections[k]?.table) && anchor && !anchor.inTable && before!.kind !== 'c') {
      // New whole sections (a table too: the commitments agreed at the QBR) go in as a fresh fill writes them, into an
      // empty paragraph typed after the one before them; that paragraph is made plain first (it takes the style of the one before).
      const at = anchor.end + 1;
      inserts.push({ at: anchor.end, requests: [
        { insertText: { location: { index: anchor.end }, text: '\n' } },
        { deleteParagraphBullets: { range: { startIndex: at, endIndex: at + 1 } } },
        { updateParagraphStyle: { range: { startIndex: at, endIndex: at + 1 }, paragraphStyle: { namedStyleType: 'NORMAL_TEXT' }, fields: 'namedStyleType' } },
        ...sectionRequests(whole.map((k) => plan.sections[k]!), at),
      ] });
      continue;
    }
    const placeable = run.filter((l) => l.kind === 'h' || l.kind === 'p' || l.kind === 'b');
    notAdded.push(...run.filter((l) => !placeable.includes(l)).map((l) => ({ label: l.label, now: l.text })));
    if (!anchor || anchor.inTable || placeable.length === 0 || before!.kind === 'c') {
      notAdded.push(...placeable.map((l) => ({ label: l.label, now: l.text })));
      continue;
    }
    const requests: unknown[] = [{ insertText: { location: { index: anchor.end }, text: `\n${placeable.map((l) => l.text).join('\n')}` } }];
    // New bullets right after a bullet stay in its list, as typed; anything else is styled like a fresh fill.
    if (!(before!.kind === 'b' && placeable.every((l) => l.kind === 'b'))) {
      let at = anchor.end + 1;
      const first = at;
      const styled = placeable.map((l) => { const r = { startIndex: at, endIndex: at + l.text.length + 1, line: l }; at = r.endIndex; return r; });
      requests.push({ deleteParagraphBullets: { range: { startIndex: first, endIndex: at } } });
      for (const r of styled) requests.push({ updateParagraphStyle: { range: { startIndex: r.startIndex, endIndex: r.endIndex }, paragraphStyle: { namedStyleType: r.line.kind === 'h' ? 'HEADING_1' : 'NORMAL_TEXT' }, fields: 'namedStyleType' } });
      // One list per run of bullets (a range over a heading would make the heading a bullet too).
      styled.forEach((r, k) => {
        if (r.line.kind !== 'b' || styled[k - 1]?.line.kind === 'b') return;
        let e = k;
        while (styled[e + 1]?.line.kind === 'b') e++;
        requests.push({ createParagraphBullets: { range: { startIndex: r.startIndex, endIndex: styled[e]!.endIndex }, bulletPreset: 'BULLET_DISC_CIRCLE_SQUARE' } });
      });
    }
    inserts.push({ at: anchor.end, requests });
  }
  return { inserts, notAdded };
}

/** The sections `run` holds every line of, starting with a heading, in order; null when it holds part of one. */
function wholeSections(run: PlanLine[], lines: PlanLine[]): number[] | null {
  if (run[0]?.kind !== 'h') return null;
  const sections = [...new Set(run.map((l) => l.section))];
  if (sections.some((x) => x === undefined)) return null;
  const inRun = new Set(run);
  return lines.every((l) => !sections.includes(l.section) || inRun.has(l)) ? (sections as number[]) : null;
}

/**
 * Sections of the last package that this one no longer has (the open actions a recorded QBR now shows as agreed and
 * carried over), deleted whole — heading, text and table — when the doc still holds exactly what the tool wrote in
 * them and nothing the user typed in between; a section the user touched, or the doc's last one, stays.
 */
function goneSections(recorded: [string, string][], byKey: Map<string, PlanLine>, found: Map<string, DocParagraph>, paras: DocParagraph[]): { at: number; requests: unknown[] }[] {
  const sectionOf = (key: string) => (/^([^.]+)\./.exec(key)?.[1] ?? null);
  const live = new Set([...byKey.keys()].map(sectionOf));
  const groups = new Map<string, [string, string][]>();
  for (const entry of recorded) {
    const sec = sectionOf(entry[0]);
    if (sec && !live.has(sec)) groups.set(sec, [...(groups.get(sec) ?? []), entry]);
  }
  const out: { at: number; requests: unknown[] }[] = [];
  for (const entries of groups.values()) {
    const at = entries.map(([k, old]) => { const p = found.get(k); return p && p.hash === old ? paras.indexOf(p) : -1; });
    if (at.some((i) => i < 0) || !entries[0]![0].endsWith('.h')) continue;
    const first = at[0]!;
    const last = Math.max(...at);
    const next = paras[last + 1];
    const mine = new Set(at);
    if (!next || paras.slice(first, last + 1).some((p, i) => !mine.has(first + i) && p.text.trim() !== '')) continue;
    out.push({ at: paras[first]!.start, requests: [{ deleteContentRange: { range: { startIndex: paras[first]!.start, endIndex: next.start } } }] });
  }
  return out;
}
