/**
 * `npm run bench` (refresh part): Google calls and wall time of a re-run that refreshes the deck in place against a
 * fresh package (and --regenerate), the real CLI against the loopback fake: the deck's own calls, and the whole
 * package's (a re-run lists the QBR's holds in one call and patches only changed ones; unchanged Docs get no write).
 * Goal: a refresh costs no more calls than a fresh package, and fewer when little moved; a refresh with nothing moved
 * makes no Slides write.
 */
import { performance } from 'node:perf_hooks';
import { withBenchFakeGoogle } from './fake-google';

const SHEET = '1BenchRefreshSpreadsheetId0123456789';
const READS = new Set(['sheets.spreadsheets.get', 'sheets.spreadsheets.values.batchGet', 'drive.files.list']);

async function main(): Promise<void> {
  await withBenchFakeGoogle(SHEET, async ({ fake, generate }) => {
    let n = 0;
    const once = async (label: string, ...extra: string[]) => {
      const mark = fake.calls.length;
      const t = performance.now();
      const code = await generate('ACC-001', `run-${++n}`, ...extra);
      const ms = performance.now() - t;
      const calls = fake.calls.slice(mark).filter((c) => c.status < 300 && !READS.has(c.methodId));
      // The deck's own calls: Slides, the template copy and the "(previous)" rename, the chart tab's batch.
      const deckFiles = new Set([...fake.state.files.values()].filter((f) => f.appProperties?.qbrFacilitatorTemplate).map((f) => f.id));
      const deck = calls.filter((c) => c.methodId.startsWith('slides.') || c.methodId === 'sheets.spreadsheets.batchUpdate' || (c.methodId.startsWith('drive.') && deckFiles.has(String(c.params.fileId))));
      const slidesWrites = calls.filter((c) => c.methodId === 'slides.presentations.batchUpdate').length;
      console.log(`  ${label.padEnd(34)} deck ${String(deck.length).padStart(2)} calls (${[...new Set(deck.map((c) => c.methodId))].map((m) => `${m.replace(/^(\w+)\..*\.(\w+)$/, '$1 $2')} ${deck.filter((c) => c.methodId === m).length}`).join(', ')}); Slides writes ${slidesWrites}; whole package ${calls.length} calls, ${ms.toFixed(0)} ms; exit ${code}`);
      return { deck: deck.length, whole: calls.length, slidesWrites, ms };
    };
    // Builds the built-in template first, so no measured run pays for it.
    await generate('ACC-006', 'warm');
    console.log('refresh in place vs a fresh package (ACC-001, enterprise deck; tracker reads excluded):');
    const fresh = await once('fresh package (first run)');
    const hours = fake.state.spreadsheets.get(SHEET)!.sheets.find((s) => s.title === 'Value')!.values.find((r) => r[0] === 'ACC-001' && r.includes(1800))!;
    hours[hours.indexOf(1800)] = 1200;
    const moved = await once('refresh, value and ROI moved');
    const still = await once('refresh, nothing moved');
    const regen = await once('--regenerate (new copy, old kept)', '--regenerate');
    const ok = moved.deck <= regen.deck && moved.deck <= fresh.deck && still.deck < moved.deck && still.slidesWrites === 0
      && moved.whole <= fresh.whole && still.whole < moved.whole;
    console.log(`  goal: a refresh costs no more deck calls than a fresh package (${moved.deck} ≤ first ${fresh.deck}, ≤ regenerate ${regen.deck}), fewer when nothing moved (${still.deck}), and no Slides write then (${still.slidesWrites}); whole package ${moved.whole} ≤ ${fresh.whole} calls, ${still.whole} when nothing moved: ${ok ? 'met' : 'NOT MET'}`);
  });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
