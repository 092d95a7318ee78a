#!/usr/bin/env node
// The installed `qbr` command: the CLI bundled by `npm run build` (dist/cli.js; `npm ci` builds it through `prepare`).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

if (!existsSync(join(__dirname, '..', 'dist', 'cli.js'))) {
  process.stderr.write('qbr: dist/cli.js is missing; run `npm run build` (npm ci runs it unless scripts are turned off).\n');
  process.exit(2);
}
require('../dist/cli.js');
