import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { qbr } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'qbr-program-'));
const tracker = join(dir, 'tracker');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  mkdirSync(tracker);
  writeFileSync(join(tracker, 'Accounts.csv'), [
    'Account ID,Account,ARR,QBR Date,Last QBR Date,CSM',
    'A1,Acme,"$200,000",2026-12-10,2026-09-15,Ana',
    'A2,Beta,"$150,000",,2026-09-20,Ana',
    'A3,Gamma,"$120,000",,2026-03-01,Ben',
  ].join('\n'));
  writeFileSync(join(tracker, 'QBR Log.csv'), [
    'Account ID,QBR Date,Held,Executive Attendance',
    'A1,2026-09-15,2026-09-15,Green',
    'A2,2026-09-20,2026-09-20,Red',
  ].join('\n'));
  writeFileSync(join(tracker, 'Actions.csv'), [
    'Action ID,Account ID,Action,Due Date,Status,Linked To',
    'X1,A1,SSO rollout,2026-10-01,Complete,2026-09-15',
  ].join('\n'));
});

describe('qbr program', () => {
  it('--json prints the full structure with the accounts behind each metric', async () => {
    const { code, stdout } = await qbr('program', '--tracker', tracker, '--today', '2026-11-22', '--json');
    expect(code).toBe(0);
    const view = JSON.parse(stdout);
    expect(view.today).toBe('2026-11-22');
    expect(view.metrics.executiveAttendance).toMatchObject({ value: 0.5, met: false, count: { of: 1, total: 2 }, target: { min: 0.8 } });
    expect(view.metrics.commitmentCompletion).toMatchObject({ value: 1, met: true });
    expect(view.metrics.expansionShare.value).toBeNull();
    expect(view.metrics.expansionShare.noData).toMatch(/Linked To/);
    expect(view.schedule.map((r: { csm: string }) => r.csm)).toEqual(['Ana', 'Ben']);
  });

  it('prints a short manager table, with "not enough data" rather than 0', async () => {
    const { code, stdout } = await qbr('program', '--tracker', tracker, '--today', '2026-11-22');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Ana\s+1: A1\s+2: A1, A2\s+—$/m);
    expect(stdout).toMatch(/^Ben\s+—\s+—\s+1: A3$/m);
    expect(stdout).toMatch(/Executive attendance\s+50 % \(1 of 2\)\s+80 %\+\s+below target/);
    expect(stdout).toMatch(/QBRs with an expansion path\s+not enough data\s+30–40 %/);
    expect(stdout).not.toMatch(/NaN|undefined| 0 %/);
  });

  it('a missing --tracker is a usage error (exit 2)', async () => {
    const { code, stderr } = await qbr('program');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--tracker/);
  });
});

describe('qbr program --write-tab', () => {
  it('writes the view as values in a QBR Program tab of the .xlsx (rates as percentages), and a second write leaves no stale line', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = join(dir, 'tracker.xlsx');
    const wb = new ExcelJS.Workbook();
    const add = (name: string, rows: (string | number)[][]) => wb.addWorksheet(name).addRows(rows);
    add('Accounts', [['Account ID', 'Account', 'ARR', 'QBR Date', 'Last QBR Date', 'CSM'], ['A1', 'Acme', 200000, '2026-12-10', '2026-09-15', 'Ana'], ['A2', 'Beta', 150000, '', '2026-09-20', 'Ana']]);
    add('QBR Log', [['Account ID', 'QBR Date', 'Held', 'Executive Attendance'], ['A1', '2026-09-15', '2026-09-15', 'Green'], ['A2', '2026-09-20', '2026-09-20', 'Red']]);
    // A stale tab from an earlier write, longer than the new one: its extra line must go.
    add('QBR Program', [['old'], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], ['stale line', 'x']]);
    await wb.xlsx.writeFile(book);

    const r = await qbr('program', '--tracker', book, '--today', '2026-11-22', '--write-tab');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Wrote the QBR Program tab/);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(book);
    const tab = back.getWorksheet('QBR Program')!;
    expect(tab.getCell('A1').value).toBe('QBR program as of 2026-11-22');
    expect(tab.getRow(3).values).toEqual([undefined, 'Metric', 'Value', 'Target', 'Status', 'QBRs counted', 'Accounts', 'Note']);
    // 1 of 2 QBRs had the sponsor (Green): 50 %, below the 80 % target, shown as a percentage, a number not text.
    expect(tab.getCell('A4').value).toBe('Executive attendance');
    expect(tab.getCell('B4').value).toBe(0.5);
    expect(tab.getCell('B4').numFmt).toBe('0%');
    expect(tab.getCell('D4').value).toBe('below target');
    expect(tab.getCell('A21').value).toBeNull();
    expect(tab.getCell('B21').value).toBeNull();
    // Nothing became a formula, and the other tabs are as they were.
    tab.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    expect(back.getWorksheet('Accounts')!.getCell('B2').value).toBe('Acme');
  });
});
