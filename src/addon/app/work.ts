/**
 * Doing Google work inside an Apps Script execution: read the tracker, run an account's package steps until the
 * deadline, and the whole-book job that continues in time-driven triggers until every account is done.
 */
import { analyzeWorkbook } from '../../core';
import type { BookReview } from '../../core/analysis/types';
import { driveSync, Executor } from '../../google/execute';
import { runAccount, type AccountOutcome, type PackagePart } from '../../google/package-run';
import { ensureTemplate } from '../../google/template-run';
import { readGoogleTracker, type GoogleTracker } from '../../google/tracker-io';
import { OutOfTime } from '../gas/transport';
import { isoDateIn } from './clock';
import { addonHolidays } from '../gas/holidays';
import type { Host } from './host';
import { AddonStore, type BookJob } from './store';

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
export function runOne(host: Host, loaded: Loaded, accountId: string, opts: { qbrDate: string | null; parts?: Partial<Record<PackagePart, boolean>>; share: boolean }): RunResult {
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
      qbrDate: opts.qbrDate, reviewMinutes: settings.defaultLengthMinutes, holidays: addonHolidays(), ...(opts.parts ? { parts: opts.parts } : {}), state, save, log: () => undefined,
    }), loaded.transport);
    return { kind: 'done', outcome };
  } catch (e) {
    save();
    if (e instanceof OutOfTime) return { kind: 'paused' };
    throw e;
  }
}

/**
 * Hands work to the background: added to the unfinished job when there is one (never replacing it), else a new
 * job; a trigger picks it up (or, where Apps Script refuses the trigger, the next Refresh).
 */
export function queue(host: Host, job: BookJob): BookJob {
  const store = new AddonStore(host.store);
  const running = store.job();
  const next = running && !running.finishedAt
    ? { ...running, accountIds: [...running.accountIds, ...job.accountIds.filter((id) => !running.accountIds.includes(id))] }
    : job;
  store.setJob(next);
  host.scheduleResume(RESUME_AFTER_MS);
  return next;
}

/**
 * One slice of the queued job, under the user's lock (a second execution never runs the same job at the same
 * time): accounts in order until the deadline; the rest waits for the next trigger. Returns the job's state.
 */
export function runJobSlice(host: Host, budgetMs: number): BookJob | null | 'locked' {
  const result = host.withLock((): { job: BookJob | null } => ({ job: slice(host, budgetMs) }));
  return result === null ? 'locked' : result.job;
}

function slice(host: Host, budgetMs: number): BookJob | null {
  // A one-off trigger stays listed after it fired: clear it, so a slice that needs another one can schedule it.
  host.clearResume();
  const store = new AddonStore(host.store);
  const job = store.job();
  const trackerId = store.tracker();
  if (!job || !trackerId) {
    host.clearResume();
    return null;
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
      for (const id of pending) job.failed.push({ id, reason: short((e as Error).message) });
      return finish(host, store, job);
    }
    return keepGoing(host, store, job);
  }
  job.attempts = 0;
  for (const id of pending) {
    try {
      const r = runOne(h, loaded, id, { qbrDate: job.qbrDate, share: job.share ?? false, ...(job.parts ? { parts: job.parts } : {}) });
      if (r.kind === 'paused') return keepGoing(host, store, job);
      job.done.push(id);
    } catch (e) {
      job.failed.push({ id, reason: short((e as Error).message) });
    }
    store.setJob(job);
  }
  return finish(host, store, job);
}

/** Failure reasons stay short: the whole job lives in one property (9 KB). */
function short(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

function keepGoing(host: Host, store: AddonStore, job: BookJob): BookJob {
  store.setJob(job);
  host.scheduleResume(RESUME_AFTER_MS);
  return job;
}

function finish(host: Host, store: AddonStore, job: BookJob): BookJob {
  store.setJob({ ...job, finishedAt: host.now() });
  host.clearResume();
  return { ...job, finishedAt: host.now() };
}
