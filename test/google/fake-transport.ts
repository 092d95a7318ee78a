/** A transport straight into the fake's handlers (no HTTP), refusing any call whose params or body Google would refuse. */
import type { Transport } from '../../src/google/execute';
import type { ApiCall } from '../../src/google/types';
import { validateBody, validateParams } from '../fake-google/discovery';
import { driveHandlers } from '../fake-google/apis/drive';
import { slidesHandlers } from '../fake-google/apis/slides';
import type { FakeState } from '../fake-google/types';

export function fakeTransport(state: FakeState): Transport {
  const handlers = { ...driveHandlers, ...slidesHandlers };
  return {
    async send(call: ApiCall) {
      const params = Object.fromEntries(Object.entries(call.params).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)]));
      const errors = [...validateParams(call.id, params), ...validateBody(call.id, call.body)];
      if (errors.length > 0) throw new Error(`${call.id}: ${errors.join('; ')}`);
      return handlers[call.id]!({ methodId: call.id, params, body: call.body, token: null }, state).body;
    },
  };
}
