// Build: the Apps Script bundle (build/Code.js + build/appsscript.json, what `clasp push` uploads) and the CLI (dist/cli.mjs).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cachedHolidayTable, tableSpan } from './holiday-table.mjs';

const readable = process.argv.includes('--readable');
// `--holiday-from <year>`: the holiday table's first year (default last year); the add-on tests build for their fake clock.
const holidayFromAt = process.argv.indexOf('--holiday-from');
const holidaySpan = holidayFromAt > 0 ? tableSpan(Number(process.argv[holidayFromAt + 1])) : tableSpan();
// `--cli-outdir <dir>` builds only the CLI, there (the startup test builds a private copy to run).
const cliOutAt = process.argv.indexOf('--cli-outdir');
const cliOut = cliOutAt > 0 ? process.argv[cliOutAt + 1] : 'dist';
if (cliOutAt < 0) await buildAddon();

async function buildAddon() {
  // Apps Script runs files as plain scripts: one IIFE holds the code, and a real top-level function per entry point
  // (the manifest's functions, the card dispatcher, the trigger) forwards to it.
  const GLOBAL = 'QBRFacilitator';
  const addon = await build({
    entryPoints: ['src/addon/index.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: GLOBAL,
    platform: 'neutral',
    target: 'es2020',
    mainFields: ['module', 'main'],
    legalComments: 'none',
    logLevel: 'warning',
    // The public holidays of every country for a span of years, computed now from date-holidays (the library itself,
    // with moment-timezone and astronomia, would be 2.3 MB of the bundle): 89 KB of JSON, 37 KB gzipped in base64.
    // src/addon/gas/holidays.ts opens it with Utilities.ungzip.
    // The example tracker (examples/tracker-csv, 22 KB of text, ~9 KB gzipped in base64), which "Copy the example
    // tracker" writes into a new spreadsheet in the user's Drive (src/addon/app/example.ts).
    define: {
      QBR_HOLIDAY_TABLE: JSON.stringify(gzipSync(JSON.stringify(cachedHolidayTable(holidaySpan)), { level: 9 }).toString('base64')),
      QBR_EXAMPLE_TRACKER: JSON.stringify(gzipSync(JSON.stringify(exampleTabs()), { level: 9 }).toString('base64')),
    },
    // Minified, so the add-on stays under its size before holidays (issue 8: 287 KB) with the table in it. Property and
    // exported names stay; `node scripts/build.mjs --readable` builds it unminified for reading an Apps Script stack trace.
    minify: !readable,
    inject: ['scripts/gas-shims.mjs'],
    metafile: true,
  });
  // The holiday library must stay out: the add-on gets its holidays from the table only.
  const heavy = Object.keys(addon.metafile.inputs).filter((f) => /node_modules\/(date-holidays|moment|moment-timezone|astronomia)\//.test(f));
  if (heavy.length) throw new Error(`the add-on bundle pulls in the holiday library: ${heavy.slice(0, 3).join(', ')}`);
  const code = addon.outputFiles[0].text;
  const manifest = JSON.parse(readFileSync('appsscript.json', 'utf8'));
  const fromManifest = [manifest.addOns.common.homepageTrigger.runFunction,
    ...['sheets', 'slides'].flatMap((h) => [manifest.addOns[h]?.homepageTrigger?.runFunction, manifest.addOns[h]?.onFileScopeGrantedTrigger?.runFunction])];
  const entries = [...new Set([...fromManifest, 'onAction', 'resumeJobs'].filter(Boolean))];
  const stubs = entries.map((name) => `function ${name}(e) { return ${GLOBAL}.${name}(e); }`).join('\n');
  mkdirSync('build', { recursive: true });
  writeFileSync('build/Code.js', `// QBR Facilitator add-on — built by scripts/build.mjs from src/addon; do not edit.\n${code}\n${stubs}\n`);
  copyFileSync('appsscript.json', 'build/appsscript.json');
  console.log(`built build/Code.js (${(code.length / 1024).toFixed(0)} KB, entry points: ${entries.join(', ')})`);
}

// The CLI as ES module chunks: the entry holds the argument parsing and the core; each command's heavy packages
// (exceljs; pptxgenjs and docx; the Google clients) sit in chunks that load at their dynamic import(), so
// `qbr --help` parses a small file and loads none of them, and a command reads one bundled file per package
// instead of resolving hundreds in node_modules. The bundled CommonJS packages get a real `require`.
rmSync(join(cliOut, 'chunks'), { recursive: true, force: true });
const cli = await build({
  entryPoints: { cli: 'src/cli/bin.ts' },
  outdir: cliOut,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner: { js: "import { createRequire as __qbrRequire } from 'node:module'; const require = __qbrRequire(import.meta.url);" },
  // Reads its zone files from beside its own code (__dirname): it stays in node_modules.
  external: ['@touch4it/ical-timezones'],
  metafile: true,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
// Which chunk holds which package: the startup test and `npm run bench` read it.
writeFileSync(join(cliOut, 'meta.json'), JSON.stringify(cli.metafile));
console.log(`built ${join(cliOut, 'cli.mjs')} (${(statSync(join(cliOut, 'cli.mjs')).size / 1024).toFixed(0)} KB + ${Object.keys(cli.metafile.outputs).filter((f) => f.includes('/chunks/') && f.endsWith('.mjs')).length} chunks)`);

/** examples/tracker-csv as `[tab name, rows]` pairs in file-name order, every cell the text typed (as readCsvFolder reads it). */
function exampleTabs() {
  const dir = 'examples/tracker-csv';
  return readdirSync(dir).filter((n) => n.endsWith('.csv')).sort().map((n) => [n.slice(0, -4), parse(readFileSync(join(dir, n), 'utf8'), { bom: true, relax_column_count: true })]);
}
