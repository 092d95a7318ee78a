/** readCsvFolder / parseCsv: real CSV files as people export and type them, read back with spreadsheet row numbers. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, readCsvFolder } from '../../src/workbook/csv';
import { TrackerOpenError } from '../../src/workbook/errors';
import { tempDir } from './helpers';

const dir = tempDir('csv');
afterAll(dir.cleanup);

function folder(name: string, files: Record<string, string | Buffer>): string {
  const path = join(dir.path, name);
  mkdirSync(path);
  for (const [file, content] of Object.entries(files)) writeFileSync(join(path, file), content);
  return path;
}

describe('readCsvFolder', () => {
  it('makes one tab per .csv file, named by the file, and ignores everything else', () => {
    const path = folder('tabs', {
      'Accounts.csv': 'Account ID,Account,ARR\nACC-001,GlobalTech,"$220,000"\n',
      'QBR Log.csv': 'Account ID,QBR Date\n',
      'Risks.CSV': 'Account ID,Risk\n',
      'notes.txt': 'not a tab',
      '._Accounts.csv': 'macOS metadata',
    });
    mkdirSync(join(path, 'old.csv'));

    const book = readCsvFolder(path);
    expect(book.tabs.map((t) => t.name)).toEqual(['Accounts', 'QBR Log', 'Risks']);
    expect(book.tabs[0]!.rows).toEqual([['Account ID', 'Account', 'ARR'], ['ACC-001', 'GlobalTech', '$220,000']]);
  });

  it('keeps every cell as the text typed', () => {
    const [, row] = parseCsv('ARR,Uptime %,Renewal Date,NPS,Quarter\n$220K,99.7%,31 Mar 2026,#N/A,FY26 Q3\n');
    expect(row).toEqual(['$220K', '99.7%', '31 Mar 2026', '#N/A', 'FY26 Q3']);
  });

  it('strips a UTF-8 byte-order mark so the first header still matches', () => {
    const path = folder('bom', { 'Accounts.csv': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Account ID,Account\nACC-001,Café Nova\n')]) });
    expect(readCsvFolder(path).tabs[0]!.rows).toEqual([['Account ID', 'Account'], ['ACC-001', 'Café Nova']]);
  });

  it('reads UTF-16 text as Excel saves it', () => {
    const text = Buffer.from('Account ID,Account\r\nACC-001,Zürich Re\r\n', 'utf16le');
    const path = folder('utf16', { 'Accounts.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), text]) });
    expect(readCsvFolder(path).tabs[0]!.rows).toEqual([['Account ID', 'Account'], ['ACC-001', 'Zürich Re']]);
  });

  it('keeps quoted commas, quotes and newlines inside one cell (one spreadsheet row)', () => {
    const rows = parseCsv('Risk,Mitigation\n"Budget cut, Q1","Meet the CFO\nthen ""re-scope"""\nSSO gap,Roadmap\n');
    expect(rows).toEqual([['Risk', 'Mitigation'], ['Budget cut, Q1', 'Meet the CFO\nthen "re-scope"'], ['SSO gap', 'Roadmap']]);
  });

  it('keeps blank lines as empty rows so row numbers match the sheet', () => {
    const rows = parseCsv('Account ID,Quarter\r\nACC-001,2026-Q3\r\n\r\n,,\r\nACC-002,2026-Q3\r\n');
    expect(rows).toEqual([['Account ID', 'Quarter'], ['ACC-001', '2026-Q3'], [], ['', '', ''], ['ACC-002', '2026-Q3']]);
    expect(rows[4]![0]).toBe('ACC-002'); // sheet row 5
  });

  it('accepts ragged rows and a stray quote inside an unquoted cell', () => {
    expect(parseCsv('A,B,C\n1\n2,3,4,5\n27" monitor,x\n')).toEqual([['A', 'B', 'C'], ['1'], ['2', '3', '4', '5'], ['27" monitor', 'x']]);
  });

  it('reads an empty file as a tab without rows', () => {
    expect(parseCsv('')).toEqual([]);
  });

  it('rejects binary files and unclosed quotes with TrackerOpenError', () => {
    const binary = folder('binary', { 'Accounts.csv': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]) });
    expect(() => readCsvFolder(binary)).toThrow(TrackerOpenError);
    expect(() => parseCsv('A,B\n"open quote,1\n')).toThrow(expect.objectContaining({ code: 'unreadable' }));
    expect(() => readCsvFolder(join(dir.path, 'missing'))).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});
