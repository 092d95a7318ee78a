// `qbr record` end to end (SPEC §4.5, §6): the tracker file re-read with exceljs / csv-parse, the follow-up files with
// mailparser, jszip and ical.js. Atlas (ACC-004, Enterprise, Detroit: US holidays) planned its QBR for Wed 2026-11-18
// and held it on Thu 2026-11-19; the CSM records it on Fri 2026-11-20.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import JSZip from 'jszip';
import { simpleParser } from 'mailparser';
import { parse } from 'csv-parse/sync';
import { qbr } from '../helpers/cli';
import { docxText, emlText } from '../helpers/artifact-text';
import { analyzeWorkbook } from '../../src/core';
import { forbiddenTerms, leaks } from '../../src/core/package/audience';
import { readXlsx } from '../../src/workbook/xlsx';
import { scratch } from '../helpers/trackers';

const EXAMPLES = join(__dirname, '../../examples');
const tmp = scratch('record');
afterAll(() => tmp.cleanup());

const RECORD = {
  held: '2026-11-19',
  attendees: ['Kevin Walsh', 'Jordan Reyes'],
  indicators: { executiveAttendance: 'delegate', customerPreparation: 'Green', engagement: 'Red' },
  takeaways: 'Adoption stalled in EMEA\nFY27 budget freeze announced: Sandra to confirm\n=SUM(A1) stays text',
  commitments: [
    { action: 'Run EMEA enablement', owner: 'Jordan Reyes', side: 'Vendor', due: '2026-11-25' },
    { action: '+Name an EMEA champion', owner: 'Kevin Walsh', side: 'Customer', due: '2026-12-01' },
    { action: 'Share usage export', side: 'Vendor' },
  ],
  expansionPaths: [{ opportunity: 'Quality analytics pilot', sponsor: 'Sandra Liu', nextStep: 'Scope in January', potentialArr: 30000 }],
};
const EXPECTED = [
  ['+Name an EMEA champion', 'Kevin Walsh', 'Dec 1, 2026'],
  ['Run EMEA enablement', 'Jordan Reyes', 'Nov 25, 2026'],
  ['Share usage export', 'To be confirmed', 'To be confirmed'],
];

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The rows of the HTML tables under the summary's "Commitments" heading, as mailparser hands the HTML part. */
async function summaryCommitments(eml: string): Promise<string[][]> {
  const html = String((await simpleParser(readFileSync(eml))).html);
  const section = html.split(/<h3[^>]*>Commitments<\/h3>/)[1]!.split('<h3')[0]!;
  return [...section.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => decode(c[1]!))).filter((r) => r.length > 0);
}

function holds(ics: string): ICAL.Event[] {
  return new ICAL.Component(ICAL.parse(readFileSync(ics, 'utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

async function sheet(path: string, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.getWorksheet(name)!;
}

const texts = (ws: ExcelJS.Worksheet) => {
  const rows: string[][] = [];
  ws.eachRow((r) => rows.push(Array.from((r.values as unknown[]).slice(1), (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v)))));
  return rows;
};

describe('qbr record on an .xlsx tracker, after qbr generate', () => {
  const dir = tmp.path();
  const tracker = join(dir, 'tracker.xlsx');
  const out = join(dir, 'out');
  const folder = join(out, 'ACC-004');
  const from = join(dir, 'record.json');
  const record = () => qbr('record', '--tracker', tracker, '--account', 'ACC-004', '--qbr-date', '2026-11-18', '--from', from, '--today', '2026-11-20', '--out', out);
  let first: Awaited<ReturnType<typeof qbr>>;
  let second: Awaited<ReturnType<typeof qbr>>;
  let editedPlan: Buffer;

  beforeAll(async () => {
    cpSync(join(EXAMPLES, 'tracker.xlsx'), tracker);
    writeFileSync(from, JSON.stringify(RECORD));
    expect((await qbr('generate', '--tracker', tracker, '--account', 'ACC-004', '--qbr-date', '2026-11-18', '--today', '2026-11-10', '--out', out)).code).toBe(0);
    // The CSM reworded the action plan before the meeting.
    const zip = await JSZip.loadAsync(readFileSync(join(folder, 'action-plan.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('Open actions', 'Our open actions'));
    editedPlan = await zip.generateAsync({ type: 'nodebuffer' });
    writeFileSync(join(folder, 'action-plan.docx'), editedPlan);
    first = await record();
    second = await record();
  }, 60_000);

  it('appends each commitment to Actions once, linked to the QBR date, however often it is recorded', async () => {
    expect(first).toMatchObject({ code: 0 });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('already there, not added again: commitment "Run EMEA enablement" is already in Actions');
    const actions = texts(await sheet(tracker, 'Actions'));
    expect(actions.filter((r) => r[1] === 'ACC-004' && r[7] === '2026-11-18')).toEqual([
      ['ACC-004-QBR20261118-1', 'ACC-004', 'Run EMEA enablement', 'Jordan Reyes', 'Vendor', '2026-11-25', 'Open', '2026-11-18'],
      ['ACC-004-QBR20261118-2', 'ACC-004', '+Name an EMEA champion', 'Kevin Walsh', 'Customer', '2026-12-01', 'Open', '2026-11-18'],
      ['ACC-004-QBR20261118-3', 'ACC-004', 'Share usage export', '', 'Vendor', '', 'Open', '2026-11-18'],
    ]);
    // The workbook is otherwise as it was: 22 actions before, 3 added.
    expect(actions).toHaveLength(1 + 22 + 3);
    const opportunities = texts(await sheet(tracker, 'Opportunities'));
    expect(opportunities[0]).toEqual(['Account ID', 'Opportunity', 'Type', 'Potential ARR', 'Probability', 'Timeline', 'Sponsor', 'Next Step', 'Linked To']);
    expect(opportunities.filter((r) => r[0] === 'ACC-004')).toEqual([['ACC-004', 'Quality analytics pilot', '', '30000', '', '', 'Sandra Liu', 'Scope in January', '2026-11-18']]);
  });

  it('writes the QBR Log row with the indicators, every text as a string cell, never a formula', async () => {
    const log = await sheet(tracker, 'QBR Log');
    const rows = texts(log);
    const header = rows[0]!;
    // The example's QBR Log has only the package's columns: the record's are added at the end of its header row.
    expect(header.slice(-6)).toEqual(['Held', 'Attendees', 'Executive Attendance', 'Customer Preparation', 'Engagement', 'Takeaways']);
    const mine = rows.filter((r) => r[0] === 'ACC-004');
    expect(mine).toHaveLength(1);
    const at = (h: string) => mine[0]![header.indexOf(h)];
    expect([at('QBR Date'), at('Held'), at('Attendees'), at('Executive Attendance'), at('Customer Preparation'), at('Engagement'), at('Takeaways')])
      .toEqual(['2026-11-18', '2026-11-19', 'Kevin Walsh; Jordan Reyes', 'Yellow', 'Green', 'Red', 'Adoption stalled in EMEA\nFY27 budget freeze announced: Sandra to confirm\n=SUM(A1) stays text']);
    const takeaway = log.getRow(rows.indexOf(mine[0]!) + 1).getCell(header.indexOf('Takeaways') + 1);
    expect(takeaway.type).toBe(ExcelJS.ValueType.String);
    expect(takeaway.formula).toBeUndefined();
    const plus = (await sheet(tracker, 'Actions')).getCell('C25');
    expect([plus.value, plus.type]).toEqual(['+Name an EMEA champion', ExcelJS.ValueType.String]);
    // And in the file itself: no formula element anywhere in the sheets written.
    const zip = await JSZip.loadAsync(readFileSync(tracker));
    const sheets = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    expect(sheets.filter((x) => /<f[ >]/.test(x))).toEqual([]);
  });

  it('rewrites summary.eml with exactly the recorded commitments, per side, and the next QBR from the held date', async () => {
    expect((await summaryCommitments(join(folder, 'summary.eml'))).sort()).toEqual(EXPECTED.sort());
    const mail = await simpleParser(readFileSync(join(folder, 'summary.eml')));
    expect(mail.text).toContain('Atlas Manufacturing:');
    expect(mail.text).not.toContain('Map ERP fields');
    expect(mail.text).toContain('=SUM(A1) stays text');
    expect(mail.text).toContain('Next review due: Feb 19, 2027');
    // The deck generate left in the folder and this run's action plan travel with the draft.
    expect(mail.attachments.map((a) => a.filename).sort()).toEqual(['action-plan.docx', 'deck.pptx']);
  });

  it('lists on the T+7 hold the commitments due by then (Thanksgiving moves it to Fri Nov 27)', () => {
    const checkIn = holds(join(folder, 'prep-holds.ics')).find((e) => e.summary === 'QBR Atlas Manufacturing: Action check-in')!;
    expect(checkIn.startDate.toString()).toBe('2026-11-27T09:30:00');
    expect(checkIn.description.split('\n').slice(-6)).toEqual([
      'Commitments from the QBR due by Nov 27, 2026:',
      '- Run EMEA enablement (Vendor: Jordan Reyes), due Nov 25, 2026',
      'Next due: +Name an EMEA champion (Customer: Kevin Walsh), Dec 1, 2026.',
      'Still without a due date:',
      '- Share usage export (Vendor: no owner yet: name one)',
      'Deck: deck.pptx',
    ]);
  });

  it('keeps the internal risk a takeaway quoted out of the customer files, tells the CSM, and leaks nothing else', async () => {
    expect(first.stderr).toContain('note: takeaway "FY27 budget freeze announced: Sandra to confirm" is kept out of the customer\'s files (internal risk');
    const review = analyzeWorkbook(await readXlsx(tracker), { today: '2026-11-20', accountIds: ['ACC-004'] }).accounts[0]!;
    const terms = forbiddenTerms(review);
    expect(terms.some((t) => t.what === 'internal risk "FY27 budget freeze announced"')).toBe(true);
    const summary = await emlText(readFileSync(join(folder, 'summary.eml')));
    const plan = await docxText(readFileSync(join(folder, 'action-plan (2026-11-20).docx')));
    expect([...leaks(summary, terms), ...leaks(plan, terms)]).toEqual([]);
    expect(summary).toContain('Adoption stalled in EMEA');
  });

  it('keeps the edited action plan and writes the rebuilt one beside it', async () => {
    expect(readFileSync(join(folder, 'action-plan.docx')).equals(editedPlan)).toBe(true);
    expect(first.stderr).toContain('kept action-plan.docx: you changed it since it was written; the new version is action-plan (2026-11-20).docx');
    const plan = await docxText(readFileSync(join(folder, 'action-plan (2026-11-20).docx')));
    expect(plan).toContain('Agreed in the review');
    expect(plan).not.toContain('ACC-004-QBR20261118-1');
    expect(plan).toMatch(/Run EMEA enablement\s*Jordan Reyes\s*Vendor\s*Nov 25, 2026\s*Open/);
    expect(plan).toContain('Carried over from earlier reviews');
    // The second run replaced its own version beside the edited file rather than adding a third.
    expect(existsSync(join(folder, 'action-plan (2026-11-20) (2).docx'))).toBe(false);
  });
});

describe('qbr record on a folder of .csv', () => {
  it('takes the CSV form, appends quoted rows, adds the missing headers, and appends nothing the second time', async () => {
    const dir = tmp.path();
    const tracker = join(dir, 'tracker');
    cpSync(join(EXAMPLES, 'tracker-csv'), tracker, { recursive: true });
    const from = join(dir, 'record.csv');
    writeFileSync(from, [
      'Kind,Text,Owner,Side,Due,Sponsor,Next Step,Potential ARR',
      'held,2026-11-19', 'attendee,Kevin Walsh', 'executive attendance,Green', 'engagement,yellow',
      'takeaway,"-5 % churn, stays text"', 'takeaway,@channel too',
      'commitment,"Map ERP fields, plant 2",Kevin Walsh,Customer,2026-12-01',
      'commitment,"Say ""thanks""",Jordan Reyes,Vendor,2026-11-24',
      'expansion,Quality analytics pilot,,,,Sandra Liu,Scope in January,"$30,000"',
    ].join('\n'));
    const run = () => qbr('record', '--tracker', tracker, '--account', 'ACC-004', '--qbr-date', '2026-11-18', '--from', from, '--today', '2026-11-20', '--out', join(dir, 'out'));
    expect(await run()).toMatchObject({ code: 0 });
    const read = (tab: string) => parse(readFileSync(join(tracker, `${tab}.csv`)), { bom: true, relax_column_count: true }) as string[][];
    const mine = (tab: string) => read(tab).filter((r) => r[1] === 'ACC-004' || r[0] === 'ACC-004').filter((r) => r.includes('2026-11-18'));
    expect(mine('Actions')).toEqual([
      ['ACC-004-QBR20261118-1', 'ACC-004', 'Map ERP fields, plant 2', 'Kevin Walsh', 'Customer', '2026-12-01', 'Open', '2026-11-18'],
      ['ACC-004-QBR20261118-2', 'ACC-004', 'Say "thanks"', 'Jordan Reyes', 'Vendor', '2026-11-24', 'Open', '2026-11-18'],
    ]);
    expect(read('Opportunities')[0]!.at(-1)).toBe('Linked To');
    expect(mine('Opportunities')).toEqual([['ACC-004', 'Quality analytics pilot', '', '30000', '', '', 'Sandra Liu', 'Scope in January', '2026-11-18']]);
    const log = read('QBR Log');
    expect(log[0]).toEqual(['Account ID', 'QBR Date', 'Deck URL', 'Doc URL', 'Draft ID', 'Event IDs', 'Generated At', 'Warnings', 'Held', 'Attendees', 'Executive Attendance', 'Customer Preparation', 'Engagement', 'Takeaways']);
    expect(log.slice(1)).toEqual([['ACC-004', '2026-11-18', '', '', '', '', '', '', '2026-11-19', 'Kevin Walsh', 'Green', '', 'Yellow', '-5 % churn, stays text\n@channel too']]);
    // Rows of other accounts are as they were.
    expect(read('Actions').slice(0, 23)).toEqual(parse(readFileSync(join(EXAMPLES, 'tracker-csv', 'Actions.csv')), { bom: true, relax_column_count: true }));

    const again = await run();
    expect(again.code).toBe(0);
    expect(mine('Actions')).toHaveLength(2);
    expect(read('QBR Log')).toHaveLength(2);
    expect(await summaryCommitments(join(dir, 'out', 'ACC-004', 'summary.eml'))).toEqual([
      ['Map ERP fields, plant 2', 'Kevin Walsh', 'Dec 1, 2026'],
      ['Say "thanks"', 'Jordan Reyes', 'Nov 24, 2026'],
    ]);
  }, 30_000);

  it('without --from, follows up on the actions already typed with Linked To = the QBR date', async () => {
    const dir = tmp.path();
    const tracker = join(dir, 'tracker');
    cpSync(join(EXAMPLES, 'tracker-csv'), tracker, { recursive: true });
    const actions = join(tracker, 'Actions.csv');
    // The export's own line endings (CRLF), as a spreadsheet saves them.
    writeFileSync(actions, `${readFileSync(actions, 'utf8')}A-410,ACC-004,Share the adoption dashboard,Jordan Reyes,Vendor,2026-11-30,Open,11/18/2026,\r\n`);
    const r = await qbr('record', '--tracker', tracker, '--account', 'ACC-004', '--qbr-date', '2026-11-18', '--today', '2026-11-20', '--out', join(dir, 'out'));
    expect(r).toMatchObject({ code: 0 });
    expect(r.stderr).toContain('already there, not added again: commitment "Share the adoption dashboard" is already in Actions');
    expect(await summaryCommitments(join(dir, 'out', 'ACC-004', 'summary.eml'))).toEqual([['Share the adoption dashboard', 'Jordan Reyes', 'Nov 30, 2026']]);
    // Held defaults to the QBR date; the QBR Log row is added with it.
    expect(readFileSync(join(tracker, 'QBR Log.csv'), 'utf8')).toContain('ACC-004,2026-11-18,,,,,,,2026-11-18');
  }, 30_000);
});

describe('qbr record refuses bad input by name, and changes nothing', () => {
  const dir = tmp.path();
  const tracker = join(dir, 'tracker.xlsx');
  beforeAll(() => cpSync(join(EXAMPLES, 'tracker.xlsx'), tracker));
  const record = (...extra: string[]) => qbr('record', '--tracker', tracker, '--account', 'ACC-004', '--qbr-date', '2026-11-18', '--today', '2026-11-20', '--out', join(dir, 'out'), ...extra);

  it('names each problem of a JSON or CSV record with its place in the file (exit 2)', async () => {
    const before = sha(tracker);
    const json = join(dir, 'bad.json');
    writeFileSync(json, JSON.stringify({ held: '19/11/2026', indicators: { engagement: 'Purple' }, commitments: [{ owner: 'Sam' }, { action: 'X', due: 'soon' }] }));
    const r = await record('--from', json);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('  '))).toEqual([
      `  ${json}: held must be a date as YYYY-MM-DD (got "19/11/2026")`,
      `  ${json}: indicators.engagement must be Green, Yellow or Red`,
      `  ${json}: commitments[1] has no action`,
      `  ${json}: commitments[2].due must be a date as YYYY-MM-DD (got "soon")`,
    ]);
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'Kind,Text,Owner,Side,Due\nheld,2026-11-19\ncommitment,Run it,Sam,Vendor,next week\nexpanison,Typo\n');
    const c = await record('--from', csv);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain(`${csv}: row 4, Kind: "expanison" is not one of held, attendee`);
    expect(c.stderr).toContain(`${csv}: row 3, Due: must be a date as YYYY-MM-DD (got "next week")`);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "held": ');
    expect((await record('--from', broken)).stderr).toContain(`${broken}: is not valid JSON`);
    expect(sha(tracker)).toBe(before);
    for (const x of [r, c]) expect(x.stderr).not.toMatch(/\n\s+at /);
  });

  it('answers a wrong command with exit 2 and an account the tracker does not have, or a QBR held after today, with exit 1', async () => {
    expect((await qbr('record', '--tracker', tracker, '--account', 'ACC-004', '--out', join(dir, 'out'))).code).toBe(2);
    expect((await record('--qbr-date', '18 Nov')).code).toBe(2);
    const macro = await qbr('record', '--tracker', join(dir, 'tracker.xlsm'), '--account', 'ACC-004', '--qbr-date', '2026-11-18', '--out', join(dir, 'out'));
    expect(macro).toMatchObject({ code: 2, stderr: expect.stringContaining('an .xlsm workbook would lose its macros') });
    const json = join(dir, 'ok.json');
    writeFileSync(json, JSON.stringify({ ...RECORD, held: '2026-11-21' }));
    const later = await record('--from', json);
    expect(later).toMatchObject({ code: 1, stderr: 'qbr record: ACC-004: the QBR cannot be recorded as held on 2026-11-21, after today (2026-11-20)\n' });
    const unknown = await qbr('record', '--tracker', tracker, '--account', 'ACC-404', '--qbr-date', '2026-11-18', '--today', '2026-11-20', '--out', join(dir, 'out'));
    expect(unknown).toMatchObject({ code: 1, stderr: 'qbr record: ACC-404: Account ID "ACC-404" is not in the Accounts tab\n' });
  });
});
