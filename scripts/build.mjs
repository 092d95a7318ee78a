// Build: the Apps Script bundle (build/Code.js + build/appsscript.json, what `clasp push` uploads) and the CLI (dist/cli.js).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

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
  // Apps Script has no timers. The holiday library's astronomy code reads `setTimeout` once at load, into a
  // variable it never uses (a setImmediate fallback); the bundle gets `undefined` there instead of a ReferenceError.
  define: { setTimeout: 'undefined', setImmediate: 'undefined' },
  inject: ['scripts/gas-shims.mjs'],
});
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

await build({
  entryPoints: ['src/cli/bin.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
});
console.log('built dist/cli.js');
