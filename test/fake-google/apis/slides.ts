/** Fake Slides API: presentations.create / get / batchUpdate and pages.get over in-memory presentations in the REST shape. */
import { MIME } from '../state';
import { FakeError, type FakeState, type Handler } from '../types';
import { editRequests } from './slides-edit';
import { CHART_IMAGE_URL, elementRequests } from './slides-elements';
import { type SlidesCtx, elementsOf, findPage, makePresentation } from './slides-model';
import { type SlidesRequest, pageRequests } from './slides-pages';
import { tableRequests } from './slides-tables';
import { RequestFailure, parseText, plain } from './slides-text';
import { type AnyJson, notFound, ok, pathParam } from './util';

export { makePresentation };

const REQUESTS: Record<string, SlidesRequest> = { ...pageRequests, ...elementRequests, ...tableRequests, ...editRequests };

function stored(state: FakeState, id: string): AnyJson {
  return state.presentations.get(id) ?? (() => { throw notFound(); })();
}

/** Store a presentation as if it already existed (a template, say); returns the stored copy. */
export function seedPresentation(state: FakeState, id: string, presentation: AnyJson): AnyJson {
  const p = { ...structuredClone(presentation), presentationId: id };
  p.revisionId ??= state.nextId('rev');
  state.presentations.set(id, p);
  return p;
}

/**
 * Run the requests in order on a copy; only if all succeed does the copy replace the stored presentation, so a
 * failing request leaves no trace, as in Google. A failure names the request the way Google's 400s do.
 */
export function applySlidesRequests(state: FakeState, p: AnyJson, requests: AnyJson[]): { presentation: AnyJson; replies: AnyJson[] } {
  const ctx: SlidesCtx = { p: structuredClone(p), state, reserved: new Set() };
  const replies = requests.map((request, i) => {
    const kinds = Object.keys(request ?? {});
    const kind = kinds[0];
    if (kinds.length !== 1 || kind === undefined) throw new FakeError(400, `Invalid requests[${i}]: exactly one request kind must be set, not ${kinds.length}.`);
    const run = REQUESTS[kind];
    if (!run) throw new FakeError(501, `Invalid requests[${i}].${kind}: the fake Slides server does not implement this request.`, 'notImplemented');
    ctx.reserved.clear();
    try {
      return run(ctx, request[kind] ?? {});
    } catch (e) {
      if (e instanceof RequestFailure) throw new FakeError(400, `Invalid requests[${i}].${kind}: ${e.message}`);
      throw e;
    }
  });
  return { presentation: ctx.p, replies };
}

export const slidesHandlers: Record<string, Handler> = {
  'slides.presentations.create': (req, state) => {
    const title: string = req.body?.title ?? 'Untitled presentation';
    const id: string = req.body?.presentationId || state.nextId('pres');
    if (state.presentations.has(id) || state.files.has(id)) throw new FakeError(409, `A file with id ${id} already exists.`, 'alreadyExists');
    const p = makePresentation(title, { presentationId: id, newId: () => state.nextId('SLIDES_API') });
    state.presentations.set(id, p);
    // A new presentation is a Drive file the app created, so drive.file can see it.
    state.files.set(id, { id, name: title, mimeType: MIME.presentation, parents: ['root'], permissions: [], appCreated: true });
    return ok(structuredClone(p));
  },

  'slides.presentations.get': (req, state) => ok(structuredClone(stored(state, pathParam(req, 'presentationId')))),

  'slides.presentations.pages.get': (req, state) => {
    const page = findPage(stored(state, pathParam(req, 'presentationId')), pathParam(req, 'pageObjectId'));
    if (!page) throw notFound();
    return ok(structuredClone(page.page));
  },

  'slides.presentations.batchUpdate': (req, state) => {
    const id = pathParam(req, 'presentationId');
    const current = stored(state, id);
    const required: string | undefined = req.body?.writeControl?.requiredRevisionId;
    if (required && required !== current.revisionId) {
      throw new FakeError(400, `The required revision ID (${required}) is not the latest revision of the presentation.`, 'failedPrecondition');
    }
    const requests: AnyJson[] = req.body?.requests ?? [];
    const { presentation, replies } = applySlidesRequests(state, current, requests);
    if (requests.length) presentation.revisionId = state.nextId('rev');
    state.presentations.set(id, presentation);
    return ok({ presentationId: id, replies, writeControl: { requiredRevisionId: presentation.revisionId } });
  },
};

export interface SlideText {
  objectId: string;
  /** Text of each shape that has any, in z-order, paragraphs joined by '\n' (no final newline). */
  texts: string[];
  /** Each table as rows of cell texts. */
  tables: string[][][];
  /** The speaker notes. */
  notes: string;
  /** Sheets charts, linked or inserted as images. */
  charts: number;
}

function textOf(text: AnyJson | undefined): string {
  return plain(parseText(text).units).replace(/\n$/, '');
}

/** What a reader sees on each slide, for assertions. */
export function presentationText(p: AnyJson): { slides: SlideText[] } {
  const slides = (p.slides ?? []).map((slide: AnyJson): SlideText => {
    const out: SlideText = { objectId: slide.objectId, texts: [], tables: [], notes: '', charts: 0 };
    for (const { el } of elementsOf(slide.pageElements, { page: slide, kind: 'slide' })) {
      const text = el.shape ? textOf(el.shape.text) : '';
      if (text) out.texts.push(text);
      if (el.table) out.tables.push(el.table.tableRows.map((row: AnyJson) => row.tableCells.map((cell: AnyJson) => textOf(cell.text))));
      if (el.sheetsChart || String(el.image?.contentUrl ?? '').startsWith(CHART_IMAGE_URL)) out.charts++;
    }
    const notesPage = slide.slideProperties?.notesPage;
    const speaker = (notesPage?.pageElements ?? []).find((e: AnyJson) => e.objectId === notesPage.notesProperties?.speakerNotesObjectId);
    out.notes = textOf(speaker?.shape?.text);
    return out;
  });
  return { slides };
}
