/** Today's date in the user's time zone, through Intl (Apps Script V8 has it), so "today" is the CSM's today. */
export function isoDateIn(ms: number, timezone: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(ms);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
  } catch {
    return new Date(ms).toISOString().slice(0, 10);
  }
}

/** A date picker's value (UTC midnight ms) as YYYY-MM-DD. */
export function isoFromPickerMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
