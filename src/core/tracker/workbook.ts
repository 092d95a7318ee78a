/** The workbook port: a tracker as named tabs of cell grids, the shape Apps Script's Range.getValues() gives. */

/**
 * One cell as an adapter hands it to the core.
 * - Error cells (`#N/A`, `#REF!`, `#DIV/0!` …) arrive as their error text.
 * - Date cells arrive as a `Date` whose UTC calendar day is the day shown in the sheet
 *   (adapters guarantee this, so the core never depends on the host's time zone).
 * - Formula cells arrive as their computed result; rich text as its plain text.
 */
export type Cell = string | number | boolean | Date | null | undefined;

export interface Tab {
  name: string;
  /** Row 0 is the sheet's row 1. Rows may be ragged. */
  rows: Cell[][];
}

export interface Workbook {
  tabs: Tab[];
}
