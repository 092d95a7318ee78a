/** Cell parsers, spelling by spelling: every form SPEC §2 says people type, and the ones that must be refused. */
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

const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));
const missingCells: Cell[] = [null, undefined, '', '   ', 'N/A', 'NA', 'n/a', '-', '—', '–', 'TBD', '#N/A', '#REF!', NaN, Infinity];

/** Unwraps an accepted value; fails the test with the parser's message otherwise. */
function value<T>(p: Parsed<T>): T | null {
  if (!p.ok) throw new Error(`rejected: ${p.message}`);
  return p.value;
}

describe('isMissing', () => {
  it.each<[Cell]>([
    [null], [undefined], [''], ['   '], ['\t\n'], ['N/A'], ['NA'], ['n/a'], ['na'], [' N/A '], ['-'], ['—'], ['–'],
    ['TBD'], ['tbd'], ['#N/A'], ['#REF!'], ['#DIV/0!'], ['#VALUE!'], ['#NAME?'], ['#NUM!'], ['#NULL!'], ['#ERROR!'],
    ['#SPILL!'], ['#CALC!'], ['#GETTING_DATA'], ['#ref!'], ['#n/a'], [NaN], [Infinity], [-Infinity], [new Date(NaN)],
  ])('%p is missing', (cell) => {
    expect(isMissing(cell)).toBe(true);
  });

  it.each<[Cell]>([['none'], ['0'], [0], [false], [true], ['Acme'], ['--5'], ['#REF'], ['N/A yet'], [day(2026, 3, 31)], [-1]])(
    '%p is not missing',
    (cell) => {
      expect(isMissing(cell)).toBe(false);
    },
  );
});

describe('parseText and cellText', () => {
  it.each<[Cell, string | null]>([
    ['  Acme Corp ', 'Acme Corp'],
    ['none', 'none'],
    [42, '42'],
    [0.28, '0.28'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [day(2026, 3, 31), '2026-03-31'],
    [null, null],
    ['N/A', null],
    ['#REF!', null],
    [NaN, null],
  ])('parseText(%p) = %p', (cell, expected) => {
    expect(parseText(cell)).toBe(expected);
  });

  it.each<[Cell, string]>([
    [null, ''],
    [undefined, ''],
    ['  $220K ', '$220K'],
    ['#REF!', '#REF!'],
    ['N/A', 'N/A'],
    [1200, '1200'],
    [true, 'TRUE'],
    [day(2026, 3, 31), '2026-03-31'],
    [new Date(NaN), ''],
  ])('cellText(%p) = %p', (cell, expected) => {
    expect(cellText(cell)).toBe(expected);
  });
});

describe('parseNumber', () => {
  it.each<[Cell, number]>([
    [42, 42],
    [0.28, 0.28],
    [-3, -3],
    ['1,200', 1200],
    ['1200.5', 1200.5],
    [' 42 ', 42],
    ['+42', 42],
    ['-3', -3],
    ['− 3', -3],
    ['(1,000)', -1000],
    ['( 1,000.50 )', -1000.5],
    ['1,234,567.89', 1234567.89],
    ['.5', 0.5],
    ['007', 7],
    ['12K', 12000],
    ['12k', 12000],
    ['1.2M', 1200000],
    ['1.2MM', 1200000],
    ['3B', 3e9],
    ['3bn', 3e9],
    ['1.5 K', 1500],
    ['-2.5k', -2500],
    ['(2K)', -2000],
    ['1.5e6', 1500000],
    ['28%', 0.28],
    ['28 %', 0.28],
    ['-5%', -0.05],
    ['(5%)', -0.05],
    ['0', 0],
    ['-0', 0],
  ])('%p → %p', (cell, expected) => {
    expect(value(parseNumber(cell))).toBe(expected);
  });

  it.each<[Cell]>([
    ['abc'], ['12 apples'], ['1.2.3'], ['1,2,3,4'], ['12,34'], ['1,234,56'], [',123'], ['1,200.'], ['1.200.000'],
    ['$5'], ['5 USD'], ['K'], ['12K%'], ['--5'], ['+-5'], ['(-5)'], ['5%%'], ['1e'], ['1e999'], ['9'.repeat(400)],
    [true], [false], [day(2026, 3, 31)],
  ])('%p is not a number', (cell) => {
    expect(parseNumber(cell)).toEqual({ ok: false, message: 'not a number' });
  });

  it.each(missingCells.map((c) => [c]))('%p is missing', (cell) => {
    expect(parseNumber(cell)).toEqual({ ok: true, value: null });
  });
});

describe('parseMoney', () => {
  it.each<[Cell, number]>([
    [220000, 220000],
    ['$220K', 220000],
    ['$1.2M', 1200000],
    ['220,000', 220000],
    ['$220,000.50', 220000.5],
    ['-$5K', -5000],
    ['$-5K', -5000],
    ['- $5K', -5000],
    ['($5,000)', -5000],
    ['$(5,000)', -5000],
    ['(5,000 USD)', -5000],
    ['(5,000) USD', -5000],
    ['€1.2M', 1200000],
    ['£85K', 85000],
    ['¥1000', 1000],
    ['US$5', 5],
    ['USD 220,000', 220000],
    ['220,000 USD', 220000],
    ['usd 220,000', 220000],
    ['EUR 5k', 5000],
    ['$ 220 K', 220000],
    ['1.5M €', 1500000],
    ['$3B', 3e9],
    ['12K', 12000],
  ])('%p → %p', (cell, expected) => {
    expect(value(parseMoney(cell))).toBe(expected);
  });

  it.each<[Cell]>([
    ['5%'], ['$5%'], ['abc'], ['$'], ['$-'], ['$5 USD'], ['$$5'], ['$1.2.3'], ['$1,2000'], ['1.200.000,50 €'],
    ['12 apples'], ['$220K ARR'], [true], [day(2026, 3, 31)],
  ])('%p is not money', (cell) => {
    expect(parseMoney(cell)).toEqual({ ok: false, message: 'not an amount of money' });
  });

  it.each(missingCells.map((c) => [c]))('%p is missing', (cell) => {
    expect(parseMoney(cell)).toEqual({ ok: true, value: null });
  });
});

describe('parsePercent', () => {
  it.each<[Cell, number]>([
    ['28%', 0.28],
    ['28 %', 0.28],
    ['-5%', -0.05],
    ['99.7%', 0.997],
    ['150%', 1.5],
    ['0%', 0],
    ['0.28', 0.28],
    ['1', 1],
    ['-0.5', -0.5],
    ['28', 0.28],
    ['99.7', 0.997],
    ['-5', -0.05],
    ['150', 1.5],
    [0.28, 0.28],
    [1, 1],
    [28, 0.28],
    [99.7, 0.997],
  ])('%p → %p', (cell, expected) => {
    expect(value(parsePercent(cell))).toBeCloseTo(expected, 12);
  });

  it('reads typed percent points without multiplication error', () => {
    expect(value(parsePercent('99.7%'))).toBe(0.997);
    expect(value(parsePercent('0.7%'))).toBe(0.007);
  });

  it.each<[Cell]>([['abc'], ['28K'], ['$5'], ['5%%'], ['28 percent'], ['1,2%'], [true], [day(2026, 3, 31)]])(
    '%p is not a percentage',
    (cell) => {
      expect(parsePercent(cell)).toEqual({ ok: false, message: 'not a percentage' });
    },
  );

  it.each(missingCells.map((c) => [c]))('%p is missing', (cell) => {
    expect(parsePercent(cell)).toEqual({ ok: true, value: null });
  });
});

describe('parseAmount', () => {
  it.each<[Cell, number]>([
    ['$75', 75],
    ['4,200', 4200],
    ['30%', 0.3],
    ['0.3', 0.3],
    ['30', 30],
    ['1.2M', 1200000],
    ['-$5K', -5000],
    [4200, 4200],
    [0.3, 0.3],
  ])('%p → %p', (cell, expected) => {
    expect(value(parseAmount(cell))).toBe(expected);
  });

  it.each<[Cell]>([['abc'], ['$5%'], ['12 apples'], [true], [day(2026, 3, 31)]])('%p is not an amount', (cell) => {
    expect(parseAmount(cell)).toEqual({ ok: false, message: 'not a number' });
  });

  it.each(missingCells.map((c) => [c]))('%p is missing', (cell) => {
    expect(parseAmount(cell)).toEqual({ ok: true, value: null });
  });
});

describe('parseDate', () => {
  it.each<[Cell, string]>([
    [day(2026, 3, 31), '2026-03-31'],
    [new Date(Date.UTC(2026, 2, 31, 23, 59)), '2026-03-31'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [45000, '2023-03-15'],
    [45000.75, '2023-03-15'],
    [46112, '2026-03-31'],
    [2958465, '9999-12-31'],
    ['46112', '2026-03-31'],
    ['46112.5', '2026-03-31'],
    ['2026-03-31', '2026-03-31'],
    ['2026/03/31', '2026-03-31'],
    ['2026.03.31', '2026-03-31'],
    ['2026-3-5', '2026-03-05'],
    ['3/31/2026', '2026-03-31'],
    ['03/31/2026', '2026-03-31'],
    ['3-31-2026', '2026-03-31'],
    ['3/31/26', '2026-03-31'],
    ['3/4/2026', '2026-03-04'],
    ['31/3/2026', '2026-03-31'],
    ['31.03.2026', '2026-03-31'],
    ['3.4.2026', '2026-04-03'],
    ['31 Mar 2026', '2026-03-31'],
    ['31 March 2026', '2026-03-31'],
    ['31 MARCH 2026', '2026-03-31'],
    ['31-Mar-2026', '2026-03-31'],
    ['31-Mar-26', '2026-03-31'],
    ['30 Sept 2026', '2026-09-30'],
    ['30 Sep 2026', '2026-09-30'],
    ['Mar 31, 2026', '2026-03-31'],
    ['Mar. 31, 2026', '2026-03-31'],
    ['March 31 2026', '2026-03-31'],
    ['march 31st, 2026', '2026-03-31'],
    ['Tuesday, March 31, 2026', '2026-03-31'],
    ['Tue 31 Mar 2026', '2026-03-31'],
    ['2026-Mar-31', '2026-03-31'],
    ['2026-03-31T10:00:00Z', '2026-03-31'],
    ['2026-03-31T23:30:00.000-05:00', '2026-03-31'],
    ['2026-03-31 10:00', '2026-03-31'],
    ['3/31/2026 9:30 PM', '2026-03-31'],
    ['29 Feb 2028', '2028-02-29'],
  ])('%p → %p', (cell, expected) => {
    expect(value(parseDate(cell))).toBe(expected);
  });

  it.each<[string, string]>([
    ['3/4/2026', '2026-04-03'],
    ['31/3/2026', '2026-03-31'],
    ['3/31/2026', '2026-03-31'],
    ['2026-03-04', '2026-03-04'],
  ])('with dateOrder DMY, %p → %p', (cell, expected) => {
    expect(value(parseDate(cell, { dateOrder: 'DMY' }))).toBe(expected);
  });

  it.each<[string, string]>([
    ['2026-02-30', 'not a date (2026-02-30 does not exist)'],
    ['13/13/2026', 'not a date (13/13/2026 does not exist)'],
    ['2/30/2026', 'not a date (2/30/2026 does not exist)'],
    ['30 Feb 2026', 'not a date (30 Feb 2026 does not exist)'],
    ['29 Feb 2026', 'not a date (29 Feb 2026 does not exist)'],
    ['2026-13-01', 'not a date (2026-13-01 does not exist)'],
  ])('%p does not exist', (cell, message) => {
    expect(parseDate(cell)).toEqual({ ok: false, message });
  });

  it.each<[Cell]>([
    ['soon'], ['Q1 2026'], ['March 2026'], ['31 Marz 2026'], ['31 Ma 2026'], ['3/31'], ['0'], ['3/31-2026'],
    ['31 Mar 2026 Mar'], [0], [-5], [0.5], [2958466], [1e12], [true], ['1,200'], [new Date(Date.UTC(10000, 0, 1))],
  ])('%p is not a date', (cell) => {
    expect(parseDate(cell)).toEqual({ ok: false, message: expect.stringMatching(/^not a date/) });
  });

  it('reads typed digits as a serial only from 5 digits on: 2026 alone is a year', () => {
    expect(parseDate('2026')).toEqual({ ok: false, message: expect.stringContaining('not a date') });
    expect(parseDate('46112')).toEqual({ ok: true, value: '2026-03-31' });
  });
  it('rejects the fake 1900-02-29 (serial 60)', () => {
    expect(parseDate(60)).toEqual({ ok: false, message: expect.stringContaining('1900-02-29') });
  });

  it.each(missingCells.map((c) => [c]))('%p is missing', (cell) => {
    expect(parseDate(cell)).toEqual({ ok: true, value: null });
  });
});

describe('parseQuarter', () => {
  it.each<[Cell, number, number]>([
    ['2026-Q1', 2026, 1],
    ['2026 Q1', 2026, 1],
    ['2026Q1', 2026, 1],
    ['2026/Q2', 2026, 2],
    ['Q1 2026', 2026, 1],
    ['Q1-2026', 2026, 1],
    ['Q1/2026', 2026, 1],
    ['q1 2026', 2026, 1],
    ['2026-q4', 2026, 4],
    ["Q3'26", 2026, 3],
    ['FY26 Q1', 2026, 1],
    ['FY2026 Q1', 2026, 1],
    ['FY26-Q1', 2026, 1],
    ['fy26q1', 2026, 1],
    ['Q1 FY26', 2026, 1],
    ['Q1 FY2026', 2026, 1],
    ['1Q26', 2026, 1],
    ['4Q 2025', 2025, 4],
    ['  Q2   2027 ', 2027, 2],
    [day(2026, 3, 31), 2026, 1],
    [day(2026, 4, 1), 2026, 2],
    [day(2025, 12, 31), 2025, 4],
    ['2026-08-15', 2026, 3],
    ['2026-11-01T09:00:00Z', 2026, 4],
  ])('%p → %p Q%p', (cell, year, q) => {
    expect(value(parseQuarter(cell))).toEqual({ year, q });
  });

  it.each<[Cell]>([
    ['2026-Q5'], ['Q0 2026'], ['2026'], ['Q1'], ['first quarter'], ['2026-13-01'], ['3/31/2026'], ['Q1 2026 Q2'],
    ['H1 2026'], ['Q12026x'], [2026], [46112], [true], [new Date(-8.64e15)],
  ])('%p is not a quarter', (cell) => {
    expect(parseQuarter(cell)).toEqual({ ok: false, message: 'not a quarter (write it as 2026-Q1)' });
  });

  it.each(missingCells.map((c) => [c]))('%p is missing', (cell) => {
    expect(parseQuarter(cell)).toEqual({ ok: true, value: null });
  });
});
