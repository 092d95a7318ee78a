/**
 * The Apps Script transport: the same ApiCalls made through the advanced services (Slides, Drive, Docs, Gmail,
 * Calendar, Sheets), blocking, with retries (Utilities.sleep) and a deadline that keeps each execution inside its
 * time limit (30 s for a card action, 6 min for a trigger).
 */
import { ApiError, type SyncTransport } from '../../google/execute';
import type { ApiCall } from '../../google/types';
import { GAS_METHODS, type GasMethod } from './methods';

/** The six advanced services as @types/google-apps-script declares them (absent when the manifest does not enable one). */
export interface AdvancedServices {
  Slides?: GoogleAppsScript.Slides;
  Drive?: GoogleAppsScript.Drive;
  Docs?: GoogleAppsScript.Docs;
  Gmail?: GoogleAppsScript.Gmail;
  Calendar?: GoogleAppsScript.Calendar;
  Sheets?: GoogleAppsScript.Sheets;
}

/* The method table is generated from discovery; this makes the compiler confirm each path is a method Apps Script declares. */
type At<T, P> = P extends readonly [infer H, ...infer R] ? (H extends keyof NonNullable<T> ? At<NonNullable<T>[H], R> : never) : T;
type IsMethod<F> = [F] extends [never] ? false : F extends (...args: never[]) => unknown ? true : false;
type Undeclared = { [K in keyof typeof GAS_METHODS]: IsMethod<At<AdvancedServices, (typeof GAS_METHODS)[K]['path']>> extends true ? never : K }[keyof typeof GAS_METHODS];
export const EVERY_METHOD_DECLARED: [Undeclared] extends [never] ? true : Undeclared = true;

export interface GasTransportOptions {
  /** The advanced-service globals by their user symbol (`{ Slides, Drive, … }`). */
  services: AdvancedServices;
  now: () => number;
  sleep: (ms: number) => void;
  random: () => number;
  /** Epoch ms after which no new call is started (the caller resumes later). */
  deadline: number;
  /** What a call is expected to cost, by method id (default CALL_COST_MS), when deciding whether one more fits before the deadline. */
  callMs?: number | ((methodId: string) => number);
  attempts?: number;
}

/**
 * Expected cost of one advanced-service call, by kind: reads take about a second, while a Slides or Sheets
 * batchUpdate or a Drive copy of a deck take several (Google's own guidance and public reports; each execution
 * also measures its calls and uses the slowest it saw of a kind when that is worse).
 */
export const CALL_COST_MS: Readonly<Record<string, number>> = {
  'slides.presentations.batchUpdate': 8_000,
  'sheets.spreadsheets.batchUpdate': 6_000,
  'drive.files.copy': 6_000,
  'docs.documents.batchUpdate': 4_000,
  'slides.presentations.create': 3_000,
  'slides.presentations.get': 3_000,
  'drive.files.create': 3_000,
  'sheets.spreadsheets.values.batchGet': 2_500,
  'sheets.spreadsheets.get': 2_000,
};
export const DEFAULT_CALL_COST_MS = 1_500;

/** Thrown instead of starting a call that would run past the deadline; every finished step is already saved. */
export class OutOfTime extends Error {
  override readonly name = 'OutOfTime';
}

const RETRYABLE = new Set([0, 429, 500, 502, 503, 504]);
/** Creates a dropped connection may have completed: not retried blind (see src/transport/retry.ts). */
const NOT_RETRIED_WHEN_DROPPED = new Set(['drive.files.copy', 'drive.files.create', 'gmail.users.drafts.create', 'slides.presentations.create']);

export function gasTransport(o: GasTransportOptions): SyncTransport & { calls: number } {
  /** The slowest call of each kind this execution has made. */
  const seen = new Map<string, number>();
  const expectedCost = (id: string): number => {
    const base = typeof o.callMs === 'function' ? o.callMs(id) : o.callMs ?? CALL_COST_MS[id] ?? DEFAULT_CALL_COST_MS;
    return Math.max(base, seen.get(id) ?? 0);
  };
  const t = {
    calls: 0,
    sendSync(call: ApiCall): unknown {
      const m: GasMethod | undefined = (GAS_METHODS as Record<string, GasMethod>)[call.id];
      if (!m) throw new Error(`no advanced-service mapping for ${call.id} (add it to scripts/gen-gas-methods.ts)`);
      let target: unknown = o.services as unknown;
      let owner: unknown = target;
      for (const part of m.path) {
        owner = target;
        target = (target as Record<string, unknown> | undefined)?.[part];
      }
      if (typeof target !== 'function') throw new Error(`the ${m.path[0]} advanced service is not enabled (appsscript.json enabledAdvancedServices)`);
      const fn = target as (...args: unknown[]) => unknown;
      const optional = Object.fromEntries(Object.entries(call.params).filter(([k]) => !m.order.includes(k)));
      const hasOptional = Object.keys(optional).length > 0;
      const args = [...(m.body ? [call.body ?? {}] : []), ...m.order.map((k) => call.params[k]), ...(m.media && hasOptional ? [null] : []), ...(hasOptional ? [optional] : [])];
      const cost = expectedCost(call.id);
      for (let attempt = 1; ; attempt++) {
        if (o.now() + cost > o.deadline) throw new OutOfTime(`stopping before ${call.id}: the time budget is used`);
        const started = o.now();
        try {
          t.calls++;
          return fn.apply(owner, args);
        } catch (e) {
          const err = toApiError(e, call.id);
          if (!RETRYABLE.has(err.status) || err.reason === DAILY_LIMIT || (err.status === 0 && NOT_RETRIED_WHEN_DROPPED.has(call.id)) || attempt >= (o.attempts ?? 5)) throw err;
          const wait = Math.round(o.random() * Math.min(16_000, 500 * 2 ** (attempt - 1)));
          if (o.now() + wait + cost > o.deadline) throw new OutOfTime(`stopping while ${call.id} is failing or rate limited: resuming later`);
          o.sleep(wait);
        } finally {
          seen.set(call.id, Math.max(seen.get(call.id) ?? 0, o.now() - started));
        }
      }
    },
  };
  return t;
}

/** The reason given to Apps Script's "too many times for one day": not retried, the card says to run again tomorrow. */
export const DAILY_LIMIT = 'dailyLimitExceeded';

/**
 * Apps Script messages that carry no HTTP code, read by their text (English, and the server error in the languages
 * Apps Script reports it in). A bare "server error", "Empty response" or a timeout leaves the outcome unknown: it is
 * status 0, like a dropped connection (retried, except creates). Anything else without a code is the script's own
 * mistake (Invalid argument …) and stays a 400.
 */
const MESSAGE_STATUS: [RegExp, number, string | null][] = [
  [/too many times for one day|trop de fois pour une journée|zu oft an einem Tag|demasiadas veces en un día/i, 429, DAILY_LIMIT],
  [/too many times in a short time|rate limit|quota|too many requests|user-rate limit/i, 429, 'rateLimitExceeded'],
  [/empty response|r[ée]ponse vide|leere antwort|respuesta vac[ií]a/i, 0, null],
  [/server error occurred|erreur de serveur|erreur du serveur|serverfehler|error (?:en el|del) servidor|erro no servidor|errore del server/i, 0, null],
  [/deadline_exceeded|deadline exceeded|timed? ?out|timeout/i, 0, null],
  [/backend error|internal error|service unavailable|unavailable|service error/i, 503, 'backendError'],
  [/not found|introuvable|nicht gefunden/i, 404, 'notFound'],
  [/already exists/i, 409, 'duplicate'],
  [/insufficient|permission|forbidden/i, 403, 'forbidden'],
];

/**
 * Apps Script throws GoogleJsonResponseException with `details: { code, message, errors: [{ reason }] }`; other
 * failures come as a bare message ("API call to x failed with error: …", "Empty response"), read by MESSAGE_STATUS.
 */
export function toApiError(e: unknown, methodId: string): ApiError {
  if (e instanceof ApiError) return e;
  const err = e as { message?: string; details?: { code?: number; message?: string; errors?: { reason?: string }[] } };
  const message = err.details?.message ?? (err.message ?? String(e)).replace(/^.*failed with error:\s*/, '');
  let status = typeof err.details?.code === 'number' ? err.details.code : 0;
  let reason = err.details?.errors?.[0]?.reason ?? null;
  if (!status) {
    const known = MESSAGE_STATUS.find(([re]) => re.test(message));
    status = known ? known[1] : 400;
    reason = reason ?? (known ? known[2] : null);
  }
  // Calendar and Drive answer a rate limit with 403 rateLimitExceeded: retried like a 429.
  if (status === 403 && /rateLimitExceeded/.test(reason ?? '')) status = 429;
  return new ApiError(status, message, reason, methodId);
}
