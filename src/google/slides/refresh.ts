/**
 * Refresh in place, planned (SPEC §4.4): from what the last fill wrote per element, what the new fill would write, and
 * the deck as it is now, the requests that put the new numbers only where the user left ours alone. The run
 * (deck-refresh.ts) reads, calls this and sends one guarded batch.
 */
import type { WrittenElement } from './fill';
import { rgb } from './theme';

/* The parts of a REST presentation this looks at. */
interface RestText { textElements?: { textRun?: { content?: string }; autoText?: { content?: string } }[] }
interface RestCell { location?: { rowIndex?: number; columnIndex?: number }; text?: RestText }
interface RestElement { objectId?: string; shape?: { text?: RestText }; table?: { tableRows?: { tableCells?: RestCell[] }[] }; sheetsChart?: { chartId?: number }; elementGroup?: { children?: RestElement[] } }
export interface RefreshDeck { revisionId?: string; slides?: { objectId?: string; pageElements?: RestElement[] }[] }

/** A cell of a row table: 0-based row of the data and column of the record, named by the row's first cell. */
export interface CellRef { row: number; column: number; name: string }

export interface RefreshPlan {
  requests: object[];
  /** Elements (or table cells) whose recorded text the user changed: kept as they are, reported with what the tracker says now. */
  edited: { slide: string; objectId: string; now: string[]; moved: { from: string; to: string }[]; cell?: CellRef }[];
  /** Elements the user deleted: they stay deleted. */
  deleted: { slide: string; objectId: string }[];
  /** Values that moved, in elements (or table cells) the user left alone (rewritten by `requests`). */
  rewritten: { slide: string; objectId: string; from: string; to: string; cell?: CellRef }[];
  /** Recorded elements this plan cannot place (a table cell, a value that was empty): left as they are, reported. */
  skipped: { slide: string; objectId: string; why: string }[];
}

const textOf = (t: RestText | undefined) => (t?.textElements ?? []).map((e) => e.textRun?.content ?? e.autoText?.content ?? '').join('');

function elementsOf(deck: RefreshDeck): Map<string, RestElement> {
  const out = new Map<string, RestElement>();
  const walk = (els: RestElement[] = []) => els.forEach((e) => {
    if (e.objectId) out.set(e.objectId, e);
    walk(e.elementGroup?.children);
  });
  for (const s of deck.slides ?? []) walk(s.pageElements);
  return out;
}

/**
 * `previous`: the record of the fill that made the deck; `next`: the same template filled with today's package
 * (object ids match: a copy keeps its template's ids). A shape still holding every value we wrote is ours: each
 * moved value is replaced by deleting exactly its range and inserting the new text there (the run's style is kept).
 * A shape missing one of our values was edited: untouched. Linked charts still in the deck are refreshed.
 * An empty list of requests means nothing to send (a refresh with nothing moved makes no write call).
 * Charts are refreshed when `opts.refreshCharts`, else when any text moved.
 */
export function refreshRequests(previous: readonly WrittenElement[], next: readonly WrittenElement[], deck: RefreshDeck, opts: { refreshCharts?: boolean } = {}): RefreshPlan {
  const plan: RefreshPlan = { requests: [], edited: [], deleted: [], rewritten: [], skipped: [] };
  const now = elementsOf(deck);
  const nextText = new Map(next.filter((e) => e.kind === 'text').map((e) => [e.objectId, e]));
  const nextTable = new Map(next.filter((e) => e.kind === 'table').map((e) => [e.objectId, e]));
  for (const old of previous) {
    if (old.kind === 'chart') continue;
    const el = now.get(old.objectId);
    if (!el) { plan.deleted.push({ slide: old.slide, objectId: old.objectId }); continue; }
    if (old.kind === 'table') { planTable(plan, old, nextTable.get(old.objectId), el); continue; }
    const fresh = nextText.get(old.objectId);
    if (!fresh || fresh.kind !== 'text') { plan.skipped.push({ slide: old.slide, objectId: old.objectId, why: 'the new package has nothing for it' }); continue; }
    if (!el.shape) { plan.skipped.push({ slide: old.slide, objectId: old.objectId, why: 'not a shape (a table is refreshed by rows, not yet)' }); continue; }
    const text = textOf(el.shape.text);
    // Our values in order, each after the one before: the shape is ours only if all are still where we put them.
    const spans: { start: number; from: string; to: string }[] = [];
    let at = 0;
    let intact = true;
    old.values.forEach((v, i) => {
      const to = fresh.values[i]?.token === v.token ? fresh.values[i]!.text : null;
      if (v.text === '') {
        if (to) plan.skipped.push({ slide: old.slide, objectId: old.objectId, why: `${v.token} was empty, so where it goes is unknown` });
        return;
      }
      const start = text.indexOf(v.text, at);
      if (start < 0) { intact = false; return; }
      at = start + v.text.length;
      if (to !== null && to !== v.text) spans.push({ start, from: v.text, to });
    });
    if (!intact) {
      const moved = old.values.flatMap((v, i) => (fresh.values[i]?.token === v.token && fresh.values[i]!.text !== v.text ? [{ from: v.text, to: fresh.values[i]!.text }] : []));
      plan.edited.push({ slide: old.slide, objectId: old.objectId, now: fresh.values.map((v) => v.text), moved });
      continue;
    }
    // Back to front, so each range is still where it was found when its turn comes.
    for (const s of spans.reverse()) {
      plan.requests.push({ deleteText: { objectId: old.objectId, textRange: { type: 'FIXED_RANGE', startIndex: s.start, endIndex: s.start + s.from.length } } });
      if (s.to !== '') plan.requests.push({ insertText: { objectId: old.objectId, insertionIndex: s.start, text: s.to } });
      plan.rewritten.push({ slide: old.slide, objectId: old.objectId, from: s.from, to: s.to });
    }
  }
  // Linked charts: the recorded placeholder became a chart with a new object id; find it by chart id.
  const chartIds = new Set(previous.filter((e) => e.kind === 'chart').map((e) => (e.kind === 'chart' ? e.chartId : -1)));
  // By default only when something moved (the chart tab's numbers move with the text); the caller knows better when it rewrote the tab.
  const charts = opts.refreshCharts ?? plan.requests.length > 0;
  for (const [id, el] of now) {
    if (charts && el.sheetsChart?.chartId !== undefined && chartIds.has(el.sheetsChart.chartId)) plan.requests.push({ refreshSheetsChart: { objectId: id } });
  }
  return plan;
}

type TableRecord = Extract<WrittenElement, { kind: 'table' }>;
const cellText = (t: RestText | undefined) => textOf(t).replace(/\n$/, '');

/**
 * A row table cell by cell: a cell still holding what we wrote is ours (rewritten when its value moved), one that does
 * not was edited (kept, reported). Rows the tracker added go below the last one; rows it dropped are removed when the
 * user left them alone. A table whose rows the user added or removed is left as it is (reported): cell positions
 * would no longer mean what the record says.
 */
function planTable(plan: RefreshPlan, old: TableRecord, fresh: WrittenElement | undefined, el: RestElement): void {
  const skip = (why: string) => plan.skipped.push({ slide: old.slide, objectId: old.objectId, why });
  if (!fresh || fresh.kind !== 'table') return void skip('the new package has no rows for this table');
  const rows = el.table?.tableRows;
  if (!rows) return void skip('it is no longer a table');
  if (rows.length !== old.firstRow + old.rows.length) return void skip('you added or removed rows, so the table is kept as it is');
  if (old.rows.length === 0 || fresh.rows.length === 0) return void skip('the record holds no rows for it');
  if (fresh.columns.join() !== old.columns.join()) return void skip('the template shows other columns now; regenerate from scratch to get them');
  const objectId = old.objectId;
  const cells = new Map<string, string>();
  rows.forEach((r, i) => (r.tableCells ?? []).forEach((c, j) => cells.set(`${c.location?.rowIndex ?? i},${c.location?.columnIndex ?? j}`, cellText(c.text))));
  const at = (i: number, k: number) => ({ rowIndex: old.firstRow + i, columnIndex: old.columns[k]! });
  const untouched = (i: number) => old.rows[i]!.every((was, k) => (cells.get(`${at(i, k).rowIndex},${at(i, k).columnIndex}`) ?? '') === was);
  const write = (i: number, k: number, was: string, to: string) => {
    const cellLocation = at(i, k);
    // deleteText on an empty cell is an error: clear only what is there.
    if (was !== '') plan.requests.push({ deleteText: { objectId, cellLocation, textRange: { type: 'ALL' } } });
    if (to !== '') plan.requests.push({ insertText: { objectId, cellLocation, text: to, insertionIndex: 0 } });
    const colour = fresh.colours?.[i]?.[k];
    if (to !== '' && colour) plan.requests.push({ updateTextStyle: { objectId, cellLocation, textRange: { type: 'ALL' }, style: { foregroundColor: { opaqueColor: rgb(colour) } }, fields: 'foregroundColor' } });
  };
  const common = Math.min(old.rows.length, fresh.rows.length);
  for (let i = 0; i < common; i++) {
    old.rows[i]!.forEach((was, k) => {
      const to = fresh.rows[i]?.[k] ?? '';
      const cell = { row: i, column: k, name: old.rows[i]![0] || `row ${i + 1}` };
      if ((cells.get(`${at(i, k).rowIndex},${at(i, k).columnIndex}`) ?? '') !== was) {
        plan.edited.push({ slide: old.slide, objectId, now: [to], moved: to !== was ? [{ from: was, to }] : [], cell });
      } else if (to !== was) {
        write(i, k, was, to);
        plan.rewritten.push({ slide: old.slide, objectId, from: was, to, cell });
      }
    });
  }
  // Rows the tracker no longer has, bottom up so each index still points at its row; a row the user touched stays.
  for (let i = old.rows.length - 1; i >= common; i--) {
    if (!untouched(i)) { skip(`row "${old.rows[i]![0]}" is no longer in the tracker, but you edited it, so it stays`); continue; }
    plan.requests.push({ deleteTableRow: { tableObjectId: objectId, cellLocation: at(i, 0) } });
    plan.rewritten.push({ slide: old.slide, objectId, from: old.rows[i]!.join(' · '), to: '', cell: { row: i, column: 0, name: old.rows[i]![0] || `row ${i + 1}` } });
  }
  // New rows below the last one (20 per request at most); they start empty, so only insertText.
  for (let left = fresh.rows.length - common; left > 0; left -= 20) {
    plan.requests.push({ insertTableRows: { tableObjectId: objectId, cellLocation: at(common - 1, 0), insertBelow: true, number: Math.min(20, left) } });
  }
  for (let i = common; i < fresh.rows.length; i++) {
    fresh.rows[i]!.forEach((to, k) => write(i, k, '', to));
    plan.rewritten.push({ slide: old.slide, objectId, from: '', to: fresh.rows[i]!.join(' · '), cell: { row: i, column: 0, name: fresh.rows[i]![0] || `row ${i + 1}` } });
  }
}

/** Whether each recorded element still holds every value we wrote, in order (a refresh batch found applied on a re-read). */
export function holdsValues(record: readonly WrittenElement[], deck: RefreshDeck): boolean {
  const now = elementsOf(deck);
  // Table cells are rewritten whole (delete all, insert), so a second copy of them changes nothing: only shapes are checked.
  return record.every((e) => {
    if (e.kind !== 'text') return true;
    const text = textOf(now.get(e.objectId)?.shape?.text);
    let at = 0;
    return e.values.every((v) => {
      if (v.text === '') return true;
      const i = text.indexOf(v.text, at);
      at = i + v.text.length;
      return i >= 0;
    });
  });
}

const ROLE: [RegExp, string][] = [
  [/^\{\{\s*title\s*\}\}$/i, 'title'], [/^\{\{\s*subtitle\s*\}\}$/i, 'subtitle'], [/^\{\{\s*sources\s*\}\}$/i, 'source line'],
  [/^\{\{\s*confirm\s*\}\}$/i, 'to-confirm line'], [/^\{\{\s*bullets\.\d+/i, 'bullet list'], [/^\{\{\s*text\.\d+/i, 'text'],
  [/^\{\{\s*table\.\d+\.title/i, 'table title'], [/^\{\{\s*chart\.\d+\.title/i, 'chart title'], [/^\{\{\s*col\.\d+/i, 'table'],
];

/**
 * A name a CSM recognises for a recorded element: a KPI card by the label it shows (KPI "ROI"), else the role of its
 * first token ("title", "bullet list", "source line").
 */
export function elementLabel(e: WrittenElement): string {
  if (e.kind === 'chart') return 'chart';
  if (e.kind === 'table') return 'table';
  const label = e.values.find((v) => /^\{\{\s*kpi\.\d+\.label\s*\}\}$/i.test(v.token) && v.text !== '');
  if (label) return `KPI "${label.text}"`;
  if (e.values.some((v) => /^\{\{\s*kpi\.\d+/i.test(v.token))) return 'KPI card';
  for (const v of e.values) {
    const role = ROLE.find(([re]) => re.test(v.token));
    if (role) return role[1];
  }
  return e.values[0]?.token.replace(/[{}\s]/g, '') ?? 'element';
}
