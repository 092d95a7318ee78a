/**
 * Test helpers: write small trackers (a folder of .csv files, or an .xlsx workbook through exceljs) into a
 * temp directory, and run `qbr analyze … --json` in memory, capturing what it prints.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';

/** A cell as a test writes it: text/number for CSV; for .xlsx also Dates and exceljs values ({ error }, { formula, result }). */
export type TestCell = string | number | boolean | Date | null | undefined | { error: string } | { formula: string; result?: unknown };

/** Tabs in the order they are written: name → rows (row 0 is sheet row 1). */
export type TestTabs = Record<string, TestCell[][]>;

/** A temp directory for one test file, removed by `cleanup()` (call it in afterAll). */
export function scratch(prefix: string): { dir: string; path: (...parts: string[]) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `qbr-${prefix}-`));
  let n = 0;
  return {
    dir,
    /** A fresh, unused path inside the temp dir (`name` keeps the extension). */
    path: (...parts: string[]) => join(dir, `${++n}`, ...parts),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** CSV quoting as Sheets exports it: quote a field holding a comma, quote, CR or LF; double inner quotes. */
export function csvField(cell: TestCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'object') {
    if ('error' in cell) return cell.error;
    throw new Error('formula cells only exist in .xlsx trackers');
  }
  const s = String(cell);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(rows: TestCell[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

/** Writes `<dir>/<tab>.csv` for every tab and returns the folder. */
export function writeCsvTracker(dir: string, tabs: TestTabs): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, rows] of Object.entries(tabs)) writeFileSync(join(dir, `${name}.csv`), csvText(rows));
  return dir;
}

/** Writes an .xlsx workbook with one sheet per tab (in order) and returns its path. */
export async function writeXlsxTracker(path: string, tabs: TestTabs): Promise<string> {
  mkdirSync(join(path, '..'), { recursive: true });
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(tabs)) {
    const sheet = book.addWorksheet(name);
    rows.forEach((cells, r) => {
      cells.forEach((cell, c) => {
        if (cell === null || cell === undefined) return;
        sheet.getCell(r + 1, c + 1).value = cell as ExcelJS.CellValue;
      });
    });
  }
  await book.xlsx.writeFile(path);
  return path;
}

export interface JsonFinding {
  tab: string;
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
  severity: 'error' | 'warning';
}

/** The parts of the SPEC §6 JSON these tests read (loosely typed beyond that). */
export interface JsonAccount {
  id: string;
  name: string;
  segment: string;
  reviewType: string;
  deck: string | null;
  quarter: string | null;
  nextQbrDue: string | null;
  overdue: boolean;
  health: {
    score: number | null;
    band: string | null;
    trend: number | null;
    dimensions: { usage: number | null; engagement: number | null; support: number | null; relationship: number | null };
  };
  trends: Record<string, { current: number | null; previous: number | null; direction: string | null }>;
  value: {
    quarterTotal: number | null;
    investment: number | null;
    roi: number | null;
    annualised: number | null;
    lines: { category: string; description: string | null; value: number | null; asReported: boolean; source: string | null }[];
  };
  outcomes: { objective: string; progress: number | null; status: string }[];
  risks: { risk: string; quadrant: string | null; escalation: string | null }[];
  opportunities: { total: number | null; weighted: number | null };
  actions: { completionRate: number | null; band: string | null; overdue: string[] };
  renewal: { date: string | null; daysToRenewal: number | null; focus: string | null };
  findings: JsonFinding[];
}

export interface JsonBook {
  today: string;
  accounts: JsonAccount[];
  skipped: { id: string; reason: string }[];
  findings: JsonFinding[];
}

export interface AnalyzeResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The parsed stdout when the command printed JSON; null otherwise. */
  json: JsonBook | null;
  account: (id: string) => JsonAccount;
}

export const TODAY = '2026-11-22';

/** Runs the CLI in-process with a raw argv (no defaults added). */
export async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: () => new Date(Date.UTC(2031, 0, 1)), // never used: every test passes --today
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** `qbr analyze --tracker <path> --today 2026-11-22 --json [extra…]`, captured in memory. */
export async function analyze(path: string, extra: string[] = []): Promise<AnalyzeResult> {
  const r = await runCli(['analyze', '--tracker', path, '--today', TODAY, '--json', ...extra]);
  const json = r.stdout.trim().startsWith('{') ? (JSON.parse(r.stdout) as JsonBook) : null;
  return {
    ...r,
    json,
    account: (id: string) => {
      const found = json?.accounts.find((a) => a.id === id);
      if (!found) throw new Error(`account ${id} not in the JSON (accounts: ${json?.accounts.map((a) => a.id).join(', ')}; skipped: ${JSON.stringify(json?.skipped)})`);
      return found;
    },
  };
}
