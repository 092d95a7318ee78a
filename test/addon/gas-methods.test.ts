import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GAS_METHODS } from '../../src/addon/gas/methods';
import { gasMethodTable } from './gas-method-table';

it('keeps the advanced-service method table in step with the discovery documents (npm run gen-gas-methods)', () => {
  expect(JSON.parse(JSON.stringify(GAS_METHODS))).toEqual(gasMethodTable());
});

it('maps every Google method the package code calls (a refresh in place checks the deck with drive.files.get)', () => {
  // The ids the request builders send, read from the source: one missing from the table fails only inside Apps Script.
  const root = join(__dirname, '..', '..', 'src');
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
  const used = new Set([...files(join(root, 'google')), ...files(join(root, 'addon'))].flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bid: '((?:drive|slides|docs|gmail|calendar|sheets)\.[A-Za-z.]+)'/g)].map((m) => m[1]!)));
  expect(used.size).toBeGreaterThan(15);
  expect([...used].filter((id) => !(id in GAS_METHODS))).toEqual([]);
});
