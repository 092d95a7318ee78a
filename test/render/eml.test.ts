/** The .eml writer: an EmailPlan becomes a draft message that mailparser reads back with every field intact. */
import { simpleParser, type AddressObject } from 'mailparser';
import type { EmailPlan } from '../../src/core/package/types';
import { emlFor, messageIdFor } from '../../src/render/eml';

const plan: EmailPlan = {
  kind: 'summary',
  to: [{ name: 'Müller, Jürgen', email: 'juergen@customer.example' }, { name: 'Ana "AJ" Silva', email: 'ana@customer.example' }],
  cc: [{ name: null, email: 'csm@vendor.example' }],
  subject: 'Café Crème — Q4 Business Review 🚀',
  html: '<p>Hi J&uuml;rgen &amp; Ana,</p>\r\n<p>Adoption &lt; 50% — let us talk.</p>',
  text: 'Hi Jürgen & Ana,\r\n\r\nAdoption < 50% — let us talk.\r\n',
  missingRecipients: [],
};
const now = new Date(Date.UTC(2026, 10, 22, 9, 30, 0));

const people = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value).map((v) => ({ name: v.name, email: v.address }));

describe('emlFor', () => {
  it('writes a draft that mailparser reads back field for field', async () => {
    const eml = emlFor(plan, { from: { name: 'Dana Reyes', email: 'dana@vendor.example' }, now });
    const parsed = await simpleParser(eml);
    expect(parsed.subject).toBe(plan.subject);
    expect(people(parsed.from)).toEqual([{ name: 'Dana Reyes', email: 'dana@vendor.example' }]);
    expect(people(parsed.to)).toEqual([
      { name: 'Müller, Jürgen', email: 'juergen@customer.example' },
      { name: 'Ana "AJ" Silva', email: 'ana@customer.example' },
    ]);
    expect(people(parsed.cc)).toEqual([{ name: '', email: 'csm@vendor.example' }]);
    expect(parsed.text).toBe(plan.text.replace(/\r\n/g, '\n'));
    expect(parsed.html).toBe(plan.html.replace(/\r\n/g, '\n'));
    expect(parsed.date?.toISOString()).toBe('2026-11-22T09:30:00.000Z');
    expect(eml).toContain('\r\nDate: Sun, 22 Nov 2026 09:30:00 +0000\r\n');
    expect(parsed.headers.get('x-unsent')).toBe('1');
  });

  it('drops X-Unsent only when draft is false, and From when none is given', async () => {
    const sent = await simpleParser(emlFor(plan, { now, draft: false }));
    expect(sent.headers.has('x-unsent')).toBe(false);
    expect(sent.from).toBeUndefined();
    expect((await simpleParser(emlFor(plan, { now, draft: true }))).headers.get('x-unsent')).toBe('1');
  });

  it('derives a stable Message-ID from the subject and recipients', async () => {
    const parsed = await simpleParser(emlFor(plan, { now }));
    expect(parsed.messageId).toMatch(/^<[0-9a-f]{32}@qbr-facilitator\.local>$/);
    expect(parsed.messageId).toBe(`<${messageIdFor(plan)}>`);
    expect(messageIdFor({ ...plan, html: '<p>other</p>', kind: 'invitation' })).toBe(messageIdFor(plan));
    expect(messageIdFor({ ...plan, subject: 'Another subject' })).not.toBe(messageIdFor(plan));
    expect(messageIdFor({ ...plan, cc: [] })).not.toBe(messageIdFor(plan));
  });

  it('gives identical bytes for the same plan and time, CRLF throughout', () => {
    const a = emlFor(plan, { now });
    expect(emlFor({ ...plan }, { now: new Date(now.getTime()) })).toBe(a);
    expect(a.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of a.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('keeps an injected Bcc out of the headers', async () => {
    const parsed = await simpleParser(emlFor({ ...plan, subject: 'Hi\r\nBcc: evil@x.com' }, { now }));
    expect(parsed.headers.has('bcc')).toBe(false);
    expect(parsed.subject).toBe('Hi Bcc: evil@x.com');
  });
});
