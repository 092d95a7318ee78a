/** openTracker: picks the adapter from the path and turns every way of failing into a TrackerOpenError with a code. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openTracker, TrackerOpenError } from '../../src/workbook/open';
import { tempDir } from './helpers';

const dir = tempDir('open');
afterAll(dir.cleanup);

async function failure(path: string): Promise<TrackerOpenError> {
  const error = await openTracker(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TrackerOpenError);
  return error as TrackerOpenError;
}

describe('openTracker', () => {
  it('opens an .xlsx workbook', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Accounts').addRow(['Account ID', 'Account', 'ARR']);
    const path = join(dir.path, 'tracker.xlsx');
    await book.xlsx.writeFile(path);
    expect((await openTracker(path)).tabs).toEqual([{ name: 'Accounts', rows: [['Account ID', 'Account', 'ARR']] }]);
  });

  it('opens a folder of .csv files and a single .csv file', async () => {
    const folder = join(dir.path, 'tracker-csv');
    mkdirSync(folder);
    writeFileSync(join(folder, 'Accounts.csv'), 'Account ID,ARR\nACC-001,$220K\n');
    writeFileSync(join(folder, 'QBR Log.csv'), 'Account ID,QBR Date\n');

    expect((await openTracker(folder)).tabs.map((t) => t.name)).toEqual(['Accounts', 'QBR Log']);
    expect(await openTracker(join(folder, 'Accounts.csv'))).toEqual({ tabs: [{ name: 'Accounts', rows: [['Account ID', 'ARR'], ['ACC-001', '$220K']] }] });
  });

  it('says not-found for a missing path or a folder without .csv files', async () => {
    expect((await failure(join(dir.path, 'no-such-tracker.xlsx'))).code).toBe('not-found');
    const empty = join(dir.path, 'empty');
    mkdirSync(empty);
    const error = await failure(empty);
    expect(error.code).toBe('not-found');
    expect(error.message).toMatch(/has no \.csv files/);
  });

  it('says unreadable, with what to do, for binary garbage named .xlsx', async () => {
    const path = join(dir.path, 'garbage.xlsx');
    writeFileSync(path, Buffer.from(Array.from({ length: 1024 }, (_, i) => (i * 131 + 7) % 256)));
    const error = await failure(path);
    expect(error.code).toBe('unreadable');
    expect(error.message).toContain('File → Download → Microsoft Excel');
  });

  it('says unsupported for other extensions, with the forms it reads', async () => {
    for (const name of ['tracker.xls', 'tracker.ods', 'tracker.pdf']) {
      const path = join(dir.path, name);
      writeFileSync(path, 'x');
      expect((await failure(path)).code).toBe('unsupported');
    }
    expect((await failure(join(dir.path, 'tracker.pdf'))).message).toMatch(/\.xlsx workbook, a folder with one \.csv file per tab/);
  });
});
