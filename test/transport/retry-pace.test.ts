import { ApiError, AsyncRunner, type Transport } from '../../src/google/execute';
import { explainApiError } from '../../src/google/errors';
import type { ApiCall } from '../../src/google/types';
import { Pacer } from '../../src/transport/pace';
import { toApiError } from '../../src/transport/googleapis';
import { defaultRetry, withRetry } from '../../src/transport/retry';

describe('retry', () => {
  it('retries 429, 5xx and dropped connections with jittered exponential backoff, then gives up', async () => {
    const waits: number[] = [];
    const policy = defaultRetry({ attempts: 4, baseMs: 100, sleep: async (ms) => void waits.push(ms), random: () => 0.5 });
    let n = 0;
    const result = await withRetry(async () => {
      n++;
      if (n === 1) throw new ApiError(429, 'slow down', 'rateLimitExceeded');
      if (n === 2) throw new ApiError(0, 'socket hang up', 'ECONNRESET');
      if (n === 3) throw new ApiError(503, 'backend', 'backendError');
      return 'done';
    }, policy);
    expect(result).toBe('done');
    // 2^n steps plus jitter of up to one step (0.5 × 100): 100 + 50, 200 + 50, 400 + 50
    expect(waits).toEqual([150, 250, 450]);
    let m = 0;
    await expect(withRetry(async () => { m++; throw new ApiError(500, 'x'); }, policy)).rejects.toMatchObject({ status: 500 });
    expect(m).toBe(4);
  });

  it("by default follows Google's 2^n s up to 64 s, long enough to outlast a per-minute quota window", async () => {
    let now = 0;
    const waits: number[] = [];
    const policy = defaultRetry({ sleep: async (ms) => { waits.push(ms); now += ms; }, random: () => 0 });
    // Google answers 429 until the minute turns.
    const result = await withRetry(async () => { if (now < 60_000) throw new ApiError(429, 'Quota exceeded', 'rateLimitExceeded'); return now; }, policy);
    expect(result).toBe(63_000);
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000]);
    // The cap: however many failures, one wait is never more than 64 s; and the attempts add up to about 4 minutes.
    const all: number[] = [];
    await expect(withRetry(async () => { throw new ApiError(503, 'x'); }, defaultRetry({ sleep: async (ms) => void all.push(ms), random: () => 0 }))).rejects.toMatchObject({ status: 503 });
    expect(all).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 64_000, 64_000]);
  });

  it('never retries a 4xx that will not change, and honours Retry-After', async () => {
    const policy = defaultRetry({ sleep: async () => undefined });
    let n = 0;
    await expect(withRetry(async () => { n++; throw new ApiError(403, 'no'); }, policy)).rejects.toMatchObject({ status: 403 });
    expect(n).toBe(1);
    const waits: number[] = [];
    let k = 0;
    await withRetry(async () => { if (k++ === 0) throw new ApiError(429, 'x'); return 1; }, defaultRetry({ sleep: async (ms) => void waits.push(ms) }), () => 7000);
    expect(waits).toEqual([7000]);
    // A Retry-After of hours is not slept through: the run stops and resumes later.
    let h = 0;
    await expect(withRetry(async () => { h++; throw new ApiError(429, 'x'); }, defaultRetry({ sleep: async () => undefined }), () => 3 * 3600_000)).rejects.toMatchObject({ status: 429 });
    expect(h).toBe(1);
  });
});

describe('Retry-After', () => {
  const limited = (after: string) => toApiError({ response: { status: 429, headers: { 'retry-after': after }, data: { error: { message: 'Quota exceeded', errors: [{ reason: 'rateLimitExceeded' }] } } } }, 'sheets.spreadsheets.values.batchUpdate') as ApiError & { retryAfterMs?: number };

  it('reads delay-seconds and an HTTP-date (RFC 9110), and nothing from a header it cannot read', () => {
    expect(limited('7').retryAfterMs).toBe(7000);
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    expect(limited(inAMinute).retryAfterMs).toBeGreaterThan(55_000);
    expect(limited(inAMinute).retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(limited('Thu, 01 Jan 1970 00:00:00 GMT').retryAfterMs).toBe(0);
    expect(Number.isNaN(limited('soon').retryAfterMs)).toBe(true);
  });
});

describe('pacing', () => {
  it('keeps at most the limit of writes in any window, waiting for the oldest to age out', async () => {
    let now = 0;
    const pacer = new Pacer({ limit: 3, windowMs: 60_000, now: () => now, sleep: async (ms) => void (now += ms) });
    const at: number[] = [];
    for (let i = 0; i < 7; i++) {
      await pacer.take('slides-write');
      at.push(now);
      now += 1000;
    }
    // 3 at t=0,1,2 s; the 4th waits until the 1st is 60 s old …
    expect(at).toEqual([0, 1000, 2000, 60_000, 61_000, 62_000, 120_000]);
    await pacer.take(null); // unpaced methods never wait
  });
});

describe('executor', () => {
  const calls: ApiCall[] = [];
  const transport: Transport = {
    async send(call) {
      calls.push(call);
      if (call.id === 'gmail.users.drafts.update') throw new ApiError(404, 'gone', 'notFound', call.id);
      if (call.id === 'drive.files.copy') return { id: 'deck-1' };
      return { ok: true };
    },
  };
  it('binds response values into later calls and follows fallbacks', async () => {
    const ex = new AsyncRunner(transport);
    await ex.run({ id: 'drive.files.copy', params: { fileId: 'tpl' }, bind: { deckId: 'id' } });
    await ex.run({ id: 'slides.presentations.batchUpdate', params: { presentationId: '${deckId}' }, body: { note: 'deck ${deckId}' }, bodyRefs: true });
    expect(calls[1]).toEqual({ id: 'slides.presentations.batchUpdate', params: { presentationId: 'deck-1' }, body: { note: 'deck deck-1' }, bodyRefs: true });
    // Tracker text that looks like a reference is left alone unless the call asks for body references.
    await ex.run({ id: 'docs.documents.batchUpdate', params: { documentId: '${deckId}' }, body: { text: 'costs ${x} today' } });
    expect(calls[2]!.body).toEqual({ text: 'costs ${x} today' });
    await ex.run({ id: 'gmail.users.drafts.update', params: { userId: 'me', id: 'd1' }, fallback: { on: [404], call: { id: 'gmail.users.drafts.create', params: { userId: 'me' } } } });
    expect(calls.map((c) => c.id).slice(3)).toEqual(['gmail.users.drafts.update', 'gmail.users.drafts.create']);
    expect(ex.made.map((m) => m.status)).toEqual(['ok', 'ok', 'ok', 'fallback', 'ok']);
    await expect(ex.run({ id: 'x.y', params: { a: '${nope}' } })).rejects.toThrow(/used before any call bound it/);
  });
  it('explains failures in words that say what to fix', () => {
    expect(explainApiError(new ApiError(403, 'Request had insufficient authentication scopes.', 'insufficientPermissions', 'gmail.users.drafts.create'))).toMatchObject({ code: 'scope' });
    expect(explainApiError(new ApiError(404, 'File not found', 'notFound', 'drive.files.copy')).message).toMatch(/--template/);
    expect(explainApiError(new ApiError(403, 'The caller does not have permission', 'forbidden', 'sheets.spreadsheets.get')).message).toMatch(/share it/);
  });
});

describe('the same steps on a blocking transport', () => {
  it('drives a step synchronously, with fallbacks, as Apps Script does', async () => {
    const { Executor, driveSync } = await import('../../src/google/execute');
    const exec = new Executor();
    const seen: string[] = [];
    const sync = {
      sendSync(call: ApiCall) {
        seen.push(call.id);
        if (call.id === 'calendar.events.insert') throw new ApiError(409, 'The requested identifier already exists.', 'duplicate', call.id);
        return { id: 'x' };
      },
    };
    const out = driveSync(exec.runAll([
      { id: 'calendar.events.insert', params: { calendarId: 'primary' }, fallback: { on: [409], call: { id: 'calendar.events.patch', params: { calendarId: 'primary', eventId: 'e' } } } },
      { id: 'drive.files.copy', params: { fileId: 'f' }, bind: { deckId: 'id' } },
    ]), sync);
    expect(out).toEqual([{ id: 'x' }, { id: 'x' }]);
    expect(seen).toEqual(['calendar.events.insert', 'calendar.events.patch', 'drive.files.copy']);
    expect(exec.value('deckId')).toBe('x');
  });
});
