/** The program view written to the tracker's `QBR Program` tab (SPEC §4.5): values only (RAW), rates shown as percentages. */
import type { ProgramView } from '../core/program/program';
import { PROGRAM_TAB, programSheet, rateRows } from '../core/program/sheet';
import type { Effect, Executor } from './execute';
import { quoteSheet, columnLetter } from './sheets';
import { ensureSheet, findSheet, rowsOf, writeValues, type GoogleTracker } from './tracker-io';

/**
 * Replaces the tab's values with the view's, in one RAW write: the rectangle covers what an earlier, longer write
 * left, padded with empty cells, so no stale row survives. Then the three rate cells get a percent format.
 * Returns the tab’s sheet id (for a `#gid=` link) and how many rows the view took.
 */
export function* writeProgramTab(exec: Executor, tracker: GoogleTracker, view: ProgramView): Effect<{ sheetId: number; rows: number }> {
  const title = yield* ensureSheet(exec, tracker, PROGRAM_TAB);
  const values = programSheet(view);
  const old = rowsOf(tracker, title);
  const height = Math.max(values.length, old.length);
  const width = Math.max(...values.map((r) => r.length), ...old.map((r) => r.length), 1);
  const grid = Array.from({ length: height }, (_, i) => Array.from({ length: width }, (_, j) => values[i]?.[j] ?? ''));
  yield* writeValues(exec, tracker, [{ range: `${quoteSheet(title)}!A1:${columnLetter(width - 1)}${height}`, values: grid }]);
  const sheetId = findSheet(tracker, title)?.sheetId ?? 0;
  const rates = rateRows(values);
  if (rates.length > 0) {
    yield* exec.run({
      id: 'sheets.spreadsheets.batchUpdate', params: { spreadsheetId: tracker.spreadsheetId },
      body: {
        requests: rates.map((i) => ({
          repeatCell: {
            range: { sheetId, startRowIndex: i, endRowIndex: i + 1, startColumnIndex: 1, endColumnIndex: 2 },
            cell: { userEnteredFormat: { numberFormat: { type: 'PERCENT', pattern: '0%' } } }, fields: 'userEnteredFormat.numberFormat',
          },
        })),
      },
      note: 'Show the program rates as percentages',
    });
  }
  return { sheetId, rows: values.length };
}
