/** The peer benchmark in words for the customer (SPEC §4.2): "top 10% of Enterprise accounts for feature adoption". */
import type { DeckContext } from './context';

export function benchmarkSentences(c: DeckContext): string[] {
  void c;
  return [];
}
