/**
 * `npm run bench` (first part): `qbr analyze` on a generated 10,000-account book (4 quarters each) against merely
 * reading the same workbook's cells with exceljs, the adapter's library (goal ≤ 1.3×, best of 3, interleaved,
 * same process); then the peak memory of `analyze` on hostile books (issue 9's bounded reading).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { renderBook } from '../src/cli/report';
import { analyzeWorkbook } from '../src/core';
import { openTracker } from '../src/workbook/open';
import { makeBenchBook, makeFarCellBook, makeFormattedRowsBook } from './make-book';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TODAY = '2026-11-22';
const ROOT = join(__dirname, '..');
const EXAMPLE = join(ROOT, 'examples', 'tracker.xlsx');

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** The floor: exceljs opens the workbook and every cell's value is read once, nothing else. */
async function readCells(path: string): Promise<number> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile(path)) as unknown as ExcelJS.Buffer);
  let values = 0;
  for (const sheet of book.worksheets) {
    sheet.eachRow((row) => row.eachCell((cell) => { if (cell.value !== null) values++; }));
  }
  return values;
}

/** What `qbr analyze --tracker <path>` does between its flags and its output. */
async function analyze(path: string): Promise<{ accounts: number; read: number; core: number; render: number }> {
  const t0 = performance.now();
  const workbook = await openTracker(path);
  const t1 = performance.now();
  const book = analyzeWorkbook(workbook, { today: TODAY });
  const t2 = performance.now();
  renderBook(book);
  const t3 = performance.now();
  return { accounts: book.accounts.length, read: t1 - t0, core: t2 - t1, render: t3 - t2 };
}

async function ensure(path: string, make: () => Promise<void>): Promise<string> {
  if (!existsSync(path)) {
    const t = performance.now();
    await make();
    console.log(`generated ${path} in ${seconds(performance.now() - t)}`);
  }
  return path;
}

/** Peak RSS of one `qbr analyze` in a fresh process (the in-process figure would include the bench's own books). */
function analyzeRss(path: string): number {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'analyze-rss.ts'), path], { cwd: ROOT, encoding: 'utf8' });
  return (JSON.parse(out) as { maxRssMiB: number }).maxRssMiB;
}

async function main(): Promise<void> {
  const dir = join(ROOT, '.bench');
  mkdirSync(dir, { recursive: true });
  const path = await ensure(join(dir, `book-${ACCOUNTS}.xlsx`), () => makeBenchBook(join(dir, `book-${ACCOUNTS}.xlsx`), ACCOUNTS));

  const floor: number[] = [];
  const runs: { total: number; accounts: number; read: number; core: number; render: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await readCells(path);
    floor.push(performance.now() - t0);
    const t1 = performance.now();
    const run = await analyze(path);
    runs.push({ ...run, total: performance.now() - t1 });
  }
  const best = runs.reduce((a, b) => (b.total < a.total ? b : a));
  const read = Math.min(...floor);
  const ratio = best.total / read;
  console.log(`qbr analyze on ${best.accounts.toLocaleString('en-US')} accounts × 4 quarters, best of ${RUNS}, interleaved with the floor`);
  console.log(`  floor: exceljs reads every cell      ${seconds(read)}`);
  console.log(`  qbr analyze                          ${seconds(best.total)}  (adapter ${seconds(best.read)}, core ${seconds(best.core)}, table ${seconds(best.render)})`);
  console.log(`  ratio analyze / floor = ${ratio.toFixed(3)}   goal ≤ 1.3: ${verdict(ratio <= 1.3)}`);

  const far = await ensure(join(dir, 'far-cell.xlsx'), () => makeFarCellBook(EXAMPLE, join(dir, 'far-cell.xlsx')));
  const rows = await ensure(join(dir, 'formatted-rows.xlsx'), () => makeFormattedRowsBook(EXAMPLE, join(dir, 'formatted-rows.xlsx')));
  const tall = await ensure(join(dir, 'tall-50000.xlsx'), () => makeBenchBook(join(dir, 'tall-50000.xlsx'), 50_000, ['Accounts']));
  const example = analyzeRss(EXAMPLE);
  const farRss = analyzeRss(far);
  const rowsRss = analyzeRss(rows);
  const tallRss = analyzeRss(tall);
  console.log('qbr analyze peak memory (max RSS of its own process)');
  console.log(`  examples/tracker.xlsx                                  ${example.toFixed(0)} MiB`);
  console.log(`  the example + one formatted cell on row 1,048,576/tab  ${farRss.toFixed(0)} MiB  (${(farRss / example).toFixed(2)}× the example; goal ≤ 1.5×: ${verdict(farRss <= 1.5 * example)})`);
  console.log(`  the example + a formatted <row> down to 1,048,576       ${rowsRss.toFixed(0)} MiB  (${(rowsRss / example).toFixed(2)}× the example; goal ≤ 1.5×: ${verdict(rowsRss <= 1.5 * example)})`);
  console.log(`  one 50,000-row tab (Accounts)                          ${tallRss.toFixed(0)} MiB`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
