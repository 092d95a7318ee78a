/** Text as the file formats can hold it: the characters XML 1.0 and iCalendar TEXT refuse, removed at the writer's boundary. */

// C0 controls except tab, LF and CR; DEL and the C1 block; the two XML non-characters U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
// Half of a surrogate pair (a cut-off emoji) is not a character either format can hold.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text without control characters (tab and line breaks kept, CR LF and lone CR made LF) and without
 * half surrogate pairs. One such character makes PowerPoint or Word refuse the whole file.
 * @example safeText('AT&T\u0000\u001b[2J') // 'AT&T[2J'
 */
export function safeText(text: string): string {
  return String(text).replace(/\r\n?/g, '\n').replace(CONTROLS, '').replace(LONE_SURROGATE, '');
}

/**
 * Text for a one-line field (a document property, a calendar name): {@link safeText} with every run of
 * line breaks and tabs turned into one space.
 */
export function oneLine(text: string): string {
  return safeText(text).replace(/[\n\t]+/g, ' ').trim();
}

/** `&`, `<`, `>`, `"` and `'` as XML entities, for the few values a library writes into XML unescaped. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * A copy of a plain-data value (objects, arrays, strings) with {@link safeText} applied to every string:
 * one pass at the renderer's edge instead of a call at each of the many places a plan's text is drawn.
 */
export function safeDeep<T>(value: T): T {
  if (typeof value === 'string') return safeText(value) as T;
  if (Array.isArray(value)) return value.map(safeDeep) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, safeDeep(v)])) as T;
  }
  return value;
}
