/** Calendar request builders: one event per prep hold, under an id derived from the hold's key so re-runs update instead of duplicating. */
import { holdEventId } from '../core/package/holds';
import { sha1Hex } from '../core/package/sha1';
import type { HoldPlan } from '../core/package/types';
import type { ApiCall } from './types';

export interface HoldCallOptions {
  /** The CSM's own calendar by default. */
  calendarId?: string;
  /** IANA zone for holds whose account has none (the user's own zone, from the host). */
  defaultTimezone: string;
  /** The deck, linked from every hold so the CSM is one click from the material. */
  deckLink: string | null;
}

/** The calls of one hold: insert under its id; when the id is taken, read the event, then refresh it unless the user deleted it. */
export interface HoldCalls {
  key: string;
  insert: ApiCall;
  /** After a 409: the event that holds the id (a deleted one lingers with `status: 'cancelled'`). */
  get: ApiCall;
  /** After a 409 on a live event: title, description (the deck link) and reminders refreshed, its times left alone. */
  patch: ApiCall;
}

/**
 * Per hold, an `events.insert` with a client-chosen id. The id is a pure function of account + QBR date + step
 * (`holdEventId`), so the add-on and the CLI, on any machine, aim at the same event. Calendar answers 409 whenever
 * the id is taken on the calendar, including by an event the user deleted (it lingers as `cancelled`, and update or
 * patch of it answers 403), so the caller reads the event first: a deleted hold stays deleted (SPEC §4.3), a live
 * one is patched. No `sendUpdates`: holds have no guests, so there is nobody to notify (and the Calendar reference
 * discourages `none` for events that do).
 * @example holdCalls(holds, { defaultTimezone: 'Europe/London', deckLink: null })[0].insert.id // 'calendar.events.insert'
 */
export function holdCalls(holds: HoldPlan[], opts: HoldCallOptions): HoldCalls[] {
  const calendarId = opts.calendarId ?? 'primary';
  return holds.map((hold) => {
    const body = eventBody(hold, opts);
    return {
      key: hold.key,
      insert: { id: 'calendar.events.insert', params: { calendarId }, body, note: `Hold "${hold.title}" on ${hold.date}` },
      get: { id: 'calendar.events.get', params: { calendarId, eventId: body.id }, note: `Read hold "${hold.title}": its id is taken` },
      // A patch without start/end: a hold the CSM moved stays where they put it.
      patch: { id: 'calendar.events.patch', params: { calendarId, eventId: body.id }, body: withoutTimes(body), note: `Update hold "${hold.title}" on ${hold.date}` },
    };
  });
}

function withoutTimes<T extends { start?: unknown; end?: unknown }>(body: T): Omit<T, 'start' | 'end'> {
  const { start: _s, end: _e, ...rest } = body;
  return rest;
}

/** The Event resource of one hold, as the insert sends it (the patch sends it without its times). */
export function eventBody(hold: HoldPlan, opts: Pick<HoldCallOptions, 'defaultTimezone' | 'deckLink'>) {
  // Wall-clock time without an offset plus an IANA zone: Calendar then places the hold correctly on both
  // sides of a DST change, which a fixed offset computed here could not.
  const timeZone = hold.timezone ?? opts.defaultTimezone;
  const link = opts.deckLink?.trim() || null;
  return {
    id: holdEventId(hold.key),
    summary: hold.title,
    description: withDeckLink(hold.description, link),
    start: { dateTime: `${hold.date}T${hold.start}:00`, timeZone },
    end: { dateTime: `${hold.date}T${hold.end}:00`, timeZone },
    // One popup a quarter of an hour ahead, whatever the user's calendar defaults are: the hold is a prompt to act.
    reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: 15 }] },
    transparency: 'opaque',
    // The key in a private property lets a later tool (or a person with the API explorer) map an event back to its step;
    // the package's tag lets a re-run list all of this QBR's holds in one call.
    // `qbrWrote` fingerprints the title and description we wrote: a re-run that finds them changed knows the CSM did it.
    extendedProperties: { private: { qbrKey: hold.key, qbrPackage: packageOf(hold.key), qbrWrote: wroteHash(hold.title, withDeckLink(hold.description, link)) } },
    // Calendar shows `source` as a clickable chip; only a well-formed https link (Drive's own) is put there.
    ...(link !== null && /^https:\/\/\S+$/i.test(link) ? { source: { title: 'QBR deck', url: link } } : {}),
  };
}

/** The hold's description with the deck link, unless the plan already carries that link. */
function withDeckLink(description: string, link: string | null): string {
  if (link === null || description.includes(link)) return description;
  return description === '' ? `Deck: ${link}` : `${description}\n\nDeck: ${link}`;
}

/** `ACC-001|2026-12-10|T-7` → `ACC-001|2026-12-10`: the step is the key's last part (an Account ID may hold a `|`). */
function packageOf(key: string): string {
  const cut = key.lastIndexOf('|');
  return cut < 0 ? key : key.slice(0, cut);
}

/**
 * One call for a re-run: the live holds of this QBR's package (account + QBR date), found by the private property every
 * hold carries. A deleted hold is not listed (no `showDeleted`), so it still takes the insert → 409 → read path and
 * stays deleted; so does a hold made before the property existed.
 */
export function packageHoldsCall(holdKey: string, calendarId = 'primary'): ApiCall {
  return {
    id: 'calendar.events.list', params: { calendarId, privateExtendedProperty: [`qbrPackage=${packageOf(holdKey)}`], maxResults: 250 },
    note: `List the holds of ${packageOf(holdKey)}`,
  };
}

/** An event as `events.list`/`get` return it: the fields a hold's patch sets. */
export interface ListedEvent { id?: string; status?: string; summary?: string; description?: string; reminders?: unknown; transparency?: string; extendedProperties?: { private?: Record<string, string> }; source?: unknown }

/** A short fingerprint of a hold's title and description (whitespace aside, so a client's reflow is no edit). */
export function wroteHash(summary: string | undefined, description: string | undefined): string {
  return sha1Hex(`${summary ?? ''}\n${description ?? ''}`.replace(/\s+/g, ' ').trim()).slice(0, 16);
}

/**
 * What a re-run does with a live hold (times aside: a hold the CSM moved stays moved): `edited` when its title or
 * description is no longer what we wrote (the fingerprint we left says so; older holds without one count as ours),
 * `same` when nothing differs, else `patch`.
 */
export function holdDecision(event: ListedEvent, patch: ApiCall): 'same' | 'patch' | 'edited' {
  const wrote = event.extendedProperties?.private?.qbrWrote;
  if (wrote !== undefined && wrote !== wroteHash(event.summary, event.description)) return 'edited';
  const want = patch.body as Record<string, unknown>;
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const mine = (want.extendedProperties as { private: Record<string, string> }).private;
  const differs = !same(event.summary, want.summary) || !same(event.description ?? '', want.description ?? '') || !same(event.reminders, want.reminders)
    || !same(event.transparency ?? 'opaque', want.transparency) || !same(event.source, want.source)
    || Object.entries(mine).some(([k, v]) => event.extendedProperties?.private?.[k] !== v);
  return differs ? 'patch' : 'same';
}
