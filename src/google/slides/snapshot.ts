/** The built-in template as presentations.get returns it (a snapshot; see scripts/snapshot-template.ts): what --dry-run fills. Kept out of the index so the add-on bundle does not carry it. */
import snapshot from './builtin-presentation.json';
import type { RestPresentation } from './read';

export function builtInPresentation(): RestPresentation {
  return snapshot as RestPresentation;
}
