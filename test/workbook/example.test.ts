/** The example tracker: the .xlsx and the CSV folder read back to the same values, and to the same analysis, with only the deliberate warnings. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeWorkbook, bookJson } from '../../src/core';
import { fromUtc } from '../../src/core/dates';
import { parseDate, parseMoney, parseNumber, parsePercent, parseQuarter } from '../../src/core/tracker/cells';
import type { Cell, Workbook } from '../../src/core/tracker/workbook';
import { openTracker } from '../../src/workbook/open';
import { canonical, EXAMPLE_TODAY, exampleTabs, type ExampleCell, type ExampleTab } from '../../scripts/example-data';
import { writeExampleCsv, writeExampleXlsx } from '../../scripts/make-example';
import { tempDir } from './helpers';

const dir = tempDir('example');
afterAll(dir.cleanup);

const tabs = exampleTabs();
let xlsx: Workbook;
let csv: Workbook;

beforeAll(async () => {
  await writeExampleXlsx(join(dir.path, 'tracker.xlsx'), tabs);
  writeExampleCsv(join(dir.path, 'tracker-csv'), tabs);
  xlsx = await openTracker(join(dir.path, 'tracker.xlsx'));
  csv = await openTracker(join(dir.path, 'tracker-csv'));
});

function tab(name: string): ExampleTab {
  return tabs.find((t) => t.name === name)!;
}

/** Rows of a tab as header → cell objects, for readable assertions about the data. */
function records(name: string): Record<string, ExampleCell>[] {
  const [header = [], ...rows] = tab(name).rows;
  return rows.filter((r) => r.length > 0).map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i] ?? null])));
}

/** What the core reads from an .xlsx cell, in the terms of canonical(). */
function fromXlsx(cell: Cell): string | number | null {
  if (cell instanceof Date) return fromUtc(cell);
  if (cell === undefined || cell === null) return null;
  return cell as string | number;
}

/** What the core reads from a CSV text, parsed as the kind the example cell has. */
function fromCsv(text: string, kind: ExampleCell): string | number | null {
  const value = (p: { ok: boolean; value?: unknown }) => (p.ok ? (p.value as string | number | null) : `unparsable: ${text}`);
  if (kind === null) return text === '' ? null : text;
  if (typeof kind === 'string') return text;
  if (typeof kind === 'number') return value(parseNumber(text));
  if ('date' in kind) return value(parseDate(text));
  if ('money' in kind) return value(parseMoney(text));
  if ('pct' in kind) return value(parsePercent(text));
  if ('count' in kind) return value(parseNumber(text));
  if ('quarter' in kind) {
    const p = parseQuarter(text);
    return p.ok && p.value ? `${p.value.year}-Q${p.value.q}` : `unparsable: ${text}`;
  }
  return text;
}

describe('the example tracker data', () => {
  it('has every tab of SPEC §2, the QBR Log with headers only', () => {
    expect(tabs.map((t) => t.name)).toEqual(['Accounts', 'Metrics', 'Outcomes', 'Value', 'Stakeholders', 'Risks',
      'Opportunities', 'Roadmap', 'Goals', 'Actions', 'Settings', 'QBR Log']);
    expect(tab('QBR Log').rows).toHaveLength(1);
    expect(records('Settings').map((r) => [r.Key, r.Value])).toEqual([['Hourly Rate', 75], ['Timezone', 'America/New_York'], ['Currency', 'USD'], ['First Response SLA (h)', 4], ['Resolution SLA (h)', 24]]);
  });

  it('covers every segment by ARR, with four quarters of Metrics per account', () => {
    const segmentOf = (arr: number) =>
      arr >= 500_000 ? 'Strategic' : arr >= 100_000 ? 'Enterprise' : arr >= 25_000 ? 'Mid-Market' : arr >= 5_000 ? 'SMB' : 'Tech-Touch';
    const accounts = records('Accounts');
    expect(accounts.length).toBeGreaterThanOrEqual(7);
    const segments = accounts.map((a) => segmentOf(canonical(a.ARR!) as number));
    expect(new Set(segments)).toEqual(new Set(['Strategic', 'Enterprise', 'Mid-Market', 'SMB', 'Tech-Touch']));
    for (const a of accounts) {
      const quarters = records('Metrics').filter((m) => m['Account ID'] === a['Account ID']).map((m) => canonical(m.Quarter!));
      expect(quarters).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    }
  });

  it('holds the GlobalTech seed account exactly', () => {
    const acc = records('Accounts').find((a) => a['Account ID'] === 'ACC-001')!;
    expect([acc.Account, canonical(acc.ARR!), canonical(acc['Renewal Date']!)]).toEqual(['GlobalTech', 220_000, '2027-05-22']);
    const [q3, q4] = records('Metrics').filter((m) => m['Account ID'] === 'ACC-001').slice(2).map((m) =>
      Object.fromEntries(Object.entries(m).map(([k, v]) => [k, canonical(v)])));
    expect([q3!['Active Users'], q4!['Active Users'], q4!['Licensed Seats'], q4!['API Calls/Day'], q4!['Uptime %']]).toEqual([266, 340, 400, 12_000, 0.997]);
    const people = records('Stakeholders').filter((s) => s['Account ID'] === 'ACC-001').map((s) => `${s.Title}/${s.Role}`);
    expect(people).toEqual(expect.arrayContaining(['CTO/Executive Sponsor', 'VP Engineering/Champion', 'Director of Data/Decision Maker']));
    expect(acc['Executive Sponsor']).toBe('Daniel Okafor');
    expect(records('Roadmap')).toContainEqual(expect.objectContaining({ Item: 'SSO federation', 'Account ID': 'ACC-001', Type: 'Request' }));
    expect(records('Outcomes')).toContainEqual(expect.objectContaining({ Objective: 'Cut the monthly reporting cycle', Metric: 'Reporting cycle (hours)', Baseline: 120, Target: 8, Current: 4, Direction: 'lower' }));
  });
});

describe('the example tracker files', () => {
  it('read back from the .xlsx and from the CSV to the same value in every cell', () => {
    for (const t of tabs) {
      const fromBook = xlsx.tabs.find((x) => x.name === t.name)!.rows;
      const fromText = csv.tabs.find((x) => x.name === t.name)!.rows;
      expect(fromBook).toHaveLength(t.rows.length);
      expect(fromText).toHaveLength(t.rows.length);
      t.rows.forEach((row, r) => {
        row.forEach((cell, c) => {
          const where = `${t.name}!R${r + 1}C${c + 1}`;
          expect([where, fromXlsx(fromBook[r]![c])]).toEqual([where, canonical(cell)]);
          expect([where, fromCsv(String(fromText[r]![c] ?? ''), cell)]).toEqual([where, canonical(cell)]);
        });
      });
    }
  });

  it('mixes the spellings people type in the CSV', () => {
    const text = (name: string) => readFileSync(join(dir.path, 'tracker-csv', `${name}.csv`), 'utf8');
    expect(text('Accounts')).toMatch(/\$220K/);
    expect(text('Accounts')).toMatch(/,2025-05-22,/);
    expect(text('Accounts')).toMatch(/,\d{1,2}\/\d{1,2}\/\d{4},/);
    expect(text('Accounts')).toMatch(/,\d{1,2} [A-Z][a-z]{2} \d{4},/);
    expect(text('Metrics')).toMatch(/^ACC-001,Q4 2026,340,400,.*,12K,99\.7%,/m);
    for (const spelling of [/,2026-Q\d,/, /,Q\d 2026,/, /,FY26 Q\d,/]) expect(text('Metrics')).toMatch(spelling);
  });

  it('analyse identically, skip no account, and raise only the deliberate warnings', () => {
    const fromBook = bookJson(analyzeWorkbook(xlsx, { today: EXAMPLE_TODAY }));
    const fromText = bookJson(analyzeWorkbook(csv, { today: EXAMPLE_TODAY }));
    expect(fromText).toEqual(fromBook);
    expect(fromBook.skipped).toEqual([]);

    const findings = [...fromBook.findings, ...fromBook.accounts.flatMap((a) => a.findings)];
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ tab: 'Actions', row: 23, column: 'Account ID', value: 'ACC-999' }),
      expect.objectContaining({ tab: 'Value', row: 13, column: 'Source' }),
      expect.objectContaining({ tab: 'Risks', row: 9, column: 'ARR at Risk' }),
    ]));

    const globalTech = fromBook.accounts.find((a) => a.id === 'ACC-001')!;
    expect(globalTech).toMatchObject({ segment: 'Enterprise', quarter: '2026-Q4', health: { band: 'Green' }, renewal: { date: '2027-05-22' } });
    expect(globalTech.health.score).toBeGreaterThanOrEqual(75);
    // 1,800 h × $75 = 135,000 + 21,250 (retired tools) + 3 × $4,750 = 14,250 → 170,500 against 220,000 / 4 = 55,000: 3.1x.
    expect(globalTech.value.quarterTotal).toBe(170_500);
    expect(globalTech.value.roi).toBeCloseTo(3.1, 10);
  });
});
