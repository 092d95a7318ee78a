/** The manager view (Sheets): the book's QBRs due in 30 days, overdue ones, action completion, last generated, and "run for the whole book". */
import type { AccountReview, BookReview } from '../../core/analysis/types';
import { addDays, type IsoDate } from '../../core/dates';
import { formatter, type Formatter } from '../../core/package/format';
import { progressWidgets, type BackgroundProgress } from './results-view';
import { byUrgency, dueWithin, nextQbr, nextQbrText } from './schedule';
import type { ButtonSpec, CardSpec, SectionSpec, WidgetSpec } from './spec';
import { bandBadge, bandWord, bold, colour, escapeCardHtml, GREY, plural, RED } from './text';

export interface ManagerInput {
  book: BookReview;
  today: IsoDate;
  /** QBR Log rows: which account was generated when (ISO timestamps or dates). */
  log: { accountId: string; generatedAt: string }[];
  /** The whole-book run, when one was started. */
  job?: (BackgroundProgress & { running: boolean; stopped?: string }) | null;
}

export const DUE_WINDOW_DAYS = 30;
/**
 * Google drops the widgets past 100 on a CARD (not per section): the overview shows the head of each list and a
 * "See all" button; each full list is its own card, a page at a time.
 */
export const MAX_CARD_WIDGETS = 100;
const MAX_LIST = 8;
const MAX_TABLE = 5;
const MAX_CSMS = 12;
export const LIST_PAGE = 40;

/** The lists that open on their own card (the `list` parameter of openManager). */
export type ManagerList = 'overdue' | 'due' | 'completion' | 'generated' | 'csms';

export interface BookCounts {
  dueSoon: AccountReview[];
  overdue: AccountReview[];
  generatedRecently: number;
}

/** Due soon = the next QBR (scheduled or due) falls between today and 30 days out; overdue ones are counted apart. */
export function bookCounts(input: ManagerInput): BookCounts {
  const { book, today } = input;
  const urgency = byUrgency(today);
  const dueSoon = book.accounts.filter((a) => dueWithin(a, today, DUE_WINDOW_DAYS)).sort(urgency);
  const overdue = book.accounts.filter((a) => a.overdue).sort(urgency);
  const since = addDays(today, -DUE_WINDOW_DAYS);
  const last = lastGenerated(input.log);
  const generatedRecently = book.accounts.filter((a) => (last.get(a.id) ?? '').slice(0, 10) >= since).length;
  return { dueSoon, overdue, generatedRecently };
}

/** The latest log entry per account (ISO strings sort as times). */
export function lastGenerated(log: ManagerInput['log']): Map<string, string> {
  const last = new Map<string, string>();
  for (const e of log) if ((last.get(e.accountId) ?? '') < e.generatedAt) last.set(e.accountId, e.generatedAt);
  return last;
}

export function managerCard(input: ManagerInput): CardSpec {
  const { book, today } = input;
  const first = book.accounts[0];
  const fmt = formatter(first?.locale ?? 'en-US', first?.currency ?? 'USD');
  const counts = bookCounts(input);
  const sections: SectionSpec[] = [
    summarySection(book, counts),
    csmSection(book.accounts, today, fmt, MAX_CSMS),
    listSection(`Overdue (${counts.overdue.length})`, counts.overdue, today, fmt, 'No QBR is overdue.', 'overdue'),
    listSection(`QBRs due in the next ${DUE_WINDOW_DAYS} days (${counts.dueSoon.length})`, counts.dueSoon, today, fmt, `No QBR falls due in the next ${DUE_WINDOW_DAYS} days.`, 'due'),
    completionSection(book.accounts, fmt, MAX_TABLE),
    generatedSection(book.accounts, input.log, fmt, MAX_TABLE),
    runSection(input),
  ];
  return {
    name: 'manager',
    header: { title: 'Manager view', subtitle: `${plural(book.accounts.length, 'account')} · as of ${fmt.date(today)}` },
    sections,
  };
}

/** One whole list on its own card, a page at a time; "More" replaces the page in place, Back returns to the overview. */
export function managerListCard(input: ManagerInput, list: ManagerList, page: number): CardSpec {
  const { book, today } = input;
  const first = book.accounts[0];
  const fmt = formatter(first?.locale ?? 'en-US', first?.currency ?? 'USD');
  const counts = bookCounts(input);
  const all = list === 'overdue' ? counts.overdue : list === 'due' ? counts.dueSoon : book.accounts;
  const total = list === 'csms' ? csmRows(book.accounts, today).length : all.length;
  const pages = Math.max(1, Math.ceil(total / LIST_PAGE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const from = p * LIST_PAGE;
  const titles: Record<ManagerList, string> = {
    overdue: 'Overdue QBRs', due: `QBRs due in the next ${DUE_WINDOW_DAYS} days`, completion: 'Action completion', generated: 'Last generated', csms: 'By CSM',
  };
  let section: SectionSpec;
  if (list === 'csms') section = csmSection(book.accounts, today, fmt, LIST_PAGE, from);
  else if (list === 'completion') section = completionSection(book.accounts, fmt, LIST_PAGE, from);
  else if (list === 'generated') section = generatedSection(book.accounts, input.log, fmt, LIST_PAGE, from);
  else section = listSection(titles[list], all, today, fmt, 'None.', list, LIST_PAGE, from);
  const widgets: WidgetSpec[] = section.widgets.filter((w) => w.kind !== 'buttons');
  const nav: ButtonSpec[] = [];
  if (p > 0) nav.push({ text: 'Previous', action: { name: 'openManager', params: { list, page: String(p - 1), replace: 'yes' } } });
  if (p < pages - 1) nav.push({ text: `More (${total - from - LIST_PAGE} left)`, action: { name: 'openManager', params: { list, page: String(p + 1), replace: 'yes' } } });
  if (nav.length > 0) widgets.push({ kind: 'buttons', buttons: nav });
  return {
    name: `manager:${list}`,
    header: { title: titles[list], subtitle: total > LIST_PAGE ? `${from + 1}–${Math.min(total, from + LIST_PAGE)} of ${total}` : plural(total, list === 'csms' ? 'CSM' : 'account') },
    sections: [{ widgets }],
  };
}

/** A "See all" button under a list's head, opening the list on its own card. */
function seeAll(list: ManagerList, total: number, shown: number, what = 'account'): WidgetSpec[] {
  if (total <= shown) return [];
  return [{ kind: 'buttons', buttons: [{ text: `See all ${plural(total, what)}`, action: { name: 'openManager', params: { list, page: '0' } } }] }];
}

export interface CsmRow {
  csm: string;
  accounts: number;
  overdue: number;
  dueSoon: number;
  actionsOverdue: number;
  /** Mean completion of the CSM's accounts that have actions; null when none has. */
  completion: number | null;
}

/** Who is behind: QBRs overdue first, then overdue actions, then the lowest completion. */
export function csmRows(accounts: AccountReview[], today: IsoDate): CsmRow[] {
  const by = new Map<string, { row: CsmRow; rates: number[] }>();
  for (const a of accounts) {
    const csm = a.people.csm ?? 'No CSM';
    let e = by.get(csm);
    if (!e) by.set(csm, (e = { row: { csm, accounts: 0, overdue: 0, dueSoon: 0, actionsOverdue: 0, completion: null }, rates: [] }));
    e.row.accounts++;
    if (a.overdue) e.row.overdue++;
    if (dueWithin(a, today, DUE_WINDOW_DAYS)) e.row.dueSoon++;
    e.row.actionsOverdue += a.actions.overdue.length;
    if (a.actions.completionRate !== null) e.rates.push(a.actions.completionRate);
  }
  const rows = [...by.values()].map(({ row, rates }) => ({ ...row, completion: rates.length ? rates.reduce((x, y) => x + y, 0) / rates.length : null }));
  return rows.sort((a, b) => b.overdue - a.overdue || b.actionsOverdue - a.actionsOverdue || (a.completion ?? 2) - (b.completion ?? 2) || a.csm.localeCompare(b.csm));
}

function csmSection(accounts: AccountReview[], today: IsoDate, fmt: Formatter, max: number, from = 0): SectionSpec {
  const rows = csmRows(accounts, today);
  const widgets: WidgetSpec[] = rows.slice(from, from + max).map((r) => ({
    kind: 'kv', startIcon: 'PERSON', topLabel: `${escapeCardHtml(r.csm)} · ${plural(r.accounts, 'account')}`,
    text: `${r.overdue > 0 ? colour(RED, bold(`${r.overdue} overdue`)) : '0 overdue'} · ${r.dueSoon} due in ${DUE_WINDOW_DAYS} days`,
    bottomLabel: `${r.actionsOverdue > 0 ? colour(RED, plural(r.actionsOverdue, 'action') + ' overdue') : 'No actions overdue'} · ${r.completion === null ? 'no actions to measure' : `${fmt.percent(r.completion)} of actions complete`}`,
  }));
  widgets.push(...seeAll('csms', rows.length, max, 'CSM'));
  return { header: 'By CSM', widgets };
}

function summarySection(book: BookReview, c: BookCounts): SectionSpec {
  const bands = { Green: 0, Yellow: 0, Red: 0, none: 0 };
  for (const a of book.accounts) bands[a.actions.band ?? 'none']++;
  const widgets: WidgetSpec[] = [
    { kind: 'kv', startIcon: 'CLOCK', topLabel: `QBRs due in the next ${DUE_WINDOW_DAYS} days`, text: bold(String(c.dueSoon.length)) },
    { kind: 'kv', startIcon: 'CLOCK', topLabel: 'Overdue QBRs', text: c.overdue.length > 0 ? colour(RED, bold(String(c.overdue.length))) : bold('0') },
    {
      kind: 'kv', topLabel: 'Action completion by account',
      text: `${bandWord('Green', `${bands.Green} Green`)} · ${bandWord('Yellow', `${bands.Yellow} Yellow`)} · ${bandWord('Red', `${bands.Red} Red`)}`,
      ...(bands.none > 0 ? { bottomLabel: `${plural(bands.none, 'account')} without actions` } : {}),
    },
    { kind: 'kv', startIcon: 'DESCRIPTION', topLabel: `Packages generated in the last ${DUE_WINDOW_DAYS} days`, text: bold(String(c.generatedRecently)) },
  ];
  if (book.skipped.length > 0) widgets.push({ kind: 'text', html: colour(RED, `${plural(book.skipped.length, 'account')} skipped for tracker errors — see the home card`) });
  return { header: 'The book', widgets };
}

function runSection(input: ManagerInput): SectionSpec {
  const job = input.job ?? null;
  if (job && job.running) {
    return { header: 'Whole-book run', widgets: progressWidgets(job, 'account') };
  }
  const widgets: WidgetSpec[] = [];
  if (job) widgets.push({ kind: 'text', html: `Last run: ${job.done} of ${plural(job.total, 'account')} done${job.failed ? `, ${colour(RED, `${job.failed} failed`)}` : ''}.` });
  if (job?.stopped) widgets.push({ kind: 'text', html: colour(RED, `Stopped early: ${escapeCardHtml(job.stopped)}. Run it again to finish the rest (finished packages are updated, not duplicated).`) });
  widgets.push(
    { kind: 'buttons', buttons: [{ text: 'Run for the whole book…', action: { name: 'runBook', params: { step: 'confirm' } } }] },
  );
  return { header: 'Whole-book run', widgets };
}

function listSection(header: string, accounts: AccountReview[], today: IsoDate, fmt: Formatter, empty: string, list: ManagerList, max = MAX_LIST, from = 0): SectionSpec {
  if (accounts.length === 0) return { header, widgets: [{ kind: 'text', html: colour(GREY, empty) }] };
  const widgets: WidgetSpec[] = accounts.slice(from, from + max).map((a) => {
    const when = nextQbrText(nextQbr(a, today), fmt);
    return {
      kind: 'kv',
      topLabel: `${escapeCardHtml(a.segment)} · ${escapeCardHtml(a.people.csm ?? 'No CSM')}`,
      text: `${bold(escapeCardHtml(a.name))} ${bandBadge(a.health.band, a.health.score)}`,
      bottomLabel: a.overdue ? colour(RED, bold(escapeCardHtml(when))) : escapeCardHtml(when),
      action: { name: 'openAccount', params: { accountId: a.id } },
      endIcon: 'chevron',
    };
  });
  widgets.push(...seeAll(list, accounts.length, max));
  return { header, widgets };
}

/** Worst completion first: the accounts whose commitments are slipping are the ones to ask about. */
function completionSection(accounts: AccountReview[], fmt: Formatter, max: number, from = 0): SectionSpec {
  const rate = (a: AccountReview) => a.actions.completionRate ?? 2;
  const sorted = [...accounts].sort((a, b) => rate(a) - rate(b) || a.name.localeCompare(b.name));
  const widgets: WidgetSpec[] = sorted.slice(from, from + max).map((a) => {
    const r = a.actions.completionRate;
    const overdue = a.actions.overdue.length;
    return {
      kind: 'kv',
      topLabel: escapeCardHtml(a.name),
      text: r === null ? colour(GREY, 'No actions') : `${bandWord(a.actions.band, `${fmt.percent(r)} complete`)}${a.actions.band ? ` (${a.actions.band})` : ''}`,
      ...(overdue > 0 ? { bottomLabel: colour(RED, plural(overdue, 'overdue action')) } : {}),
    };
  });
  widgets.push(...seeAll('completion', accounts.length, max));
  return { header: 'Action completion', widgets };
}

/** Never-generated first, then the oldest: what still needs a package. */
function generatedSection(accounts: AccountReview[], log: ManagerInput['log'], fmt: Formatter, max: number, from = 0): SectionSpec {
  const last = lastGenerated(log);
  const sorted = [...accounts].sort((a, b) => (last.get(a.id) ?? '').localeCompare(last.get(b.id) ?? '') || a.name.localeCompare(b.name));
  const widgets: WidgetSpec[] = sorted.slice(from, from + max).map((a) => {
    const at = last.get(a.id);
    const when = at === undefined ? colour(GREY, 'Never generated') : /^\d{4}-\d{2}-\d{2}/.test(at) ? `Generated ${fmt.date(at.slice(0, 10))}` : `Generated ${escapeCardHtml(at)}`;
    return { kind: 'kv', topLabel: escapeCardHtml(a.name), text: when };
  });
  widgets.push(...seeAll('generated', accounts.length, max));
  return { header: 'Last generated', widgets };
}
