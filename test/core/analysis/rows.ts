/** Test helper: typed tracker rows with every column null unless given. */
import { TABS, type RowOf, type TabKey } from '../../../src/core/tracker/schema';

export function rowOf<K extends TabKey>(key: K, values: Partial<RowOf<K>>): RowOf<K> {
  const blank: Record<string, unknown> = { row: 2 };
  for (const field of Object.keys(TABS[key].columns)) blank[field] = null;
  return { ...blank, ...values } as RowOf<K>;
}
