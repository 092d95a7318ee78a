/**
 * Stand-ins for Apps Script's built-in services an add-on calls besides CardService and Utilities: PropertiesService
 * (with its size limits), LockService (a lock another execution holds can be simulated), ScriptApp (time-driven triggers),
 * Session, Logger and console. State lives in the `*Log` objects so it outlives one execution, as Apps Script's does.
 */
import { TEST_TOKEN } from '../../fake-google/server';
import type { Runtime } from './runtime';

/** Apps Script's quotas: 9 KB per value, 500 KB per property store (keys and values counted, UTF-8). */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

export interface PropertyStores {
  user: Map<string, string>;
  script: Map<string, string>;
  document: Map<string, string>;
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export function createPropertiesService(runtime: Runtime, stores: PropertyStores): GoogleAppsScript.Properties.PropertiesService {
  const props = (store: Map<string, string>): GoogleAppsScript.Properties.Properties => {
    const self = {} as GoogleAppsScript.Properties.Properties;
    /** Apps Script turns numbers and booleans into strings; an object would be stored as "[object Object]", which the harness refuses. */
    const text = (key: unknown, value: unknown): [string, string] => {
      if (typeof key !== 'string' || key === '') throw runtime.exception('Invalid argument: key');
      if (typeof value === 'number' || typeof value === 'boolean') value = String(value);
      if (typeof value !== 'string') throw runtime.exception(`Invalid argument: value (the harness stores strings only; got ${Object.prototype.toString.call(value)} for "${key}")`);
      if (bytes(value) > PROPERTY_VALUE_LIMIT) throw runtime.exception('Argument too large: value');
      return [key, value];
    };
    /** All writes of one call land together or not at all, after the store-size check. */
    const commit = (next: Map<string, string>): void => {
      let total = 0;
      for (const [k, v] of next) total += bytes(k) + bytes(v);
      if (total > PROPERTY_STORE_LIMIT) throw runtime.exception('You have exceeded the property storage quota. Please remove some properties and try again.');
      store.clear();
      for (const [k, v] of next) store.set(k, v);
    };
    Object.assign(self, {
      getProperty: (key: string): string | null => (runtime.check(), store.get(key) ?? null),
      getProperties: () => (runtime.check(), runtime.realm.adopt(Object.fromEntries(store))),
      getKeys: () => (runtime.check(), runtime.realm.adopt([...store.keys()])),
      setProperty(key: unknown, value: unknown) {
        runtime.check();
        const [k, v] = text(key, value);
        commit(new Map(store).set(k, v));
        return self;
      },
      setProperties(values: Record<string, unknown>, deleteAllOthers = false) {
        runtime.check();
        if (typeof values !== 'object' || values === null) throw runtime.exception('Invalid argument: properties');
        const next = new Map(deleteAllOthers ? [] : store);
        for (const [k, v] of Object.entries(values)) next.set(...text(k, v));
        commit(next);
        return self;
      },
      deleteProperty(key: string) {
        runtime.check();
        store.delete(key);
        return self;
      },
      deleteAllProperties() {
        runtime.check();
        store.clear();
        return self;
      },
    } satisfies GoogleAppsScript.Properties.Properties);
    return self;
  };
  const user = props(stores.user);
  const script = props(stores.script);
  const document = props(stores.document);
  return { getUserProperties: () => user, getScriptProperties: () => script, getDocumentProperties: () => document };
}

export type LockKind = 'user' | 'script' | 'document';

export interface LockLog {
  /** Set one to true to simulate another execution holding that lock: tryLock waits its timeout and fails, waitLock throws. */
  heldElsewhere: Record<LockKind, boolean>;
  /** Locks the running execution holds; released when the execution ends, as Apps Script does. */
  held: Set<LockKind>;
  events: { lock: LockKind; op: 'tryLock' | 'waitLock' | 'releaseLock'; ok: boolean; at: number }[];
}

export function createLockService(runtime: Runtime, log: LockLog): GoogleAppsScript.Lock.LockService {
  const lock = (kind: LockKind): GoogleAppsScript.Lock.Lock => {
    const acquire = (op: 'tryLock' | 'waitLock', timeoutMs: number): boolean => {
      runtime.check();
      const ok = log.held.has(kind) || !log.heldElsewhere[kind];
      if (ok) log.held.add(kind);
      else runtime.clock.advance(Math.max(0, Number(timeoutMs) || 0)); // it waited the whole timeout
      log.events.push({ lock: kind, op, ok, at: runtime.clock.now() });
      return ok;
    };
    return {
      tryLock: (timeoutMs: number) => acquire('tryLock', timeoutMs),
      waitLock(timeoutMs: number) {
        if (!acquire('waitLock', timeoutMs)) throw runtime.exception('Lock timeout: another process was holding the lock for too long.');
      },
      releaseLock() {
        log.held.delete(kind);
        log.events.push({ lock: kind, op: 'releaseLock', ok: true, at: runtime.clock.now() });
      },
      hasLock: () => log.held.has(kind),
    };
  };
  return { getUserLock: () => lock('user'), getScriptLock: () => lock('script'), getDocumentLock: () => lock('document') };
}

/** A time-driven trigger as ScriptApp created it. */
export interface TriggerRecord {
  id: string;
  handler: string;
  /** How it was scheduled, as the builder calls made (`[['after', 60000]]`, `[['everyHours', 1]]` …). */
  schedule: unknown[][];
  createdAt: number;
  /** When it next runs: `after(ms)` / `at(date)` triggers run once; recurring ones are not scheduled by the harness. */
  dueAt: number | null;
  /** How many times the harness fired it. A fired one-off trigger stays listed until deleted, as in Apps Script. */
  fired: number;
  deleted: boolean;
  /** A recurring trigger's period (`everyHours(n)` …); null for a one-off. */
  everyMs: number | null;
}

/**
 * What Apps Script lets this add-on schedule. Add-on time-driven triggers may run at most once an hour (always
 * enforced here); a one-off `after()`/`at()` is undocumented for add-ons, so a test can have it refused.
 */
export interface TriggerPolicy {
  refuseOneOff: boolean;
  /** Every time-driven trigger refused (a user or domain that allows the add-on none). */
  refuseAll?: boolean;
}

/** The harness's wording of Apps Script's refusals (scripts only see an Exception with a message). */
export const SUB_HOURLY_REFUSED = 'Add-ons may not create time-based triggers that run more often than once per hour.';
export const ONE_OFF_REFUSED = 'This add-on is not allowed to create a one-off time-based trigger.';

const HOUR_MS = 3_600_000;

/** Apps Script's limit: 20 triggers per user per script. */
export const TRIGGER_LIMIT = 20;

export function createScriptApp(runtime: Runtime, triggers: TriggerRecord[], policy: TriggerPolicy = { refuseOneOff: false }): Record<string, unknown> {
  const view = (t: TriggerRecord): Pick<GoogleAppsScript.Script.Trigger, 'getHandlerFunction' | 'getUniqueId'> & Record<string, unknown> => ({
    getHandlerFunction: () => t.handler,
    getUniqueId: () => t.id,
    getTriggerSource: () => 'CLOCK',
    getEventType: () => 'CLOCK',
    getTriggerSourceId: () => null,
  });
  const timeBased = (handler: string): Record<string, unknown> => {
    const schedule: unknown[][] = [];
    const builder: Record<string, unknown> = {};
    for (const step of ['after', 'at', 'atDate', 'atHour', 'nearMinute', 'everyMinutes', 'everyHours', 'everyDays', 'everyWeeks', 'onWeekDay', 'onMonthDay', 'inTimezone']) {
      builder[step] = (arg: unknown) => {
        schedule.push([step, Object.prototype.toString.call(arg) === '[object Date]' ? (arg as Date).getTime() : arg]);
        return builder;
      };
    }
    builder.create = () => {
      runtime.check();
      if (!schedule.some(([s]) => s !== 'inTimezone')) throw runtime.exception('Invalid argument: the trigger has no schedule');
      if (triggers.filter((t) => !t.deleted).length >= TRIGGER_LIMIT) {
        throw runtime.exception('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
      }
      const after = schedule.find(([s]) => s === 'after')?.[1];
      const at = schedule.find(([s]) => s === 'at')?.[1];
      const minutes = schedule.find(([s]) => s === 'everyMinutes')?.[1];
      const hours = schedule.find(([s]) => s === 'everyHours')?.[1];
      if (minutes !== undefined || (hours !== undefined && !(Number(hours) >= 1))) throw runtime.exception(SUB_HOURLY_REFUSED);
      if (policy.refuseAll) throw runtime.exception(ONE_OFF_REFUSED.replace('a one-off', 'any'));
      if ((after !== undefined || at !== undefined) && policy.refuseOneOff) throw runtime.exception(ONE_OFF_REFUSED);
      const now = runtime.clock.now();
      const everyMs = typeof hours === 'number' ? hours * HOUR_MS : null;
      const record: TriggerRecord = {
        // Ids stay unique across executions (each execution makes a new ScriptApp over the same list).
        id: `trigger-${triggers.length + 1}`, handler, schedule, createdAt: now, fired: 0, deleted: false, everyMs,
        dueAt: typeof after === 'number' ? now + after : typeof at === 'number' ? at : everyMs !== null ? now + everyMs : null,
      };
      triggers.push(record);
      return view(record);
    };
    return builder;
  };
  return {
    AuthMode: { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' },
    TriggerSource: { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' },
    EventType: { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE', ON_EVENT_UPDATED: 'ON_EVENT_UPDATED' },
    newTrigger(handler: unknown) {
      if (typeof handler !== 'string' || handler === '') throw runtime.exception('Invalid argument: functionName');
      return {
        timeBased: () => timeBased(handler),
        forSpreadsheet() {
          throw new Error('harness: only time-based triggers are simulated');
        },
      };
    },
    getProjectTriggers: () => (runtime.check(), triggers.filter((t) => !t.deleted).map(view)),
    getUserTriggers: () => (runtime.check(), triggers.filter((t) => !t.deleted).map(view)),
    deleteTrigger(trigger: { getUniqueId?: () => string }) {
      runtime.check();
      const id = typeof trigger?.getUniqueId === 'function' ? trigger.getUniqueId() : undefined;
      const record = triggers.find((t) => t.id === id && !t.deleted);
      if (!record) throw runtime.exception('Invalid argument: trigger');
      record.deleted = true;
    },
    getOAuthToken: () => TEST_TOKEN,
    getScriptId: () => 'harness-script-id',
  };
}

export interface SessionOptions {
  timeZone: string;
  userEmail: string;
  locale: string;
}

export function createSession(options: SessionOptions): Record<string, unknown> {
  const user = { getEmail: () => options.userEmail };
  return {
    getScriptTimeZone: () => options.timeZone,
    getActiveUser: () => user,
    getEffectiveUser: () => user,
    getActiveUserLocale: () => options.locale,
    getTemporaryActiveUserKey: () => 'harness-user-key',
  };
}

export interface LogLine {
  via: 'Logger' | 'console';
  level: string;
  message: string;
}

/** `Logger.log('%s of %s', a, b)` and `console.*`: kept in `lines`, printed only when `echo` is set. */
export function createLogging(lines: LogLine[], echo: boolean): { Logger: Record<string, unknown>; console: Record<string, unknown> } {
  const show = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'object' && v !== null ? safeJson(v) : String(v));
  const format = (args: unknown[]): string => {
    const [first, ...rest] = args;
    if (typeof first !== 'string' || !/%[sdifoO]/.test(first)) return args.map(show).join(' ');
    let i = 0;
    const out = first.replace(/%[sdifoO]/g, () => (i < rest.length ? show(rest[i++]) : ''));
    return [out, ...rest.slice(i).map(show)].join(' ');
  };
  const write = (via: LogLine['via'], level: string, args: unknown[]): void => {
    const line = { via, level, message: format(args) };
    lines.push(line);
    if (echo) process.stdout.write(`[addon ${via}.${level}] ${line.message}\n`);
  };
  const Logger: Record<string, unknown> = {
    log: (...args: unknown[]) => (write('Logger', 'log', args), Logger),
    getLog: () => lines.filter((l) => l.via === 'Logger').map((l) => l.message).join('\n'),
    clear() {
      for (let i = lines.length - 1; i >= 0; i--) if (lines[i]?.via === 'Logger') lines.splice(i, 1);
    },
  };
  const console = Object.fromEntries(['log', 'info', 'warn', 'error', 'debug'].map((level) => [level, (...args: unknown[]) => write('console', level, args)]));
  return { Logger, console };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
