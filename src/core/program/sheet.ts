/** The program view as the values of a `QBR Program` tab (SPEC §4.5): plain values a manager can share, no formulas. */
import type { Metric, ProgramView } from './program';

export type SheetValue = string | number;

const METRICS: [keyof ProgramView['metrics'], string, string][] = [
  ['executiveAttendance', 'Executive attendance', '80 %+'],
  ['commitmentCompletion', 'QBR commitments completed', '85 %+'],
  ['expansionShare', 'QBRs with an expansion path', '30–40 %'],
  ['healthChange', 'Health change, QBR quarter → next (points)', '+5'],
];

const status = (m: Metric) => (m.met === null ? 'not enough data' : m.met ? 'on target' : 'below target');
const ids = (xs: { accountId: string }[]) => xs.map((x) => x.accountId).join(', ');

/**
 * Rows for the tab, top to bottom. Rates are fractions (the writer formats the column as a percentage);
 * a metric without data has an empty value and its reason, never 0.
 */
export function programSheet(view: ProgramView): SheetValue[][] {
  const rows: SheetValue[][] = [
    [`QBR program as of ${view.today}`, `metrics over QBRs held ${view.window.from} – ${view.window.to}`],
    [],
    ['Metric', 'Value', 'Target', 'Status', 'QBRs counted', 'Accounts', 'Note'],
  ];
  for (const [k, label, target] of METRICS) {
    const m = view.metrics[k];
    const counted = k === 'healthChange' ? m.accounts.length : m.count?.total ?? 0;
    rows.push([label, m.value ?? '', target, status(m), m.value === null ? '' : counted, [...new Set(m.accounts.map((a) => a.accountId))].join(', '), m.noData ?? '']);
  }
  rows.push([], ['CSM', 'Scheduled, next 30 days', 'Held, last 90 days', 'Overdue']);
  for (const r of view.schedule) rows.push([r.csm, ids(r.scheduled), ids(r.held), ids(r.overdue)]);
  rows.push([], ['Quarter', 'Expansion ARR surfaced', 'Paths', 'Accounts']);
  if (view.expansionNoData !== null) rows.push(['not enough data', '', '', view.expansionNoData]);
  for (const q of view.expansionByQuarter) rows.push([q.quarter, q.arr, q.accounts.length, [...new Set(q.accounts.map((a) => a.accountId))].join(', ')]);
  return rows;
}

/** The tab's name, in the workbook (`qbr program --write-tab`) and the Google Sheet (the add-on) alike. */
export const PROGRAM_TAB = 'QBR Program';

/** The rows of `programSheet`'s output whose Value (column B) is a rate, shown as a percentage; the health change is points. */
export function rateRows(rows: readonly SheetValue[][]): number[] {
  const rates = new Set(METRICS.filter(([k]) => k !== 'healthChange').map(([, label]) => label));
  return rows.flatMap((r, i) => (rates.has(String(r[0])) ? [i] : []));
}

/**
 * The program view as cell writes for a `QBR Program` tab of a workbook: the tab made when missing, and every cell an
 * earlier write filled beyond the new rows and columns cleared ('' ), so no stale line is left.
 */
export function programTabWrite(tabs: { name: string; rows: unknown[][] }[], view: ProgramView): { tab: string; create: boolean; cells: { row: number; col: number; value: SheetValue; numFmt?: string }[]; said: string[] } {
  const rows = programSheet(view);
  const existing = tabs.find((t) => t.name.trim().toLowerCase() === PROGRAM_TAB.toLowerCase());
  const old = existing?.rows ?? [];
  const height = Math.max(rows.length, old.length);
  const cells: { row: number; col: number; value: SheetValue; numFmt?: string }[] = [];
  const rates = new Set(rateRows(rows));
  const rate = (r: number, c: number) => c === 1 && rates.has(r) && typeof rows[r]?.[c] === 'number';
  for (let r = 0; r < height; r++) {
    const width = Math.max(rows[r]?.length ?? 0, old[r]?.length ?? 0);
    for (let c = 0; c < width; c++) cells.push({ row: r, col: c, value: rows[r]?.[c] ?? '', ...(rate(r, c) ? { numFmt: '0%' } : {}) });
  }
  return { tab: existing?.name ?? PROGRAM_TAB, create: !existing, cells, said: [`${rows.length} rows written${existing ? '' : ' (tab added)'}`] };
}
