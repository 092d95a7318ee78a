/**
 * Fills a copy of a template with a deck plan in ONE presentations.batchUpdate: other variants' slides deleted, row
 * templates grown to the data, charts linked, every token replaced (unknown ones by ''), speaker notes rewritten.
 */
import type { DeckPlan, SlidePlan } from '../../core/package/types';
import type { ApiCall } from '../types';
import type { TemplateModel, TemplateSlide } from './read';
import { shownColumns, tableFill } from './table-fill';
import { sanitize, substitute, type Token } from './tokens';
import { blocksOf, deckTokens, hasChartData, notesText, slideToken, type Resolved } from './values';

/** A linked chart built in the tracker's chart tab (charts.ts), or an image where a chart cannot be linked. */
export type ChartSource = { spreadsheetId: string; chartId: number } | { imageUrl: string };

export interface FillOptions {
  /** More deck-wide tokens (`csm`, `champion`, `qbr_date` …); they override deckTokens(deck). */
  extraTokens?: Record<string, string>;
  /** By `slideKey:N` (the Nth chart block of that slide). */
  charts?: Record<string, ChartSource>;
}

export interface FillResult {
  requests: object[];
  /** Tokens the language does not know (or that no deck/extra token defines), each with its slide: replaced by ''. */
  unknownTokens: string[];
  /** Deck slides no template slide is tagged for: they are not in the filled deck. */
  missingSlides: string[];
  /** Template shortcomings met while filling (columns the template row does not show, stray braces, no notes shape). */
  problems: string[];
  /**
   * What this fill wrote, element by element (SPEC §4.4): each shape's tokens and the text each became, each linked
   * chart. Kept with the package so a later refresh can tell a value the user left alone (still there, rewrite it)
   * from one they edited (keep it, report it) and an element they deleted (its object id gone: leave it gone).
   */
  written: WrittenElement[];
}

export type WrittenElement =
  | { kind: 'text'; slide: string; objectId: string; values: { token: string; text: string }[] }
  | { kind: 'chart'; slide: string; objectId: string; spreadsheetId: string; chartId: number }
  /** A row template grown to its rows: the text of each cell written, from row `firstRow`, in `columns` (tone colours as hex, '' none). */
  | { kind: 'table'; slide: string; objectId: string; firstRow: number; columns: number[]; rows: string[][]; colours?: string[][] };

interface Kept { t: TemplateSlide; plan: SlidePlan | null }

const match = (text: string) => ({ text, matchCase: true });

function chartRequest(slideId: string, raw: string, c: ChartSource): object {
  return 'imageUrl' in c
    ? { replaceAllShapesWithImage: { containsText: match(raw), pageObjectIds: [slideId], imageUrl: c.imageUrl, imageReplaceMethod: 'CENTER_INSIDE' } }
    : { replaceAllShapesWithSheetsChart: { containsText: match(raw), pageObjectIds: [slideId], spreadsheetId: c.spreadsheetId, chartId: c.chartId, linkingMode: 'LINKED' } };
}

/** The batch in the making, kept in the order the requests must run. */
interface Batch {
  deletes: object[];
  tables: object[];
  charts: object[];
  /** (raw token, replacement) → the slides where that replacement applies: one replaceAllText each. */
  texts: Map<string, { raw: string; text: string; pages: string[] }>;
  strays: string[];
  notes: object[];
  problems: string[];
  written: WrittenElement[];
}

type Resolve = (plan: SlidePlan | null, t: Token, where: string) => string;

export function fillRequests(model: TemplateModel, deck: DeckPlan, opts: FillOptions = {}): FillResult {
  const deckWide: Record<string, string> = { ...deckTokens(deck) };
  for (const [k, v] of Object.entries(opts.extraTokens ?? {})) deckWide[k.toLowerCase()] = v;
  const unknown = new Set<string>();
  const resolve: Resolve = (plan, t, where) => {
    if (/^(slide|variants|rows):/.test(t.name)) return '';
    const own: Resolved | null = plan ? slideToken(plan, t.name) : null;
    if (own && own.kind !== 'unknown') return own.text;
    if (Object.prototype.hasOwnProperty.call(deckWide, t.name)) return sanitize(deckWide[t.name]!);
    unknown.add(`${t.raw} (slide ${where})`);
    return '';
  };

  // Slides of other variants, and tagged slides this deck has no plan for, go first.
  const plans = new Map(deck.slides.map((s) => [s.key, s]));
  const batch: Batch = { deletes: [], tables: [], charts: [], texts: new Map(), strays: [], notes: [], problems: [], written: [] };
  const kept: Kept[] = [];
  for (const t of model.slides) {
    const plan = t.key === null ? null : plans.get(t.key) ?? null;
    if ((t.variants !== null && !t.variants.includes(deck.variant)) || (t.key !== null && plan === null)) batch.deletes.push({ deleteObject: { objectId: t.objectId } });
    else kept.push({ t, plan });
  }
  for (const k of kept) fillSlide(batch, k, resolve, opts);

  const texts = [...batch.texts.values()].map((r) => ({ replaceAllText: { containsText: match(r.raw), replaceText: r.text, pageObjectIds: r.pages } }));
  const cleanup = batch.strays.length > 0 ? [{ replaceAllText: { containsText: match('{{'), replaceText: '', pageObjectIds: batch.strays } }] : [];
  return {
    requests: [...batch.deletes, ...batch.tables, ...batch.charts, ...texts, ...cleanup, ...batch.notes],
    unknownTokens: [...unknown],
    missingSlides: deck.slides.map((s) => s.key).filter((k) => !kept.some((x) => x.t.key === k)),
    problems: batch.problems,
    written: batch.written,
  };
}

/** Everything one kept slide needs, added to the batch in its phase. */
function fillSlide(batch: Batch, { t, plan }: Kept, resolve: Resolve, opts: FillOptions): void {
  const where = t.key ?? t.objectId;
  // Optional slots: an element made only of references to what this slide lacks (a 5th KPI card) is removed.
  const gone = new Set<string>();
  if (plan) {
    for (const e of t.elements) {
      if (e.tokens.every((tok) => slideToken(plan, tok.name)?.kind === 'absent')) gone.add(e.objectId);
    }
    for (const rt of t.rowTables) {
      const block = blocksOf(plan, 'table')[rt.block - 1];
      if (!block) { gone.add(rt.objectId); continue; }
      if (block.columns.length > shownColumns(rt)) batch.problems.push(`${where}: table ${rt.block} shows ${shownColumns(rt)} of its ${block.columns.length} columns`);
      const table = tableFill(rt, block, (tok) => resolve(plan, tok, where));
      batch.tables.push(...table.requests);
      const colours = table.colours.some((r) => r.some(Boolean)) ? { colours: table.colours } : {};
      batch.written.push({ kind: 'table', slide: where, objectId: rt.objectId, firstRow: rt.templateRow, columns: table.columns, rows: table.rows, ...colours });
    }
    blocksOf(plan, 'table').forEach((_b, i) => {
      if (!t.rowTables.some((rt) => rt.block === i + 1)) batch.problems.push(`${where}: table ${i + 1} has no row template on this slide, so its rows are not shown`);
    });
  } else {
    for (const rt of t.rowTables) {
      gone.add(rt.objectId);
      batch.problems.push(`${where}: row template ${rt.objectId} is on an untagged slide, so no table feeds it; removed`);
    }
  }
  for (const id of t.wordArt) {
    gone.add(id);
    batch.problems.push(`${where}: word art ${id} held a token and was removed`);
  }
  for (const id of gone) batch.deletes.push({ deleteObject: { objectId: id } });

  // Charts before text: replaceAllText would otherwise turn `{{chart.N}}` into its fallback sentence first.
  const linked = new Set<string>();
  for (const c of t.charts.filter((x) => !gone.has(x.objectId))) {
    const block = plan ? blocksOf(plan, 'chart')[c.n - 1] : undefined;
    const source = plan ? opts.charts?.[`${plan.key}:${c.n}`] : undefined;
    if (!block || !source || !hasChartData(block) || linked.has(c.raw)) continue;
    linked.add(c.raw);
    batch.charts.push(chartRequest(t.objectId, c.raw, source));
    if ('chartId' in source) batch.written.push({ kind: 'chart', slide: where, objectId: c.objectId, spreadsheetId: source.spreadsheetId, chartId: source.chartId });
  }

  // Every remaining token on the slide; equal replacements across slides share one request.
  for (const e of t.elements.filter((x) => !gone.has(x.objectId))) {
    const values: { token: string; text: string }[] = [];
    for (const tok of e.tokens) {
      if (linked.has(tok.raw)) continue;
      const text = resolve(plan, tok, where);
      values.push({ token: tok.raw, text });
      const k = JSON.stringify([tok.raw, text]);
      const entry = batch.texts.get(k) ?? { raw: tok.raw, text, pages: [] };
      if (!entry.pages.includes(t.objectId)) entry.pages.push(t.objectId);
      batch.texts.set(k, entry);
    }
    if (values.length > 0) batch.written.push({ kind: 'text', slide: where, objectId: e.objectId, values });
  }
  if (t.strays > 0) {
    batch.strays.push(t.objectId);
    batch.problems.push(`${where}: ${t.strays} unclosed "{{" removed`);
  }

  // Notes: the plan's talking points and questions; an untagged slide keeps its own notes, tokens filled.
  if (!plan && !t.notesText.includes('{{')) return;
  if (t.speakerNotesObjectId === null) { batch.problems.push(`${where}: no speaker notes shape`); return; }
  const text = plan ? notesText(plan) : substitute(t.notesText, (tok) => resolve(null, tok, where));
  // deleteText on an empty notes shape is an error: clear only what is there.
  if (t.notesText !== '') batch.notes.push({ deleteText: { objectId: t.speakerNotesObjectId, textRange: { type: 'ALL' } } });
  if (text !== '') batch.notes.push({ insertText: { objectId: t.speakerNotesObjectId, text, insertionIndex: 0 } });
}

/**
 * The one batchUpdate that fills the copy. With the revision the fill was built from, Slides refuses it (400) when
 * the deck changed since that read — which is what a second copy of an already-applied fill would meet.
 */
export function fillCall(deckId: string, requests: object[], requiredRevisionId?: string): ApiCall {
  return {
    id: 'slides.presentations.batchUpdate',
    params: { presentationId: deckId },
    body: { requests, ...(requiredRevisionId ? { writeControl: { requiredRevisionId } } : {}) },
    note: `Fill the deck from its template: ${requests.length} requests in one batch`,
  };
}

/** Reads the copy once (object IDs, notes shapes, row templates) before filling it. */
export function readCall(deckId: string): ApiCall {
  return { id: 'slides.presentations.get', params: { presentationId: deckId }, note: 'Read the template copy before filling it' };
}
