/**
 * Doing Google work inside an Apps Script execution: read the tracker, run an account's package steps until the
 * deadline, and the whole-book job that continues in time-driven triggers until every account is done.
 */
import { analyzeWorkbook } from '../../core';
import type { BookReview } from '../../core/analysis/types';
import { driveSync, Executor } from '../../google/execute';
import { runAccount, type AccountOutcome, type PackagePart } from '../../google/package-run';
import { keptDraftNote } from '../../google/gmail';
import { ensureTemplate } from '../../google/template-run';
import { readGoogleTracker, type GoogleTracker } from '../../google/tracker-io';
import { addonApiFailure } from './errors';
import { ApiError } from '../../google/execute';
import { DAILY_LIMIT, OutOfTime } from '../gas/transport';
import { isoDateIn } from './clock';
import { addonHolidays } from '../gas/holidays';
import type { Host } from './host';
import { AddonStore, type BookJob } from './store';
import { editedLines } from '../../google/deck-refresh';
import type { InPlaceReport } from '../cards/results-view';

/** A card action must answer within 30 s; this leaves room to render the card. */
export const CARD_BUDGET_MS = 22_000;
/** A trigger execution may run 6 minutes; this leaves room to save and reschedule. */
export const TRIGGER_BUDGET_MS = 270_000;
export const RESUME_AFTER_MS = 60_000;

export interface Loaded {
  tracker: GoogleTracker;
  book: BookReview;
  exec: Executor;
  transport: ReturnType<Host['transport']>;
  today: string;
}

export function loadBook(host: Host, trackerId: string, deadline: number, accountIds?: string[]): Loaded {
  const transport = host.transport(deadline);
  const exec = new Executor();
  const tracker = driveSync(readGoogleTracker(exec, trackerId), transport);
  const today = isoDateIn(host.now(), host.timezone);
  return { tracker, book: analyzeWorkbook(tracker.workbook, { today, ...(accountIds ? { accountIds } : {}) }), exec, transport, today };
}

export type RunResult = { kind: 'done'; outcome: AccountOutcome } | { kind: 'paused' };

/** One account's package (or some parts of it) until done or out of time; every finished step is saved as it ends. */
export function runOne(host: Host, loaded: Loaded, accountId: string, opts: { qbrDate: string | null; parts?: Partial<Record<PackagePart, boolean>>; share: boolean; keepChanges?: boolean; regenerate?: boolean }): RunResult {
  const store = new AddonStore(host.store);
  const review = loaded.book.accounts.find((a) => a.id === accountId);
  if (!review) throw new Error(`Account ${accountId} is not in the tracker (or it has errors to fix first)`);
  const settings = store.settings();
  const { state, save } = store.runState(accountId);
  try {
    const template = review.deck ? driveSync(ensureTemplate(loaded.exec, state, settings.templateId, save), loaded.transport) : { id: '' };
    const outcome = driveSync(runAccount(review, {
      exec: loaded.exec, today: loaded.today, now: new Date(host.now()), defaultTimezone: settings.timezone ?? host.timezone,
      tracker: loaded.tracker, folderId: settings.folderId, templateId: template.id, shareWithChampion: opts.share,
      qbrDate: opts.qbrDate, reviewMinutes: settings.defaultLengthMinutes, holidays: addonHolidays(), ...(opts.parts ? { parts: opts.parts } : {}), ...(opts.regenerate ? { regenerate: true } : {}), state, save, log: () => undefined,
    }), loaded.transport);
    // Kept for the results card's Refresh; a whole-book run shows none, and 200 reports would crowd the 500 KB of user properties.
    if (opts.keepChanges) {
      store.setChanges(accountId, outcome.changes);
      store.setInPlace(accountId, inPlaceReport(outcome, opts.regenerate === true));
    }
    return { kind: 'done', outcome };
  } catch (e) {
    save();
    if (e instanceof OutOfTime) return { kind: 'paused' };
    throw e;
  }
}

/** What the run did to the package it found, for the results card; null for a first package. */
export function inPlaceReport(o: AccountOutcome, regenerated: boolean): InPlaceReport | null {
  if (regenerated) return { regenerated: true };
  const r = o.refresh;
  if (!r && o.docRefresh.length === 0 && o.keptDrafts.length === 0) return null;
  return {
    ...(r ? { deck: { rewritten: r.rewritten.length, charts: r.chartsRefreshed } } : {}),
    docs: o.docRefresh.map((d) => ({ doc: d.doc, outcome: d.outcome, updated: d.updated })),
    edits: [...(r?.edited ?? []).map((e) => ({ slide: e.slide, label: e.label, ...(e.now ? { now: e.now } : {}) })), ...(r?.deleted ?? []).map((e) => ({ slide: e.slide, label: e.label, gone: true }))],
    // A Gmail draft the CSM edited is theirs too: kept, and said with the other edits.
    notes: [...o.docRefresh.flatMap((d) => d.notes), ...o.keptDrafts.map(keptDraftNote)],
  };
}

/** The run's warnings without the lines the in-place report already says (edits kept, doc notes). */
export function otherWarnings(o: AccountOutcome): string[] {
  const said = new Set([...(o.refresh ? editedLines(o.refresh) : []), ...o.docRefresh.flatMap((d) => d.notes), ...o.keptDrafts.map(keptDraftNote)]);
  return o.warnings.filter((w) => !said.has(w));
}

/**
 * Hands work to the background: added to the unfinished job when there is one (never replacing it), else a new
 * job; a trigger picks it up, or, where Apps Script refuses every trigger, the card's Continue button.
 */
export function queue(host: Host, job: BookJob): BookJob {
  const store = new AddonStore(host.store);
  const running = store.job();
  const merged = running && !running.finishedAt;
  const next: BookJob = merged
    ? { ...running, accountIds: [...running.accountIds, ...job.accountIds.filter((id) => !running.accountIds.includes(id))], ...(job.regenerate ? { regenerate: [...(running.regenerate ?? []), ...job.regenerate] } : {}) }
    : { ...job };
  if (!merged) store.setJob(null); // a finished job's failures go with it
  next.continuation = host.scheduleResume(RESUME_AFTER_MS);
  next.updatedAt = host.now();
  store.setJob(next);
  return next;
}

/**
 * One slice of the queued job, under the user's lock (a second execution never runs the same job at the same
 * time): accounts in order until the deadline; the rest waits for the next trigger. Returns the job's state.
 */
export function runJobSlice(host: Host, budgetMs: number): BookJob | null | 'locked' {
  const result = host.withLock((): { job: BookJob | null } => ({ job: slice(host, budgetMs) }));
  if (result !== null) return result.job;
  // Another execution holds the lock. This trigger has fired all the same: replace it, or the job would wait
  // on a trigger that never runs again (the lock holder's own rescheduling keeps the one made here).
  const job = new AddonStore(host.store).job();
  if (job && !job.finishedAt) host.scheduleResume(RESUME_AFTER_MS);
  return 'locked';
}

function slice(host: Host, budgetMs: number): BookJob | null {
  const store = new AddonStore(host.store);
  const job = store.job();
  const trackerId = store.tracker();
  if (!job || !trackerId || job.finishedAt) {
    host.clearResume();
    return job;
  }
  const deadline = host.now() + budgetMs;
  const pending = job.accountIds.filter((id) => !job.done.includes(id) && !job.failed.some((f) => f.id === id));
  if (pending.length === 0) return finish(host, store, job);
  // A trigger runs in the script's zone: the CSM's own zone (saved with the job) decides "today" and hold times.
  const h: Host = job.timezone ? { ...host, timezone: job.timezone } : host;
  let loaded: Loaded;
  try {
    loaded = loadBook(h, trackerId, deadline, pending);
  } catch (e) {
    // A tracker that cannot be read now (quota, a blip) is tried again; three slices in a row end the job.
    job.attempts = (job.attempts ?? 0) + 1;
    if (!(e instanceof OutOfTime) && job.attempts >= 3) {
      for (const id of pending) job.failed.push({ id, reason: short(describeFailure(e)) });
      return finish(host, store, job);
    }
    return keepGoing(host, store, job);
  }
  job.attempts = 0;
  for (const id of pending) {
    try {
      const r = runOne(h, loaded, id, { qbrDate: job.qbrDate, share: job.share ?? false, keepChanges: job.accountIds.length === 1, regenerate: job.regenerate?.includes(id) === true, ...(job.parts ? { parts: job.parts } : {}) });
      if (r.kind === 'paused') return keepGoing(host, store, job);
      job.done.push(id);
    } catch (e) {
      job.failed.push({ id, reason: short(describeFailure(e, store.settings())) });
    }
    job.updatedAt = host.now();
    const stopped = save(host, store, job);
    if (stopped) return stopped;
  }
  return finish(host, store, job);
}

/** drive.file shows the add-on only files it made or the user chose for it: what to do when the template is not one. */
export const TEMPLATE_UNREACHABLE = 'The add-on cannot open your template: Google lets it copy only presentations it made or that you chose for it. Open the template in Google Slides, open QBR Facilitator there and press “Use this presentation as our template” (Settings), or empty the template setting to use the built-in one.';
export const FOLDER_UNREACHABLE = 'The add-on cannot put files in the output folder: Google lets it use only a folder it created. Press “Create a QBR folder” in Settings (then move or share that folder as you like), or empty the folder setting to use My Drive.';

/** A failure in a CSM's words: Google's errors through the CLI's explanations, Apps Script's daily quota named as such. */
export function describeFailure(e: unknown, settings?: { templateId: string | null; folderId: string | null }): string {
  const unreachable = e instanceof ApiError && e.status === 404 && /^drive\.files\.(copy|create)$/.test(e.methodId ?? '') ? e.message : null;
  if (unreachable !== null && settings?.folderId && unreachable.includes(settings.folderId)) return FOLDER_UNREACHABLE;
  if (unreachable !== null && settings?.templateId && e instanceof ApiError && e.methodId === 'drive.files.copy') return TEMPLATE_UNREACHABLE;
  if (e instanceof ApiError && e.reason === DAILY_LIMIT) {
    return `Apps Script's daily quota for Google calls is used up (Google said: ${e.message}): run again tomorrow; finished steps are kept.`;
  }
  if (e instanceof ApiError) {
    const f = addonApiFailure(e);
    return `${f.message} ${f.fix}`;
  }
  return (e as Error)?.message ?? String(e);
}

/** Failure reasons stay short (each has its own property, 9 KB at most). */
function short(text: string): string {
  return text.length > 300 ? `${text.slice(0, 297)}…` : text;
}

/** Saves progress; a write Apps Script refuses ends the job visibly instead of leaving it "running" with no slice able to save. */
function save(host: Host, store: AddonStore, job: BookJob): BookJob | null {
  try {
    store.setJob(job);
    return null;
  } catch (e) {
    host.clearResume();
    return store.stopJob(job, `Progress could not be saved (${short((e as Error).message)})`, host.now());
  }
}

function keepGoing(host: Host, store: AddonStore, job: BookJob): BookJob {
  job.continuation = host.scheduleResume(RESUME_AFTER_MS);
  job.updatedAt = host.now();
  return save(host, store, job) ?? job;
}

function finish(host: Host, store: AddonStore, job: BookJob): BookJob {
  host.clearResume();
  const done: BookJob = { ...job, finishedAt: host.now(), updatedAt: host.now() };
  delete done.continuation;
  return save(host, store, done) ?? done;
}

/** What the cards show of a job: counts, whether it still runs, how it continues, why it stopped. */
export interface JobProgress {
  done: number;
  failed: number;
  total: number;
  running: boolean;
  continuation?: BookJob['continuation'];
  stopped?: string;
}

export function jobProgress(job: BookJob): JobProgress {
  const c = job.counts ?? { done: job.done.length, failed: job.failed.length, total: job.accountIds.length };
  return {
    ...c, running: !job.finishedAt,
    ...(job.continuation && !job.finishedAt ? { continuation: job.continuation } : {}),
    ...(job.stopped ? { stopped: job.stopped } : {}),
  };
}
