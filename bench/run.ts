/**
 * `npm run bench`: `qbr analyze` over a generated 10,000-account book (4 quarters each), reported as time and as
 * a ratio to merely reading the same workbook's cells with the same library (goal: ratio ≤ 1.5).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeWorkbook, bookJson } from '../src/core';
import { readXlsx } from '../src/workbook/xlsx';
import { makeBenchBook } from './make-book';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TODAY = '2026-11-22';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const dir = join(__dirname, '..', '.bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `book-${ACCOUNTS}.xlsx`);
  if (!existsSync(path)) {
    const t = performance.now();
    await makeBenchBook(path, ACCOUNTS);
    console.log(`generated ${path} in ${seconds(performance.now() - t)}`);
  }

  const read: number[] = [];
  const analyse: number[] = [];
  const json: number[] = [];
  let accounts = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const workbook = await readXlsx(path);
    const t1 = performance.now();
    const book = analyzeWorkbook(workbook, { today: TODAY });
    const t2 = performance.now();
    JSON.stringify(bookJson(book));
    const t3 = performance.now();
    read.push(t1 - t0);
    analyse.push(t2 - t1);
    json.push(t3 - t2);
    accounts = book.accounts.length;
  }
  const r = median(read);
  const a = median(analyse);
  const j = median(json);
  const ratio = (r + a) / r;
  console.log(`qbr analyze, ${accounts.toLocaleString('en-US')} accounts analysed, median of ${RUNS} runs`);
  console.log(`  read cells (exceljs)      ${seconds(r)}`);
  console.log(`  analysis (core)           ${seconds(a)}   (${((a / accounts) * 1000).toFixed(1)} µs per account)`);
  console.log(`  JSON document             ${seconds(j)}`);
  console.log(`  ratio (read + analysis) / read = ${ratio.toFixed(3)}   goal ≤ 1.5: ${ratio <= 1.5 ? 'met' : 'MISSED'}`);
  console.log(`  ratio with the JSON document   = ${((r + a + j) / r).toFixed(3)}`);
  console.log(`  peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
