/** Writes the example tracker twice — examples/tracker.xlsx and examples/tracker-csv/<Tab>.csv — from scripts/example-data.ts (`npm run example`). */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { csvSpelling, exampleTabs, pctFraction, type ExampleCell, type ExampleTab } from './example-data';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };

/** The tracker as a workbook a CS team would keep: typed cells, formats, bold frozen header, filters. */
export async function writeExampleXlsx(path: string, tabs: ExampleTab[] = exampleTabs()): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Brightline Customer Success';
  // Fixed so the file describes the example's "today", not the day it was generated.
  book.created = book.modified = new Date(Date.UTC(2026, 10, 22));

  for (const tab of tabs) {
    const header = tab.rows[0] ?? [];
    const ws = book.addWorksheet(tab.name, {
      views: [{ state: 'frozen', ySplit: 1, xSplit: tab.name === 'Metrics' ? 2 : 0 }],
    });
    tab.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell === null) return;
        const target = ws.getCell(r + 1, c + 1);
        target.value = xlsxValue(cell);
        const numFmt = xlsxFormat(cell);
        if (numFmt) target.numFmt = numFmt;
      });
    });

    const headerRow = ws.getRow(1);
    headerRow.font = { bold: true };
    headerRow.eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.border = { bottom: { style: 'thin', color: { argb: 'FF8EA9C8' } } };
    });
    header.forEach((title, c) => {
      const column = ws.getColumn(c + 1);
      const fixed = tab.widths?.[String(title)];
      column.width = fixed ?? autoWidth(tab, c);
      // Long free text wraps inside its fixed width instead of spilling over the next column.
      if (fixed) column.alignment = { wrapText: true, vertical: 'top' };
    });
    if (tab.rows.length > 1) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  }
  await book.xlsx.writeFile(path);
}

/** One CSV per tab, every value spelled the way people type it (see csvSpelling). */
export function writeExampleCsv(dir: string, tabs: ExampleTab[] = exampleTabs()): void {
  mkdirSync(dir, { recursive: true });
  // A tab renamed in the data must not leave its old CSV behind as an extra tab.
  for (const old of readdirSync(dir)) if (old.endsWith('.csv')) rmSync(join(dir, old));
  for (const tab of tabs) {
    const width = tab.rows[0]?.length ?? 0;
    const lines = tab.rows.map((row, r) => {
      // A blank sheet row stays a blank line, so CSV row numbers match the workbook's.
      if (row.length === 0) return '';
      const cells = Array.from({ length: width }, (_, c) => csvSpelling(row[c] ?? null, r, c));
      return cells.map(quote).join(',');
    });
    writeFileSync(join(dir, `${tab.name}.csv`), lines.map((l) => `${l}\r\n`).join(''));
  }
}

function xlsxValue(cell: Exclude<ExampleCell, null>): ExcelJS.CellValue {
  if (typeof cell === 'string' || typeof cell === 'number') return cell;
  // exceljs converts Dates to serials through UTC, so UTC midnight is the day Excel shows.
  if ('date' in cell) return new Date(`${cell.date}T00:00:00Z`);
  if ('money' in cell) return cell.money;
  if ('pct' in cell) return pctFraction(cell.pct);
  if ('count' in cell) return cell.count;
  if ('quarter' in cell) return cell.quarter;
  return { error: cell.error as ExcelJS.CellErrorValue['error'] };
}

function xlsxFormat(cell: Exclude<ExampleCell, null>): string | null {
  if (typeof cell !== 'object') return null;
  if ('date' in cell) return 'yyyy-mm-dd';
  if ('money' in cell) return Number.isInteger(cell.money) ? '$#,##0' : '$#,##0.00';
  if ('pct' in cell) {
    const decimals = String(cell.pct).split('.')[1]?.length ?? 0;
    return decimals === 0 ? '0%' : `0.${'0'.repeat(decimals)}%`;
  }
  if ('count' in cell) return '#,##0';
  return null;
}

/** Wide enough for the longest value as shown and for the bold header beside its filter button, within reason. */
function autoWidth(tab: ExampleTab, c: number): number {
  const header = shown(tab.rows[0]?.[c] ?? null).length + 4;
  const longest = Math.max(...tab.rows.slice(1).map((row) => shown(row[c] ?? null).length + 2));
  return Math.min(40, Math.max(10, header, longest));
}

function shown(cell: ExampleCell): string {
  if (cell === null) return '';
  if (typeof cell !== 'object') return String(cell);
  if ('date' in cell) return cell.date;
  if ('money' in cell) return `$${cell.money.toLocaleString('en-US')}`;
  if ('pct' in cell) return `${cell.pct}%`;
  if ('count' in cell) return cell.count.toLocaleString('en-US');
  return 'quarter' in cell ? cell.quarter : cell.error;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function main(): Promise<void> {
  const out = join(__dirname, '..', 'examples');
  mkdirSync(out, { recursive: true });
  const tabs = exampleTabs();
  await writeExampleXlsx(join(out, 'tracker.xlsx'), tabs);
  writeExampleCsv(join(out, 'tracker-csv'), tabs);
  const accounts = (tabs[0]?.rows.length ?? 1) - 1;
  process.stdout.write(`Wrote examples/tracker.xlsx and examples/tracker-csv/ (${tabs.length} tabs, ${accounts} accounts)\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`make-example: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
