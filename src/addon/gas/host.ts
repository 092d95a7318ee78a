/** The Host of the add-on made from Apps Script's own services (properties, lock, triggers, session, advanced services). */
import type { Continuation, Host, KeyValueStore } from '../app/host';
import { gasTransport } from './transport';

export const RESUME_FUNCTION = 'resumeJobs';
/** The continuation trigger this add-on made: its id, and when a one-off one comes due (hourly ones stay until cleared). */
const RESUME_KEY = 'qbr.resume';
const HOURLY = 1;

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
    userEmail: userEmail(),
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
    scheduleResume(afterMs): Continuation {
      const now = Date.now();
      const mine = readResume(store);
      let kept: Continuation | null = null;
      for (const t of resumeTriggers()) {
        // A fired one-off trigger stays listed: only the one recorded here, and not yet due, still counts.
        const pending = mine !== null && t.getUniqueId() === mine.id && (mine.hourly || mine.dueAt > now);
        if (pending && kept === null) kept = mine.hourly ? 'hourly' : 'soon';
        else ScriptApp.deleteTrigger(t);
      }
      if (kept) return kept;
      try {
        const t = ScriptApp.newTrigger(RESUME_FUNCTION).timeBased().after(afterMs).create();
        store.set(RESUME_KEY, JSON.stringify({ id: t.getUniqueId(), dueAt: now + afterMs, hourly: false }));
        return 'soon';
      } catch {
        // Add-ons may be refused frequent time-driven triggers: an hourly one is the documented limit.
      }
      try {
        const t = ScriptApp.newTrigger(RESUME_FUNCTION).timeBased().everyHours(HOURLY).create();
        store.set(RESUME_KEY, JSON.stringify({ id: t.getUniqueId(), dueAt: now, hourly: true }));
        return 'hourly';
      } catch {
        store.remove(RESUME_KEY);
        return 'manual';
      }
    },
    clearResume() {
      for (const t of resumeTriggers()) ScriptApp.deleteTrigger(t);
      store.remove(RESUME_KEY);
    },
  };
}

function readResume(store: KeyValueStore): { id: string; dueAt: number; hourly: boolean } | null {
  try {
    const r = JSON.parse(store.get(RESUME_KEY) ?? 'null') as { id?: unknown; dueAt?: unknown; hourly?: unknown } | null;
    return r && typeof r.id === 'string' ? { id: r.id, dueAt: Number(r.dueAt) || 0, hourly: r.hourly === true } : null;
  } catch {
    return null;
  }
}

/** Empty (not an error) when the scope is missing or the domain hides it: cards then just say "your calendar". */
function userEmail(): string | null {
  try {
    return Session.getEffectiveUser().getEmail() || null;
  } catch {
    return null;
  }
}
