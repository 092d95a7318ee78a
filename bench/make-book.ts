/** Writes a large, deterministic tracker .xlsx for benchmarks (`tsx bench/make-book.ts out.xlsx 10000`), streamed so memory stays flat. */
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

type Value = string | number | Date | null;

interface SheetSpec {
  name: string;
  columns: { header: string; width?: number; numFmt?: string }[];
  /** The rows one account contributes to this sheet. */
  rows: (account: number, rng: Rng) => Value[][];
}

type Rng = () => number;

/**
 * mulberry32: tiny, fast and good enough for fake data. Seeded per account and sheet, so each sheet
 * can be streamed on its own and any account's rows are the same whatever the book size.
 */
function rngFor(account: number, sheet: number): Rng {
  let a = (Math.imul(account + 1, 0x9e3779b1) ^ Math.imul(sheet + 1, 0x85ebca6b)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const day = (iso: string, plusDays = 0) => new Date(Date.parse(`${iso}T00:00:00Z`) + plusDays * 86_400_000);

const DATE = 'yyyy-mm-dd';
const MONEY = '$#,##0';
const PERCENT = '0.0%';
const QUARTERS = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
const FIRST = ['Alex', 'Blair', 'Casey', 'Dana', 'Eli', 'Frances', 'Gabe', 'Harper', 'Imani', 'Jon', 'Kai', 'Lena', 'Mo', 'Nia', 'Omar', 'Pia'];
const LAST = ['Adams', 'Brooks', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Johnson', 'Khan', 'Lopez', 'Meyer', 'Novak'];
const WORDS = ['Acme', 'Blue', 'Cedar', 'Delta', 'Ember', 'Fjord', 'Granite', 'Harbor', 'Iris', 'Juniper', 'Keystone', 'Lumen', 'Maple', 'North'];
const KINDS = ['Logistics', 'Health', 'Retail', 'Bank', 'Labs', 'Foods', 'Energy', 'Media', 'Systems', 'Partners'];
const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'Europe/London', null];
const LEVELS = ['H', 'M', 'L'] as const;
const STATUSES = ['Complete', 'Complete', 'In Progress', 'Open', 'Cancelled'];

const id = (account: number) => `ACC-${String(account + 1).padStart(5, '0')}`;
const person = (rng: Rng) => `${pick(rng, FIRST)} ${pick(rng, LAST)}`;
const email = (name: string, domain: string) => `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${domain}`;
const domain = (account: number) => `customer${account + 1}.example`;

/** Facts shared by several sheets, derived from the Accounts sheet's own seed so they agree. */
function account(n: number) {
  const rng = rngFor(n, 0);
  const arr = Math.round(Math.exp(Math.log(2_000) + rng() * Math.log(1_000)) / 500) * 500; // $2K–$2M, log-uniform
  const seats = Math.max(3, Math.round(arr / 900));
  const lastQbr = day('2026-11-22', -int(rng, 10, 200));
  return { rng, arr, seats, lastQbr };
}

const SHEETS: SheetSpec[] = [
  {
    name: 'Accounts',
    columns: [
      { header: 'Account ID', width: 12 }, { header: 'Account', width: 24 }, { header: 'ARR', width: 12, numFmt: MONEY },
      { header: 'Licensed Seats' }, { header: 'Contract Start', width: 12, numFmt: DATE }, { header: 'Renewal Date', width: 12, numFmt: DATE },
      { header: 'Last QBR Date', width: 12, numFmt: DATE }, { header: 'CSM', width: 18 }, { header: 'CSM Email', width: 30 },
      { header: 'Champion', width: 18 }, { header: 'Champion Email', width: 30 }, { header: 'Executive Sponsor', width: 18 }, { header: 'Timezone', width: 20 },
    ],
    rows: (n) => {
      const { rng, arr, seats, lastQbr } = account(n);
      const csm = `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]}`;
      const champion = person(rng);
      return [[id(n), `${pick(rng, WORDS)} ${pick(rng, KINDS)} ${n + 1}`, arr, seats, day('2024-01-01', int(rng, 0, 600)),
        day('2026-11-22', int(rng, 20, 540)), lastQbr, csm, email(csm, 'vendor.example'), champion, email(champion, domain(n)),
        person(rng), pick(rng, ZONES)]];
    },
  },
  {
    name: 'Metrics',
    columns: ['Account ID', 'Quarter', 'Active Users', 'Licensed Seats', 'Features Used', 'Features Available', 'API Calls/Day',
      'Uptime %', 'Tickets', 'Escalations', 'CSAT', 'NPS', 'Engagement Score', 'Relationship Score']
      .map((header) => ({ header, numFmt: header === 'Uptime %' ? PERCENT : undefined })),
    rows: (n, rng) => {
      const { seats } = account(n);
      let adoption = 0.4 + rng() * 0.5;
      return QUARTERS.map((quarter) => {
        adoption = Math.min(1.05, Math.max(0.1, adoption + (rng() - 0.45) * 0.15));
        return [id(n), quarter, Math.round(seats * adoption), seats, int(rng, 5, 24), 24, int(rng, 0, 50) * 1000,
          [0.995, 0.997, 0.998, 0.999][int(rng, 0, 3)]!, int(rng, 0, 40), int(rng, 0, 4), int(rng, 30, 50) / 10,
          int(rng, -20, 70), int(rng, 35, 95), int(rng, 35, 95)];
      });
    },
  },
  {
    name: 'Value',
    columns: [{ header: 'Account ID' }, { header: 'Quarter' }, { header: 'Category', width: 18 }, { header: 'Description', width: 30 },
      { header: 'Quantity' }, { header: 'Rate' }, { header: 'Baseline', numFmt: MONEY }, { header: 'Current', numFmt: MONEY }, { header: 'Source', width: 24 }],
    rows: (n, rng) => {
      const { arr } = account(n);
      const baseline = Math.round((arr * (0.05 + rng() * 0.1)) / 100) * 100;
      return [
        [id(n), '2026-Q4', 'Time Savings', 'Automated reporting', int(rng, 20, 2000), 75, null, null, 'Usage logs'],
        [id(n), '2026-Q4', 'Cost Reduction', 'Retired legacy tools', null, null, baseline, Math.round(baseline * rng() * 0.5), 'Procurement'],
        [id(n), '2026-Q4', 'Revenue Impact', 'Faster pipeline reviews', Math.round(arr * (0.5 + rng())), int(rng, 5, 30) / 100, null, null, 'Sales ops'],
      ];
    },
  },
  {
    name: 'Risks',
    columns: [{ header: 'Account ID' }, { header: 'Risk', width: 30 }, { header: 'Likelihood' }, { header: 'Impact' },
      { header: 'ARR at Risk', numFmt: MONEY }, { header: 'Owner', width: 18 }, { header: 'Status' }],
    rows: (n, rng) => {
      const { arr } = account(n);
      return ['Champion may leave', 'Budget review next year'].map((risk) =>
        [id(n), risk, pick(rng, LEVELS), pick(rng, LEVELS), Math.round((arr * rng()) / 500) * 500, person(rng), 'Open']);
    },
  },
  {
    name: 'Actions',
    columns: [{ header: 'Action ID' }, { header: 'Account ID' }, { header: 'Action', width: 30 }, { header: 'Owner', width: 18 },
      { header: 'Side' }, { header: 'Due Date', numFmt: DATE }, { header: 'Status' }, { header: 'Linked To', numFmt: DATE }],
    rows: (n, rng) => {
      const { lastQbr } = account(n);
      return ['Share usage report', 'Confirm success criteria', 'Schedule admin training'].map((action, k) =>
        [`A-${n + 1}-${k + 1}`, id(n), action, person(rng), k === 1 ? 'Customer' : 'Vendor',
          new Date(lastQbr.getTime() + int(rng, 14, 120) * 86_400_000), pick(rng, STATUSES), lastQbr]);
    },
  },
  {
    name: 'Stakeholders',
    columns: [{ header: 'Account ID' }, { header: 'Name', width: 18 }, { header: 'Title', width: 18 }, { header: 'Side' },
      { header: 'Role', width: 18 }, { header: 'Email', width: 30 }],
    rows: (n, rng) => [['CTO', 'Executive Sponsor'], ['Director of Operations', 'Champion']].map(([title, role]) => {
      const name = person(rng);
      return [id(n), name, title!, 'Customer', role!, email(name, domain(n))];
    }),
  },
];

/**
 * Writes `accounts` accounts with 4 quarters of Metrics, 3 Value lines, 2 Risks, 3 Actions and 2
 * Stakeholders each, plus Settings. Deterministic: the same arguments give the same cells.
 */
export async function makeBenchBook(path: string, accounts: number, only?: string[]): Promise<void> {
  // Shared strings would keep every distinct string in memory until the end; inline strings stream.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  for (const [s, spec] of SHEETS.entries()) {
    if (only && !only.includes(spec.name)) continue;
    const sheet = book.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    // Column styles are inherited by every new cell, so dates and money get their format without per-cell work.
    sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width ?? 14, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for (let n = 0; n < accounts; n++) {
      for (const row of spec.rows(n, rngFor(n, s + 1))) sheet.addRow(row).commit();
    }
    // Committing each sheet before starting the next lets its rows leave memory.
    sheet.commit();
  }
  const settings = book.addWorksheet('Settings');
  for (const row of [['Key', 'Value'], ['Hourly Rate', 75], ['Timezone', 'America/New_York'], ['Currency', 'USD']]) settings.addRow(row).commit();
  settings.commit();
  await book.commit();
}

/**
 * A copy of `source` with one formatted, empty cell on the last row a sheet can have (1,048,576) in each
 * tab: the file stays small but declares a million rows per tab (issue 9's "bounded reading" case).
 */
export async function makeFarCellBook(source: string, path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(source);
  for (const sheet of book.worksheets) {
    const far = sheet.getCell(1_048_576, 1);
    far.numFmt = '0.00';
    far.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  }
  await book.xlsx.writeFile(path);
}

/**
 * A copy of `source` whose first tab has a formatted, valueless `<row>` element on every row after its data down
 * to 1,048,576, as a whole-sheet fill saved by some editors writes it (a 2.5 MB file).
 */
export async function makeFormattedRowsBook(source: string, path: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(source));
  const name = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(name)!.async('string');
  const last = Math.max(...[...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
  const rows: string[] = [];
  for (let r = last + 1; r <= 1_048_576; r++) rows.push(`<row r="${r}" s="1" customFormat="1"/>`);
  zip.file(name, xml.replace('</sheetData>', `${rows.join('')}</sheetData>`));
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

if (require.main === module) {
  const [path = 'bench-tracker.xlsx', count = '10000'] = process.argv.slice(2);
  const started = process.hrtime.bigint();
  makeBenchBook(path, Number(count)).then(
    () => process.stdout.write(`Wrote ${path} (${count} accounts) in ${Number(process.hrtime.bigint() - started) / 1e9}s\n`),
    (error: unknown) => {
      process.stderr.write(`make-book: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
