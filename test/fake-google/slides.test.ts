/** The fake Slides API's semantics, driven through its handlers: text, tables, notes, charts, ids and atomic batches. */
import { type SlideText, presentationText, seedPresentation, slidesHandlers } from './apis/slides';
import { callHandler, failure } from './direct';
import { createState } from './state';
import type { FakeState } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any -- REST resources are read loosely, as a client would */

function call(state: FakeState, methodId: string, params: Record<string, string>, body?: unknown): any {
  return callHandler(slidesHandlers, state, methodId, params, body);
}

function batch(state: FakeState, presentationId: string, requests: unknown[]): any {
  return call(state, 'slides.presentations.batchUpdate', { presentationId }, { requests });
}

/** One slide of presentationText, failing loudly when it is missing. */
function slideText(p: unknown, i: number): SlideText {
  const s = presentationText(p).slides[i];
  if (!s) throw new Error(`no slide ${i}`);
  return s;
}


function deck(): { state: FakeState; id: string; get: () => any } {
  const state = createState();
  const created = call(state, 'slides.presentations.create', {}, { title: 'QBR' });
  const id: string = created.presentationId;
  return { state, id, get: () => call(state, 'slides.presentations.get', { presentationId: id }) };
}

const box = (pageObjectId: string) => ({
  pageObjectId,
  size: { width: { magnitude: 300, unit: 'PT' }, height: { magnitude: 50, unit: 'PT' } },
  transform: { scaleX: 1, scaleY: 1, translateX: 20, translateY: 40, unit: 'PT' },
});

describe('presentations.create / get', () => {
  it('creates one title slide with a notes page and speaker notes shape, and a Drive file the app owns', () => {
    const { state, id, get } = deck();
    const p = get();
    expect(p.title).toBe('QBR');
    expect(p.slides).toHaveLength(1);
    const notes = p.slides[0].slideProperties.notesPage;
    expect(notes.pageType).toBe('NOTES');
    const speakerId = notes.notesProperties.speakerNotesObjectId;
    expect(notes.pageElements.find((e: any) => e.objectId === speakerId).shape.shapeType).toBe('TEXT_BOX');
    expect(p.slides[0].pageElements.map((e: any) => e.shape.placeholder.type)).toEqual(['CENTERED_TITLE', 'SUBTITLE']);
    expect(state.files.get(id)).toMatchObject({ mimeType: 'application/vnd.google-apps.presentation', appCreated: true });
  });

  it('answers 404 for an unknown presentation', () => {
    const state = createState();
    expect(failure(() => call(state, 'slides.presentations.get', { presentationId: 'nope' })).code).toBe(404);
  });
});

describe('presentations.batchUpdate', () => {
  it('builds a slide from a layout with mapped placeholder ids, text with paragraphs, and notes', () => {
    const { state, id, get } = deck();
    const out = batch(state, id, [
      {
        createSlide: {
          objectId: 'slide_summary',
          insertionIndex: 1,
          slideLayoutReference: { predefinedLayout: 'TITLE_AND_BODY' },
          placeholderIdMappings: [
            { layoutPlaceholder: { type: 'TITLE' }, objectId: 'summary_title' },
            { layoutPlaceholder: { type: 'BODY', index: 0 }, objectId: 'summary_body' },
          ],
        },
      },
      { insertText: { objectId: 'summary_title', text: 'Executive summary' } },
      { insertText: { objectId: 'summary_body', text: 'Health: green\nRenewal: 2025-03-31' } },
    ]);
    expect(out.replies).toEqual([{ createSlide: { objectId: 'slide_summary' } }, {}, {}]);
    expect(out.writeControl.requiredRevisionId).toBe(get().revisionId);

    const body = get().slides[1].pageElements[1];
    // Google's shape: a paragraphMarker before each paragraph's runs, the final newline implied, zero startIndex omitted.
    expect(body.shape.text.textElements).toEqual([
      { endIndex: 14, paragraphMarker: { style: {} } },
      { endIndex: 14, textRun: { content: 'Health: green\n', style: {} } },
      { startIndex: 14, endIndex: 34, paragraphMarker: { style: {} } },
      { startIndex: 14, endIndex: 34, textRun: { content: 'Renewal: 2025-03-31\n', style: {} } },
    ]);

    const speakerId = get().slides[1].slideProperties.notesPage.notesProperties.speakerNotesObjectId;
    batch(state, id, [{ insertText: { objectId: speakerId, text: 'Open with the renewal.' } }]);
    expect(slideText(get(), 1)).toEqual({
      objectId: 'slide_summary',
      texts: ['Executive summary', 'Health: green\nRenewal: 2025-03-31'],
      tables: [],
      notes: 'Open with the renewal.',
      charts: 0,
    });
  });

  it('inserts and deletes text by UTF-16 index and range type', () => {
    const { state, id, get } = deck();
    const slide = get().slides[0].objectId;
    batch(state, id, [
      { createShape: { objectId: 'box_1234', shapeType: 'TEXT_BOX', elementProperties: box(slide) } },
      { insertText: { objectId: 'box_1234', text: 'Hello 🌍 world' } },
      { insertText: { objectId: 'box_1234', text: 'big ', insertionIndex: 9 } }, // the emoji is two code units
      { deleteText: { objectId: 'box_1234', textRange: { type: 'FIXED_RANGE', startIndex: 0, endIndex: 6 } } },
    ]);
    expect(slideText(get(), 0).texts).toEqual(['🌍 big world']);
    const el = get().slides[0].pageElements.find((e: any) => e.objectId === 'box_1234');
    expect(el.size.width).toEqual({ magnitude: 300 * 12700, unit: 'EMU' });
    expect(el.transform.translateX).toBe(20 * 12700);

    batch(state, id, [{ deleteText: { objectId: 'box_1234', textRange: { type: 'FROM_START_INDEX', startIndex: 2 } } }]);
    expect(slideText(get(), 0).texts).toEqual(['🌍']);
    batch(state, id, [{ deleteText: { objectId: 'box_1234', textRange: { type: 'ALL' } } }]);
    expect(get().slides[0].pageElements.find((e: any) => e.objectId === 'box_1234').shape.text).toBeUndefined();
    expect(failure(() => batch(state, id, [{ deleteText: { objectId: 'box_1234', textRange: { type: 'ALL' } } }])).message).toBe(
      'Invalid requests[0].deleteText: The object (box_1234) has no text.',
    );

    const tooFar = failure(() => batch(state, id, [{ insertText: { objectId: 'box_1234', text: 'x', insertionIndex: 1 } }]));
    expect(tooFar.code).toBe(400);
    expect(tooFar.message).toMatch(/^Invalid requests\[0\]\.insertText: The insertion index \(1\)/);
  });

  it('replaces tokens in shapes and table cells, counting occurrences, honouring matchCase and pageObjectIds', () => {
    const { state, id, get } = deck();
    const first = get().slides[0].objectId;
    batch(state, id, [
      { createSlide: { objectId: 'second_slide' } },
      { createShape: { objectId: 'token_box', shapeType: 'TEXT_BOX', elementProperties: box(first) } },
      { insertText: { objectId: 'token_box', text: '{{account}} QBR for {{ACCOUNT}}' } },
      { createTable: { objectId: 'roi_table', rows: 2, columns: 2, elementProperties: box('second_slide') } },
      { insertText: { objectId: 'roi_table', cellLocation: { rowIndex: 1, columnIndex: 1 }, text: '{{account}}' } },
      { createShape: { objectId: 'other_box', shapeType: 'RECTANGLE', elementProperties: box('second_slide') } },
      { insertText: { objectId: 'other_box', text: '{{quarter}}' } },
    ]);
    const speakerId = get().slides[0].slideProperties.notesPage.notesProperties.speakerNotesObjectId;
    batch(state, id, [{ insertText: { objectId: speakerId, text: 'Notes for {{account}}' } }]);

    const out = batch(state, id, [
      { replaceAllText: { containsText: { text: '{{account}}', matchCase: true }, replaceText: 'Acme' } },
      { replaceAllText: { containsText: { text: '{{account}}' }, replaceText: 'ACME' } }, // matchCase absent: case-insensitive
      { replaceAllText: { containsText: { text: '{{quarter}}' }, replaceText: 'Q3', pageObjectIds: [first] } },
      { replaceAllText: { containsText: { text: 'missing' }, replaceText: 'x' } },
    ]);
    expect(out.replies).toEqual([
      { replaceAllText: { occurrencesChanged: 2 } },
      { replaceAllText: { occurrencesChanged: 1 } },
      { replaceAllText: {} }, // {{quarter}} is only on the second slide; Google omits a zero count
      { replaceAllText: {} },
    ]);
    const [one, two] = [slideText(get(), 0), slideText(get(), 1)];
    expect(one.texts).toEqual(['Acme QBR for ACME']);
    expect(two.tables).toEqual([[['', ''], ['', 'Acme']]]);
    expect(two.texts).toEqual(['{{quarter}}']);
    // Speaker notes are not searched unless their notes page is listed.
    expect(one.notes).toBe('Notes for {{account}}');
    const notesPageId = get().slides[0].slideProperties.notesPage.objectId;
    batch(state, id, [{ replaceAllText: { containsText: { text: '{{account}}' }, replaceText: 'Acme', pageObjectIds: [notesPageId] } }]);
    expect(slideText(get(), 0).notes).toBe('Notes for Acme');
  });

  it('grows tables: inserted rows copy the reference row cell count and start empty; cell locations renumber', () => {
    const { state, id, get } = deck();
    const slide = get().slides[0].objectId;
    batch(state, id, [
      { createTable: { objectId: 'table_roi', rows: 2, columns: 3, elementProperties: box(slide) } },
      { insertText: { objectId: 'table_roi', cellLocation: { rowIndex: 0, columnIndex: 0 }, text: 'Metric' } },
      { insertText: { objectId: 'table_roi', cellLocation: { rowIndex: 1, columnIndex: 0 }, text: 'Seats' } },
      { insertTableRows: { tableObjectId: 'table_roi', cellLocation: { rowIndex: 1 }, insertBelow: true, number: 2 } },
      { insertText: { objectId: 'table_roi', cellLocation: { rowIndex: 3, columnIndex: 2 }, text: '42' } },
      { insertTableRows: { tableObjectId: 'table_roi', cellLocation: { rowIndex: 0 }, insertBelow: false } },
      { deleteTableRow: { tableObjectId: 'table_roi', cellLocation: { rowIndex: 0 } } },
    ]);
    const table = get().slides[0].pageElements.find((e: any) => e.objectId === 'table_roi').table;
    expect([table.rows, table.columns]).toEqual([4, 3]);
    expect(table.tableRows[3].tableCells[2].location).toEqual({ rowIndex: 3, columnIndex: 2 });
    expect(table.tableRows[0].tableCells[0].location).toEqual({}); // zeros are omitted, as in Google's JSON
    expect(slideText(get(), 0).tables).toEqual([
      [['Metric', '', ''], ['Seats', '', ''], ['', '', ''], ['', '', '42']],
    ]);

    const outside = failure(() => batch(state, id, [{ insertText: { objectId: 'table_roi', cellLocation: { rowIndex: 4 }, text: 'x' } }]));
    expect(outside.message).toMatch(/^Invalid requests\[0\]\.insertText: The cell location \(row 4, column 0\) is outside/);
    const noCell = failure(() => batch(state, id, [{ insertText: { objectId: 'table_roi', text: 'x' } }]));
    expect(noCell.message).toContain('cellLocation is required');
  });

  it('is atomic: a failing request names its index and leaves the presentation untouched', () => {
    const { state, id, get } = deck();
    const before = get();
    const err = failure(() =>
      batch(state, id, [
        { createSlide: { objectId: 'new_slide' } },
        { createShape: { objectId: 'new_shape', shapeType: 'TEXT_BOX', elementProperties: box('new_slide') } },
        { insertText: { objectId: 'new_shape', text: 'hello' } },
        { insertText: { objectId: 'ghost', text: 'boo' } },
      ]),
    );
    expect(err.code).toBe(400);
    expect(err.message).toBe('Invalid requests[3].insertText: The object (ghost) could not be found.');
    expect(get()).toEqual(before);
  });

  it('enforces the object id rule: 5–50 characters from [a-zA-Z0-9_-:], not starting with - or :, unique', () => {
    const { state, id, get } = deck();
    const existing = get().slides[0].objectId;
    const tryId = (objectId: string) => failure(() => batch(state, id, [{ createSlide: { objectId } }]));
    expect(tryId('abcd').message).toContain('between 5 and 50 characters');
    expect(tryId('x'.repeat(51)).message).toContain('between 5 and 50 characters');
    expect(tryId('-abcde').message).toContain('should start with');
    expect(tryId('abc de').message).toContain('should start with');
    expect(tryId(existing).message).toContain('should be unique');
    const twice = failure(() =>
      batch(state, id, [
        { createSlide: { objectId: 'twice_x' } },
        { createShape: { objectId: 'twice_x', shapeType: 'TEXT_BOX', elementProperties: box(existing) } },
      ]),
    );
    expect(twice.message).toMatch(/^Invalid requests\[1\]\.createShape: .*unique/);
    const ok = batch(state, id, [{ createSlide: { objectId: `_a:b-${'c'.repeat(45)}` } }]);
    expect(ok.replies[0].createSlide.objectId).toHaveLength(50);
  });

  it('replaces token shapes with a linked Sheets chart at the same position, after checking the chart exists', () => {
    const { state, id, get } = deck();
    state.spreadsheets.set('sheet_1', { title: 'Data', sheets: [{ sheetId: 0, title: 'Usage', values: [], charts: [{ chartId: 7, spec: {} }] }] });
    const slide = get().slides[0].objectId;
    batch(state, id, [
      { createShape: { objectId: 'chart_slot', shapeType: 'RECTANGLE', elementProperties: box(slide) } },
      { insertText: { objectId: 'chart_slot', text: '{{chart:usage}}' } },
    ]);
    const slot = get().slides[0].pageElements.find((e: any) => e.objectId === 'chart_slot');
    const out = batch(state, id, [
      { replaceAllShapesWithSheetsChart: { containsText: { text: '{{chart:usage}}' }, spreadsheetId: 'sheet_1', chartId: 7, linkingMode: 'LINKED' } },
    ]);
    expect(out.replies).toEqual([{ replaceAllShapesWithSheetsChart: { occurrencesChanged: 1 } }]);
    const chart = get().slides[0].pageElements.find((e: any) => e.sheetsChart);
    expect(chart.sheetsChart).toMatchObject({ spreadsheetId: 'sheet_1', chartId: 7 });
    expect([chart.size, chart.transform]).toEqual([slot.size, slot.transform]);
    expect(slideText(get(), 0)).toMatchObject({ texts: [], charts: 1 });

    const missing = failure(() =>
      batch(state, id, [{ replaceAllShapesWithSheetsChart: { containsText: { text: 'x' }, spreadsheetId: 'sheet_1', chartId: 8 } }]),
    );
    expect(missing.message).toContain('The chart (8) could not be found');
  });

  it('duplicates a slide with its notes, honouring objectIds, and reorders and deletes slides', () => {
    const { state, id, get } = deck();
    const first = get().slides[0];
    const speakerId = first.slideProperties.notesPage.notesProperties.speakerNotesObjectId;
    const titleId = first.pageElements[0].objectId;
    batch(state, id, [
      { insertText: { objectId: titleId, text: 'Account review' } },
      { insertText: { objectId: speakerId, text: 'Say hello' } },
    ]);
    const out = batch(state, id, [{ duplicateObject: { objectId: first.objectId, objectIds: { [first.objectId]: 'copy_slide', [titleId]: 'copy_title' } } }]);
    expect(out.replies).toEqual([{ duplicateObject: { objectId: 'copy_slide' } }]);
    const [orig, copy] = get().slides;
    expect(copy.objectId).toBe('copy_slide');
    expect(copy.pageElements[0].objectId).toBe('copy_title');
    expect(copy.slideProperties.notesPage.objectId).not.toBe(orig.slideProperties.notesPage.objectId);
    expect(copy.slideProperties.notesPage.notesProperties.speakerNotesObjectId).not.toBe(speakerId);
    expect(presentationText(get()).slides.map((s) => [s.texts, s.notes])).toEqual([
      [['Account review'], 'Say hello'],
      [['Account review'], 'Say hello'],
    ]);

    batch(state, id, [{ createSlide: { objectId: 'third_slide' } }, { updateSlidesPosition: { slideObjectIds: ['third_slide'], insertionIndex: 0 } }]);
    expect(get().slides.map((s: any) => s.objectId)).toEqual(['third_slide', orig.objectId, 'copy_slide']);
    batch(state, id, [{ deleteObject: { objectId: orig.objectId } }]);
    expect(get().slides.map((s: any) => s.objectId)).toEqual(['third_slide', 'copy_slide']);
    // The deleted slide's notes page went with it.
    expect(failure(() => batch(state, id, [{ insertText: { objectId: speakerId, text: 'x' } }])).message).toContain(`The object (${speakerId}) could not be found.`);
  });

  it('validates the targets of style-only requests and keeps what they set', () => {
    const { state, id, get } = deck();
    const slide = get().slides[0].objectId;
    batch(state, id, [
      { createShape: { objectId: 'styled_box', shapeType: 'TEXT_BOX', elementProperties: box(slide) } },
      { insertText: { objectId: 'styled_box', text: 'One\nTwo' } },
      { updateTextStyle: { objectId: 'styled_box', textRange: { type: 'FIXED_RANGE', startIndex: 0, endIndex: 3 }, style: { bold: true }, fields: 'bold' } },
      { createParagraphBullets: { objectId: 'styled_box', textRange: { type: 'ALL' }, bulletPreset: 'BULLET_DISC_CIRCLE_SQUARE' } },
      { updateShapeProperties: { objectId: 'styled_box', shapeProperties: { contentAlignment: 'MIDDLE' }, fields: 'contentAlignment' } },
      { updatePageElementAltText: { objectId: 'styled_box', title: 'Summary' } },
      { updatePageProperties: { objectId: slide, pageProperties: { pageBackgroundFill: {} }, fields: 'pageBackgroundFill' } },
    ]);
    const el = get().slides[0].pageElements.find((e: any) => e.objectId === 'styled_box');
    const runs = el.shape.text.textElements.filter((t: any) => t.textRun);
    expect(runs.map((t: any) => [t.textRun.content, t.textRun.style])).toEqual([['One', { bold: true }], ['\n', {}], ['Two\n', {}]]);
    expect(el.shape.text.textElements.filter((t: any) => t.paragraphMarker?.bullet)).toHaveLength(2);
    expect(el.shape.shapeProperties).toEqual({ contentAlignment: 'MIDDLE' });
    expect(el.title).toBe('Summary');
    for (const request of [
      { updateTextStyle: { objectId: 'nowhere', textRange: { type: 'ALL' }, style: {}, fields: 'bold' } },
      { updateTableCellProperties: { objectId: 'styled_box', tableCellProperties: {}, fields: '*' } },
      { updatePageProperties: { objectId: 'nowhere', pageProperties: {}, fields: '*' } },
    ]) {
      expect(failure(() => batch(state, id, [request])).code).toBe(400);
    }
  });

  it('refuses a stale requiredRevisionId, and seeds presentations for templates', () => {
    const { state, id, get } = deck();
    const stale = get().revisionId;
    batch(state, id, [{ createSlide: {} }]);
    const err = failure(() => call(state, 'slides.presentations.batchUpdate', { presentationId: id }, { requests: [{ createSlide: {} }], writeControl: { requiredRevisionId: stale } }));
    expect(err.code).toBe(400);

    seedPresentation(state, 'template_1', { ...get(), title: 'Template' });
    expect(call(state, 'slides.presentations.get', { presentationId: 'template_1' })).toMatchObject({ presentationId: 'template_1', title: 'Template' });
  });
});
