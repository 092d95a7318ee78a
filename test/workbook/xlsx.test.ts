/** readXlsx: real .xlsx files written with exceljs and read back through the Workbook port. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { fromUtc } from '../../src/core/dates';
import { readXlsx } from '../../src/workbook/xlsx';
import { TrackerOpenError } from '../../src/workbook/errors';
import { tempDir } from './helpers';

const dir = tempDir('xlsx');
afterAll(dir.cleanup);

async function writeBook(name: string, fill: (book: ExcelJS.Workbook) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  fill(book);
  const path = join(dir.path, name);
  await book.xlsx.writeFile(path);
  return path;
}

describe('readXlsx', () => {
  it('maps every kind of cell value to the port', async () => {
    const path = await writeBook('cells.xlsx', (book) => {
      const ws = book.addWorksheet('Accounts');
      ws.addRow(['Account ID', 'ARR', 'Uptime %', 'Renewal Date', 'NPS', 'Total', 'Note', 'Site', 'Active']);
      ws.addRow(['ACC-001', 220000, 0.997, new Date(Date.UTC(2027, 4, 22)), { error: '#N/A' },
        { formula: 'B2*2', result: 440000 },
        { richText: [{ text: 'Champion ', font: { bold: true } }, { text: 'on leave' }] },
        { text: 'GlobalTech', hyperlink: 'https://globaltech.example' },
        true]);
      ws.getCell('B2').numFmt = '$#,##0';
      ws.getCell('C2').numFmt = '0.0%';
      ws.getCell('D2').numFmt = 'yyyy-mm-dd';
    });

    const book = await readXlsx(path);
    const [header, row] = book.tabs[0]!.rows;
    expect(header).toEqual(['Account ID', 'ARR', 'Uptime %', 'Renewal Date', 'NPS', 'Total', 'Note', 'Site', 'Active']);
    // Formats change what Excel shows, not the value: money and percents stay plain numbers.
    expect(row!.slice(0, 3)).toEqual(['ACC-001', 220000, 0.997]);
    expect(row![3]).toBeInstanceOf(Date);
    expect(fromUtc(row![3] as Date)).toBe('2027-05-22');
    expect(row!.slice(4)).toEqual(['#N/A', 440000, 'Champion on leave', 'GlobalTech', true]);
  });

  it('keeps the calendar day of dates whatever the day and format', async () => {
    const days = ['2026-01-01', '2026-03-31', '2026-11-22', '2027-02-28', '2028-02-29', '1999-12-31'];
    const path = await writeBook('dates.xlsx', (book) => {
      const ws = book.addWorksheet('Dates');
      for (const [i, iso] of days.entries()) {
        const cell = ws.getCell(i + 1, 1);
        cell.value = new Date(`${iso}T00:00:00Z`);
        cell.numFmt = ['yyyy-mm-dd', 'm/d/yyyy', 'd mmm yyyy'][i % 3]!;
      }
      // A date-time late in the day still shows (and reads as) its own day.
      const late = ws.getCell(days.length + 1, 1);
      late.value = new Date('2026-11-22T23:30:00Z');
      late.numFmt = 'yyyy-mm-dd hh:mm';
    });

    const rows = (await readXlsx(path)).tabs[0]!.rows;
    expect(rows.map((r) => fromUtc(r[0] as Date))).toEqual([...days, '2026-11-22']);
  });

  it('reads shared formulas, formulas without a cached result and formulas that failed', async () => {
    const path = await writeBook('formulas.xlsx', (book) => {
      const ws = book.addWorksheet('Value');
      ws.getCell('A1').value = { formula: 'B1*75', result: 315000 };
      ws.getCell('A2').value = { sharedFormula: 'A1', result: 150 } as ExcelJS.CellSharedFormulaValue;
      ws.getCell('A3').value = { formula: 'B3*75' } as ExcelJS.CellFormulaValue;
      ws.getCell('A4').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      ws.getCell('A5').value = { formula: 'TODAY()', result: new Date(Date.UTC(2026, 10, 22)) };
      ws.getCell('A5').numFmt = 'yyyy-mm-dd';
    });

    const rows = (await readXlsx(path)).tabs[0]!.rows;
    expect(rows.slice(0, 4)).toEqual([[315000], [150], [], ['#DIV/0!']]);
    expect(fromUtc(rows[4]![0] as Date)).toBe('2026-11-22');
  });

  it('keeps blank rows so that rows[i] is sheet row i + 1, and fills gaps inside a row with null', async () => {
    const path = await writeBook('blanks.xlsx', (book) => {
      const ws = book.addWorksheet('Metrics');
      ws.getCell('A1').value = 'Account ID';
      ws.getCell('C1').value = 'Active Users';
      ws.getCell('A4').value = 'ACC-001';
      ws.getCell('C4').value = 340;
    });

    const rows = (await readXlsx(path)).tabs[0]!.rows;
    expect(rows).toEqual([['Account ID', null, 'Active Users'], [], [], ['ACC-001', null, 340]]);
  });

  it('reads every sheet, hidden ones too, in workbook order; a merge carries its value in the first cell only', async () => {
    const path = await writeBook('sheets.xlsx', (book) => {
      book.addWorksheet('Accounts').addRow(['Account ID']);
      const hidden = book.addWorksheet('Settings', { state: 'hidden' });
      hidden.addRow(['Key', 'Value']);
      hidden.addRow(['Hourly Rate', 75]);
      const roadmap = book.addWorksheet('Roadmap');
      roadmap.addRow(['Released in 2026-Q3', null]);
      roadmap.mergeCells('A1:B1');
    });

    const book = await readXlsx(path);
    expect(book.tabs.map((t) => t.name)).toEqual(['Accounts', 'Settings', 'Roadmap']);
    expect(book.tabs[1]!.rows).toEqual([['Key', 'Value'], ['Hourly Rate', 75]]);
    expect(book.tabs[2]!.rows).toEqual([['Released in 2026-Q3']]);
  });

  it('reads a workbook given as bytes', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Accounts').addRow(['Account ID', 'Account', 'ARR']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    expect((await readXlsx(bytes)).tabs).toEqual([{ name: 'Accounts', rows: [['Account ID', 'Account', 'ARR']] }]);
  });

  it('turns garbage, a non-workbook zip and a missing file into TrackerOpenError, never a raw exceljs error', async () => {
    const garbage = join(dir.path, 'garbage.xlsx');
    writeFileSync(garbage, Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256)));
    await expect(readXlsx(garbage)).rejects.toMatchObject({ name: 'TrackerOpenError', code: 'unreadable' });
    await expect(readXlsx(garbage)).rejects.toThrow(/not a readable \.xlsx workbook.*File → Download → Microsoft Excel/);

    // Starts like a zip, then is not one: the error comes from inside exceljs's unzip.
    const truncated = join(dir.path, 'truncated.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Accounts').addRow(['Account ID']);
    writeFileSync(truncated, Buffer.from(await book.xlsx.writeBuffer()).subarray(0, 300));
    await expect(readXlsx(truncated)).rejects.toBeInstanceOf(TrackerOpenError);

    const empty = join(dir.path, 'empty.xlsx');
    writeFileSync(empty, Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer()));
    await expect(readXlsx(empty)).rejects.toThrow(/has no worksheets/);

    const legacy = join(dir.path, 'protected.xlsx');
    writeFileSync(legacy, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    await expect(readXlsx(legacy)).rejects.toThrow(/password-protected or an old \.xls/);

    await expect(readXlsx(join(dir.path, 'nope.xlsx'))).rejects.toMatchObject({ code: 'not-found' });
  });
});
