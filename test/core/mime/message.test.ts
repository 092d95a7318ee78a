/** buildMessage read back by an independent parser (mailparser): headers, addresses and bodies survive exactly, and the bytes are stable. */
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { base64Url, buildMessage, rfc5322Date, type MimeInput } from '../../../src/core/mime/message';

const base: MimeInput = {
  from: { name: 'Dana Reyes', email: 'dana@vendor.example' },
  to: [{ name: 'Müller, Jürgen', email: 'juergen@customer.example' }],
  cc: [{ name: 'O\'Brien, "Pat" \\ CSM', email: 'pat@vendor.example' }, { name: null, email: 'ops@vendor.example' }],
  subject: 'Café Crème — Q4 Business Review 🚀',
  date: 'Sun, 22 Nov 2026 09:30:00 +0000',
  messageId: 'abc123@qbr-facilitator.local',
  text: 'Hello Jürgen,\r\n\r\nRevenue < target & churn > 0 — see the deck 🚀\r\n',
  html: '<p>Hello J&uuml;rgen,</p>\r\n<p>Revenue &lt; target &amp; churn &gt; 0 — see the deck 🚀</p>',
  headers: { 'X-Unsent': '1' },
  boundarySeed: 'seed-1',
};

const parse = (message: string): Promise<ParsedMail> => simpleParser(message);
const headerLines = (message: string): string[] => message.slice(0, message.indexOf('\r\n\r\n')).split('\r\n');
const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value).map((v) => ({ name: v.name, email: v.address }));

/** The two parts' bodies decoded with Buffer, split on the boundary mailparser read from Content-Type: a byte-exact check. */
function rawParts(message: string, parsed: ParsedMail): string[] {
  const type = parsed.headers.get('content-type') as { value: string; params: { boundary: string } };
  const chunks = message.split(`--${type.params.boundary}`);
  expect(chunks).toHaveLength(4);
  expect(chunks[3]).toBe('--\r\n');
  return chunks.slice(1, 3).map((chunk) => {
    const body = chunk.slice(chunk.indexOf('\r\n\r\n') + 4).replace(/\r\n$/, '');
    return Buffer.from(body, 'base64').toString('utf8');
  });
}

describe('buildMessage', () => {
  it('round-trips a non-ASCII subject with an emoji', async () => {
    const message = buildMessage(base);
    expect(message).toContain('Subject: =?UTF-8?B?');
    expect((await parse(message)).subject).toBe('Café Crème — Q4 Business Review 🚀');
  });

  it('folds a 200-character subject and still round-trips it, ASCII or not', async () => {
    const ascii = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ').slice(0, 200);
    const unicode = 'Café Crème — Q4 Business Review 🚀 '.repeat(7).slice(0, 200);
    for (const subject of [ascii, unicode]) {
      expect(subject).toHaveLength(200);
      const message = buildMessage({ ...base, subject });
      const subjectLines = headerLines(message).join('\n').match(/^Subject:.*(\n .*)*/m)?.[0].split('\n') ?? [];
      expect(subjectLines.length).toBeGreaterThan(2);
      for (const line of subjectLines) expect(line.length).toBeLessThanOrEqual(78);
      expect((await parse(message)).subject).toBe(subject);
    }
  });

  it('keeps To and Cc names with commas, quotes, backslashes and non-ASCII intact', async () => {
    const parsed = await parse(buildMessage(base));
    expect(addresses(parsed.to)).toEqual([{ name: 'Müller, Jürgen', email: 'juergen@customer.example' }]);
    expect(addresses(parsed.cc)).toEqual([
      { name: 'O\'Brien, "Pat" \\ CSM', email: 'pat@vendor.example' },
      { name: '', email: 'ops@vendor.example' },
    ]);
    expect(addresses(parsed.from)).toEqual([{ name: 'Dana Reyes', email: 'dana@vendor.example' }]);
  });

  it('decodes the text and html parts exactly, CRLF, <, & and non-ASCII included', async () => {
    const message = buildMessage(base);
    const parsed = await parse(message);
    // mailparser normalises CRLF to LF in what it returns, so compare with that; rawParts checks the bytes themselves.
    expect(parsed.text).toBe(base.text.replace(/\r\n/g, '\n'));
    expect(parsed.html).toBe(base.html.replace(/\r\n/g, '\n'));
    expect(rawParts(message, parsed)).toEqual([base.text, base.html]);
    const type = parsed.headers.get('content-type') as { value: string };
    expect(type.value).toBe('multipart/alternative');
  });

  it('writes the headers in the conventional order, X-Unsent included', async () => {
    const message = buildMessage(base);
    const names = headerLines(message).filter((l) => !l.startsWith(' ')).map((l) => l.slice(0, l.indexOf(':')));
    expect(names).toEqual(['From', 'To', 'Cc', 'Subject', 'Date', 'Message-ID', 'MIME-Version', 'X-Unsent', 'Content-Type']);
    const parsed = await parse(message);
    expect(parsed.headers.get('x-unsent')).toBe('1');
    expect(parsed.messageId).toBe('<abc123@qbr-facilitator.local>');
    expect(parsed.date?.toISOString()).toBe('2026-11-22T09:30:00.000Z');
  });

  it('leaves out From, Cc, Date and Message-ID when not given', async () => {
    const message = buildMessage({ to: [{ name: null, email: 'a@b.example' }], subject: 'Hi', text: '', html: '' });
    const names = headerLines(message).map((l) => l.slice(0, l.indexOf(':')));
    expect(names).toEqual(['To', 'Subject', 'MIME-Version', 'Content-Type']);
    const parsed = await parse(message);
    expect(parsed.subject).toBe('Hi');
    expect(rawParts(message, parsed)).toEqual(['', '']);
  });

  it('gives identical bytes for the same input, seeded or not, and a new boundary for a new seed', () => {
    expect(buildMessage(base)).toBe(buildMessage({ ...base, cc: [...(base.cc ?? [])], headers: { 'X-Unsent': '1' } }));
    const unseeded = { ...base, boundarySeed: undefined };
    expect(buildMessage(unseeded)).toBe(buildMessage({ ...unseeded }));
    const boundary = (m: string) => /boundary="([^"]+)"/.exec(m)?.[1];
    expect(boundary(buildMessage({ ...base, boundarySeed: 'seed-2' }))).not.toBe(boundary(buildMessage(base)));
  });

  it('still separates the parts when a body contains the boundary text itself', async () => {
    const boundary = /boundary="([^"]+)"/.exec(buildMessage(base))?.[1] ?? '';
    const text = `--${boundary}\r\nContent-Type: text/html\r\n\r\n<b>fake</b>\r\n--${boundary}--`;
    const message = buildMessage({ ...base, text });
    const parsed = await parse(message);
    expect(parsed.text).toBe(text.replace(/\r\n/g, '\n'));
    expect(parsed.html).toBe(base.html.replace(/\r\n/g, '\n'));
  });

  it('blocks header injection through the subject, names, emails, ids, dates and extra headers', async () => {
    const message = buildMessage({
      ...base,
      subject: 'Hi\r\nBcc: evil@x.com',
      to: [{ name: 'Ann\r\nBcc: evil@x.com', email: 'ann@x.example\r\nBcc: evil@x.com' }],
      date: 'Sun, 22 Nov 2026 09:30:00 +0000\r\nBcc: evil@x.com',
      messageId: 'id@x\r\nBcc: evil@x.com',
      headers: { 'X-Unsent': '1\r\nBcc: evil@x.com' },
    });
    const parsed = await parse(message);
    expect(parsed.headers.has('bcc')).toBe(false);
    expect(parsed.bcc).toBeUndefined();
    expect(headerLines(message).filter((l) => /^bcc:/i.test(l))).toEqual([]);
    expect(parsed.subject).toBe('Hi Bcc: evil@x.com');
  });

  it('refuses extra headers with invalid or builder-owned names', () => {
    expect(() => buildMessage({ ...base, headers: { 'Bcc:': 'x' } })).toThrow(RangeError);
    expect(() => buildMessage({ ...base, headers: { 'X\r\nBcc': 'x' } })).toThrow(RangeError);
    expect(() => buildMessage({ ...base, headers: { 'content-type': 'text/plain' } })).toThrow(RangeError);
  });

  it('keeps every line within 998 characters and every header line within 78', () => {
    const message = buildMessage({
      ...base,
      subject: 'x'.repeat(300),
      to: Array.from({ length: 20 }, (_, i) => ({ name: `Person ${i}, Ünïcødé`, email: `person${i}@customer.example` })),
      text: 'a'.repeat(5000),
      html: `<p>${'é'.repeat(3000)}</p>`,
    });
    expect(message.endsWith('\r\n')).toBe(true);
    expect(message.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of message.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    for (const line of headerLines(message)) expect(line.length).toBeLessThanOrEqual(78);
  });
});

describe('base64Url', () => {
  it('decodes with Buffer back to the message and uses only the URL-safe alphabet', () => {
    const message = buildMessage(base);
    const raw = base64Url(message);
    expect(raw).toMatch(/^[A-Za-z0-9_-]*$/);
    expect(Buffer.from(raw, 'base64url').toString('utf8')).toBe(message);
    expect(base64Url('Hi')).toBe('SGk');
    expect(base64Url('\u00ff\u00fe?')).toBe(Buffer.from('\u00ff\u00fe?', 'utf8').toString('base64url'));
  });
});

describe('rfc5322Date', () => {
  const instant = Date.UTC(2026, 10, 22, 9, 30, 0);

  it('writes UTC by default', () => {
    expect(rfc5322Date(instant)).toBe('Sun, 22 Nov 2026 09:30:00 +0000');
    expect(rfc5322Date(Date.UTC(2027, 0, 3, 0, 0, 5))).toBe('Sun, 03 Jan 2027 00:00:05 +0000');
  });

  it('shows the wall clock at an offset, across midnight too', () => {
    expect(rfc5322Date(instant, -300)).toBe('Sun, 22 Nov 2026 04:30:00 -0500');
    expect(rfc5322Date(instant, 330)).toBe('Sun, 22 Nov 2026 15:00:00 +0530');
    expect(rfc5322Date(Date.UTC(2026, 10, 22, 2, 0), -480)).toBe('Sat, 21 Nov 2026 18:00:00 -0800');
  });

  it('names the same instant whatever the offset, as a parser reads it', async () => {
    for (const offset of [0, -300, 330, 765, -720]) {
      const parsed = await parse(buildMessage({ ...base, date: rfc5322Date(instant, offset) }));
      expect(parsed.date?.getTime()).toBe(instant);
    }
  });

  it('refuses a non-finite instant or an impossible offset', () => {
    expect(() => rfc5322Date(Number.NaN)).toThrow(RangeError);
    expect(() => rfc5322Date(instant, 24 * 60)).toThrow(RangeError);
  });
});

describe('buildMessage with attachments', () => {
  const bytes = new Uint8Array(Array.from({ length: 1000 }, (_, i) => (i * 37) % 256));
  const withFiles: MimeInput = {
    ...base,
    attachments: [
      { filename: 'deck.pptx', contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', data: bytes },
      { filename: 'Plan d’action – Café.txt', contentType: 'text/plain; charset=UTF-8', data: 'Notes — café' },
      { filename: 'invite.ics', contentType: 'text/calendar; charset=UTF-8; method=REQUEST', data: 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n' },
    ],
  };

  it('wraps the bodies and the files in multipart/mixed that mailparser reads back byte for byte', async () => {
    const raw = buildMessage(withFiles);
    expect(raw).toMatch(/\r\nContent-Type: multipart\/mixed; boundary="=_qbr_[0-9a-f]+"\r\n/);
    const mail = await simpleParser(raw);
    expect(mail.text).toBe(base.text.replace(/\r\n/g, '\n'));
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['deck.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      ['Plan d’action – Café.txt', 'text/plain'],
      ['invite.ics', 'text/calendar'],
    ]);
    expect([...mail.attachments[0]!.content]).toEqual([...bytes]);
    expect(mail.attachments[2]!.content.toString('utf8')).toBe('BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n');
    // Every line stays within RFC 5322's 78 characters, the long Office type included.
    expect(Math.max(...raw.split('\r\n').map((l) => l.length))).toBeLessThanOrEqual(78);
    expect(buildMessage(withFiles)).toBe(raw);
  });

  it('keeps the plain multipart/alternative message when there is nothing to attach', () => {
    expect(buildMessage({ ...base, attachments: [] })).toBe(buildMessage(base));
  });

  it('refuses a content type that would inject a header', () => {
    expect(() => buildMessage({ ...base, attachments: [{ filename: 'x', contentType: 'text/plain\r\nBcc: x@y.z', data: 'x' }] })).toThrow(RangeError);
  });
});
