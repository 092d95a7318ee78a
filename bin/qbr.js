#!/usr/bin/env node
// The installed `qbr` command: the CLI bundled by `npm run build` (build/cli.js).
require('../build/cli.js');
