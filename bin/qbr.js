#!/usr/bin/env node
// The installed `qbr` command: the CLI bundled by `npm run build` (dist/cli.mjs; `npm ci` builds it through `prepare`).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const cli = join(__dirname, '..', 'dist', 'cli.mjs');
if (!existsSync(cli)) {
  process.stderr.write('qbr: dist/cli.mjs is missing; run `npm run build` (npm ci runs it unless scripts are turned off).\n');
  process.exit(2);
}
import(pathToFileURL(cli).href);
