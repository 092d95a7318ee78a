/** The Google-hosted tracker: read in two calls (tabs, then one batchGet), and the write-back state kept between accounts. */
import type { Workbook } from '../core/tracker/workbook';
import { normalizeName } from '../core/tracker/schema';
import type { Effect, Executor } from './execute';
import { actionsAppend, addSheetCall, qbrLogWrite, trackerBatchGet, trackerReadCalls, trackerWriteCall, valueRangesToWorkbook, type ActionRow, type QbrLogRow, type ValueWrite } from './sheets';
import type { ApiCall } from './types';

export interface SheetInfo {
  sheetId: number;
  title: string;
  charts: { chartId: number; anchorRow: number | null }[];
}

export interface GoogleTracker {
  spreadsheetId: string;
  sheets: SheetInfo[];
  workbook: Workbook;
}

/** One QBR Log row as written by the tool: the cells of its columns, found by header under any title row. */
export interface LogRecord {
  accountId: string;
  qbrDate: unknown;
  deckUrl: string;
  docUrl: string;
  draftId: string;
  /** Calendar event ids, `, `-joined (the holds this QBR has). */
  eventIds: string;
  generatedAt: string;
  /** The key figures JSON of the package logged in this row ('' when an older run wrote it). */
  keyFigures: string;
  /** The deck record JSON (what the fill wrote per element) of the package logged in this row ('' when none). */
  deckRecord: string;
  /** The Doc Record JSON (what the tool last wrote in each Doc; '' when an older run wrote the row). */
  docRecord: string;
}

/** The tracker's QBR Log rows (empty when there is no such tab): what the re-run and the manager view read. */
export function qbrLogRecords(tracker: GoogleTracker | null): LogRecord[] {
  const sheet = tracker ? findSheet(tracker, 'QBR Log') : null;
  if (!tracker || !sheet) return [];
  const rows = rowsOf(tracker, sheet.title);
  const at = headerIndex(rows);
  const header = (rows[at] ?? []).map((c) => normalizeName(String(c ?? '')));
  const cell = (r: unknown[], name: string) => (header.indexOf(name) >= 0 ? r[header.indexOf(name)] : undefined);
  const text = (v: unknown) => String(v ?? '').trim();
  return rows.slice(at + 1).filter((r) => text(cell(r, 'accountid')) !== '').map((r) => ({
    accountId: text(cell(r, 'accountid')), qbrDate: cell(r, 'qbrdate'), deckUrl: text(cell(r, 'deckurl')),
    docUrl: text(cell(r, 'docurl')), draftId: text(cell(r, 'draftid')), eventIds: text(cell(r, 'eventids')), generatedAt: text(cell(r, 'generatedat')),
    keyFigures: text(cell(r, 'keyfigures')), deckRecord: text(cell(r, 'deckrecord')), docRecord: text(cell(r, 'docrecord')),
  }));
}

/** `https://docs.google.com/spreadsheets/d/<id>/edit#gid=0` or a bare id → the id; anything else → null. */
export function spreadsheetIdOf(input: string): string | null {
  const url = /\/spreadsheets\/d\/([a-zA-Z0-9_-]{10,})/.exec(input);
  if (url) return url[1]!;
  return /^[a-zA-Z0-9_-]{20,}$/.test(input) ? input : null;
}

export function* readGoogleTracker(exec: Executor, spreadsheetId: string): Effect<GoogleTracker> {
  const [meta] = trackerReadCalls(spreadsheetId);
  // The chart tab's charts are listed too, so a re-run can replace an account's charts rather than add more.
  const withCharts: ApiCall = { ...meta!, params: { ...meta!.params, fields: 'properties.title,sheets(properties(sheetId,title),charts(chartId,position))' } };
  const got = (yield* exec.run(withCharts)) as { sheets?: { properties?: { sheetId?: number; title?: string }; charts?: { chartId?: number; position?: { overlayPosition?: { anchorCell?: { rowIndex?: number } } } }[] }[] };
  const sheets: SheetInfo[] = (got.sheets ?? []).map((s) => ({
    sheetId: s.properties?.sheetId ?? 0,
    title: s.properties?.title ?? '',
    charts: (s.charts ?? []).map((c) => ({ chartId: c.chartId ?? 0, anchorRow: c.position?.overlayPosition?.anchorCell?.rowIndex ?? null })),
  }));
  const titles = sheets.map((s) => s.title);
  const values = titles.length > 0 ? yield* exec.run(trackerBatchGet(spreadsheetId, titles)) : { valueRanges: [] };
  return { spreadsheetId, sheets, workbook: valueRangesToWorkbook(values as { valueRanges?: { values?: unknown[][] }[] }, titles) };
}

/** The tab whose name matches (SPEC §2 matching), or null. */
export function findSheet(tracker: GoogleTracker, name: string): SheetInfo | null {
  return tracker.sheets.find((s) => normalizeName(s.title) === normalizeName(name)) ?? null;
}

export function rowsOf(tracker: GoogleTracker, title: string): unknown[][] {
  return tracker.workbook.tabs.find((t) => t.name === title)?.rows ?? [];
}

/**
 * The QBR Log and Actions write-back of one account, in ONE values.batchUpdate. The local copy of both tabs is
 * updated afterwards, so the next account's upsert sees this account's row (one run, many accounts).
 */
export function* writeBack(exec: Executor, tracker: GoogleTracker, log: QbrLogRow, actions: ActionRow[]): Effect<void> {
  const logTitle = yield* ensureSheet(exec, tracker, 'QBR Log');
  const writes: ValueWrite[] = [...qbrLogWrite({ ...tabState(tracker, logTitle), row: log })];
  const actionsSheet = findSheet(tracker, 'Actions');
  if (actionsSheet && actions.length > 0) writes.push(...actionsAppend({ ...tabState(tracker, actionsSheet.title), actions }));
  yield* writeValues(exec, tracker, writes);
}

/** Writes in ONE values.batchUpdate (RAW), mirrored into the local rows so later writes of the run see them. */
export function* writeValues(exec: Executor, tracker: GoogleTracker, writes: ValueWrite[]): Effect<void> {
  if (writes.length === 0) return;
  yield* exec.run(trackerWriteCall(tracker.spreadsheetId, writes));
  for (const w of writes) applyLocally(tracker, w);
}

export function* ensureSheet(exec: Executor, tracker: GoogleTracker, name: string): Effect<string> {
  const found = findSheet(tracker, name);
  if (found) return found.title;
  const reply = (yield* exec.run(addSheetCall(tracker.spreadsheetId, name))) as { replies?: { addSheet?: { properties?: { sheetId?: number; title?: string } } }[] };
  const props = reply.replies?.[0]?.addSheet?.properties;
  tracker.sheets.push({ sheetId: props?.sheetId ?? 0, title: props?.title ?? name, charts: [] });
  tracker.workbook.tabs.push({ name: props?.title ?? name, rows: [] });
  return props?.title ?? name;
}

export function tabState(tracker: GoogleTracker, title: string) {
  const rows = rowsOf(tracker, title);
  const header = rows[headerIndex(rows)] ?? [];
  return { sheetTitle: title, headers: header.map((c) => (c === null || c === undefined ? '' : String(c))), existingRows: rows };
}

/**
 * The header row of a tab the tool writes to: the first of the top rows with an "Account ID" column (SPEC §2 lets
 * a title sit above the headers), else the first non-empty row; -1 for an empty tab.
 */
export function headerIndex(rows: unknown[][]): number {
  const top = rows.slice(0, 10);
  const withId = top.findIndex((r) => r.some((c) => typeof c === 'string' && normalizeName(c) === 'accountid'));
  return withId >= 0 ? withId : top.findIndex((r) => r.some((c) => c !== null && c !== undefined && c !== ''));
}

/** Mirrors a write into the local rows: `'QBR Log'!A5:H5` → rows[4], cells from column A (null = unchanged). */
function applyLocally(tracker: GoogleTracker, w: ValueWrite): void {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]+)(\d+)/.exec(w.range);
  if (!m) return;
  const title = (m[1] ?? m[2] ?? '').replace(/''/g, "'");
  const tab = tracker.workbook.tabs.find((t) => t.name === title);
  if (!tab) return;
  const col = [...m[3]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(m[4]) - 1;
  w.values.forEach((cells, i) => {
    const row = (tab.rows[top + i] ??= []);
    cells.forEach((v, j) => {
      if (v !== null) row[col + j] = v;
    });
  });
  for (let r = 0; r < tab.rows.length; r++) tab.rows[r] ??= [];
}
