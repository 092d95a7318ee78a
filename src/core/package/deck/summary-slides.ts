/** Opening slides: title, agenda, executive summary, business context and priorities. */
import { article, bandTone } from '../format';
import type { Block, Kpi, SlidePlan } from '../types';
import { sharedRisks } from '../audience';
import { cell, metricKpi, present, slide, type DeckContext } from './context';
import type { Person } from '../../analysis/types';
import { customerAttendees, isExecutive } from '../meeting';
import { isTechnical } from './next-slides';
import { bestBenchmark } from './benchmark-text';
import { outcomesTable } from './value-slides';
import { recipients } from '../recipients';

/** The cover: the renderer puts the account name above this slide's title (what the meeting is) and subtitle (when, by whom). */
export function titleSlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  // For whom the emails greet: never a champion who is away or leaving (SPEC §4.1).
  const audience = recipients(r).greet;
  const by = [r.people.csm && `Prepared by ${r.people.csm}`, audience && `for ${audience}`].filter(Boolean).join(' ');
  return slide('title', `${r.reviewType} · ${c.quarterName}`, [], {
    talkingPoints: [
      `Welcome everyone and thank ${r.name} for the time: this is our ${r.reviewType.toLowerCase()} for ${c.quarterName}.`,
      'Introductions around the room: name, role, and one thing each person wants from today.',
      'Confirm the time box and that we will leave with agreed next steps and owners.',
    ],
    questions: ['What would make this session a success for you?'],
  }, { layout: 'title', subtitle: [f.longDate(c.qbrDate), by].filter(Boolean).join(' · ') });
}

type Lead = 'csm' | 'customer' | 'both';
/** Who a section is for: executives get outcomes and value, technical leaders the technical review, champions adoption. */
type For = 'executives' | 'technical' | 'champions' | 'everyone';
/** [section, minutes, led by, for, forward-looking]; forward sections hold at least 60 % of the minutes (SPEC §4.2). */
type AgendaRow = [string, number, Lead, For, boolean];

const TECHNICAL_ROW: AgendaRow = ['Technical review', 5, 'csm', 'technical', false];

const AGENDAS: Record<string, AgendaRow[]> = {
  // 5 + 15 + 10 back, 20 + 10 + 15 + 10 + 15 = 70 of 100 ahead.
  ebr: [['Welcome and objectives', 5, 'both', 'everyone', false], ['Partnership and value delivered', 15, 'csm', 'executives', false], ['Adoption and service', 10, 'csm', 'champions', false],
    ['Executive alignment and success plan', 20, 'both', 'executives', true], ['Roadmap', 10, 'csm', 'everyone', true], ['Challenges and opportunities', 15, 'both', 'everyone', true],
    ['Renewal outlook', 10, 'both', 'executives', true], ['Asks and next steps', 15, 'both', 'everyone', true]],
  // 5 + 10 + 10 back, 15 + 10 + 10 + 15 = 50 of 75 ahead.
  enterprise: [['Welcome and objectives', 5, 'both', 'everyone', false], ['Executive summary and value delivered', 10, 'csm', 'executives', false], ['Adoption, support and health', 10, 'csm', 'champions', false],
    ['Success plan and next-quarter goals', 15, 'both', 'everyone', true], ['Roadmap', 10, 'csm', 'everyone', true], ['Challenges and opportunities', 10, 'both', 'everyone', true],
    ['Asks and next steps', 15, 'both', 'everyone', true]],
  // 5 + 10 back, 10 + 10 + 15 = 35 of 50 ahead.
  midmarket: [['Welcome and objectives', 5, 'both', 'everyone', false], ['Summary, value and adoption', 10, 'csm', 'executives', false],
    ['Objectives and roadmap', 10, 'both', 'everyone', true], ['Expansion and renewal', 10, 'both', 'executives', true], ['Next steps', 15, 'both', 'everyone', true]],
  // 10 + 5 back, 10 + 15 = 25 of 40 ahead.
  smb: [['Summary and value', 10, 'csm', 'executives', false], ['Adoption', 5, 'csm', 'champions', false], ['Roadmap and requests', 10, 'csm', 'everyone', true], ['Next steps', 15, 'both', 'everyone', true]],
};

export interface AgendaItem { section: string; minutes: number; lead: Lead; audience: For; forward: boolean }

/**
 * The agenda of a variant; with `totalMinutes` (the team's default QBR length) the sections keep their shares of
 * the time, in 5-minute steps, and the longest backward-looking one absorbs the rounding so the total is exact. With `technical`, a
 * technical review takes 5 minutes from the first backward-looking section after the welcome.
 */
export function agendaItems(variant: string, totalMinutes: number | null = null, technical = false): AgendaItem[] {
  const rows = [...(AGENDAS[variant] ?? AGENDAS.enterprise!)];
  if (technical) {
    const at = rows.findIndex((r, i) => i > 0 && !r[4]) ;
    const donor = rows[at]!;
    rows.splice(at, 1, [donor[0], Math.max(5, donor[1] - 5), donor[2], donor[3], donor[4]], TECHNICAL_ROW);
  }
  const base = rows.map(([section, minutes, lead, audience, forward]) => ({ section, minutes, lead, audience, forward }));
  if (totalMinutes === null) return base;
  const sum = base.reduce((s, i) => s + i.minutes, 0);
  const scaled = base.map((i) => ({ ...i, minutes: Math.max(5, Math.round((i.minutes * totalMinutes) / sum / 5) * 5) }));
  // The rounding comes out of the longest look back, so the time on what's next keeps its share.
  const back = scaled.filter((i) => !i.forward).sort((x, y) => y.minutes - x.minutes)[0];
  const spare = totalMinutes - scaled.reduce((s, i) => s + i.minutes, 0);
  const absorb = back && back.minutes + spare >= 5 ? back : scaled[scaled.length - 1]!;
  absorb.minutes = Math.max(5, absorb.minutes + spare);
  // Short meetings round badly: move 5-minute steps from the longest look back to the closing section until what's next holds 60 %.
  const ahead = () => scaled.filter((i) => i.forward).reduce((s, i) => s + i.minutes, 0);
  const all = scaled.reduce((s, i) => s + i.minutes, 0);
  const closing = [...scaled].reverse().find((i) => i.forward);
  while (closing && ahead() < 0.6 * all) {
    const donor = scaled.filter((i) => !i.forward && i.minutes > 5).sort((x, y) => y.minutes - x.minutes)[0];
    if (!donor) break;
    donor.minutes -= 5;
    closing.minutes += 5;
  }
  return scaled;
}

/** The people a section is for, by name where the room is known (attending customer stakeholders). */
function audienceText(c: DeckContext, who: For): string {
  const room = customerAttendees(c.r, c.changes);
  const names = (ps: Person[]) => ps.map((p) => p.name).join(', ');
  if (who === 'executives') return names(room.filter(isExecutive)) || 'Your executives';
  if (who === 'technical') return names(room.filter(isTechnical)) || 'IT and engineering';
  if (who === 'champions') return names(room.filter((p) => !isExecutive(p))) || 'Champions and team leads';
  return 'Everyone';
}

export function agendaSlide(c: DeckContext, variant: string, sections: string[] = []): SlidePlan {
  const { r } = c;
  const items = agendaItems(variant, c.reviewMinutes, sections.includes('technical'));
  const total = items.reduce((s, i) => s + i.minutes, 0);
  const ahead = items.filter((i) => i.forward).reduce((s, i) => s + i.minutes, 0);
  const lead = (who: Lead) =>
    who === 'csm' ? r.people.csm ?? 'Our team' : who === 'customer' ? r.people.champion ?? r.name : 'Everyone';
  return slide('agenda', 'Agenda', [{
    kind: 'table',
    columns: [{ header: 'Section', width: 5 }, { header: 'Minutes', align: 'right', width: 1.3 }, { header: 'Led by', width: 2.4 }, { header: 'For', width: 3.6 }],
    rows: [...items.map((i) => [cell(i.section, undefined, i.forward), cell(String(i.minutes)), cell(lead(i.lead)), cell(audienceText(c, i.audience))]), [cell('Total', undefined, true), cell(String(total), undefined, true), cell(''), cell('')]],
    empty: 'No agenda',
  }], {
    talkingPoints: [`We have ${total} minutes (${r.reviewLength} planned for ${article(r.reviewType)} ${r.reviewType.toLowerCase()}); ${ahead} of them are for what comes next.`, 'Most of the time is for discussion, not slides.'],
    questions: ['Is there anything you want to add to or move up the agenda?'],
  });
}

export function executiveSummarySlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const missing: string[] = [];
  const kpis: Kpi[] = present([healthKpi(c, missing), metricKpi(c, 'activeUsers', missing)]);
  if (r.value.quarterTotal !== null) {
    kpis.push({ label: `Value delivered, ${c.quarterName}`, value: f.moneyShort(r.value.quarterTotal), ...(r.value.roi !== null ? { detail: f.roiHeadline(r.value.roi) } : {}), tone: r.value.roi !== null && r.value.roi >= 1 ? 'good' : 'neutral', source: 'Value tab' });
  } else {
    missing.push(`value lines for ${c.quarterName}`);
  }
  // As of the meeting: a renewal that falls before it is a warning in the prep brief, not a countdown on the slide.
  if (r.renewal.daysToRenewal !== null && r.renewal.date !== null && r.renewal.daysToRenewal >= 0) {
    kpis.push({ label: 'Days to renewal', value: f.number(r.renewal.daysToRenewal), detail: f.date(r.renewal.date), tone: r.renewal.daysToRenewal < 90 ? 'warn' : 'neutral', source: 'Accounts, Renewal Date' });
  } else if (r.renewal.date === null) {
    missing.push('Renewal Date');
  }
  const takeaways = keyTakeaways(c);
  return slide('exec-summary', 'Executive summary', [{ kind: 'kpis', items: kpis }, { kind: 'bullets', title: 'Key takeaways', items: takeaways }], {
    talkingPoints: ['Lead with the headline, then the three numbers that support it.', ...takeaways.slice(0, 3)],
    questions: ['Does this match how the quarter felt on your side?', 'Which of these matters most to your leadership?'],
  }, { missing, sources: `Metrics ${r.quarter}, Value and Accounts tabs` });
}

export function healthKpi(c: DeckContext, missing: string[]): Kpi | null {
  const h = c.r.health;
  if (h.score === null) {
    missing.push(`health inputs for ${c.quarterName}`);
    return null;
  }
  const trend = h.trend === null ? 'first scored quarter' : `${c.f.pointsChange(h.trend)} vs last quarter`;
  return { label: 'Health score', value: `${h.score} ${h.band}`, detail: trend, tone: bandTone(h.band), source: 'Weighted usage, engagement, support, relationship' };
}

/** Three to six sentences a sponsor can repeat, each built only from numbers that exist. */
export function keyTakeaways(c: DeckContext): string[] {
  const { r, f } = c;
  const out: string[] = [];
  if (r.health.score !== null) {
    const trend = r.health.trend === null || r.health.trend === 0 ? '' : ` (${f.points(r.health.trend)} from last quarter)`;
    out.push(`Health is ${r.health.band} at ${r.health.score}${trend}.`);
  }
  const au = r.trends.activeUsers;
  const seats = r.history[r.history.length - 1]?.metrics.licensedSeats ?? r.licensedSeats;
  if (au.current !== null) {
    const change = au.change !== null && au.direction !== 'stable' && au.direction !== null ? `${au.direction === 'up' ? 'up' : 'down'} ${f.changeSize(au.change)} to ` : '';
    const share = seats !== null && seats > 0 ? ` of ${f.number(seats)} licensed seats (${f.percent(au.current / seats)})` : '';
    out.push(`Active users ${change}${f.number(au.current)}${share}.`);
  }
  const peers = bestBenchmark(c);
  if (peers) out.push(peers.charAt(0).toUpperCase() + peers.slice(1));
  if (r.value.quarterTotal !== null) {
    const roi = r.value.roi !== null ? `, ${f.roiHeadline(r.value.roi)}` : '';
    out.push(`${f.moneyShort(r.value.quarterTotal)} of value delivered in ${c.quarterName}${roi}, ${f.moneyShort(r.value.annualised!)} annualised.`);
  }
  const measured = r.outcomes.filter((o) => o.status !== 'No Data');
  if (measured.length > 0) {
    const good = measured.filter((o) => o.status === 'Achieved' || o.status === 'On Track').length;
    out.push(`${good} of ${measured.length} measured objectives achieved or on track.`);
  }
  // Customer-facing: only the challenges the customer shares with us (SPEC §4.0), never a severity.
  const shared = sharedRisks(r);
  if (shared.length > 0) out.push(`${shared.length} shared challenge${shared.length === 1 ? '' : 's'} to work through together: ${shared.map((k) => k.risk).slice(0, 2).join('; ')}.`);
  if (r.actions.completionRate !== null) {
    const overdue = r.actions.overdue.length > 0 ? `; ${r.actions.overdue.length} carried over` : '';
    out.push(`${f.percent(r.actions.completionRate)} of ${r.actions.basis === 'last-qbr' ? 'last QBR\'s commitments' : 'action items'} complete${overdue}.`);
  }
  return out;
}

function contextFacts(c: DeckContext, missing: string[]): string[] {
  const { r, f } = c;
  const facts: string[] = [];
  if (r.keyTheme) facts.push(`Theme for this review: ${r.keyTheme}`);
  else missing.push('Key Theme');
  // No tier label (Enterprise, Strategic …): that is our segmentation, not the customer's (SPEC §4.0).
  const review = r.reviewType.toLowerCase();
  facts.push(`${r.contractStart ? `A customer since ${f.date(r.contractStart)}, with` : 'With'} ${article(review)} ${review} every ${r.cadenceMonths} months`);
  if (r.renewal.date && r.renewal.daysToRenewal !== null && r.renewal.daysToRenewal >= 0) facts.push(`Renewal on ${f.date(r.renewal.date)}`);
  const active = (name: string | null) => name !== null && !c.changes.some((x) => x.name === name);
  const sponsor = active(r.people.executiveSponsor) ? r.people.executiveSponsor : null;
  const champion = active(r.people.champion) ? r.people.champion : null;
  if (sponsor || champion) facts.push([sponsor && `Executive sponsor: ${sponsor}`, champion && `champion: ${champion}`].filter(Boolean).join('; '));
  return facts;
}

export function prioritiesSlide(c: DeckContext): SlidePlan {
  const { r } = c;
  const missing: string[] = [];
  if (r.outcomes.length === 0) missing.push('business objectives (Outcomes tab)');
  // The business context (theme, tenure, renewal, sponsors) rides with the priorities: one slide, not two thin ones.
  const facts = contextFacts(c, missing);
  // The objectives and where each stands share one slide: two short sections, not a lone table on empty space.
  const blocks: Block[] = [
    ...(facts.length > 0 ? [{ kind: 'bullets' as const, title: `Where ${r.name} is headed`, items: facts }] : []),
    outcomesTable(c, 'Your objectives and where they stand'),
  ];
  return slide('priorities', 'Business outcomes and priorities', blocks, {
    talkingPoints: ['Restate their objectives before showing any of our numbers: value is measured against these.', 'Confirm each objective is still a priority and still measured the same way.'],
    questions: ['Are these still the right objectives for the next two quarters?', 'Is anything missing that leadership is asking you about?'],
  }, { missing, sources: 'Outcomes and Goals tabs' });
}
