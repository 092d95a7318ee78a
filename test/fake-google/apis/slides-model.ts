/** The Slides presentation model: object ids, finding pages and elements, and building pages the way Google lays them out. */
import type { FakeState } from '../types';
import { fail } from './slides-text';
import type { AnyJson } from './util';

/** What a request sees: the working copy of the presentation (discarded if a later request fails) and an id source. */
export interface SlidesCtx {
  p: AnyJson;
  state: FakeState;
  /** Ids claimed by the current request but not yet on a page, so two parts of one request cannot share an id. */
  reserved: Set<string>;
}

export type PageKind = 'slide' | 'notes' | 'layout' | 'master' | 'notesMaster';

export interface PageRef {
  page: AnyJson;
  kind: PageKind;
  /** The slide a notes page belongs to. */
  slide?: AnyJson;
}

export interface ElementRef {
  el: AnyJson;
  /** The array holding the element: a page's pageElements or a group's children. */
  list: AnyJson[];
  page: PageRef;
}

/** 16:9 at Google's default size, in EMU (914400 per inch, 12700 per point). */
export const PAGE = { width: 9144000, height: 5143500 };
const EMU_PER_PT = 12700;

export function emu(dim: AnyJson | undefined): number {
  if (!dim?.magnitude) return 0;
  return dim.unit === 'PT' ? dim.magnitude * EMU_PER_PT : dim.magnitude;
}

export function dim(magnitude: number): AnyJson {
  return { magnitude, unit: 'EMU' };
}

/** Google stores sizes and transforms in EMU whatever unit the request used. */
export function normSize(size: AnyJson | undefined): AnyJson | undefined {
  return size ? { width: dim(emu(size.width)), height: dim(emu(size.height)) } : undefined;
}

export function normTransform(t: AnyJson | undefined): AnyJson | undefined {
  if (!t) return undefined;
  const k = t.unit === 'PT' ? EMU_PER_PT : 1;
  return { ...t, translateX: (t.translateX ?? 0) * k, translateY: (t.translateY ?? 0) * k, unit: 'EMU' };
}

export function pages(p: AnyJson): PageRef[] {
  const out: PageRef[] = [];
  for (const slide of p.slides ?? []) {
    out.push({ page: slide, kind: 'slide' });
    const notes = slide.slideProperties?.notesPage;
    if (notes) out.push({ page: notes, kind: 'notes', slide });
  }
  for (const page of p.layouts ?? []) out.push({ page, kind: 'layout' });
  for (const page of p.masters ?? []) out.push({ page, kind: 'master' });
  if (p.notesMaster) out.push({ page: p.notesMaster, kind: 'notesMaster' });
  return out;
}

export function* elementsOf(list: AnyJson[] | undefined, page: PageRef): Generator<ElementRef> {
  for (const el of list ?? []) {
    yield { el, list: list as AnyJson[], page };
    if (el.elementGroup) yield* elementsOf(el.elementGroup.children, page);
  }
}

export function* allElements(p: AnyJson): Generator<ElementRef> {
  for (const page of pages(p)) yield* elementsOf(page.page.pageElements, page);
}

export function allIds(p: AnyJson): Set<string> {
  const ids = new Set<string>();
  for (const { page } of pages(p)) ids.add(page.objectId);
  for (const { el } of allElements(p)) ids.add(el.objectId);
  return ids;
}

export function findPage(p: AnyJson, id: string): PageRef | undefined {
  return pages(p).find((r) => r.page.objectId === id);
}

export function findElement(p: AnyJson, id: string): ElementRef | undefined {
  for (const ref of allElements(p)) if (ref.el.objectId === id) return ref;
  return undefined;
}

export function notFoundMsg(id: string | undefined): string {
  return `The object (${id ?? ''}) could not be found.`;
}

export function requireElement(p: AnyJson, id: string | undefined): ElementRef {
  return (id !== undefined && findElement(p, id)) || fail(notFoundMsg(id));
}

/** A page that may hold new elements: a slide, layout or master (notes pages are read-only but for the speaker notes text). */
export function requireDrawablePage(p: AnyJson, id: string | undefined): AnyJson {
  const ref = id === undefined ? undefined : findPage(p, id);
  if (!ref) fail(notFoundMsg(id));
  if (ref.kind === 'notes' || ref.kind === 'notesMaster') fail(`The page (${id}) is a notes page; only the speaker notes text can be edited.`);
  return ref.page;
}

const ID_CHARS = /^[a-zA-Z0-9_][a-zA-Z0-9_\-:]*$/;

/** Check a caller-supplied id against Google's rule, or make one; either way it is unique in the presentation. */
export function claimId(ctx: SlidesCtx, id?: string): string {
  const taken = allIds(ctx.p);
  if (id === undefined || id === '') {
    let fresh: string;
    do fresh = ctx.state.nextId('SLIDES_API');
    while (taken.has(fresh) || ctx.reserved.has(fresh));
    ctx.reserved.add(fresh);
    return fresh;
  }
  if (id.length < 5 || id.length > 50) fail(`The object ID (${id}) should be between 5 and 50 characters long.`);
  if (!ID_CHARS.test(id)) fail(`The object ID (${id}) should start with a character in [a-zA-Z0-9_] and continue with characters in [a-zA-Z0-9_-:].`);
  if (taken.has(id) || ctx.reserved.has(id)) fail(`The object ID (${id}) should be unique among all pages and page elements.`);
  ctx.reserved.add(id);
  return id;
}

export function shapeElement(objectId: string, shapeType: string, size?: AnyJson, transform?: AnyJson, placeholder?: AnyJson): AnyJson {
  return {
    objectId,
    ...(size ? { size } : {}),
    ...(transform ? { transform } : {}),
    shape: { shapeType, ...(placeholder ? { placeholder } : {}), shapeProperties: {} },
  };
}

function box(x: number, y: number, w: number, h: number): { size: AnyJson; transform: AnyJson } {
  return { size: { width: dim(w), height: dim(h) }, transform: { scaleX: 1, scaleY: 1, translateX: x, translateY: y, unit: 'EMU' } };
}

/** Placeholders of Google's predefined layouts, as [type, index] (index is omitted from JSON when 0). */
const LAYOUTS: Record<string, [string, number][]> = {
  TITLE: [['CENTERED_TITLE', 0], ['SUBTITLE', 0]],
  SECTION_HEADER: [['TITLE', 0]],
  TITLE_AND_BODY: [['TITLE', 0], ['BODY', 0]],
  TITLE_AND_TWO_COLUMNS: [['TITLE', 0], ['BODY', 0], ['BODY', 1]],
  TITLE_ONLY: [['TITLE', 0]],
  ONE_COLUMN_TEXT: [['TITLE', 0], ['BODY', 0]],
  MAIN_POINT: [['TITLE', 0]],
  SECTION_TITLE_AND_DESCRIPTION: [['TITLE', 0], ['SUBTITLE', 0], ['BODY', 0]],
  CAPTION_ONLY: [['BODY', 0]],
  BIG_NUMBER: [['TITLE', 0], ['BODY', 0]],
  BLANK: [],
};

function placeholderBox(type: string, index: number): { size: AnyJson; transform: AnyJson } {
  if (type === 'TITLE' || type === 'CENTERED_TITLE') return box(311700, 445025, 8520600, 572700);
  if (type === 'SUBTITLE') return box(311700, 2834125, 8520600, 395100);
  // A second BODY (index 1) is the right-hand column.
  return index ? box(4702500, 1152475, 4129800, 3416400) : box(311700, 1152475, 8520600, 3416400);
}

/**
 * A blank presentation as `presentations.create` returns it: one master, Google's predefined layouts, a notes master,
 * and one TITLE slide with its notes page. `newId` makes the ids (the server's counter; a local one by default).
 */
export function makePresentation(title: string, opts: { presentationId?: string; newId?: () => string } = {}): AnyJson {
  let n = 0;
  const newId = opts.newId ?? (() => `g_${String(++n).padStart(4, '0')}`);
  const masterId = newId();
  const master = {
    objectId: masterId,
    pageType: 'MASTER',
    pageElements: [['TITLE', 0], ['BODY', 0]].map(([t, i]) => placeholderShape(newId(), t as string, i as number)),
    masterProperties: { displayName: 'Simple Light' },
    pageProperties: {},
  };
  // Layout placeholders inherit from the master's (a centred title from its TITLE).
  const parentOf = (type: string): string | undefined =>
    master.pageElements.find((m) => m.shape.placeholder.type === (type === 'CENTERED_TITLE' ? 'TITLE' : type))?.objectId;
  const layouts = Object.entries(LAYOUTS).map(([name, holders]) => ({
    objectId: newId(),
    pageType: 'LAYOUT',
    pageElements: holders.map(([t, i]) => placeholderShape(newId(), t, i, parentOf(t))),
    layoutProperties: { masterObjectId: masterId, name, displayName: name.toLowerCase().replace(/_/g, ' ') },
    pageProperties: {},
  }));
  const notesMaster = {
    objectId: newId(),
    pageType: 'NOTES_MASTER',
    pageElements: [placeholderShape(newId(), 'SLIDE_IMAGE', 0), placeholderShape(newId(), 'BODY', 1)],
    pageProperties: {},
  };
  const p: AnyJson = {
    presentationId: opts.presentationId ?? newId(),
    title,
    pageSize: { width: dim(PAGE.width), height: dim(PAGE.height) },
    slides: [],
    masters: [master],
    layouts,
    notesMaster,
    locale: 'en',
    revisionId: 'rev-1',
  };
  const titleLayout = layouts.find((l) => l.layoutProperties.name === 'TITLE') as AnyJson;
  p.slides.push(slideFromLayout(p, newId(), titleLayout, () => newId()));
  return p;
}

function placeholderShape(objectId: string, type: string, index: number, parentObjectId?: string): AnyJson {
  const { size, transform } = placeholderBox(type, index);
  return shapeElement(objectId, 'TEXT_BOX', size, transform, { type, ...(index ? { index } : {}), ...(parentObjectId ? { parentObjectId } : {}) });
}

/**
 * A slide built from a layout: one placeholder shape per layout placeholder (ids from `idFor`, which may honour
 * placeholderIdMappings), and a notes page whose BODY placeholder holds the speaker notes.
 */
export function slideFromLayout(p: AnyJson, slideId: string, layout: AnyJson | undefined, idFor: (layoutPlaceholder: AnyJson) => string): AnyJson {
  const holders = (layout?.pageElements ?? []).filter((e: AnyJson) => e.shape?.placeholder);
  const masterId = layout?.layoutProperties?.masterObjectId ?? p.masters?.[0]?.objectId;
  const pageElements = holders.map((h: AnyJson) => ({
    ...structuredClone({ size: h.size, transform: h.transform }),
    objectId: idFor(h),
    shape: { shapeType: h.shape.shapeType ?? 'TEXT_BOX', placeholder: { ...h.shape.placeholder, parentObjectId: h.objectId }, shapeProperties: {} },
  }));
  return {
    objectId: slideId,
    pageElements,
    slideProperties: {
      ...(layout ? { layoutObjectId: layout.objectId } : {}),
      ...(masterId ? { masterObjectId: masterId } : {}),
      notesPage: notesPage(p, () => idFor({})),
    },
    pageProperties: {},
  };
}

export function notesPage(p: AnyJson, newId: () => string): AnyJson {
  const pageId = newId();
  const image = placeholderShape(newId(), 'SLIDE_IMAGE', 0, p.notesMaster?.pageElements?.[0]?.objectId);
  image.shape.shapeType = 'RECTANGLE';
  const body = placeholderShape(newId(), 'BODY', 1, p.notesMaster?.pageElements?.[1]?.objectId);
  return { objectId: pageId, pageType: 'NOTES', pageElements: [image, body], notesProperties: { speakerNotesObjectId: body.objectId }, pageProperties: {} };
}
