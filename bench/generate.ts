/** `npm run bench` (second half): `qbr generate` per account on the example book — time per package and peak memory. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writePackageFiles } from '../src/cli/package-files';
import { FolderWriter } from '../src/cli/manifest';
import { analyzeWorkbook } from '../src/core';
import { buildPackage } from '../src/core/package/package';
import { libraryHolidays } from '../src/holidays/library';
import { readXlsx } from '../src/workbook/xlsx';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TODAY = '2026-11-22';

async function main(): Promise<void> {
  const book = analyzeWorkbook(await readXlsx(join(__dirname, '..', 'examples', 'tracker.xlsx')), { today: TODAY });
  const dir = mkdtempSync(join(tmpdir(), 'qbr-bench-'));
  const byKind = new Map<string, number[]>();
  const now = new Date();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const review of book.accounts) {
        const t0 = performance.now();
        const pkg = buildPackage(review, { today: TODAY, holidays: libraryHolidays });
        await writePackageFiles(dir, review, pkg, now, new FolderWriter(dir, TODAY, now, true));
        const kind = review.deck ?? 'digital';
        byKind.set(kind, [...(byKind.get(kind) ?? []), performance.now() - t0]);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const all = [...byKind.values()].flat().sort((a, b) => a - b);
  const p = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
  console.log(`qbr generate, per package (plans + .pptx/.eml/.ics/.docx written), ${all.length} packages over ${ROUNDS} rounds`);
  for (const [kind, xs] of byKind) {
    const sorted = [...xs].sort((a, b) => a - b);
    console.log(`  ${kind.padEnd(10)} median ${p(sorted, 0.5).toFixed(0)} ms   p95 ${p(sorted, 0.95).toFixed(0)} ms`);
  }
  console.log(`  all        median ${p(all, 0.5).toFixed(0)} ms   p95 ${p(all, 0.95).toFixed(0)} ms (the first round includes warm-up)`);
  console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
