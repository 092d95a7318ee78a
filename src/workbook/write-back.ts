/**
 * Applies planned cell writes to a tracker file: an .xlsx through exceljs (the rest of the workbook kept), or the .csv
 * files of a tracker folder. Text is always stored as text: `=1+1` stays the string `=1+1`, never a formula.
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { TabWrite } from '../core/program/record-writes';
import { decode, findDelimiter, parseCsv } from './csv';
import { TrackerOpenError } from './errors';

/** Writes to a tracker at `path` (an .xlsx/.xlsm file or a folder of .csv); the file is replaced only once fully written. */
export async function applyTabWrites(path: string, writes: TabWrite[]): Promise<void> {
  if (writes.every((w) => w.cells.length === 0)) return;
  if (statSync(path).isDirectory()) {
    for (const w of writes) writeCsvTab(join(path, `${w.tab}.csv`), w);
    return;
  }
  const ext = extname(path).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.xlsm') throw new TrackerOpenError('unsupported', `${path}: the record is written back to an .xlsx workbook or a folder of .csv files only`);
  await writeXlsx(path, writes);
}

async function writeXlsx(path: string, writes: TabWrite[]): Promise<void> {
  const excel = new ExcelJS.Workbook();
  try {
    await excel.xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
  } catch (cause) {
    throw new TrackerOpenError('unreadable', `${path} could not be opened again to write the record back`, { cause });
  }
  for (const w of writes) {
    const sheet = excel.getWorksheet(w.tab) ?? excel.addWorksheet(w.tab);
    for (const c of w.cells) {
      const cell = sheet.getCell(c.row + 1, c.col + 1);
      if (typeof c.value === 'object') {
        // A real date (UTC midnight is the day Excel shows), in the column's own format when the row above has one.
        cell.value = new Date(`${c.value.date}T00:00:00Z`);
        const above = c.row > 0 ? sheet.getCell(c.row, c.col + 1) : null;
        cell.numFmt = above && above.value instanceof Date && above.numFmt ? above.numFmt : 'yyyy-mm-dd';
      } else {
        // A plain string or number: exceljs writes a formula only for a { formula } object, so text never becomes one.
        // '' clears a cell (a stale line of an earlier write); a rate carries its percentage format.
        cell.value = c.value === '' ? null : c.value;
        if (c.numFmt) cell.numFmt = c.numFmt;
      }
    }
  }
  const tmp = `${path}.qbr-record.tmp`;
  try {
    await excel.xlsx.writeFile(tmp);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * One tab's .csv rewritten with the cells set: the delimiter, a `sep=` line, the byte-order mark and the line endings
 * are kept; every other cell is written back as it was read. A file that was not UTF-8 is written as UTF-8 with a BOM.
 */
function writeCsvTab(file: string, w: TabWrite): void {
  let text = '';
  let bom = true;
  let eol = '\r\n';
  let sep: string | null = null;
  let delimiter = ',';
  if (!w.create) {
    const bytes = readFileSync(file);
    const decoded = decode(bytes, file);
    const utf8 = bytes.toString('utf8') === decoded || bytes.subarray(3).toString('utf8') === decoded.replace(/^\uFEFF/, '');
    bom = decoded.charCodeAt(0) === 0xfeff || bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) || !utf8;
    text = decoded.replace(/^\uFEFF/, '');
    eol = /\r\n/.test(text) || !/\n/.test(text) ? '\r\n' : '\n';
    const found = findDelimiter(text);
    delimiter = found.delimiter;
    sep = found.text !== text ? delimiter : null;
  }
  const rows = text === '' ? [] : parseCsv(text, file).map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  for (const c of w.cells) {
    while (rows.length <= c.row) rows.push([]);
    const row = rows[c.row]!;
    while (row.length <= c.col) row.push('');
    row[c.col] = typeof c.value === 'object' ? c.value.date : String(c.value);
  }
  // csv-parse reads a final line break as the end of the last row, so the file always ends with one.
  const body = rows.map((r) => r.map((v) => quote(v, delimiter)).join(delimiter)).join(eol) + eol;
  const tmp = `${file}.qbr-record.tmp`;
  writeFileSync(tmp, `${bom ? '\uFEFF' : ''}${sep ? `sep=${sep}${eol}` : ''}${body}`, 'utf8');
  renameSync(tmp, file);
}

/** RFC 4180 quoting, and around any value with spaces at either end so no reader trims them. */
function quote(v: string, delimiter: string): string {
  return v.includes(delimiter) || /["\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
