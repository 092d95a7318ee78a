/** Test helper: every params object and body a builder makes, checked against Google's discovery documents (fallbacks included). */
import type { ApiCall } from '../../src/google/types';
import { validateBody, validateParams } from '../fake-google/discovery';

/** Problems with one call and its fallback chain; `[]` when Google would accept all of it. Params are stringified as on a query string. */
export function discoveryProblems(call: ApiCall): string[] {
  const params = Object.fromEntries(
    Object.entries(call.params).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : String(v)]),
  );
  return [
    ...validateParams(call.id, params).map((e) => `${call.id} params: ${e}`),
    ...validateBody(call.id, call.body).map((e) => `${call.id} body: ${e}`),
    ...(call.fallback?.call ? discoveryProblems(call.fallback.call) : []),
  ];
}

export function allDiscoveryProblems(calls: ApiCall[]): string[] {
  return calls.flatMap(discoveryProblems);
}
