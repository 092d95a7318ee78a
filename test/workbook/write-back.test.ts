// Where a record lands in a tracker file: under a header row that is not row 1, in a tab that did not exist, in the
// QBR Log row keyed by a differently spelled date; a CSV keeps its delimiter, `sep=` line and BOM. Read back with
// csv-parse and exceljs, then by the tracker reader itself.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { readTracker } from '../../src/core';
import { planRecordWrites } from '../../src/core/program/record-writes';
import { recordRows, type QbrRecord, type RecordRows } from '../../src/core/program/record';
import { readCsvFolder } from '../../src/workbook/csv';
import { readXlsx } from '../../src/workbook/xlsx';
import { applyTabWrites } from '../../src/workbook/write-back';
import { scratch, writeCsvTracker, writeXlsxTracker, type TestTabs } from '../helpers/trackers';

const tmp = scratch('write-back');
afterAll(() => tmp.cleanup());

const TABS: TestTabs = {
  Accounts: [['Account ID', 'Account', 'ARR'], ['ACC-1', 'Northwind', 100000]],
  // A title and a note above the header, as teams do.
  Actions: [['Action log'], ['(one row per action)'], ['Action ID', 'Account ID', 'Action', 'Due Date', 'Linked To'], ['A-1', 'ACC-1', 'Old', '2026-07-01', '2026-05-01'], []],
  'QBR Log': [['Account ID', 'QBR Date', 'Deck URL'], ['acc-1', '11/18/2026', 'https://deck'], ['ACC-1', '2026-05-01', null]],
};

const RECORD: QbrRecord = {
  accountId: 'ACC-1', qbrDate: '2026-11-18', held: '2026-11-19', attendees: ['Dana'],
  indicators: { executiveAttendance: 'Green', customerPreparation: null, engagement: 'Red' },
  takeaways: '@all: =1+1 stays text',
  commitments: [{ action: '-Run it', owner: 'Sam', side: 'us', due: '2026-12-01' }],
  expansionPaths: [{ opportunity: 'Add-on', sponsor: null, nextStep: '=HYPERLINK("x")', potentialArr: 5000 }],
};

const rowsFor = (tabs: ReturnType<typeof readCsvFolder>): RecordRows => {
  const r = recordRows(readTracker(tabs), RECORD, '2026-11-20');
  if ('error' in r) throw new Error(r.error);
  return r;
};

describe('planRecordWrites', () => {
  it('appends under the header row found below a title, creates a missing tab, and updates the QBR Log row of the same date', () => {
    const book = readCsvFolder(writeCsvTracker(tmp.path(), TABS));
    const writes = planRecordWrites(book, rowsFor(book), 'MDY');
    expect(writes.map((w) => [w.tab, w.create, w.said])).toEqual([
      ['Actions', false, ['headers added: "Owner", "Side", "Status"', '1 row appended']],
      ['Opportunities', true, ['created with "Account ID", "Opportunity", "Potential ARR", "Sponsor", "Next Step", "Linked To"', '1 row appended']],
      ['QBR Log', false, ['headers added: "Held", "Attendees", "Executive Attendance", "Customer Preparation", "Engagement", "Takeaways"', 'row 2 (ACC-1 2026-11-18) updated']],
    ]);
    const actions = writes[0]!.cells;
    // Header row 3 (index 2); the blank row 5 after the last action is where the new one goes (index 4).
    expect(actions.filter((c) => c.row === 2)).toEqual([{ row: 2, col: 5, value: 'Owner' }, { row: 2, col: 6, value: 'Side' }, { row: 2, col: 7, value: 'Status' }]);
    expect(actions.filter((c) => c.row === 4).map((c) => [c.col, c.value])).toEqual([
      [0, 'ACC-1-QBR20261118-1'], [1, 'ACC-1'], [2, '-Run it'], [5, 'Sam'], [6, 'Vendor'], [3, { date: '2026-12-01' }], [7, 'Open'], [4, { date: '2026-11-18' }],
    ]);
    // The row keyed 11/18/2026 is this QBR's: its empty Customer Preparation is not written, Account ID and date stay as typed.
    expect(writes[2]!.cells.filter((c) => c.row === 1).map((c) => [c.col, c.value])).toEqual([[3, { date: '2026-11-19' }], [4, 'Dana'], [5, 'Green'], [7, 'Red'], [8, '@all: =1+1 stays text']]);
  });
});

describe('applyTabWrites', () => {
  it('keeps a CSV file\'s delimiter, sep= line and BOM, and the tracker reads the record back', async () => {
    const dir = writeCsvTracker(tmp.path(), TABS);
    const actions = join(dir, 'Actions.csv');
    writeFileSync(actions, `\uFEFFsep=;\r\n${readFileSync(actions, 'utf8').replace(/,/g, ';').replace(/\n/g, '\r\n')}`);
    const book = readCsvFolder(dir);
    await applyTabWrites(dir, planRecordWrites(book, rowsFor(book), 'MDY'));
    const text = readFileSync(actions, 'utf8');
    expect(text.startsWith('\uFEFFsep=;\r\nAction log\r\n')).toBe(true);
    expect(parse(text.slice('\uFEFFsep=;\r\n'.length), { delimiter: ';', relax_column_count: true }).slice(2)).toEqual([
      ['Action ID', 'Account ID', 'Action', 'Due Date', 'Linked To', 'Owner', 'Side', 'Status'],
      ['A-1', 'ACC-1', 'Old', '2026-07-01', '2026-05-01'],
      ['ACC-1-QBR20261118-1', 'ACC-1', '-Run it', '2026-12-01', '2026-11-18', 'Sam', 'Vendor', 'Open'],
    ]);
    const again = readTracker(readCsvFolder(dir));
    expect(again.rows.opportunities.map((o) => [o.opportunity, o.nextStep, o.potentialArr, o.linkedTo])).toEqual([['Add-on', '=HYPERLINK("x")', 5000, '2026-11-18']]);
    expect(again.rows.qbrRecord.map((r) => [r.qbrDate, r.held, r.engagement, r.takeaways])).toEqual([['2026-11-18', '2026-11-19', 'Red', '@all: =1+1 stays text'], ['2026-05-01', null, null, null]]);
    // Recorded again from the file as written: nothing more to append.
    const second = rowsFor(readCsvFolder(dir));
    expect([second.actions, second.opportunities]).toEqual([[], []]);
  });

  it('writes an .xlsx with text as string cells, dates as dates, a new sheet where a tab was missing', async () => {
    const path = await writeXlsxTracker(tmp.path('tracker.xlsx'), TABS);
    const book = await readXlsx(path);
    await applyTabWrites(path, planRecordWrites(book, rowsFor(book), 'MDY'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Accounts', 'Actions', 'QBR Log', 'Opportunities']);
    const row = wb.getWorksheet('Actions')!.getRow(5);
    expect([row.getCell(3).value, row.getCell(3).type]).toEqual(['-Run it', ExcelJS.ValueType.String]);
    expect(row.getCell(4).value).toEqual(new Date('2026-12-01T00:00:00Z'));
    const next = wb.getWorksheet('Opportunities')!.getCell('E2');
    expect([next.value, next.type, next.formula]).toEqual(['=HYPERLINK("x")', ExcelJS.ValueType.String, undefined]);
    expect(readTracker(await readXlsx(path)).rows.actions.map((a) => [a.action, a.dueDate, a.linkedTo])).toEqual([['Old', '2026-07-01', '2026-05-01'], ['-Run it', '2026-12-01', '2026-11-18']]);
  });
});
