/** The deck record's trip through the QBR Log (SPEC §4.4): its own column, a cell Sheets accepts, read back only for the deck it describes. */
import { CELL_LIMIT, deckRecordCell, deckRecordOf, type DeckRecord } from '../../src/google/deck-refresh';
import { qbrLogWrite, type QbrLogRow } from '../../src/google/sheets';
import { elementLabel } from '../../src/google/slides/refresh';

const headers = ['Account ID', 'QBR Date', 'Deck URL', 'Doc URL', 'Draft ID', 'Event IDs', 'Generated At', 'Warnings', 'Key Figures'];
const row: QbrLogRow = { accountId: 'ACC-001', qbrDate: '2026-12-10', deckUrl: 'https://docs.google.com/presentation/d/deck1/edit', docUrl: null, draftId: null, eventIds: [], generatedAt: '2026-11-22T09:30:00Z', warnings: [], keyFigures: '{"arr":1}' };
const existing = [headers, ['ACC-001', '2026-12-10', 'old', '', '', '', '', '', '{"arr":0}']];
const record: DeckRecord = { deckId: 'deck1', qbrDate: '2026-12-10', elements: [{ kind: 'text', slide: 'value', objectId: 'k1', values: [{ token: '{{kpi.1.label}}', text: 'ROI' }, { token: '{{kpi.1.value}}', text: '3.1x' }] }, { kind: 'chart', slide: 'adoption', objectId: 'p1', spreadsheetId: 's', chartId: 7 }] };

describe('the Deck Record column', () => {
  it('is added after the other columns and written as text, beside the key figures', () => {
    const cell = deckRecordCell(record)!.text;
    expect(qbrLogWrite({ sheetTitle: 'QBR Log', headers, existingRows: existing, row: { ...row, deckRecord: cell } })).toEqual([
      { range: "'QBR Log'!J1:J1", values: [['Deck Record']] },
      { range: "'QBR Log'!A2:J2", values: [['ACC-001', '2026-12-10', row.deckUrl, '', '', '', row.generatedAt, '', '{"arr":1}', cell]] },
    ]);
  });

  it('is cleared by an empty record (a deck filled by an interrupted run), and left alone when the row carries none', () => {
    const withColumn = [[...headers, 'Deck Record'], [...existing[1]!, '{"deckId":"deck1"}']];
    expect(qbrLogWrite({ sheetTitle: 'QBR Log', headers: [...headers, 'Deck Record'], existingRows: withColumn, row: { ...row, deckRecord: '' } })[0]!.values[0]![9]).toBe('');
    expect(qbrLogWrite({ sheetTitle: 'QBR Log', headers: [...headers, 'Deck Record'], existingRows: withColumn, row })[0]!.values[0]).toHaveLength(9);
  });

  it('reads back only a well-formed record of the deck the row points at', () => {
    const cell = deckRecordCell(record)!.text;
    expect(deckRecordOf(cell, 'deck1')).toEqual(record);
    expect(deckRecordOf(cell, 'another-deck')).toBeNull();
    expect(deckRecordOf('see slide 3', 'deck1')).toBeNull();
    expect(deckRecordOf(JSON.stringify({ ...record, elements: [{ kind: 'text', objectId: 'k1', values: [{ token: '{{x}}', text: 3 }] }] }), 'deck1')).toBeNull();
    expect(deckRecordOf('', 'deck1')).toBeNull();
  });

  it('drops its tables when it would not fit in one cell, and is not written when even that does not fit', () => {
    const table = { kind: 'table' as const, slide: 'actions', objectId: 't1', firstRow: 1, columns: [0, 1], rows: Array.from({ length: 2000 }, () => ['A-1', 'x'.repeat(20)]) };
    const withTable = deckRecordCell({ ...record, elements: [...record.elements, table] })!;
    expect(withTable.tables).toBe(false);
    expect(JSON.parse(withTable.text)).toEqual(record);
    const big: DeckRecord = { ...record, elements: Array.from({ length: 2000 }, (_, i) => ({ kind: 'text' as const, slide: 'value', objectId: `e${i}`, values: [{ token: '{{title}}', text: 'x'.repeat(20) }] })) };
    expect(JSON.stringify(big).length).toBeGreaterThan(CELL_LIMIT);
    expect(deckRecordCell(big)).toBeNull();
    expect(deckRecordCell(record)!.tables).toBe(true);
  });

  it('names elements as a CSM sees them', () => {
    expect(elementLabel(record.elements[0]!)).toBe('KPI "ROI"');
    expect(elementLabel({ kind: 'text', slide: 'v', objectId: 'a', values: [{ token: '{{title}}', text: 'Value delivered' }] })).toBe('title');
    expect(elementLabel({ kind: 'text', slide: 'v', objectId: 'a', values: [{ token: '{{sources}}', text: 'Source: logs' }] })).toBe('source line');
  });
});
