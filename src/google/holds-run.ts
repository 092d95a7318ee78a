/** A package's Calendar holds on a re-run: listed in one call, a live one patched only when it changed, the CSM's edit kept. */
import { holdDecision, packageHoldsCall, type HoldCalls, type ListedEvent } from './calendar';
import { holdEventId } from '../core/package/holds';
import { ApiError, type Effect, type Executor } from './execute';

type Run = { exec: Executor };

/** This package's live holds by event id; none when the list fails (each hold then takes the insert path). */
export function* listHolds(g: Run, anyKey: string): Effect<Map<string, ListedEvent>> {
  const found = (yield* g.exec.run({ ...packageHoldsCall(anyKey), fallback: { on: [400, 403, 404] } })) as { items?: ListedEvent[] } | null;
  return new Map((found?.items ?? []).filter((e) => e.id && e.status !== 'cancelled').map((e) => [e.id!, e]));
}

/**
 * A hold `live` lists (`listHolds`) is patched only when it changed. Otherwise insert it; on 409 read the event that
 * owns its id: a deleted one stays deleted, a live one is refreshed.
 */
export function* makeHold(g: Run, hold: HoldCalls, live: ReadonlyMap<string, ListedEvent>): Effect<'made' | 'deleted' | 'kept'> {
  const listed = live.get(holdEventId(hold.key));
  if (listed) return yield* refreshHold(g, hold, listed);
  try {
    yield* g.exec.run(hold.insert);
    return 'made';
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 409) throw e;
  }
  const event = (yield* g.exec.run(hold.get)) as ListedEvent | null;
  if (event?.status === 'cancelled') return 'deleted';
  return yield* refreshHold(g, hold, event ?? {});
}

/** A live hold: the CSM's edited title or description kept; else patched only when something differs. */
function* refreshHold(g: Run, hold: HoldCalls, event: ListedEvent): Effect<'made' | 'kept'> {
  const decision = holdDecision(event, hold.patch);
  if (decision === 'edited') return 'kept';
  if (decision === 'patch') yield* g.exec.run(hold.patch);
  return 'made';
}
