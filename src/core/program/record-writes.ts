/**
 * Where a recorded QBR goes in a tracker file (SPEC §4.5): the cells to set in Actions, Opportunities and the QBR Log,
 * under each tab's own header row, headers added at the end when missing. Pure: the file adapters only apply the cells.
 */
import { parseDate, parseText } from '../tracker/cells';
import { findTab } from '../tracker/parse-tab';
import { normalizeName, TABS, type ColumnSpec, type TabKey } from '../tracker/schema';
import type { Settings } from '../tracker/settings';
import type { Cell, Workbook } from '../tracker/workbook';
import type { IsoDate } from '../dates';
import type { LogFields, RecordRows } from './record';
import { same } from './record';

/** A value for one cell: text is always written as text (never a formula), however it starts; a date as a date where the file has them. */
export type WriteValue = string | number | { date: IsoDate };

export interface TabWrite {
  /** The tab as named in the workbook (or the spec's name when it is created). */
  tab: string;
  /** The tab did not exist: the adapter adds it. */
  create: boolean;
  /** 0-based, the sheet's row 1 is 0: the header cells added and the rows appended or updated. */
  cells: { row: number; col: number; value: WriteValue; numFmt?: string }[];
  /** What this write does, in words (`2 rows appended`, `header "Linked To" added`). */
  said: string[];
}

/** How far down a header row may sit, as the reader looks (a title or a note above it). */
const HEADER_SEARCH_ROWS = 10;

const filled = (c: Cell) => c !== null && c !== undefined && !(typeof c === 'string' && c.trim() === '');
const lastIndex = (row: Cell[] | undefined) => {
  for (let i = (row?.length ?? 0) - 1; i >= 0; i--) if (filled(row![i])) return i;
  return -1;
};

interface Layout {
  tab: string;
  create: boolean;
  headerRow: number;
  columns: Map<string, number>;
  nextRow: number;
  cells: TabWrite['cells'];
  said: string[];
  rows: Cell[][];
}

/** The tab's header row (the top row matching most of the spec's headers) and a column for each field written. */
function layoutOf(workbook: Workbook, key: TabKey, fields: string[]): Layout {
  const spec = TABS[key];
  const { tab } = findTab(workbook, spec);
  const rows = tab?.rows ?? [];
  const columnsOf = (r: number) => {
    const byName = new Map<string, number>();
    (rows[r] ?? []).forEach((c, i) => {
      const name = normalizeName(parseText(c) ?? '');
      if (name !== '' && !byName.has(name)) byName.set(name, i);
    });
    const found = new Map<string, number>();
    for (const [field, column] of Object.entries(spec.columns) as [string, ColumnSpec][]) {
      const index = [column.header, ...(column.aliases ?? [])].map((h) => byName.get(normalizeName(h))).find((i) => i !== undefined);
      if (index !== undefined) found.set(field, index);
    }
    return found;
  };
  let headerRow = 0;
  let columns = columnsOf(0);
  for (let r = 1; r < Math.min(HEADER_SEARCH_ROWS, rows.length); r++) {
    const c = columnsOf(r);
    if (c.size > columns.size) [headerRow, columns] = [r, c];
  }
  const layout: Layout = { tab: tab?.name ?? spec.name, create: !tab, headerRow, columns: new Map(), nextRow: 0, cells: [], said: [], rows };
  let next = lastIndex(rows[headerRow]) + 1;
  const added: string[] = [];
  for (const field of fields) {
    const existing = columns.get(field);
    if (existing !== undefined) {
      layout.columns.set(field, existing);
      continue;
    }
    const header = (spec.columns as Record<string, ColumnSpec>)[field]!.header;
    layout.cells.push({ row: headerRow, col: next, value: header });
    layout.columns.set(field, next++);
    added.push(header);
  }
  if (added.length > 0) layout.said.push(`${layout.create ? 'created with' : `header${added.length === 1 ? '' : 's'} added:`} ${added.map((h) => `"${h}"`).join(', ')}`);
  const lastRow = rows.reduce((last, r, i) => (lastIndex(r) >= 0 ? i : last), -1);
  layout.nextRow = Math.max(lastRow, headerRow) + 1;
  return layout;
}

function append(layout: Layout, objects: Record<string, WriteValue | null>[]): void {
  for (const o of objects) {
    for (const [field, col] of layout.columns) {
      const v = o[field];
      if (v !== null && v !== undefined && v !== '') layout.cells.push({ row: layout.nextRow, col, value: v });
    }
    layout.nextRow++;
  }
  if (objects.length > 0) layout.said.push(`${objects.length} row${objects.length === 1 ? '' : 's'} appended`);
}

const DATE_FIELDS = new Set(['dueDate', 'linkedTo', 'qbrDate', 'held']);
const asDates = (o: Record<string, WriteValue | null>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, DATE_FIELDS.has(k) && typeof v === 'string' && v !== '' ? { date: v } : v]));

const done = (l: Layout): TabWrite => ({ tab: l.tab, create: l.create, cells: l.cells, said: l.said });

/** QBR Log header → the record's field name in the spec (`Executive Attendance` → executiveAttendance). */
const LOG_FIELDS: Record<keyof LogFields, string> = {
  'Account ID': 'accountId', 'QBR Date': 'qbrDate', Held: 'held', Attendees: 'attendees',
  'Executive Attendance': 'executiveAttendance', 'Customer Preparation': 'customerPreparation', Engagement: 'engagement', Takeaways: 'takeaways',
};

/**
 * The writes for one recorded QBR: new Actions and Opportunities appended after each tab's last row, and the QBR Log
 * row of (Account ID, QBR Date) updated in place — or appended when there is none. A record field left empty does not
 * blank a cell someone filled. Tabs with nothing to add are left out (no header is added to a tab for nothing).
 */
export function planRecordWrites(workbook: Workbook, rows: RecordRows, dateOrder: Settings['dateOrder']): TabWrite[] {
  const out: TabWrite[] = [];
  if (rows.actions.length > 0) {
    // Completion Date is the user's: never written, its header never added.
    const l = layoutOf(workbook, 'actions', ['actionId', 'accountId', 'action', 'owner', 'side', 'dueDate', 'status', 'linkedTo']);
    append(l, rows.actions.map((a) => asDates({ ...a })));
    out.push(done(l));
  }
  if (rows.opportunities.length > 0) {
    const l = layoutOf(workbook, 'opportunities', ['accountId', 'opportunity', 'potentialArr', 'sponsor', 'nextStep', 'linkedTo']);
    append(l, rows.opportunities.map((o) => asDates({ ...o })));
    out.push(done(l));
  }
  const l = layoutOf(workbook, 'qbrRecord', Object.values(LOG_FIELDS));
  const log = asDates(Object.fromEntries(Object.entries(rows.log).map(([header, v]) => [LOG_FIELDS[header as keyof LogFields], v])));
  const idCol = l.columns.get('accountId')!;
  const dateCol = l.columns.get('qbrDate')!;
  let at = -1;
  for (let r = l.headerRow + 1; r < l.rows.length && at < 0; r++) {
    const row = l.rows[r] ?? [];
    const d = parseDate(row[dateCol] ?? null, { dateOrder });
    if (same(parseText(row[idCol] ?? null) ?? '') === same(rows.log['Account ID']) && d.ok && d.value === rows.log['QBR Date']) at = r;
  }
  if (at < 0) {
    append(l, [log]);
    l.said[l.said.length - 1] = `row for ${rows.log['Account ID']} ${rows.log['QBR Date']} appended`;
  } else {
    for (const [field, col] of l.columns) {
      if (field === 'accountId' || field === 'qbrDate' || log[field] === '') continue;
      l.cells.push({ row: at, col, value: log[field]! });
    }
    l.said.push(`row ${at + 1} (${rows.log['Account ID']} ${rows.log['QBR Date']}) updated`);
  }
  out.push(done(l));
  return out;
}
