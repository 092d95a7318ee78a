/**
 * The one dispatcher for card actions: action names are data, handlers are plain functions of (context) → what
 * to show. Google work happens here through the injected Host, within the card's 30-second budget.
 */
import { buildPackage } from '../../core/package/package';
import { explainApiError } from '../../google/errors';
import { driveIdOf } from '../../google/drive';
import { ApiError } from '../../google/execute';
import { qbrLogRecords, spreadsheetIdOf } from '../../google/tracker-io';
import type { PackagePart } from '../../google/package-run';
import { accountCard } from '../cards/account-view';
import { homeCard, type Host as HostApp } from '../cards/home-view';
import { managerCard } from '../cards/manager-view';
import { errorCard, resultsCard } from '../cards/results-view';
import { settingsCard } from '../cards/settings-view';
import type { ActionName, ActionResultSpec, CardSpec, GenerateWhat } from '../cards/spec';
import { OutOfTime } from '../gas/transport';
import { isoDateIn } from './clock';
import type { Host } from './host';
import { addonHolidays } from '../gas/holidays';
import { AddonStore } from './store';
import { CARD_BUDGET_MS, loadBook, queue, runJobSlice, runOne, type Loaded } from './work';

export interface ActionContext {
  host: Host;
  params: Record<string, string>;
  /** Form inputs as strings (date pickers already as YYYY-MM-DD). */
  form: Record<string, string>;
  app: HostApp;
  /** The open Sheets/Slides file, when the add-on has file scope for it. */
  activeFileId?: string | null;
}

type Handler = (ctx: ActionContext) => ActionResultSpec;

const PARTS: Record<GenerateWhat, Partial<Record<PackagePart, boolean>> | null> = {
  package: null, digital: { drafts: true }, deck: { deck: true }, draft: { drafts: true }, holds: { holds: true }, docs: { docs: true },
};

const show = (card: CardSpec, how: 'push' | 'update' = 'push'): ActionResultSpec => ({ navigation: how === 'push' ? { push: card } : { update: card } });

export const HANDLERS: Record<ActionName, Handler> = {
  openHome: (ctx) => show(homeView(ctx), 'update'),
  search: (ctx) => show(homeView(ctx, ctx.form.query ?? ''), 'update'),
  connectTracker: (ctx) => {
    const input = (ctx.form.trackerUrl || ctx.form.trackerPick || '').trim();
    // "Use this spreadsheet" in Sheets: the open file — once the user grants the add-on access to it (drive.file).
    if (ctx.params.source === 'active' && !ctx.activeFileId) return { requestFileScope: true };
    const id = ctx.params.source === 'active' && ctx.activeFileId ? ctx.activeFileId : spreadsheetIdOf(input);
    if (!id) return show(homeView(ctx, '', `"${input}" is not a Google Sheets link: open the tracker and copy its address bar URL.`), 'update');
    new AddonStore(ctx.host.store).setTracker(id);
    return { ...show(homeView(ctx), 'update'), notification: 'Tracker connected' };
  },
  disconnectTracker: (ctx) => {
    new AddonStore(ctx.host.store).setTracker(null);
    return show(homeView(ctx), 'update');
  },
  openAccount: (ctx) => withBook(ctx, (loaded) => {
    const review = loaded.book.accounts.find((a) => a.id === ctx.params.accountId);
    if (!review) return show(errorCard({ title: 'Account not available', message: `${ctx.params.accountId} is not in the tracker, or it has errors to fix first (see Tracker problems).` }));
    const pkg = buildPackage(review, { today: loaded.today, holidays: addonHolidays() });
    const last = lastLogged(loaded, review.id);
    return show(accountCard({ review, today: loaded.today, qbrDate: pkg.qbrDate, qbrDateBasis: pkg.qbrDateBasis, dataToConfirm: pkg.dataToConfirm, lastGenerated: last }));
  }),
  generate: (ctx) => withBook(ctx, (loaded) => {
    const accountId = ctx.params.accountId ?? '';
    const what = (ctx.params.what ?? 'package') as GenerateWhat;
    const parts = PARTS[what] ?? null;
    const qbrDate = ctx.form.qbrDate || null;
    const share = ctx.form.shareWithChampion === 'yes' || ctx.form.shareWithChampion === 'true';
    const review = loaded.book.accounts.find((a) => a.id === accountId);
    // Under the user's lock: a background slice working on the same account must not copy the template twice.
    const result = ctx.host.withLock(() => {
      new AddonStore(ctx.host.store).forget(accountId, parts);
      return runOne(ctx.host, loaded, accountId, { qbrDate, share, ...(parts ? { parts } : {}) });
    });
    if (result === null) return { notification: 'A background run is working on your book; try again in a minute' };
    if (result.kind === 'paused') {
      // Out of the card's 30 seconds: the rest continues in the background, from the saved steps.
      queue(ctx.host, { accountIds: [accountId], done: [], failed: [], qbrDate, share, timezone: ctx.host.timezone, ...(parts ? { parts } : {}), startedAt: ctx.host.now() });
      return show(resultsCard({ accountName: review?.name ?? accountId, warnings: [], inProgress: { done: 0, total: 1 } }));
    }
    const o = result.outcome;
    return show(resultsCard({
      accountName: review?.name ?? accountId, deckUrl: o.deckUrl,
      docUrls: [...o.docUrls.map((url, i) => ({ title: i === 0 ? 'Pre-read' : 'Action plan', url })), ...(o.prepBriefUrl ? [{ title: 'prep brief (internal)', url: o.prepBriefUrl }] : [])],
      draftIds: o.draftIds, holds: o.holds, warnings: o.warnings, locale: review?.locale ?? 'en-US',
    }));
  }),
  runBook: (ctx) => withBook(ctx, (loaded) => {
    const store = new AddonStore(ctx.host.store);
    const running = store.job();
    if (running && !running.finishedAt) {
      return { ...show(managerCard({ book: loaded.book, today: loaded.today, log: logRows(loaded), job: { done: running.done.length, total: running.accountIds.length, running: true } }), 'update'), notification: 'The book is already running' };
    }
    const ids = loaded.book.accounts.map((a) => a.id);
    // A whole-book run regenerates every finished package (drafts and holds are updated, not duplicated).
    for (const id of ids) store.forget(id, null);
    queue(ctx.host, { accountIds: ids, done: [], failed: [], qbrDate: null, timezone: ctx.host.timezone, startedAt: ctx.host.now() });
    return { ...show(managerCard({ book: loaded.book, today: loaded.today, log: logRows(loaded), job: { done: 0, total: ids.length, running: true } }), 'update'), notification: `Running ${ids.length} accounts in the background` };
  }),
  refreshJob: (ctx) => {
    const slice = runJobSlice(ctx.host, CARD_BUDGET_MS);
    const job = slice === 'locked' ? new AddonStore(ctx.host.store).job() : slice;
    if (!job) return show(homeView(ctx), 'update');
    const running = !job.finishedAt;
    return { ...show(resultsCard({ accountName: `${job.accountIds.length} account${job.accountIds.length === 1 ? '' : 's'}`, warnings: job.failed.map((f) => `${f.id}: ${f.reason}`), inProgress: running ? { done: job.done.length, total: job.accountIds.length } : null }), 'update'), ...(slice === 'locked' ? { notification: 'Still running in the background' } : {}) };
  },
  openManager: (ctx) => withBook(ctx, (loaded) => {
    const job = new AddonStore(ctx.host.store).job();
    return show(managerCard({ book: loaded.book, today: loaded.today, log: logRows(loaded), job: job ? { done: job.done.length, total: job.accountIds.length, running: !job.finishedAt } : null }));
  }),
  openSettings: (ctx) => show(settingsCard({ ...new AddonStore(ctx.host.store).settings(), userTimezone: ctx.host.timezone })),
  saveSettings: (ctx) => {
    const store = new AddonStore(ctx.host.store);
    const length = ctx.form.defaultLength?.trim() ? Number(ctx.form.defaultLength) : null;
    const errors: Partial<Record<'timezone' | 'defaultLength', string>> = {};
    if (length !== null && !(Number.isInteger(length) && length >= 15 && length <= 240)) errors.defaultLength = 'Minutes between 15 and 240';
    const tz = ctx.form.timezone?.trim() || null;
    if (tz && !validZone(tz)) errors.timezone = `"${tz}" is not a time zone name like America/New_York`;
    const next = { templateId: driveIdOf(ctx.form.templateId), folderId: driveIdOf(ctx.form.folderId), timezone: tz, defaultLengthMinutes: length };
    if (Object.keys(errors).length > 0) return show(settingsCard({ ...next, userTimezone: ctx.host.timezone, errors }), 'update');
    store.setSettings(next);
    return { navigation: { popToRoot: true }, notification: 'Settings saved' };
  },
};

export function dispatch(name: string, ctx: ActionContext): ActionResultSpec {
  const handler = (HANDLERS as Record<string, Handler>)[name];
  if (!handler) return show(errorCard({ title: 'Unknown action', message: `The add-on has no action "${name}".`, fix: 'Reload the add-on.' }));
  try {
    return handler(ctx);
  } catch (e) {
    return show(failureCard(e));
  }
}

/** Any failure as a card that says what to fix (ApiErrors through the same explanations as the CLI). */
export function failureCard(e: unknown): CardSpec {
  if (e instanceof OutOfTime) return errorCard({ title: 'Still working', message: 'Reading the tracker took the whole 30 seconds.', fix: 'Try again; large trackers are faster the second time.' });
  if (e instanceof ApiError) {
    const why = explainApiError(e);
    return errorCard({ title: 'Google said no', message: why.message });
  }
  return errorCard({ title: 'Something went wrong', message: (e as Error)?.message ?? String(e) });
}

export function homeView(ctx: ActionContext, query = '', error: string | null = null): CardSpec {
  const store = new AddonStore(ctx.host.store);
  const tracker = store.tracker();
  const today = isoDateIn(ctx.host.now(), ctx.host.timezone);
  if (!tracker) return homeCard({ trackerUrl: null, book: null, query, today, host: ctx.app, error });
  try {
    const loaded = loadBook(ctx.host, tracker, ctx.host.now() + CARD_BUDGET_MS);
    return homeCard({ trackerUrl: `https://docs.google.com/spreadsheets/d/${tracker}/edit`, book: loaded.book, query, today, host: ctx.app, error });
  } catch (e) {
    const message = e instanceof ApiError ? explainApiError(e).message : (e as Error).message;
    return homeCard({ trackerUrl: `https://docs.google.com/spreadsheets/d/${tracker}/edit`, book: null, query, today, host: ctx.app, error: message });
  }
}

function withBook(ctx: ActionContext, fn: (loaded: Loaded) => ActionResultSpec): ActionResultSpec {
  const tracker = new AddonStore(ctx.host.store).tracker();
  if (!tracker) return show(homeView(ctx), 'update');
  return fn(loadBook(ctx.host, tracker, ctx.host.now() + CARD_BUDGET_MS));
}

function logRows(loaded: Loaded): { accountId: string; generatedAt: string }[] {
  return qbrLogRecords(loaded.tracker).map((r) => ({ accountId: r.accountId, generatedAt: r.generatedAt }));
}

function lastLogged(loaded: Loaded, accountId: string): { at: string; deckUrl?: string | null } | null {
  const rows = logRows(loaded).filter((r) => r.accountId === accountId).sort((a, b) => b.generatedAt.localeCompare(a.generatedAt));
  return rows[0] ? { at: rows[0].generatedAt } : null;
}

function validZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
