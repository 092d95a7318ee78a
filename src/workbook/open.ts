/** Opens a tracker from a path, whatever its form (.xlsx workbook, folder of .csv, one .csv), or explains why it cannot. */
import { statSync, type Stats } from 'node:fs';
import { extname } from 'node:path';
import type { Workbook } from '../core/tracker/workbook';
import { readCsvFile, readCsvFolder } from './csv';
import { TrackerOpenError } from './errors';
import { readXlsx } from './xlsx';

export { TrackerOpenError, type TrackerOpenCode } from './errors';

const FORMS = 'an .xlsx workbook, a folder with one .csv file per tab, or a single .csv file';

/**
 * A directory → its .csv files as tabs; `.xlsx`/`.xlsm` → the workbook; a `.csv` → one tab named after it.
 * Throws TrackerOpenError (code `not-found`, `unreadable` or `unsupported`) and nothing else.
 *
 * @example const book = await openTracker('examples/tracker.xlsx');
 */
export async function openTracker(path: string): Promise<Workbook> {
  const stats = statOrThrow(path);
  if (stats.isDirectory()) {
    const book = readCsvFolder(path);
    if (book.tabs.length === 0) {
      throw new TrackerOpenError('not-found', `The folder ${path} has no .csv files; export each tab of the Sheet into it with File → Download → Comma-separated values (.csv).`);
    }
    return book;
  }

  const ext = extname(path).toLowerCase();
  switch (ext) {
    case '.xlsx':
    case '.xlsm':
      return readXlsx(path);
    case '.csv':
      return { tabs: [readCsvFile(path)] };
    case '.xls':
      throw new TrackerOpenError('unsupported', `${path} is an old .xls file; open it in Excel or Sheets and save it as .xlsx.`);
    case '.ods':
    case '.numbers':
      throw new TrackerOpenError('unsupported', `${path} is a ${ext} file; export it as .xlsx (or as .csv files, one per tab).`);
    default:
      throw new TrackerOpenError('unsupported', `${path} is not a tracker file; give ${FORMS}.`);
  }
}

function statOrThrow(path: string): Stats {
  try {
    return statSync(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new TrackerOpenError('not-found', `${path} does not exist; check the path. A tracker is ${FORMS}.`, { cause });
    }
    throw new TrackerOpenError('unreadable', `${path} cannot be read (${code ?? 'unknown error'}); check its permissions.`, { cause });
  }
}
