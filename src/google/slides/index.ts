/** Slides from templates: the built-in template, reading a template copy, filling it from a deck plan, linked charts. */
export { CHART_ROWS, CHART_SLOT_BLOCKS, chartCellsRequest, chartSheetRequests, type ChartSheetPlan } from './charts';
export { fillCall, fillRequests, readCall, type ChartSource, type FillOptions, type FillResult, type WrittenElement } from './fill';
export { readTemplate, type RestPresentation, type RowTable, type TemplateModel, type TemplateSlide } from './read';
export { builtInTemplateRequests, findTemplateCall, TEMPLATE_MARK, TEMPLATE_TITLE } from './template';
export { isObjectId, SLIDE_KEYS, type Variant } from './tokens';
export { deckTokens } from './values';
