/** What every stand-in shares: the clock, the sandbox realm (its own JSON and Error), and the running execution's time limit. */
import * as vm from 'vm';
import { FakeClock } from './clock';

/** Values crossing into the sandbox are rebuilt with its own constructors, so `instanceof Error`/`Array` hold in the bundle. */
export interface Realm {
  /** A JSON value copied into the sandbox realm (undefined stays undefined). */
  adopt<T>(value: T): T;
  /** An Error made by the sandbox's Error constructor, with Apps Script's name (`Exception`, `GoogleJsonResponseException`) and extra fields. */
  error(name: string, message: string, extra?: Record<string, unknown>): Error;
}

/** The realm of the test itself: for stand-ins used without a vm context. */
export const hostRealm: Realm = {
  adopt: (value) => (value === undefined ? value : JSON.parse(JSON.stringify(value))),
  error: (name, message, extra = {}) => Object.assign(new Error(message), { name }, extra),
};

export function contextRealm(context: vm.Context): Realm {
  const own = vm.runInContext('({ JSON: JSON, Error: Error })', context) as { JSON: JSON; Error: ErrorConstructor };
  return {
    adopt: (value) => (value === undefined ? value : own.JSON.parse(JSON.stringify(value))),
    error: (name, message, extra = {}) => Object.assign(new own.Error(message), { name }, extra),
  };
}

/** One run of one top-level function, as Apps Script counts it: a start time and a hard limit. */
export interface Execution {
  fn: string;
  startedAt: number;
  endedAt?: number;
  limitMs: number;
  /** Set once a stand-in saw the limit passed; Apps Script ends such a run even if the script catches the error. */
  timedOut: boolean;
}

export class Runtime {
  current: Execution | null = null;

  constructor(readonly clock: FakeClock, public realm: Realm = hostRealm) {}

  /** Every stand-in calls this before acting: past the limit, Apps Script stops the script. */
  check(): void {
    const run = this.current;
    if (!run) return;
    if (run.timedOut || this.clock.now() - run.startedAt > run.limitMs) {
      run.timedOut = true;
      throw this.realm.error('Exception', 'Exceeded maximum execution time');
    }
  }

  /** `Exception: <message>`, the shape of Apps Script's built-in service errors. */
  exception(message: string): Error {
    return this.realm.error('Exception', message);
  }
}
