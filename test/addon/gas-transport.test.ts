/** The Apps Script transport's edge: bare Apps Script messages as status codes, and a per-call-kind time budget. */
import type { ApiCall } from '../../src/google/types';
import { CALL_COST_MS, DAILY_LIMIT, gasTransport, OutOfTime, toApiError } from '../../src/addon/gas/transport';
import { GAS_MESSAGES } from './harness/advanced';

describe('toApiError reads Apps Script messages that carry no HTTP code', () => {
  it.each([
    [GAS_MESSAGES.empty, 0, null],
    [GAS_MESSAGES.serverError, 0, null],
    [GAS_MESSAGES.serverErrorFr, 0, null],
    [GAS_MESSAGES.serverErrorDe, 0, null],
    [GAS_MESSAGES.serverErrorEs, 0, null],
    [GAS_MESSAGES.deadline, 0, null],
    [GAS_MESSAGES.tooFast, 429, 'rateLimitExceeded'],
    [GAS_MESSAGES.daily, 429, DAILY_LIMIT],
    ['API call to drive.files.copy failed with error: File not found: abc', 404, 'notFound'],
    ['Invalid argument: resource', 400, null],
  ])('%s → %d', (message, status, reason) => {
    const e = toApiError(Object.assign(new Error(message), { name: 'Exception' }), 'slides.presentations.batchUpdate');
    expect([e.status, e.reason]).toEqual([status, reason]);
  });

  it('keeps the code and reason of a GoogleJsonResponseException (403 rateLimitExceeded is a rate limit)', () => {
    const e = toApiError({ message: 'x', details: { code: 403, message: 'Rate Limit Exceeded', errors: [{ reason: 'rateLimitExceeded' }] } }, 'calendar.events.insert');
    expect([e.status, e.reason, e.message]).toEqual([429, 'rateLimitExceeded', 'Rate Limit Exceeded']);
  });
});

describe('gasTransport', () => {
  const call = (id: string, params: Record<string, string>): ApiCall => ({ id, params, body: {} });
  function rig(costs: Record<string, number>, fail?: { message: string; times: number }) {
    let now = 0;
    const made: string[] = [];
    const method = (id: string) => () => {
      made.push(id);
      now += costs[id] ?? 1000;
      if (fail && fail.times > 0) {
        fail.times--;
        throw new Error(fail.message);
      }
      return { ok: id };
    };
    const services = { Docs: { Documents: { batchUpdate: method('docs.documents.batchUpdate') } }, Drive: { Files: { copy: method('drive.files.copy') } } };
    const t = gasTransport({ services: services as never, now: () => now, sleep: (ms) => void (now += ms), random: () => 0.5, deadline: 22_000 });
    return { t, made, at: () => now, set: (ms: number) => void (now = ms) };
  }

  it('budgets each call kind by its expected cost: a batchUpdate that could not finish by the deadline is not started', () => {
    const r = rig({ 'docs.documents.batchUpdate': 3000 });
    r.set(22_000 - CALL_COST_MS['docs.documents.batchUpdate']! + 1);
    expect(() => r.t.sendSync(call('docs.documents.batchUpdate', { documentId: 'd' }))).toThrow(OutOfTime);
    expect(r.made).toEqual([]);
  });

  it('raises a kind\'s budget to the slowest call of it seen in this execution', () => {
    const r = rig({ 'docs.documents.batchUpdate': 9000 });
    r.t.sendSync(call('docs.documents.batchUpdate', { documentId: 'd' }));
    expect(r.at()).toBe(9000);
    r.set(22_000 - 8000); // 8 s left: the table's 4 s would fit, the 9 s just measured does not
    expect(() => r.t.sendSync(call('docs.documents.batchUpdate', { documentId: 'd' }))).toThrow(OutOfTime);
    expect(r.made).toHaveLength(1);
  });

  it('retries "Empty response", but never resends a copy after it (it may have been made)', () => {
    const retried = rig({}, { message: GAS_MESSAGES.empty, times: 1 });
    expect(retried.t.sendSync(call('docs.documents.batchUpdate', { documentId: 'd' }))).toEqual({ ok: 'docs.documents.batchUpdate' });
    expect(retried.made).toHaveLength(2);
    const copy = rig({}, { message: GAS_MESSAGES.empty, times: 1 });
    expect(() => copy.t.sendSync(call('drive.files.copy', { fileId: 'f' }))).toThrow(expect.objectContaining({ status: 0 }));
    expect(copy.made).toHaveLength(1);
  });

  it('does not retry the daily quota', () => {
    const r = rig({}, { message: GAS_MESSAGES.daily, times: 3 });
    expect(() => r.t.sendSync(call('docs.documents.batchUpdate', { documentId: 'd' }))).toThrow(expect.objectContaining({ status: 429, reason: DAILY_LIMIT }));
    expect(r.made).toHaveLength(1);
  });
});
