/** Retries with truncated exponential backoff (Google's guidance for its per-minute quotas) on 429, 5xx and dropped connections. */
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

/**
 * Google's usage-limits pages for Sheets, Docs and Slides ("Resolve time-based quota errors"): wait
 * min(2^n s + random ms, maximum_backoff), with maximum_backoff "typically 32 or 64 seconds", and keep retrying at
 * the maximum. Their per-minute quotas refill when the minute turns, so the attempts must outlast a whole minute:
 * 1 + 2 + 4 + 8 + 16 + 32 + 64 + 64 + 64 s ≈ 4 min over 10 attempts.
 */
export const defaultRetry = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
  attempts: 10,
  baseMs: 1000,
  capMs: 64_000,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  random: Math.random,
  ...overrides,
});

/** A Retry-After longer than this is not waited out here: the run stops and resumes later instead. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

/**
 * Creates that a dropped connection may have completed on Google's side: not retried blind (that could make two);
 * the step fails, and the resumed run finds what was made by its tag before creating again.
 */
export const NOT_RETRIED_WHEN_DROPPED = new Set(['drive.files.copy', 'drive.files.create', 'gmail.users.drafts.create', 'slides.presentations.create']);

export function retryable(e: unknown): e is ApiError {
  return e instanceof ApiError && RETRYABLE.has(e.status) && !(e.status === 0 && NOT_RETRIED_WHEN_DROPPED.has(e.methodId ?? ''));
}

/** Runs `fn`, retrying retryable ApiErrors; a Retry-After the server sent wins over the computed delay. */
export async function withRetry<T>(fn: () => Promise<T>, policy: RetryPolicy, retryAfterMs?: (e: ApiError) => number | null): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!retryable(e) || attempt >= policy.attempts) throw e;
      const asked = retryAfterMs?.(e) ?? null;
      if (asked !== null && asked > MAX_RETRY_AFTER_MS) throw e;
      // Jitter on top of the doubling (up to one base step), so clients that failed together do not retry together.
      const wait = asked ?? Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1) + Math.round(policy.random() * policy.baseMs));
      policy.onRetry?.(e, attempt, wait);
      await policy.sleep(wait);
    }
  }
}
