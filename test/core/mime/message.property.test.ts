/** buildMessage under fast-check: any Unicode subject, names and bodies come back from mailparser as they went in. */
import fc from 'fast-check';
import { simpleParser, type AddressObject } from 'mailparser';
import { base64Url, buildMessage } from '../../../src/core/mime/message';

/** Printable graphemes of every script plus the ASCII that stresses headers: quotes, commas, `=?`, spaces, tabs, CR/LF. */
const tricky = fc.constantFrom('"', '\\', ',', ';', '<', '>', '=?', '?=', ' ', '  ', '\t', '\r\n', '\n', '&', '🚀', 'é');
const unicode = (maxLength: number) =>
  fc.string({ unit: fc.oneof({ weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) }, { weight: 1, arbitrary: tricky }), maxLength });
/** Bodies may hold any code point except broken surrogates, which UTF-8 cannot carry. */
const body = fc.oneof(unicode(200), fc.string({ unit: 'binary', maxLength: 200 }));

const names = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value).map((v) => v.name);

describe('buildMessage (property)', () => {
  it('round-trips random subjects, display names and bodies through mailparser', async () => {
    await fc.assert(
      fc.asyncProperty(unicode(120), unicode(40), body, body, async (subject, name, text, html) => {
        const message = buildMessage({ to: [{ name, email: 'a@b.example' }], subject, text, html, boundarySeed: subject });
        for (const line of message.slice(0, message.indexOf('\r\n\r\n')).split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
        const parsed = await simpleParser(message);
        // A header cannot carry a line break: the builder turns each CR/LF run into one space, and trims display names.
        const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');
        expect(parsed.subject ?? '').toBe(oneLine(subject));
        expect(names(parsed.to)).toEqual([oneLine(name).trim()]);
        // mailparser hands bodies back with CRLF normalised to LF.
        expect(parsed.text ?? '').toBe(text.replace(/\r\n/g, '\n'));
        expect(parsed.html || '').toBe(html.replace(/\r\n/g, '\n'));
        expect(Buffer.from(base64Url(message), 'base64url').toString('utf8')).toBe(message);
      }),
      { numRuns: 100 },
    );
  });
});
