/** Slides only the executive business review has: partnership summary, executive alignment, renewal outlook. */
import { monthsBetween } from '../../dates';
import { bandTone } from '../format';
import type { Block, Kpi, SlidePlan } from '../types';
import { cell, metricText, present, slide, type DeckContext } from './context';
import { healthKpi } from './summary-slides';
import { customerFacing } from '../audience';

export function partnershipSlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const missing: string[] = [];
  const months = r.contractStart ? monthsBetween(r.contractStart, c.today) : null;
  if (months === null) missing.push('Contract Start');
  const kpis: Kpi[] = present([
    { label: 'Annual contract value', value: f.moneyShort(r.arr), tone: 'neutral', source: 'Accounts, ARR' },
    months === null ? null : { label: 'Partnership', value: span(months), detail: `since ${f.date(r.contractStart!)}`, tone: 'neutral', source: 'Accounts, Contract Start' },
    r.value.annualised === null ? null : { label: 'Value delivered, annualised', value: f.moneyShort(r.value.annualised), ...(r.value.roi !== null ? { detail: f.roiHeadline(r.value.roi) } : {}), tone: r.value.roi !== null && r.value.roi >= 1 ? 'good' : 'neutral', source: 'Value tab × 4' },
  ]);
  if (r.value.annualised === null) missing.push(`value lines for ${c.quarterName}`);
  const achieved = r.outcomes.filter((o) => o.status === 'Achieved').map((o) => o.objective);
  const released = r.roadmap.filter((i) => i.type === 'Released' && i.accountSpecific).map((i) => `Delivered your request: ${i.item}`);
  const milestones = [...achieved.map((a) => `Objective achieved: ${a}`), ...released];
  // The partnership at a glance (SPEC §4.2): only the facts the tracker holds, each in the deck's one rounding.
  const m = r.history[r.history.length - 1]?.metrics;
  const seats = m?.licensedSeats ?? r.licensedSeats;
  const facts: [string, string | null][] = [
    ['Contract value to date', months === null || months < 1 ? null : `${f.moneyShort((r.arr * months) / 12)} over ${span(months)}`],
    ['Seats', seats === null ? null : `${f.count(seats)} licensed${m?.activeUsers != null ? `, ${f.count(m.activeUsers)} active (${f.percent(m.activeUsers / seats)})` : ''}`],
    ['Health score', r.health.score === null ? null : `${r.health.score} ${r.health.band}${r.health.trend !== null ? ` (${f.points(r.health.trend)} from last quarter)` : ''}`],
    ['NPS', r.trends.nps.current === null ? null : `${metricText(f, 'nps', r.trends.nps.current)}${r.trends.nps.previous !== null ? ` (${metricText(f, 'nps', r.trends.nps.previous)} last quarter)` : ''}`],
    ['Renewal', r.renewal.date && r.renewal.daysToRenewal !== null && r.renewal.daysToRenewal >= 0 ? `${f.date(r.renewal.date)}, ${f.count(r.renewal.daysToRenewal)} days after this review` : null],
  ];
  const glance: Block = {
    kind: 'table', title: 'The partnership at a glance', columns: [{ header: 'Measure', width: 3 }, { header: `${r.name}`, width: 7 }],
    rows: facts.filter((x): x is [string, string] => x[1] !== null).map(([k, v]) => [cell(k, undefined, true), cell(v)]), empty: 'We will review the partnership together',
  };
  return slide('partnership-summary', 'Partnership summary', [{ kind: 'kpis', items: kpis }, glance, { kind: 'bullets', title: 'Milestones', items: milestones.length > 0 ? milestones : ['The milestones ahead are in the success plan.'] }], {
    talkingPoints: ['Open at the executive level: what the partnership has achieved, in their terms.', 'Keep it to three proof points; details follow.'],
    questions: ['How does your leadership describe the value of this partnership today?'],
  }, { missing, sources: 'Accounts, Value, Outcomes and Roadmap tabs' });
}

export function executiveAlignmentSlide(c: DeckContext): SlidePlan {
  const { r } = c;
  const execs = r.people.stakeholders.filter((p) => /exec|c-level|sponsor|vp|chief|director/i.test(`${p.level ?? ''} ${p.role ?? ''} ${p.title ?? ''}`));
  const missing = r.people.executiveSponsor ? [] : ['Executive Sponsor'];
  // Never "confirm X as sponsor" when X is leaving or away: ask for the sponsor going forward instead.
  const sponsorGone = c.changes.find((x) => x.name === r.people.executiveSponsor);
  const sponsorAsk = !r.people.executiveSponsor ? 'Name an executive sponsor on the customer side.'
    : sponsorGone ? 'Agree who will sponsor the partnership on your side over the coming year, and a twice-yearly executive touchpoint.'
      : `Confirm ${r.people.executiveSponsor} as executive sponsor and agree a twice-yearly executive touchpoint.`;
  return slide('executive-alignment', 'Executive alignment', [{
    kind: 'table',
    columns: [{ header: 'Name', width: 3 }, { header: 'Title', width: 4 }, { header: 'Side', width: 1.6 }, { header: 'Role', width: 3 }, { header: 'Attending', width: 1.6 }],
    rows: execs.map((p) => { const shown = p.side === 'Vendor' ? p : customerFacing(p, c.changes); return [cell(p.name, undefined, true), cell(shown.title ?? '—'), cell(p.side ?? '—'), cell(shown.role ?? '—'), cell(p.attending === null ? '—' : p.attending ? 'Yes' : 'No')]; }),
    empty: 'We will map executive counterparts together',
  }, { kind: 'bullets', title: 'Alignment asks', items: [
    sponsorAsk,
    'Pair each customer executive with a named counterpart on our side.',
  ] }], {
    talkingPoints: ['The executive map: who decides, who influences, who is missing.'],
    questions: ['Who else in your leadership should hear this story?'],
    coaching: ['Ask what they would want their executive sponsor to say about us at renewal.'],
  }, { missing, sources: 'Stakeholders and Accounts tabs' });
}

/**
 * The EBR template's renewal factors the customer may see (SPEC §4.2): confidence, sponsor support (the executive
 * sponsor's Stakeholders sentiment), value perception, contract satisfaction. `missing` names the ones the tracker lacks,
 * for the prep brief; budget and competitive threat never reach the slide.
 */
export function renewalFactors(c: DeckContext): { shown: [string, string][]; missing: string[] } {
  const { r } = c;
  const sponsor = r.people.executiveSponsor && !c.changes.some((x) => x.name === r.people.executiveSponsor)
    ? r.people.stakeholders.find((p) => p.name === r.people.executiveSponsor) ?? null : null;
  const factors: [string, string | null | undefined][] = [
    ['Renewal confidence', r.renewalFactors?.confidence],
    ['Executive sponsor support', sponsor?.sentiment ?? null],
    ['Value perception', r.renewalFactors?.valuePerception],
    ['Contract satisfaction', r.renewalFactors?.contractSatisfaction],
  ];
  return {
    shown: factors.filter((x): x is [string, string] => typeof x[1] === 'string' && x[1].trim() !== ''),
    missing: factors.filter((x) => typeof x[1] !== 'string' || x[1].trim() === '').map(([k]) => k),
  };
}

export function renewalOutlookSlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const missing: string[] = [];
  if (!r.renewal.date) missing.push('Renewal Date');
  // Risk severity, pipeline and tactics are the prep brief's; the customer sees the timeline and the health of the partnership.
  const ahead = r.renewal.date !== null && r.renewal.daysToRenewal !== null && r.renewal.daysToRenewal >= 0;
  const kpis: Kpi[] = present([
    ahead ? { label: 'Renewal', value: f.date(r.renewal.date!), detail: `${f.number(r.renewal.daysToRenewal!)} days after this review`, tone: r.renewal.daysToRenewal! < 90 ? 'warn' : 'neutral', source: 'Accounts, Renewal Date' } : null,
    healthKpi(c, missing),
    r.value.roi !== null ? { label: 'Return on investment', value: f.multiple(r.value.roi), detail: f.netRoi(r.value.roi), tone: r.value.roi >= 1 ? 'good' : 'warn' } : null,
  ]);
  const text = ahead
    ? `With ${timeToRenewal(r.renewal.daysToRenewal!)} to the renewal, we would like to agree what success looks like for the next term.`
    : 'We would like to agree what success looks like for the next term.';
  const factors = renewalFactors(c);
  const table: Block = {
    kind: 'table', title: 'What shapes the renewal', columns: [{ header: 'Factor', width: 4 }, { header: 'Where it stands', width: 6 }],
    rows: factors.shown.map(([k, v]) => [cell(k, undefined, true), cell(v)]), empty: 'We will go through what shapes the renewal together',
  };
  return slide('renewal-outlook', 'Renewal outlook', [{ kind: 'kpis', items: kpis }, table, { kind: 'text', text, tone: bandTone(r.health.band) }], {
    talkingPoints: ['Be direct about the renewal timeline and what both sides need to get there.'],
    questions: ['What does your renewal process look like, and who signs?', 'What would make the renewal an easy yes?'],
  }, { missing, sources: 'Accounts, Risks and Opportunities tabs' });
}

/** A partnership's length: whole years only when it is whole years ("2 years"), else months ("31 months"). */
function span(months: number): string {
  return months >= 24 && months % 12 === 0 ? `${months / 12} years` : `${months} month${months === 1 ? '' : 's'}`;
}

/** Time to the renewal as of the meeting: days under two months, else months rounded ("118 days" is about 4 months). */
function timeToRenewal(days: number): string {
  return days < 60 ? `${days} day${days === 1 ? '' : 's'}` : `about ${Math.round(days / 30.44)} months`;
}
