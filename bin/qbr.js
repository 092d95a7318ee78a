#!/usr/bin/env node
// The installed `qbr` command: the CLI bundled by `npm run build` (dist/cli.js).
require('../dist/cli.js');
