/** Slides page requests: createSlide, deleteObject, duplicateObject, updateSlidesPosition and page property updates. */
import { type ElementRef, type SlidesCtx, allIds, claimId, findElement, findPage, notFoundMsg, slideFromLayout } from './slides-model';
import { applyMask, fail } from './slides-text';
import type { AnyJson } from './util';

export type SlidesRequest = (ctx: SlidesCtx, r: AnyJson) => AnyJson;

/** The layout a new slide uses, resolved against the master of the previous slide (or the first), as Google documents. */
function resolveLayout(p: AnyJson, ref: AnyJson | undefined, at: number): AnyJson | undefined {
  const layouts: AnyJson[] = p.layouts ?? [];
  const neighbour = at > 0 ? p.slides[at - 1] : p.slides[0];
  const masterId: string | undefined = neighbour?.slideProperties?.masterObjectId ?? p.masters?.[0]?.objectId;
  const inMaster = (l: AnyJson): boolean => !masterId || !l.layoutProperties?.masterObjectId || l.layoutProperties.masterObjectId === masterId;
  if (ref?.layoutId) return layouts.find((l) => l.objectId === ref.layoutId) ?? fail(`The layout (${ref.layoutId}) could not be found.`);
  if (ref?.predefinedLayout) {
    return (
      layouts.find((l) => l.layoutProperties?.name === ref.predefinedLayout && inMaster(l)) ??
      fail(`The predefined layout (${ref.predefinedLayout}) could not be found in the current master.`)
    );
  }
  // No reference: Google uses the predefined BLANK layout (a template may not have one; then the slide has no placeholders).
  return layouts.find((l) => l.layoutProperties?.name === 'BLANK' && inMaster(l));
}

function findHolder(layout: AnyJson | undefined, m: AnyJson): AnyJson | undefined {
  const holders: AnyJson[] = (layout?.pageElements ?? []).filter((e: AnyJson) => e.shape?.placeholder);
  if (m.layoutPlaceholderObjectId) return holders.find((h) => h.objectId === m.layoutPlaceholderObjectId);
  const type = m.layoutPlaceholder?.type;
  const index = m.layoutPlaceholder?.index ?? 0;
  return holders.find((h) => h.shape.placeholder.type === type && (h.shape.placeholder.index ?? 0) === index);
}

const createSlide: SlidesRequest = (ctx, r) => {
  const p = ctx.p;
  p.slides ??= [];
  const slideId = claimId(ctx, r.objectId);
  const at: number = r.insertionIndex ?? p.slides.length;
  if (at < 0 || at > p.slides.length) fail(`The insertion index (${at}) should be between 0 and the number of slides (${p.slides.length}).`);
  const layout = resolveLayout(p, r.slideLayoutReference, at);
  const mapped = new Map<string, string>();
  for (const m of (r.placeholderIdMappings ?? []) as AnyJson[]) {
    const holder = findHolder(layout, m);
    if (!holder) {
      const what = m.layoutPlaceholderObjectId ?? `type: ${m.layoutPlaceholder?.type}, index: ${m.layoutPlaceholder?.index ?? 0}`;
      fail(`The placeholder (${what}) could not be found on the layout (${layout?.objectId ?? 'none'}).`);
    }
    if (mapped.has(holder.objectId)) fail(`The placeholder (${holder.objectId}) is mapped more than once.`);
    mapped.set(holder.objectId, claimId(ctx, m.objectId));
  }
  const slide = slideFromLayout(p, slideId, layout, (h) => mapped.get(h.objectId) ?? claimId(ctx));
  p.slides.splice(at, 0, slide);
  return { createSlide: { objectId: slideId } };
};

/** Google dissolves a group left with fewer than two children. */
function collapseGroups(list: AnyJson[] | undefined): void {
  if (!list) return;
  for (let i = list.length - 1; i >= 0; i--) {
    const group = list[i].elementGroup;
    if (!group) continue;
    collapseGroups(group.children);
    if ((group.children ?? []).length < 2) list.splice(i, 1, ...(group.children ?? []));
  }
}

const deleteObject: SlidesRequest = (ctx, r) => {
  const id: string | undefined = r.objectId;
  const page = id === undefined ? undefined : findPage(ctx.p, id);
  if (page) {
    if (page.kind !== 'slide') fail(`The page (${id}) cannot be deleted; only slides and page elements can.`);
    // The notes page lives inside the slide's slideProperties, so it goes with it.
    ctx.p.slides = ctx.p.slides.filter((s: AnyJson) => s !== page.page);
    return {};
  }
  const ref = findElement(ctx.p, id ?? '') ?? fail(notFoundMsg(id));
  readOnlyGuard(ref);
  ref.list.splice(ref.list.indexOf(ref.el), 1);
  collapseGroups(ref.page.page.pageElements);
  return {};
};

export function readOnlyGuard(ref: ElementRef): void {
  if (ref.page.kind === 'notes' || ref.page.kind === 'notesMaster') fail(`The object (${ref.el.objectId}) is on a notes page, which is read-only apart from the speaker notes text.`);
}

/** Give a copied subtree fresh ids (from the caller's objectIds map where given), recording old → new. */
function renumber(el: AnyJson, idFor: (old: string) => string, renamed: Map<string, string>): void {
  const next = idFor(el.objectId);
  renamed.set(el.objectId, next);
  el.objectId = next;
  for (const child of el.elementGroup?.children ?? []) renumber(child, idFor, renamed);
}

const duplicateObject: SlidesRequest = (ctx, r) => {
  const id: string | undefined = r.objectId;
  const map: Record<string, string> = r.objectIds ?? {};
  const existing = allIds(ctx.p);
  for (const key of Object.keys(map)) if (!existing.has(key)) fail(`The object ID (${key}) in objectIds could not be found in the presentation.`);
  const idFor = (old: string): string => claimId(ctx, map[old]);
  const renamed = new Map<string, string>();
  const page = id === undefined ? undefined : findPage(ctx.p, id);
  if (page) {
    if (page.kind !== 'slide') fail(`The page (${id}) cannot be duplicated; only slides and page elements can.`);
    const copy = structuredClone(page.page);
    copy.objectId = idFor(copy.objectId);
    for (const el of copy.pageElements ?? []) renumber(el, idFor, renamed);
    // The duplicate gets its own notes page carrying the same speaker notes.
    const notes = copy.slideProperties?.notesPage;
    if (notes) {
      notes.objectId = idFor(notes.objectId);
      for (const el of notes.pageElements ?? []) renumber(el, idFor, renamed);
      const speaker = notes.notesProperties?.speakerNotesObjectId;
      if (speaker && renamed.has(speaker)) notes.notesProperties.speakerNotesObjectId = renamed.get(speaker);
    }
    ctx.p.slides.splice(ctx.p.slides.indexOf(page.page) + 1, 0, copy);
    return { duplicateObject: { objectId: copy.objectId } };
  }
  const ref = findElement(ctx.p, id ?? '') ?? fail(notFoundMsg(id));
  readOnlyGuard(ref);
  const copy = structuredClone(ref.el);
  renumber(copy, idFor, renamed);
  ref.list.splice(ref.list.indexOf(ref.el) + 1, 0, copy);
  return { duplicateObject: { objectId: copy.objectId } };
};

const updateSlidesPosition: SlidesRequest = (ctx, r) => {
  const slides: AnyJson[] = ctx.p.slides ?? [];
  const ids: string[] = r.slideObjectIds ?? [];
  if (!ids.length) fail('slideObjectIds must name at least one slide.');
  const positions = ids.map((id) => {
    const at = slides.findIndex((s) => s.objectId === id);
    return at === -1 ? fail(notFoundMsg(id)) : at;
  });
  if (positions.some((pos, i) => i > 0 && pos <= (positions[i - 1] as number))) {
    fail('The slides in slideObjectIds must be in their existing presentation order, without duplicates.');
  }
  const at: number = r.insertionIndex ?? 0;
  if (at < 0 || at > slides.length) fail(`The insertion index (${at}) should be between 0 and the number of slides (${slides.length}).`);
  const moving = new Set(ids);
  // The index counts slides as arranged before the move.
  const before = slides.slice(0, at).filter((s) => !moving.has(s.objectId)).length;
  const rest = slides.filter((s) => !moving.has(s.objectId));
  const moved = positions.map((pos) => slides[pos]);
  ctx.p.slides = [...rest.slice(0, before), ...moved, ...rest.slice(before)];
  return {};
};

const updatePageProperties: SlidesRequest = (ctx, r) => {
  const page = findPage(ctx.p, r.objectId ?? '') ?? fail(notFoundMsg(r.objectId));
  page.page.pageProperties = applyMask(page.page.pageProperties, r.pageProperties, r.fields);
  return {};
};

const updateSlideProperties: SlidesRequest = (ctx, r) => {
  const page = findPage(ctx.p, r.objectId ?? '');
  if (!page || page.kind !== 'slide') fail(notFoundMsg(r.objectId));
  const { notesPage, ...rest } = page.page.slideProperties ?? {};
  // Only isSkipped is writable; the notes page and layout links stay as they are.
  const next = applyMask(rest, { isSkipped: r.slideProperties?.isSkipped }, r.fields);
  page.page.slideProperties = { ...rest, ...(next.isSkipped === undefined ? {} : { isSkipped: next.isSkipped }), notesPage };
  if (next.isSkipped === undefined) delete page.page.slideProperties.isSkipped;
  return {};
};

export const pageRequests: Record<string, SlidesRequest> = {
  createSlide,
  deleteObject,
  duplicateObject,
  updateSlidesPosition,
  updatePageProperties,
  updateSlideProperties,
};
