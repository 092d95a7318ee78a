import { addDays, addMonths, daysBetween, isIsoDate, isoFromParts, monthsBetween, weekday } from '../../src/core/dates';
import { quarterIndex, quarterLabel, quarterOf, quarterStart } from '../../src/core/quarters';

describe('civil dates', () => {
  it('validates ISO days', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-2-28')).toBe(false);
    expect(isoFromParts(2026, 13, 1)).toBeNull();
  });
  it('adds months clamping to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-08-15', 3)).toBe('2026-11-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 12)).toBe('2027-12-15');
  });
  it('counts days and whole months', () => {
    expect(daysBetween('2026-11-22', '2027-05-22')).toBe(181);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(monthsBetween('2026-11-22', '2027-05-22')).toBe(6);
    expect(monthsBetween('2026-11-22', '2027-05-21')).toBe(5);
    expect(monthsBetween('2026-11-22', '2026-11-01')).toBe(-1);
    expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(1);
  });
  it('knows weekdays', () => {
    expect(weekday('2026-11-22')).toBe(0); // a Sunday
    expect(weekday('2026-11-27')).toBe(5);
  });
});

describe('quarters', () => {
  it('places calendar quarters', () => {
    expect(quarterStart({ year: 2026, q: 4 })).toBe('2026-10-01');
    expect(quarterLabel(quarterOf('2026-11-22'))).toBe('2026-Q4');
    expect(quarterIndex({ year: 2027, q: 1 }) - quarterIndex({ year: 2026, q: 4 })).toBe(1);
  });
  it('places fiscal quarters named by the year they end in', () => {
    // February start: FY2026 runs 2025-02-01 … 2026-01-31.
    expect(quarterStart({ year: 2026, q: 1 }, 2)).toBe('2025-02-01');
    expect(quarterStart({ year: 2026, q: 4 }, 2)).toBe('2025-11-01');
    expect(quarterOf('2026-11-22', 2)).toEqual({ year: 2027, q: 4 });
    expect(quarterOf('2026-01-15', 2)).toEqual({ year: 2026, q: 4 });
    expect(quarterOf('2026-07-01', 7)).toEqual({ year: 2027, q: 1 });
  });
});
