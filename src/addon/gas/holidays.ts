/**
 * The add-on's public holidays: the table scripts/build.mjs computes from `date-holidays` (the library itself is 2 MB)
 * and defines as QBR_HOLIDAY_TABLE, gzipped and base64'd; Apps Script's own Utilities.ungzip opens it on first use.
 */
import { tableHolidaySource, type HolidayTable } from '../../core/package/holiday-table';
import type { HolidaySource } from '../../core/package/holidays';

declare const QBR_HOLIDAY_TABLE: string | undefined;

let source: HolidaySource | null | undefined;

/** Null outside the bundle (the TypeScript unit tests run): packages then skip weekends only and say so. */
export function addonHolidays(): HolidaySource | null {
  if (source !== undefined) return source;
  if (typeof QBR_HOLIDAY_TABLE === 'undefined') return (source = null);
  const json = Utilities.ungzip(Utilities.newBlob(Utilities.base64Decode(QBR_HOLIDAY_TABLE), 'application/x-gzip')).getDataAsString();
  return (source = tableHolidaySource(JSON.parse(json) as HolidayTable));
}
