/** Small helpers the API handlers share: reading params, Google-shaped errors, timestamps. */
import { FakeError, type FakeRequest, type FakeResponse } from '../types';

/** A single-valued query or path param. */
export function param(req: FakeRequest, name: string): string | undefined {
  const v = req.params[name];
  return Array.isArray(v) ? v[0] : v;
}

/** A repeated query param (`ranges=a&ranges=b`), always as an array. */
export function params(req: FakeRequest, name: string): string[] {
  const v = req.params[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** A path param: the router only matches when it is present, so absence is a fake bug. */
export function pathParam(req: FakeRequest, name: string): string {
  const v = param(req, name);
  if (v === undefined) throw new Error(`route for ${req.methodId} lacks path param ${name}`);
  return v;
}

export function flag(req: FakeRequest, name: string): boolean {
  return param(req, name) === 'true';
}

export function ok(body?: unknown): FakeResponse {
  return body === undefined ? { status: 204 } : { status: 200, body };
}

export function invalid(message: string, reason = 'invalid'): FakeError {
  return new FakeError(400, message, reason);
}

export function notFound(message = 'Requested entity was not found.'): FakeError {
  return new FakeError(404, message, 'notFound');
}

/** The one place the fake reads the clock: `created`/`updated` stamps, which tests never compare exactly. */
export function now(): string {
  return new Date().toISOString();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- request bodies are validated JSON, read loosely
export type AnyJson = any;
