/** Calendar v3 events: client-chosen ids (for idempotent holds), cancelled events that keep their id, lookups by property. */
import { FakeError, type FakeRequest, type FakeState, type Handler } from '../types';
import { type AnyJson, flag, invalid, notFound, now, ok, param, params, pathParam } from './util';

const BASE32HEX = /^[a-v0-9]{5,1024}$/;

function calendar(req: FakeRequest, state: FakeState): Map<string, AnyJson> {
  const id = pathParam(req, 'calendarId');
  let cal = state.events.get(id);
  if (!cal) state.events.set(id, (cal = new Map()));
  return cal;
}

function existing(req: FakeRequest, state: FakeState): AnyJson {
  const event = calendar(req, state).get(pathParam(req, 'eventId'));
  if (!event) throw notFound('Not Found');
  return event;
}

/**
 * An event the user deleted keeps its id as `cancelled`: insert with that id answers 409, and update or patch
 * answers 403 Forbidden (googleapis/google-api-ruby-client#1811), so a deleted event cannot be revived by id.
 */
function writable(req: FakeRequest, state: FakeState): AnyJson {
  const event = existing(req, state);
  if (event.status === 'cancelled') throw new FakeError(403, 'Forbidden', 'forbidden');
  return event;
}

/** Google's own checks on the times of an event: date or dateTime, a zone when the dateTime has no offset, end after start. */
function checkTimes(event: AnyJson): void {
  const ms: number[] = [];
  for (const side of ['start', 'end'] as const) {
    const t = event[side];
    if (!t || (t.date === undefined && t.dateTime === undefined)) throw invalid(`Missing ${side} time.`, 'required');
    if (t.date !== undefined && t.dateTime !== undefined) throw invalid(`Invalid ${side} time: both date and dateTime are set.`);
    if (t.dateTime !== undefined && !t.timeZone && !/(Z|[+-]\d{2}:\d{2})$/i.test(t.dateTime)) {
      throw invalid(`Missing time zone definition for ${side} time.`, 'required');
    }
    if (t.timeZone !== undefined && !isZone(t.timeZone)) throw invalid(`Invalid time zone definition for ${side} time.`, 'timeZoneInvalid');
    ms.push(Date.parse(t.dateTime ?? t.date));
  }
  const [start = 0, end = 0] = ms;
  if (end < start) throw invalid('The specified time range is empty.', 'timeRangeEmpty');
}

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Fields Google owns: the client's body can't change them, so every write re-stamps them. */
function stamp(event: AnyJson, id: string, calendarId: string, prior?: AnyJson): AnyJson {
  return {
    ...event,
    kind: 'calendar#event',
    id,
    etag: `"${Date.now()}"`,
    status: event.status ?? 'confirmed',
    htmlLink: `https://www.google.com/calendar/event?eid=${id}`,
    iCalUID: prior?.iCalUID ?? event.iCalUID ?? `${id}@google.com`,
    created: prior?.created ?? now(),
    updated: now(),
    sequence: prior ? (prior.sequence ?? 0) + 1 : 0,
    organizer: { email: calendarId, self: true },
    creator: { email: calendarId, self: true },
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** PATCH semantics: objects merge field by field, arrays and scalars replace. */
function merge(into: AnyJson, patch: AnyJson): AnyJson {
  const out = { ...into };
  for (const [k, v] of Object.entries(patch)) out[k] = isPlainObject(v) && isPlainObject(out[k]) ? merge(out[k], v) : v;
  return out;
}

/** `key=value` filters of `privateExtendedProperty` / `sharedExtendedProperty`: all must match. */
function propsMatch(event: AnyJson, filters: string[], scope: 'private' | 'shared'): boolean {
  return filters.every((f) => {
    const i = f.indexOf('=');
    return event.extendedProperties?.[scope]?.[f.slice(0, i)] === f.slice(i + 1);
  });
}

export const calendarHandlers: Record<string, Handler> = {
  'calendar.events.insert': (req, state) => {
    const cal = calendar(req, state);
    const body: AnyJson = req.body ?? {};
    const id: string = body.id ?? state.nextId('ev').toLowerCase().padEnd(26, '0');
    if (!BASE32HEX.test(id)) throw invalid('Invalid resource id value.', 'invalid');
    // A cancelled (deleted) event still owns its id: re-inserting it is a conflict, and it cannot be revived.
    if (cal.has(id)) throw new FakeError(409, 'The requested identifier already exists.', 'duplicate');
    checkTimes(body);
    const event = stamp({ ...body, status: body.status ?? 'confirmed' }, id, pathParam(req, 'calendarId'));
    cal.set(id, event);
    return ok(event);
  },

  'calendar.events.get': (req, state) => ok(existing(req, state)),

  'calendar.events.update': (req, state) => {
    const prior = writable(req, state);
    const body: AnyJson = req.body ?? {};
    checkTimes(body);
    // PUT replaces the whole event.
    const event = stamp({ ...body, status: body.status ?? 'confirmed' }, prior.id, pathParam(req, 'calendarId'), prior);
    calendar(req, state).set(prior.id, event);
    return ok(event);
  },

  'calendar.events.patch': (req, state) => {
    const prior = writable(req, state);
    const merged = merge(prior, req.body ?? {});
    checkTimes(merged);
    const event = stamp(merged, prior.id, pathParam(req, 'calendarId'), prior);
    calendar(req, state).set(prior.id, event);
    return ok(event);
  },

  'calendar.events.delete': (req, state) => {
    const prior = existing(req, state);
    if (prior.status === 'cancelled') throw new FakeError(410, 'Resource has been deleted', 'deleted');
    calendar(req, state).set(prior.id, { ...prior, status: 'cancelled', updated: now() });
    return ok();
  },

  'calendar.events.list': (req, state) => {
    const iCalUID = param(req, 'iCalUID');
    const timeMin = param(req, 'timeMin');
    const timeMax = param(req, 'timeMax');
    const q = param(req, 'q')?.toLowerCase();
    const items = [...calendar(req, state).values()].filter((e) =>
      (flag(req, 'showDeleted') || e.status !== 'cancelled') &&
      (iCalUID === undefined || e.iCalUID === iCalUID) &&
      propsMatch(e, params(req, 'privateExtendedProperty'), 'private') &&
      propsMatch(e, params(req, 'sharedExtendedProperty'), 'shared') &&
      (q === undefined || `${e.summary ?? ''} ${e.description ?? ''}`.toLowerCase().includes(q)) &&
      (timeMin === undefined || Date.parse(e.end?.dateTime ?? e.end?.date) > Date.parse(timeMin)) &&
      (timeMax === undefined || Date.parse(e.start?.dateTime ?? e.start?.date) < Date.parse(timeMax)));
    if (param(req, 'orderBy') === 'startTime') {
      items.sort((a, b) => Date.parse(a.start?.dateTime ?? a.start?.date) - Date.parse(b.start?.dateTime ?? b.start?.date));
    }
    return ok({ kind: 'calendar#events', summary: pathParam(req, 'calendarId'), updated: now(), items });
  },
};
