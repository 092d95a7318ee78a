// Calendar holds: which steps each variant gets, hand-computed dates with the weekend rule, stable keys and ids (and the SHA-1 behind them).
import { createHash } from 'node:crypto';
import { HOLD_STEPS, holdEventId, planHolds, type HoldInput } from '../../../src/core/package/holds';
import { sha1Hex, utf8 } from '../../../src/core/package/sha1';

const base: HoldInput = {
  accountId: 'ACC-001',
  accountName: 'GlobalTech',
  variant: 'enterprise',
  qbrDate: '2026-12-10', // a Thursday
  timezone: 'America/New_York',
  reviewType: 'Quarterly Business Review',
};

const dates = (input: HoldInput): Record<string, string> =>
  Object.fromEntries(planHolds(input).map((h) => [`T${h.offset > 0 ? '+' : ''}${h.offset}`, h.date]));

describe('planHolds', () => {
  it('lists the 12 steps of SPEC §4 in calendar order', () => {
    expect(HOLD_STEPS.map((s) => s.offset)).toEqual([-21, -14, -10, -7, -5, -3, -2, -1, 1, 2, 7, 14]);
    expect(HOLD_STEPS.map((s) => s.step)).toEqual([
      'Kickoff', 'Data pull & prep begins', 'Customer input request', 'Prep & stakeholder research', 'Draft deck',
      'Internal review', 'Champion pre-call', 'Final materials', 'Send summary', 'Satisfaction survey',
      'Action check-in', 'Progress update',
    ]);
    for (const s of HOLD_STEPS) expect(s.what).toMatch(/^[A-Z].{20,}\.$/);
  });

  it('dates all 11 enterprise holds of a Thursday QBR, moving weekend days', () => {
    expect(dates(base)).toEqual({
      'T-14': '2026-11-26', // Thu
      'T-10': '2026-11-30', // Mon
      'T-7': '2026-12-03', // Thu
      'T-5': '2026-12-04', // Sat 12-05 → Fri
      'T-3': '2026-12-07', // Mon
      'T-2': '2026-12-08', // Tue
      'T-1': '2026-12-09', // Wed
      'T+1': '2026-12-11', // Fri
      'T+2': '2026-12-14', // Sat 12-12 → Mon
      'T+7': '2026-12-17', // Thu
      'T+14': '2026-12-24', // Thu
    });
  });

  it('gives ebr the T-21 kickoff as well', () => {
    const holds = planHolds({ ...base, variant: 'ebr' });
    expect(holds).toHaveLength(12);
    expect(holds[0]).toMatchObject({ offset: -21, step: 'Kickoff', date: '2026-11-19', title: 'QBR GlobalTech: Kickoff' });
    expect(planHolds(base).some((h) => h.offset === -21)).toBe(false);
  });

  it('gives midmarket and smb their smaller sets', () => {
    expect(dates({ ...base, variant: 'midmarket' })).toEqual({
      'T-14': '2026-11-26', 'T-7': '2026-12-03', 'T-3': '2026-12-07', 'T-1': '2026-12-09', 'T+1': '2026-12-11', 'T+7': '2026-12-17',
    });
    expect(dates({ ...base, variant: 'smb' })).toEqual({
      'T-7': '2026-12-03', 'T-2': '2026-12-08', 'T+1': '2026-12-11', 'T+14': '2026-12-24',
    });
  });

  it('moves Saturday and Sunday to the Friday before a QBR', () => {
    // QBR Tue 2026-12-08: T-3 = Sat 12-05, T-2 = Sun 12-06, both → Fri 12-04; T-1 = Mon 12-07 stays.
    const d = dates({ ...base, qbrDate: '2026-12-08' });
    expect([d['T-3'], d['T-2'], d['T-1']]).toEqual(['2026-12-04', '2026-12-04', '2026-12-07']);
  });

  it('moves Saturday and Sunday to the Monday after a QBR', () => {
    // QBR Fri 2026-12-11: T+1 = Sat 12-12, T+2 = Sun 12-13, both → Mon 12-14; T+7, T+14 are Fridays.
    const d = dates({ ...base, qbrDate: '2026-12-11' });
    expect([d['T+1'], d['T+2'], d['T+7'], d['T+14']]).toEqual(['2026-12-14', '2026-12-14', '2026-12-18', '2026-12-25']);
  });

  it('titles each hold `QBR <Account>: <step>` at 09:30–10:00 in the account zone', () => {
    const holds = planHolds({ ...base, variant: 'smb', accountName: '  Acme\n Corp ' });
    expect(holds.map((h) => h.title)).toEqual([
      'QBR Acme Corp: Prep & stakeholder research', 'QBR Acme Corp: Champion pre-call',
      'QBR Acme Corp: Send summary', 'QBR Acme Corp: Progress update',
    ]);
    for (const h of holds) expect(h).toMatchObject({ start: '09:30', end: '10:00', timezone: 'America/New_York' });
    expect(planHolds({ ...base, timezone: null })[0]!.timezone).toBeNull();
  });

  it('keys holds by account, QBR date and step, the same on every call', () => {
    const keys = planHolds(base).map((h) => h.key);
    expect(keys[0]).toBe('ACC-001|2026-12-10|T-14');
    expect(keys).toContain('ACC-001|2026-12-10|T+2');
    expect(planHolds({ ...base, accountName: 'Renamed', timezone: 'Europe/Berlin' }).map((h) => h.key)).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(planHolds({ ...base, qbrDate: '2026-12-11' })[0]!.key).toBe('ACC-001|2026-12-11|T-14');
  });

  it('describes what to do, the QBR, a weekend move and the deck link when known', () => {
    const holds = planHolds({ ...base, deckLink: 'https://docs.google.com/presentation/d/abc' });
    const input = holds.find((h) => h.offset === -10)!;
    expect(input.description).toContain('Ask the champion for their priorities and any data they want reviewed.');
    expect(input.description).toContain('Step T-10 of the Quarterly Business Review on Thu, Dec 10, 2026.');
    expect(input.description).toContain('Deck: https://docs.google.com/presentation/d/abc');
    expect(input.description).not.toContain('Moved');
    expect(holds.find((h) => h.offset === -5)!.description).toContain('Moved from Sat, Dec 5, 2026 because it falls on a weekend.');
    expect(holds.find((h) => h.offset === 2)!.description).toContain('Moved from Sat, Dec 12, 2026');
    expect(planHolds(base)[0]!.description).not.toContain('Deck:');
  });

  it('refuses a QBR date that is not a calendar day', () => {
    expect(() => planHolds({ ...base, qbrDate: '2026-02-30' })).toThrow(RangeError);
  });
});

describe('holdEventId', () => {
  it('is a Google Calendar event id: base32hex, 5–1024 characters, deterministic', () => {
    const id = holdEventId('ACC-001|2026-12-10|T-14');
    expect(id).toMatch(/^[a-v0-9]{5,1024}$/);
    expect(id).toHaveLength(32); // 160 bits in 5-bit digits
    expect(holdEventId('ACC-001|2026-12-10|T-14')).toBe(id);
    expect(holdEventId('ACC-001|2026-12-10|T+14')).not.toBe(id);
  });

  it('encodes the SHA-1 digest of the key in RFC 4648 base32hex', () => {
    // SHA-1("abc") = a9993e36 4706816a … ; its bits in fives: 10101 00110 01100 10011 … = l 6 c j …
    expect(holdEventId('abc')).toBe('l6cjsdi70q0mlehu4longk62died1m4t');
    // SHA-1("") = da39a3ee 5e6b4b0d 3255bfef 95601890 afd80709
    expect(holdEventId('')).toBe('r8sq7riudd5gqcilnvnpao0oi2ntg1o9');
  });

  it('gives 1,000 distinct keys 1,000 distinct ids', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const id = holdEventId(`ACC-${i % 50}|2026-12-${String(1 + (i % 28)).padStart(2, '0')}|T${i}`);
      expect(id).toMatch(/^[a-v0-9]{5,1024}$/);
      ids.add(id);
    }
    expect(ids.size).toBe(1000);
  });
});

// The pure SHA-1 behind hold ids agrees with FIPS 180 vectors and with Node's crypto on awkward inputs.
const node = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');

describe('sha1', () => {
  it('matches the FIPS 180 vectors', () => {
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(sha1Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
    expect(sha1Hex('a'.repeat(1_000_000))).toBe('34aa973cd4c4daa4f61eeb2bdbad27316534016f');
  });

  it('agrees with Node on block boundaries and non-ASCII keys', () => {
    const texts = ['ACC-001|2026-12-10|T-14', 'Müller & Söhne GmbH|2026-12-10|T+2', '東京|💼|T-21', '\u0000', '\ud800 lone'];
    for (let n = 50; n <= 130; n++) texts.push('x'.repeat(n));
    for (const t of texts) expect(sha1Hex(t)).toBe(node(t));
  });

  it('encodes UTF-8 like Node, lone surrogates as U+FFFD', () => {
    for (const t of ['é', '€', '😀', 'a\udc00b']) expect(utf8(t)).toEqual([...Buffer.from(t, 'utf8')]);
  });
});
