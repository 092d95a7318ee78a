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

/**
 * Parses CSV text into rows; a blank line stays as an empty row so row numbers match the spreadsheet.
 * The delimiter is found, not assumed: Excel in many European locales saves `;`, and "Unicode text" is tab-separated.
 */
export function parseCsv(input: string, label = 'the CSV file'): Cell[][] {
  const { text, delimiter } = findDelimiter(input);
  let records: string[][];
  try {
    // skip_empty_lines defaults to false, which is what keeps blank rows numbered; it is spelled out
    // because turning it on would silently shift every row number after a blank line.
    records = parse(text, { bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
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

const DELIMITERS = [',', ';', '\t'] as const;
/** How many lines are looked at: the header may sit under a title or note (the core searches 10 rows). */
const SNIFF_LINES = 10;

/**
 * Excel's `sep=;` first line names the delimiter (and is not a row, as Excel hides it); otherwise the
 * delimiter seen most often outside quotes in the first lines wins, a comma on a tie.
 */
export function findDelimiter(input: string): { text: string; delimiter: string } {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) return { text: text.slice(sep[0].length), delimiter: sep[1]! };
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < SNIFF_LINES; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '\n') lines++;
    else if (counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let delimiter: string = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(delimiter)!) delimiter = d;
  return { text, delimiter };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false; // a dangling link is not a tab
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
/**
 * Windows-1252's 0x80–0x9F (€, curly quotes, dashes, Š…); the rest is Latin-1. Spelled out because Node 20's
 * TextDecoder('windows-1252') decodes these bytes as Latin-1 control characters. Unassigned bytes stay as they are.
 */
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

function windows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/**
 * UTF-8 (with or without BOM) and UTF-16 with BOM (Excel's "Unicode text"); bytes that are not valid UTF-8
 * are Windows-1252/Latin-1 (Excel's "CSV (Comma delimited)" on Windows), so `Société` never becomes `Soci�t�`.
 * Anything else with NULs is binary.
 */
export function decode(bytes: Buffer, path: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  if (bytes.includes(0)) {
    throw new TrackerOpenError('unreadable', `${path} is not a text CSV file; ${EXPORT_HINT} (or save it from Excel as "CSV UTF-8").`);
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    return windows1252(bytes);
  }
}

function openFailure(path: string, cause: unknown): TrackerOpenError {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new TrackerOpenError('not-found', `${path} does not exist; check the path to the tracker.`, { cause });
  return new TrackerOpenError('unreadable', `${path} cannot be read (${code ?? 'unknown error'}); check its permissions.`, { cause });
}
