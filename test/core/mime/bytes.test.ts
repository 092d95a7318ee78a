/** The hand-written UTF-8 and base64 encoders agree with Node's Buffer on every string and byte array, lone surrogates included. */
import fc from 'fast-check';
import { base64Encode, base64Lines, fnv1a, utf8Encode } from '../../../src/core/mime/bytes';

const nodeUtf8 = (s: string): number[] => [...Buffer.from(s, 'utf8')];

/** Any UTF-16 code units, so broken surrogate pairs turn up too (fc's 'binary' unit never makes them). */
const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((units) => String.fromCharCode(...units));
const anyString = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), codeUnits);

describe('utf8Encode', () => {
  it('encodes each length class and a surrogate pair as the standard says', () => {
    expect(utf8Encode('A')).toEqual([0x41]);
    expect(utf8Encode('é')).toEqual([0xc3, 0xa9]);
    expect(utf8Encode('—')).toEqual([0xe2, 0x80, 0x94]);
    expect(utf8Encode('🚀')).toEqual([0xf0, 0x9f, 0x9a, 0x80]);
    expect(utf8Encode('')).toEqual([]);
  });

  it('writes a lone surrogate as U+FFFD, as Buffer does', () => {
    expect(utf8Encode('a\ud83d')).toEqual([0x61, 0xef, 0xbf, 0xbd]);
    expect(utf8Encode('\ude80b')).toEqual([0xef, 0xbf, 0xbd, 0x62]);
    expect(utf8Encode('\ude80\ud83d')).toEqual(nodeUtf8('\ude80\ud83d'));
  });

  it('matches Buffer.from(s, "utf8") for random strings', () => {
    fc.assert(fc.property(anyString, (s) => {
      expect(utf8Encode(s)).toEqual(nodeUtf8(s));
    }), { numRuns: 500 });
  });
});

describe('base64Encode', () => {
  it('pads the RFC 4648 test vectors', () => {
    const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map((s) => base64Encode(ascii(s))))
      .toEqual(['', 'Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmFy']);
  });

  it("matches Buffer's base64 for random byte arrays", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 200 }), (bytes) => {
      expect(base64Encode(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }), { numRuns: 500 });
  });

  it("matches Buffer's base64 of the UTF-8 bytes for random strings", () => {
    fc.assert(fc.property(anyString, (s) => {
      expect(base64Encode(utf8Encode(s))).toBe(Buffer.from(s, 'utf8').toString('base64'));
    }), { numRuns: 500 });
  });
});

describe('base64Lines', () => {
  it('cuts at 76 characters with CRLF and decodes back', () => {
    fc.assert(fc.property(anyString, fc.string({ unit: 'grapheme', maxLength: 300 }), (a, b) => {
      const s = a + b;
      const lines = base64Lines(s).split('\r\n');
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(76);
      expect(lines.slice(0, -1).every((l) => l.length === 76)).toBe(true);
      expect(Buffer.from(lines.join(''), 'base64').toString('utf8')).toBe(Buffer.from(s, 'utf8').toString('utf8'));
    }), { numRuns: 200 });
  });
});

describe('fnv1a', () => {
  it('gives the published 32-bit FNV-1a values', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
  });
});
