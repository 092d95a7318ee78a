/** Cell parsers under fast-check: no cell makes them throw or yield NaN, and typed money, percents and dates read back exactly. */
import fc from 'fast-check';
import {
  cellText,
  isMissing,
  parseAmount,
  parseDate,
  parseMoney,
  parseNumber,
  parsePercent,
  parseQuarter,
  parseText,
  type Parsed,
} from '../../../src/core/tracker/cells';
import type { Cell } from '../../../src/core/tracker/workbook';

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Strings that look like what people type, so the parsers' deeper branches get exercised, not just 'not a number'. */
const typedLike = fc.string({
  unit: fc.constantFrom(...'0123456789,.$€£¥%()+-−/: KkMmBbQqFYTZ#!?NAaUSDEURJanMrSepDec'.split(''), ' ', '\u00a0'),
  maxLength: 16,
});

const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.string(),
  typedLike,
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 60, 2958465, 2958466),
  fc.date({ noInvalidDate: false }),
  fc.constant(new Date(NaN)),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

function value<T>(p: Parsed<T>): T | null {
  if (!p.ok) throw new Error(`rejected: ${p.message}`);
  return p.value;
}

function expectFiniteOrNull(p: Parsed<number>): void {
  if (p.ok && p.value !== null) expect(Number.isFinite(p.value)).toBe(true);
  if (!p.ok) expect(p.message).toMatch(/^not /);
}

describe('any cell', () => {
  it('never makes a parser throw or return NaN/Infinity', () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        for (const parse of [parseNumber, parseMoney, parsePercent, parseAmount]) expectFiniteOrNull(parse(cell));
        for (const dateOrder of ['MDY', 'DMY'] as const) {
          const d = parseDate(cell, { dateOrder });
          if (d.ok && d.value !== null) expect(d.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
        const q = parseQuarter(cell);
        if (q.ok && q.value !== null) {
          expect(Number.isInteger(q.value.year)).toBe(true);
          expect([1, 2, 3, 4]).toContain(q.value.q);
        }
        expect(typeof cellText(cell)).toBe('string');
        expect(parseText(cell) === null).toBe(isMissing(cell));
      }),
    );
  });

  it('treats missing cells as missing in every parser', () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        fc.pre(isMissing(cell));
        for (const p of [parseNumber(cell), parseMoney(cell), parsePercent(cell), parseAmount(cell), parseDate(cell), parseQuarter(cell)]) {
          expect(p).toEqual({ ok: true, value: null });
        }
      }),
    );
  });
});

/** 1234567 → '1,234,567', built by hand so the test does not lean on the host locale. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

describe('money round-trips', () => {
  const cents = fc.integer({ min: -100_000_000_000, max: 100_000_000_000 });
  const sign = (c: number) => (c < 0 ? '-' : '');
  const dollars = (c: number) => Math.floor(Math.abs(c) / 100);
  const pennies = (c: number) => String(Math.abs(c) % 100).padStart(2, '0');

  it.each<[string, (c: number) => string]>([
    ['$1,234,567.89', (c) => `${sign(c)}$${grouped(dollars(c))}.${pennies(c)}`],
    ['1234567.89', (c) => `${sign(c)}${dollars(c)}.${pennies(c)}`],
    ['USD 1,234,567.89', (c) => `USD ${sign(c)}${grouped(dollars(c))}.${pennies(c)}`],
    ['(1,234.00) for negatives', (c) => (c < 0 ? `(${grouped(dollars(c))}.${pennies(c)})` : `${grouped(dollars(c))}.${pennies(c)}`)],
  ])('as %s', (_name, format) => {
    fc.assert(
      fc.property(cents, (c) => {
        expect(value(parseMoney(format(c)))).toBeCloseTo(c / 100, 2);
        expect(value(parseAmount(format(c)))).toBeCloseTo(c / 100, 2);
      }),
    );
  });

  it('as $NNNK for round thousands', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (k) => {
        expect(value(parseMoney(`${sign(k)}$${Math.abs(k)}K`))).toBe(k * 1000);
        expect(value(parseMoney(`${sign(k)}${Math.abs(k)}k USD`))).toBe(k * 1000);
      }),
    );
  });

  it('as $N.NM for round hundred-thousands', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (tenths) => {
        const m = `${sign(tenths)}$${Math.floor(Math.abs(tenths) / 10)}.${Math.abs(tenths) % 10}M`;
        expect(value(parseMoney(m))).toBe(tenths * 100_000);
      }),
    );
  });
});

describe('percent round-trips', () => {
  it('reads `${p}%` as p/100 for p with at most two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (hundredths) => {
        const p = hundredths / 100;
        for (const parse of [parsePercent, parseNumber, parseAmount]) {
          expect(value(parse(`${p}%`))).toBeCloseTo(p / 100, 10);
        }
        expect(value(parsePercent(`${p} %`))).toBeCloseTo(p / 100, 10);
      }),
    );
  });

  it('reads bare numbers as a fraction up to 1 and as percent points above', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (hundredths) => {
        const n = hundredths / 100;
        const expected = Math.abs(n) <= 1 ? n : n / 100;
        expect(value(parsePercent(String(n)))).toBeCloseTo(expected, 10);
        expect(value(parsePercent(n))).toBeCloseTo(expected, 10);
      }),
    );
  });
});

describe('date round-trips, 1901–2199', () => {
  const first = Date.UTC(1901, 0, 1) / DAY_MS;
  const last = Date.UTC(2199, 11, 31) / DAY_MS;
  const days = fc.integer({ min: first, max: last }).map((n) => {
    const d = new Date(n * DAY_MS);
    return { iso: d.toISOString().slice(0, 10), y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), serial: n + 25569 };
  });

  it('checks the serial arithmetic the test uses against a known day', () => {
    expect((Date.UTC(2023, 2, 15) - Date.UTC(1899, 11, 30)) / DAY_MS).toBe(45000);
    expect(Date.UTC(1970, 0, 1) / DAY_MS + 25569).toBe((Date.UTC(1970, 0, 1) - Date.UTC(1899, 11, 30)) / DAY_MS);
  });

  it.each<[string, (t: { iso: string; y: number; m: number; d: number; serial: number }) => Cell, 'MDY' | 'DMY']>([
    ['YYYY-MM-DD', (t) => t.iso, 'MDY'],
    ['M/D/YYYY', (t) => `${t.m}/${t.d}/${t.y}`, 'MDY'],
    ['D/M/YYYY with dateOrder DMY', (t) => `${t.d}/${t.m}/${t.y}`, 'DMY'],
    ['D Mon YYYY', (t) => `${t.d} ${MONTHS[t.m - 1]} ${t.y}`, 'MDY'],
    ['Mon D, YYYY', (t) => `${MONTHS[t.m - 1]} ${t.d}, ${t.y}`, 'MDY'],
    ['a serial number', (t) => t.serial, 'MDY'],
    // Typed digits are a serial from 5 digits on (1927-05-18); shorter ones are years, tested in cells.test.ts.
    ['a serial number as text (from 1927; earlier as a number cell)', (t) => (t.serial >= 10_000 ? String(t.serial) : t.serial), 'MDY'],
    ['a Date cell', (t) => new Date(Date.UTC(t.y, t.m - 1, t.d)), 'MDY'],
  ])('through %s', (_name, format, dateOrder) => {
    fc.assert(
      fc.property(days, (t) => {
        expect(value(parseDate(format(t), { dateOrder }))).toBe(t.iso);
      }),
    );
  });

  it('maps every day to the calendar quarter containing it', () => {
    fc.assert(
      fc.property(days, (t) => {
        expect(value(parseQuarter(t.iso))).toEqual({ year: t.y, q: Math.ceil(t.m / 3) });
      }),
    );
  });
});
