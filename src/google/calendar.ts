/** Calendar request builders: one event per prep hold, under an id derived from the hold's key so re-runs update instead of duplicating. */
import { holdEventId } from '../core/package/holds';
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

/**
 * Per hold, an `events.insert` with a client-chosen id, falling back to `events.update` of that id on 409.
 * The id is a pure function of account + QBR date + step (`holdEventId`), so the add-on and the CLI, on any
 * machine, aim at the same event. Calendar answers 409 whenever the id is taken on the calendar, and that
 * includes an event the user deleted (it lingers as `cancelled`); the update then rewrites it and sets
 * `status: 'confirmed'`, which brings a deleted hold back rather than leaving the step without one.
 * `sendUpdates: 'none'`: holds are the CSM's own prep time and notify nobody.
 * @example holdCalls(holds, { defaultTimezone: 'Europe/London', deckLink: null })[0].id // 'calendar.events.insert'
 */
export function holdCalls(holds: HoldPlan[], opts: HoldCallOptions): ApiCall[] {
  const calendarId = opts.calendarId ?? 'primary';
  return holds.map((hold) => {
    const body = eventBody(hold, opts);
    return {
      id: 'calendar.events.insert',
      params: { calendarId, sendUpdates: 'none' },
      body,
      note: `Hold "${hold.title}" on ${hold.date}`,
      fallback: {
        on: [409],
        call: {
          // A patch without start/end: a hold the CSM moved stays where they put it; title, description (the deck
          // link) and reminders are refreshed, and a deleted hold is revived with status confirmed.
          id: 'calendar.events.patch',
          params: { calendarId, eventId: body.id, sendUpdates: 'none' },
          body: { ...withoutTimes(body), status: 'confirmed' },
          note: `Update hold "${hold.title}" on ${hold.date}`,
        },
      },
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
    // The key in a private property lets a later tool (or a person with the API explorer) map an event back to its step.
    extendedProperties: { private: { qbrKey: hold.key } },
    // Calendar shows `source` as a clickable chip; only a well-formed https link (Drive's own) is put there.
    ...(link !== null && /^https:\/\/\S+$/i.test(link) ? { source: { title: 'QBR deck', url: link } } : {}),
  };
}

/** The hold's description with the deck link, unless the plan already carries that link. */
function withDeckLink(description: string, link: string | null): string {
  if (link === null || description.includes(link)) return description;
  return description === '' ? `Deck: ${link}` : `${description}\n\nDeck: ${link}`;
}
