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
  /** What a call is assumed to cost when deciding whether one more fits before the deadline. */
  callMs?: number;
  attempts?: number;
}

/** Thrown instead of starting a call that would run past the deadline; every finished step is already saved. */
export class OutOfTime extends Error {
  override readonly name = 'OutOfTime';
}

const RETRYABLE = new Set([0, 429, 500, 502, 503, 504]);
/** Creates a dropped connection may have completed: not retried blind (see src/transport/retry.ts). */
const NOT_RETRIED_WHEN_DROPPED = new Set(['drive.files.copy', 'drive.files.create', 'gmail.users.drafts.create', 'slides.presentations.create']);

export function gasTransport(o: GasTransportOptions): SyncTransport & { calls: number } {
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
      for (let attempt = 1; ; attempt++) {
        if (o.now() + (o.callMs ?? 1500) > o.deadline) throw new OutOfTime(`stopping before ${call.id}: the time budget is used`);
        try {
          t.calls++;
          return fn.apply(owner, args);
        } catch (e) {
          const err = toApiError(e, call.id);
          if (!RETRYABLE.has(err.status) || (err.status === 0 && NOT_RETRIED_WHEN_DROPPED.has(call.id)) || attempt >= (o.attempts ?? 5)) throw err;
          const wait = Math.round(o.random() * Math.min(16_000, 500 * 2 ** (attempt - 1)));
          if (o.now() + wait + (o.callMs ?? 1500) > o.deadline) throw new OutOfTime(`stopping while ${call.id} is rate limited: resuming later`);
          o.sleep(wait);
        }
      }
    },
  };
  return t;
}

/**
 * Apps Script throws GoogleJsonResponseException with `details: { code, message, errors: [{ reason }] }`; older
 * runtimes only put it in the message ("API call to x failed with error: …"), so the message is read too.
 */
export function toApiError(e: unknown, methodId: string): ApiError {
  if (e instanceof ApiError) return e;
  const err = e as { message?: string; details?: { code?: number; message?: string; errors?: { reason?: string }[] } };
  const message = err.details?.message ?? (err.message ?? String(e)).replace(/^.*failed with error:\s*/, '');
  let status = typeof err.details?.code === 'number' ? err.details.code : 0;
  if (!status) {
    if (/not found/i.test(message)) status = 404;
    else if (/already exists/i.test(message)) status = 409;
    else if (/insufficient|permission|forbidden/i.test(message)) status = 403;
    else if (/rate limit|quota|too many/i.test(message)) status = 429;
    else if (/backend|internal|unavailable|timed? ?out/i.test(message)) status = 503;
    else status = 400;
  }
  const reason = err.details?.errors?.[0]?.reason ?? null;
  // Calendar and Drive answer a rate limit with 403 rateLimitExceeded: retried like a 429.
  if (status === 403 && /rateLimitExceeded/.test(reason ?? '')) status = 429;
  return new ApiError(status, message, reason, methodId);
}
