/** The RFC 5322 / MIME message builder behind both the offline .eml writer and Gmail's `raw` field: same input, same bytes. */
import type { Address } from '../package/types';
import { base64Encode, base64Lines, fnv1a, utf8Encode } from './bytes';
import { addressHeader, cleanEmail, cleanValue, isHeaderName, isMailbox, unstructuredHeader } from './headers';

export interface MimeInput {
  from?: Address;
  to: Address[];
  cc?: Address[];
  subject: string;
  /** RFC 5322 date string supplied by the caller (the core never reads the clock). */
  date?: string;
  /** Without angle brackets; the builder adds them. */
  messageId?: string;
  html: string;
  text: string;
  /** Extra headers such as X-Unsent: 1 (validated: name is token chars, value has no CR/LF). */
  headers?: Record<string, string>;
  /** Deterministic boundary seed so the same input gives the same bytes (tests and idempotent drafts). */
  boundarySeed?: string;
  /** Files after the bodies (the deck and docs offline, the meeting request): the message becomes multipart/mixed. */
  attachments?: MimeAttachment[];
}

export interface MimeAttachment {
  /** Shown to the reader; non-ASCII names are sent RFC 2231-encoded. */
  filename: string;
  /** With its parameters, e.g. `text/calendar; charset=UTF-8; method=REQUEST`. */
  contentType: string;
  /** Text (sent as UTF-8) or the file's bytes. */
  data: string | Uint8Array;
}

/** Headers the builder writes itself; an extra header with one of these names would make a second, conflicting copy. */
const RESERVED = ['from', 'to', 'cc', 'subject', 'date', 'message-id', 'mime-version', 'content-type', 'content-transfer-encoding'];

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A complete message with CRLF line endings: multipart/alternative holding text/plain then text/html
 * (RFC 2046 §5.1.4: the last part is the preferred one), both UTF-8 and base64 so the bodies arrive byte-exact;
 * with attachments, that alternative is the first part of a multipart/mixed and each file follows as base64.
 * Throws RangeError for an extra header with an invalid or reserved name: that is a programming error, not data.
 * @example buildMessage({ to: [{ name: null, email: 'a@b.c' }], subject: 'Hi', text: 'Hi', html: '<p>Hi</p>' })
 */
export function buildMessage(input: MimeInput): string {
  const textBody = base64Lines(input.text);
  const htmlBody = base64Lines(input.html);
  const files = (input.attachments ?? []).map(attachmentPart);
  const seed = input.boundarySeed ?? defaultSeed(input);
  const boundary = pickBoundary(seed, [textBody, htmlBody, ...files]);
  const outer = files.length > 0 ? pickBoundary(`${seed}\u0002mixed`, [textBody, htmlBody, ...files, boundary]) : null;

  const head: string[] = [];
  // The sender is checked like every recipient: a crafted CSM Email gives no From (the client fills it in), never a second address.
  if (input.from && isMailbox(cleanEmail(input.from.email))) head.push(addressHeader('From', [input.from]));
  head.push(addressHeader('To', input.to));
  if (input.cc && input.cc.length > 0) head.push(addressHeader('Cc', input.cc));
  head.push(unstructuredHeader('Subject', input.subject));
  if (input.date !== undefined) head.push(`Date: ${cleanValue(input.date).trim()}`);
  if (input.messageId !== undefined) head.push(`Message-ID: <${cleanMessageId(input.messageId)}>`);
  head.push('MIME-Version: 1.0');
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    if (!isHeaderName(name)) throw new RangeError(`Invalid header name: ${JSON.stringify(name)}`);
    if (RESERVED.includes(name.toLowerCase())) throw new RangeError(`Header ${name} is written by buildMessage itself`);
    head.push(unstructuredHeader(name, value));
  }
  const alternativeType = `Content-Type: multipart/alternative; boundary="${boundary}"`;
  const part = (type: string, body: string): string =>
    [`--${boundary}`, `Content-Type: ${type}; charset=UTF-8`, 'Content-Transfer-Encoding: base64', '', body].join('\r\n');
  const alternative = [part('text/plain', textBody), part('text/html', htmlBody), `--${boundary}--`];
  if (outer === null) return [...head, alternativeType, '', ...alternative, ''].join('\r\n');
  return [
    ...head, `Content-Type: multipart/mixed; boundary="${outer}"`, '',
    `--${outer}`, alternativeType, '', ...alternative,
    ...files.map((f) => `--${outer}\r\n${f}`), `--${outer}--`, '',
  ].join('\r\n');
}

/** One file as a MIME part (headers, blank line, base64 body). */
function attachmentPart(a: MimeAttachment): string {
  const type = cleanValue(a.contentType).trim();
  if (!/^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.-]+=("[^"\\]*"|[\w.+-]+))*$/.test(type)) throw new RangeError(`Invalid attachment content type: ${JSON.stringify(a.contentType)}`);
  const name = cleanValue(a.filename).trim() || 'attachment';
  // Plain printable ASCII goes in quotes; anything else as RFC 2231 percent-encoded UTF-8.
  const param = (key: string) => (/^[\x20-\x7e]*$/.test(name) && !/["\\]/.test(name)
    ? `${key}="${name}"`
    : `${key}*=UTF-8''${utf8Encode(name).map((b) => (/[A-Za-z0-9._-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('')}`);
  const bytes = typeof a.data === 'string' ? utf8Encode(a.data) : Array.from(a.data);
  const b64 = base64Encode(bytes);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  // Parameters on folded lines keep long types (the Office ones) inside RFC 5322's 78 characters.
  const typeLines = type.split(/\s*;\s*/).join(';\r\n ');
  // A media type too long for the header's first line starts on the next one (folding white space after the colon).
  const lead = `Content-Type: ${type.split(';')[0]};`.length > 78 ? 'Content-Type:\r\n ' : 'Content-Type: ';
  return [`${lead}${typeLines};\r\n ${param('name')}`, `Content-Disposition: attachment;\r\n ${param('filename')}`, 'Content-Transfer-Encoding: base64', '', lines.join('\r\n')].join('\r\n');
}

/**
 * An RFC 5322 date-time for an instant, shown at a fixed offset from UTC (minutes east, default 0).
 * @example rfc5322Date(Date.UTC(2026, 10, 22, 9, 30)) // 'Sun, 22 Nov 2026 09:30:00 +0000'
 */
export function rfc5322Date(instantUtcMs: number, offsetMinutes = 0): string {
  if (!Number.isFinite(instantUtcMs) || !Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) >= 24 * 60) {
    throw new RangeError(`Cannot write a date for ${instantUtcMs} at offset ${offsetMinutes}`);
  }
  // Shift the instant so the UTC fields read as the wall clock at that offset.
  const d = new Date(instantUtcMs + offsetMinutes * 60_000);
  const two = (n: number): string => String(n).padStart(2, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCFullYear()).padStart(4, '0')} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${sign}${two(Math.floor(abs / 60))}${two(abs % 60)}`
  );
}

/**
 * Base64url (RFC 4648 §5) of the message's UTF-8 bytes, unpadded, as Gmail's `users.messages.send` / `drafts.create` take in `raw`.
 * @example base64Url('Hi') // 'SGk'
 */
export function base64Url(message: string): string {
  return base64Encode(utf8Encode(message)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** When no seed is given, the content itself is the seed: the output is still a function of the input alone. */
function defaultSeed(input: MimeInput): string {
  const who = [...input.to, ...(input.cc ?? [])].map((a) => a.email).join(',');
  return [input.subject, who, input.text, input.html].join('\u0000');
}

/**
 * `=_qbr_` + FNV-1a hex of the seed. `_` is outside the base64 alphabet so it cannot appear in the
 * encoded bodies, but the bodies are still checked and the seed varied, so a future encoding cannot break it.
 */
function pickBoundary(seed: string, bodies: readonly string[]): string {
  for (let attempt = 0; ; attempt++) {
    const salted = attempt === 0 ? seed : `${seed}#${attempt}`;
    const boundary = `=_qbr_${fnv1a(salted)}${fnv1a(`${salted}\u0001`)}`;
    if (!bodies.some((b) => b.includes(boundary))) return boundary;
  }
}

/** A msg-id's inside: no brackets, spaces or line breaks, which would end or split the header. */
function cleanMessageId(id: string): string {
  return id.replace(/[\s<>]/g, '');
}
