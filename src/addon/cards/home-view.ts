/** The home card: connect a tracker, then the book as a searchable list (band, segment, next QBR, overdue), and what is wrong with the tracker. */
import type { AccountReview, BookReview } from '../../core/analysis/types';
import type { IsoDate } from '../../core/dates';
import { formatter } from '../../core/package/format';
import { describeFinding } from '../../core/package/package';
import { byUrgency, dueWithin, formatterCache, nextQbr, nextQbrText } from './schedule';
import type { ActionSpec, ButtonSpec, CardSpec, SectionSpec, WidgetSpec } from './spec';
import { bandBadge, bold, colour, escapeCardHtml, GREY, plural, PRIMARY, RED } from './text';

export type Host = 'slides' | 'sheets' | 'other';

export interface HomeInput {
  /** The tracker remembered for this user, or null before one is connected. */
  trackerUrl: string | null;
  /** The analysed tracker; null when none is connected or it could not be opened (see `error`). */
  book: BookReview | null;
  query: string;
  today: IsoDate;
  host: Host;
  /** A problem from the last action (opening the tracker, a bad URL), shown at the top. */
  error?: string | null;
  /** Rows in the list before "Show more" (default 15: a sidebar; "Show more" adds 15 at a time, up to 90 on one card). */
  maxRows?: number;
  /**
   * Spreadsheets Drive lists for the add-on, offered as a dropdown (`trackerPick`) next to the URL box. With the
   * drive.file scope these are the ones it made (the example) or the user gave it ("Use this spreadsheet").
   */
  candidates?: { name: string; url: string }[];
  /** The bundle carries the example tracker: offer to make a copy in the user's Drive (the `copyExample` action). */
  canCopyExample?: boolean;
  /** The signed-in user's email: "My accounts" are those whose `CSM Email` is this address. */
  userEmail?: string | null;
  /** `mine` (the default when the user has accounts) or `all`. */
  scope?: 'mine' | 'all';
}

/** Rows per step of "Show more": a screen and a half of a sidebar, well inside the 100 widgets a card may hold. */
export const HOME_ROWS = 15;
const MAX_SUGGESTIONS = 200;
const DEFAULT_ROWS = HOME_ROWS;
const DUE_SOON_DAYS = 30;

export function homeCard(input: HomeInput): CardSpec {
  const sections: SectionSpec[] = [];
  if (input.error) sections.push(errorSection(input.error));
  if (input.trackerUrl === null) {
    sections.push(connectSection(input));
  } else if (input.book === null) {
    sections.push({
      header: 'Tracker',
      widgets: [{ kind: 'text', html: `${escapeCardHtml(input.trackerUrl)}<br>could not be read. Reload once it is fixed, or change the tracker.` }],
    });
  } else {
    sections.push(...bookSections(input.book, input));
  }
  sections.push(toolsSection(input));
  return {
    name: 'home',
    header: { title: 'QBR Facilitator', subtitle: input.trackerUrl === null ? 'Connect your tracker to start' : subtitle(input.book, input) },
    sections,
  };
}

/** The counts of the list below it: a CSM reading "25 overdue" over their own 15 accounts would take them for theirs. */
function subtitle(book: BookReview | null, input: HomeInput): string {
  if (book === null) return 'Tracker not readable';
  const today = input.today;
  const mine = book.accounts.length > 0 && scopeOf(book, input) === 'mine';
  const pool = mine ? myAccounts(book.accounts, input.userEmail) : book.accounts;
  const overdue = pool.filter((a) => a.overdue).length;
  // The book's first account sets the date style: a tracker has one locale in practice (Settings).
  const first = book.accounts[0];
  const fmt = formatter(first?.locale ?? 'en-US', first?.currency ?? 'USD');
  const dueSoon = pool.filter((x) => dueWithin(x, today, DUE_SOON_DAYS)).length;
  return `${mine ? `${plural(pool.length, 'account')} of yours` : plural(pool.length, 'account')} · ${overdue} overdue · ${dueSoon} due in ${DUE_SOON_DAYS} days · as of ${fmt.date(today)}`;
}

function errorSection(message: string): SectionSpec {
  // A short red lead says something is wrong; the sentence itself stays readable, not a block of bold red.
  return { widgets: [{ kind: 'text', html: `${colour(RED, bold('Problem:'))} ${escapeCardHtml(message)}` }] };
}

function connectSection(input: HomeInput): SectionSpec {
  const widgets: WidgetSpec[] = [
    { kind: 'text', html: 'Paste the link of your customer-success tracker (a Google Sheet). It is remembered for you only; change it any time.' },
  ];
  if (input.candidates && input.candidates.length > 0) {
    widgets.push({
      kind: 'select', name: 'trackerPick', title: 'Spreadsheets the add-on can open', type: 'dropdown',
      items: [{ text: 'Choose a spreadsheet…', value: '', selected: true }, ...input.candidates.map((c) => ({ text: c.name, value: c.url, selected: false }))],
    });
  }
  widgets.push(
    { kind: 'input', name: 'trackerUrl', title: 'Tracker URL', hint: 'https://docs.google.com/spreadsheets/d/…' },
    // In Sheets the open spreadsheet is usually the tracker itself: one click instead of copying its URL, so it is the main button.
    { kind: 'buttons', buttons: [{ text: 'Connect', ...(input.host === 'sheets' ? {} : { style: 'filled' as const, color: PRIMARY }), action: { name: 'connectTracker' } }] },
  );
  if (input.host === 'sheets') {
    widgets.push({ kind: 'buttons', buttons: [{ text: 'Use this spreadsheet', style: 'filled', color: PRIMARY, action: { name: 'connectTracker', params: { source: 'active' } } }] });
  }
  // Above the help text: someone without a tracker yet should see the way to try it without scrolling.
  if (input.canCopyExample) {
    widgets.push(
      { kind: 'text', html: colour(GREY, 'No tracker yet? Try the add-on on an example book of 8 accounts: a copy goes to your Drive and is connected.') },
      { kind: 'buttons', buttons: [{ text: 'Copy the example tracker', action: { name: 'copyExample' } }] },
    );
  }
  widgets.push({
    kind: 'text',
    html: `${bold('How the tracker looks')}<br>One tab ${bold('Accounts')} with Account ID, Account and ARR is enough. `
      + 'Metrics, Value, Outcomes, Stakeholders, Risks, Opportunities, Roadmap, Goals, Actions and Settings tabs add to the review; '
      + 'columns are found by their header, in any order.',
  });
  return { header: 'Connect your tracker', widgets };
}

function bookSections(book: BookReview, input: HomeInput): SectionSpec[] {
  const sections: SectionSpec[] = [];
  const problems = problemWidgets(book);
  if (book.accounts.length === 0) {
    // Nothing to list: the problems are the whole story, so they are not folded away.
    sections.push({
      header: 'No accounts could be read',
      widgets: [{ kind: 'text', html: 'Fix the problems below in the tracker, then reload.' }, ...problems],
    });
    return sections;
  }
  const scope = scopeOf(book, input);
  sections.push(searchSection(book, input, scope));
  sections.push(listSection(book, input, scope));
  if (problems.length > 0) {
    // Folded shut: the fixes are for whoever keeps the tracker, and the prep brief lists them for the CSM.
    sections.push({ header: `Tracker problems (${problems.length})`, collapsible: true, uncollapsible: 0, widgets: problems });
  }
  return sections;
}

/** The accounts whose `CSM Email` is the signed-in user's (case-insensitive). */
export function myAccounts(accounts: AccountReview[], email: string | null | undefined): AccountReview[] {
  const me = (email ?? '').trim().toLowerCase();
  if (me === '') return [];
  return accounts.filter((a) => (a.people.csmEmail ?? '').trim().toLowerCase() === me);
}

/** "My accounts" by default when the user has any; a manager or an admin without accounts sees the whole book. */
function scopeOf(book: BookReview, input: HomeInput): 'mine' | 'all' {
  if (input.scope === 'all') return 'all';
  return myAccounts(book.accounts, input.userEmail).length > 0 ? 'mine' : 'all';
}

function searchSection(book: BookReview, input: HomeInput, scope: 'mine' | 'all'): SectionSpec {
  const mine = myAccounts(book.accounts, input.userEmail).length;
  const widgets: WidgetSpec[] = [
    {
      kind: 'input', name: 'query', title: 'Search accounts', value: input.query, hint: 'Account name or ID', onChange: { name: 'search', params: { scope } },
      // Names in the current scope, offered by the client as the user types (no round trip); capped to keep the card small.
      suggestions: [...(scope === 'mine' ? myAccounts(book.accounts, input.userEmail) : book.accounts)].map((a) => a.name).sort((x, y) => x.localeCompare(y)).slice(0, MAX_SUGGESTIONS),
    },
  ];
  if (mine > 0) {
    const other = scope === 'mine'
      ? { text: `All accounts (${book.accounts.length})`, action: { name: 'search', params: { scope: 'all' } } }
      : { text: `My accounts (${mine})`, action: { name: 'search', params: { scope: 'mine' } } };
    widgets.push({ kind: 'buttons', buttons: [other] });
  }
  return { widgets };
}

/** Case-insensitive "contains" on name or ID: what people type is a fragment of either. */
export function matchAccounts(accounts: AccountReview[], query: string): AccountReview[] {
  const q = query.trim().toLowerCase();
  if (q === '') return accounts;
  return accounts.filter((a) => a.name.toLowerCase().includes(q) || a.id.toLowerCase().includes(q));
}

function listSection(book: BookReview, input: HomeInput, scope: 'mine' | 'all'): SectionSpec {
  const max = Math.max(1, input.maxRows ?? DEFAULT_ROWS);
  const pool = scope === 'mine' ? myAccounts(book.accounts, input.userEmail) : book.accounts;
  // A copy: the book is the caller's (and cached between actions), so sorting must not reorder it.
  const found = [...matchAccounts(pool, input.query)].sort(byUrgency(input.today));
  const query = input.query.trim();
  const name = scope === 'mine' ? 'My accounts' : 'Accounts';
  const header = query === '' ? `${name}${scope === 'mine' ? ` (${found.length})` : ''}` : `${name} matching “${escapeCardHtml(query)}” (${found.length})`;
  if (found.length === 0) {
    return { header, widgets: [{ kind: 'text', html: `No account name or ID contains “${escapeCardHtml(query)}”.` }] };
  }
  const fmtFor = formatterCache(formatter);
  const widgets: WidgetSpec[] = found.slice(0, max).map((a) => accountRow(a, input.today, fmtFor(a)));
  if (found.length > max) {
    // At most 90 rows on one card (Google's limit is 100 widgets per card); past that, the search narrows it.
    const next = Math.min(found.length, max + HOME_ROWS, 90);
    if (next > max) {
      widgets.push({ kind: 'buttons', buttons: [{ text: `Show more (${found.length - max} left)`, action: { name: 'search', params: { scope, rows: String(next) } } }] });
    } else {
      widgets.push({ kind: 'text', html: colour(GREY, `${found.length - max} more — refine the search`) });
    }
  }
  return { header, widgets };
}

function accountRow(a: AccountReview, today: IsoDate, fmt: ReturnType<typeof formatter>): WidgetSpec {
  const next = nextQbr(a, today);
  const when = nextQbrText(next, fmt);
  const flags = [next.kind === 'overdue' ? colour(RED, bold(escapeCardHtml(when))) : escapeCardHtml(when)];
  if (a.actions.overdue.length > 0) flags.push(colour(RED, plural(a.actions.overdue.length, 'overdue action')));
  const open: ActionSpec = { name: 'openAccount', params: { accountId: a.id } };
  return {
    kind: 'kv',
    topLabel: `${escapeCardHtml(a.segment)} · ${escapeCardHtml(a.id)}`,
    text: `${bold(escapeCardHtml(a.name))} ${bandBadge(a.health.band, a.health.score)}`,
    bottomLabel: flags.join(' · '),
    action: open,
    endIcon: 'chevron',
  };
}

/** Skipped accounts first (they are missing from the list), then the workbook's own findings, errors before warnings. */
function problemWidgets(book: BookReview): WidgetSpec[] {
  const skippedIds = new Set(book.skipped.map((s) => s.id));
  const skipped: WidgetSpec[] = book.skipped.map((s) => ({
    kind: 'kv', topLabel: colour(RED, `Skipped · ${escapeCardHtml(s.id)}`), text: escapeCardHtml(s.reason),
  }));
  // A skipped account's error is already its reason; listing it twice would double the count.
  const findings = book.findings
    .filter((f) => !(f.severity === 'error' && f.accountId !== undefined && skippedIds.has(f.accountId)))
    .sort((x, y) => (x.severity === y.severity ? 0 : x.severity === 'error' ? -1 : 1))
    .map((f): WidgetSpec => ({
      kind: 'kv',
      topLabel: f.severity === 'error' ? colour(RED, 'Error') : colour(GREY, 'Warning'),
      text: escapeCardHtml(describeFinding(f)),
    }));
  return [...skipped, ...findings];
}

function toolsSection(input: HomeInput): SectionSpec {
  const buttons: WidgetSpec[] = [];
  const row: ButtonSpec[] = [];
  if (input.book !== null && input.book.accounts.length > 0) row.push({ text: 'Manager view', action: { name: 'openManager' } });
  if (input.trackerUrl !== null) row.push({ text: 'Reload', action: { name: 'openHome' } });
  row.push({ text: 'Settings', action: { name: 'openSettings' } });
  if (input.trackerUrl !== null) row.push({ text: 'Change tracker', action: { name: 'disconnectTracker' } });
  buttons.push({ kind: 'buttons', buttons: row });
  return { widgets: buttons };
}
