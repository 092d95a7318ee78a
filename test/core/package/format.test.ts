import { chooseQbrDate, firstWeekdayFrom } from '../../../src/core/package/qbr-date';
import { article, formatter } from '../../../src/core/package/format';

describe('formatter', () => {
  const f = formatter('en-US', 'USD');
  it('writes headline and table money', () => {
    expect(f.moneyShort(220_000)).toBe('$220K');
    expect(f.moneyShort(1_250_000)).toBe('$1.25M');
    expect(f.moneyShort(336_250)).toBe('$336K');
    expect(f.moneyShort(950)).toBe('$950');
    expect(f.money(220_000)).toBe('$220,000');
    expect(f.money(21_250.5)).toBe('$21,250.50');
  });
  it('writes percentages, changes, multiples and dates', () => {
    expect(f.percent(0.28)).toBe('28%');
    expect(f.percent(0.997, 1)).toBe('99.7%');
    expect(f.change(0.2782, 'up')).toBe('▲ +28%');
    expect(f.change(-0.05, 'down')).toBe('▼ −5%');
    expect(f.change(0.034, 'up')).toBe('▲ +3.4%');
    expect(f.change(0.01, 'stable')).toBe('► stable');
    expect(f.change(null, null)).toBe('');
    expect(f.multiple(6.1136)).toBe('6.1x');
    expect(f.date('2026-12-16')).toBe('Dec 16, 2026');
    expect(f.longDate('2026-12-10')).toBe('Thursday, Dec 10, 2026');
  });
  it('follows the account locale and currency, falling back when unknown', () => {
    const de = formatter('de-DE', 'EUR');
    expect(de.money(220_000)).toBe('220.000\u00a0€');
    expect(de.date('2026-12-16')).toBe('16. Dez. 2026');
    const bad = formatter('xx-not-a-locale-!!', 'NOPE');
    expect(bad.money(5)).toBe('$5');
  });
});

describe('the QBR date of a package', () => {
  const today = '2026-11-22';
  it('prefers the flag, then a future QBR Date cell', () => {
    expect(chooseQbrDate({ qbrDate: '2026-12-10', nextQbrDue: null }, today, '2027-01-05').date).toBe('2027-01-05');
    expect(chooseQbrDate({ qbrDate: '2026-12-10', nextQbrDue: '2027-02-01' }, today)).toMatchObject({ date: '2026-12-10', note: null });
  });
  it('uses the due date when it leaves 14 days to prepare', () => {
    expect(chooseQbrDate({ qbrDate: null, nextQbrDue: '2026-12-06' }, today).date).toBe('2026-12-06'); // exactly 14 days
    // 13 days away: first weekday ≥ 2026-12-13 (a Sunday) → Monday 2026-12-14
    expect(chooseQbrDate({ qbrDate: null, nextQbrDue: '2026-12-05' }, today).date).toBe('2026-12-14');
  });
  it('falls back to the first weekday 21+ days out and names a passed QBR Date', () => {
    const c = chooseQbrDate({ qbrDate: '2026-10-01', nextQbrDue: '2026-08-14' }, today);
    expect(c.date).toBe('2026-12-14');
    expect(c.note).toContain('2026-10-01');
    expect(c.basis).toContain('has passed');
    expect(firstWeekdayFrom('2026-12-12')).toBe('2026-12-14');
    expect(firstWeekdayFrom('2026-12-11')).toBe('2026-12-11');
  });
});

describe('the agenda at the team default length', () => {
  it('keeps each section\'s share in 5-minute steps and hits the total exactly', async () => {
    const { agendaItems } = await import('../../../src/core/package/deck/summary-slides');
    expect(agendaItems('enterprise').map((i) => i.minutes)).toEqual([5, 10, 10, 15, 10, 10, 15]);
    // 60 of the usual 75 (× 0.8): 4→5, 8→10, 8→10, 12→10, 8→10, 8→10, 12→10 = 65, so the longest look back
    // (the executive summary, 10) gives back 5: 40 of 60 minutes stay on what's next.
    const sixty = agendaItems('enterprise', 60);
    expect(sixty.map((i) => i.minutes)).toEqual([5, 5, 10, 10, 10, 10, 10]);
    expect(sixty.filter((i) => i.forward).reduce((a, b) => a + b.minutes, 0)).toBe(40);
    expect(sixty.reduce((a, b) => a + b.minutes, 0)).toBe(60);
    expect(agendaItems('smb', 30).reduce((a, b) => a + b.minutes, 0)).toBe(30);
  });
});

describe('one formatter per kind (SPEC §4.2)', () => {
  const f = formatter('en-US', 'USD');
  it('words score changes in points, never percent', () => {
    expect(f.points(5)).toBe('+5 pts');
    expect(f.points(-13)).toBe('−13 pts');
    expect(f.points(1)).toBe('+1 pt');
    expect(f.points(0.2, 1)).toBe('+0.2 pts');
    expect(f.pointsChange(-13)).toBe('▼ −13 pts');
    expect(f.pointsChange(0)).toBe('► no change');
    expect(f.pointsChange(null)).toBe('');
  });
  it('words progress below zero and the ROI as a multiple with its net return', () => {
    // (55 − 60) ÷ (80 − 60) = −0.25: the metric moved the wrong way.
    expect(f.progress(-0.25)).toBe('moved away from target');
    expect(f.progress(1.04)).toBe('104%');
    // 170,500 ÷ 55,000 = 3.1; net (3.1 − 1) = 210 %.
    expect(f.roiHeadline(3.1)).toBe("3.1x return on the quarter's investment");
    expect(f.netRoi(3.1)).toBe('210% net return');
  });
  it('rounds a row of figures one way: compact for all when the largest reaches 10,000', () => {
    const row = [7000, 9000, 10_500, 12_000];
    expect(row.map(f.series(row))).toEqual(['7K', '9K', '10.5K', '12K']);
    const small = [3000, 9999];
    expect(small.map(f.series(small))).toEqual(['3,000', '9,999']);
  });
  it('puts the right article before a segment', () => {
    expect(article('Enterprise')).toBe('an');
    expect(article('Mid-Market')).toBe('a');
  });
});

describe('a relative change reads the same in a sentence and on a card', () => {
  it('keeps one decimal under 10 % in both', () => {
    const f = formatter('en-US', 'USD');
    // Sprout: 12 → 11 active users = −8.33 %.
    expect(f.changeSize(-1 / 12)).toBe('8.3%');
    expect(f.change(-1 / 12, 'down')).toBe('▼ −8.3%');
    expect(f.changeSize(0.28)).toBe('28%');
  });
});
