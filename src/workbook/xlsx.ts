/** Reads an .xlsx workbook (via exceljs) into the Workbook port: every sheet a tab, every cell a plain value. */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Cell, Tab, Workbook } from '../core/tracker/workbook';
import { TrackerOpenError } from './errors';
import { checkParts, oversizeMessage, zipParts } from './zip-size';

const DOWNLOAD_HINT = 'download the Sheet with File → Download → Microsoft Excel (.xlsx)';

/**
 * Reads an .xlsx/.xlsm workbook from a path or from its bytes.
 * Throws only TrackerOpenError: exceljs's own errors (zip, XML) never escape.
 *
 * @example const book = await readXlsx('tracker.xlsx'); book.tabs[0].name // 'Accounts'
 */
export async function readXlsx(source: string | Buffer): Promise<Workbook> {
  const label = typeof source === 'string' ? source : 'the workbook';
  const bytes = typeof source === 'string' ? await readBytes(source) : source;
  checkSignature(bytes, label);
  const workbook = await boundedBytes(bytes, label);

  const excel = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it actually wants.
    await excel.xlsx.load(workbook as unknown as ExcelJS.Buffer);
  } catch (cause) {
    throw new TrackerOpenError('unreadable', `${label} is not a readable .xlsx workbook (${DOWNLOAD_HINT}).`, { cause });
  }
  if (excel.worksheets.length === 0) {
    // Any zip opens "successfully" (a .docx, say) but has no sheets to read.
    throw new TrackerOpenError('unreadable', `${label} has no worksheets; it is not an .xlsx workbook (${DOWNLOAD_HINT}).`);
  }
  return { tabs: excel.worksheets.map(readSheet) };
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new TrackerOpenError('not-found', `${path} does not exist; check the path to the tracker.`, { cause });
    throw new TrackerOpenError('unreadable', `${path} cannot be read (${code ?? 'unknown error'}); check its permissions.`, { cause });
  }
}

/** Catches the common wrong files early, with a sentence better than a zip library's. */
function checkSignature(bytes: Buffer, label: string): void {
  // Password-protected .xlsx files and legacy .xls files are both OLE compound documents.
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new TrackerOpenError(
      'unreadable',
      `${label} is password-protected or an old .xls file; save it as an .xlsx workbook without a password (${DOWNLOAD_HINT}).`,
    );
  }
  if (!bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
    throw new TrackerOpenError('unreadable', `${label} is not a readable .xlsx workbook (${DOWNLOAD_HINT}).`);
  }
}

/**
 * Refuses a workbook whose parts would unzip past the documented limit (or more than they declare) before exceljs
 * inflates any of them, and drops valueless rows from sheets that have many, so the data, not the formatting, decides the work.
 */
async function boundedBytes(bytes: Buffer, label: string): Promise<Buffer> {
  const parts = zipParts(bytes);
  if (!parts) return bytes;
  const message = oversizeMessage(label, parts);
  if (message) throw new TrackerOpenError('too-large', message);
  const { understated, sparse } = checkParts(bytes, parts);
  if (understated) {
    throw new TrackerOpenError('too-large', `${label} is damaged or hostile: ${understated.name} unzips to more than the ${understated.size.toLocaleString('en-US')} bytes its zip directory declares; save the workbook again as .xlsx (${DOWNLOAD_HINT}).`);
  }
  if (sparse.length === 0) return bytes;
  try {
    const zip = await JSZip.loadAsync(bytes);
    for (const sheet of sparse) zip.file(sheet.name, sheet.xml);
    // Untouched parts keep their compressed bytes; only the rewritten sheets are deflated again.
    return await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  } catch (cause) {
    throw new TrackerOpenError('unreadable', `${label} is not a readable .xlsx workbook (${DOWNLOAD_HINT}).`, { cause });
  }
}

function readSheet(sheet: ExcelJS.Worksheet): Tab {
  const rows: Cell[][] = [];
  // Only rows holding a value are visited: the declared extent (rowCount) counts formatted-only rows, and a
  // single styled cell on row 1,048,576 would otherwise make a million row objects per tab.
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    const cells = readRow(row);
    if (cells.length === 0) return; // only merged-away copies
    // Blank rows stay as [] so that rows[i] is always sheet row i + 1, as findings cite it.
    while (rows.length < r - 1) rows.push([]);
    rows.push(cells);
  });
  return { name: sheet.name, rows };
}

function readRow(row: ExcelJS.Row): Cell[] {
  const cells: Cell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const value = readCell(cell);
    if (value !== null) cells[col - 1] = value;
  });
  // eachCell leaves holes for empty cells; the port wants a dense array.
  for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
  return cells;
}

function readCell(cell: ExcelJS.Cell): Cell {
  // Like Sheets' getValues(), only a merge's top-left cell carries the value; exceljs repeats it everywhere.
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  return toCell(cell.value);
}

/** Maps an exceljs value to a port Cell; formula results and hyperlink texts are mapped recursively. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  // exceljs turns date serials into Dates at UTC midnight, so the UTC day is the day Excel shows.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'object') return null;

  const v = value as Record<string, unknown>;
  if (typeof v.error === 'string') return v.error;
  if (Array.isArray(v.richText)) return v.richText.map((run: { text?: unknown }) => String(run.text ?? '')).join('');
  if ('formula' in v || 'sharedFormula' in v) return toCell(v.result);
  if ('hyperlink' in v) return toCell(v.text);
  if ('text' in v) return toCell(v.text);
  return null;
}
