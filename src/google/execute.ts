/**
 * Runs ApiCalls as generator steps that a transport drives: fills `${name}` references from earlier responses, follows a call's
 * fallback on the statuses it names, and records every call made (the benchmark and the dry-run file read that log).
 */
import type { ApiCall } from './types';

/** A failed call as every transport reports it: the HTTP status (0 for a dropped connection) and Google's reason. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(readonly status: number, message: string, readonly reason: string | null = null, readonly methodId: string | null = null) {
    super(message);
  }
}

export interface Transport {
  /** Makes one call (params and body fully resolved) and returns the response body; throws ApiError. */
  send(call: ApiCall): Promise<unknown>;
}

/** A blocking transport (Apps Script's services answer synchronously). */
export interface SyncTransport {
  sendSync(call: ApiCall): unknown;
}

/**
 * A step of Google work as data: it yields each call to make and is resumed with the response (or the ApiError
 * thrown into it). The same steps run on Node (async, googleapis) and in Apps Script (sync, advanced services).
 */
export type Effect<T> = Generator<ApiCall, T, unknown>;

export interface Made {
  call: ApiCall;
  status: 'ok' | 'fallback' | 'failed';
}

export class Executor {
  readonly bound = new Map<string, unknown>();
  readonly made: Made[] = [];

  /** Makes one call (or its fallback) and returns the response; bound values become available to later calls. */
  *run(call: ApiCall): Effect<unknown> {
    // Nothing is ever sent: drafts only (SPEC §5), whatever a builder or a template asks for.
    if (/\.send$/.test(call.id)) throw new Error(`${call.id} is never called: QBR Facilitator only drafts`);
    const resolved = this.resolve(call);
    let response: unknown;
    try {
      response = yield resolved;
    } catch (e) {
      if (e instanceof ApiError && call.fallback && call.fallback.on.includes(e.status)) {
        this.made.push({ call: resolved, status: 'fallback' });
        return call.fallback.call ? yield* this.run(call.fallback.call) : null;
      }
      this.made.push({ call: resolved, status: 'failed' });
      throw e;
    }
    this.made.push({ call: resolved, status: 'ok' });
    this.bind(call, response);
    return response;
  }

  *runAll(calls: ApiCall[]): Effect<unknown[]> {
    const out: unknown[] = [];
    for (const c of calls) out.push(yield* this.run(c));
    return out;
  }

  value<T = unknown>(name: string): T | undefined {
    return this.bound.get(name) as T | undefined;
  }

  set(name: string, value: unknown): void {
    this.bound.set(name, value);
  }

  private bind(call: ApiCall, response: unknown): void {
    for (const [name, path] of Object.entries(call.bind ?? {})) this.bound.set(name, pick(response, path));
  }

  /** `${name}` in params (and in the body when the call says bodyRefs) becomes the bound value; a whole-string reference keeps its type. */
  resolve(call: ApiCall): ApiCall {
    const sub = (v: unknown): unknown => {
      if (typeof v === 'string') {
        const whole = /^\$\{([A-Za-z0-9_.]+)\}$/.exec(v);
        if (whole) return this.lookup(whole[1]!, v);
        return v.replace(/\$\{([A-Za-z0-9_.]+)\}/g, (m, name: string) => String(this.lookup(name, m)));
      }
      if (Array.isArray(v)) return v.map(sub);
      if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, sub(x)]));
      return v;
    };
    const { fallback: _f, ...rest } = call;
    const body = call.body === undefined ? {} : { body: call.bodyRefs ? sub(call.body) : call.body };
    return { ...rest, params: sub(call.params) as ApiCall['params'], ...body };
  }

  private lookup(name: string, literal: string): unknown {
    if (!this.bound.has(name)) throw new Error(`${literal} is used before any call bound it`);
    return this.bound.get(name);
  }
}

/** Runs a step on an async transport (Node). */
export async function driveAsync<T>(effect: Effect<T>, transport: Transport): Promise<T> {
  let step = effect.next();
  while (!step.done) {
    let response: unknown;
    try {
      response = await transport.send(step.value);
    } catch (e) {
      step = effect.throw(e);
      continue;
    }
    step = effect.next(response);
  }
  return step.value;
}

/** Runs a step on a blocking transport (Apps Script), within one execution. */
export function driveSync<T>(effect: Effect<T>, transport: SyncTransport): T {
  let step = effect.next();
  while (!step.done) {
    let response: unknown;
    try {
      response = transport.sendSync(step.value);
    } catch (e) {
      step = effect.throw(e);
      continue;
    }
    step = effect.next(response);
  }
  return step.value;
}

/** `a.b.0.c` into a response. */
export function pick(value: unknown, path: string): unknown {
  let v: unknown = value;
  for (const part of path.split('.')) {
    if (v === null || v === undefined) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** An Executor bound to an async transport, for callers that make calls one at a time (tests, small scripts). */
export class AsyncRunner {
  readonly exec = new Executor();

  constructor(readonly transport: Transport) {}

  get made(): Made[] {
    return this.exec.made;
  }

  run(call: ApiCall): Promise<unknown> {
    return driveAsync(this.exec.run(call), this.transport);
  }

  runAll(calls: ApiCall[]): Promise<unknown[]> {
    return driveAsync(this.exec.runAll(calls), this.transport);
  }

  value<T = unknown>(name: string): T | undefined {
    return this.exec.value<T>(name);
  }
}
