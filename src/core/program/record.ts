/** Recording a QBR (SPEC §4.5): what was agreed, turned into the tracker rows to append and the QBR Log fields to write. */
import type { IsoDate } from '../dates';
import { isIsoDate } from '../dates';
import { parseDate } from '../tracker/cells';
import type { RowOf } from '../tracker/schema';
import type { Tracker } from '../tracker/tracker';
import { parseIndicator, type Indicator } from './program';
import { isOwnFollowUp, normalizeStatus } from '../analysis/actions';
import { same, sideOf } from './record-text';

export { same, sideOf } from './record-text';

export interface Commitment {
  action: string;
  owner: string | null;
  /** `Customer` or `Vendor` (the mutual action plan's two sides). */
  side: string | null;
  due: IsoDate | null;
}

export interface ExpansionPath {
  opportunity: string;
  sponsor: string | null;
  nextStep: string | null;
  potentialArr: number | null;
}

export interface QbrRecord {
  accountId: string;
  /** The QBR's date as planned: the key of its QBR Log row and what `Linked To` names. */
  qbrDate: IsoDate;
  held: IsoDate;
  attendees: string[];
  indicators: { executiveAttendance: Indicator | null; customerPreparation: Indicator | null; engagement: Indicator | null };
  takeaways: string;
  commitments: Commitment[];
  expansionPaths: ExpansionPath[];
}

/** Same shape as the Actions write-back's rows (src/google/sheets.ts ActionRow). */
export interface NewAction {
  actionId: string; accountId: string; action: string; owner: string | null; side: string | null;
  dueDate: IsoDate | null; status: string; linkedTo: IsoDate;
}

export interface NewOpportunity {
  accountId: string; opportunity: string; potentialArr: number | null; sponsor: string | null; nextStep: string | null; linkedTo: IsoDate;
}

/** The QBR Log fields the record fills, by header (added to the header row when missing, as the write-back does). */
export interface LogFields {
  'Account ID': string; 'QBR Date': IsoDate; Held: IsoDate; Attendees: string;
  'Executive Attendance': string; 'Customer Preparation': string; Engagement: string; Takeaways: string;
}

export interface RecordRows {
  actions: NewAction[];
  opportunities: NewOpportunity[];
  log: LogFields;
  /** What was not appended because the tracker already holds it, in words. */
  alreadyThere: string[];
  /** Problems a CSM should fix (a commitment without an owner or a due date still goes in, flagged). */
  warnings: string[];
}


/**
 * The rows to append and the log fields for one recorded QBR. Idempotent: a commitment already in Actions for the
 * account with `Linked To` = this QBR (the same action text) is not appended again, nor an opportunity already listed.
 */
export function recordRows(tracker: Tracker, record: QbrRecord, today: IsoDate): RecordRows | { error: string } {
  const account = tracker.accounts.find((a) => same(a.accountId) === same(record.accountId));
  if (!account) return { error: `Account ID "${record.accountId}" is not in the Accounts tab` };
  if (record.held > today) return { error: `the QBR cannot be recorded as held on ${record.held}, after today (${today})` };
  const id = account.accountId;
  const { dateOrder } = tracker.settings;
  const linksHere = (linkedTo: string | null) => {
    const d = linkedTo === null ? null : parseDate(linkedTo, { dateOrder });
    return d !== null && d.ok && (d.value === record.qbrDate || d.value === record.held);
  };

  const alreadyThere: string[] = [];
  const warnings: string[] = [];
  const existing = new Set(tracker.rows.actions.filter((a) => a.accountId === id && linksHere(a.linkedTo)).map((a) => same(a.action)));
  const taken = new Set(tracker.rows.actions.map((a) => same(a.actionId)));
  const stamp = record.qbrDate.replace(/-/g, '');
  let n = 0;
  const nextId = () => {
    let candidate: string;
    do candidate = `${id}-QBR${stamp}-${++n}`;
    while (taken.has(same(candidate)));
    taken.add(same(candidate));
    return candidate;
  };
  // Each text once: what the tracker already holds (or this record already named) is reported, not appended.
  const fresh = <T>(items: T[], textOf: (item: T) => string, seen: Set<string>, what: string, tab: string): { item: T; text: string }[] =>
    items.flatMap((item) => {
      const text = textOf(item).trim();
      if (text === '') return [];
      if (seen.has(same(text))) {
        alreadyThere.push(`${what} "${text}" is already in ${tab}`);
        return [];
      }
      seen.add(same(text));
      return [{ item, text }];
    });

  const actions: NewAction[] = fresh(record.commitments, (c) => c.action, existing, 'commitment', 'Actions').map(({ item: c, text }) => {
    if (c.owner === null || c.owner.trim() === '') warnings.push(`commitment "${text}" has no owner`);
    if (c.due === null) warnings.push(`commitment "${text}" has no due date`);
    return { actionId: nextId(), accountId: id, action: text, owner: c.owner?.trim() || null, side: sideOf(c.side) ?? (c.side?.trim() || null), dueDate: c.due, status: 'Open', linkedTo: record.qbrDate };
  });

  const listed = new Set(tracker.rows.opportunities.filter((o) => o.accountId === id).map((o) => same(o.opportunity)));
  const opportunities: NewOpportunity[] = fresh(record.expansionPaths, (p) => p.opportunity, listed, 'opportunity', 'Opportunities').map(({ item: p, text }) => (
    { accountId: id, opportunity: text, potentialArr: p.potentialArr, sponsor: p.sponsor?.trim() || null, nextStep: p.nextStep?.trim() || null, linkedTo: record.qbrDate }
  ));

  const ind = (v: Indicator | null) => v ?? '';
  const log: LogFields = {
    'Account ID': id, 'QBR Date': record.qbrDate, Held: record.held,
    Attendees: record.attendees.map((a) => a.trim()).filter(Boolean).join('; '),
    'Executive Attendance': ind(record.indicators.executiveAttendance),
    'Customer Preparation': ind(record.indicators.customerPreparation),
    Engagement: ind(record.indicators.engagement),
    Takeaways: record.takeaways.trim(),
  };
  return { actions, opportunities, log, alreadyThere, warnings };
}

/** A record as typed in a small JSON file (`qbr record --from`): every problem named, none guessed. */
export function parseRecordJson(raw: unknown, accountId: string, qbrDate: IsoDate): { record: QbrRecord | null; errors: string[] } {
  const errors: string[] = [];
  const o = (raw ?? {}) as Record<string, unknown>;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { record: null, errors: ['the record must be a JSON object'] };
  const text = (v: unknown, where: string): string | null => {
    if (v === undefined || v === null || v === '') return null;
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    errors.push(`${where} must be text`);
    return null;
  };
  const date = (v: unknown, where: string): IsoDate | null => {
    const t = text(v, where);
    if (t === null) return null;
    if (!isIsoDate(t)) errors.push(`${where} must be a date as YYYY-MM-DD (got "${t}")`);
    return isIsoDate(t) ? t : null;
  };
  const list = (v: unknown, where: string): unknown[] => {
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    errors.push(`${where} must be a list`);
    return [];
  };
  const indicator = (v: unknown, where: string): Indicator | null => {
    const got = parseIndicator(text(v, where));
    if (got === 'bad') errors.push(`${where} must be Green, Yellow or Red`);
    return got === 'bad' ? null : got;
  };
  const held = date(o.held, 'held') ?? (o.held === undefined ? qbrDate : null);
  const ind = (o.indicators ?? {}) as Record<string, unknown>;
  const indicators = {
    executiveAttendance: indicator(ind.executiveAttendance, 'indicators.executiveAttendance'),
    customerPreparation: indicator(ind.customerPreparation, 'indicators.customerPreparation'),
    engagement: indicator(ind.engagement, 'indicators.engagement'),
  };
  const commitments = list(o.commitments, 'commitments').map((c, i) => {
    const r = (c ?? {}) as Record<string, unknown>;
    const action = text(r.action, `commitments[${i + 1}].action`);
    if (action === null) errors.push(`commitments[${i + 1}] has no action`);
    return { action: action ?? '', owner: text(r.owner, `commitments[${i + 1}].owner`), side: text(r.side, `commitments[${i + 1}].side`), due: date(r.due, `commitments[${i + 1}].due`) };
  });
  const expansionPaths = list(o.expansionPaths, 'expansionPaths').map((p, i) => {
    const r = (p ?? {}) as Record<string, unknown>;
    const opportunity = text(r.opportunity, `expansionPaths[${i + 1}].opportunity`);
    if (opportunity === null) errors.push(`expansionPaths[${i + 1}] has no opportunity`);
    const arr = r.potentialArr;
    if (arr !== undefined && arr !== null && (typeof arr !== 'number' || !Number.isFinite(arr) || arr < 0)) errors.push(`expansionPaths[${i + 1}].potentialArr must be a number of at least 0`);
    return {
      opportunity: opportunity ?? '', sponsor: text(r.sponsor, `expansionPaths[${i + 1}].sponsor`), nextStep: text(r.nextStep, `expansionPaths[${i + 1}].nextStep`),
      potentialArr: typeof arr === 'number' && Number.isFinite(arr) && arr >= 0 ? arr : null,
    };
  });
  const record: QbrRecord = {
    accountId, qbrDate, held: held ?? qbrDate,
    attendees: list(o.attendees, 'attendees').map((a, i) => text(a, `attendees[${i + 1}]`) ?? '').filter(Boolean),
    indicators,
    takeaways: text(o.takeaways, 'takeaways') ?? '',
    commitments, expansionPaths,
  };
  return { record: errors.length > 0 ? null : record, errors };
}

/** The rows an account's records are read from: the whole tracker's (`recordFromTracker`) or the account's own (the analysis). */
export interface RecordSource {
  qbrRecord: RowOf<'qbrRecord'>[];
  actions: RowOf<'actions'>[];
  opportunities: RowOf<'opportunities'>[];
  dateOrder: 'MDY' | 'DMY';
  /** The QBR Log tab's name as the sheet spells it, for notes. */
  logTab: string;
}

/**
 * The record as the tracker already holds it (`qbr record` without `--from`, or a card's starting values): the QBR Log
 * row of the account and QBR date (Held, Attendees, the indicators, Takeaways) and the Actions and Opportunities whose
 * `Linked To` is the QBR date or the day it was held. Cancelled actions are left out. An error when nothing is there yet.
 */
export function recordFromTracker(tracker: Tracker, accountId: string, qbrDate: IsoDate): { record: QbrRecord; notes: string[] } | { error: string } {
  const account = tracker.accounts.find((a) => same(a.accountId) === same(accountId));
  if (!account) return { error: `Account ID "${accountId}" is not in the Accounts tab` };
  const id = account.accountId;
  const source: RecordSource = { ...tracker.rows, dateOrder: tracker.settings.dateOrder, logTab: tracker.tabs.qbrLog ?? 'QBR Log' };
  const log = source.qbrRecord.find((r) => r.accountId === id && (r.qbrDate === qbrDate || (r.qbrDate === null && r.held === qbrDate)));
  const notes: string[] = [];
  const record = assemble(id, qbrDate, log, source, notes);
  if (!log && record.commitments.length === 0) {
    return { error: `nothing is recorded for ${id} on ${qbrDate}: no QBR Log row with that QBR Date and no Actions with Linked To = ${qbrDate}` };
  }
  return { record, notes };
}

/**
 * Every QBR of the account that was held and recorded: a QBR Log row with `Held` filled (actions typed with `Linked To`
 * alone are not a held QBR), one record per QBR date (the first row wins), keyed by its QBR Date (the held date when
 * the row has none). The package builder follows up on the one for its QBR date.
 */
export function heldRecords(accountId: string, source: RecordSource): QbrRecord[] {
  const seen = new Set<IsoDate>();
  return source.qbrRecord.flatMap((log) => {
    if (log.accountId !== accountId || log.held === null) return [];
    const qbrDate = log.qbrDate ?? log.held;
    if (seen.has(qbrDate)) return [];
    seen.add(qbrDate);
    return [assemble(accountId, qbrDate, log, source, [])];
  });
}

function assemble(id: string, qbrDate: IsoDate, log: RowOf<'qbrRecord'> | undefined, source: RecordSource, notes: string[]): QbrRecord {
  const held = log?.held ?? qbrDate;
  const linksHere = (linkedTo: string | null) => {
    const d = linkedTo === null ? null : parseDate(linkedTo, { dateOrder: source.dateOrder });
    return d !== null && d.ok && (d.value === qbrDate || d.value === held);
  };
  const indicator = (v: string | null, header: string): Indicator | null => {
    const got = parseIndicator(v);
    if (got === 'bad') notes.push(`${source.logTab} row ${log!.row}, ${header}: "${v}" is not Green, Yellow or Red; left blank`);
    return got === 'bad' ? null : got;
  };
  const commitments: Commitment[] = source.actions
    .filter((a) => a.accountId === id && linksHere(a.linkedTo) && normalizeStatus(a.status) !== 'Cancelled' && !isOwnFollowUp(a.actionId))
    .map((a) => ({ action: a.action, owner: a.owner, side: a.side, due: a.dueDate }));
  const expansionPaths: ExpansionPath[] = source.opportunities
    .filter((o) => o.accountId === id && linksHere(o.linkedTo))
    .map((o) => ({ opportunity: o.opportunity, sponsor: o.sponsor, nextStep: o.nextStep, potentialArr: o.potentialArr }));
  return {
    accountId: id, qbrDate, held,
    attendees: (log?.attendees ?? '').split(/[;\n]/).map((a) => a.trim()).filter(Boolean),
    indicators: {
      executiveAttendance: log ? indicator(log.executiveAttendance, 'Executive Attendance') : null,
      customerPreparation: log ? indicator(log.customerPreparation, 'Customer Preparation') : null,
      engagement: log ? indicator(log.engagement, 'Engagement') : null,
    },
    takeaways: log?.takeaways ?? '',
    commitments, expansionPaths,
  };
}

/**
 * The last QBR before `before` (exclusive; or on/before `today`, inclusive): the later of the Accounts `Last QBR Date`
 * and the latest recorded QBR held by then. `linkedTo` is what its commitments' `Linked To` names: the recorded QBR's
 * planned date, else the date itself.
 */
export function lastQbr(sheet: IsoDate | null, recorded: readonly QbrRecord[], today: IsoDate, before?: IsoDate): { date: IsoDate | null; linkedTo: IsoDate | null } {
  const within = (d: IsoDate) => (before !== undefined ? d < before : d <= today);
  let best: { date: IsoDate | null; linkedTo: IsoDate | null } = sheet !== null && within(sheet) ? { date: sheet, linkedTo: sheet } : { date: null, linkedTo: null };
  for (const r of recorded) if (within(r.held) && (best.date === null || r.held > best.date)) best = { date: r.held, linkedTo: r.qbrDate };
  // An Accounts date the cutoff excludes is kept when nothing recorded replaces it (it was the only date known before).
  return best.date === null && before === undefined ? { date: sheet, linkedTo: sheet } : best;
}
