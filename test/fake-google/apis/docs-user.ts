/**
 * What a person does to a Doc in the Docs editor, applied to the fake's stored document: text replaced inside a
 * paragraph, a paragraph typed after another, a paragraph deleted. Each edit is a new revision, as in Google Docs
 * (the document's `revisionId` changes), so a write built from an earlier read is refused by `requiredRevisionId`.
 */
import { FakeError, type FakeState } from '../types';
import { applyDocsRequests } from './docs';
import type { AnyJson } from './util';

export type UserDocEdit =
  /** Replace `find` by `replace` in the first paragraph whose text contains `find`. */
  | { replaceText: { find: string; replace: string } }
  /** Type a new paragraph right after the first paragraph containing `after`. */
  | { addParagraph: { after: string; text: string } }
  /** Delete the first paragraph containing `containing`, its newline included. */
  | { deleteParagraph: { containing: string } };

interface Para {
  start: number;
  end: number;
  text: string;
}

/** Every paragraph in reading order, table cells included, with its [start, end) (end past its newline). */
function paragraphs(content: AnyJson[] | undefined, out: Para[] = []): Para[] {
  for (const se of content ?? []) {
    if (se.paragraph) {
      const text = (se.paragraph.elements ?? []).map((e: AnyJson) => e.textRun?.content ?? '').join('');
      out.push({ start: se.startIndex ?? 0, end: se.endIndex, text });
    } else if (se.table) for (const row of se.table.tableRows ?? []) for (const cell of row.tableCells ?? []) paragraphs(cell.content, out);
  }
  return out;
}

function find(doc: AnyJson, text: string): Para {
  const p = paragraphs(doc.body?.content).find((x) => x.text.includes(text));
  if (!p) throw new FakeError(400, `No paragraph of the document contains "${text}".`);
  return p;
}

/** Applies one editor edit to the stored document and gives it a new revision; returns the document. */
export function editDocAsUser(state: FakeState, documentId: string, edit: UserDocEdit): AnyJson {
  const doc = state.documents.get(documentId);
  if (!doc) throw new FakeError(404, `Requested entity was not found: ${documentId}.`);
  let requests: AnyJson[];
  if ('replaceText' in edit) {
    const p = find(doc, edit.replaceText.find);
    const at = p.start + p.text.indexOf(edit.replaceText.find);
    requests = [
      { deleteContentRange: { range: { startIndex: at, endIndex: at + edit.replaceText.find.length } } },
      ...(edit.replaceText.replace ? [{ insertText: { location: { index: at }, text: edit.replaceText.replace } }] : []),
    ];
  } else if ('addParagraph' in edit) {
    // Typing Enter at the end of the paragraph, then the text: the new paragraph takes that paragraph's style.
    const p = find(doc, edit.addParagraph.after);
    requests = [{ insertText: { location: { index: p.end - 1 }, text: `\n${edit.addParagraph.text}` } }];
  } else {
    const p = find(doc, edit.deleteParagraph.containing);
    requests = [{ deleteContentRange: { range: { startIndex: p.start, endIndex: p.end } } }];
  }
  const { document } = applyDocsRequests(state, doc, requests);
  document.revisionId = state.nextId('rev');
  state.documents.set(documentId, document);
  return document;
}
