/**
 * Refresh in place (SPEC §4.4): the deck the QBR Log points at gets the new numbers where the CSM left ours alone —
 * chart tab numbers rewritten only when they moved, then ONE revision-guarded Slides batch (none when nothing moved).
 */
import type { AccountReview } from '../core/analysis/types';
import type { IsoDate } from '../core/dates';
import type { QbrPackage } from '../core/package/types';
import { ApiError, type Effect } from './execute';
import type { AccountRunState } from './run-state';
import { CHART_ROWS, chartCellsRequest, chartSheetRequests, fillCall, fillRequests, readCall, readTemplate, type ChartSource, type RestPresentation, type WrittenElement } from './slides';
import { elementLabel, holdsValues, refreshRequests, type CellRef, type RefreshPlan } from './slides/refresh';
import { findSheet, rowsOf } from './tracker-io';
import type { GoogleRun } from './package-run';

export const CHART_TAB = 'QBR Charts';
/** Google Sheets refuses a cell of more than 50,000 characters. */
export const CELL_LIMIT = 50_000;

/** What a deck's fill (or refresh) wrote, kept in the QBR Log's Deck Record column. */
export interface DeckRecord { deckId: string; qbrDate: IsoDate; elements: WrittenElement[] }

/** What a refresh did, element by element, with each element's slide number in the deck as it is now (null: its slide is gone). */
export interface RefreshReport {
  /** Elements the CSM edited: kept; `now` is what the tracker says for the values that moved ('' when none moved). */
  edited: { slide: number | null; label: string; now: string }[];
  /** Elements the CSM deleted: they stay deleted. */
  deleted: { slide: number | null; label: string }[];
  /** Values rewritten in elements the CSM left alone. */
  rewritten: { slide: number | null; label: string; from: string; to: string }[];
  /** Recorded elements left as they are for a reason other than the CSM's edit (a table whose rows changed, say). */
  kept: { slide: number | null; label: string; why: string }[];
  chartsRefreshed: number;
  /** Slides batchUpdates sent (0 when nothing moved). */
  writes: number;
}

/** The Deck Record cell back; anything unreadable, or a record of another deck, is no record (a fresh package, said why). */
export function deckRecordOf(text: string, deckId: string | null): DeckRecord | null {
  if (!text || !deckId) return null;
  try {
    const r = JSON.parse(text) as Partial<DeckRecord>;
    if (r.deckId !== deckId || !Array.isArray(r.elements)) return null;
    const strings = (rows: unknown) => Array.isArray(rows) && rows.every((r) => Array.isArray(r) && r.every((c) => typeof c === 'string'));
    const ok = r.elements.every((e) => e && typeof e.objectId === 'string' && (e.kind === 'chart' ? typeof e.chartId === 'number'
      : e.kind === 'table' ? Number.isInteger(e.firstRow) && Array.isArray(e.columns) && e.columns.every(Number.isInteger) && strings(e.rows) && (e.colours === undefined || strings(e.colours))
        : e.kind === 'text' && Array.isArray(e.values) && e.values.every((v) => typeof v?.token === 'string' && typeof v?.text === 'string')));
    return ok ? (r as DeckRecord) : null;
  } catch {
    return null;
  }
}

/**
 * The record as the QBR Log cell takes it. Too big for a cell: without its tables (a refresh then leaves them as they
 * are, `tables: false`), else null (a re-run makes a fresh deck).
 */
export function deckRecordCell(record: DeckRecord): { text: string; tables: boolean } | null {
  const text = JSON.stringify(record);
  if (text.length <= CELL_LIMIT) return { text, tables: true };
  const lighter = JSON.stringify({ ...record, elements: record.elements.filter((e) => e.kind !== 'table') });
  return lighter.length <= CELL_LIMIT ? { text: lighter, tables: false } : null;
}

/**
 * Refreshes the deck `deckId` in place. Returns null (and says why in `warnings`) when it cannot: the deck is gone or
 * not ours to open — the caller then makes a fresh package.
 */
export function* refreshDeck(review: AccountReview, pkg: QbrPackage, st: AccountRunState, g: GoogleRun, previous: DeckRecord, warnings: string[]): Effect<{ record: WrittenElement[]; report: RefreshReport } | null> {
  const deckId = previous.deckId;
  st.deckId = deckId;
  st.deckRefresh ??= {};
  g.save();
  // A deck in the trash still opens in Slides: Drive says whether the CSM threw it away.
  const file = (yield* g.exec.run({ id: 'drive.files.get', params: { fileId: deckId, fields: 'trashed', supportsAllDrives: true }, note: 'Is the deck still there (not in the trash)?', fallback: { on: [403, 404] } })) as { trashed?: boolean } | null;
  if (file?.trashed) return gone(st, g, warnings, deckId, 'is in the trash');
  const read = { ...readCall(deckId), note: 'Read the deck as the CSM left it before refreshing its numbers', fallback: { on: [403, 404] } };
  let current = file ? ((yield* g.exec.run(read)) as RestPresentation | null) : null;
  if (!current) return gone(st, g, warnings, deckId);

  // The new fill's record, built against the template: a Drive copy keeps its template's object ids.
  // Read once per run: every account of a book refreshes against the same template.
  const key = `refreshTemplate:${g.templateId}`;
  const template = g.exec.value<RestPresentation>(key) ?? ((yield* g.exec.run({ ...readCall(g.templateId), note: 'Read the template to know where each value goes' })) as RestPresentation);
  g.exec.set(key, template);
  const model = readTemplate(template);
  const charts = yield* refreshChartNumbers(review, pkg, g, warnings);
  const next = fillRequests(model, pkg.deck!, { charts: charts.sources, extraTokens: { csm: review.people.csm ?? '', champion: review.people.champion ?? '', qbr_date: pkg.qbrDate } }).written;
  const opts = charts.rewritten ? { refreshCharts: true } : {};
  const known = new Set(next.map((e) => e.objectId));
  const foreign = previous.elements.filter((e) => e.kind !== 'chart' && !known.has(e.objectId)).length;
  if (foreign * 2 > previous.elements.length) warnings.push('The template changed since this deck was made, so most of its elements are left as they are; regenerate from scratch (qbr generate --google --regenerate) for the new design');

  let plan: RefreshPlan | null = null;
  let writes = 0;
  for (let attempt = 0; ; attempt++) {
    const mark = st.deckRefresh;
    // A batch whose answer was lost (or a run killed after it) is in the deck already: never send it twice.
    if (mark.revisionId && current.revisionId !== mark.revisionId && holdsValues(next.filter((e) => mark.objectIds?.includes(e.objectId)), current)) {
      // Sent by this run (its plan is the report) or by one that died: then only what the deck shows now is known.
      if (plan) writes++;
      plan ??= refreshRequests(next, next, current);
      break;
    }
    plan = refreshRequests(previous.elements, next, current, opts);
    if (plan.requests.length === 0) break;
    st.deckRefresh = { revisionId: current.revisionId ?? '', objectIds: [...new Set(plan.rewritten.map((r) => r.objectId))] };
    g.save();
    try {
      yield* g.exec.run({ ...fillCall(deckId, plan.requests, current.revisionId), note: `Refresh the deck's numbers in place: ${plan.requests.length} requests in one batch` });
      writes++;
      break;
    } catch (e) {
      // 400 with a revision: the deck changed since the read (the CSM is editing it, or a lost answer's batch landed).
      if (!(e instanceof ApiError) || e.status !== 400 || !current.revisionId || attempt > 0) throw e;
    }
    current = (yield* g.exec.run(read)) as RestPresentation | null;
    if (!current) return gone(st, g, warnings, deckId);
  }
  st.deckRefresh = {};
  st.deckFilled = true;
  g.save();
  return { record: next, report: reportOf(plan, previous.elements, next, model, current, writes) };
}

function gone(st: AccountRunState, g: GoogleRun, warnings: string[], deckId: string, why = 'could not be opened (deleted, or not reachable with this sign-in)'): null {
  warnings.push(`The deck the QBR Log points at (${deckId}) ${why}, so a new deck was made`);
  delete st.deckId;
  delete st.deckRefresh;
  g.save();
  return null;
}

/**
 * The account's chart tab numbers rewritten when they moved (one spreadsheets.batchUpdate: cells, then each chart's
 * spec so its ranges and title follow), never re-added: the deck's linked charts point at these chart ids.
 */
function* refreshChartNumbers(review: AccountReview, pkg: QbrPackage, g: GoogleRun, warnings: string[]): Effect<{ sources: Record<string, ChartSource>; rewritten: boolean }> {
  const sheet = g.tracker ? findSheet(g.tracker, CHART_TAB) : null;
  if (!g.tracker || !sheet) return { sources: {}, rewritten: false };
  const tracker = g.tracker;
  const rows = rowsOf(tracker, sheet.title);
  const own = rows.findIndex((r) => typeof r?.[0] === 'string' && r[0].startsWith(`${review.id} · `));
  if (own < 0) return { sources: {}, rewritten: false };
  const plan = chartSheetRequests(pkg.deck!, { sheetId: sheet.sheetId, sheetTitle: sheet.title, accountId: review.id, startRow: own + 1 });
  const sources: Record<string, ChartSource> = {};
  const specs: object[] = [];
  plan.chartKeys.forEach((key, i) => {
    const chart = sheet.charts.find((c) => c.anchorRow === own + i * CHART_ROWS);
    if (!chart) {
      warnings.push(`Chart ${key} is new since the deck was made and cannot be added in place; regenerate from scratch to get it`);
      return;
    }
    sources[key] = { spreadsheetId: tracker.spreadsheetId, chartId: chart.chartId };
    const spec = (plan.addCharts[i] as { addChart: { chart: { spec: object } } }).addChart.chart.spec;
    specs.push({ updateChartSpec: { chartId: chart.chartId, spec } });
  });
  const cell = (v: unknown) => (v === null || v === undefined ? '' : v);
  const moved = plan.values.values.some((r, i) => r.some((v, j) => cell(rows[own + i]?.[j]) !== cell(v)));
  if (!moved || specs.length === 0) return { sources, rewritten: false };
  yield* g.exec.run({
    id: 'sheets.spreadsheets.batchUpdate', params: { spreadsheetId: tracker.spreadsheetId },
    body: { requests: [chartCellsRequest(plan, sheet.sheetId, own + 1), ...specs] },
    note: `Chart numbers for ${review.id} moved: rewrite them (the linked charts keep their ids)`,
  });
  plan.values.values.forEach((r, i) => (rows[own + i] = r));
  return { sources, rewritten: true };
}

/** The plan in the CSM's terms: slide numbers as the deck is now, elements by a name they recognise. */
function reportOf(plan: RefreshPlan, previous: WrittenElement[], next: WrittenElement[], model: ReturnType<typeof readTemplate>, deck: RestPresentation, writes: number): RefreshReport {
  const slideOfElement = new Map<string, string>();
  for (const s of model.slides) {
    for (const id of [...s.elements.map((e) => e.objectId), ...s.charts.map((c) => c.objectId), ...s.rowTables.map((t) => t.objectId)]) slideOfElement.set(id, s.objectId);
  }
  const numberOf = new Map<string, number>();
  (deck.slides ?? []).forEach((s, i) => {
    numberOf.set(s.objectId ?? '', i + 1);
    const walk = (els: { objectId?: string; elementGroup?: { children?: unknown[] } }[] = []) => els.forEach((e) => {
      if (e.objectId) numberOf.set(e.objectId, i + 1);
      walk(e.elementGroup?.children as typeof els);
    });
    walk(s.pageElements as never);
  });
  const slide = (objectId: string) => numberOf.get(objectId) ?? numberOf.get(slideOfElement.get(objectId) ?? '') ?? null;
  const byId = new Map([...previous, ...next].map((e) => [e.objectId, e]));
  const label = (objectId: string, cell?: CellRef) => {
    if (cell) return `table row "${cell.name}", column ${cell.column + 1}`;
    const e = byId.get(objectId);
    return e ? elementLabel(e) : objectId;
  };
  return {
    edited: plan.edited.map((e) => ({ slide: slide(e.objectId), label: label(e.objectId, e.cell), now: e.moved.map((m) => m.to).filter(Boolean).join(', ') })),
    deleted: deletedOf(plan, slideOfElement, slide, label, [...previous, ...next]),
    rewritten: plan.rewritten.map((e) => ({ slide: slide(e.objectId), label: label(e.objectId, e.cell), from: e.from, to: e.to })),
    kept: plan.skipped.map((e) => ({ slide: slide(e.objectId), label: label(e.objectId), why: e.why })),
    chartsRefreshed: plan.requests.filter((r) => 'refreshSheetsChart' in r).length * Math.min(writes, 1),
    writes,
  };
}

/** Deleted elements; a whole deleted slide is one entry, named by the title we wrote on it. */
function deletedOf(plan: RefreshPlan, slideOfElement: Map<string, string>, slide: (id: string) => number | null, label: (id: string) => string, record: WrittenElement[]): RefreshReport['deleted'] {
  const out: RefreshReport['deleted'] = [];
  const slidesGone = new Set<string>();
  for (const e of plan.deleted) {
    const n = slide(e.objectId);
    if (n !== null) { out.push({ slide: n, label: label(e.objectId) }); continue; }
    const page = slideOfElement.get(e.objectId) ?? e.objectId;
    if (slidesGone.has(page)) continue;
    slidesGone.add(page);
    const title = record.find((r) => r.kind === 'text' && slideOfElement.get(r.objectId) === page && r.values.some((v) => /^\{\{\s*title\s*\}\}$/i.test(v.token)));
    const text = title?.kind === 'text' ? title.values.find((v) => /^\{\{\s*title\s*\}\}$/i.test(v.token))?.text : undefined;
    out.push({ slide: null, label: text ? `the whole slide "${text}"` : 'a whole slide' });
  }
  return out;
}

/** The report's lines for the CSM: each edited element whose numbers moved (they may be stale now), one line each. */
export function editedLines(report: RefreshReport): string[] {
  return report.edited.filter((e) => e.now !== '').map((e) => `${e.slide ? `Slide ${e.slide}` : 'A deleted slide'}, ${e.label}: you edited this, so it was kept; the tracker now says ${e.now}`);
}
