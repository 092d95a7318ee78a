// Build: bundles the CLI into dist/cli.js with esbuild; build/ is kept for the Apps Script bundle that clasp pushes.
import { build } from 'esbuild';

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
