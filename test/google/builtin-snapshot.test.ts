import { builtInPresentation } from '../../src/google/slides/snapshot';
import { builtInSnapshot } from './builtin-snapshot';

it('keeps the dry-run snapshot of the built-in template in step with the template (npm run snapshot-template)', () => {
  expect(JSON.parse(JSON.stringify(builtInPresentation()))).toEqual(JSON.parse(JSON.stringify(builtInSnapshot())));
});
