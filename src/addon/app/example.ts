/** "Copy the example tracker": the example (defined by scripts/build.mjs as QBR_EXAMPLE_TRACKER) written into a new spreadsheet the add-on creates, so drive.file covers it. */
import type { ApiCall } from '../../google/types';

declare const QBR_EXAMPLE_TRACKER: string | undefined;

export const EXAMPLE_TITLE = 'QBR Facilitator example tracker';

/** The example's tabs, or null outside the bundle (unit tests) where the build has not defined them. */
export function exampleTabs(): [string, string[][]][] | null {
  if (typeof QBR_EXAMPLE_TRACKER === 'undefined') return null;
  const json = Utilities.ungzip(Utilities.newBlob(Utilities.base64Decode(QBR_EXAMPLE_TRACKER), 'application/x-gzip')).getDataAsString();
  return JSON.parse(json) as [string, string[][]][];
}

/** A spreadsheet with one tab per example tab (a spreadsheet the add-on made is one drive.file lets it open again). */
export function createExampleCall(tabs: [string, string[][]][]): ApiCall {
  return {
    id: 'sheets.spreadsheets.create',
    params: {},
    body: {
      properties: { title: EXAMPLE_TITLE },
      // Room for every cell: a write past a tab's grid is refused.
      sheets: tabs.map(([title, rows], i) => ({
        properties: { sheetId: i, title, gridProperties: { rowCount: Math.max(1000, rows.length + 100), columnCount: Math.max(26, ...rows.map((r) => r.length)), frozenRowCount: 1 } },
      })),
    },
    note: 'Create the example tracker',
  };
}

/** Each tab written whole from A1 (a range of one cell would refuse more than one value); the cells as typed (USER_ENTERED): "$220,000" becomes a currency amount and "2026-08-14" a date, as if typed in Sheets. */
export function fillExampleCall(spreadsheetId: string, tabs: [string, string[][]][]): ApiCall {
  return {
    id: 'sheets.spreadsheets.values.batchUpdate',
    params: { spreadsheetId },
    body: { valueInputOption: 'USER_ENTERED', data: tabs.map(([title, rows]) => ({ range: `'${title.replace(/'/g, "''")}'`, values: rows })) },
    note: 'Fill the example tracker',
  };
}
