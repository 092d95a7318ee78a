/**
 * The add-on's per-user data in PropertiesService: the tracker, settings, the run state (one key per account,
 * since a property value holds at most 9 KB) and the whole-book job queue.
 */
import type { AccountRunState, RunState } from '../../google/run-state';
import type { KeyValueStore } from './host';

const K = {
  tracker: 'qbr.tracker',
  settings: 'qbr.settings',
  template: 'qbr.template',
  account: 'qbr.run.',
  job: 'qbr.job',
} as const;

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
  /** Share the docs with the champion (the account card's switch), kept for the background part of the run. */
  share?: boolean;
  /** The CSM's time zone: a trigger runs in the script's zone, not the user's. */
  timezone?: string;
  /** Slices that failed before reaching any account (a tracker that could not be read); the job stops after 3. */
  attempts?: number;
  startedAt: number;
  finishedAt?: number;
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

  job(): BookJob | null {
    return json<BookJob | null>(this.kv.get(K.job), null);
  }

  setJob(job: BookJob | null): void {
    if (job === null) this.kv.remove(K.job);
    else this.kv.set(K.job, JSON.stringify(job));
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
