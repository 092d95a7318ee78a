/** The analysis facade: a parsed tracker and today's date in, one AccountReview per account (or a skip reason) out. */
import type { IsoDate } from '../dates';
import { quarterIndex, quarterLabel, quarterOf, quarterStart, type Quarter } from '../quarters';
import type { Finding } from '../tracker/findings';
import { normalizeName, TABS, type RowOf, type TabKey } from '../tracker/schema';
import { groupByAccount, type Tracker } from '../tracker/tracker';
import { actionReview, actionSummary } from './actions';
import { benchmarkIndex } from './benchmarks';
import { healthBand, healthDimensions, healthScore } from './health';
import { metricValues, previousRow, sortQuarters, trends } from './metrics';
import { outcomeReview } from './outcomes';
import { people, roadmapFor, goalsFor } from './people';
import { renewal } from './renewal';
import { opportunities, riskReview } from './risks';
import { isOverdue, nextQbrDue, REVIEW_PLANS, segmentFromArr, segmentFromText } from './segment';
import type { AccountReview, BookReview, Health, QuarterSnapshot } from './types';
import { valueLine, valueSummary } from './value';
import { heldRecords, lastQbr } from '../program/record';

export interface AnalyzeOptions {
  today: IsoDate;
  /** Only these accounts (as typed by the user); all when absent or empty. */
  accountIds?: string[];
  /** Internal: the peer pass that benchmarks are computed from needs none of its own. */
  noBenchmarks?: boolean;
}

type Groups = { [K in keyof Tracker['rows']]: Map<string, Tracker['rows'][K]> };

export function analyzeBook(tracker: Tracker, options: AnalyzeOptions): BookReview {
  const { today } = options;
  const groups = Object.fromEntries(
    Object.entries(tracker.rows).map(([k, rows]) => [k, groupByAccount(rows as { accountId: string | null }[])]),
  ) as unknown as Groups;
  const findingsByAccount = groupByAccount(tracker.findings);
  const accountRows = new Map(tracker.accounts.map((r) => [r.accountId, r]));
  const bookQuarter = latestBegunQuarter(tracker.rows.metrics, today, tracker.settings.fiscalYearStartMonth)
    ?? quarterOf(today, tracker.settings.fiscalYearStartMonth);

  const byKey = new Map(tracker.accountIds.map((id) => [id.trim().toUpperCase(), id]));
  const wanted = options.accountIds && options.accountIds.length > 0 ? options.accountIds : tracker.accountIds;
  const accounts: AccountReview[] = [];
  const skipped: BookReview['skipped'] = [];
  const seen = new Set<string>();
  const skippedFindings: Finding[] = [];
  for (const asked of wanted) {
    const id = byKey.get(asked.trim().toUpperCase());
    if (id === undefined) {
      skipped.push({ id: asked, reason: `no account with Account ID "${asked}" in the Accounts tab` });
      continue;
    }
    if (seen.has(id)) continue;
    seen.add(id);
    const own = findingsByAccount.get(id) ?? [];
    const errors = own.filter((f) => f.severity === 'error');
    const row = accountRows.get(id);
    if (errors.length > 0 || !row) {
      for (const f of own) skippedFindings.push(f); // not push(...own): one account may carry 100,000+ findings
      skipped.push({ id, reason: errors.map(describe).join('; ') || 'the account row could not be read' });
      continue;
    }
    accounts.push(analyzeAccount(row, groups, tracker, today, bookQuarter, own));
  }
  // Peers are the whole book even when only some accounts were asked for.
  const peers = options.accountIds && options.accountIds.length > 0 && !options.noBenchmarks
    ? analyzeBook(tracker, { today, noBenchmarks: true }).accounts
    : accounts;
  if (!options.noBenchmarks) {
    const benchmarks = benchmarkIndex(peers);
    for (const r of accounts) r.benchmarks = benchmarks(r);
  }
  // A skipped account has no analysis to carry its findings, so they are listed with the workbook's.
  return { today, accounts, skipped, findings: [...tracker.findings.filter((f) => f.accountId === undefined), ...skippedFindings] };
}

function analyzeAccount(a: RowOf<'accounts'>, groups: Groups, tracker: Tracker, today: IsoDate, bookQuarter: Quarter, parseFindings: Finding[]): AccountReview {
  const { settings } = tracker;
  const findings: Finding[] = [...parseFindings];
  const tabName = (key: TabKey) => tracker.tabs[key] ?? TABS[key].name;
  // Quotes the sheet's own header, and says nothing more about a cell that already has a finding.
  const warn = (key: TabKey, row: number | null, column: string | null, value: string | null, message: string) => {
    const tab = tabName(key);
    const header = column === null ? null : tracker.headers[key]?.get(normalizeName(column)) ?? column;
    if (row !== null && findings.some((f) => f.tab === tab && f.row === row && f.column === header)) return;
    findings.push({ tab, row, column: header, value, message, severity: 'warning', accountId: a.accountId });
  };
  const rowsOf = <K extends keyof Groups>(key: K) => (groups[key].get(a.accountId) ?? []) as Tracker['rows'][K];

  // Segment and what follows from it.
  let segment = segmentFromArr(a.arr, settings.thresholds);
  if (a.segment !== null) {
    const named = segmentFromText(a.segment);
    if (named) segment = named;
    else warn('accounts', a.row, 'Segment', a.segment, `unknown segment "${a.segment}"; ${segment} is used from ARR`);
  }
  const plan = REVIEW_PLANS[segment];
  const recorded = heldRecords(a.accountId, { qbrRecord: rowsOf('qbrRecord'), actions: rowsOf('actions'), opportunities: rowsOf('opportunities'), dateOrder: settings.dateOrder, logTab: tabName('qbrLog') });
  // A QBR held and recorded after the Accounts `Last QBR Date` is the last QBR (recording does not touch Accounts).
  const last = lastQbr(a.lastQbrDate, recorded, today);
  const due = nextQbrDue(last.date, a.contractStart, plan.cadenceMonths);
  if (due === null) warn('accounts', a.row, 'Last QBR Date', null, 'neither Last QBR Date nor Contract Start is set, so the next QBR due date is unknown');

  // Quarters, health and trends.
  const fiscal = settings.fiscalYearStartMonth;
  const quarters = sortQuarters(rowsOf('metrics'), today, fiscal);
  for (const d of quarters.duplicates) warn('metrics', d.row, 'Quarter', quarterLabel(d.quarter), `a second Metrics row for ${quarterLabel(d.quarter)}; only the first is read`);
  const current = quarters.begun[quarters.begun.length - 1] ?? null;
  const previous = previousRow(quarters.begun);
  if (current === null) warn('metrics', null, null, null, 'no Metrics row for a quarter that has begun, so health and trends are unknown');
  else if (quarterIndex(current.quarter) < quarterIndex(bookQuarter)) {
    warn('metrics', current.row, 'Quarter', quarterLabel(current.quarter), `the latest Metrics row is for ${quarterLabel(current.quarter)}; ${quarterLabel(bookQuarter)} has no row yet`);
  }
  const quarter = current?.quarter ?? bookQuarter;

  const snapshot = (row: RowOf<'metrics'>, report: boolean): QuarterSnapshot => {
    const d = healthDimensions(row, a.licensedSeats);
    if (report) for (const r of d.rejected) warn('metrics', row.row, r.column, String(r.value), r.message);
    return { quarter: quarterLabel(row.quarter), metrics: metricValues(row), health: { score: healthScore(d.dimensions, settings.weights), dimensions: d.dimensions } };
  };
  const history = quarters.begun.slice(-4).map((r) => snapshot(r, r === current));
  const currentDims = current ? healthDimensions(current, a.licensedSeats) : null;
  const score = currentDims ? healthScore(currentDims.dimensions, settings.weights) : null;
  const previousScore = previous ? snapshot(previous, false).health.score : null;
  const health: Health = {
    score, band: healthBand(score),
    trend: score !== null && previousScore !== null ? score - previousScore : null,
    dimensions: currentDims?.dimensions ?? { usage: null, engagement: null, support: null, relationship: null },
    basis: currentDims?.basis ?? { usage: 'no data', engagement: 'no data', support: 'no data', relationship: 'no data' },
    weights: { ...settings.weights },
  };
  if (current) {
    for (const dim of ['engagement', 'relationship'] as const) {
      if (health.dimensions[dim] === null) warn('metrics', current.row, dim === 'engagement' ? 'Engagement Score' : 'Relationship Score', null, `no ${dim} score for ${quarterLabel(current.quarter)}; health is weighted over the other dimensions`);
    }
  }

  // Value: the current quarter's lines.
  const lines = rowsOf('value').filter((r) => quarterIndex(r.quarter) === quarterIndex(quarter)).map((r) => {
    const { line, problems } = valueLine(r, settings.hourlyRate);
    for (const p of problems) warn('value', p.row, p.column, p.value, p.message);
    return line;
  });
  if (lines.length === 0) warn('value', null, null, null, `no Value lines for ${quarterLabel(quarter)}, so value delivered and ROI are unknown`);

  const outcomes = rowsOf('outcomes').map((r) => {
    const { outcome, problems } = outcomeReview(r);
    for (const p of problems) warn('outcomes', p.row, p.column, p.value, p.message);
    return outcome;
  });
  const risks = rowsOf('risks').map((r) => {
    const { risk, problems } = riskReview(r);
    for (const p of problems) warn('risks', p.row, p.column, p.value, p.message);
    return risk;
  });
  const opps = opportunities(rowsOf('opportunities'));
  for (const p of opps.problems) warn('opportunities', p.row, p.column, p.value, p.message);

  const actions = actionSummary(rowsOf('actions').map((r) => actionReview(r, today)), last.linkedTo, settings.dateOrder);
  const ren = renewal(a.renewalDate, today);
  if (ren.date === null) warn('accounts', a.row, 'Renewal Date', null, 'no Renewal Date, so days to renewal and the renewal focus are unknown');
  else if (ren.daysToRenewal! < 0) warn('accounts', a.row, 'Renewal Date', ren.date, 'the Renewal Date has passed; update it after the renewal');

  return {
    id: a.accountId, name: a.name, arr: a.arr, segment, ...plan,
    quarter: quarterLabel(quarter), nextQbrDue: due, overdue: isOverdue(due, a.qbrDate, today),
    qbrDate: a.qbrDate, lastQbrDate: last.date, sheetLastQbrDate: a.lastQbrDate, dateOrder: settings.dateOrder, contractStart: a.contractStart, licensedSeats: a.licensedSeats,
    health, history, trends: trends(current, previous),
    value: valueSummary(lines, a.arr), outcomes, risks,
    opportunities: { total: opps.total, weighted: opps.weighted, items: opps.items },
    actions, renewal: { date: ren.date, daysToRenewal: ren.daysToRenewal, monthsToRenewal: ren.monthsToRenewal, focus: ren.focus },
    people: people(a, rowsOf('stakeholders')),
    keyTheme: a.keyTheme,
    plan: a.plan,
    renewalFactors: { confidence: a.renewalConfidence, budget: a.budgetStatus, competitiveThreat: a.competitiveThreat, valuePerception: a.valuePerception, contractSatisfaction: a.contractSatisfaction },
    roadmap: roadmapFor(a.accountId, tracker.rows.roadmap),
    sla: { firstResponseHours: settings.slaHours.firstResponse, resolutionHours: settings.slaHours.resolution },
    goals: goalsFor(rowsOf('goals')),
    recorded,
    locale: a.locale ?? settings.locale,
    currency: (a.currency ?? settings.currency).toUpperCase(),
    timezone: a.timezone ?? settings.timezone,
    holidayCountry: { account: a.country, settings: settings.holidayCountry },
    findings,
  };
}

function describe(f: Finding): string {
  const cell = f.value === null || f.value === '' ? '' : ` "${f.value}"`;
  return `${f.tab} row ${f.row}${f.column ? `, ${f.column}${cell}` : ''}: ${f.message}`;
}

function latestBegunQuarter(rows: RowOf<'metrics'>[], today: IsoDate, fiscal: number): Quarter | null {
  let best: Quarter | null = null;
  // A big book repeats a handful of quarters across every account: each one's start is worked out once.
  const begun = new Map<number, boolean>();
  for (const r of rows) {
    const index = quarterIndex(r.quarter);
    let started = begun.get(index);
    if (started === undefined) begun.set(index, (started = quarterStart(r.quarter, fiscal) <= today));
    if (!started) continue;
    if (best === null || quarterIndex(r.quarter) > quarterIndex(best)) best = r.quarter;
  }
  return best;
}
