// The MIME boundary (issue 9): the sender is validated like every recipient, and no header line passes 78 octets.
import { simpleParser, type AddressObject } from 'mailparser';
import type { EmailPlan } from '../../src/core/package/types';
import { emlFor } from '../../src/render/eml';

const now = new Date(Date.UTC(2026, 10, 22, 9, 30, 0));
const plan = (over: Partial<EmailPlan> = {}): EmailPlan => ({
  kind: 'summary', to: [{ name: 'Dana Cole', email: 'dana@customer.example' }], cc: [], subject: 'QBR', html: '<p>Hi</p>', text: 'Hi', missingRecipients: [], ...over,
});
const people = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value).map((v) => v.address);
const head = (eml: string) => eml.slice(0, eml.indexOf('\r\n\r\n')).split('\r\n');

describe('emlFor: the sender', () => {
  it.each([
    ['maya@vendor.example>, "Bcc" <evil@attacker.example', 'Maya Patel Cc: boss@vendor.example'],
    ['maya@vendor.example\r\nBcc: evil@attacker.example', 'Maya Patel'],
    ['maya@vendor.example evil@attacker.example', 'Maya'],
    ['not an email', 'Maya'],
  ])('a crafted CSM Email %j gives no From, and no extra recipient anywhere', async (email, name) => {
    const eml = emlFor(plan(), { from: { name, email }, now });
    const parsed = await simpleParser(eml);
    expect(parsed.from).toBeUndefined();
    expect(head(eml).filter((l) => /^from:/i.test(l))).toEqual([]);
    expect(people(parsed.to)).toEqual(['dana@customer.example']);
    expect(parsed.cc).toBeUndefined();
    expect(parsed.bcc).toBeUndefined();
    expect(eml).not.toMatch(/attacker/);
  });

  it('a valid sender with a hostile display name stays one quoted or encoded name', async () => {
    const eml = emlFor(plan(), { from: { name: 'Maya Patel Cc: evil@attacker.example', email: 'maya@vendor.example' }, now });
    const parsed = await simpleParser(eml);
    expect((parsed.from as AddressObject).value).toEqual([{ name: 'Maya Patel Cc: evil@attacker.example', address: 'maya@vendor.example' }]);
    expect(parsed.cc).toBeUndefined();
  });
});

describe('emlFor: header lines', () => {
  it.each([
    ['one 10,000-character word', 'A'.repeat(10_000)],
    ['10,000 characters of words', 'Procter Gamble '.repeat(667)],
    ['10,000 characters with quotes and commas', '"Lee, A.J." '.repeat(834)],
  ])('a name of %s folds every header line to at most 78 octets and reads back exactly', async (_, name) => {
    const eml = emlFor(plan({ to: [{ name, email: 'dana@customer.example' }, { name: 'B', email: 'b@customer.example' }], subject: name }), { from: { name, email: 'maya@vendor.example' }, now });
    for (const line of head(eml)) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(78);
    const parsed = await simpleParser(eml);
    expect(people(parsed.to)).toEqual(['dana@customer.example', 'b@customer.example']);
    // Compared as booleans: a failure should not print 10,000 characters twice.
    expect((parsed.from as AddressObject).value[0]!.name.trim() === name.trim()).toBe(true);
    expect(parsed.subject!.trim() === name.trim()).toBe(true);
  });
});
