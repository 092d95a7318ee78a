/** The QBR program as a manager sees it (SPEC §4.5): schedule per CSM and the QBR guide's metrics with their targets. */
import { addDays, type IsoDate } from '../dates';
import { statusOn, normalizeStatus } from '../analysis/actions';
import type { BookReview } from '../analysis/types';
import { quarterFromIndex, quarterIndex, quarterLabel, quarterOf } from '../quarters';
import { parseDate } from '../tracker/cells';
import type { Finding } from '../tracker/findings';
import type { RowOf } from '../tracker/schema';
import type { Tracker } from '../tracker/tracker';

export type Indicator = 'Green' | 'Yellow' | 'Red';

/** One QBR that took place: from a recorded QBR Log row (`Held`), or from the Accounts tab's Last QBR Date. */
export interface HeldQbr {
  accountId: string;
  /** The QBR date actions and opportunities are linked to. */
  qbrDate: IsoDate;
  held: IsoDate;
  recorded: boolean;
  executiveAttendance: Indicator | null;
}

export interface Metric {
  /** A fraction for rates (0.667), health points for the health change; null with `noData` when it cannot be told. */
  value: number | null;
  target: { min: number; max?: number };
  /** null when there is not enough data. */
  met: boolean | null;
  noData: string | null;
  count: { of: number; total: number } | null;
  /** The accounts behind the number (and the QBR each counted QBR was). */
  accounts: { accountId: string; qbrDate: IsoDate; counted: string }[];
}

export interface ScheduleRow {
  csm: string;
  scheduled: { accountId: string; date: IsoDate }[];
  held: { accountId: string; date: IsoDate }[];
  overdue: { accountId: string; due: IsoDate | null }[];
}

export interface ProgramView {
  today: IsoDate;
  /** Metrics count the QBRs held in this span (the trailing year). */
  window: { from: IsoDate; to: IsoDate };
  schedule: ScheduleRow[];
  metrics: {
    executiveAttendance: Metric;
    commitmentCompletion: Metric;
    expansionShare: Metric;
    healthChange: Metric;
  };
  expansionByQuarter: { quarter: string; arr: number; accounts: { accountId: string; qbrDate: IsoDate; opportunity: string; potentialArr: number | null }[] }[];
  expansionNoData: string | null;
  findings: Finding[];
}

export const TARGETS = {
  executiveAttendance: { min: 0.8 },
  commitmentCompletion: { min: 0.85 },
  expansionShare: { min: 0.3, max: 0.4 },
  healthChange: { min: 5 },
} as const;

const NO_CSM = '(no CSM)';

/** Green = sponsor present, Yellow = a delegate, Red = no-show (the QBR framework's wording is accepted too). */
export function parseIndicator(v: string | null): Indicator | null | 'bad' {
  if (v === null) return null;
  const t = v.trim().toLowerCase().replace(/[^a-z]/g, '');
  if (t === '') return null;
  if (['green', 'g', 'sponsorpresent', 'sponsorspresent', 'present'].includes(t)) return 'Green';
  if (['yellow', 'amber', 'y', 'delegate', 'delegates', 'delegated'].includes(t)) return 'Yellow';
  if (['red', 'r', 'noshow', 'absent'].includes(t)) return 'Red';
  return 'bad';
}

/** A finding for each Executive Attendance value that is not Green/Yellow/Red (the QBR is left out of the rate). */
export function indicatorFindings(tracker: Tracker): Finding[] {
  const tab = tracker.tabs.qbrLog ?? 'QBR Log';
  return tracker.rows.qbrRecord.filter((r) => parseIndicator(r.executiveAttendance) === 'bad').map((r) => ({
    tab, row: r.row, column: tracker.headers.qbrRecord?.get('executiveattendance') ?? 'Executive Attendance', value: r.executiveAttendance,
    severity: 'warning' as const, accountId: r.accountId, message: 'Executive Attendance should be Green, Yellow or Red; the QBR is left out of the attendance rate',
  }));
}

const key = (accountId: string, date: IsoDate) => `${accountId.trim().toUpperCase()}|${date}`;

export function programView(tracker: Tracker, book: BookReview, today: IsoDate): ProgramView {
  const records = tracker.rows.qbrRecord;
  const own = new Set(['held', 'attendees', 'executiveattendance', 'customerpreparation', 'engagement', 'takeaways'].map((k) => tracker.headers.qbrRecord?.get(k)));
  const findings = [...tracker.findings.filter((f) => f.tab === tracker.tabs.qbrLog && f.column !== null && own.has(f.column)), ...indicatorFindings(tracker)];
  const { dateOrder, fiscalYearStartMonth: fy } = tracker.settings;
  const from = addDays(today, -365);

  // Every QBR that took place, once per (account, QBR date): a recorded row wins over the Accounts tab's date.
  const held = new Map<string, HeldQbr>();
  for (const r of records) {
    // readTracker has already put each row's Account ID in its Accounts spelling and dropped unknown ones.
    const id = r.accountId;
    if (r.held === null || r.held > today) continue;
    const qbrDate = r.qbrDate ?? r.held;
    const ind = parseIndicator(r.executiveAttendance);
    held.set(key(id, qbrDate), { accountId: id, qbrDate, held: r.held, recorded: true, executiveAttendance: ind === 'bad' ? null : ind });
  }
  const heldOn = new Set([...held.values()].map((h) => key(h.accountId, h.held)));
  for (const a of tracker.accounts) {
    const d = a.lastQbrDate;
    if (d === null || d > today || held.has(key(a.accountId, d)) || heldOn.has(key(a.accountId, d))) continue;
    held.set(key(a.accountId, d), { accountId: a.accountId, qbrDate: d, held: d, recorded: false, executiveAttendance: null });
  }
  const all = [...held.values()].sort((x, y) => (x.held < y.held ? -1 : x.held > y.held ? 1 : x.accountId.localeCompare(y.accountId)));
  const inWindow = all.filter((h) => h.held >= from);
  // By (account, QBR date) and (account, held date): a big book links tens of thousands of rows to its QBRs.
  const byDate = new Map<string, HeldQbr>();
  for (const h of inWindow) {
    byDate.set(key(h.accountId, h.held), h);
    byDate.set(key(h.accountId, h.qbrDate), h);
  }
  /** The held QBR an action or opportunity's `Linked To` names (its QBR date or the day it was held). */
  const linkedQbr = (accountId: string | null, linkedTo: string | null): HeldQbr | null => {
    if (accountId === null || linkedTo === null) return null;
    const d = parseDate(linkedTo, { dateOrder });
    if (!d.ok || d.value === null) return null;
    return byDate.get(key(accountId, d.value)) ?? null;
  };

  return {
    today, window: { from, to: today },
    schedule: schedule(tracker, records, book, today, held),
    metrics: {
      executiveAttendance: executiveAttendance(inWindow),
      commitmentCompletion: commitmentCompletion(tracker, today, linkedQbr),
      expansionShare: expansionShare(tracker, inWindow, linkedQbr),
      healthChange: healthChange(book, inWindow, fy),
    },
    ...expansionByQuarter(tracker, linkedQbr, fy),
    findings,
  };
}

function schedule(tracker: Tracker, records: RowOf<'qbrRecord'>[], book: BookReview, today: IsoDate, held: Map<string, HeldQbr>): ScheduleRow[] {
  const rows = new Map<string, ScheduleRow>();
  const csmOf = new Map(tracker.accounts.map((a) => [a.accountId, a.csm?.trim() || NO_CSM]));
  const rowOf = (accountId: string) => {
    const csm = csmOf.get(accountId) ?? NO_CSM;
    let r = rows.get(csm);
    if (!r) rows.set(csm, (r = { csm, scheduled: [], held: [], overdue: [] }));
    return r;
  };
  const soon = addDays(today, 30);
  const seen = new Set<string>();
  const planned = [
    ...tracker.accounts.map((a) => ({ id: a.accountId, date: a.qbrDate })),
    ...records.filter((r) => r.held === null).map((r) => ({ id: r.accountId, date: r.qbrDate })),
  ];
  for (const p of planned) {
    if (p.id === null || p.date === null || p.date < today || p.date > soon || seen.has(key(p.id, p.date))) continue;
    seen.add(key(p.id, p.date));
    rowOf(p.id).scheduled.push({ accountId: p.id, date: p.date });
  }
  const since = addDays(today, -90);
  for (const h of held.values()) if (h.held >= since) rowOf(h.accountId).held.push({ accountId: h.accountId, date: h.held });
  for (const a of book.accounts) if (a.overdue) rowOf(a.id).overdue.push({ accountId: a.id, due: a.nextQbrDue });
  for (const r of rows.values()) {
    r.scheduled.sort((x, y) => x.date.localeCompare(y.date));
    r.held.sort((x, y) => x.date.localeCompare(y.date));
  }
  return [...rows.values()].sort((x, y) => (x.csm === NO_CSM ? 1 : y.csm === NO_CSM ? -1 : x.csm.localeCompare(y.csm)));
}

function metric(target: Metric['target'], of: number, total: number, accounts: Metric['accounts'], noData: string, value = total > 0 ? of / total : null): Metric {
  if (total === 0 || value === null) return { value: null, target, met: null, noData, count: null, accounts };
  return { value, target, met: value >= target.min, noData: null, count: { of, total }, accounts };
}

function executiveAttendance(qbrs: HeldQbr[]): Metric {
  const told = qbrs.filter((h) => h.executiveAttendance !== null);
  const accounts = told.map((h) => ({ accountId: h.accountId, qbrDate: h.qbrDate, counted: h.executiveAttendance === 'Green' ? 'sponsor present' : h.executiveAttendance === 'Yellow' ? 'delegate' : 'no-show' }));
  const reason = qbrs.length === 0 ? 'no QBR held in the last 12 months' : 'no QBR Log row records Executive Attendance yet (record the QBR)';
  return metric(TARGETS.executiveAttendance, told.filter((h) => h.executiveAttendance === 'Green').length, told.length, accounts, reason);
}

type LinkedQbr = (accountId: string | null, linkedTo: string | null) => HeldQbr | null;

/** Commitments not yet due do not count against the program; done ones count whenever they were done. */
function commitmentCompletion(tracker: Tracker, today: IsoDate, linkedQbr: LinkedQbr): Metric {
  const accounts: Metric['accounts'] = [];
  let done = 0;
  for (const a of tracker.rows.actions) {
    const qbr = linkedQbr(a.accountId, a.linkedTo);
    if (!qbr) continue;
    const status = statusOn(normalizeStatus(a.status), a.dueDate, today);
    if (status === 'Cancelled') continue;
    const complete = status === 'Complete';
    if (!complete && a.dueDate !== null && a.dueDate >= today) continue;
    if (complete) done++;
    accounts.push({ accountId: qbr.accountId, qbrDate: qbr.qbrDate, counted: `${a.actionId}: ${complete ? 'complete' : status.toLowerCase()}` });
  }
  const reason = tracker.rows.actions.some((a) => linkedQbr(a.accountId, a.linkedTo))
    ? 'no QBR commitment is due yet'
    : 'no action is linked to a QBR held in the last 12 months (Actions `Linked To` = the QBR date)';
  return metric(TARGETS.commitmentCompletion, done, accounts.length, accounts, reason);
}

function expansionShare(tracker: Tracker, qbrs: HeldQbr[], linkedQbr: LinkedQbr): Metric {
  const recorded = qbrs.filter((h) => h.recorded);
  if (!tracker.headers.opportunities?.has('linkedto')) {
    return metric(TARGETS.expansionShare, 0, 0, [], 'the Opportunities tab has no `Linked To` column, so paths surfaced at a QBR cannot be told from others');
  }
  const withPath = new Set<HeldQbr>();
  for (const o of tracker.rows.opportunities) {
    const q = linkedQbr(o.accountId, o.linkedTo);
    if (q?.recorded) withPath.add(q);
  }
  const accounts = recorded.map((h) => ({ accountId: h.accountId, qbrDate: h.qbrDate, counted: withPath.has(h) ? 'expansion path' : 'none' }));
  // 30–40 %: fewer is a missed conversation; more is no failure of the program, so "met" means at least the floor.
  return metric(TARGETS.expansionShare, withPath.size, recorded.length, accounts, 'no QBR recorded in the last 12 months (the QBR Log `Held` column)');
}

function healthChange(book: BookReview, qbrs: HeldQbr[], fy: number): Metric {
  const byId = new Map(book.accounts.map((a) => [a.id, a]));
  const accounts: Metric['accounts'] = [];
  let sum = 0;
  for (const h of qbrs) {
    const history = byId.get(h.accountId)?.history ?? [];
    const q = quarterIndex(quarterOf(h.held, fy));
    const score = (i: number) => history.find((s) => s.quarter === quarterLabel(quarterFromIndex(i)))?.health.score ?? null;
    const before = score(q);
    const after = score(q + 1);
    if (before === null || after === null) continue;
    sum += after - before;
    accounts.push({ accountId: h.accountId, qbrDate: h.qbrDate, counted: `${before} → ${after}` });
  }
  const reason = 'no QBR has a health score for both its quarter and the next yet';
  return metric(TARGETS.healthChange, accounts.length, accounts.length, accounts, reason, accounts.length > 0 ? sum / accounts.length : null);
}

function expansionByQuarter(tracker: Tracker, linkedQbr: LinkedQbr, fy: number): Pick<ProgramView, 'expansionByQuarter' | 'expansionNoData'> {
  if (!tracker.headers.opportunities?.has('linkedto')) {
    return { expansionByQuarter: [], expansionNoData: 'the Opportunities tab has no `Linked To` column' };
  }
  const quarters = new Map<string, ProgramView['expansionByQuarter'][number]>();
  for (const o of tracker.rows.opportunities) {
    const q = linkedQbr(o.accountId, o.linkedTo);
    if (!q) continue;
    const label = quarterLabel(quarterOf(q.held, fy));
    let row = quarters.get(label);
    if (!row) quarters.set(label, (row = { quarter: label, arr: 0, accounts: [] }));
    row.arr += o.potentialArr ?? 0;
    row.accounts.push({ accountId: q.accountId, qbrDate: q.qbrDate, opportunity: o.opportunity, potentialArr: o.potentialArr });
  }
  const list = [...quarters.values()].sort((x, y) => x.quarter.localeCompare(y.quarter));
  return { expansionByQuarter: list, expansionNoData: list.length === 0 ? 'no opportunity is linked to a QBR held in the last 12 months' : null };
}
