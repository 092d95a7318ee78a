/** The manager view (Sheets): the book's QBRs due in 30 days, overdue ones, action completion, last generated, and "run for the whole book". */
import type { AccountReview, BookReview } from '../../core/analysis/types';
import { addDays, type IsoDate } from '../../core/dates';
import { formatter, type Formatter } from '../../core/package/format';
import { progressWidgets, type BackgroundProgress } from './results-view';
import { byUrgency, dueWithin, nextQbr, nextQbrText } from './schedule';
import type { CardSpec, SectionSpec, WidgetSpec } from './spec';
import { bandBadge, bandWord, bold, colour, escapeCardHtml, GREY, plural, PRIMARY, RED } from './text';

export interface ManagerInput {
  book: BookReview;
  today: IsoDate;
  /** QBR Log rows: which account was generated when (ISO timestamps or dates). */
  log: { accountId: string; generatedAt: string }[];
  /** The whole-book run, when one was started. */
  job?: (BackgroundProgress & { running: boolean; stopped?: string }) | null;
}

export const DUE_WINDOW_DAYS = 30;
/** A section holds at most 100 widgets; lists stop well before that and say how many are left. */
const MAX_LIST = 20;
const MAX_TABLE = 50;

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
    runSection(input),
    listSection(`Overdue (${counts.overdue.length})`, counts.overdue, today, fmt, 'No QBR is overdue.'),
    listSection(`QBRs due in the next ${DUE_WINDOW_DAYS} days (${counts.dueSoon.length})`, counts.dueSoon, today, fmt, `No QBR falls due in the next ${DUE_WINDOW_DAYS} days.`),
    completionSection(book.accounts, fmt),
    generatedSection(book.accounts, input.log, fmt),
  ];
  return {
    name: 'manager',
    header: { title: 'Manager view', subtitle: `${plural(book.accounts.length, 'account')} · as of ${fmt.date(today)}` },
    sections,
  };
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
    { kind: 'text', html: colour(GREY, 'Makes every account’s package in background batches (past the 6-minute limit) and logs each in the QBR Log tab. Drafts are never sent.') },
    { kind: 'buttons', buttons: [{ text: 'Run for the whole book', style: 'filled', color: PRIMARY, action: { name: 'runBook' } }] },
  );
  return { header: 'Whole-book run', widgets };
}

function listSection(header: string, accounts: AccountReview[], today: IsoDate, fmt: Formatter, empty: string): SectionSpec {
  if (accounts.length === 0) return { header, widgets: [{ kind: 'text', html: colour(GREY, empty) }] };
  const widgets: WidgetSpec[] = accounts.slice(0, MAX_LIST).map((a) => {
    const when = nextQbrText(nextQbr(a, today), fmt);
    return {
      kind: 'kv',
      topLabel: `${escapeCardHtml(a.segment)} · ${escapeCardHtml(a.people.csm ?? 'No CSM')}`,
      text: `${bold(escapeCardHtml(a.name))} ${bandBadge(a.health.band, a.health.score)}`,
      bottomLabel: a.overdue ? colour(RED, bold(escapeCardHtml(when))) : escapeCardHtml(when),
      action: { name: 'openAccount', params: { accountId: a.id } },
    };
  });
  if (accounts.length > MAX_LIST) widgets.push({ kind: 'text', html: colour(GREY, `${accounts.length - MAX_LIST} more`) });
  return { header, widgets };
}

/** Worst completion first: the accounts whose commitments are slipping are the ones to ask about. */
function completionSection(accounts: AccountReview[], fmt: Formatter): SectionSpec {
  const rate = (a: AccountReview) => a.actions.completionRate ?? 2;
  const sorted = [...accounts].sort((a, b) => rate(a) - rate(b) || a.name.localeCompare(b.name));
  const widgets: WidgetSpec[] = sorted.slice(0, MAX_TABLE).map((a) => {
    const r = a.actions.completionRate;
    const overdue = a.actions.overdue.length;
    return {
      kind: 'kv',
      topLabel: escapeCardHtml(a.name),
      text: r === null ? colour(GREY, 'No actions') : `${bandWord(a.actions.band, `${fmt.percent(r)} complete`)}${a.actions.band ? ` (${a.actions.band})` : ''}`,
      ...(overdue > 0 ? { bottomLabel: colour(RED, plural(overdue, 'overdue action')) } : {}),
    };
  });
  if (accounts.length > MAX_TABLE) widgets.push({ kind: 'text', html: colour(GREY, `${accounts.length - MAX_TABLE} more`) });
  return { header: 'Action completion', collapsible: true, uncollapsible: 5, widgets };
}

/** Never-generated first, then the oldest: what still needs a package. */
function generatedSection(accounts: AccountReview[], log: ManagerInput['log'], fmt: Formatter): SectionSpec {
  const last = lastGenerated(log);
  const sorted = [...accounts].sort((a, b) => (last.get(a.id) ?? '').localeCompare(last.get(b.id) ?? '') || a.name.localeCompare(b.name));
  const widgets: WidgetSpec[] = sorted.slice(0, MAX_TABLE).map((a) => {
    const at = last.get(a.id);
    const when = at === undefined ? colour(GREY, 'Never generated') : /^\d{4}-\d{2}-\d{2}/.test(at) ? `Generated ${fmt.date(at.slice(0, 10))}` : `Generated ${escapeCardHtml(at)}`;
    return { kind: 'kv', topLabel: escapeCardHtml(a.name), text: when };
  });
  if (accounts.length > MAX_TABLE) widgets.push({ kind: 'text', html: colour(GREY, `${accounts.length - MAX_TABLE} more`) });
  return { header: 'Last generated', collapsible: true, uncollapsible: 5, widgets };
}
