/**
 * What a CSM does to a deck in the Slides editor, applied to a stored presentation: each edit goes through the fake's
 * own request engine (so the result has the shape Google stores) and bumps the revision, as every saved edit does.
 */
import { applySlidesRequests } from './apis/slides';
import type { FakeState } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any -- REST resources are handled loosely, as a client would */

/** One editor session's changes, saved as one new revision. */
export function userEdit(state: FakeState, presentationId: string, requests: object[]): void {
  const p = state.presentations.get(presentationId);
  if (!p) throw new Error(`no presentation ${presentationId}`);
  const { presentation } = applySlidesRequests(state, p, requests as any[]);
  presentation.revisionId = state.nextId('rev');
  state.presentations.set(presentationId, presentation);
}

/** The CSM rewrites a text box in their own words. */
export function editShapeText(state: FakeState, presentationId: string, objectId: string, text: string): void {
  userEdit(state, presentationId, [{ deleteText: { objectId, textRange: { type: 'ALL' } } }, { insertText: { objectId, insertionIndex: 0, text } }]);
}

/** The CSM deletes a whole slide. */
export function deleteSlide(state: FakeState, presentationId: string, slideId: string): void {
  userEdit(state, presentationId, [{ deleteObject: { objectId: slideId } }]);
}

/** The CSM adds a slide of their own (a customer story) with one text box, at `index` (0-based). */
export function addSlide(state: FakeState, presentationId: string, slideId: string, index: number, text: string): void {
  userEdit(state, presentationId, [
    { createSlide: { objectId: slideId, insertionIndex: index } },
    { createShape: { objectId: `${slideId}_box`, shapeType: 'TEXT_BOX', elementProperties: { pageObjectId: slideId } } },
    { insertText: { objectId: `${slideId}_box`, insertionIndex: 0, text } },
  ]);
}

/** The CSM retypes one table cell (0-based row and column). */
export function editTableCell(state: FakeState, presentationId: string, tableId: string, rowIndex: number, columnIndex: number, text: string): void {
  const cellLocation = { rowIndex, columnIndex };
  userEdit(state, presentationId, [{ deleteText: { objectId: tableId, cellLocation, textRange: { type: 'ALL' } } }, { insertText: { objectId: tableId, cellLocation, insertionIndex: 0, text } }]);
}

/**
 * The CSM edits a Gmail draft (the web UI's autosave, or iOS): the draft keeps its id, but Gmail stores the edited
 * message under a NEW message id, as a drafts.update does (google_workspace_mcp PR #920 tested both).
 */
export function editDraft(state: FakeState, draftId: string, edit: (rfc822: string) => string): void {
  const draft = state.drafts.get(draftId);
  if (!draft) throw new Error(`no draft ${draftId}`);
  const text = edit(Buffer.from(draft.message.raw, 'base64url').toString('utf8'));
  draft.message = { id: state.nextId('msg'), raw: Buffer.from(text, 'utf8').toString('base64url') };
}
