/** Reads a template (the REST Presentation from presentations.get) into what a fill needs: tagged slides, tokens, row templates, chart placeholders. */
import { objectIdTag, parseVariants, SLIDE_KEYS, strayOpenings, tokensIn, type Token, type Variant } from './tokens';

/* The few parts of Slides' REST resources a template read looks at (all optional, as Google omits empty fields). */
interface RestText { textElements?: { textRun?: { content?: string }; autoText?: { content?: string } }[] }
interface RestCell { location?: { rowIndex?: number; columnIndex?: number }; text?: RestText }
interface RestElement {
  objectId?: string;
  transform?: { translateX?: number; translateY?: number };
  shape?: { text?: RestText };
  table?: { rows?: number; columns?: number; tableRows?: { tableCells?: RestCell[] }[] };
  elementGroup?: { children?: RestElement[] };
  wordArt?: { renderedText?: string };
}
interface RestPage {
  objectId?: string;
  pageElements?: RestElement[];
  slideProperties?: { notesPage?: RestPage };
  notesProperties?: { speakerNotesObjectId?: string };
}
export interface RestPresentation { presentationId?: string; revisionId?: string; slides?: RestPage[]; layouts?: RestPage[]; masters?: RestPage[] }

export interface TemplateCell { row: number; column: number; text: string }

/** A table whose last row holds `{{row.N}}` tokens: it grows one row per data row of the slide's Nth table block. */
export interface RowTable {
  objectId: string;
  /** 1-based table block of the slide plan this table shows. */
  block: number;
  /** `marker`: a `{{table.N}}` in the template row; `order`: the Nth row template on the slide, top to bottom. */
  bound: 'marker' | 'order';
  /** 0-based index of the template row (the table's last row). */
  templateRow: number;
  columns: number;
  /** Cells in the template row (fewer than `columns` when cells are merged). */
  cellCount: number;
  /** Every cell of the template row, with its text (tokens included). */
  rowCells: TemplateCell[];
  /** Cells above the template row that hold tokens (`{{col.N}}` headers and the like). */
  headerCells: TemplateCell[];
  /** `{{rows:M}}` in the template row, else null (the default cap). */
  maxRows: number | null;
}

export interface ChartPlaceholder { objectId: string; n: number; raw: string }

/** A page element on the slide itself (groups counted whole) and the tokens it holds. */
export interface TokenElement { objectId: string; tokens: Token[] }

export interface TemplateSlide {
  objectId: string;
  /** The slide key from `{{slide:KEY}}` in the notes or a `qbr__KEY` object ID; null for an untagged slide. */
  key: string | null;
  tag: 'notes' | 'objectId' | null;
  /** The variants this slide belongs to; null: every variant. */
  variants: Variant[] | null;
  speakerNotesObjectId: string | null;
  notesText: string;
  /** Tokens in shapes and ordinary tables (not row templates, not notes), each raw form once. */
  tokens: Token[];
  elements: TokenElement[];
  rowTables: RowTable[];
  charts: ChartPlaceholder[];
  /** Word art holding `{{`: no request can edit its text, so a fill removes it (and the read reports it). */
  wordArt: string[];
  /** `{{` that is not part of a whole token, on the slide (not the notes). */
  strays: number;
}

export interface TemplateModel {
  presentationId: string | null;
  slides: TemplateSlide[];
  /** What a template designer should fix: unknown keys or variants, tokens on layouts, row templates without data. */
  problems: string[];
}

export function textOf(t: RestText | undefined): string {
  const s = (t?.textElements ?? []).map((e) => e.textRun?.content ?? e.autoText?.content ?? '').join('');
  // Slides ends every text with a paragraph mark; it is structure, not content.
  return s.endsWith('\n') ? s.slice(0, -1) : s;
}

function uniq(tokens: Token[]): Token[] {
  const seen = new Set<string>();
  return tokens.filter((t) => (seen.has(t.raw) ? false : (seen.add(t.raw), true)));
}

function cellsOf(el: RestElement): TemplateCell[] {
  return (el.table?.tableRows ?? []).flatMap((r, row) => (r.tableCells ?? []).map((c, i) => ({
    row: c.location?.rowIndex ?? row, column: c.location?.columnIndex ?? i, text: textOf(c.text),
  })));
}

function flatten(list: RestElement[] | undefined): RestElement[] {
  return (list ?? []).flatMap((e) => [e, ...flatten(e.elementGroup?.children)]);
}

/** The text replaceAllText can reach: shapes and table cells (word art is read-only to the API, see `wordArt`). */
function elementText(e: RestElement): string {
  return flatten([e]).map((x) => [textOf(x.shape?.text), ...cellsOf(x).map((c) => c.text)].join('\n')).join('\n');
}

function rowTable(el: RestElement, problems: string[], where: string): Omit<RowTable, 'block' | 'bound'> & { marker: number | null } | null {
  const cells = cellsOf(el);
  const templateRow = (el.table?.tableRows?.length ?? 0) - 1;
  const rowCells = cells.filter((c) => c.row === templateRow);
  const names = rowCells.flatMap((c) => tokensIn(c.text).map((t) => t.name));
  if (templateRow < 0 || !names.some((n) => /^row\.\d+$/.test(n))) return null;
  const first = rowCells.find((c) => c.column === 0) ?? rowCells[0];
  const marker = tokensIn(first?.text ?? '').map((t) => /^table\.(\d+)$/.exec(t.name)).find(Boolean);
  const cap = names.map((n) => /^rows:(\d+)$/.exec(n)).find(Boolean);
  if (names.some((n) => /^table\.\d+$/.test(n)) && !marker) problems.push(`${where}: {{table.N}} must sit in the first cell of the template row`);
  return {
    objectId: el.objectId ?? '', templateRow, columns: el.table?.columns ?? rowCells.length, cellCount: rowCells.length,
    rowCells, headerCells: cells.filter((c) => c.row < templateRow && tokensIn(c.text).length > 0),
    maxRows: cap ? Math.max(1, Number(cap[1])) : null,
    marker: marker ? Number(marker[1]) : null,
  };
}

function slideTag(notes: string, objectId: string, problems: string[]): Pick<TemplateSlide, 'key' | 'tag' | 'variants'> {
  const names = tokensIn(notes).map((t) => t.name);
  const slide = names.map((n) => /^slide:\s*(.+)$/.exec(n)).find(Boolean);
  const listed = names.map((n) => /^variants:\s*(.+)$/.exec(n)).find(Boolean);
  let variants: Variant[] | null = null;
  if (listed) {
    const parsed = parseVariants(listed[1]!);
    if (parsed.unknown.length > 0) problems.push(`Slide ${objectId}: unknown variant ${parsed.unknown.join(', ')} (use ebr, enterprise, midmarket, smb)`);
    variants = parsed.variants;
  }
  const byId = objectIdTag(objectId);
  const key = slide ? slide[1]!.trim() : byId?.key ?? null;
  if (key !== null && !(SLIDE_KEYS as readonly string[]).includes(key)) problems.push(`Slide ${objectId}: unknown slide key "${key}"`);
  return { key, tag: slide ? 'notes' : byId ? 'objectId' : null, variants: listed ? variants : slide ? null : byId?.variants ?? null };
}

function readSlide(page: RestPage, problems: string[]): TemplateSlide {
  const objectId = page.objectId ?? '';
  const notesPage = page.slideProperties?.notesPage;
  const speakerNotesObjectId = notesPage?.notesProperties?.speakerNotesObjectId ?? null;
  const notesShape = flatten(notesPage?.pageElements).find((e) => e.objectId === speakerNotesObjectId);
  const notesText = textOf(notesShape?.shape?.text);
  const tag = slideTag(notesText, objectId, problems);

  const top = page.pageElements ?? [];
  const found = top.flatMap((el) => (el.table ? [{ el, t: rowTable(el, problems, `Slide ${objectId} table ${el.objectId}`) }] : []))
    .filter((x): x is { el: RestElement; t: NonNullable<ReturnType<typeof rowTable>> } => x.t !== null);
  // Unmarked row templates bind in reading order: top to bottom, then left to right.
  const pos = (e: RestElement) => [e.transform?.translateY ?? 0, e.transform?.translateX ?? 0] as const;
  const unmarked = found.filter((x) => x.t.marker === null).sort((a, b) => pos(a.el)[0] - pos(b.el)[0] || pos(a.el)[1] - pos(b.el)[1]);
  const rowTables: RowTable[] = found.map(({ t }) => {
    const { marker, ...rest } = t;
    return marker !== null ? { ...rest, block: marker, bound: 'marker' } : { ...rest, block: unmarked.findIndex((u) => u.t === t) + 1, bound: 'order' };
  });
  const templateIds = new Set(rowTables.map((t) => t.objectId));

  const elements: TokenElement[] = top.filter((e) => !templateIds.has(e.objectId ?? ''))
    .map((e) => ({ objectId: e.objectId ?? '', tokens: uniq(tokensIn(elementText(e))) }))
    .filter((e) => e.tokens.length > 0);
  const charts: ChartPlaceholder[] = flatten(top).flatMap((e) => tokensIn(textOf(e.shape?.text)).flatMap((t) => {
    const m = /^chart\.(\d+)$/.exec(t.name);
    return m ? [{ objectId: e.objectId ?? '', n: Number(m[1]), raw: t.raw }] : [];
  }));
  const wordArt = flatten(top).filter((e) => (e.wordArt?.renderedText ?? '').includes('{{')).map((e) => e.objectId ?? '');
  for (const id of wordArt) problems.push(`Slide ${objectId}: word art ${id} holds a token, which the Slides API cannot replace; use a text box`);
  return {
    objectId, ...tag, speakerNotesObjectId, notesText,
    tokens: uniq(elements.flatMap((e) => e.tokens)), elements, rowTables,
    charts, wordArt,
    strays: strayOpenings(top.map(elementText).join('\n')),
  };
}

/** The template as a fill sees it. Never throws: what a designer should fix is listed in `problems`. */
export function readTemplate(presentation: RestPresentation): TemplateModel {
  const problems: string[] = [];
  const slides = (presentation.slides ?? []).map((s) => readSlide(s, problems));
  for (const page of [...(presentation.layouts ?? []), ...(presentation.masters ?? [])]) {
    if (flatten(page.pageElements).some((e) => tokensIn(elementText(e)).length > 0)) {
      problems.push(`Layout or master ${page.objectId}: tokens there are not filled (a fill only touches slides); move them onto the slides`);
    }
  }
  for (const s of slides) {
    if (s.strays > 0) problems.push(`Slide ${s.objectId}: ${s.strays} "{{" not closed by "}}"`);
  }
  return { presentationId: presentation.presentationId ?? null, slides, problems };
}
