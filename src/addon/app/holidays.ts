/** The add-on's public holidays: the table scripts/build.mjs computes from `date-holidays` and defines as QBR_HOLIDAY_TABLE (the library itself is 2 MB). */
import { tableHolidaySource, type HolidayTable } from '../../core/package/holiday-table';
import type { HolidaySource } from '../../core/package/holidays';

declare const QBR_HOLIDAY_TABLE: HolidayTable | undefined;

/** Null outside the bundle (the TypeScript run by unit tests): packages then skip weekends only and say so. */
export const addonHolidays: HolidaySource | null = typeof QBR_HOLIDAY_TABLE === 'undefined' ? null : tableHolidaySource(QBR_HOLIDAY_TABLE);
