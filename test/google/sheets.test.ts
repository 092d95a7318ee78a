// Sheets: one batchGet for the whole tracker, its answer as the core's Workbook, and the RAW write-back (QBR Log upsert, idempotent actions).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeWorkbook } from '../../src/core';
import {
  actionsAppend, addSheetCall, asText, columnLetter, qbrLogWrite, trackerBatchGet, trackerReadCalls, trackerWriteCall,
  valueRangesToWorkbook, type ActionRow, type QbrLogRow,
} from '../../src/google/sheets';
import { allDiscoveryProblems } from './discovery-check';

describe('reading the tracker', () => {
  it('lists the tabs, then reads every tab in one batchGet with quoted sheet names', () => {
    expect(trackerReadCalls('sheet-1')).toEqual([{
      id: 'sheets.spreadsheets.get',
      params: { spreadsheetId: 'sheet-1', fields: 'properties.title,sheets.properties(sheetId,title)' },
      bind: { sheets: 'sheets' },
      note: 'List the tracker tabs',
    }]);
    expect(trackerBatchGet('sheet-1', ['Accounts', 'QBR Log', "Bob's tab"])).toEqual({
      id: 'sheets.spreadsheets.values.batchGet',
      params: {
        spreadsheetId: 'sheet-1',
        ranges: ["'Accounts'", "'QBR Log'", "'Bob''s tab'"],
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'SERIAL_NUMBER',
        majorDimension: 'ROWS',
      },
      note: 'Read 3 tracker tabs',
    });
  });

  it('turns the value ranges into the Workbook, in the order of the titles, error values kept as text', () => {
    const book = valueRangesToWorkbook({
      valueRanges: [
        { range: "'Accounts'!A1:C2", values: [['Account ID', 'ARR', 'Active'], ['ACC-001', 220000, true]] },
        { range: "'Metrics'!A1:B2", values: [['Account ID', 'CSAT'], ['ACC-001', '#N/A'], [], ['ACC-002', '']] },
      ],
    }, ['Accounts', 'Metrics', 'Risks']);
    expect(book).toEqual({
      tabs: [
        { name: 'Accounts', rows: [['Account ID', 'ARR', 'Active'], ['ACC-001', 220000, true]] },
        { name: 'Metrics', rows: [['Account ID', 'CSAT'], ['ACC-001', '#N/A'], [], ['ACC-002', '']] },
        { name: 'Risks', rows: [] },
      ],
    });
    expect(valueRangesToWorkbook({}, ['Accounts'])).toEqual({ tabs: [{ name: 'Accounts', rows: [] }] });
  });

  it('serial-number dates come through the core as the right ISO dates', () => {
    // 46477 = 2027-03-31 and 46275 = 2026-09-10 (days since 1899-12-30, as Sheets counts them).
    const book = valueRangesToWorkbook({
      valueRanges: [{ values: [
        ['Account ID', 'Account', 'ARR', 'Segment', 'Contract Start', 'Renewal Date'],
        ['ACC-001', 'GlobalTech', 220000, '#N/A', 46275, 46477],
      ] }],
    }, ['Accounts']);
    const [account] = analyzeWorkbook(book, { today: '2026-11-22' }).accounts;
    expect(account?.renewal.date).toBe('2027-03-31');
    expect(account?.nextQbrDue).toBe('2026-12-10'); // Enterprise: Contract Start + 3 months
    expect(account?.segment).toBe('Enterprise'); // '#N/A' is missing, so ARR decides
  });
});

const row: QbrLogRow = {
  accountId: 'ACC-001',
  qbrDate: '2026-12-10',
  deckUrl: 'https://docs.google.com/presentation/d/deck1/edit',
  docUrl: null,
  draftId: 'r-77',
  eventIds: ['evt1', 'evt2'],
  generatedAt: '2026-11-22T09:30:00Z',
  warnings: ['=SUM(B2) typed in ARR', '+ no CSAT'],
};
// The sheet's own order, with a column of the user's (Notes) in the middle.
const logHeaders = ['Generated At', 'QBR Date', 'Notes', 'Account ID', 'Warnings', 'Deck URL', 'Doc URL', 'Draft ID', 'Event IDs'];
const written = ['2026-11-22T09:30:00Z', '2026-12-10', null, 'ACC-001', '=SUM(B2) typed in ARR; + no CSAT', 'https://docs.google.com/presentation/d/deck1/edit', '', 'r-77', 'evt1, evt2'];

describe('qbrLogWrite', () => {
  const existing = [
    logHeaders,
    ['2026-11-01T08:00:00Z', 46366, 'keep me', 'ACC-001', '', 'old-deck', '', 'r-1', ''],
    ['2026-11-01T08:00:00Z', 46366, '', 'ACC-002', '', '', '', '', ''],
  ];

  it('overwrites the row of the same account and QBR date (a serial date in the sheet), placed by the headers, leaving Notes alone', () => {
    expect(qbrLogWrite({ sheetTitle: 'QBR Log', headers: logHeaders, existingRows: existing, row })).toEqual([
      { range: "'QBR Log'!A2:I2", values: [written] },
    ]);
    // The same key written as text by an earlier run matches too.
    const asString = [logHeaders, existing[2]!, ['x', '2026-12-10', '', ' ACC-001 ']];
    expect(qbrLogWrite({ sheetTitle: 'QBR Log', headers: logHeaders, existingRows: asString, row })[0]!.range).toBe("'QBR Log'!A3:I3");
  });

  it('appends after the last non-empty row when the key is new', () => {
    const rows = [...existing, [], ['', '', 'a note below a gap']];
    expect(qbrLogWrite({ sheetTitle: 'QBR Log', headers: logHeaders, existingRows: rows, row: { ...row, qbrDate: '2027-03-11' } })).toEqual([
      { range: "'QBR Log'!A6:I6", values: [[...written.slice(0, 1), '2027-03-11', ...written.slice(2)]] },
    ]);
  });

  it('adds missing headers at the end of the header row, in the same write', () => {
    const headers = ['Account ID', 'QBR Date', 'Deck URL'];
    expect(qbrLogWrite({ sheetTitle: "Bob's Log", headers, existingRows: [headers, ['ACC-009', '2026-12-01', 'x']], row })).toEqual([
      { range: "'Bob''s Log'!D1:H1", values: [['Doc URL', 'Draft ID', 'Event IDs', 'Generated At', 'Warnings']] },
      { range: "'Bob''s Log'!A3:H3", values: [['ACC-001', '2026-12-10', row.deckUrl, '', 'r-77', 'evt1, evt2', '2026-11-22T09:30:00Z', '=SUM(B2) typed in ARR; + no CSAT']] },
    ]);
  });

  it('writes the header row first into an empty tab', () => {
    expect(qbrLogWrite({ sheetTitle: 'QBR Log', headers: [], existingRows: [], row: { ...row, warnings: [], eventIds: [] } })).toEqual([
      { range: "'QBR Log'!A1:H1", values: [['Account ID', 'QBR Date', 'Deck URL', 'Doc URL', 'Draft ID', 'Event IDs', 'Generated At', 'Warnings']] },
      { range: "'QBR Log'!A2:H2", values: [['ACC-001', '2026-12-10', row.deckUrl, '', 'r-77', '', '2026-11-22T09:30:00Z', '']] },
    ]);
  });

  it('adds a Key Figures column only for a row that carries the package figures', () => {
    expect(qbrLogWrite({ sheetTitle: 'QBR Log', headers: logHeaders, existingRows: existing, row: { ...row, keyFigures: '{"arr":220000}' } })).toEqual([
      { range: "'QBR Log'!J1:J1", values: [['Key Figures']] },
      { range: "'QBR Log'!A2:J2", values: [[...written, '{"arr":220000}']] },
    ]);
  });

  it('adds a Doc Record column after Key Figures, the record as plain text (a JSON cell, never a formula)', () => {
    const record = '{"pre-read":{"id":"d1","w":"abc"}}';
    expect(qbrLogWrite({ sheetTitle: 'QBR Log', headers: logHeaders, existingRows: existing, row: { ...row, keyFigures: '{"arr":220000}', docRecord: record } })).toEqual([
      { range: "'QBR Log'!J1:K1", values: [['Key Figures', 'Doc Record']] },
      { range: "'QBR Log'!A2:K2", values: [[...written, '{"arr":220000}', record]] },
    ]);
  });

  it('finds a header row under a title row', () => {
    const rows = [['QBR Log (written by the tool)'], logHeaders, existing[1]!];
    expect(qbrLogWrite({ sheetTitle: 'QBR Log', headers: logHeaders, existingRows: rows, row })).toEqual([
      { range: "'QBR Log'!A3:I3", values: [written] },
    ]);
  });
});

describe('actionsAppend', () => {
  const headers = ['Status', 'Action ID', 'Account ID', 'Action', 'Owner', 'Side', 'Due', 'Linked To', 'Completion Date'];
  const action = (id: string, text: string): ActionRow => ({
    actionId: id, accountId: 'ACC-001', action: text, owner: 'Priya Nair', side: 'Vendor', dueDate: '2026-12-19', status: 'Open', linkedTo: '2026-12-10',
  });
  const existing = [headers, ['Complete', 'A-1', 'ACC-001', 'Earlier action', 'Dana', 'Customer', 46300, '2026-09-10', 46310]];
  const actions = [action('A-1', 'Changed text'), action('A-2', '@Finance: send ROI summary'), action('A-3', '-Run EMEA workshop'), action('A-2', 'dup')];

  it('appends only the actions whose Action ID is new, placed by the headers (Due is Due Date)', () => {
    const writes = actionsAppend({ sheetTitle: 'Actions', headers, existingRows: existing, actions });
    expect(writes).toEqual([{
      range: "'Actions'!A3:H4",
      values: [
        ['Open', 'A-2', 'ACC-001', '@Finance: send ROI summary', 'Priya Nair', 'Vendor', '2026-12-19', '2026-12-10'],
        ['Open', 'A-3', 'ACC-001', '-Run EMEA workshop', 'Priya Nair', 'Vendor', '2026-12-19', '2026-12-10'],
      ],
    }]);
    // A re-run over the tab as it now is appends nothing.
    const after = [...existing, ...writes[0]!.values];
    expect(actionsAppend({ sheetTitle: 'Actions', headers, existingRows: after, actions })).toEqual([]);
  });

  it('adds the headers it needs but not Completion Date (the user fills it)', () => {
    const few = ['Action ID', 'Account ID', 'Action'];
    expect(actionsAppend({ sheetTitle: 'Actions', headers: few, existingRows: [few], actions: [{ ...action('A-9', 'Call'), owner: null, side: null }] })).toEqual([
      { range: "'Actions'!D1:H1", values: [['Owner', 'Side', 'Due Date', 'Status', 'Linked To']] },
      { range: "'Actions'!A2:H2", values: [['A-9', 'ACC-001', 'Call', '', '', '2026-12-19', 'Open', '2026-12-10']] },
    ]);
  });
});

describe('writing RAW', () => {
  it('asText keeps formula-like text as it is (RAW stores it as a string)', () => {
    for (const s of ['=HYPERLINK("x")', '+1 555 0100', '-3%', '@Dana', 'plain']) expect(asText(s)).toBe(s);
  });

  it('sends every write in one batchUpdate with valueInputOption RAW', () => {
    const data = [
      ...qbrLogWrite({ sheetTitle: 'QBR Log', headers: [], existingRows: [], row }),
      ...actionsAppend({ sheetTitle: 'Actions', headers: [], existingRows: [], actions: [{ actionId: 'A-1', accountId: 'ACC-001', action: '=1+1', owner: null, side: null, dueDate: null, status: null, linkedTo: null }] }),
    ];
    const call = trackerWriteCall('sheet-1', data);
    expect(call).toEqual({
      id: 'sheets.spreadsheets.values.batchUpdate',
      params: { spreadsheetId: 'sheet-1' },
      body: { valueInputOption: 'RAW', data: data.map((d) => ({ ...d, majorDimension: 'ROWS' })) },
      note: 'Write 4 ranges back to the tracker',
    });
    expect(allDiscoveryProblems([call, addSheetCall('sheet-1', 'QBR Log'), trackerBatchGet('s', ['A', 'B']), ...trackerReadCalls('s')])).toEqual([]);
  });

  it('no values write anywhere in src/google uses anything but RAW', () => {
    const root = join(__dirname, '../../src/google');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const options = files.flatMap((f) => [...readFileSync(join(root, f), 'utf8').matchAll(/valueInputOption\s*:\s*['"`]?(\w+)/g)].map((m) => m[1]));
    expect(options.length).toBeGreaterThan(0);
    expect(new Set(options)).toEqual(new Set(['RAW']));
  });
});

it('columnLetter counts like a spreadsheet', () => {
  expect([0, 7, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'H', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
});
