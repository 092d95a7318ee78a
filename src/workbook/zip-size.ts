/** Reads an .xlsx file's zip directory to refuse workbooks whose parts unzip to more than a tracker can hold, before exceljs inflates any. */
import { inflateRawSync } from 'node:zlib';

/**
 * The most a workbook's parts may add up to once unzipped. A 10,000-account tracker with four quarters of
 * metrics is about 60 MB; exceljs holds roughly 20 bytes of memory per unzipped byte, so this keeps a run
 * under about 3 GB while a "zip bomb" (a small file whose shared strings expand to hundreds of MB) is refused.
 */
export const MAX_UNZIPPED_BYTES = 128 * 1024 * 1024;

export interface ZipPart {
  name: string;
  /** The size the zip directory declares for the part once inflated. */
  size: number;
  /** 8 is deflate; 0 is stored. */
  method: number;
  compressedSize: number;
  /** Where the part's local header starts. */
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * The parts listed in the zip's central directory, or null when the directory cannot be found (the caller
 * leaves such files to the zip library, which explains them). Zip64 sizes read as 0xFFFFFFFF, i.e. ≥ 4 GB.
 */
export function zipParts(bytes: Buffer): ZipPart[] | null {
  const eocd = findEocd(bytes);
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const parts: ZipPart[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    parts.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength), size: bytes.readUInt32LE(at + 24),
      method: bytes.readUInt16LE(at + 10), compressedSize: bytes.readUInt32LE(at + 20), offset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

/** The end-of-central-directory record sits in the last 22 bytes plus at most a 64 KB comment. */
function findEocd(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

/** The sentence for a workbook over the limit, naming its biggest part so a user can see what swelled. */
export function oversizeMessage(label: string, parts: ZipPart[], limit = MAX_UNZIPPED_BYTES): string | null {
  const total = parts.reduce((sum, p) => sum + p.size, 0);
  if (total <= limit) return null;
  const biggest = parts.reduce((a, b) => (b.size > a.size ? b : a));
  return `${label} unzips to ${megabytes(total)} (${biggest.name} alone is ${megabytes(biggest.size)}), more than the ` +
    `${megabytes(limit)} a tracker may hold; save a copy with only the tracker's tabs and values ` +
    '(no pasted images or unused ranges), or export the tabs as .csv files.';
}

const megabytes = (n: number) => `${Math.round(n / (1024 * 1024)).toLocaleString('en-US')} MB`;

/** Rows with no value beyond which a sheet is rewritten before exceljs reads it (below, they cost next to nothing). */
const EMPTY_ROWS_TOLERATED = 10_000;
const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const ROW_OPEN = Buffer.from('<row');
const CELL_CLOSE = Buffer.from('</c>');

export interface PartsCheck {
  /** The first deflated part that inflates to more than its directory entry declares. */
  understated: ZipPart | null;
  /** Worksheets that had more than {@link EMPTY_ROWS_TOLERATED} rows holding no value, as XML without them. */
  sparse: { name: string; xml: Buffer }[];
}

/**
 * Inflates every deflated part once, stopping at its declared size, so a file that lies about its sizes to pass
 * {@link oversizeMessage} costs no more than an honest one (the zip library would only notice the lie after
 * inflating everything). Worksheets are also counted for rows without a value: exceljs's in-memory reader
 * keeps an object per `<row>` element, so formatting reaching row 1,048,576 would cost gigabytes.
 * Damaged parts are left to the zip library, which explains them.
 */
export function checkParts(bytes: Buffer, parts: ZipPart[]): PartsCheck {
  const sparse: PartsCheck['sparse'] = [];
  for (const part of parts) {
    if (part.method !== 8 || part.offset + 30 > bytes.length) continue;
    const start = part.offset + 30 + bytes.readUInt16LE(part.offset + 26) + bytes.readUInt16LE(part.offset + 28);
    let xml: Buffer;
    try {
      xml = inflateRawSync(bytes.subarray(start, start + part.compressedSize), { maxOutputLength: Math.max(1, part.size) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return { understated: part, sparse };
      continue;
    }
    if (SHEET.test(part.name) && emptyRowCount(xml) > EMPTY_ROWS_TOLERATED) {
      sparse.push({ name: part.name, xml: withoutEmptyRows(xml) });
    }
  }
  return { understated: null, sparse };
}

const ROW_CLOSE = Buffer.from('</row>');
const AFTER_NAME = new Set([0x20, 0x09, 0x0a, 0x0d, 0x2f, 0x3e]); // `<row` then space, `/` or `>`, not `<rowBreaks`

/**
 * Calls `empty(start, end)` for each row element that holds no value (`<row …/>`, or a row of valueless cells
 * such as `<c r="A9" s="3"/>` only). Native searches per row, never per cell, and each byte is searched once.
 */
function eachEmptyRow(xml: Buffer, empty: (start: number, end: number) => void): void {
  let nextCell = -1; // the first `</c>` at or after the current row, found lazily and reused across empty rows
  let at = xml.indexOf(ROW_OPEN);
  while (at >= 0) {
    const tagEnd = xml.indexOf(0x3e, at);
    if (tagEnd < 0) return;
    let end = tagEnd + 1;
    let isEmpty = AFTER_NAME.has(xml[at + 4]!);
    if (isEmpty && xml[tagEnd - 1] !== 0x2f) {
      const close = xml.indexOf(ROW_CLOSE, tagEnd);
      if (close < 0) return;
      end = close + ROW_CLOSE.length;
      if (nextCell !== Infinity && nextCell < tagEnd) {
        const found = xml.indexOf(CELL_CLOSE, tagEnd);
        nextCell = found < 0 ? Infinity : found;
      }
      isEmpty = nextCell > close;
    }
    if (isEmpty) empty(at, end);
    at = xml.indexOf(ROW_OPEN, end);
  }
}

function emptyRowCount(xml: Buffer): number {
  let n = 0;
  eachEmptyRow(xml, () => n++);
  return n;
}

/**
 * The worksheet XML without the rows that hold no value; rows keep their `r` numbers, so nothing else moves.
 * Works on the bytes, keeping slices of the original, so a 40 MB sheet of empty rows is never also a string.
 */
export function withoutEmptyRows(xml: Buffer): Buffer {
  const kept: Buffer[] = [];
  let from = 0;
  eachEmptyRow(xml, (start, end) => {
    if (start > from) kept.push(xml.subarray(from, start));
    from = end;
  });
  kept.push(xml.subarray(from));
  return Buffer.concat(kept);
}
