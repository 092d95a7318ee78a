/**
 * Stand-in for Apps Script's `Utilities`: sleep on the fake clock, formatDate (a SimpleDateFormat subset, via Intl),
 * base64 (web-safe keeps its `=` padding, like Java's), Blobs, gzip, digests (bytes signed, as Java returns them), uuids.
 */
import * as crypto from 'crypto';
import * as zlib from 'zlib';
import type { Runtime } from './runtime';

/** Apps Script's longest allowed `Utilities.sleep`: five minutes. */
const MAX_SLEEP_MS = 300_000;

/** A Blob: bytes, a content type and a name. Advanced-service stand-ins accept it as the media argument. */
export class HarnessBlob {
  constructor(private readonly runtime: Runtime, readonly data: Buffer, private contentType: string | null, private name: string | null) {}

  getBytes(): number[] {
    return this.runtime.realm.adopt(signed(this.data));
  }
  getDataAsString(charset?: string): string {
    return this.data.toString(charset === 'US_ASCII' ? 'ascii' : 'utf8');
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string): HarnessBlob {
    this.contentType = contentType;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): HarnessBlob {
    this.name = name;
    return this;
  }
  getBlob(): HarnessBlob {
    return this;
  }
  copyBlob(): HarnessBlob {
    return new HarnessBlob(this.runtime, Buffer.from(this.data), this.contentType, this.name);
  }
}

/** Java bytes are signed: what `getBytes()` and `computeDigest` hand to scripts. */
function signed(buf: Buffer): number[] {
  return [...buf].map((b) => (b > 127 ? b - 256 : b));
}

/** A string (UTF-8), a byte array (signed or not) or a Blob, as raw bytes. */
export function bytesOf(data: unknown): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (data instanceof HarnessBlob) return data.data;
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 0xff));
  throw new Error(`Utilities: expected a string, a byte array or a Blob, got ${Object.prototype.toString.call(data)}`);
}

const DIGESTS: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };

export function createUtilities(runtime: Runtime): Record<string, unknown> {
  let uuids = 0;
  const invalid = (what: string): Error => runtime.exception(`Invalid argument: ${what}`);
  return {
    Charset: { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' },
    DigestAlgorithm: { MD2: 'MD2', MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256', SHA_384: 'SHA_384', SHA_512: 'SHA_512' },
    sleep(ms: number): void {
      runtime.check();
      if (typeof ms !== 'number' || !(ms >= 0) || ms > MAX_SLEEP_MS) throw invalid('milliseconds');
      runtime.clock.advance(ms);
    },
    formatDate(date: unknown, timeZone: string, pattern: string): string {
      if (Object.prototype.toString.call(date) !== '[object Date]') throw invalid('date');
      if (typeof timeZone !== 'string' || !isZone(timeZone)) throw invalid('timeZone');
      return formatDate((date as Date).getTime(), timeZone, pattern);
    },
    formatString(template: string, ...args: unknown[]): string {
      let i = 0;
      return template.replace(/%([sd%])/g, (_all, c: string) => (c === '%' ? '%' : c === 'd' ? String(Math.trunc(Number(args[i++]))) : String(args[i++])));
    },
    base64Encode: (data: unknown) => bytesOf(data).toString('base64'),
    base64EncodeWebSafe: (data: unknown) => bytesOf(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
    base64Decode: (encoded: string) => runtime.realm.adopt(signed(Buffer.from(encoded, 'base64'))),
    base64DecodeWebSafe: (encoded: string) => runtime.realm.adopt(signed(Buffer.from(encoded, 'base64url'))),
    newBlob(data: unknown, contentType?: string, name?: string): HarnessBlob {
      return new HarnessBlob(runtime, Buffer.from(bytesOf(data ?? '')), contentType ?? null, name ?? null);
    },
    gzip(blob: unknown, name?: string): HarnessBlob {
      if (!(blob instanceof HarnessBlob)) throw invalid('blob');
      return new HarnessBlob(runtime, zlib.gzipSync(blob.data), 'application/x-gzip', name ?? (blob.getName() ? `${blob.getName()}.gz` : null));
    },
    /** Apps Script refuses bytes that are not gzip ("Could not decompress gzip."). */
    ungzip(blob: unknown): HarnessBlob {
      if (!(blob instanceof HarnessBlob)) throw invalid('blob');
      try {
        return new HarnessBlob(runtime, zlib.gunzipSync(blob.data), null, blob.getName()?.replace(/\.gz$/, '') ?? null);
      } catch {
        throw runtime.exception('Could not decompress gzip.');
      }
    },
    computeDigest(algorithm: string, value: unknown): number[] {
      const alg = DIGESTS[algorithm];
      if (!alg) throw invalid('algorithm');
      return runtime.realm.adopt(signed(crypto.createHash(alg).update(bytesOf(value)).digest()));
    },
    /** Deterministic, so a failing test prints the same ids on every run. */
    getUuid(): string {
      const hex = (++uuids).toString(16).padStart(32, '0');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
    },
  };
}

export function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

interface Fields {
  year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: string; offsetMin: number;
}

/** The wall-clock fields of an instant in a zone, and the zone's offset from UTC then. */
function fieldsIn(ms: number, timeZone: string): Fields {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'long',
  }).formatToParts(new Date(ms));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '0';
  const f = { year: +get('year'), month: +get('month'), day: +get('day'), hour: +get('hour'), minute: +get('minute'), second: +get('second') };
  const wall = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return { ...f, weekday: get('weekday'), offsetMin: Math.round((wall - (ms - (ms % 1000 + 1000) % 1000)) / 60_000) };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Java SimpleDateFormat letters y M d H h m s S E a Z X and 'quoted text'. Any other letter throws, so a pattern the
 * harness cannot honour fails loudly instead of printing something Apps Script would not.
 */
export function formatDate(ms: number, timeZone: string, pattern: string): string {
  const f = fieldsIn(ms, timeZone);
  const offset = (colon: boolean, zForZero: boolean): string => {
    if (zForZero && f.offsetMin === 0) return 'Z';
    const a = Math.abs(f.offsetMin);
    return `${f.offsetMin < 0 ? '-' : '+'}${pad(Math.floor(a / 60), 2)}${colon ? ':' : ''}${pad(a % 60, 2)}`;
  };
  return pattern.replace(/'([^']*)'|([A-Za-z])\2*/g, (run: string, quoted: string | undefined, letter: string | undefined) => {
    if (quoted !== undefined) return quoted === '' ? "'" : quoted;
    const n = run.length;
    switch (letter) {
      case 'y': return n === 2 ? pad(f.year % 100, 2) : pad(f.year, n);
      case 'M': return n >= 4 ? MONTHS[f.month - 1] ?? '' : n === 3 ? (MONTHS[f.month - 1] ?? '').slice(0, 3) : pad(f.month, n);
      case 'd': return pad(f.day, n);
      case 'H': return pad(f.hour, n);
      case 'h': return pad(f.hour % 12 || 12, n);
      case 'm': return pad(f.minute, n);
      case 's': return pad(f.second, n);
      case 'S': return pad(((ms % 1000) + 1000) % 1000, Math.max(n, 3)).slice(0, Math.max(n, 3));
      case 'E': return n >= 4 ? f.weekday : f.weekday.slice(0, 3);
      case 'a': return f.hour < 12 ? 'AM' : 'PM';
      case 'Z': return offset(false, false);
      case 'X': return offset(n >= 3, true);
      default: throw new Error(`Utilities.formatDate stand-in: pattern letter '${letter}' is not supported (pattern "${pattern}")`);
    }
  });
}
