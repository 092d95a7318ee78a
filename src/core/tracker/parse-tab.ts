/** Reads one tab against its spec: finds the tab and its header row, types every cell, collects findings. */
import { cellText, parseAmount, parseDate, parseMoney, parseNumber, parsePercent, parseQuarter, parseText, type ParseOptions, type Parsed } from './cells';
import type { Finding } from './findings';
import { parseTimeZone } from './timezones';
import { visible, withoutControls } from './controls';
import { normalizeName, TABS, type ColumnSpec, type Kind, type RowOf, type TabKey, type TabSpec } from './schema';
import type { Cell, Tab, Workbook } from './workbook';

export interface TabParse<K extends TabKey> {
  /** The tab's name as written in the workbook, or null when the tab is absent. */
  tabName: string | null;
  /** The header text as written, by the spec's header name normalised, so later findings can quote the sheet. */
  headers: Map<string, string>;
  /** Complete rows (every required value present). */
  rows: RowOf<K>[];
  findings: Finding[];
}

/** How far down a header row may sit (teams put a title or a note above it). */
const HEADER_SEARCH_ROWS = 10;

export function findTab(workbook: Workbook, spec: TabSpec): { tab: Tab | null; findings: Finding[] } {
  const names = [spec.name, ...(spec.aliases ?? [])].map(normalizeName);
  const matches = workbook.tabs.filter((t) => names.includes(normalizeName(t.name)));
  const findings = matches.slice(1).map((t): Finding => ({
    tab: t.name, row: null, column: null, value: null, severity: 'warning',
    message: `a second tab named like "${spec.name}"; only "${matches[0]!.name}" is read`,
  }));
  return { tab: matches[0] ?? null, findings };
}

export function parseTab<K extends TabKey>(workbook: Workbook, key: K, options: ParseOptions = {}): TabParse<K> {
  const spec: TabSpec = TABS[key];
  const { tab, findings } = findTab(workbook, spec);
  if (!tab) return { tabName: null, headers: new Map(), rows: [], findings };

  const located = locateHeader(tab, spec);
  if (located.missing.length > 0) {
    findings.push({
      tab: tab.name, row: located.headerRow + 1, column: null, value: null, severity: 'error',
      message: `missing required column${located.missing.length > 1 ? 's' : ''} ${located.missing.map((h) => `"${h}"`).join(', ')}; the tab is not read`,
    });
    return { tabName: tab.name, headers: new Map(), rows: [], findings };
  }
  findings.push(...located.findings);
  const headers = new Map<string, string>();
  for (const [field, index] of located.columns) {
    const column = spec.columns[field]!;
    headers.set(normalizeName(column.header), parseText(located.headerCells[index]) ?? column.header);
  }

  const rows: RowOf<K>[] = [];
  // Each column's cell index and header text, worked out once per tab rather than once per cell.
  const fields = Object.entries(spec.columns).map(([field, column]) => {
    const index = located.columns.get(field);
    const header = index === undefined ? column.header : (parseText(located.headerCells[index]) ?? column.header);
    return { field, column, index, header };
  });
  const idIndex = 'accountId' in spec.columns ? (located.columns.get('accountId') ?? -1) : null;
  for (let r = located.headerRow + 1; r < tab.rows.length; r++) {
    const { cells, controls } = cleanRow(tab.rows[r] ?? []);
    if (cells.every(isBlank)) continue;
    const sheetRow = r + 1;
    const accountId = idIndex !== null ? parseText(cells[idIndex]) : null;
    const record: Record<string, unknown> = { row: sheetRow };
    const missingRequired: { header: string; cell: Cell; problem: string | null }[] = [];
    for (const { field, column, index, header } of fields) {
      const cell = index === undefined ? null : cells[index];
      const removed = index === undefined ? undefined : controls?.get(index);
      if (removed) {
        const typed = visible(String((tab.rows[r] ?? [])[index!]));
        findings.push(cellFinding(tab.name, sheetRow, header, typed, `control character${removed.length > 1 ? 's' : ''} ${removed.join(', ')} removed from the text`, accountId));
      }
      // Text cannot fail to parse, so it skips the result object (most cells of a big tracker are text).
      const parsed = column.kind === 'text' ? null : plausible(parseCell(cell, column.kind, options), column, header);
      record[field] = parsed === null ? parseText(cell) : parsed.ok ? parsed.value : null;
      if (column.required && record[field] === null) {
        missingRequired.push({ header, cell, problem: parsed === null || parsed.ok ? null : parsed.message });
      } else if (parsed !== null && !parsed.ok) {
        findings.push(cellFinding(tab.name, sheetRow, header, cell, parsed.message, accountId));
      }
    }
    if (missingRequired.length > 0) {
      // In Accounts a row that names an account but lacks a required value costs that account (SPEC §2: error).
      const accountRow = key === 'accounts' && accountId !== null;
      const first = missingRequired[0]!;
      const what = missingRequired.map((m) => (m.problem === null ? `no ${m.header}` : `${m.header} is ${m.problem}`)).join(', ');
      findings.push({
        tab: tab.name, row: sheetRow, column: first.header, value: first.problem === null ? null : cellText(first.cell),
        severity: accountRow ? 'error' : 'warning',
        message: `${what}; the ${accountRow ? 'account' : 'row'} is skipped`,
        ...(accountId !== null ? { accountId } : {}),
      });
      continue;
    }
    rows.push(record as RowOf<K>);
  }
  return { tabName: tab.name, headers, rows, findings };
}

function parseCell(cell: Cell, kind: Kind, options: ParseOptions): Parsed<unknown> {
  switch (kind) {
    case 'text': return { ok: true, value: parseText(cell) };
    case 'money': return parseMoney(cell);
    case 'number': return parseNumber(cell);
    case 'percent': return parsePercent(cell);
    case 'amount': return parseAmount(cell);
    case 'date': return parseDate(cell, options);
    case 'quarter': return parseQuarter(cell);
    case 'timezone': {
      const text = parseText(cell);
      return text === null ? { ok: true, value: null } : parseTimeZone(text);
    }
  }
}

/** Past this a number is a typo or an overflow (`1e308` turns a quarter total into Infinity), not a tracker value. */
const MAX_MAGNITUDE = 1e15;
/** Counts, hours and scores start at 0; percentages (uptime, probability, progress) run 0–100 %. */
const KIND_RANGE: Partial<Record<Kind, readonly [number, number]>> = { number: [0, Infinity], percent: [0, 1] };
/** Dates a tracker can mean: serial 0 (1899-12-30) and year 9999 are placeholders or typos. */
const FIRST_DAY = '1900-01-01';
const LAST_DAY = '2200-12-31';

/** A parsed value that is well-formed but cannot be meant (a negative seat count, 150 % uptime, year 9999) becomes a finding. */
function plausible(parsed: Parsed<unknown>, column: ColumnSpec, header: string): Parsed<unknown> {
  if (!parsed.ok || parsed.value === null) return parsed;
  const v = parsed.value;
  if (typeof v === 'number') {
    if (Math.abs(v) > MAX_MAGNITUDE) return { ok: false, message: `${header} is too large to be a real value; it is not used` };
    const [min, max] = column.range ?? KIND_RANGE[column.kind] ?? [-Infinity, Infinity];
    if (v < min && min === 0 && max === Infinity) return { ok: false, message: `${header} cannot be negative; it is not used` };
    if (v < min || v > max) {
      const [lo, hi] = column.kind === 'percent' ? [`${min * 100}%`, `${max * 100}%`] : [String(min), String(max)];
      return { ok: false, message: `${header} must be between ${lo} and ${hi}; it is not used` };
    }
  }
  if (column.kind === 'date' && typeof v === 'string' && (v < FIRST_DAY || v > LAST_DAY)) {
    return { ok: false, message: `not a plausible date (${v}; dates from ${FIRST_DAY.slice(0, 4)} to ${LAST_DAY.slice(0, 4)} are read)` };
  }
  return parsed;
}

export function cellFinding(tab: string, row: number, column: string, cell: Cell, message: string, accountId: string | null): Finding {
  return {
    tab, row, column, value: cellText(cell), message, severity: 'warning',
    ...(accountId !== null ? { accountId } : {}),
  };
}

/**
 * The row with control characters removed from its text cells (one in a name makes the deck unreadable and
 * an ESC reaches the terminal), and what was removed by column index; the same array when the row is clean.
 */
function cleanRow(row: Cell[]): { cells: Cell[]; controls: Map<number, string[]> | null } {
  let controls: Map<number, string[]> | null = null;
  let cells = row;
  row.forEach((cell, i) => {
    if (typeof cell !== 'string') return;
    const { text, removed } = withoutControls(cell);
    if (removed.length === 0) return;
    if (controls === null) {
      controls = new Map();
      cells = [...row];
    }
    controls.set(i, removed);
    cells[i] = text;
  });
  return { cells, controls };
}

function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

interface HeaderLocation {
  headerRow: number;
  headerCells: Cell[];
  columns: Map<string, number>;
  missing: string[];
  findings: Finding[];
}

/** The header row is the first of the top rows that has every required column, else the best partial match. */
function locateHeader(tab: Tab, spec: TabSpec): HeaderLocation {
  let best: HeaderLocation | null = null;
  let bestMatched = -1;
  const limit = Math.min(HEADER_SEARCH_ROWS, tab.rows.length);
  for (let r = 0; r < Math.max(limit, 1); r++) {
    const location = matchHeaders(tab, r, spec);
    const matched = location.columns.size;
    if (location.missing.length === 0 && matched > 0) return location;
    if (matched > bestMatched) {
      best = location;
      bestMatched = matched;
    }
  }
  return best as HeaderLocation;
}

function matchHeaders(tab: Tab, r: number, spec: TabSpec): HeaderLocation {
  const headerCells = tab.rows[r] ?? [];
  const byName = new Map<string, number>();
  const findings: Finding[] = [];
  headerCells.forEach((cell, i) => {
    const text = parseText(cell);
    if (text === null) return;
    const name = normalizeName(text);
    if (byName.has(name)) {
      findings.push({ tab: tab.name, row: r + 1, column: text, value: null, severity: 'warning', message: `column "${text}" appears twice; the first one is read` });
      return;
    }
    byName.set(name, i);
  });
  const columns = new Map<string, number>();
  const missing: string[] = [];
  for (const [field, column] of Object.entries(spec.columns) as [string, ColumnSpec][]) {
    const index = [column.header, ...(column.aliases ?? [])].map((h) => byName.get(normalizeName(h))).find((i) => i !== undefined);
    if (index !== undefined) columns.set(field, index);
    else if (column.required) missing.push(column.header);
  }
  return { headerRow: r, headerCells, columns, missing, findings };
}
