/** `qbr analyze`: read a tracker, print each account's QBR picture as JSON (--json) or as a manager's table. */
import { analyzeWorkbook, bookJson, type BookReview } from '../core';
import { parseFlags, requireFlag, todayFrom, UsageError } from './args';
import { renderBook } from './report';
import type { CommandIo } from './io';

export async function analyzeCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseFlags(argv, {
    tracker: { type: 'string' },
    account: { type: 'string', multiple: true },
    today: { type: 'string' },
    json: { type: 'boolean' },
  });
  const today = todayFrom(values.today, io.now);
  if (values.account?.some((id) => id.trim() === '')) throw new UsageError('--account needs an Account ID');
  const trackerPath = requireFlag(values.tracker, 'tracker');
  // exceljs loads only once the flags are known good (a fast --help and usage error).
  const { openTracker } = await import('../workbook/open');
  const workbook = await openTracker(trackerPath);
  const book = analyzeWorkbook(workbook, { today, accountIds: values.account });
  io.stdout(values.json ? `${JSON.stringify(bookJson(book), null, 2)}\n` : renderBook(book));
  return exitStatus(book);
}

/** 0 when every requested account was analysed; 1 when some were skipped or the tracker has no readable accounts. */
export function exitStatus(book: BookReview): number {
  if (book.skipped.length > 0) return 1;
  if (book.accounts.length === 0 && book.findings.some((f) => f.severity === 'error')) return 1;
  return 0;
}
