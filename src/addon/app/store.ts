/**
 * The add-on's per-user data in PropertiesService: the tracker, settings, the run state (one key per account,
 * since a property value holds at most 9 KB) and the whole-book job queue.
 */
import type { AccountRunState, RunState } from '../../google/run-state';
import type { FigureChange } from '../../core/package/changes';
import type { InPlaceReport } from '../cards/results-view';
import type { KeyValueStore } from './host';

const K = {
  tracker: 'qbr.tracker',
  settings: 'qbr.settings',
  template: 'qbr.template',
  account: 'qbr.run.',
  job: 'qbr.job',
  /** What a file-scope request was for (`template`), read when Apps Script calls onFileScopeGranted. */
  grant: 'qbr.grant',
  /** One property per failed account of the job: failures never grow the job's own value toward the 9 KB limit. */
  jobFail: 'qbr.jobfail.',
  /** An account's change report from its last finished run: a refresh finished by a trigger still shows it on Refresh. */
  changes: 'qbr.changes.',
  /** What that run did in place (the CSM's edits kept), for the same Refresh. */
  inPlace: 'qbr.inplace.',
} as const;

/** A property value holds at most 9 KB; the job's own value stays under this, or the job ends visibly. */
export const JOB_VALUE_BUDGET = 8 * 1024;

export interface Settings {
  templateId: string | null;
  folderId: string | null;
  timezone: string | null;
  defaultLengthMinutes: number | null;
}

export interface BookJob {
  accountIds: string[];
  done: string[];
  failed: { id: string; reason: string }[];
  qbrDate: string | null;
  /** Only some parts (a single account's button), else the whole package. */
  parts?: Partial<Record<'deck' | 'docs' | 'drafts' | 'holds', boolean>>;
  /** Accounts to make anew ("Regenerate from scratch"), not refreshed in place. */
  regenerate?: string[];
  /** Share the docs with the champion (the account card's switch), kept for the background part of the run. */
  share?: boolean;
  /** The CSM's time zone: a trigger runs in the script's zone, not the user's. */
  timezone?: string;
  /** Slices that failed before reaching any account (a tracker that could not be read); the job stops after 3. */
  attempts?: number;
  startedAt: number;
  finishedAt?: number;
  /** Last time a slice saved progress. */
  updatedAt?: number;
  /**
   * How the job continues: `soon` a one-off trigger, `hourly` an hourly trigger (add-ons may be refused anything
   * more frequent), `manual` only the card's Continue button (Apps Script refused every trigger).
   */
  continuation?: 'soon' | 'hourly' | 'manual';
  /** Why the job ended before every account was tried (progress could not be saved …). */
  stopped?: string;
  /** Counts kept when the job had to be stopped with its lists dropped (see stopJob). */
  counts?: { done: number; failed: number; total: number };
}

const json = <T>(text: string | null, fallback: T): T => {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

export class AddonStore {
  constructor(private readonly kv: KeyValueStore) {}

  tracker(): string | null {
    return this.kv.get(K.tracker);
  }

  setTracker(id: string | null): void {
    if (id === null) this.kv.remove(K.tracker);
    else this.kv.set(K.tracker, id);
  }

  settings(): Settings {
    return { templateId: null, folderId: null, timezone: null, defaultLengthMinutes: null, ...json<Partial<Settings>>(this.kv.get(K.settings), {}) };
  }

  setSettings(s: Settings): void {
    this.kv.set(K.settings, JSON.stringify(s));
  }

  grantIntent(): string | null {
    return this.kv.get(K.grant);
  }

  setGrantIntent(intent: string | null): void {
    if (intent === null) this.kv.remove(K.grant);
    else this.kv.set(K.grant, intent);
  }

  job(): BookJob | null {
    const job = json<BookJob | null>(this.kv.get(K.job), null);
    if (!job) return null;
    const failed = [...(job.failed ?? [])];
    for (const key of this.kv.keys(K.jobFail)) {
      const id = key.slice(K.jobFail.length);
      if (!failed.some((f) => f.id === id)) failed.push({ id, reason: this.kv.get(key) ?? '' });
    }
    const order = new Map(job.accountIds.map((id, i) => [id, i]));
    failed.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return { ...job, failed };
  }

  /** Failures first (one property each), then the job itself; throws when Apps Script refuses a write. */
  setJob(job: BookJob | null): void {
    if (job === null) {
      this.kv.remove(K.job);
      for (const key of this.kv.keys(K.jobFail)) this.kv.remove(key);
      return;
    }
    for (const f of job.failed) if (this.kv.get(K.jobFail + f.id) !== f.reason) this.kv.set(K.jobFail + f.id, f.reason);
    const text = JSON.stringify({ ...job, failed: [] });
    if (text.length > JOB_VALUE_BUDGET) throw new Error(`the job's progress (${Math.round(text.length / 1024)} KB) no longer fits in one property`);
    this.kv.set(K.job, text);
  }

  /** Ends a job whose progress cannot be saved: a small value that keeps only the counts and why, so no card says "Running" forever. */
  stopJob(job: BookJob, reason: string, now: number): BookJob {
    const counts = { done: job.done.length, failed: job.failed.length, total: job.accountIds.length };
    const stopped: BookJob = { accountIds: [], done: [], failed: [], qbrDate: job.qbrDate, startedAt: job.startedAt, finishedAt: now, updatedAt: now, stopped: reason, counts };
    this.kv.set(K.job, JSON.stringify(stopped));
    return stopped;
  }

  /**
   * The run state of one account as the Google steps use it (one property read, however big the book);
   * `save()` writes back what changed.
   */
  runState(accountId: string): { state: RunState; save: () => void } {
    const accounts: Record<string, AccountRunState> = {};
    const own = this.kv.get(K.account + accountId);
    if (own !== null) accounts[accountId] = json<AccountRunState>(own, { qbrDate: '' });
    const state: RunState = { version: 1, accounts, ...(this.kv.get(K.template) ? { templateId: this.kv.get(K.template)! } : {}) };
    const written = new Map(Object.entries(accounts).map(([id, a]) => [id, JSON.stringify(a)]));
    const save = () => {
      if (state.templateId) this.kv.set(K.template, state.templateId);
      for (const [id, a] of Object.entries(state.accounts)) {
        const text = JSON.stringify(a);
        if (written.get(id) === text) continue;
        this.kv.set(K.account + id, text);
        written.set(id, text);
      }
    };
    return { state, save };
  }

  /**
   * A fresh request from a card regenerates: a finished package's state is dropped, or just the parts asked
   * for (their ids stay in the QBR Log, so drafts and holds are updated, not duplicated). A paused run keeps its state.
   */
  /** The last finished run's change report (null: none yet, or a first package). */
  changes(accountId: string): FigureChange[] | null {
    return json<FigureChange[] | null>(this.kv.get(K.changes + accountId), null);
  }

  /** Kept whole when it fits a property, else the head of it (alerts come first), never past the 9 KB limit. */
  setChanges(accountId: string, changes: FigureChange[] | null): void {
    if (changes === null) {
      this.kv.remove(K.changes + accountId);
      return;
    }
    let keep = changes;
    while (keep.length > 0 && JSON.stringify(keep).length > JOB_VALUE_BUDGET) keep = keep.slice(0, Math.floor(keep.length / 2));
    this.kv.set(K.changes + accountId, JSON.stringify(keep));
  }

  /** The last finished run's in-place report (null: none, or a first package). */
  inPlace(accountId: string): InPlaceReport | null {
    return json<InPlaceReport | null>(this.kv.get(K.inPlace + accountId), null);
  }

  /** Long edit lists are cut to fit one property (the card counts what it cannot list; the prep brief has them). */
  setInPlace(accountId: string, report: InPlaceReport | null): void {
    if (report === null) {
      this.kv.remove(K.inPlace + accountId);
      return;
    }
    const keep = { ...report };
    while (JSON.stringify(keep).length > JOB_VALUE_BUDGET && ((keep.edits?.length ?? 0) > 0 || (keep.notes?.length ?? 0) > 0)) {
      if (keep.notes?.length) keep.notes = keep.notes.slice(0, Math.floor(keep.notes.length / 2));
      else keep.edits = keep.edits!.slice(0, Math.floor(keep.edits!.length / 2));
    }
    this.kv.set(K.inPlace + accountId, JSON.stringify(keep));
  }

  /** Drops an account's whole run state: "Regenerate from scratch" starts over (drafts and holds are found again by their QBR Log ids). */
  reset(accountId: string): void {
    this.kv.remove(K.account + accountId);
  }

  forget(accountId: string, parts: Partial<Record<'deck' | 'docs' | 'drafts' | 'holds', boolean>> | null): void {
    const key = K.account + accountId;
    const st = json<AccountRunState | null>(this.kv.get(key), null);
    if (!st) return;
    if (!parts) {
      if (st.done) this.kv.remove(key);
      return;
    }
    if (parts.deck) { delete st.deckId; delete st.deckFilled; delete st.charts; delete st.previousTrashed; }
    if (parts.docs) { delete st.docs; delete st.shared; }
    if (parts.drafts) delete st.drafts;
    if (parts.holds) delete st.holds;
    st.trackerWritten = false;
    this.kv.set(key, JSON.stringify(st));
  }
}
