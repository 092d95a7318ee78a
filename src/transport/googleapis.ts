/** The Node transport: ApiCalls made through Google's real per-API clients (@googleapis/*), with retries, pacing and one error type. */
import { calendar } from '@googleapis/calendar';
import { docs } from '@googleapis/docs';
import { drive } from '@googleapis/drive';
import { gmail } from '@googleapis/gmail';
import { sheets } from '@googleapis/sheets';
import { slides } from '@googleapis/slides';
import type { ApiCall } from '../google/types';
import { ApiError, type Transport } from '../google/execute';
import { bucketOf, Pacer } from './pace';
import { withRetry, type RetryPolicy } from './retry';

const VERSIONS: Record<string, string> = { slides: 'v1', docs: 'v1', gmail: 'v1', calendar: 'v3', sheets: 'v4', drive: 'v3' };
// The six API packages, in place of the monolithic `googleapis` (one client factory each, same options).
const FACTORIES = { slides, docs, gmail, calendar, sheets, drive } as unknown as Record<string, (o: object) => unknown>;

export interface GoogleapisTransportOptions {
  /** Anything googleapis accepts as `auth` (an OAuth2Client, GoogleAuth …). */
  auth: unknown;
  /** API root override (tests point it at the loopback fake). */
  rootUrl?: string;
  retry: RetryPolicy;
  pacer: Pacer;
}

type Method = (params: Record<string, unknown>) => Promise<{ data: unknown }>;

export function googleapisTransport(options: GoogleapisTransportOptions): Transport {
  const clients = new Map<string, unknown>();
  const client = (api: string): unknown => {
    let c = clients.get(api);
    if (!c) {
      const factory = FACTORIES[api];
      if (!factory || !VERSIONS[api]) throw new Error(`no googleapis client for "${api}"`);
      // googleapis' own retry is off: ours has jitter, counts attempts and honours the pacing.
      // A minute per request: one hung socket must not stall an --all run for hours (the retry takes over).
      c = factory({ version: VERSIONS[api], auth: options.auth, ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}), retry: false, retryConfig: { retry: 0 }, timeout: 60_000 });
      clients.set(api, c);
    }
    return c;
  };
  const method = (id: string): Method => {
    const [api, ...path] = id.split('.');
    let target: unknown = client(api!);
    let owner: unknown = target;
    for (const part of path) {
      owner = target;
      target = (target as Record<string, unknown> | undefined)?.[part];
    }
    if (typeof target !== 'function') throw new Error(`googleapis has no method ${id}`);
    return (target as Method).bind(owner);
  };
  return {
    async send(call: ApiCall): Promise<unknown> {
      const fn = method(call.id);
      return withRetry(async () => {
        await options.pacer.take(bucketOf(call.id));
        try {
          const res = await fn({ ...call.params, ...(call.body !== undefined ? { requestBody: call.body } : {}) });
          return res.data;
        } catch (e) {
          throw toApiError(e, call.id);
        }
      }, options.retry, retryAfter);
    },
  };
}

interface GaxiosLike {
  code?: string;
  status?: number;
  response?: { status?: number; headers?: Record<string, string> | { get?(n: string): string | null }; data?: { error?: { message?: string; errors?: { reason?: string }[]; status?: string } } };
  message?: string;
}

/** Every failure becomes an ApiError: HTTP status (0 for a dropped connection), Google's reason and message. */
export function toApiError(e: unknown, methodId: string): ApiError {
  const g = e as GaxiosLike;
  const status = g.response?.status ?? (typeof g.status === 'number' ? g.status : 0);
  const err = g.response?.data?.error;
  const reason = err?.errors?.[0]?.reason ?? err?.status ?? (status === 0 ? g.code ?? 'connection' : null);
  // Calendar and Drive answer a rate limit with 403 rateLimitExceeded: it is a 429 in all but number.
  const limited = status === 403 && /rateLimitExceeded/.test(reason ?? '');
  const error = new ApiError(limited ? 429 : status, err?.message ?? g.message ?? String(e), reason, methodId);
  const headers = g.response?.headers;
  const after = headers && (typeof (headers as { get?: unknown }).get === 'function' ? (headers as { get(n: string): string | null }).get('retry-after') : (headers as Record<string, string>)['retry-after']);
  // Retry-After is delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
  if (after) (error as ApiError & { retryAfterMs?: number }).retryAfterMs = /^\d+$/.test(after.trim()) ? Number(after) * 1000 : Math.max(0, Date.parse(after) - Date.now());
  return error;
}

function retryAfter(e: ApiError): number | null {
  const ms = (e as ApiError & { retryAfterMs?: number }).retryAfterMs;
  return typeof ms === 'number' && Number.isFinite(ms) ? ms : null;
}
