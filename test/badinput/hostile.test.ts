/**
 * Hostile and messy-real-world trackers (issue 9), run through `qbr analyze` / `qbr generate` in-process:
 * time-zone cells, control characters, numbers and dates that must be findings, account ids as folder names.
 * Each case states what the tracker holds and what must come out; the good control GOOD-1 still gets its package.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import JSZip from 'jszip';
import { xmlParts } from '../helpers/ooxml';
import { analyze, runCli, scratch, writeCsvTracker, writeXlsxTracker, TODAY, type JsonFinding, type TestCell, type TestTabs } from '../helpers/trackers';

const tmp = scratch('hostile');
afterAll(tmp.cleanup);

const write = (format: 'csv' | 'xlsx', tabs: TestTabs): Promise<string> =>
  format === 'csv' ? Promise.resolve(writeCsvTracker(tmp.path('tracker'), tabs)) : writeXlsxTracker(tmp.path('tracker.xlsx'), tabs);

// GOOD-1 as in corpus.test.ts: $120,000 → Enterprise; Metrics 2026-Q4 give health 72.
const HEADER = ['Account ID', 'Account', 'ARR', 'Licensed Seats', 'Contract Start', 'Renewal Date', 'Last QBR Date', 'Timezone', 'CSM', 'CSM Email', 'Champion', 'Champion Email'];
const GOOD: TestCell[] = ['GOOD-1', 'Good Co', '$120,000', 200, '2025-01-15', '2027-03-31', '2026-09-15', 'America/New_York', 'Maya Patel', 'maya@vendor.example', 'Dana Cole', 'dana@good.example'];
const METRICS_HEADER = ['Account ID', 'Quarter', 'Active Users', 'Licensed Seats', 'Features Used', 'Features Available', 'Escalations', 'CSAT', 'Engagement Score', 'Relationship Score'];
const GOOD_METRICS: TestCell[] = ['GOOD-1', '2026-Q4', 150, 200, 12, 20, 2, 4.5, 78, 70];

/** An Accounts row like GOOD's with these columns replaced. */
const account = (over: Record<string, TestCell>): TestCell[] => HEADER.map((h, i) => (h in over ? over[h] : GOOD[i]));
const tabs = (rows: TestCell[][], extra: TestTabs = {}): TestTabs => ({
  Accounts: [HEADER, GOOD, ...rows],
  Metrics: [METRICS_HEADER, GOOD_METRICS, ...rows.map((r) => [r[0], ...GOOD_METRICS.slice(1)])],
  ...extra,
});

function findingAt(list: JsonFinding[], tab: string, row: number | null, column: string | null, message?: RegExp): JsonFinding {
  const hits = list.filter((f) => f.tab === tab && f.row === row && f.column === column && (!message || message.test(f.message)));
  if (hits.length !== 1) throw new Error(`expected one finding at ${tab} row ${row} ${column} ${message ?? ''}, got ${hits.length}:\n${JSON.stringify(list, null, 1)}`);
  return hits[0]!;
}

async function generate(path: string, extra: string[] = []) {
  const out = tmp.path('out');
  const r = await runCli(['generate', '--tracker', path, '--all', '--today', TODAY, '--out', out, ...extra]);
  return { ...r, out };
}

const icsEvents = (file: string) => new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

// =========================================================================================================
describe('time-zone cells', () => {
  it.each(['csv', 'xlsx'] as const)('unknown, offset and broken zones are findings on their cell; every account still gets its package (%s)', async (format) => {
    const path = await write(format, tabs([
      account({ 'Account ID': 'TZ-MARS', Account: 'Mars Co', Timezone: 'Mars/Olympus' }),
      account({ 'Account ID': 'TZ-OFFSET', Account: 'Offset Co', Timezone: 'GMT+1' }),
      account({ 'Account ID': 'TZ-BREAK', Account: 'Break Co', Timezone: 'Europe/Paris\nX-INJECT:1' }),
      account({ 'Account ID': 'TZ-WIN', Account: 'Windows Co', Timezone: 'Eastern Time (US & Canada)' }),
      account({ 'Account ID': 'TZ-GMT', Account: 'London Co', Timezone: 'GMT Standard Time' }),
    ], { Settings: [['Key', 'Value'], ['Timezone', 'Europe/Berlin']] }));

    const res = await analyze(path);
    expect(res.code).toBe(0);
    const mars = findingAt(res.account('TZ-MARS').findings, 'Accounts', 3, 'Timezone', /not a time zone/);
    expect(mars).toMatchObject({ value: 'Mars/Olympus', severity: 'warning' });
    expect(findingAt(res.account('TZ-OFFSET').findings, 'Accounts', 4, 'Timezone', /offset/).value).toBe('GMT+1');
    expect(findingAt(res.account('TZ-BREAK').findings, 'Accounts', 5, 'Timezone', /line break/).severity).toBe('warning');
    const onZone = (id: string) => res.account(id).findings.filter((f) => f.column === 'Timezone');
    expect(onZone('TZ-WIN')).toEqual([]);
    expect(onZone('TZ-GMT')).toEqual([]);

    const gen = await generate(path);
    expect(gen.code).toBe(0);
    expect(gen.stderr).toContain('6 packages written');
    const zoneOf = (id: string) => icsEvents(join(gen.out, id, 'prep-holds.ics'))[0]!.startDate.zone.tzid;
    // A broken zone gives way to the Settings zone; Windows names are read as CLDR's IANA zone.
    expect(zoneOf('TZ-MARS')).toBe('Europe/Berlin');
    expect(zoneOf('TZ-OFFSET')).toBe('Europe/Berlin');
    expect(zoneOf('TZ-BREAK')).toBe('Europe/Berlin');
    expect(zoneOf('TZ-WIN')).toBe('America/New_York');
    expect(zoneOf('TZ-GMT')).toBe('Europe/London');
    expect(readFileSync(join(gen.out, 'TZ-BREAK', 'prep-holds.ics'), 'utf8')).not.toMatch(/^X-INJECT/m);
  });

  it('a bad Settings zone is a finding on its row, and the host zone is used', async () => {
    const path = await write('csv', tabs([account({ 'Account ID': 'TZ-NONE', Timezone: '' })], { Settings: [['Key', 'Value'], ['Currency', 'USD'], ['Timezone', 'Mars/Olympus']] }));
    const res = await analyze(path);
    expect(res.code).toBe(0);
    expect(findingAt(res.json!.findings, 'Settings', 3, 'Value', /Timezone.*not a time zone/).value).toBe('Mars/Olympus');
    const gen = await generate(path);
    expect(gen.code).toBe(0);
    expect(existsSync(join(gen.out, 'TZ-NONE', 'prep-holds.ics'))).toBe(true);
  });
});

// =========================================================================================================
describe('control characters in cells', () => {
  /**
   * An .xlsx whose strings hold control characters as Excel stores them (`_x0000_`, `_x001B_` in sharedStrings.xml):
   * ExcelJS drops controls when it writes, so they go in as markers and the markers are rewritten in the zip.
   */
  async function xlsxWithControls(t: TestTabs): Promise<string> {
    // eslint-disable-next-line no-control-regex
    const mark = (v: TestCell): TestCell => (typeof v === 'string' ? v.replace(/[\u0000-\u001f]/g, (c) => `~${c.charCodeAt(0).toString(16).padStart(4, '0')}~`) : v);
    const path = await writeXlsxTracker(tmp.path('controls.xlsx'), Object.fromEntries(Object.entries(t).map(([k, rows]) => [k, rows.map((r) => r.map(mark))])));
    const zip = await JSZip.loadAsync(readFileSync(path));
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    zip.file('xl/sharedStrings.xml', strings.replace(/~([0-9a-f]{4})~/g, (_, hex: string) => `_x${hex.toUpperCase()}_`));
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
    return path;
  }

  it.each([
    ['xlsx', 'Ctrl\u0000 Co\u000b \u001b]0;pwned\u0007', 'NUL, VT, ESC, BEL', 'Ctrl␀ Co␋ ␛]0;pwned␇'],
    ['csv', 'Ctrl Co\u000b \u001b]0;pwned\u0007', 'VT, ESC, BEL', 'Ctrl Co␋ ␛]0;pwned␇'],
  ] as const)('are removed from the text and named on their cell; nothing raw reaches the terminal or the files (%s)', async (format, name, names, shown) => {
    const t = tabs([account({ 'Account ID': 'CTRL-1', Account: name, CSM: 'Maya\u001b[2J Patel' })]);
    const path = format === 'xlsx' ? await xlsxWithControls(t) : await write('csv', t);
    const res = await analyze(path);
    expect(res.code).toBe(0);
    const ctrl = res.account('CTRL-1');
    expect(ctrl.name).toBe('Ctrl Co ]0;pwned');
    const f = findingAt(ctrl.findings, 'Accounts', 3, 'Account', new RegExp(`control characters ${names} removed`));
    expect(f).toMatchObject({ severity: 'warning', value: shown });
    expect(findingAt(ctrl.findings, 'Accounts', 3, 'CSM', /ESC removed/).value).toBe('Maya␛[2J Patel');

    const gen = await generate(path);
    expect(gen.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(gen.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(gen.stderr).toContain('CTRL-1 Ctrl Co ]0;pwned: ');
    const human = await runCli(['analyze', '--tracker', path, '--today', TODAY]);
    // eslint-disable-next-line no-control-regex
    expect(human.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(human.stdout).toContain(`[${shown}]`);
    for (const file of ['deck.pptx', 'pre-read.docx']) {
      const bad = (await xmlParts(readFileSync(join(gen.out, 'CTRL-1', file)))).filter((p) => p.error !== null);
      expect(bad.map((p) => `${p.name}: ${p.error}`)).toEqual([]);
    }
  });
});

// =========================================================================================================
describe('output folders', () => {
  const IDS = ['a/b', 'a:b', 'a*b', 'a_b', '.', '..', 'CON', 'nul', 'COM1', 'trail.', 'X'.repeat(300)];

  it('ids that differ get folders that differ, portable and inside --out; the mapping is printed and in analysis.json', async () => {
    const path = await write('csv', tabs(IDS.map((id, i) => account({ 'Account ID': id, Account: `Co ${i}` }))));
    const gen = await generate(path);
    expect(gen.code).toBe(0);
    const folders = readdirSync(gen.out).filter((f) => f !== 'GOOD-1');
    expect(folders).toHaveLength(IDS.length);
    for (const folder of folders) {
      expect(folder).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
      expect(folder).not.toMatch(/[\\/:*?"<>|]|^\.|[. ]$/);
      expect(Buffer.byteLength(folder)).toBeLessThanOrEqual(100);
      const json = JSON.parse(readFileSync(join(gen.out, folder, 'analysis.json'), 'utf8'));
      expect(json.folder).toBe(folder);
      expect(IDS).toContain(json.id);
      // Each folder holds its own account's package, not another's written over it.
      expect(json.name).toBe(`Co ${IDS.indexOf(json.id)}`);
    }
    expect(readFileSync(join(gen.out, 'a_b', 'analysis.json'), 'utf8')).toContain('"id": "a_b"');
    expect(gen.stderr).toMatch(/not usable as folder names/);
    expect(gen.stderr).toMatch(/^ {2}a\/b → a_b-[0-9a-f]{8}$/m);
    expect(gen.stderr).toMatch(/^ {2}CON → _CON-[0-9a-f]{8}$/m);
  });

  it('--out pointing at a file is exit 2 with one line and no stack', async () => {
    const path = await write('csv', tabs([]));
    const file = tmp.path('not-a-folder');
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, 'x');
    const r = await runCli(['generate', '--tracker', path, '--all', '--today', TODAY, '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--out .* cannot be used as the output folder/);
  });

  it("one account's folder existing as a file skips that account only, with a line; the others get packages", async () => {
    const path = await write('csv', tabs([account({ 'Account ID': 'BLOCKED-2', Account: 'Blocked Co' })]));
    const out = tmp.path('out-blocked');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'BLOCKED-2'), 'in the way');
    const r = await runCli(['generate', '--tracker', path, '--all', '--today', TODAY, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/BLOCKED-2 Blocked Co: not written: a file is in the way/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(out, 'GOOD-1', 'deck.pptx'))).toBe(true);
    expect(r.stderr).toContain('1 package written');
  });
});

describe('--qbr-date', () => {
  it.each(['9999-12-31', '1899-12-31', '2201-01-01'])('%s is out of range: exit 2, no stack', async (date) => {
    const path = await write('csv', tabs([]));
    const r = await generate(path, ['--qbr-date', date]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`qbr generate: --qbr-date ${date} is out of range (1900-01-01 to 2200-12-31)`);
  });
});

// =========================================================================================================
describe('numbers and dates that cannot be meant are findings, never a silent number', () => {
  const VALUE_HEADER = ['Account ID', 'Quarter', 'Category', 'Description', 'Quantity', 'Rate', 'Baseline', 'Current', 'Value', 'Source'];

  it('(1,200) seats and -5 active users: "cannot be negative", read as missing (the same health as a blank cell)', async () => {
    const path = await write('csv', {
      Accounts: [HEADER, GOOD, account({ 'Account ID': 'NEG-1', 'Licensed Seats': '(1,200)' }), account({ 'Account ID': 'BLANK-1', 'Licensed Seats': '' })],
      Metrics: [METRICS_HEADER, GOOD_METRICS, ['NEG-1', '2026-Q4', -5, '(1,200)', 12, 20, 2, 4.5, 78, 70], ['BLANK-1', '2026-Q4', '', '', 12, 20, 2, 4.5, 78, 70]],
    });
    const res = await analyze(path);
    expect(res.code).toBe(0);
    const neg = res.account('NEG-1');
    expect(findingAt(neg.findings, 'Accounts', 3, 'Licensed Seats', /cannot be negative/).value).toBe('(1,200)');
    expect(findingAt(neg.findings, 'Metrics', 3, 'Licensed Seats', /cannot be negative/).value).toBe('(1,200)');
    expect(findingAt(neg.findings, 'Metrics', 3, 'Active Users', /cannot be negative/).value).toBe('-5');
    expect(neg.health).toEqual(res.account('BLANK-1').health);
  });

  it('1e308 in a Value quantity is "too large", and the quarter total is unknown, not Infinity or a silent null', async () => {
    const path = await write('csv', tabs([account({ 'Account ID': 'BIG-1' })], {
      Value: [VALUE_HEADER, ['BIG-1', '2026-Q4', 'Time Savings', 'Hours', '1e308', '$80', '', '', '', 'Timesheets']],
    }));
    const res = await analyze(path);
    const big = res.account('BIG-1');
    expect(findingAt(big.findings, 'Value', 2, 'Quantity', /too large/)).toMatchObject({ severity: 'warning', value: '1e308' });
    expect(big.value.quarterTotal).toBeNull();
  });

  it('3.600 € as ARR is refused with a hint (the account is skipped, saying why), never read as 3.6', async () => {
    const path = await write('csv', tabs([account({ 'Account ID': 'EUR-1', ARR: '3.600 €' }), account({ 'Account ID': 'EUR-2', ARR: '€ 3.600' })]));
    const res = await analyze(path);
    expect(res.code).toBe(1);
    expect(res.json!.skipped.map((s) => s.id)).toEqual(['EUR-1', 'EUR-2']);
    expect(res.json!.skipped[0]!.reason).toMatch(/ARR is not an amount of money \(3\.600 with a currency may be European thousands or a decimal; write 3600 or 3\.6\)/);
  });

  it('150% uptime and a 120% probability are named and not used', async () => {
    const path = await write('csv', tabs([account({ 'Account ID': 'UP-1' })], {
      Metrics: [[...METRICS_HEADER, 'Uptime %'], [...GOOD_METRICS, '99.9%'], ['UP-1', ...GOOD_METRICS.slice(1), '150%']],
      Opportunities: [['Account ID', 'Opportunity', 'Potential ARR', 'Probability'], ['UP-1', 'Upsell', '$10,000', '120%']],
    }));
    const res = await analyze(path);
    const up = res.account('UP-1');
    expect(findingAt(up.findings, 'Metrics', 3, 'Uptime %', /between 0% and 100%/).value).toBe('150%');
    expect(findingAt(up.findings, 'Opportunities', 2, 'Probability', /between 0% and 100%/).value).toBe('120%');
  });

  it.each(['csv', 'xlsx'] as const)('serial-0 and year-9999 dates are findings, and generate still writes the package (%s)', async (format) => {
    const zero = format === 'xlsx' ? new Date(Date.UTC(1899, 11, 30)) : '1899-12-30';
    const path = await write(format, tabs([account({ 'Account ID': 'DATE-1', 'Renewal Date': zero, 'Last QBR Date': '9999-12-31', 'Contract Start': '12/31/9999' })]));
    const res = await analyze(path);
    expect(res.code).toBe(0);
    const d = res.account('DATE-1');
    expect(findingAt(d.findings, 'Accounts', 3, 'Renewal Date', /not a plausible date \(1899-12-30/).severity).toBe('warning');
    expect(findingAt(d.findings, 'Accounts', 3, 'Last QBR Date', /not a plausible date \(9999-12-31/).value).toBe('9999-12-31');
    expect(findingAt(d.findings, 'Accounts', 3, 'Contract Start', /not a plausible date/).value).toBe('12/31/9999');
    expect(d.renewal.date).toBeNull();
    const gen = await generate(path);
    expect(gen.code).toBe(0);
    expect(existsSync(join(gen.out, 'DATE-1', 'deck.pptx'))).toBe(true);
  });
});

// =========================================================================================================
describe('the terminal and the --google dry run', () => {
  it('an ESC typed into --account is echoed visibly, never obeyed', async () => {
    const path = await write('csv', tabs([]));
    const r = await runCli(['analyze', '--tracker', path, '--today', TODAY, '--account', 'X\u001b]0;pwned\u0007']);
    expect(r.code).toBe(1);
    // eslint-disable-next-line no-control-regex
    expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stdout).toContain('X␛]0;pwned␇');
  });

  it('generate --google --dry-run plans every account of a hostile book (bad zones, controls, odd ids) without a crash', async () => {
    const path = await write('csv', tabs([
      account({ 'Account ID': 'a/b', Account: 'AT&T\u001b[2J', Timezone: 'Mars/Olympus' }),
      account({ 'Account ID': 'a:b', Account: 'Evil\r\nBEGIN:VEVENT', Timezone: 'Eastern Time (US & Canada)' }),
    ]));
    const out = tmp.path('google-out');
    const r = await runCli(['generate', '--google', '--dry-run', '--tracker', path, '--all', '--today', TODAY, '--out', out]);
    expect(r.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const planned = readdirSync(out).filter((f) => f !== 'google-requests.json');
    expect(planned).toHaveLength(3);
    const zones = planned.flatMap((f) => (JSON.parse(readFileSync(join(out, f, 'google-requests.json'), 'utf8')) as { id: string; body?: { start?: { timeZone?: string } } }[])
      .filter((c) => c.id.startsWith('calendar.events')).map((c) => c.body?.start?.timeZone));
    expect(zones.length).toBeGreaterThan(0);
    expect(new Set(zones)).toEqual(new Set(['America/New_York', Intl.DateTimeFormat().resolvedOptions().timeZone]));
  });
});

describe('Settings numbers', () => {
  it('an Hourly Rate of 1e308 is out of range and the default is used (time savings stay finite)', async () => {
    const path = await write('csv', tabs([account({ 'Account ID': 'RATE-1' })], {
      Settings: [['Key', 'Value'], ['Hourly Rate', '1e308']],
      Value: [['Account ID', 'Quarter', 'Category', 'Description', 'Quantity'], ['RATE-1', '2026-Q4', 'Time Savings', 'Hours', 10]],
    }));
    const res = await analyze(path);
    expect(findingAt(res.json!.findings, 'Settings', 2, 'Value', /out of range.*default is used/).value).toBe('1e308');
    expect(res.account('RATE-1').value.quarterTotal).toBe(750); // 10 h × the default $75
  });
});

describe('generate --google --dry-run output folders', () => {
  it("an account folder that exists as a file costs only that account's call list, with a line", async () => {
    const path = await write('csv', tabs([account({ 'Account ID': 'BLOCKED-3', Account: 'Blocked Co' })]));
    const out = tmp.path('google-blocked');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'BLOCKED-3'), 'in the way');
    const r = await runCli(['generate', '--google', '--dry-run', '--tracker', path, '--all', '--today', TODAY, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/could not list the calls in .*BLOCKED-3: a file is in the way/);
    expect(existsSync(join(out, 'GOOD-1', 'google-requests.json'))).toBe(true);
  });
});
