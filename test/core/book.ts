/** Test helper: an in-memory Workbook from tab → rows literals, the same shape the adapters produce. */
import type { Cell, Workbook } from '../../src/core';

export function book(tabs: Record<string, Cell[][]>): Workbook {
  return { tabs: Object.entries(tabs).map(([name, rows]) => ({ name, rows })) };
}

export const ACCOUNT_HEADERS = ['Account ID', 'Account', 'ARR', 'Licensed Seats', 'Contract Start', 'Renewal Date', 'QBR Date', 'Last QBR Date'];
