/** The fake Docs API's semantics through its handlers: Google's index math for text and tables, styles, lists, atomic batches. */
import { documentText, docsHandlers } from './apis/docs';
import { editDocAsUser } from './apis/docs-user';
import { callHandler, failure } from './direct';
import { createState } from './state';
import type { FakeState } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any -- REST resources are read loosely, as a client would */

function call(state: FakeState, methodId: string, params: Record<string, string>, body?: unknown): any {
  return callHandler(docsHandlers, state, methodId, params, body);
}


function doc(): { state: FakeState; id: string; get: () => any; batch: (requests: unknown[]) => any } {
  const state = createState();
  const id: string = call(state, 'docs.documents.create', {}, { title: 'Pre-read' }).documentId;
  return {
    state,
    id,
    get: () => call(state, 'docs.documents.get', { documentId: id }),
    batch: (requests) => call(state, 'docs.documents.batchUpdate', { documentId: id }, { requests }),
  };
}

const at = (index: number) => ({ location: { index } });
const range = (startIndex: number, endIndex: number) => ({ range: { startIndex, endIndex } });

/** The body's last index: where endOfSegmentLocation inserts, and one less than the body's end. */
function lastNewline(d: any): number {
  return d.body.content[d.body.content.length - 1].endIndex - 1;
}

describe('documents.create / get', () => {
  it('starts with a section break and one empty paragraph, indexed like Google', () => {
    const { state, id, get } = doc();
    expect(get().body.content).toEqual([
      { endIndex: 1, sectionBreak: { sectionStyle: { columnSeparatorStyle: 'NONE', contentDirection: 'LEFT_TO_RIGHT', sectionType: 'CONTINUOUS' } } },
      {
        startIndex: 1,
        endIndex: 2,
        paragraph: {
          elements: [{ startIndex: 1, endIndex: 2, textRun: { content: '\n', textStyle: {} } }],
          paragraphStyle: { namedStyleType: 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' },
        },
      },
    ]);
    expect(get().title).toBe('Pre-read');
    expect(state.files.get(id)).toMatchObject({ mimeType: 'application/vnd.google-apps.document', appCreated: true });
    expect(failure(() => call(state, 'docs.documents.get', { documentId: 'nope' })).code).toBe(404);
  });
});

describe('documents.batchUpdate', () => {
  it('lays out a heading, a table and bullets with the indexes Google documents', () => {
    const { get, batch } = doc();
    batch([
      { insertText: { ...at(1), text: 'Account overview\n' } },
      { updateParagraphStyle: { ...range(1, 17), paragraphStyle: { namedStyleType: 'HEADING_1' }, fields: 'namedStyleType' } },
    ]);
    // "Account overview\n" is 1..18; the original empty paragraph moved to 18..19.
    expect(lastNewline(get())).toBe(18);

    batch([{ insertTable: { rows: 2, columns: 2, endOfSegmentLocation: {} } }]);
    const content = get().body.content;
    // A newline goes in first (18..19), so the table starts at S = 19: rows at S+1 and S+6, cells every 2, end at S+12.
    const S = 19;
    expect(content[2]).toMatchObject({ startIndex: 18, endIndex: 19, paragraph: {} });
    const table = content[3];
    expect([table.startIndex, table.endIndex, table.table.rows, table.table.columns]).toEqual([S, S + 12, 2, 2]);
    expect(table.table.tableRows.map((r: any) => [r.startIndex, r.endIndex])).toEqual([[S + 1, S + 6], [S + 6, S + 11]]);
    expect(table.table.tableRows[0].tableCells.map((c: any) => [c.startIndex, c.endIndex, c.content[0].startIndex])).toEqual([
      [S + 2, S + 4, S + 3],
      [S + 4, S + 6, S + 5],
    ]);
    expect(table.table.tableRows[1].tableCells.map((c: any) => c.content[0].startIndex)).toEqual([S + 8, S + 10]);
    expect(content[4]).toMatchObject({ startIndex: S + 12, endIndex: S + 13 });

    // The Google way to fill a table: from the last cell backwards, so earlier indexes stay put.
    batch([
      { insertText: { ...at(S + 10), text: '120' } },
      { insertText: { ...at(S + 8), text: 'Seats' } },
      { insertText: { ...at(S + 5), text: 'Value' } },
      { insertText: { ...at(S + 3), text: 'Metric' } },
    ]);
    const end = lastNewline(get());
    expect(end).toBe(S + 12 + 6 + 5 + 5 + 3);
    batch([
      { insertText: { endOfSegmentLocation: {}, text: 'Renew early\nExpand seats' } },
      { createParagraphBullets: { ...range(end, end + 24), bulletPreset: 'BULLET_DISC_CIRCLE_SQUARE' } },
    ]);

    expect(documentText(get())).toEqual({
      text: 'Account overview\n\nMetric\nValue\nSeats\n120\nRenew early\nExpand seats\n',
      headings: [{ level: 'HEADING_1', text: 'Account overview' }],
      tables: [[['Metric', 'Value'], ['Seats', '120']]],
      bullets: ['Renew early', 'Expand seats'],
    });
    const paragraphs = get().body.content.filter((se: any) => se.paragraph?.bullet);
    expect(new Set(paragraphs.map((p: any) => p.paragraph.bullet.listId)).size).toBe(1);
    expect(get().lists[paragraphs[0].paragraph.bullet.listId].listProperties.nestingLevels).toHaveLength(9);
    expect(get().body.content[1].paragraph.paragraphStyle.headingId).toMatch(/^h\./);
  });

  it('rejects insertions outside paragraphs: at a table start, past the end', () => {
    const { get, batch } = doc();
    batch([{ insertTable: { rows: 1, columns: 1, ...at(1) } }]);
    const tableStart = get().body.content[2].startIndex;
    expect(tableStart).toBe(2);
    expect(failure(() => batch([{ insertText: { ...at(tableStart), text: 'x' } }])).message).toBe(
      'Invalid requests[0].insertText: The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.',
    );
    const n = lastNewline(get()) + 1;
    expect(failure(() => batch([{ insertText: { ...at(n), text: 'x' } }])).message).toBe(
      `Invalid requests[0].insertText: Index ${n} must be less than the end index of the referenced segment, ${n}.`,
    );
    expect(failure(() => batch([{ insertPageBreak: at(tableStart + 3) }])).message).toContain('inside a table');
  });

  it('enforces the structural rules of deleteContentRange', () => {
    const { get, batch } = doc();
    batch([{ insertText: { ...at(1), text: 'Intro' } }, { insertTable: { rows: 2, columns: 2, endOfSegmentLocation: {} } }]);
    // Intro\n 1..7, table 7..19 (cells' paragraphs at 10, 12, 15, 17), final paragraph 19..20.
    batch([{ insertText: { ...at(10), text: 'abc' } }]);
    const tryDelete = (s: number, e: number) => failure(() => batch([{ deleteContentRange: range(s, e) }])).message;
    expect(tryDelete(1, 1)).toContain('The range should not be empty.');
    expect(tryDelete(5, 23)).toContain('newline character at the end of the segment');
    expect(tryDelete(3, 9)).toContain('a table can only be deleted whole');
    expect(tryDelete(10, 15)).toContain('rows and cells cannot be deleted on their own');
    expect(tryDelete(10, 14)).toContain('the newline character at the end of a table cell');
    expect(tryDelete(6, 7)).toContain('the newline before a table');

    batch([{ deleteContentRange: range(11, 13) }]);
    expect(documentText(get()).tables).toEqual([[['a', ''], ['', '']]]);
    const before = get();
    batch([{ deleteContentRange: range(7, before.body.content[2].endIndex) }]);
    expect(documentText(get())).toMatchObject({ text: 'Intro\n\n', tables: [] });
  });

  it('replaces text everywhere with occurrence counts; matchCase defaults to false', () => {
    const { get, batch } = doc();
    batch([
      { insertText: { ...at(1), text: '{{account}} review for {{ACCOUNT}}\n' } },
      { insertTable: { rows: 1, columns: 1, ...at(1) } },
    ]);
    const cell = get().body.content[2].table.tableRows[0].tableCells[0].content[0].startIndex;
    const out = batch([
      { insertText: { ...at(cell), text: '{{account}}' } },
      { replaceAllText: { containsText: { text: '{{account}}', matchCase: true }, replaceText: 'Acme Corp' } },
      { replaceAllText: { containsText: { text: '{{account}}' }, replaceText: 'ACME' } },
      { replaceAllText: { containsText: { text: '{{none}}' }, replaceText: 'x' } },
    ]);
    expect(out.replies).toEqual([{}, { replaceAllText: { occurrencesChanged: 2 } }, { replaceAllText: { occurrencesChanged: 1 } }, { replaceAllText: {} }]);
    expect(documentText(get()).text).toBe('\nAcme Corp\nAcme Corp review for ACME\n\n');
  });

  it('is atomic: a failing request leaves the document and its revision untouched', () => {
    const { get, batch } = doc();
    const before = get();
    const err = failure(() => batch([{ insertText: { ...at(1), text: 'Hello' } }, { insertTable: { rows: 2, columns: 2, ...at(1) } }, { deleteContentRange: range(1, 100) }]));
    expect(err.code).toBe(400);
    expect(err.message).toMatch(/^Invalid requests\[2\]\.deleteContentRange: Index 99 must be less than the end index/);
    expect(get()).toEqual(before);
  });

  it('styles text runs, carries bullets into new paragraphs, inserts page breaks and table rows', () => {
    const { get, batch } = doc();
    batch([
      { insertText: { ...at(1), text: 'Bold start' } },
      { updateTextStyle: { ...range(1, 5), textStyle: { bold: true }, fields: 'bold' } },
      { createParagraphBullets: { ...range(1, 2), bulletPreset: 'NUMBERED_DECIMAL_ALPHA_ROMAN' } },
      { insertText: { ...at(11), text: '\n\tNested' } },
    ]);
    const paragraphs = get().body.content.slice(1);
    expect(paragraphs[0].paragraph.elements.map((e: any) => [e.textRun.content, e.textRun.textStyle])).toEqual([['Bold', { bold: true }], [' start\n', {}]]);
    // Inserted newline: the new paragraph copies the bullet of the paragraph it was typed in.
    expect(documentText(get()).bullets).toEqual(['Bold start', '\tNested']);

    batch([{ insertPageBreak: at(1) }]);
    const first = get().body.content[1].paragraph.elements;
    expect(first[0]).toMatchObject({ startIndex: 1, endIndex: 2, pageBreak: {} });
    expect(get().body.content[2].startIndex).toBe(3);

    batch([{ insertTable: { rows: 1, columns: 2, endOfSegmentLocation: {} } }]);
    const tableStart = get().body.content.find((se: any) => se.table).startIndex;
    batch([
      { insertTableRow: { tableCellLocation: { tableStartLocation: { index: tableStart }, rowIndex: 0 }, insertBelow: true } },
      { updateTableCellStyle: { tableStartLocation: { index: tableStart }, tableCellStyle: { backgroundColor: {} }, fields: 'backgroundColor' } },
    ]);
    const table = get().body.content.find((se: any) => se.table);
    expect([table.table.rows, table.endIndex - table.startIndex]).toEqual([2, 1 + 2 * (1 + 2 * 2) + 1]);
    expect(failure(() => batch([{ updateTableCellStyle: { tableStartLocation: { index: tableStart + 1 }, tableCellStyle: {}, fields: '*' } }])).code).toBe(400);
  });
});

describe('a person editing the doc (editDocAsUser)', () => {
  it('replaces, adds and deletes paragraphs with Google index math, each edit a new revision that refuses older writes', () => {
    const { state, id, get, batch } = doc();
    batch([{ insertText: { ...at(1), text: 'Value delivered\n$2.4M of savings\nRisks\n' } }]);
    const before = get().revisionId;
    editDocAsUser(state, id, { replaceText: { find: '$2.4M', replace: 'About $2.5M' } });
    const r1 = get().revisionId;
    expect(r1).not.toBe(before);
    editDocAsUser(state, id, { addParagraph: { after: 'savings', text: 'Our note' } });
    editDocAsUser(state, id, { deleteParagraph: { containing: 'Risks' } });
    expect(documentText(get()).text).toBe('Value delivered\nAbout $2.5M of savings\nOur note\n\n');
    expect(get().body.content.map((c: any) => c.endIndex)).toEqual([1, 17, 40, 49, 50]);
    expect(new Set([before, r1, get().revisionId]).size).toBe(3);
    const refused = failure(() => call(state, 'docs.documents.batchUpdate', { documentId: id }, { requests: [{ insertText: { ...at(1), text: 'x' } }], writeControl: { requiredRevisionId: r1 } }));
    expect(refused.code).toBe(400);
  });
});
