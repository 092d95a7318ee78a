/** Byte-level helpers for MIME: UTF-8 and base64 written by hand, because Apps Script V8 has neither Buffer nor TextEncoder. */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * The UTF-8 bytes of a string.
 * A lone surrogate (half of a broken pair) becomes U+FFFD, as Buffer and TextEncoder do, so the output is always valid UTF-8.
 * @example utf8Encode('é') // [0xc3, 0xa9]
 */
export function utf8Encode(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        cp = 0xfffd;
      }
    } else if (cp >= 0xdc00 && cp <= 0xdfff) {
      cp = 0xfffd;
    }
    pushCodePoint(out, cp);
  }
  return out;
}

function pushCodePoint(out: number[], cp: number): void {
  if (cp < 0x80) {
    out.push(cp);
  } else if (cp < 0x800) {
    out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  } else {
    out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
}

/**
 * Standard padded base64 (RFC 4648 §4) of a byte array, on one line.
 * @example base64Encode([0x4d, 0x61]) // 'TWE='
 */
export function base64Encode(bytes: readonly number[]): string {
  // Chunks are joined at the end: repeated `+=` on a long string is slow in some engines (Apps Script's included).
  const parts: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    parts.push(B64.charAt(n >> 18) + B64.charAt((n >> 12) & 63) + B64.charAt((n >> 6) & 63) + B64.charAt(n & 63));
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16;
    parts.push(B64.charAt(n >> 18) + B64.charAt((n >> 12) & 63) + '==');
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    parts.push(B64.charAt(n >> 18) + B64.charAt((n >> 12) & 63) + B64.charAt((n >> 6) & 63) + '=');
  }
  return parts.join('');
}

/** Base64 of a string's UTF-8 bytes, cut into CRLF-separated lines of at most 76 characters (RFC 2045 §6.8). */
export function base64Lines(s: string, width = 76): string {
  const b64 = base64Encode(utf8Encode(s));
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += width) lines.push(b64.slice(i, i + width));
  return lines.join('\r\n');
}

/**
 * 32-bit FNV-1a over a string's UTF-8 bytes, as 8 lowercase hex digits.
 * Not cryptographic: it only has to make boundaries and ids stable for the same input.
 */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (const b of utf8Encode(s)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
