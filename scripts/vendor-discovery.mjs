// `npm run vendor-discovery [folder]`: copies Google's discovery documents into vendor/google-discovery/ (what the
// fake, its validator and gen-gas-methods read) and rewrites the README's revision table from each document.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILES = ['slides-v1', 'docs-v1', 'gmail-v1', 'calendar-v3', 'sheets-v4', 'drive-v3'];
const from = resolve(process.argv[2] ?? '../shared/google-discovery');
const to = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'vendor', 'google-discovery');

const present = new Set(readdirSync(from).filter((f) => f.endsWith('.json')).map((f) => basename(f, '.json')));
const missing = FILES.filter((f) => !present.has(f));
if (missing.length) {
  console.error(`${from} lacks ${missing.map((f) => `${f}.json`).join(', ')}; nothing copied.`);
  process.exit(1);
}
mkdirSync(to, { recursive: true });
const rows = FILES.map((file) => {
  const text = readFileSync(join(from, `${file}.json`), 'utf8');
  const doc = JSON.parse(text); // a broken download stops here, before anything is overwritten
  copyFileSync(join(from, `${file}.json`), join(to, `${file}.json`));
  return `| ${file}.json | ${doc.title ?? doc.name} ${doc.version} | ${doc.revision} |`;
});
writeFileSync(join(to, 'README.md'), `# Google API discovery documents (vendored)

Google's machine-readable descriptions of the six REST APIs the project calls: every method, path, parameter,
request and response schema and the OAuth scopes each method accepts. The loopback fake
(\`test/fake-google/discovery.ts\`) validates every request against them, the add-on harness checks advanced-service
calls with them, and \`npm run gen-gas-methods\` derives the Apps Script method table from them.

| file | API | revision |
|---|---|---|
${rows.join('\n')}

Source: the public \`discovery-artifact-manager\` archive of Google's discovery service
(\`discoveries/<api>.<version>.json\`), unchanged. Refresh with \`npm run vendor-discovery [folder]\`
(by default the team's shared folder beside the checkout), which rewrites this table from each document's \`revision\`; then run
\`npm run gen-gas-methods\` and the tests.
`);
console.log(`copied ${FILES.length} discovery documents from ${from} to vendor/google-discovery/`);
