/** Header fields: plain ASCII stays readable, everything else becomes RFC 2047 encoded-words of legal size, and lines fold at 78. */
import fc from 'fast-check';
import { addressHeader, cleanEmail, cleanValue, isHeaderName, unstructuredHeader } from '../../../src/core/mime/headers';

/** Undo folding and RFC 2047 B-words with Buffer, independently of the code under test. */
function decode(header: string): string {
  const value = header.replace(/\r\n /g, ' ').replace(/^[^:]+: ?/, '');
  const word = '=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=';
  // Adjacent encoded-words are one run of bytes (the space between them is not text), so decode each run whole.
  return value.replace(new RegExp(`${word}(?: ${word})*`, 'g'), (run) =>
    Buffer.concat([...run.matchAll(new RegExp(word, 'g'))].map((m) => Buffer.from(m[1] ?? '', 'base64'))).toString('utf8'));
}

function expectWellFormed(header: string): void {
  const lines = header.split('\r\n');
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(78);
  for (const line of lines.slice(1)) expect(line).toMatch(/^ \S/);
  for (const word of header.match(/=\?[^?]*\?B\?[^?]*\?=/g) ?? []) expect(word.length).toBeLessThanOrEqual(75);
  expect(header.replace(/\r\n /g, '')).not.toMatch(/[\r\n]/);
}

describe('unstructuredHeader', () => {
  it('leaves plain ASCII as it is', () => {
    expect(unstructuredHeader('Subject', 'Q4 Business Review')).toBe('Subject: Q4 Business Review');
    expect(unstructuredHeader('Subject', '')).toBe('Subject:');
  });

  it('encodes non-ASCII as UTF-8 B-words', () => {
    expect(unstructuredHeader('Subject', 'Café')).toBe('Subject: =?UTF-8?B?Q2Fmw6k=?=');
  });

  it('folds long ASCII at spaces, each line within 78', () => {
    const subject = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const header = unstructuredHeader('Subject', subject);
    expect(header.split('\r\n').length).toBeGreaterThan(3);
    expectWellFormed(header);
    expect(header.replace(/\r\n /g, ' ')).toBe(`Subject: ${subject}`);
  });

  it('encodes what a reader would misread: "=?", double spaces, edge spaces, unbreakable runs, controls', () => {
    for (const s of ['=?UTF-8?B?QQ==?=', 'a  b', ' lead', 'trail ', 'x'.repeat(100), 'tab\there', 'nul\u0000']) {
      const header = unstructuredHeader('Subject', s);
      expect(header).toContain('=?UTF-8?B?');
      expectWellFormed(header);
      expect(decode(header)).toBe(s);
    }
  });

  it('never splits a character between encoded-words and keeps every line within 78', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.constantFrom('Subject', 'X-Unsent', 'To'), (s, name) => {
      const header = unstructuredHeader(name, s);
      expectWellFormed(header);
      for (const word of header.match(/=\?UTF-8\?B\?([^?]*)\?=/g) ?? []) {
        const bytes = Buffer.from(word.slice(10, -2), 'base64');
        expect(Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)).toBe(true);
      }
      expect(decode(header)).toBe(cleanValue(s));
    }), { numRuns: 300 });
  });

  it('turns CR and LF into a space so no new header can start', () => {
    const header = unstructuredHeader('Subject', 'Hi\r\nBcc: evil@x.com');
    expect(header).toBe('Subject: Hi Bcc: evil@x.com');
    expect(cleanValue('a\rb\nc\r\n\r\nd')).toBe('a b c d');
  });
});

describe('addressHeader', () => {
  it('writes atoms bare, other ASCII names quoted with " and \\ escaped', () => {
    expect(addressHeader('To', [{ name: 'Ann Lee', email: 'ann@x.com' }, { name: null, email: 'b@y.com' }]))
      .toBe('To: Ann Lee <ann@x.com>, b@y.com');
    expect(addressHeader('To', [{ name: 'Lee, Ann "A.J." \\ Jr', email: 'ann@x.com' }]))
      .toBe('To: "Lee, Ann \\"A.J.\\" \\\\ Jr" <ann@x.com>');
  });

  it('encodes non-ASCII names and keeps the comma inside the encoded-word', () => {
    const header = addressHeader('Cc', [{ name: 'Müller, Jürgen', email: 'j@x.de' }]);
    expect(header).toBe('Cc: =?UTF-8?B?TcO8bGxlciwgSsO8cmdlbg==?= <j@x.de>');
  });

  it('folds between addresses and inside long names, within 78', () => {
    const people = Array.from({ length: 8 }, (_, i) => ({ name: `Zoë Example-${i} 🚀`.repeat(i === 3 ? 6 : 1), email: `p${i}@example.com` }));
    const header = addressHeader('To', people);
    expectWellFormed(header);
    expect(decode(header)).toBe(people.map((p) => `${p.name} <${p.email}>`).join(', '));
  });

  it('drops addresses with no email and strips what could add recipients', () => {
    expect(cleanEmail(' a@b.c>, evil@x.com\r\n')).toBe('a@b.cevil@x.com');
    expect(addressHeader('To', [{ name: 'Nobody', email: ' ' }, { name: null, email: 'a@b.c' }])).toBe('To: a@b.c');
  });
});

describe('isHeaderName', () => {
  it('accepts tokens and refuses colons, spaces and line breaks', () => {
    expect(isHeaderName('X-Unsent')).toBe(true);
    for (const bad of ['', 'X Unsent', 'Bcc:', 'X\r\nBcc', 'Ünsent']) expect(isHeaderName(bad)).toBe(false);
  });
});
