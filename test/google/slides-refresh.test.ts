import { refreshRequests, type RefreshDeck } from '../../src/google/slides/refresh';
import type { WrittenElement } from '../../src/google/slides/fill';
import { validateBody } from '../fake-google/discovery';

const text = (content: string) => ({ text: { textElements: [{ textRun: { content } }] } });
// The deck as the CSM left it: h1 and k1 untouched, e1 reworded, d1 deleted, a slide of their own added, chart 7 linked.
const deck: RefreshDeck = {
  slides: [
    { objectId: 's1', pageElements: [{ objectId: 'h1', shape: text('Value delivered: $336K this quarter\n') }, { objectId: 'k1', shape: text('6.1x ROI on $55K\n') }, { objectId: 'c9', sheetsChart: { chartId: 7 } }] },
    { objectId: 's2', pageElements: [{ objectId: 'e1', shape: text('We delivered a lot\n') }] },
    { objectId: 'mine', pageElements: [{ objectId: 'x1', shape: text('Our own slide: $336K\n') }] },
  ],
};
const written = (value: string, roi: string): WrittenElement[] => [
  { kind: 'text', slide: 'value', objectId: 'h1', values: [{ token: '{{value}}', text: value }] },
  { kind: 'text', slide: 'value', objectId: 'k1', values: [{ token: '{{roi}}', text: roi }, { token: '{{investment}}', text: '$55K' }] },
  { kind: 'text', slide: 'summary', objectId: 'e1', values: [{ token: '{{value}}', text: value }] },
  { kind: 'text', slide: 'summary', objectId: 'd1', values: [{ token: '{{value}}', text: value }] },
  { kind: 'chart', slide: 'value', objectId: 'placeholder-1', spreadsheetId: 'sheet', chartId: 7 },
];

describe('refreshRequests', () => {
  it('rewrites only the moved values in untouched shapes, keeps edits and deletions, and refreshes the linked chart', () => {
    const plan = refreshRequests(written('$336K', '6.1x'), written('$246K', '4.5x'), deck);
    // "Value delivered: " is 17 code units, so $336K spans 17–22; 6.1x spans 0–4. $55K did not move.
    expect(plan.requests).toEqual([
      { deleteText: { objectId: 'h1', textRange: { type: 'FIXED_RANGE', startIndex: 17, endIndex: 22 } } },
      { insertText: { objectId: 'h1', insertionIndex: 17, text: '$246K' } },
      { deleteText: { objectId: 'k1', textRange: { type: 'FIXED_RANGE', startIndex: 0, endIndex: 4 } } },
      { insertText: { objectId: 'k1', insertionIndex: 0, text: '4.5x' } },
      { refreshSheetsChart: { objectId: 'c9' } },
    ]);
    expect(plan.edited).toEqual([{ slide: 'summary', objectId: 'e1', now: ['$246K'], moved: [{ from: '$336K', to: '$246K' }] }]);
    expect(plan.deleted).toEqual([{ slide: 'summary', objectId: 'd1' }]);
    expect(plan.rewritten.map((r) => `${r.objectId}: ${r.from} → ${r.to}`)).toEqual(['h1: $336K → $246K', 'k1: 6.1x → 4.5x']);
    expect(validateBody('slides.presentations.batchUpdate', { requests: plan.requests })).toEqual([]);
  });

  it('rewrites back to front within one shape, so the second range is still right', () => {
    const one: RefreshDeck = { slides: [{ objectId: 's', pageElements: [{ objectId: 'k', shape: text('6.1x on $55K\n') }] }] };
    const before: WrittenElement[] = [{ kind: 'text', slide: 'v', objectId: 'k', values: [{ token: '{{a}}', text: '6.1x' }, { token: '{{b}}', text: '$55K' }] }];
    const after: WrittenElement[] = [{ kind: 'text', slide: 'v', objectId: 'k', values: [{ token: '{{a}}', text: '12.25x' }, { token: '{{b}}', text: '$60K' }] }];
    expect(refreshRequests(before, after, one).requests).toEqual([
      { deleteText: { objectId: 'k', textRange: { type: 'FIXED_RANGE', startIndex: 8, endIndex: 12 } } },
      { insertText: { objectId: 'k', insertionIndex: 8, text: '$60K' } },
      { deleteText: { objectId: 'k', textRange: { type: 'FIXED_RANGE', startIndex: 0, endIndex: 4 } } },
      { insertText: { objectId: 'k', insertionIndex: 0, text: '12.25x' } },
    ]);
  });

  it('asks for no write when nothing moved', () => {
    const plan = refreshRequests(written('$336K', '6.1x'), written('$336K', '6.1x'), deck);
    expect(plan.requests).toEqual([]);
    expect(plan.edited).toHaveLength(1);
  });

  describe('row tables, cell by cell', () => {
    const cell = (r: number, c: number, content: string) => ({ location: { rowIndex: r, columnIndex: c }, text: { textElements: [{ textRun: { content: `${content}\n` } }] } });
    // Header row, then two rows we wrote; the CSM retyped the status of the second.
    const table = (rows: string[][]) => ({ slides: [{ objectId: 's', pageElements: [{ objectId: 't', table: { tableRows: rows.map((r, i) => ({ tableCells: r.map((x, j) => cell(i, j, x)) })) } }] }] });
    const rec = (rows: string[][], colours?: string[][]): WrittenElement => ({ kind: 'table', slide: 'actions', objectId: 't', firstRow: 1, columns: [0, 1], rows, ...(colours ? { colours } : {}) });
    const deckNow = table([['Action', 'Status'], ['A-1', 'Open'], ['A-2', 'Blocked by us']]);

    it('rewrites the cells nobody touched, keeps and reports an edited one, and adds the tracker\'s new rows below', () => {
      const plan = refreshRequests([rec([['A-1', 'Open'], ['A-2', 'Open']])], [rec([['A-1', 'Done'], ['A-2', 'Late'], ['A-3', 'Open']], [['', '2E7D32'], ['', ''], ['', '']])], deckNow);
      expect(plan.requests).toEqual([
        { deleteText: { objectId: 't', cellLocation: { rowIndex: 1, columnIndex: 1 }, textRange: { type: 'ALL' } } },
        { insertText: { objectId: 't', cellLocation: { rowIndex: 1, columnIndex: 1 }, text: 'Done', insertionIndex: 0 } },
        { updateTextStyle: { objectId: 't', cellLocation: { rowIndex: 1, columnIndex: 1 }, textRange: { type: 'ALL' }, style: { foregroundColor: { opaqueColor: { rgbColor: { red: 0.18, green: 0.49, blue: 0.196 } } } }, fields: 'foregroundColor' } },
        { insertTableRows: { tableObjectId: 't', cellLocation: { rowIndex: 2, columnIndex: 0 }, insertBelow: true, number: 1 } },
        { insertText: { objectId: 't', cellLocation: { rowIndex: 3, columnIndex: 0 }, text: 'A-3', insertionIndex: 0 } },
        { insertText: { objectId: 't', cellLocation: { rowIndex: 3, columnIndex: 1 }, text: 'Open', insertionIndex: 0 } },
      ]);
      expect(plan.edited).toEqual([{ slide: 'actions', objectId: 't', now: ['Late'], moved: [{ from: 'Open', to: 'Late' }], cell: { row: 1, column: 1, name: 'A-2' } }]);
      expect(validateBody('slides.presentations.batchUpdate', { requests: plan.requests })).toEqual([]);
    });

    it('removes rows the tracker dropped, bottom up, unless the CSM edited them', () => {
      const plan = refreshRequests([rec([['A-1', 'Open'], ['A-2', 'Open']])], [rec([['A-1', 'Open']])], table([['Action', 'Status'], ['A-1', 'Open'], ['A-2', 'Open']]));
      expect(plan.requests).toEqual([{ deleteTableRow: { tableObjectId: 't', cellLocation: { rowIndex: 2, columnIndex: 0 } } }]);
      expect(refreshRequests([rec([['A-1', 'Open'], ['A-2', 'Open']])], [rec([['A-1', 'Open']])], deckNow).requests).toEqual([]);
    });

    it('leaves a table whose rows the CSM added or removed as it is, and says why', () => {
      const plan = refreshRequests([rec([['A-1', 'Open']])], [rec([['A-1', 'Done']])], deckNow);
      expect(plan.requests).toEqual([]);
      expect(plan.skipped).toEqual([{ slide: 'actions', objectId: 't', why: 'you added or removed rows, so the table is kept as it is' }]);
    });
  });
});
