/** Fake Docs API: documents.create / get / batchUpdate over in-memory documents in the REST shape, with Google's index math. */
import { MIME } from '../state';
import { FakeError, type FakeState, type Handler } from '../types';
import { type DocsRequest, editRequests } from './docs-edit';
import { type DocsCtx, makeDocument, parseBody, renderBody } from './docs-model';
import { styleRequests } from './docs-style';
import { tableRequests } from './docs-tables';
import { RequestFailure } from './slides-text';
import { type AnyJson, notFound, ok, pathParam } from './util';

export { makeDocument };

const REQUESTS: Record<string, DocsRequest> = { ...editRequests, ...styleRequests, ...tableRequests };

function stored(state: FakeState, id: string): AnyJson {
  return state.documents.get(id) ?? (() => { throw notFound(); })();
}

/** Store a document as if it already existed; returns the stored copy. */
export function seedDocument(state: FakeState, id: string, doc: AnyJson): AnyJson {
  const d = { ...structuredClone(doc), documentId: id };
  d.revisionId ??= state.nextId('rev');
  state.documents.set(id, d);
  return d;
}

/** Run the requests in order on a copy; the copy replaces the stored document only if all succeed, as in Google. */
export function applyDocsRequests(state: FakeState, doc: AnyJson, requests: AnyJson[]): { document: AnyJson; replies: AnyJson[] } {
  const copy = structuredClone(doc);
  const ctx: DocsCtx = { units: parseBody(copy.body?.content), lists: copy.lists ?? {}, doc: copy, state };
  const replies = requests.map((request, i) => {
    const kinds = Object.keys(request ?? {});
    const kind = kinds[0];
    if (kinds.length !== 1 || kind === undefined) throw new FakeError(400, `Invalid requests[${i}]: exactly one request kind must be set, not ${kinds.length}.`);
    const run = REQUESTS[kind];
    if (!run) throw new FakeError(501, `Invalid requests[${i}].${kind}: the fake Docs server does not implement this request.`, 'notImplemented');
    try {
      return run(ctx, request[kind] ?? {});
    } catch (e) {
      if (e instanceof RequestFailure) throw new FakeError(400, `Invalid requests[${i}].${kind}: ${e.message}`);
      throw e;
    }
  });
  copy.body = { ...copy.body, content: renderBody(ctx.units) };
  copy.lists = ctx.lists;
  return { document: copy, replies };
}

export const docsHandlers: Record<string, Handler> = {
  'docs.documents.create': (req, state) => {
    const title: string = req.body?.title ?? 'Untitled document';
    const id = state.nextId('doc');
    const doc = makeDocument(title, id, state.nextId('rev'));
    state.documents.set(id, doc);
    // A new document is a Drive file the app created, so drive.file can see it.
    state.files.set(id, { id, name: title, mimeType: MIME.document, parents: ['root'], permissions: [], appCreated: true });
    return ok(structuredClone(doc));
  },

  'docs.documents.get': (req, state) => ok(structuredClone(stored(state, pathParam(req, 'documentId')))),

  'docs.documents.batchUpdate': (req, state) => {
    const id = pathParam(req, 'documentId');
    const current = stored(state, id);
    const control = req.body?.writeControl ?? {};
    if (control.requiredRevisionId && control.requiredRevisionId !== current.revisionId) {
      throw new FakeError(400, `The required revision ID (${control.requiredRevisionId}) is not the latest revision of the document.`, 'failedPrecondition');
    }
    const requests: AnyJson[] = req.body?.requests ?? [];
    const { document, replies } = applyDocsRequests(state, current, requests);
    if (requests.length) document.revisionId = state.nextId('rev');
    state.documents.set(id, document);
    return ok({ documentId: id, replies, writeControl: { requiredRevisionId: document.revisionId } });
  },
};

export interface DocumentText {
  /** All text in reading order, table cells included, paragraphs ending in '\n'. */
  text: string;
  /** Paragraphs with a named style other than NORMAL_TEXT. */
  headings: { level: string; text: string }[];
  /** Every table (nested ones after their parent), as rows of cell texts without the final newline. */
  tables: string[][][];
  /** The text of each bulleted paragraph. */
  bullets: string[];
}

/** What a reader sees in the document, for assertions. */
export function documentText(doc: AnyJson): DocumentText {
  const out: DocumentText = { text: '', headings: [], tables: [], bullets: [] };
  const walk = (content: AnyJson[] | undefined): string => {
    let text = '';
    for (const se of content ?? []) {
      if (se.paragraph) {
        const p = (se.paragraph.elements ?? []).map((e: AnyJson) => e.textRun?.content ?? '').join('');
        const bare = p.replace(/\n$/, '');
        const level = se.paragraph.paragraphStyle?.namedStyleType;
        if (level && level !== 'NORMAL_TEXT') out.headings.push({ level, text: bare });
        if (se.paragraph.bullet) out.bullets.push(bare);
        text += p;
      } else if (se.table) {
        const rows: string[][] = [];
        out.tables.push(rows);
        for (const row of se.table.tableRows ?? []) {
          const cells = (row.tableCells ?? []).map((cell: AnyJson) => walk(cell.content));
          rows.push(cells.map((c: string) => c.replace(/\n$/, '')));
          text += cells.join('');
        }
      }
    }
    return text;
  };
  out.text = walk(doc.body?.content);
  return out;
}
