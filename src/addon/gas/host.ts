/** The Host of the add-on made from Apps Script's own services (properties, lock, triggers, session, advanced services). */
import type { Host, KeyValueStore } from '../app/host';
import { gasTransport } from './transport';

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
