/**
 * Writes src/google/slides/builtin-presentation.json: the built-in template as `presentations.get` returns it, made by
 * running the template's own requests through the test fake. `--dry-run` reads it to plan the fill without any call;
 * test/google/builtin-snapshot.test.ts fails when it is stale (`npm run snapshot-template` refreshes it).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInSnapshot } from '../test/google/builtin-snapshot';

writeFileSync(join(__dirname, '..', 'src', 'google', 'slides', 'builtin-presentation.json'), `${JSON.stringify(builtInSnapshot())}\n`);
console.log('wrote src/google/slides/builtin-presentation.json');
