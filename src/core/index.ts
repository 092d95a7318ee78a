/** The core's public face: read a workbook, analyse it. Everything outside src/core enters here. */
import { analyzeBook, type AnalyzeOptions } from './analysis/review';
import { programView, type ProgramView } from './program/program';
import type { BookReview } from './analysis/types';
import { readTracker } from './tracker/tracker';
import type { IsoDate } from './dates';
import type { Workbook } from './tracker/workbook';

export function analyzeWorkbook(workbook: Workbook, options: AnalyzeOptions): BookReview {
  return analyzeBook(readTracker(workbook), options);
}

export { bookJson, accountJson } from './analysis/json';
export type { AccountReview, BookReview } from './analysis/types';
export type { Finding } from './tracker/findings';
export type { Workbook, Tab, Cell } from './tracker/workbook';
export { readTracker } from './tracker/tracker';
export { analyzeBook } from './analysis/review';
export { isIsoDate, type IsoDate } from './dates';

/** The manager's program view (SPEC §4.5) as of `today`. */
export function programOfWorkbook(workbook: Workbook, today: IsoDate): ProgramView {
  const tracker = readTracker(workbook);
  const book = analyzeBook(tracker, { today, noBenchmarks: true });
  return programView(tracker, book, today);
}
export type { ProgramView, Metric } from './program/program';
