/** Hostile and foreign-locale tracker files: far-away formatted cells, zip bombs, `;`/tab CSVs and Windows-1252 text. */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { qbr } from '../helpers/cli';
import { readCsvFile } from '../../src/workbook/csv';
import { readXlsx } from '../../src/workbook/xlsx';
import { MAX_UNZIPPED_BYTES, withoutEmptyRows } from '../../src/workbook/zip-size';
import { tempDir } from './helpers';

const dir = tempDir('hostile');
afterAll(dir.cleanup);
const ROOT = join(__dirname, '..', '..');
const LAST_ROW = 1_048_576;

async function smallBook(fill?: (book: ExcelJS.Workbook) => void): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  const accounts = book.addWorksheet('Accounts');
  accounts.addRow(['Account ID', 'Account', 'ARR', 'Licensed Seats', 'Last QBR Date', 'Renewal Date']);
  accounts.addRow(['A1', 'Acme', 220000, 400, '2026-08-15', '2027-05-22']);
  book.addWorksheet('Metrics').addRow(['Account ID', 'Quarter', 'Active Users']);
  book.addWorksheet('Risks').addRow(['Account ID', 'Risk']);
  fill?.(book);
  return book;
}

/**
 * Memory is the defect (an object per row of the declared extent: gigabytes), so the read runs in a child whose
 * heap is capped well under what the old reader needed; the tabs come back as JSON.
 */
async function readInSmallHeap(path: string): Promise<[string, unknown[][]][]> {
  const script = join(dir.path, 'read-small-heap.ts');
  writeFileSync(script, [
    `import { readXlsx } from ${JSON.stringify(join(ROOT, 'src/workbook/xlsx.ts'))};`,
    'readXlsx(process.argv[2]!).then((b) => console.log(JSON.stringify(b.tabs.map((t) => [t.name, t.rows]))));',
  ].join('\n'));
  const { stdout } = await promisify(execFile)(process.execPath, ['--max-old-space-size=192', '--import', 'tsx', script, path], { cwd: ROOT });
  return JSON.parse(stdout) as [string, unknown[][]][];
}

describe('bounded reading of .xlsx', () => {
  it('reads only the data, not the declared extent, when each tab has one formatted cell on row 1,048,576', async () => {
    const book = await smallBook((b) => {
      for (const ws of b.worksheets) {
        const far = ws.getCell(LAST_ROW, 3);
        far.numFmt = '0.00';
        far.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
      }
    });
    const path = join(dir.path, 'far.xlsx');
    await book.xlsx.writeFile(path);
    // The file really declares the whole sheet: exceljs sees a million rows per tab.
    const check = new ExcelJS.Workbook();
    await check.xlsx.readFile(path);
    expect(check.worksheets.map((w) => w.rowCount)).toEqual([LAST_ROW, LAST_ROW, LAST_ROW]);

    expect(await readInSmallHeap(path)).toEqual([
      ['Accounts', [['Account ID', 'Account', 'ARR', 'Licensed Seats', 'Last QBR Date', 'Renewal Date'], ['A1', 'Acme', 220000, 400, '2026-08-15', '2027-05-22']]],
      ['Metrics', [['Account ID', 'Quarter', 'Active Users']]],
      ['Risks', [['Account ID', 'Risk']]],
    ]);
  }, 60_000);

  it('reads a tab whose every row down to 1,048,576 is formatted (a <row> element each) as its data only', async () => {
    const parts = await partsOf(await smallBook());
    const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
    const empty: string[] = [];
    for (let r = 3; r <= LAST_ROW; r++) empty.push(`<row r="${r}" s="1" customFormat="1"/>`);
    // A few rows of formatted but valueless cells, as a fill over a range writes them.
    empty.splice(10, 0, '<row r="13" spans="1:2"><c r="A13" s="1"/><c r="B13" s="1"/></row>');
    const xml = sheet.data.toString('utf8');
    sheet.data = Buffer.from(xml.replace('</sheetData>', `${empty.join('')}</sheetData>`));
    const path = join(dir.path, 'formatted-rows.xlsx');
    writeFileSync(path, zipOf(parts));
    // exceljs's in-memory reader keeps one object per <row>: hundreds of MB for this 2.5 MB file.
    expect((await readInSmallHeap(path))[0]).toEqual(
      ['Accounts', [['Account ID', 'Account', 'ARR', 'Licensed Seats', 'Last QBR Date', 'Renewal Date'], ['A1', 'Acme', 220000, 400, '2026-08-15', '2027-05-22']]],
    );
  }, 120_000);

  it('drops exactly the rows without a value from sheet XML, and nothing else', () => {
    const xml = '<sheetData><row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c></row><row r="2" s="1" customFormat="1"/>' +
      '<row r="3"><c r="A3" s="1"/><c r="B3" s="1"/></row><row r="4"><c r="A4"><v>5</v></c><c r="B4" s="2"/></row><row r="5"></row>' +
      '<row r="6"><c r="A6" t="inlineStr"><is><t>x</t></is></c></row></sheetData><rowBreaks count="1"><brk id="3"/></rowBreaks>';
    expect(withoutEmptyRows(Buffer.from(xml)).toString()).toBe(
      '<sheetData><row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c></row><row r="4"><c r="A4"><v>5</v></c><c r="B4" s="2"/></row>' +
      '<row r="6"><c r="A6" t="inlineStr"><is><t>x</t></is></c></row></sheetData><rowBreaks count="1"><brk id="3"/></rowBreaks>',
    );
  });

  it('keeps blank rows between data rows, so row numbers still match the sheet', async () => {
    const book = await smallBook((b) => {
      const risks = b.getWorksheet('Risks')!;
      risks.getCell(3, 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } }; // formatted, empty
      risks.getCell(5, 1).value = 'A1';
      risks.getCell(5, 2).value = 'SSO gap';
    });
    const read = await readXlsx((await book.xlsx.writeBuffer()) as unknown as Buffer);
    expect(read.tabs[2]!.rows).toEqual([['Account ID', 'Risk'], [], [], [], ['A1', 'SSO gap']]);
  });
});

/** Every part of a workbook as exceljs writes it. */
async function partsOf(book: ExcelJS.Workbook): Promise<{ name: string; data: Buffer }[]> {
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  const parts: { name: string; data: Buffer }[] = [];
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n]!.dir)) {
    parts.push({ name, data: await zip.file(name)!.async('nodebuffer') });
  }
  return parts;
}

/** A zip written by hand, so a part of any size can be stored deflated in well under a second. */
function zipOf(parts: { name: string; data: Buffer; declared?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, declared = data.length } of parts) {
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, packed);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('the unzipped-size guard', () => {
  it('refuses a small workbook whose shared strings expand past the limit, with exit 2 and the part named', async () => {
    const parts = await partsOf(await smallBook());
    const strings = parts.find((p) => p.name === 'xl/sharedStrings.xml')!;
    const item = '<si><t>padding</t></si>';
    const count = Math.ceil((MAX_UNZIPPED_BYTES + 1) / item.length);
    strings.data = Buffer.concat([
      Buffer.from(strings.data.toString('utf8').replace(/<\/sst>\s*$/, '')),
      Buffer.alloc(count * item.length, item),
      Buffer.from('</sst>'),
    ]);
    const bomb = zipOf(parts);
    expect(bomb.length).toBeLessThan(1_000_000);
    const path = join(dir.path, 'bomb.xlsx');
    writeFileSync(path, bomb);

    await expect(readXlsx(path)).rejects.toMatchObject({ name: 'TrackerOpenError', code: 'too-large' });
    const { code, stderr } = await qbr('analyze', '--tracker', path, '--today', '2026-11-22');
    expect(code).toBe(2);
    expect(stderr).toMatch(/unzips to 1\d\d MB \(xl\/sharedStrings\.xml alone is 1\d\d MB\), more than the 128 MB/);
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1); // one sentence, no stack trace
  }, 30_000);

  it('refuses a workbook whose zip directory understates a part, without inflating it past the declared size', async () => {
    const parts = await partsOf(await smallBook());
    const strings = parts.find((p) => p.name === 'xl/sharedStrings.xml')!;
    const padded = Buffer.concat([strings.data.subarray(0, strings.data.length - 6), Buffer.alloc(50 * 1024 * 1024, ' '), Buffer.from('</sst>')]);
    const path = join(dir.path, 'liar.xlsx');
    writeFileSync(path, zipOf(parts.map((p) => (p === strings ? { ...p, data: padded, declared: strings.data.length } : p))));

    await expect(readXlsx(path)).rejects.toMatchObject({
      name: 'TrackerOpenError', code: 'too-large',
      message: expect.stringMatching(/xl\/sharedStrings\.xml unzips to more than the [\d,]+ bytes its zip directory declares/),
    });
  });

  it('documents the limit in the README', () => {
    expect(MAX_UNZIPPED_BYTES).toBe(128 * 1024 * 1024);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/128 MB/);
  });

  it('reads an honest hand-written zip as before', async () => {
    const path = join(dir.path, 'hand-zipped.xlsx');
    writeFileSync(path, zipOf(await partsOf(await smallBook())));
    expect((await readXlsx(path)).tabs[0]!.rows[1]).toEqual(['A1', 'Acme', 220000, 400, '2026-08-15', '2027-05-22']);
  });
});

describe('CSV from other locales', () => {
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir.path, name);
    writeFileSync(path, content);
    return path;
  };

  it('reads a ;-delimited CSV (Excel in a comma-decimal locale) into its columns', async () => {
    const path = file('Accounts.csv', 'Account ID;Account;ARR;Licensed Seats;Last QBR Date;Renewal Date\r\nA1;Acme, Inc.;"220000";400;2026-08-15;2027-05-22\r\n');
    expect(readCsvFile(path).rows).toEqual([
      ['Account ID', 'Account', 'ARR', 'Licensed Seats', 'Last QBR Date', 'Renewal Date'],
      ['A1', 'Acme, Inc.', '220000', '400', '2026-08-15', '2027-05-22'],
    ]);
    const { code, stdout, stderr } = await qbr('analyze', '--tracker', path, '--today', '2026-11-22', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/missing required column/);
    expect(JSON.parse(stdout).accounts.map((a: { name: string }) => a.name)).toEqual(['Acme, Inc.']);
  });

  it('reads tab-delimited text and honours Excel\'s sep= line without making it a row', () => {
    expect(readCsvFile(file('Risks.csv', 'Account ID\tRisk\tNotes\nA1\tSSO gap\tsee a, b, c, d\n')).rows)
      .toEqual([['Account ID', 'Risk', 'Notes'], ['A1', 'SSO gap', 'see a, b, c, d']]);
    expect(readCsvFile(file('Goals.csv', 'sep=;\nAccount ID;Goal\nA1;Grow, a lot\n')).rows)
      .toEqual([['Account ID', 'Goal'], ['A1', 'Grow, a lot']]);
  });

  it('keeps a comma CSV a comma CSV when its text holds semicolons', () => {
    expect(readCsvFile(file('Actions.csv', 'Account ID,Action,Owner\nA1,"Call; then email",Maya\n')).rows)
      .toEqual([['Account ID', 'Action', 'Owner'], ['A1', 'Call; then email', 'Maya']]);
  });

  it('decodes Windows-1252 bytes (Excel\'s plain "CSV" on Windows) instead of replacement characters', () => {
    const bytes = Buffer.from('Account ID,Account\r\nA1,Soci\xe9t\xe9 G\xe9n\xe9rale \x80 \x93Z\xfcrich\x94\r\n', 'latin1');
    expect(readCsvFile(file('Latin.csv', bytes)).rows[1]).toEqual(['A1', 'Société Générale € “Zürich”']);
    // Valid UTF-8 is still read as UTF-8.
    expect(readCsvFile(file('Utf8.csv', 'Account ID,Account\nA1,Société Générale\n')).rows[1]).toEqual(['A1', 'Société Générale']);
  });
});
