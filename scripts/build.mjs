// Build: bundles the CLI into build/cli.js with esbuild (the add-on bundle joins it later).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/bin.ts'],
  outfile: 'build/cli.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
});
console.log('built build/cli.js');
