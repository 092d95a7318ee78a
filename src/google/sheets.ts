/** Sheets request builders: read the whole tracker in one call, and write back the QBR Log row and new action items. */
import { parseDate, parseText } from '../core/tracker/cells';
import { normalizeName, TABS, type ColumnSpec } from '../core/tracker/schema';
import type { Cell, Workbook } from '../core/tracker/workbook';
import type { ApiCall } from './types';

/** One rectangle to write. A `null` cell is skipped by the API (ValueRange.values), so columns the tool does not own stay untouched. */
export interface ValueWrite {
  range: string;
  values: (string | number | null)[][];
}

/** One generated package, as the QBR Log records it (SPEC §2). */
export interface QbrLogRow {
  accountId: string; qbrDate: string; deckUrl: string | null; docUrl: string | null; draftId: string | null;
  eventIds: string[]; generatedAt: string; warnings: string[];
  /** The package's key figures as JSON, for the next run's change report (SPEC §4.4); the column is added only when given. */
  keyFigures?: string | null;
  /** What the deck's fill wrote per element, as JSON, for the next run's refresh in place (SPEC §4.4); the column is added only when given. */
  deckRecord?: string | null;
  /** What the tool last wrote in each Doc (doc-record.ts), for refreshing them in place; the column is added only when given. */
  docRecord?: string | null;
}

/** The QBR Log as the tool writes it: the spec's columns plus the key figures and deck/doc records the core never reads. */
const LOG_EXTRA = {
  keyFigures: { header: 'Key Figures', kind: 'text' as const },
  deckRecord: { header: 'Deck Record', kind: 'text' as const },
  docRecord: { header: 'Doc Record', kind: 'text' as const },
};

/** One action item for the Actions tab (Completion Date is left to people). */
export interface ActionRow {
  actionId: string; accountId: string; action: string; owner: string | null; side: string | null;
  dueDate: string | null; status: string | null; linkedTo: string | null;
}

/** What the write-back needs to know about a tab as it is now. */
export interface TabState {
  sheetTitle: string;
  /** The header row's cells as found in the sheet, in sheet order (any order of columns, extra columns welcome). */
  headers: string[];
  /** The tab's current values, header row included (empty for a new tab). */
  existingRows: unknown[][];
}

/** The spreadsheet's title and its tabs' ids and titles, bound as `sheets` for trackerBatchGet. */
export function trackerReadCalls(spreadsheetId: string): ApiCall[] {
  return [{
    id: 'sheets.spreadsheets.get',
    params: { spreadsheetId, fields: 'properties.title,sheets.properties(sheetId,title)' },
    bind: { sheets: 'sheets' },
    note: 'List the tracker tabs',
  }];
}

/**
 * Every tab in ONE values.batchGet (one round trip, one quota unit, one consistent snapshot of the book).
 * Unformatted values with dates as serial numbers: the core reads numbers, percents and serial dates itself,
 * so nothing depends on the sheet's locale or number formats.
 */
export function trackerBatchGet(spreadsheetId: string, sheetTitles: string[]): ApiCall {
  return {
    id: 'sheets.spreadsheets.values.batchGet',
    params: {
      spreadsheetId,
      ranges: sheetTitles.map(quoteSheet),
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
      majorDimension: 'ROWS',
    },
    note: `Read ${sheetTitles.length} tracker tabs`,
  };
}

/**
 * The batchGet answer as the core's Workbook. The API returns the value ranges in the order they were asked
 * for, so tab i is titles[i] (the returned `range` is an A1 string that would have to be parsed back).
 * Serial dates stay numbers and error cells (`#N/A`) stay their text: the core's cell parsers read both.
 */
export function valueRangesToWorkbook(response: { valueRanges?: { range?: string; values?: unknown[][] }[] }, titles: string[]): Workbook {
  const ranges = response.valueRanges ?? [];
  return {
    tabs: titles.map((name, i) => ({ name, rows: (ranges[i]?.values ?? []).map((row) => (Array.isArray(row) ? row.map(toCell) : [])) })),
  };
}

/**
 * Text for a sheet cell, unchanged. Every write goes out with `valueInputOption: 'RAW'`: the API then stores
 * strings as string values and never parses them, so `=HYPERLINK(…)`, `+1 555…`, `-3%` or `@Dana` are kept as
 * the text they are, never turned into a formula, number or person chip (SPEC §4). A leading apostrophe is NOT
 * added: that trick belongs to USER_ENTERED input, and with RAW it would be stored as a visible character.
 */
export function asText(value: string): string {
  return value;
}

/** A tab the tracker lacks (QBR Log is optional until the first write), created empty before it is written. */
export function addSheetCall(spreadsheetId: string, title: string): ApiCall {
  return {
    id: 'sheets.spreadsheets.batchUpdate',
    params: { spreadsheetId },
    body: { requests: [{ addSheet: { properties: { title } } }] },
    note: `Add the "${title}" tab`,
  };
}

/**
 * The QBR Log upsert, keyed by (Account ID, QBR Date): the matching row is overwritten, else the row goes after
 * the last non-empty row. Columns follow the sheet's own headers; missing ones are added at the end of the header
 * row (the first write, header included, when the tab is new). Event IDs are joined by `, `, warnings by `; `.
 */
export function qbrLogWrite(tab: TabState & { row: QbrLogRow }): ValueWrite[] {
  const { row } = tab;
  // An empty deck record is still written: it clears a record of an earlier fill that no longer describes the deck.
  const given = { keyFigures: Boolean(row.keyFigures), deckRecord: typeof row.deckRecord === 'string', docRecord: Boolean(row.docRecord) };
  const extra = Object.fromEntries(Object.entries(LOG_EXTRA).filter(([k]) => given[k as keyof typeof given]));
  const layout = layoutOf(tab, { ...TABS.qbrLog.columns, ...extra });
  const values: Record<string, string> = {
    accountId: row.accountId,
    qbrDate: row.qbrDate,
    deckUrl: row.deckUrl ?? '',
    docUrl: row.docUrl ?? '',
    draftId: row.draftId ?? '',
    eventIds: row.eventIds.join(', '),
    generatedAt: row.generatedAt,
    warnings: row.warnings.join('; '),
    ...(row.keyFigures ? { keyFigures: row.keyFigures } : {}),
    ...(typeof row.deckRecord === 'string' ? { deckRecord: row.deckRecord } : {}),
    ...(row.docRecord ? { docRecord: row.docRecord } : {}),
  };
  return [...layout.headerWrites, rowsWrite(tab.sheetTitle, layout.columns, logRowOf(tab, layout, row.accountId, row.qbrDate), [values])];
}

/** The QBR Log row keyed by (Account ID, QBR Date), 0-based; the row after the last one when there is none. */
function logRowOf(tab: TabState, layout: Layout, accountId: string, qbrDate: string): number {
  const idCol = layout.existing.get('accountId');
  const dateCol = layout.existing.get('qbrDate');
  if (idCol === undefined || dateCol === undefined) return layout.nextRow;
  for (let r = layout.headerRow + 1; r < tab.existingRows.length; r++) {
    const cells = (tab.existingRows[r] ?? []).map(toCell);
    const date = parseDate(cells[dateCol]);
    if (parseText(cells[idCol]) === accountId.trim() && date.ok && date.value === qbrDate) return r;
  }
  return layout.nextRow;
}

/** Every QBR Log column the tool writes: the package's and the record's (SPEC §4.5). */
const LOG_FIELDS = { ...TABS.qbrLog.columns, ...LOG_EXTRA, ...TABS.qbrRecord.columns };
export type LogField = keyof typeof LOG_FIELDS;

/**
 * Some fields of the QBR Log row keyed by (Account ID, QBR Date), the others left as they are: what a recorded QBR
 * fills (Held, Attendees, the indicators, Takeaways) or a rewritten draft's new id. Only the given fields' headers
 * are added when missing, so a record does not add the package's columns, nor the package the record's.
 */
export function logFieldsWrite(tab: TabState & { accountId: string; qbrDate: string; values: Partial<Record<LogField, string>> }): ValueWrite[] {
  const fields = ['accountId', 'qbrDate', ...Object.keys(tab.values).filter((k) => k !== 'accountId' && k !== 'qbrDate')] as LogField[];
  const layout = layoutOf(tab, Object.fromEntries(fields.map((f) => [f, LOG_FIELDS[f]])));
  const row = { ...tab.values, accountId: tab.accountId, qbrDate: tab.qbrDate } as Record<string, string>;
  return [...layout.headerWrites, rowsWrite(tab.sheetTitle, layout.columns, logRowOf(tab, layout, tab.accountId, tab.qbrDate), [row])];
}

/** One expansion path for the Opportunities tab, linked to the QBR it was surfaced at. */
export interface OpportunityRow {
  accountId: string; opportunity: string; potentialArr: number | null; sponsor: string | null; nextStep: string | null; linkedTo: string;
}

const OPPORTUNITY_FIELDS = ['accountId', 'opportunity', 'potentialArr', 'sponsor', 'nextStep', 'linkedTo'] as const;

/**
 * New opportunities after the last non-empty row (the caller has left out those the tab already lists). Only the
 * columns written get a header when missing; Potential ARR goes as a number (RAW keeps numbers numbers).
 */
export function opportunitiesAppend(tab: TabState & { opportunities: OpportunityRow[] }): ValueWrite[] {
  if (tab.opportunities.length === 0) return [];
  const spec = Object.fromEntries(OPPORTUNITY_FIELDS.map((f) => [f, TABS.opportunities.columns[f]]));
  const layout = layoutOf(tab, spec);
  const rows = tab.opportunities.map((o) => ({
    accountId: o.accountId, opportunity: o.opportunity, potentialArr: o.potentialArr ?? '', sponsor: o.sponsor ?? '', nextStep: o.nextStep ?? '', linkedTo: o.linkedTo,
  }));
  return [...layout.headerWrites, rowsWrite(tab.sheetTitle, layout.columns, layout.nextRow, rows)];
}

/**
 * The action items not yet in the Actions tab (by Action ID, so a re-run appends nothing twice), after the
 * last non-empty row, placed by the sheet's headers. Empty when there is nothing new.
 */
export function actionsAppend(tab: TabState & { actions: ActionRow[] }): ValueWrite[] {
  const layout = layoutOf(tab, TABS.actions.columns);
  const idCol = layout.existing.get('actionId');
  const seen = new Set<string>();
  if (idCol !== undefined) {
    for (let r = layout.headerRow + 1; r < tab.existingRows.length; r++) {
      const id = parseText(toCell((tab.existingRows[r] ?? [])[idCol]));
      if (id !== null) seen.add(id);
    }
  }
  const fresh: Record<string, string>[] = [];
  for (const a of tab.actions) {
    const id = a.actionId.trim();
    if (id === '' || seen.has(id)) continue;
    seen.add(id);
    fresh.push({
      actionId: id, accountId: a.accountId, action: a.action, owner: a.owner ?? '', side: a.side ?? '',
      dueDate: a.dueDate ?? '', status: a.status ?? '', linkedTo: a.linkedTo ?? '',
    });
  }
  if (fresh.length === 0) return [];
  return [...layout.headerWrites, rowsWrite(tab.sheetTitle, layout.columns, layout.nextRow, fresh)];
}

/** ONE values.batchUpdate for every write of a run, RAW so no text is ever parsed (see asText). */
export function trackerWriteCall(spreadsheetId: string, data: ValueWrite[]): ApiCall {
  return {
    id: 'sheets.spreadsheets.values.batchUpdate',
    params: { spreadsheetId },
    body: { valueInputOption: 'RAW', data: data.map((d) => ({ range: d.range, majorDimension: 'ROWS', values: d.values })) },
    note: `Write ${data.length} range${data.length === 1 ? '' : 's'} back to the tracker`,
  };
}

/** `'QBR Log'`: a sheet name as an A1 range (all its cells), quoted, with `'` doubled inside. */
export function quoteSheet(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

/** `A`, `Z`, `AA` … for a 0-based column index. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Columns of the written tabs that only people fill in. */
const USER_OWNED = ['completionDate'];

interface Layout {
  headerRow: number;
  /** Field → 0-based column, for every field the write fills (existing and added headers). */
  columns: Map<string, number>;
  /** Field → column, for headers that were already in the sheet. */
  existing: Map<string, number>;
  headerWrites: ValueWrite[];
  /** 0-based index of the first row after the last non-empty one (and after the header row). */
  nextRow: number;
}

/** Where each field goes: the header row is the one holding the given headers (row 1 when none does). */
function layoutOf(tab: TabState, spec: Record<string, ColumnSpec>): Layout {
  const rows = tab.existingRows.map((r) => (Array.isArray(r) ? r.map(toCell) : []));
  const wanted = tab.headers.map((h) => normalizeName(String(h ?? ''))).filter((h) => h !== '');
  // Like the core's reader, look for the header row among the top rows only (a title may sit above it).
  const found = rows.slice(0, 10).findIndex((r) => wanted.length > 0 && wanted.every((h) => r.some((c) => normalizeName(parseText(c) ?? '') === h)));
  const headerRow = found >= 0 ? found : 0;
  const headerCells = rows[headerRow] ?? tab.headers;
  const existing = new Map<string, number>();
  const byName = new Map<string, number>();
  headerCells.forEach((c, i) => {
    const name = normalizeName(parseText(c as Cell) ?? '');
    if (name !== '' && !byName.has(name)) byName.set(name, i);
  });
  for (const [field, column] of Object.entries(spec)) {
    const index = [column.header, ...(column.aliases ?? [])].map((h) => byName.get(normalizeName(h))).find((i) => i !== undefined);
    if (index !== undefined) existing.set(field, index);
  }
  // Missing headers go right after the last non-empty header cell, in the spec's order. Completion Date is the
  // user's to fill: the tool neither writes it nor adds its header.
  const columns = new Map([...existing].filter(([field]) => !USER_OWNED.includes(field)));
  const added: string[] = [];
  let next = lastIndex(headerCells) + 1;
  for (const [field, column] of Object.entries(spec)) {
    if (columns.has(field) || USER_OWNED.includes(field)) continue;
    columns.set(field, next++);
    added.push(column.header);
  }
  const headerWrites = added.length === 0 ? [] : [{
    range: `${quoteSheet(tab.sheetTitle)}!${columnLetter(next - added.length)}${headerRow + 1}:${columnLetter(next - 1)}${headerRow + 1}`,
    values: [added],
  }];
  const lastRow = rows.reduce((last, r, i) => (lastIndex(r) >= 0 ? i : last), -1);
  return { headerRow, columns, existing, headerWrites, nextRow: Math.max(lastRow, headerRow) + 1 };
}

/** Consecutive rows from `first` (0-based), spanning the used columns; cells between them are null (left as they are). */
function rowsWrite(sheetTitle: string, columns: Map<string, number>, first: number, rows: Record<string, string | number>[]): ValueWrite {
  const indices = [...columns.values()];
  const from = Math.min(...indices);
  const to = Math.max(...indices);
  const values = rows.map((row) => {
    const out: (string | number | null)[] = new Array<string | number | null>(to - from + 1).fill(null);
    for (const [field, col] of columns) {
      const v = row[field] ?? '';
      out[col - from] = typeof v === 'number' ? v : asText(v);
    }
    return out;
  });
  const range = `${quoteSheet(sheetTitle)}!${columnLetter(from)}${first + 1}:${columnLetter(to)}${first + rows.length}`;
  return { range, values };
}

/** Index of the last cell with anything in it; `N/A`, `-` or `#REF!` count, because to the user the cell is used. */
function lastIndex(cells: readonly unknown[]): number {
  for (let i = cells.length - 1; i >= 0; i--) {
    const v = cells[i];
    if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) return i;
  }
  return -1;
}

/** A JSON cell value as a Cell: strings, numbers and booleans as they are (what UNFORMATTED_VALUE gives); anything else as its text. */
function toCell(v: unknown): Cell {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}
