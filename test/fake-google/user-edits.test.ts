/** The fake's model of a CSM editing a deck: a Drive copy keeps the template's object ids, and every saved edit is a new revision. */
import { driveHandlers } from './apis/drive';
import { presentationText, slidesHandlers } from './apis/slides';
import { callHandler, failure } from './direct';
import { createState } from './state';
import { addSlide, deleteSlide, editShapeText, editTableCell } from './user-edits';

/* eslint-disable @typescript-eslint/no-explicit-any -- REST resources are read loosely, as a client would */

function setUp() {
  const state = createState();
  const slides = (methodId: string, params: Record<string, string>, body?: unknown): any => callHandler(slidesHandlers, state, methodId, params, body);
  const template: string = slides('slides.presentations.create', {}, { title: 'Template' }).presentationId;
  const first = slides('slides.presentations.get', { presentationId: template }).slides[0].objectId;
  slides('slides.presentations.batchUpdate', { presentationId: template }, { requests: [
    { createShape: { objectId: 'kpi_box', shapeType: 'TEXT_BOX', elementProperties: { pageObjectId: first } } },
    { insertText: { objectId: 'kpi_box', insertionIndex: 0, text: 'ROI {{kpi.1.value}}' } },
    { createTable: { objectId: 'rows_table', rows: 2, columns: 2, elementProperties: { pageObjectId: first } } },
    { insertText: { objectId: 'rows_table', cellLocation: { rowIndex: 1, columnIndex: 0 }, insertionIndex: 0, text: 'A-1' } },
  ] });
  const copy: string = callHandler(driveHandlers, state, 'drive.files.copy', { fileId: template }, { name: 'Deck' }).id;
  return { state, slides, template, copy, first, get: () => slides('slides.presentations.get', { presentationId: copy }) };
}

describe('user edits on a stored deck', () => {
  it('a Drive copy keeps every object id of its template (what a refresh relies on)', () => {
    const { slides, template, get } = setUp();
    const ids = (p: any) => JSON.stringify(p.slides).match(/"objectId":"[^"]+"/g);
    expect(ids(get())).toEqual(ids(slides('slides.presentations.get', { presentationId: template })));
    expect(ids(get())).toContain('"objectId":"kpi_box"');
  });

  it('each edit is a new revision, so a batch built before it is refused', () => {
    const { state, slides, copy, first, get } = setUp();
    const revisions = [get().revisionId];
    editShapeText(state, copy, 'kpi_box', 'Our words');
    revisions.push(get().revisionId);
    editTableCell(state, copy, 'rows_table', 1, 0, 'A-1 (ours)');
    revisions.push(get().revisionId);
    addSlide(state, copy, 'csm_slide', 0, 'Customer story');
    revisions.push(get().revisionId);
    deleteSlide(state, copy, first);
    revisions.push(get().revisionId);
    expect(new Set(revisions).size).toBe(5);
    const text = presentationText(get());
    expect(text.slides.map((s) => s.texts)).toEqual([['Customer story']]);
    expect(failure(() => slides('slides.presentations.batchUpdate', { presentationId: copy }, { requests: [{ deleteObject: { objectId: 'csm_slide' } }], writeControl: { requiredRevisionId: revisions[0] } }))).toMatchObject({ code: 400 });
  });

  it('keeps the edited text and cell where the editor put them', () => {
    const { state, copy, get } = setUp();
    editShapeText(state, copy, 'kpi_box', 'Our words');
    editTableCell(state, copy, 'rows_table', 1, 0, 'A-1 (ours)');
    expect(presentationText(get()).slides[0]).toMatchObject({ texts: ['Our words'], tables: [[['', ''], ['A-1 (ours)', '']]] });
  });
});
