/**
 * The one dispatcher for card actions: action names are data, handlers are plain functions of (context) → what
 * to show. Google work happens here through the injected Host, within the card's 30-second budget.
 */
import { buildPackage } from '../../core/package/package';
import { ALL_DRIVES, createFolderCall, driveIdOf } from '../../google/drive';
import { createExampleCall, EXAMPLE_TITLE, exampleTabs, fillExampleCall } from './example';
import { ApiError } from '../../google/execute';
import { qbrLogRecords, spreadsheetIdOf } from '../../google/tracker-io';
import type { PackagePart } from '../../google/package-run';
import { accountCard } from '../cards/account-view';
import { isIsoDate } from '../../core/dates';
import { qbrToRecord, recordFormCard, saveRecord, type RecordForm } from './record';
import { programCard, writeProgram } from './program';
import { withProgramButton } from '../cards/program-view';
import { homeCard, type Host as HostApp } from '../cards/home-view';
import { managerCard, managerListCard, type ManagerList } from '../cards/manager-view';
import { bookRunConfirmCard, disconnectConfirmCard, regenerateConfirmCard, type BookRunPlan } from '../cards/confirm-view';
import { errorCard, resultsCard, type ResultsInput } from '../cards/results-view';
import { settingsCard } from '../cards/settings-view';
import type { ActionName, ActionResultSpec, ActionSpec, CardSpec, GenerateWhat } from '../cards/spec';
import { addonApiFailure } from './errors';
import { DAILY_LIMIT, OutOfTime } from '../gas/transport';
import { isoDateIn } from './clock';
import type { Host } from './host';
import { addonHolidays } from '../gas/holidays';
import type { AccountReview } from '../../core/analysis/types';
import { latestLog, packageStatus, type PackageStatus } from './package-status';
import { AddonStore } from './store';
import { CARD_BUDGET_MS, describeFailure, FOLDER_UNREACHABLE, inPlaceReport, jobProgress, otherWarnings, TEMPLATE_UNREACHABLE, loadBook, queue, runJobSlice, runOne, type Loaded } from './work';

export interface ActionContext {
  host: Host;
  params: Record<string, string>;
  /** Form inputs as strings (date pickers already as YYYY-MM-DD). */
  form: Record<string, string>;
  /** Every value of a multi-valued input (check boxes), by name. */
  lists?: Record<string, string[]>;
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
  // Home is the root: going there pops everything above it, so Back never leads from a home card to another.
  openHome: (ctx) => ({ navigation: { popToRoot: true, update: homeView(ctx) } }),
  back: () => ({ navigation: { pop: true } }),
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
    const store = new AddonStore(ctx.host.store);
    const tracker = store.tracker();
    if (tracker && ctx.params.step !== 'confirmed') return show(disconnectConfirmCard(`https://docs.google.com/spreadsheets/d/${tracker}/edit`));
    store.setTracker(null);
    return { navigation: { popToRoot: true, update: homeView(ctx) }, notification: 'Tracker disconnected' };
  },
  openAccount: (ctx) => withBook(ctx, (loaded) => {
    const review = loaded.book.accounts.find((a) => a.id === ctx.params.accountId);
    if (!review) return show(errorCard({ title: 'Account not available', message: `${ctx.params.accountId} is not in the tracker, or it has errors to fix first (see Tracker problems).` }));
    const status = accountStatus(ctx, loaded, review);
    // A package made for an upcoming date is the CSM's choice: the card starts on that date (so "Refresh numbers"
    // updates it) rather than on a default that would start a second package for another day.
    const made = status.qbrDate && status.qbrDate >= loaded.today ? status.qbrDate : null;
    const pkg = buildPackage(review, { today: loaded.today, holidays: addonHolidays(), ...(made ? { qbrDate: made } : {}) });
    const basis = made ? 'the date of the package you made last' : pkg.qbrDateBasis;
    const prepBrief = status.docs.find((d) => d.title === 'Prep brief')?.url ?? null;
    const last = status.generatedAt ? { at: status.generatedAt, qbrDate: status.qbrDate, deckUrl: status.deckUrl, prepBriefUrl: prepBrief } : null;
    const willMake = { decks: pkg.deck ? 1 : 0, docs: pkg.deck ? 3 : 0, drafts: pkg.emails.length, holds: pkg.holds.length };
    const recordDate = review.deck ? qbrToRecord(review, qbrLogRecords(loaded.tracker), loaded.today) : null;
    return show(accountCard({ review, today: loaded.today, qbrDate: pkg.qbrDate, qbrDateBasis: basis, dataToConfirm: pkg.dataToConfirm, lastGenerated: last, willMake, recordDate }));
  }),
  openRecord: (ctx) => withRecord(ctx, (_loaded, f) => show(recordFormCard(f), ctx.params.keep === 'yes' ? 'update' : 'push')),
  saveRecord: (ctx) => withRecord(ctx, (loaded, f) => saveRecord(ctx.host, loaded, f)),
  openProgram: (ctx) => withBook(ctx, (loaded) => show(programCard(loaded))),
  writeProgram: (ctx) => withBook(ctx, (loaded) => writeProgram(loaded)),
  generate: (ctx) => withBook(ctx, (loaded) => {
    const accountId = ctx.params.accountId ?? '';
    const what = (ctx.params.what ?? 'package') as GenerateWhat;
    const parts = PARTS[what] ?? null;
    // The confirmation card carries the account card's date and switch as parameters (it has no form of its own).
    const qbrDate = ctx.form.qbrDate || ctx.params.qbrDate || null;
    const share = ctx.form.shareWithChampion === 'yes' || ctx.form.shareWithChampion === 'true' || ctx.params.share === 'yes';
    const review = loaded.book.accounts.find((a) => a.id === accountId);
    const regenerate = ctx.params.regenerate === 'yes' && !parts;
    if (regenerate && ctx.params.step !== 'run') return show(regenerateConfirmCard({ accountId, accountName: review?.name ?? accountId, qbrDate, share }));
    // Under the user's lock: a background slice working on the same account must not copy the template twice.
    const result = ctx.host.withLock(() => {
      const store = new AddonStore(ctx.host.store);
      if (regenerate) store.reset(accountId);
      else store.forget(accountId, parts);
      // A report from an earlier run must not pass for this one's while it finishes in the background.
      store.setChanges(accountId, null);
      store.setInPlace(accountId, null);
      return runOne(ctx.host, loaded, accountId, { qbrDate, share, keepChanges: true, regenerate, ...(parts ? { parts } : {}) });
    });
    if (result === null) return { notification: 'A background run is working on your book; try again in a minute' };
    if (result.kind === 'paused') {
      // Out of the card's 30 seconds: the rest continues in the background, from the saved steps.
      const job = queue(ctx.host, { accountIds: [accountId], done: [], failed: [], qbrDate, share, timezone: ctx.host.timezone, ...(parts ? { parts } : {}), ...(regenerate ? { regenerate: [accountId] } : {}), startedAt: ctx.host.now() });
      const status = review ? accountStatus(ctx, loaded, review, parts ?? undefined) : null;
      return show(resultsCard({
        ...(status ? statusResults(status) : {}), accountName: review?.name ?? accountId, warnings: [], locale: review?.locale ?? 'en-US',
        inProgress: { done: status?.steps.done ?? 0, total: status?.steps.total ?? 1, accountId, ...(job.continuation ? { continuation: job.continuation } : {}) },
      }));
    }
    const o = result.outcome;
    return show(resultsCard({
      accountName: review?.name ?? accountId, deckUrl: o.deckUrl,
      docUrls: [...o.docUrls.map((url, i) => ({ title: i === 0 ? 'Pre-read' : 'Action plan', url })), ...(o.prepBriefUrl ? [{ title: 'Prep brief', url: o.prepBriefUrl }] : [])],
      draftIds: o.draftIds, holds: o.holds, warnings: otherWarnings(o), locale: review?.locale ?? 'en-US', changes: o.changes,
      refresh: inPlaceReport(o, regenerate),
    }));
  }),
  runBook: (ctx) => withBook(ctx, (loaded) => {
    const store = new AddonStore(ctx.host.store);
    const running = store.job();
    if (running && !running.finishedAt) {
      return { ...show(managerCard({ book: loaded.book, today: loaded.today, log: logRows(loaded), job: jobProgress(running) }), 'update'), notification: 'The book is already running' };
    }
    if (ctx.params.step !== 'run') return show(bookRunConfirmCard(bookRunPlan(loaded, ctx.host.userEmail ?? null)));
    const ids = loaded.book.accounts.map((a) => a.id);
    // A whole-book run regenerates every finished package (drafts and holds are updated, not duplicated).
    for (const id of ids) store.forget(id, null);
    const job = queue(ctx.host, { accountIds: ids, done: [], failed: [], qbrDate: null, timezone: ctx.host.timezone, startedAt: ctx.host.now() });
    const how = job.continuation === 'manual' ? 'press Continue to run it in batches' : job.continuation === 'hourly' ? 'continuing hourly' : 'in the background';
    // Back from the confirmation to the manager view, redrawn with the run's progress.
    return { navigation: { pop: true, update: managerCard({ book: loaded.book, today: loaded.today, log: logRows(loaded), job: jobProgress(job) }) }, notification: `${ids.length} accounts queued: ${how}` };
  }),
  refreshJob: (ctx) => {
    const slice = runJobSlice(ctx.host, CARD_BUDGET_MS);
    const store = new AddonStore(ctx.host.store);
    const job = slice === 'locked' ? store.job() : slice;
    const busy = slice === 'locked' ? { notification: 'Another batch is running right now; try again in a minute' } : {};
    const tracker = store.tracker();
    const accountId = ctx.params.accountId || (job && job.accountIds.length === 1 ? job.accountIds[0] : '');
    if (!tracker || (!job && !accountId)) return show(homeView(ctx), 'update');
    const loaded = loadBook(ctx.host, tracker, ctx.host.now() + CARD_BUDGET_MS);
    const p = job ? jobProgress(job) : null;
    if (!accountId) {
      // A whole-book run: its progress lives on the manager view, which Refresh redraws in place.
      return { ...show(managerCard({ book: loaded.book, today: loaded.today, log: logRows(loaded), job: p }), 'update'), ...busy };
    }
    // One account: what exists now, from the saved run and the QBR Log, never "nothing" when something was made.
    const review = loaded.book.accounts.find((a) => a.id === accountId);
    const running = Boolean(p?.running && job?.accountIds.includes(accountId) && !job.done.includes(accountId) && !job.failed.some((f) => f.id === accountId));
    const failed = job?.failed.find((f) => f.id === accountId);
    const warnings = [...(p?.stopped ? [`Stopped early: ${p.stopped}`] : []), ...(failed ? [failed.reason] : [])];
    if (!review) return { ...show(resultsCard({ accountName: accountId, warnings }), 'update'), ...busy };
    const status = accountStatus(ctx, loaded, review, job?.parts);
    return {
      ...show(resultsCard({
        ...statusResults(status), accountName: review.name, warnings, locale: review.locale,
        ...(running ? {} : { changes: store.changes(accountId), refresh: store.inPlace(accountId) }),
        inProgress: running ? { done: status.steps.done, total: status.steps.total, accountId, ...(p?.continuation ? { continuation: p.continuation } : {}) } : null,
      }), 'update'),
      ...busy,
    };
  },
  openManager: (ctx) => withBook(ctx, (loaded) => {
    const job = new AddonStore(ctx.host.store).job();
    const input = { book: loaded.book, today: loaded.today, log: logRows(loaded), job: job ? jobProgress(job) : null };
    const list = ctx.params.list as ManagerList | undefined;
    if (list && LISTS.includes(list)) return show(managerListCard(input, list, Number(ctx.params.page) || 0), ctx.params.replace === 'yes' ? 'update' : 'push');
    return show(withProgramButton(managerCard(input)));
  }),
  openSettings: (ctx) => show(settingsCard({ ...new AddonStore(ctx.host.store).settings(), userTimezone: ctx.host.timezone, host: ctx.app })),
  useTemplate: (ctx) => {
    if (ctx.app !== 'slides') {
      return show(errorCard({ title: 'Open your template in Slides', message: 'This button works in Google Slides, with your team’s template open.', fix: 'Open the template in Google Slides, open QBR Facilitator there and press “Use this presentation as our template” in Settings.' }));
    }
    const store = new AddonStore(ctx.host.store);
    // Apps Script passes the open presentation (e.slides.id) only once the user has let the add-on use it (drive.file):
    // ask for it, and finish in onFileScopeGranted.
    if (!ctx.activeFileId) {
      store.setGrantIntent('template');
      return { requestFileScope: true };
    }
    store.setSettings({ ...store.settings(), templateId: ctx.activeFileId });
    return { ...show(settingsView(ctx), 'update'), notification: 'This presentation is now your team’s template' };
  },
  createFolder: (ctx) => {
    const store = new AddonStore(ctx.host.store);
    const made = ctx.host.transport(ctx.host.now() + CARD_BUDGET_MS).sendSync(createFolderCall(FOLDER_NAME, 'folderId')) as { id?: string };
    if (!made.id) throw new Error('Google did not return the new folder');
    store.setSettings({ ...store.settings(), folderId: made.id });
    return { ...show(settingsView(ctx), 'update'), notification: `Created the folder “${FOLDER_NAME}” in My Drive` };
  },
  copyExample: (ctx) => {
    const tabs = exampleTabs();
    if (!tabs) return show(errorCard({ title: 'No example in this version', message: 'This copy of the add-on was built without the example tracker.', fix: 'Paste the link of your own tracker instead.' }));
    const t = ctx.host.transport(ctx.host.now() + CARD_BUDGET_MS);
    const made = t.sendSync(createExampleCall(tabs)) as { spreadsheetId?: string };
    if (!made.spreadsheetId) throw new Error('Google did not return the new spreadsheet');
    t.sendSync(fillExampleCall(made.spreadsheetId, tabs));
    new AddonStore(ctx.host.store).setTracker(made.spreadsheetId);
    return { ...show(homeView(ctx), 'update'), notification: `Made “${EXAMPLE_TITLE}” in your Drive and connected it` };
  },
  saveSettings: (ctx) => {
    const store = new AddonStore(ctx.host.store);
    const typedLength = ctx.form.defaultLength?.trim() ?? '';
    // Whole minutes only: "90min" is not silently read as 90 (nor saved as NaN); the field keeps it, with the error under it.
    const length = typedLength === '' ? null : /^\d+$/.test(typedLength) ? Number(typedLength) : Number.NaN;
    const errors: Partial<Record<'timezone' | 'defaultLength', string>> = {};
    if (length !== null && !(Number.isInteger(length) && length >= 15 && length <= 240)) errors.defaultLength = `Enter whole minutes between 15 and 240, like 60 (not “${typedLength}”).`;
    const tz = ctx.form.timezone?.trim() || null;
    if (tz && !validZone(tz)) errors.timezone = `"${tz}" is not a time zone this add-on knows; choose one from the list.`;
    const next = { templateId: driveIdOf(ctx.form.templateId), folderId: driveIdOf(ctx.form.folderId), timezone: tz, defaultLengthMinutes: length };
    if (Object.keys(errors).length > 0) {
      const typed = { templateId: ctx.form.templateId ?? '', folderId: ctx.form.folderId ?? '', timezone: ctx.form.timezone ?? '', defaultLength: ctx.form.defaultLength ?? '' };
      return show(settingsCard({ ...next, defaultLengthMinutes: null, userTimezone: ctx.host.timezone, host: ctx.app, errors, typed }), 'update');
    }
    store.setSettings(next);
    return { navigation: { popToRoot: true }, notification: 'Settings saved' };
  },
};

const FOLDER_NAME = 'QBR packages';
const LISTS: ManagerList[] = ['overdue', 'due', 'completion', 'generated', 'csms'];

/** What a whole-book run will make, counted from the plans (pure, no Google call), for its confirmation card. */
function bookRunPlan(loaded: Loaded, userEmail: string | null): BookRunPlan {
  let decks = 0;
  let drafts = 0;
  let holds = 0;
  for (const a of loaded.book.accounts) {
    const p = buildPackage(a, { today: loaded.today, holidays: addonHolidays() });
    if (p.deck) decks++;
    drafts += p.emails.length;
    holds += p.holds.length;
  }
  return { accounts: loaded.book.accounts.length, decks, drafts, holds, userEmail };
}

function settingsView(ctx: ActionContext): CardSpec {
  return settingsCard({ ...new AddonStore(ctx.host.store).settings(), userTimezone: ctx.host.timezone, host: ctx.app });
}

/**
 * The user granted the open file (drive.file): in Slides after "use this presentation as our template" it becomes
 * the template; in Sheets the open sheet becomes the tracker unless one is connected already.
 */
export function fileScopeGranted(ctx: ActionContext): CardSpec {
  const store = new AddonStore(ctx.host.store);
  const intent = store.grantIntent();
  store.setGrantIntent(null);
  if (ctx.app === 'slides' && ctx.activeFileId && intent === 'template') {
    store.setSettings({ ...store.settings(), templateId: ctx.activeFileId });
    return settingsView(ctx);
  }
  if (ctx.app === 'sheets' && ctx.activeFileId && !store.tracker()) store.setTracker(ctx.activeFileId);
  return homeView(ctx);
}

export function dispatch(name: string, ctx: ActionContext): ActionResultSpec {
  const handler = (HANDLERS as Record<string, Handler>)[name];
  if (!handler) return show(errorCard({ title: 'Unknown action', message: `The add-on has no action "${name}".`, fix: 'Reload the add-on.' }));
  try {
    return handler(ctx);
  } catch (e) {
    const store = new AddonStore(ctx.host.store);
    const params = Object.fromEntries(Object.entries(ctx.params).filter(([k]) => k !== 'action'));
    const tracker = store.tracker();
    return show(failureCard(e, store.settings(), {
      retry: { name, ...(Object.keys(params).length > 0 ? { params } : {}) },
      trackerUrl: tracker ? `https://docs.google.com/spreadsheets/d/${tracker}/edit` : null,
    }));
  }
}

/** Any failure as a card that says what to fix, in the add-on's words; "Try again" where retrying can help. */
export function failureCard(e: unknown, settings?: { templateId: string | null; folderId: string | null }, how: { retry?: ActionSpec; trackerUrl?: string | null } = {}): CardSpec {
  const why = describeFailure(e, settings);
  if (why === TEMPLATE_UNREACHABLE || why === FOLDER_UNREACHABLE) {
    return errorCard({ title: why === TEMPLATE_UNREACHABLE ? 'Choose your template for the add-on' : 'Choose a folder the add-on made', message: why });
  }
  if (e instanceof OutOfTime) {
    return errorCard({ title: 'Still working', message: 'Reading the tracker took the whole 30 seconds a card may take.', fix: 'Try again: large trackers are faster the second time.', ...(how.retry ? { retry: how.retry } : {}) });
  }
  if (e instanceof ApiError && e.reason === DAILY_LIMIT) return errorCard({ title: 'Daily quota used up', message: describeFailure(e), fix: 'Run it again tomorrow; finished steps are kept.' });
  if (e instanceof ApiError) {
    const f = addonApiFailure(e);
    return errorCard({
      title: f.title, message: f.message, fix: f.fix, ...(f.retryable && how.retry ? { retry: how.retry } : {}), ...(f.tracker && how.trackerUrl ? { trackerUrl: how.trackerUrl } : {}),
    });
  }
  return errorCard({ title: 'Something went wrong', message: (e as Error)?.message ?? String(e), fix: 'Try again; if it happens again, reload the add-on.', ...(how.retry ? { retry: how.retry } : {}) });
}

export function homeView(ctx: ActionContext, query = '', error: string | null = null): CardSpec {
  const store = new AddonStore(ctx.host.store);
  const tracker = store.tracker();
  const today = isoDateIn(ctx.host.now(), ctx.host.timezone);
  if (!tracker) return homeCard({ trackerUrl: null, book: null, query, today, host: ctx.app, error, candidates: trackerCandidates(ctx), canCopyExample: exampleTabs() !== null });
  try {
    const loaded = loadBook(ctx.host, tracker, ctx.host.now() + CARD_BUDGET_MS);
    const rows = Number(ctx.params.rows);
    return homeCard({
      trackerUrl: `https://docs.google.com/spreadsheets/d/${tracker}/edit`, book: loaded.book, query, today, host: ctx.app, error,
      userEmail: ctx.host.userEmail ?? null, ...(ctx.params.scope === 'all' || ctx.params.scope === 'mine' ? { scope: ctx.params.scope } : {}),
      ...(Number.isInteger(rows) && rows > 0 ? { maxRows: rows } : {}),
    });
  } catch (e) {
    const message = e instanceof ApiError ? (({ message: m, fix }) => `${m} ${fix}`)(addonApiFailure(e)) : (e as Error).message;
    return homeCard({ trackerUrl: `https://docs.google.com/spreadsheets/d/${tracker}/edit`, book: null, query, today, host: ctx.app, error: message });
  }
}

/**
 * Spreadsheets the add-on may open, for the connect card's dropdown. The add-on asks only for drive.file, so Drive
 * lists the ones it made (the example) or the user gave it (“Use this spreadsheet”), not every sheet in their Drive;
 * reading the whole Drive would need a restricted scope for a convenience. A failure only leaves the dropdown out.
 */
function trackerCandidates(ctx: ActionContext): { name: string; url: string }[] {
  try {
    const found = ctx.host.transport(ctx.host.now() + 5_000).sendSync({
      id: 'drive.files.list',
      params: { q: "mimeType = 'application/vnd.google-apps.spreadsheet' and trashed = false", fields: 'files(id,name)', orderBy: 'modifiedTime desc', pageSize: 20, spaces: 'drive', ...ALL_DRIVES },
      note: 'Spreadsheets the add-on may open, to offer as trackers',
    }) as { files?: { id: string; name: string }[] };
    return (found.files ?? []).map((f) => ({ name: f.name, url: `https://docs.google.com/spreadsheets/d/${f.id}/edit` }));
  } catch {
    return [];
  }
}

/** The record form's account (with a deck: Tech-Touch accounts have no meeting to record) and its QBR date. */
function withRecord(ctx: ActionContext, fn: (loaded: Loaded, f: RecordForm) => ActionResultSpec): ActionResultSpec {
  return withBook(ctx, (loaded) => {
    const review = loaded.book.accounts.find((a) => a.id === ctx.params.accountId);
    const qbrDate = ctx.params.qbrDate ?? '';
    if (!review || !review.deck || !isIsoDate(qbrDate)) return show(errorCard({ title: 'Account not available', message: `${ctx.params.accountId} is not in the tracker with a QBR to record, or it has errors to fix first (see Tracker problems).` }));
    return fn(loaded, { review, qbrDate, params: ctx.params, form: ctx.form, lists: ctx.lists ?? {} });
  });
}

function withBook(ctx: ActionContext, fn: (loaded: Loaded) => ActionResultSpec): ActionResultSpec {
  const tracker = new AddonStore(ctx.host.store).tracker();
  if (!tracker) return show(homeView(ctx), 'update');
  return fn(loadBook(ctx.host, tracker, ctx.host.now() + CARD_BUDGET_MS));
}

function logRows(loaded: Loaded): { accountId: string; generatedAt: string }[] {
  return qbrLogRecords(loaded.tracker).map((r) => ({ accountId: r.accountId, generatedAt: r.generatedAt }));
}

/** What exists of the account's package now: its saved run state and its latest QBR Log row. */
function accountStatus(ctx: ActionContext, loaded: Loaded, review: AccountReview, parts?: Partial<Record<PackagePart, boolean>>): PackageStatus {
  const state = new AddonStore(ctx.host.store).runState(review.id).state.accounts[review.id] ?? null;
  return packageStatus(review, loaded.today, state, latestLog(qbrLogRecords(loaded.tracker), review.id), parts);
}

function statusResults(s: PackageStatus): Pick<ResultsInput, 'deckUrl' | 'docUrls' | 'draftCount' | 'holds' | 'holdCount'> {
  return { deckUrl: s.deckUrl, docUrls: s.docs, draftCount: s.draftCount, holds: s.holds, holdCount: s.holdCount };
}

function validZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
