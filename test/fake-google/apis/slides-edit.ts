/** Slides text requests (insert, delete, style, bullets) and the replaceAll* requests that search text across pages. */
import { chartElement, requireChart } from './slides-elements';
import { type ElementRef, type PageRef, type SlidesCtx, claimId, elementsOf, findPage, notFoundMsg, requireElement } from './slides-model';
import type { SlidesRequest } from './slides-pages';
import { tableCell } from './slides-tables';
import {
  type TextModel, applyMask, bulletize, deleteUnits, fail, insertUnits, paragraphsIn, parseText, plain, renderText, replaceUnits, resolveRange,
} from './slides-text';
import type { AnyJson } from './util';

/** The object whose `text` a request edits: a shape, or a table cell picked by cellLocation. */
function textHolder(ctx: SlidesCtx, id: string | undefined, loc: AnyJson | undefined): AnyJson {
  const ref = requireElement(ctx.p, id);
  if ((ref.page.kind === 'notes' || ref.page.kind === 'notesMaster') && ref.page.page.notesProperties?.speakerNotesObjectId !== id) {
    fail(`The object (${id}) is on a notes page; only the speaker notes shape's text can be edited.`);
  }
  if (ref.el.table) {
    if (!loc) fail(`The object (${id}) is a table; a cellLocation is required.`);
    return tableCell(ref.el.table, loc, id as string);
  }
  if (loc) fail(`The object (${id}) is not a table, so cellLocation must not be set.`);
  return ref.el.shape ?? fail(`The object (${id}) does not allow text editing.`);
}

function edit(holder: AnyJson, change: (m: TextModel) => void): void {
  const model = parseText(holder.text);
  change(model);
  const text = renderText(model);
  if (text) holder.text = text;
  else delete holder.text;
}

const insertText: SlidesRequest = (ctx, r) => {
  edit(textHolder(ctx, r.objectId, r.cellLocation), (m) => {
    const at: number = r.insertionIndex ?? 0;
    // The final newline closes the text: nothing can be inserted after it.
    const max = Math.max(m.units.length - 1, 0);
    if (at < 0 || at > max) fail(`The insertion index (${at}) should be between 0 and ${max}, the text length before its final newline.`);
    m.units = insertUnits(m.units, at, r.text ?? '');
  });
  return {};
};

const deleteText: SlidesRequest = (ctx, r) => {
  edit(textHolder(ctx, r.objectId, r.cellLocation), (m) => {
    // Google refuses to delete from empty text (clients must skip clearing empty speaker notes).
    if (!m.units.length) fail(`The object (${r.objectId}) has no text.`);
    const [start, end] = resolveRange(r.textRange, m.units.length);
    m.units = deleteUnits(m.units, start, end);
  });
  return {};
};

const updateTextStyle: SlidesRequest = (ctx, r) => {
  edit(textHolder(ctx, r.objectId, r.cellLocation), (m) => {
    const [start, end] = resolveRange(r.textRange, m.units.length);
    applyMask({}, r.style, r.fields); // checks the mask even when the range is empty
    for (const u of m.units.slice(start, end)) u.style = applyMask(u.style, r.style, r.fields);
  });
  return {};
};

const updateParagraphStyle: SlidesRequest = (ctx, r) => {
  edit(textHolder(ctx, r.objectId, r.cellLocation), (m) => {
    const [start, end] = resolveRange(r.textRange, m.units.length);
    applyMask({}, r.style, r.fields);
    for (const [, nl] of paragraphsIn(m.units, start, end)) {
      const para = m.units[nl]?.para;
      if (para) para.style = applyMask(para.style, r.style, r.fields);
    }
  });
  return {};
};

const createParagraphBullets: SlidesRequest = (ctx, r) => {
  edit(textHolder(ctx, r.objectId, r.cellLocation), (m) => {
    const [start, end] = resolveRange(r.textRange, m.units.length);
    const numbered = String(r.bulletPreset ?? '').startsWith('NUMBERED');
    bulletize(m, start, end, ctx.state.nextId('kix.list'), numbered ? '1.' : '●');
  });
  return {};
};

const deleteParagraphBullets: SlidesRequest = (ctx, r) => {
  edit(textHolder(ctx, r.objectId, r.cellLocation), (m) => {
    const [start, end] = resolveRange(r.textRange, m.units.length);
    for (const [, nl] of paragraphsIn(m.units, start, end)) delete m.units[nl]?.para?.bullet;
  });
  return {};
};

/**
 * The pages a replaceAll* request searches: the listed ones (which must exist, and not be the notes master), or
 * every slide. Speaker notes are searched only when their notes page is listed.
 */
function searchedPages(ctx: SlidesCtx, ids: string[] | undefined, allowNotes: boolean): PageRef[] {
  if (!ids?.length) return (ctx.p.slides ?? []).map((page: AnyJson): PageRef => ({ page, kind: 'slide' }));
  return ids.map((id) => {
    const ref = findPage(ctx.p, id) ?? fail(notFoundMsg(id));
    if (ref.kind === 'notesMaster' || (ref.kind === 'notes' && !allowNotes)) fail(`The page (${id}) cannot be searched by this request.`);
    return ref;
  });
}

function criteria(r: AnyJson): { text: string; matchCase: boolean } {
  const text: string | undefined = r.containsText?.text;
  if (!text) fail('containsText.text must not be empty.');
  // matchCase is false when absent (proto3 default), so the search ignores case.
  return { text, matchCase: r.containsText.matchCase === true };
}

/** Google leaves zero counts out of the JSON reply. */
function occurrences(n: number): AnyJson {
  return n ? { occurrencesChanged: n } : {};
}

const replaceAllText: SlidesRequest = (ctx, r) => {
  const { text, matchCase } = criteria(r);
  let total = 0;
  const replaceIn = (holder: AnyJson): void =>
    edit(holder, (m) => {
      const out = replaceUnits(m.units, text, r.replaceText ?? '', matchCase);
      m.units = out.units;
      total += out.count;
    });
  for (const page of searchedPages(ctx, r.pageObjectIds, true)) {
    for (const { el } of elementsOf(page.page.pageElements, page)) {
      if (el.shape) replaceIn(el.shape);
      for (const row of el.table?.tableRows ?? []) for (const cell of row.tableCells ?? []) replaceIn(cell);
    }
  }
  return { replaceAllText: occurrences(total) };
};

/** Replace each shape whose text contains the criteria with what `make` builds at the same size and position. */
function replaceShapes(ctx: SlidesCtx, r: AnyJson, make: (objectId: string, at: { size?: AnyJson; transform: AnyJson }) => AnyJson): number {
  const { text, matchCase } = criteria(r);
  const needle = matchCase ? text : text.toLowerCase();
  const hits: ElementRef[] = [];
  for (const page of searchedPages(ctx, r.pageObjectIds, false)) {
    for (const ref of elementsOf(page.page.pageElements, page)) {
      if (!ref.el.shape) continue;
      const content = plain(parseText(ref.el.shape.text).units);
      if ((matchCase ? content : content.toLowerCase()).includes(needle)) hits.push(ref);
    }
  }
  // Simplified: the replacement keeps the shape's box exactly instead of being scaled to the image's aspect ratio.
  for (const { el, list } of hits) list.splice(list.indexOf(el), 1, make(claimId(ctx), { size: el.size, transform: el.transform }));
  return hits.length;
}

const replaceAllShapesWithSheetsChart: SlidesRequest = (ctx, r) => {
  requireChart(ctx, r);
  const n = replaceShapes(ctx, r, (objectId, at) => chartElement(ctx, objectId, r, at));
  return { replaceAllShapesWithSheetsChart: occurrences(n) };
};

const replaceAllShapesWithImage: SlidesRequest = (ctx, r) => {
  const url: string | undefined = r.imageUrl;
  if (!url || !/^https?:\/\//.test(url)) fail(`The image URL (${url ?? ''}) must be a public http(s) URL.`);
  const n = replaceShapes(ctx, r, (objectId, at) => ({ objectId, ...at, image: { contentUrl: url, sourceUrl: url, imageProperties: {} } }));
  return { replaceAllShapesWithImage: occurrences(n) };
};

export const editRequests: Record<string, SlidesRequest> = {
  insertText,
  deleteText,
  updateTextStyle,
  updateParagraphStyle,
  createParagraphBullets,
  deleteParagraphBullets,
  replaceAllText,
  replaceAllShapesWithSheetsChart,
  replaceAllShapesWithImage,
};
