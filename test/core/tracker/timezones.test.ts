// parseTimeZone: IANA names, Windows ids and Outlook display names (CLDR windowsZones), and what is refused.
import { parseTimeZone } from '../../../src/core/tracker/timezones';

describe('parseTimeZone', () => {
  it.each([
    ['America/New_York', 'America/New_York'],
    ['america/new_york', 'America/New_York'],
    ['US/Eastern', 'US/Eastern'],
    ['UTC', 'UTC'],
    ['GMT Standard Time', 'Europe/London'],
    ['gmt standard time', 'Europe/London'],
    ['Eastern Standard Time', 'America/New_York'],
    ['Eastern Time (US & Canada)', 'America/New_York'],
    ['(UTC-05:00) Eastern Time (US & Canada)', 'America/New_York'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['(UTC+01:00) Brussels, Copenhagen, Madrid, Paris', 'Europe/Paris'],
    ['Tokyo Standard Time', 'Asia/Tokyo'],
  ])('%p → %p', (text, zone) => {
    expect(parseTimeZone(text)).toEqual({ ok: true, value: zone });
  });

  it.each([
    ['Mars/Olympus', /not a time zone the calendar knows/],
    ['GMT+1', /offset ignores daylight saving/],
    ['UTC-05:00', /offset ignores daylight saving/],
    ['+02:00', /offset ignores daylight saving/],
    ['Europe/Paris\nBEGIN:VEVENT', /line break/],
    ['Europe/Paris\u0000', /control character/],
    ['Eastern Time', /not a time zone/],
  ])('%p is refused', (text, message) => {
    const r = parseTimeZone(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('blank is missing', () => expect(parseTimeZone('  ')).toEqual({ ok: true, value: null }));
});
