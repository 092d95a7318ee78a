/**
 * Hostile and messy-real-world trackers (issue 9), run through `qbr analyze` / `qbr generate` in-process:
 * time-zone cells, control characters, numbers and dates that must be findings, account ids as folder names.
 * Each case states what the tracker holds and what must come out; the good control GOOD-1 still gets its package.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
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
