/** Retries with exponential backoff and full jitter on the failures Google asks clients to retry (429, 5xx, dropped connections). */
import { ApiError } from '../google/execute';

export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  capMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Told about each retry (for the progress line). */
  onRetry?: (e: ApiError, attempt: number, waitMs: number) => void;
}

export const RETRYABLE = new Set([0, 429, 500, 502, 503, 504]);

export const defaultRetry = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
  attempts: 6,
  baseMs: 500,
  capMs: 32_000,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  random: Math.random,
  ...overrides,
});

/** Runs `fn`, retrying retryable ApiErrors; a Retry-After the server sent wins over the computed delay. */
/**
 * Creates that a dropped connection may have completed on Google's side: not retried blind (that could make two);
 * the step fails, and the resumed run finds what was made by its tag before creating again.
 */
export const NOT_RETRIED_WHEN_DROPPED = new Set(['drive.files.copy', 'drive.files.create', 'gmail.users.drafts.create', 'slides.presentations.create']);

export function retryable(e: unknown): e is ApiError {
  return e instanceof ApiError && RETRYABLE.has(e.status) && !(e.status === 0 && NOT_RETRIED_WHEN_DROPPED.has(e.methodId ?? ''));
}

export async function withRetry<T>(fn: () => Promise<T>, policy: RetryPolicy, retryAfterMs?: (e: ApiError) => number | null): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!retryable(e) || attempt >= policy.attempts) throw e;
      const backoff = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
      const wait = retryAfterMs?.(e) ?? Math.round(policy.random() * backoff);
      policy.onRetry?.(e, attempt, wait);
      await policy.sleep(wait);
    }
  }
}
