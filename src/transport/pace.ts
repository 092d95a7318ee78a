/** Paces write calls under Google's per-user quotas (Slides and Docs: 60 writes a minute) with a sliding window. */

export interface PaceOptions {
  /** Calls allowed per window, per bucket. */
  limit: number;
  windowMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** Which quota bucket a method's calls count against, or null when it is not paced. */
export function bucketOf(methodId: string): string | null {
  if (methodId === 'slides.presentations.batchUpdate' || methodId === 'slides.presentations.create') return 'slides-write';
  if (methodId === 'docs.documents.batchUpdate' || methodId === 'docs.documents.create') return 'docs-write';
  // Sheets also allows 60 writes a minute per user: a book of many small packages writes a log row each.
  if (/^sheets\.spreadsheets\.(batchUpdate|values\.(batchUpdate|update|append))$/.test(methodId)) return 'sheets-write';
  return null;
}

export class Pacer {
  private readonly history = new Map<string, number[]>();
  waitedMs = 0;

  constructor(private readonly options: PaceOptions) {}

  /** Waits, if needed, until one more call fits in the bucket's window, then counts it. */
  async take(bucket: string | null): Promise<void> {
    if (bucket === null) return;
    const { limit, windowMs, now, sleep } = this.options;
    const times = this.history.get(bucket) ?? [];
    for (;;) {
      const t = now();
      while (times.length > 0 && times[0]! <= t - windowMs) times.shift();
      if (times.length < limit) {
        times.push(t);
        this.history.set(bucket, times);
        return;
      }
      const wait = times[0]! + windowMs - t;
      this.waitedMs += wait;
      await sleep(wait);
    }
  }
}

/** A little under Google's 60 per minute, so clock skew between us and Google never trips the quota. */
export const defaultPace = (overrides: Partial<PaceOptions> = {}): PaceOptions => ({
  limit: 55,
  windowMs: 60_000,
  now: Date.now,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  ...overrides,
});
