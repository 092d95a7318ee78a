/** The generated Windows/Outlook zone maps match the libraries they come from, and the parser reads through them. */
import { windowsZoneTables } from '../../../scripts/windows-zones';
import { parseTimeZone } from '../../../src/core/tracker/timezones';
import { OUTLOOK_NAMES, WINDOWS_ZONES } from '../../../src/core/tracker/windows-zones';

describe('windows-zones.ts', () => {
  it('is what windows-iana and timezones.json say today (run `npm run windows-zones` after upgrading them)', () => {
    const { windows, display } = windowsZoneTables();
    expect(WINDOWS_ZONES).toEqual(windows);
    expect(OUTLOOK_NAMES).toEqual(display);
  });

  it('maps Windows ids in any case and Outlook names with or without their offset, and nothing from the prototype', () => {
    expect(parseTimeZone('GMT Standard Time')).toEqual({ ok: true, value: 'Europe/London' });
    expect(parseTimeZone('eastern standard time')).toEqual({ ok: true, value: 'America/New_York' });
    expect(parseTimeZone('(UTC-05:00) Eastern Time (US & Canada)')).toEqual({ ok: true, value: 'America/New_York' });
    expect(parseTimeZone('(UTC-08:00) Pacific Standard Time (US & Canada)')).toEqual({ ok: true, value: 'America/Los_Angeles' });
    for (const trap of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(parseTimeZone(trap).ok).toBe(false);
    // Only +, - and − make an offset: `UTC11` is an unknown name, not an offset.
    expect(parseTimeZone('GMT+1')).toMatchObject({ ok: false, message: expect.stringContaining('offset') });
    expect(parseTimeZone('UTC−5')).toMatchObject({ ok: false, message: expect.stringContaining('offset') });
    expect(parseTimeZone('UTC11')).toMatchObject({ ok: false, message: expect.stringContaining('not a time zone the calendar knows') });
  });
});
