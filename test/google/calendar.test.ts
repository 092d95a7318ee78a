// Calendar holds: event ids from the hold key (checked with an independent SHA-1 + base32hex), wall-clock times in a zone, the 409 → read → patch (or leave deleted) steps.
import { createHash } from 'node:crypto';
import { planHolds } from '../../src/core/package/holds';
import type { HoldPlan } from '../../src/core/package/types';
import { holdCalls, holdDecision } from '../../src/google/calendar';
import { allDiscoveryProblems } from './discovery-check';

/** RFC 4648 §7 base32hex, lowercase, unpadded: written out here so the test does not lean on the code under test. */
function base32hex(bytes: Buffer): string {
  const bits = [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('');
  const padded = bits.padEnd(Math.ceil(bits.length / 5) * 5, '0');
  return (padded.match(/.{5}/g) ?? []).map((g) => '0123456789abcdefghijklmnopqrstuv'[parseInt(g, 2)]).join('');
}
const expectedId = (key: string): string => base32hex(createHash('sha1').update(key, 'utf8').digest());

const hold: HoldPlan = {
  key: 'ACC-001|2026-12-10|T-7',
  step: 'Prep & stakeholder research',
  offset: -7,
  title: 'QBR GlobalTech: Prep & stakeholder research',
  date: '2026-12-03',
  start: '09:30',
  end: '10:00',
  timezone: 'America/New_York',
  description: 'Research the attendees.',
};
const DECK = 'https://docs.google.com/presentation/d/deck123/edit';

describe('holdCalls', () => {
  it('inserts one event per hold with the deterministic id, a read and a patch for when the id is taken', () => {
    const id = expectedId(hold.key);
    expect(id).toMatch(/^[0-9a-v]{32}$/);
    const body = {
      id,
      summary: 'QBR GlobalTech: Prep & stakeholder research',
      description: `Research the attendees.\n\nDeck: ${DECK}`,
      start: { dateTime: '2026-12-03T09:30:00', timeZone: 'America/New_York' },
      end: { dateTime: '2026-12-03T10:00:00', timeZone: 'America/New_York' },
      reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: 15 }] },
      transparency: 'opaque',
      // The fingerprint of the title and description as written (whitespace runs as one space), for a re-run to tell the CSM's edit.
      extendedProperties: { private: { qbrKey: 'ACC-001|2026-12-10|T-7', qbrPackage: 'ACC-001|2026-12-10', qbrWrote: createHash('sha1').update(`QBR GlobalTech: Prep & stakeholder research Research the attendees. Deck: ${DECK}`).digest('hex').slice(0, 16) } },
      source: { title: 'QBR deck', url: DECK },
    };
    expect(holdCalls([hold], { defaultTimezone: 'Europe/London', deckLink: DECK })).toEqual([{
      key: 'ACC-001|2026-12-10|T-7',
      // no sendUpdates: a hold has no guests to notify
      insert: { id: 'calendar.events.insert', params: { calendarId: 'primary' }, body, note: 'Hold "QBR GlobalTech: Prep & stakeholder research" on 2026-12-03' },
      get: { id: 'calendar.events.get', params: { calendarId: 'primary', eventId: id }, note: 'Read hold "QBR GlobalTech: Prep & stakeholder research": its id is taken' },
      patch: {
        id: 'calendar.events.patch',
        params: { calendarId: 'primary', eventId: id },
        // no start/end: a hold the CSM moved keeps its new time; no status: a deleted hold is never revived
        body: { id, summary: body.summary, description: body.description, reminders: body.reminders, transparency: 'opaque', extendedProperties: body.extendedProperties, source: body.source },
        note: 'Update hold "QBR GlobalTech: Prep & stakeholder research" on 2026-12-03',
      },
    }]);
  });

  it('gives every step its own id and the same id on every run', () => {
    const holds = planHolds({ accountId: 'ACC-001', accountName: 'GlobalTech', variant: 'ebr', qbrDate: '2026-12-10', timezone: null, reviewType: 'EBR' });
    const ids = holdCalls(holds, { defaultTimezone: 'UTC', deckLink: null }).map((c) => (c.insert.body as { id: string }).id);
    expect(ids).toEqual(holds.map((h) => expectedId(h.key)));
    expect(new Set(ids).size).toBe(12);
    expect(holdCalls(holds, { defaultTimezone: 'Asia/Tokyo', deckLink: null }).map((c) => (c.insert.body as { id: string }).id)).toEqual(ids);
    expect(ids[0]).toBe(expectedId('ACC-001|2026-12-10|T-21'));
  });

  it("uses the user's zone when the account has none, and the calendar asked for", () => {
    const [call] = holdCalls([{ ...hold, timezone: null }], { calendarId: 'team@group.calendar.google.com', defaultTimezone: 'Europe/London', deckLink: null });
    const body = call!.insert.body as { start: unknown; end: unknown; description: string; source?: unknown };
    expect(body.start).toEqual({ dateTime: '2026-12-03T09:30:00', timeZone: 'Europe/London' });
    expect(body.end).toEqual({ dateTime: '2026-12-03T10:00:00', timeZone: 'Europe/London' });
    expect(body.description).toBe('Research the attendees.');
    expect(body).not.toHaveProperty('source');
    expect(call!.insert.params.calendarId).toBe('team@group.calendar.google.com');
    expect(call!.patch.params).toEqual({ calendarId: 'team@group.calendar.google.com', eventId: expectedId(hold.key) });
    expect(call!.get.params).toEqual({ calendarId: 'team@group.calendar.google.com', eventId: expectedId(hold.key) });
  });

  it('links the deck once, and makes only an https link the event source', () => {
    const already = { ...hold, description: `Research the attendees.\nDeck: ${DECK}` };
    expect((holdCalls([already], { defaultTimezone: 'UTC', deckLink: DECK })[0]!.insert.body as { description: string }).description).toBe(already.description);
    const local = holdCalls([hold], { defaultTimezone: 'UTC', deckLink: 'out/ACC-001/deck.pptx' })[0]!.insert.body as { description: string };
    expect(local.description).toBe('Research the attendees.\n\nDeck: out/ACC-001/deck.pptx');
    expect(local).not.toHaveProperty('source');
  });

  it('returns nothing for no holds', () => {
    expect(holdCalls([], { defaultTimezone: 'UTC', deckLink: null })).toEqual([]);
  });

  it('builds calls the discovery document accepts', () => {
    const holds = planHolds({ accountId: 'ACC-002', accountName: 'Acme', variant: 'enterprise', qbrDate: '2026-12-12', timezone: 'Europe/Berlin', reviewType: 'QBR', deckLink: DECK });
    expect(allDiscoveryProblems(holdCalls(holds, { defaultTimezone: 'UTC', deckLink: DECK }).flatMap((h) => [h.insert, h.get, h.patch]))).toEqual([]);
    expect(allDiscoveryProblems(holdCalls(holds, { defaultTimezone: 'UTC', deckLink: null, calendarId: 'c1' }).flatMap((h) => [h.insert, h.get, h.patch]))).toEqual([]);
  });
});

describe('holdDecision', () => {
  const [calls] = holdCalls([hold], { defaultTimezone: 'UTC', deckLink: DECK });
  const written = { ...(calls!.insert.body as object), status: 'confirmed' } as Parameters<typeof holdDecision>[0];
  it('leaves a hold as we wrote it alone, patches one whose other fields drifted, and keeps one whose text the CSM changed', () => {
    expect(holdDecision(written, calls!.patch)).toBe('same');
    expect(holdDecision({ ...written, reminders: { useDefault: true } }, calls!.patch)).toBe('patch');
    expect(holdDecision({ ...written, summary: 'Prep with Dana (moved to her office)' }, calls!.patch)).toBe('edited');
    expect(holdDecision({ ...written, description: 'Bring the renewal numbers' }, calls!.patch)).toBe('edited');
    // A client that reflows the description (line breaks as spaces) did not edit it: ours, written back as we wrote it.
    expect(holdDecision({ ...written, description: String(written.description).replace(/\n+/g, ' ') }, calls!.patch)).toBe('patch');
    // A hold made before the fingerprint: ours, patched back as before.
    expect(holdDecision({ ...written, summary: 'x', extendedProperties: { private: { qbrKey: hold.key } } }, calls!.patch)).toBe('patch');
  });
});
