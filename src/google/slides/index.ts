/** Slides from templates: the built-in template, reading a template copy, filling it from a deck plan, linked charts. */
export { chartSheetRequests, type ChartSheetPlan } from './charts';
export { fillCall, fillRequests, readCall, type ChartSource, type FillOptions, type FillResult } from './fill';
export { readTemplate, type RestPresentation, type RowTable, type TemplateModel, type TemplateSlide } from './read';
export { builtInTemplateRequests, copyTemplateCall, findTemplateCall, TEMPLATE_MARK, TEMPLATE_TITLE } from './template';
export { isObjectId, SLIDE_KEYS, type Variant } from './tokens';
export { deckTokens } from './values';
import snapshot from './builtin-presentation.json';
import type { RestPresentation } from './read';

/** The built-in template as presentations.get returns it (a snapshot; see scripts/snapshot-template.ts): what --dry-run fills. */
export function builtInPresentation(): RestPresentation {
  return snapshot as RestPresentation;
}
