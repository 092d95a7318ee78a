/** The Host of the add-on made from Apps Script's own services (properties, lock, triggers, session, advanced services). */
import type { Host, KeyValueStore } from '../app/host';
import { gasTransport } from './transport';

/* Apps Script globals: present at run time in Apps Script (and in the test sandbox), typed loosely here on purpose. */
declare const PropertiesService: { getUserProperties(): GasProperties };
declare const LockService: { getUserLock(): { tryLock(ms: number): boolean; releaseLock(): void } };
declare const ScriptApp: {
  newTrigger(fn: string): { timeBased(): { after(ms: number): { create(): unknown } } };
  getProjectTriggers(): { getHandlerFunction(): string }[];
  deleteTrigger(t: unknown): void;
};
declare const Session: { getScriptTimeZone(): string };
declare const Utilities: { sleep(ms: number): void };
declare const Slides: unknown, Drive: unknown, Docs: unknown, Gmail: unknown, Calendar: unknown, Sheets: unknown;

interface GasProperties {
  getProperty(k: string): string | null;
  setProperty(k: string, v: string): unknown;
  deleteProperty(k: string): unknown;
  getKeys(): string[];
}

export const RESUME_FUNCTION = 'resumeJobs';

export function gasHost(opts: { timezone?: string | null } = {}): Host {
  const props = PropertiesService.getUserProperties();
  const store: KeyValueStore = {
    get: (k) => props.getProperty(k),
    set: (k, v) => void props.setProperty(k, v),
    remove: (k) => void props.deleteProperty(k),
    keys: (prefix) => props.getKeys().filter((k) => k.startsWith(prefix)),
  };
  const services = { Slides, Drive, Docs, Gmail, Calendar, Sheets };
  const resumeTriggers = () => ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === RESUME_FUNCTION);
  return {
    store,
    now: () => Date.now(),
    timezone: opts.timezone || Session.getScriptTimeZone(),
    transport: (deadline) => gasTransport({ services, now: () => Date.now(), sleep: (ms) => Utilities.sleep(ms), random: Math.random, deadline }),
    withLock<T>(fn: () => T): T | null {
      const lock = LockService.getUserLock();
      if (!lock.tryLock(0)) return null;
      try {
        return fn();
      } finally {
        lock.releaseLock();
      }
    },
    scheduleResume(afterMs) {
      // One continuation at a time: a second trigger would only find the lock taken.
      if (resumeTriggers().length > 0) return true;
      try {
        ScriptApp.newTrigger(RESUME_FUNCTION).timeBased().after(afterMs).create();
        return true;
      } catch {
        // Add-ons may be refused frequent time-driven triggers: the job then advances with each Refresh instead.
        return false;
      }
    },
    clearResume() {
      for (const t of resumeTriggers()) ScriptApp.deleteTrigger(t);
    },
  };
}
