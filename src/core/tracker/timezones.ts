/** Time-zone cells: IANA names as the host knows them, Windows/Outlook names mapped by CLDR's windowsZones, anything else a finding. */
import type { Parsed } from './cells';
import { OUTLOOK_NAMES, WINDOWS_ZONES } from './windows-zones';

const HINT = 'write an IANA name such as America/New_York or Europe/London';

/**
 * A time zone as typed, read as an IANA name:
 * - an IANA name or alias the host's Intl knows, any case (`america/new_york` → `America/New_York`; `US/Eastern` kept);
 * - a Windows zone id, any case (`GMT Standard Time` → `Europe/London`) by CLDR's windowsZones (the `windows-iana`
 *   package), which gives each Windows zone's primary IANA zone;
 * - an Outlook display name, with or without its offset (`(UTC-05:00) Eastern Time (US & Canada)`,
 *   `Eastern Time (US & Canada)` → `America/New_York`), through its Windows id (`timezones.json`).
 * Both packages' data reach the code as two small generated maps (./windows-zones.ts, `npm run windows-zones`).
 * An offset (`GMT+1`, `UTC-5`) is refused: it ignores daylight saving, so holds would move by an hour half the year.
 * @example parseTimeZone('Eastern Time (US & Canada)') // { ok: true, value: 'America/New_York' }
 */
export function parseTimeZone(text: string): Parsed<string> {
  // A book repeats a handful of zones over thousands of rows; asking Intl for each one cost ~0.1 ms a cell.
  let known = seen.get(text);
  if (known === undefined) {
    known = readTimeZone(text);
    if (seen.size < 1000) seen.set(text, known);
  }
  return known;
}

const seen = new Map<string, Parsed<string>>();

function readTimeZone(text: string): Parsed<string> {
  const s = text.trim();
  if (s === '') return { ok: true, value: null };
  // A line break or control character is never part of a zone name, and must not reach an .ics TZID.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(s)) return { ok: false, message: `not a time zone (it holds a line break or control character; ${HINT})` };
  if (/^(?:GMT|UTC)\s*[+\-−]\s*\d/i.test(s) || /^[+-]\d{1,2}(?::?\d{2})?$/.test(s)) {
    return { ok: false, message: `not a time zone (an offset ignores daylight saving; ${HINT})` };
  }
  const iana = hostZone(s);
  if (iana !== null) return { ok: true, value: iana };
  const windows = windowsZone(s);
  if (windows !== null) return { ok: true, value: windows };
  return { ok: false, message: `not a time zone the calendar knows (${HINT})` };
}

/** The name as the host spells it when it differs only in case; an alias the host accepts is kept as written. */
function hostZone(s: string): string | null {
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: s }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === s.toLowerCase() ? resolved : s;
  } catch {
    return null;
  }
}

const OFFSET_PREFIX = /^\((?:UTC|GMT)(?:[+\-−]\d{1,2}:\d{2})?\)\s*/i;
const squash = (t: string): string => t.replace(OFFSET_PREFIX, '').replace(/\s+/g, ' ').trim().toLowerCase();

/** A Windows id or an Outlook display name → the Windows zone's primary IANA zone, when the host knows it. */
function windowsZone(s: string): string | null {
  const key = squash(s);
  const found = own(WINDOWS_ZONES, key) ?? own(WINDOWS_ZONES, own(OUTLOOK_NAMES, key) ?? '');
  return found !== undefined && hostZone(found) !== null ? found : null;
}

/** A cell reading `constructor` or `__proto__` is not a zone: only the maps' own keys count. */
const own = (map: Readonly<Record<string, string>>, key: string): string | undefined => (Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined);
