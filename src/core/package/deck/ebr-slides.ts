/** Slides only the executive business review has: partnership summary, executive alignment, renewal outlook. */
import { monthsBetween } from '../../dates';
import { bandTone } from '../format';
import type { Kpi, SlidePlan } from '../types';
import { cell, orDash, slide, type DeckContext } from './context';
import { healthKpi } from './summary-slides';

export function partnershipSlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const missing: string[] = [];
  const months = r.contractStart ? monthsBetween(r.contractStart, c.today) : null;
  if (months === null) missing.push('Contract Start');
  const kpis: Kpi[] = [
    { label: 'Annual contract value', value: f.moneyShort(r.arr), detail: r.segment, tone: 'neutral', source: 'Accounts, ARR' },
    { label: 'Partnership', value: months === null ? 'No data' : months >= 24 ? `${f.number(Math.floor(months / 12))} years` : `${f.number(months)} months`, detail: r.contractStart ? `since ${f.date(r.contractStart)}` : 'Contract Start missing', tone: 'neutral', source: 'Accounts, Contract Start' },
    { label: 'Value delivered, annualised', value: orDash(r.value.annualised, f.moneyShort), detail: r.value.roi !== null ? `${f.multiple(r.value.roi)} return` : 'needs this quarter\'s Value lines', tone: r.value.roi !== null && r.value.roi >= 1 ? 'good' : 'neutral', source: 'Value tab × 4' },
  ];
  if (r.value.annualised === null) missing.push(`value lines for ${c.quarterName}`);
  const achieved = r.outcomes.filter((o) => o.status === 'Achieved').map((o) => o.objective);
  const released = r.roadmap.filter((i) => i.type === 'Released' && i.accountSpecific).map((i) => `Delivered your request: ${i.item}`);
  const milestones = [...achieved.map((a) => `Objective achieved: ${a}`), ...released];
  return slide('partnership-summary', 'Partnership summary', [{ kind: 'kpis', items: kpis }, { kind: 'bullets', title: 'Milestones', items: milestones.length > 0 ? milestones : ['No objective has reached its target yet: the success plan shows the path.'] }], {
    talkingPoints: ['Open at the executive level: what the partnership has achieved, in their terms.', 'Keep it to three proof points; details follow.'],
    questions: ['How does your leadership describe the value of this partnership today?'],
  }, { missing, sources: 'Accounts, Value, Outcomes and Roadmap tabs' });
}

export function executiveAlignmentSlide(c: DeckContext): SlidePlan {
  const { r } = c;
  const execs = r.people.stakeholders.filter((p) => /exec|c-level|sponsor|vp|chief|director/i.test(`${p.level ?? ''} ${p.role ?? ''} ${p.title ?? ''}`));
  const missing = r.people.executiveSponsor ? [] : ['Executive Sponsor'];
  return slide('executive-alignment', 'Executive alignment', [{
    kind: 'table',
    columns: [{ header: 'Name', width: 3 }, { header: 'Title', width: 4 }, { header: 'Side', width: 1.6 }, { header: 'Role', width: 3 }, { header: 'Attending', width: 1.6 }],
    rows: execs.map((p) => [cell(p.name, undefined, true), cell(p.title ?? '—'), cell(p.side ?? '—'), cell(p.role ?? '—'), cell(p.attending === null ? '—' : p.attending ? 'Yes' : 'No')]),
    empty: 'No executives recorded in the Stakeholders tab',
  }, { kind: 'bullets', title: 'Alignment asks', items: [
    r.people.executiveSponsor ? `Confirm ${r.people.executiveSponsor} as executive sponsor and agree a twice-yearly executive touchpoint.` : 'Name an executive sponsor on the customer side.',
    'Pair each customer executive with a named counterpart on our side.',
  ] }], {
    talkingPoints: ['Make the executive map explicit: who decides, who influences, who is missing.'],
    questions: ['Who else in your leadership should hear this story?', 'What would you want your executive sponsor to say about us at renewal?'],
  }, { missing, sources: 'Stakeholders and Accounts tabs' });
}

export function renewalOutlookSlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const missing: string[] = [];
  if (!r.renewal.date) missing.push('Renewal Date');
  const critical = r.risks.filter((k) => k.open && (k.escalation === 'Critical' || k.escalation === 'High'));
  const kpis: Kpi[] = [
    { label: 'Renewal', value: r.renewal.date ? f.date(r.renewal.date) : 'No data', detail: r.renewal.daysToRenewal !== null ? `${f.number(r.renewal.daysToRenewal)} days away` : 'Renewal Date missing', tone: r.renewal.daysToRenewal !== null && r.renewal.daysToRenewal < 90 ? 'warn' : 'neutral', source: 'Accounts, Renewal Date' },
    healthKpi(c, missing),
    { label: 'Critical or high risks', value: f.number(critical.length), detail: critical.length > 0 ? critical[0]!.risk : 'none open', tone: critical.length > 0 ? 'bad' : 'good', source: 'Risks tab' },
    { label: 'Weighted expansion', value: orDash(r.opportunities.weighted, f.moneyShort), detail: 'pipeline at renewal', tone: 'neutral', source: 'Opportunities' },
  ];
  const text = r.renewal.focus
    ? `Planning focus with ${r.renewal.monthsToRenewal ?? 0} months to renewal: ${r.renewal.focus.toLowerCase()}.`
    : 'Add the Renewal Date to plan the renewal conversation.';
  return slide('renewal-outlook', 'Renewal outlook', [{ kind: 'kpis', items: kpis }, { kind: 'text', text, tone: bandTone(r.health.band) }], {
    talkingPoints: ['Be direct about the renewal timeline and what both sides need to get there.', ...critical.slice(0, 2).map((k) => `Address "${k.risk}" head-on: ${k.mitigation ?? 'agree a mitigation today'}.`)],
    questions: ['What does your renewal process look like, and who signs?', 'What would make the renewal an easy yes?'],
  }, { missing, sources: 'Accounts, Risks and Opportunities tabs' });
}
