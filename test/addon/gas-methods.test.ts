import { GAS_METHODS } from '../../src/addon/gas/methods';
import { gasMethodTable } from './gas-method-table';

it('keeps the advanced-service method table in step with the discovery documents (npm run gen-gas-methods)', () => {
  expect(JSON.parse(JSON.stringify(GAS_METHODS))).toEqual(gasMethodTable());
});
