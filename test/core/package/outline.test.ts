/**
 * SPEC §4.2's outline per variant on the example book: the sections each deck must have, at most 15 main slides,
 * at least 60 % of the agenda's minutes on what's next, the agenda naming who each section is for, and the
 * technical review chosen from who attends.
 */
import { join } from 'node:path';
import { analyzeWorkbook, type AccountReview } from '../../../src/core';
import { agendaItems } from '../../../src/core/package/deck/summary-slides';
import { buildPackage } from '../../../src/core/package/package';
import type { DeckPlan } from '../../../src/core/package/types';
import { readCsvFolder } from '../../../src/workbook/csv';

const TODAY = '2026-11-22';
const example = analyzeWorkbook(readCsvFolder(join(__dirname, '../../../examples/tracker-csv')), { today: TODAY });
const review = (id: string) => example.accounts.find((a) => a.id === id)!;
const deckOf = (r: AccountReview): DeckPlan => buildPackage(r, { today: TODAY }).deck!;
/** Main slides: everything before the appendix cover (or the methodology slide that opens a mid-market appendix). */
const mainKeys = (d: DeckPlan) => {
  const keys = d.slides.map((s) => s.key);
  const end = keys.findIndex((k) => k === 'appendix' || k.startsWith('appendix-'));
  return end < 0 ? keys : keys.slice(0, end);
};

describe('the outline of every variant (SPEC §4.2)', () => {
  it('enterprise (GlobalTech): every section of the outline, the objectives under the priorities, with the technical review', () => {
    expect(mainKeys(deckOf(review('ACC-001')))).toEqual([
      'title', 'agenda', 'exec-summary', 'priorities', 'value-roi', 'adoption-trend', 'support', 'health',
      'success-plan', 'roadmap', 'technical', 'risks-opportunities', 'asks', 'actions',
    ]);
  });

  it('ebr (Meridian): partnership, alignment, renewal outlook, support and asks, within 15 main slides', () => {
    const keys = mainKeys(deckOf(review('ACC-002')));
    for (const k of ['partnership-summary', 'exec-summary', 'executive-alignment', 'value-roi', 'adoption-trend', 'support', 'success-plan', 'roadmap', 'risks-opportunities', 'renewal-outlook', 'asks', 'actions']) expect(keys).toContain(k);
    expect(keys.length).toBeLessThanOrEqual(15);
  });

  it('midmarket (Pinecrest): 8–11 slides with value, objectives, expansion and, renewal being within 9 months, renewal', () => {
    const r = review('ACC-005');
    const keys = mainKeys(deckOf(r));
    // The objectives sit under the priorities: one slide, not a lone one-row table.
    for (const k of ['value-roi', 'priorities', 'risks-opportunities', 'actions']) expect(keys).toContain(k);
    expect(r.renewal.monthsToRenewal).toBeLessThanOrEqual(9);
    expect(keys).toContain('renewal-outlook');
    expect(keys.length).toBeGreaterThanOrEqual(8);
    expect(keys.length).toBeLessThanOrEqual(11);
  });

  it('smb (Sprout): about six slides including value and next steps', () => {
    expect(deckOf(review('ACC-007')).slides.map((s) => s.key)).toEqual(['title', 'exec-summary', 'value-roi', 'adoption-trend', 'roadmap', 'actions']);
  });

  it('keeps every deck of the book within 15 main slides', () => {
    for (const r of example.accounts.filter((a) => a.deck)) expect(mainKeys(deckOf(r)).length).toBeLessThanOrEqual(15);
  });

  it.each([['ebr', false], ['ebr', true], ['enterprise', false], ['enterprise', true], ['midmarket', false], ['midmarket', true], ['smb', false]] as const)(
    'the %s agenda (technical review: %s) gives at least 60 %% of its minutes to what is next, at any length', (variant, technical) => {
      const lengths: Record<string, (number | null)[]> = { ebr: [null, 90, 120], enterprise: [null, 60, 90], midmarket: [null, 45, 60], smb: [null, 30, 45] };
      for (const total of lengths[variant]!) {
        const items = agendaItems(variant, total, technical);
        const all = items.reduce((s, i) => s + i.minutes, 0);
        const ahead = items.filter((i) => i.forward).reduce((s, i) => s + i.minutes, 0);
        if (total !== null) expect(all).toBe(total);
        expect(ahead / all).toBeGreaterThanOrEqual(0.6);
      }
    });

  it('names who each agenda section is for: GlobalTech\'s executives by name, everyone for what is next', () => {
    const agenda = deckOf(review('ACC-001')).slides.find((s) => s.key === 'agenda')!;
    const table = agenda.blocks.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('no table');
    expect(table.columns.map((c) => c.header)).toEqual(['Section', 'Minutes', 'Led by', 'For']);
    const forOf = (section: string) => table.rows.find((r) => r[0]!.text === section)![3]!.text;
    // Daniel Okafor (CTO, Executive level) and Priya Raman (VP Engineering) attend; Marcus Lee is a director.
    expect(forOf('Executive summary and value delivered')).toBe('Daniel Okafor, Priya Raman');
    expect(forOf('Technical review')).toBe('Daniel Okafor, Priya Raman, Marcus Lee');
    expect(forOf('Asks and next steps')).toBe('Everyone');
  });
});

describe('stakeholder-aware: the technical review follows who attends', () => {
  const globalTech = review('ACC-001');
  const withPeople = (people: { name: string; title: string; level: string }[]): AccountReview => ({
    ...globalTech,
    people: {
      ...globalTech.people,
      stakeholders: people.map((p) => ({ ...p, side: 'Customer' as const, role: null, email: null, attending: true, influence: null, sentiment: null, lastContact: null, status: null, note: null })),
    },
  });
  const has = (r: AccountReview) => deckOf(r).slides.some((s) => s.key === 'technical');

  it.each([
    ['a CTO', [{ name: 'Ada CTO', title: 'CTO', level: 'Executive' }, { name: 'Bo Ops', title: 'COO', level: 'Executive' }], true],
    ['a CIO', [{ name: 'Cy CIO', title: 'Chief Information Officer', level: 'Executive' }], true],
    ['an IT director', [{ name: 'Di IT', title: 'Director of IT', level: 'Director' }, { name: 'Ed CFO', title: 'CFO', level: 'Executive' }], true],
    ['a VP Engineering', [{ name: 'Fay Eng', title: 'VP Engineering', level: 'VP' }], true],
    ['business leaders only', [{ name: 'Gil CFO', title: 'CFO', level: 'Executive' }, { name: 'Hal Sales', title: 'VP Sales', level: 'VP' }, { name: 'Ivy Ops', title: 'Head of Operations', level: 'Director' }], false],
  ] as const)('%s attending → technical review %s', (_what, people, expected) => {
    expect(has(withPeople([...people]))).toBe(expected);
  });

  it('a technical leader invited but not attending does not count', () => {
    const r = withPeople([{ name: 'Ada CTO', title: 'CTO', level: 'Executive' }, { name: 'Gil CFO', title: 'CFO', level: 'Executive' }]);
    r.people.stakeholders[0]!.attending = false;
    expect(has(r)).toBe(false);
  });
});
