/** Drives the fake's handlers directly (no HTTP) in its own tests: one call, and the FakeError a failing call throws. */
import { FakeError, type FakeState, type Handler } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any -- REST resources are read loosely, as a client would */

export function callHandler(handlers: Record<string, Handler>, state: FakeState, methodId: string, params: Record<string, string>, body?: unknown): any {
  const handler = handlers[methodId];
  if (!handler) throw new Error(`no handler ${methodId}`);
  return handler({ methodId, params, body, token: 'test-token' }, state).body;
}

export function failure(run: () => unknown): FakeError {
  try {
    run();
  } catch (e) {
    if (e instanceof FakeError) return e;
    throw e;
  }
  throw new Error('expected a FakeError');
}
