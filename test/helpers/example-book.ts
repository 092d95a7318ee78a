/** The example tracker's whole book generated offline into a temp folder, with its analysis: the end-to-end scans read it back. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeWorkbook, type AccountReview } from '../../src/core';
import { run } from '../../src/cli/main';
import { openTracker } from '../../src/workbook/open';

export const EXAMPLE_TRACKER = join(__dirname, '../../examples/tracker.xlsx');

/** Call at the top of a test file: generates in beforeAll, removes in afterAll; read `out` and `accounts` inside tests. */
export function exampleBook(prefix: string, today = '2026-11-22'): { readonly out: string; readonly accounts: AccountReview[] } {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const book = { out: join(work, 'out'), accounts: [] as AccountReview[] };
  beforeAll(async () => {
    const code = await run(['generate', '--tracker', EXAMPLE_TRACKER, '--all', '--today', today, '--out', book.out], { stdout: () => undefined, stderr: () => undefined, now: () => new Date(`${today}T12:00:00Z`) });
    expect(code).toBe(0);
    book.accounts.push(...analyzeWorkbook(await openTracker(EXAMPLE_TRACKER), { today }).accounts);
    expect(book.accounts.length).toBe(8); // a scan over no accounts would pass by finding nothing
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  return book;
}
