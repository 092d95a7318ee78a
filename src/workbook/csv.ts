/** Reads CSV exports of a tracker into the Workbook port: one tab per .csv file, every cell kept as the text typed. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Cell, Tab, Workbook } from '../core/tracker/workbook';
import { TrackerOpenError } from './errors';

const EXPORT_HINT = 'export each tab with File → Download → Comma-separated values (.csv)';

/**
 * Every `*.csv` file directly in `dir` becomes a tab named after the file (`QBR Log.csv` → `QBR Log`),
 * in file-name order. Hidden files (`.~lock…`, macOS `._…`) are ignored.
 *
 * @example readCsvFolder('examples/tracker-csv').tabs.map((t) => t.name) // ['Accounts', 'Actions', …]
 */
export function readCsvFolder(dir: string): Workbook {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (cause) {
    throw openFailure(dir, cause);
  }
  const files = names
    .filter((n) => !n.startsWith('.') && extname(n).toLowerCase() === '.csv')
    .filter((n) => isFile(join(dir, n)))
    .sort();
  return { tabs: files.map((n) => readCsvFile(join(dir, n))) };
}

/** One CSV file as one tab, named after the file. */
export function readCsvFile(path: string): Tab {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw openFailure(path, cause);
  }
  return { name: basename(path, extname(path)), rows: parseCsv(decode(bytes, path), path) };
}

/** Parses CSV text into rows; a blank line stays as an empty row so row numbers match the spreadsheet. */
export function parseCsv(text: string, label = 'the CSV file'): Cell[][] {
  let records: string[][];
  try {
    // skip_empty_lines defaults to false, which is what keeps blank rows numbered; it is spelled out
    // because turning it on would silently shift every row number after a blank line.
    records = parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (cause) {
    const where = (cause as { lines?: number }).lines;
    throw new TrackerOpenError(
      'unreadable',
      `${label} is not valid CSV${where ? ` (near line ${where})` : ''}; check for an unclosed quote, or ${EXPORT_HINT}.`,
      { cause },
    );
  }
  // csv-parse reads a blank line as one empty field; the port's blank row is [].
  return records.map((r) => (r.length === 1 && r[0] === '' ? [] : r));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false; // a dangling link is not a tab
  }
}

/** UTF-8 (with or without BOM) and UTF-16 with BOM (Excel's "Unicode text"); anything else with NULs is binary. */
function decode(bytes: Buffer, path: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  if (bytes.includes(0)) {
    throw new TrackerOpenError('unreadable', `${path} is not a text CSV file; ${EXPORT_HINT}.`);
  }
  return bytes.toString('utf8');
}

function openFailure(path: string, cause: unknown): TrackerOpenError {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new TrackerOpenError('not-found', `${path} does not exist; check the path to the tracker.`, { cause });
  return new TrackerOpenError('unreadable', `${path} cannot be read (${code ?? 'unknown error'}); check its permissions.`, { cause });
}
