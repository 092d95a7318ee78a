/** Header fields for RFC 5322 messages: CR/LF-safe values, RFC 2047 encoded-words for non-ASCII, address lists, folding. */
import type { Address } from '../package/types';
import { base64Encode, utf8Encode } from './bytes';

/** RFC 5322 §2.1.1: lines SHOULD stay within 78 characters; we fold to this wherever a space allows it. */
const MAX_LINE = 78;
/** RFC 2047 §2: an encoded-word is at most 75 characters. */
const MAX_WORD = 75;
const WORD_PREFIX = '=?UTF-8?B?';
const WORD_OVERHEAD = WORD_PREFIX.length + 2; // plus the closing `?=`

/** A run of a header value: an atom never split, or text to send as one or more encoded-words. */
type Piece = { atom: string } | { encode: string };

/**
 * A header value with every CR and LF run turned into one space.
 * A bare line break in a value would end the header early and let the rest pose as a new header (`Bcc: …`).
 */
export function cleanValue(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

/** True for an RFC 7230 token, the safe subset of RFC 5322 field names (no colon, space or controls). */
export function isHeaderName(name: string): boolean {
  return /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name);
}

/**
 * An unstructured header (`Subject`, `X-…`) folded to 78 columns.
 * Plain ASCII goes as is; anything a reader could misread (non-ASCII, controls, `=?`, runs of spaces,
 * a word too long to fold) goes as encoded-words, which keep the text exact and always fold.
 * @example unstructuredHeader('Subject', 'Café') // 'Subject: =?UTF-8?B?Q2Fmw6k=?='
 */
export function unstructuredHeader(name: string, value: string): string {
  const clean = cleanValue(value);
  if (clean === '') return `${name}:`;
  const words = clean.split(' ');
  const plain =
    /^[\x20-\x7e]*$/.test(clean) &&
    !clean.includes('=?') &&
    words.every((w, i) => w !== '' && w.length <= (i === 0 ? MAX_LINE - name.length - 2 : MAX_LINE - 1));
  return fold(name, plain ? words.map((atom) => ({ atom })) : [{ encode: clean }]);
}

/**
 * An address-list header (`From`, `To`, `Cc`), one address per fold point:
 * atoms stay bare, other ASCII names are quoted with `"` and `\` escaped, non-ASCII names become encoded-words.
 * Addresses whose email is not one mailbox after cleaning are left out: there is nobody (or somebody else) to send them to.
 * @example addressHeader('To', [{ name: 'Müller, Jürgen', email: 'j@x.de' }]) // 'To: =?UTF-8?B?…?= <j@x.de>'
 */
export function addressHeader(name: string, addresses: readonly Address[]): string {
  const usable = addresses
    .map((a) => ({ name: cleanValue(a.name ?? '').trim(), email: cleanEmail(a.email) }))
    .filter((a) => isMailbox(a.email));
  const pieces: Piece[] = [];
  usable.forEach((a, i) => {
    const comma = i < usable.length - 1 ? ',' : '';
    if (a.name === '' || a.name === a.email) {
      pieces.push({ atom: a.email + comma });
    } else {
      pieces.push(...phrase(a.name), { atom: `<${a.email}>${comma}` });
    }
  });
  return fold(name, pieces);
}

/**
 * One addr-spec and nothing else: whitespace, controls and the delimiters that would start another
 * address or a display name (`<>,;:"()\`) are removed, so an email field cannot add recipients.
 */
export function cleanEmail(email: string): string {
  return email.replace(/[\s\p{Cc}<>,;:"()\\[\]]/gu, '');
}

/**
 * True when the text is exactly one plain addr-spec (`local@domain`): one `@`, nothing that starts another
 * address, a display name or a comment, no whitespace or control, at most 254 characters (RFC 5321 §4.5.3.1.3).
 * The rule for every address the package writes: recipients, Cc and the sender alike.
 * @example isMailbox('maya@vendor.example>Bcc:evil@x.example') // false
 */
export function isMailbox(email: string): boolean {
  return email.length <= 254 && /^[^\s\p{Cc}@<>,;:"()\\[\]]+@[^\s\p{Cc}@<>,;:"()\\[\]]+$/u.test(email);
}

/** A display name as RFC 5322 phrase pieces: atoms, one quoted-string, or text to encode. */
function phrase(name: string): Piece[] {
  const atext = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]+";
  // A word too long for one line cannot fold as an atom: such names go as encoded-words, which always fold.
  const foldable = name.split(' ').every((w) => w.length <= MAX_LINE - 10);
  if (foldable && !name.includes('=?') && new RegExp(`^${atext}( ${atext})*$`).test(name)) {
    return name.split(' ').map((atom) => ({ atom }));
  }
  const quoted = `"${name.replace(/(["\\])/g, '\\$1')}"`;
  // RFC 2047 §5: encoded-words inside quotes are not decoded, and a long quoted-string cannot fold, so both get encoded.
  if (/^[\x20-\x7e]*$/.test(name) && !name.includes('=?') && quoted.length <= MAX_LINE - 2) return [{ atom: quoted }];
  return [{ encode: name }];
}

/** The size of an encoded-word carrying `bytes` bytes. */
function wordLength(bytes: number): number {
  return WORD_OVERHEAD + 4 * Math.ceil(bytes / 3);
}

/**
 * `Name: piece piece …` with lines broken (CRLF + space) before a piece that would pass 78 columns.
 * Encoded text is cut into encoded-words sized to the room left on the line, on whole characters,
 * because RFC 2047 §5 forbids splitting a character's bytes across words.
 */
function fold(name: string, pieces: readonly Piece[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  let hasContent = false;
  const place = (word: string): void => {
    if (hasContent && line.length + 1 + word.length > MAX_LINE) {
      lines.push(line);
      line = '';
    }
    line += ' ' + word;
    hasContent = true;
  };
  for (const piece of pieces) {
    if ('atom' in piece) {
      place(piece.atom);
      continue;
    }
    const chars = Array.from(piece.encode);
    // A name that will not fit starts on a fresh line rather than leaving a two-letter word at the end of this one.
    if (hasContent && MAX_LINE - line.length - 1 < Math.min(40, wordLength(utf8Encode(piece.encode).length))) {
      lines.push(line);
      line = '';
    }
    let i = 0;
    while (i < chars.length) {
      let room = Math.min(MAX_WORD, MAX_LINE - line.length - 1);
      if (hasContent && room < wordLength(utf8Encode(chars[i] ?? '').length)) {
        lines.push(line);
        line = '';
        room = MAX_WORD;
      }
      const bytes: number[] = [];
      while (i < chars.length) {
        const next = utf8Encode(chars[i] ?? '');
        // Always take one character, so a header name too long to leave room still makes progress.
        if (bytes.length > 0 && wordLength(bytes.length + next.length) > room) break;
        bytes.push(...next);
        i++;
      }
      line += ` ${WORD_PREFIX}${base64Encode(bytes)}?=`;
      hasContent = true;
    }
  }
  lines.push(line);
  return lines.join('\r\n');
}
