/** What the add-on needs from Apps Script, as one injected object: the handlers stay plain, testable functions. */
import type { SyncTransport } from '../../google/execute';

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  /** Every key with this prefix. */
  keys(prefix: string): string[];
}

export type Continuation = 'soon' | 'hourly' | 'manual';

export interface Host {
  /** The user's own properties (their tracker, settings, run state): nothing is shared between users. */
  store: KeyValueStore;
  now(): number;
  /** IANA zone of the user (the script's zone when the user's is unknown). */
  timezone: string;
  /** The signed-in user's email (whose calendar and Gmail the add-on writes to), when Apps Script tells it. */
  userEmail?: string | null;
  /** A transport whose calls stop before `deadline` (OutOfTime), for one execution. */
  transport(deadline: number): SyncTransport & { calls: number };
  /** Runs `fn` under the user's lock, or returns null when another execution holds it. */
  withLock<T>(fn: () => T): T | null;
  /**
   * Makes sure one background continuation is pending: a one-off trigger after `afterMs` (`soon`), else an hourly
   * one (`hourly`: add-on triggers are documented at most hourly), else `manual` when Apps Script refused both.
   * A one-off trigger that already fired (Apps Script keeps it listed) is deleted, never taken for a pending one.
   */
  scheduleResume(afterMs: number): Continuation;
  /** Removes the continuation trigger(s) once the work is done. */
  clearResume(): void;
}
