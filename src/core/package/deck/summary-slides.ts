/** Opening slides: title, agenda, executive summary, business context and priorities. */
import { article, bandTone } from '../format';
import type { Block, Kpi, SlidePlan } from '../types';
import { sharedRisks } from '../audience';
import { cell, metricKpi, present, slide, type DeckContext } from './context';

/** The cover: the renderer puts the account name above this slide's title (what the meeting is) and subtitle (when, by whom). */
export function titleSlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const by = [r.people.csm && `Prepared by ${r.people.csm}`, r.people.champion && `for ${r.people.champion}`].filter(Boolean).join(' ');
  return slide('title', `${r.reviewType} · ${c.quarterName}`, [], {
    talkingPoints: [
      `Welcome everyone and thank ${r.name} for the time: this is our ${r.reviewType.toLowerCase()} for ${c.quarterName}.`,
      'Introductions around the room: name, role, and one thing each person wants from today.',
      'Confirm the time box and that we will leave with agreed next steps and owners.',
    ],
    questions: ['What would make this session a success for you?'],
  }, { layout: 'title', subtitle: [f.longDate(c.qbrDate), by].filter(Boolean).join(' · ') });
}

const AGENDAS: Record<string, [string, number, 'csm' | 'customer' | 'both'][]> = {
  ebr: [['Welcome and objectives', 10, 'both'], ['Partnership summary', 10, 'csm'], ['Executive summary and value delivered', 20, 'csm'], ['Adoption and health', 15, 'csm'], ['Strategic discussion and success plan', 25, 'both'], ['Roadmap', 10, 'csm'], ['Risks, actions and next steps', 15, 'both']],
  enterprise: [['Welcome and objectives', 5, 'both'], ['Executive summary', 10, 'csm'], ['Value delivered', 15, 'csm'], ['Adoption and health', 10, 'csm'], ['Strategic discussion and success plan', 20, 'both'], ['Roadmap', 5, 'csm'], ['Risks, actions and next steps', 10, 'both']],
  midmarket: [['Welcome and objectives', 5, 'both'], ['Summary and value delivered', 15, 'csm'], ['Adoption and health', 10, 'csm'], ['Roadmap', 5, 'csm'], ['Risks, actions and next steps', 15, 'both']],
  smb: [['Summary and value', 10, 'csm'], ['Adoption and health', 10, 'csm'], ['Roadmap and requests', 5, 'csm'], ['Next steps', 15, 'both']],
};

/**
 * The agenda of a variant; with `totalMinutes` (the team's default QBR length) the sections keep their shares of
 * the time, in 5-minute steps, and the last one absorbs the rounding so the total is exact.
 */
export function agendaItems(variant: string, totalMinutes: number | null = null): { section: string; minutes: number; lead: 'csm' | 'customer' | 'both' }[] {
  const base = (AGENDAS[variant] ?? AGENDAS.enterprise!).map(([section, minutes, lead]) => ({ section, minutes, lead }));
  if (totalMinutes === null) return base;
  const sum = base.reduce((s, i) => s + i.minutes, 0);
  const scaled = base.map((i) => ({ ...i, minutes: Math.max(5, Math.round((i.minutes * totalMinutes) / sum / 5) * 5) }));
  const last = scaled[scaled.length - 1]!;
  last.minutes = Math.max(5, last.minutes + totalMinutes - scaled.reduce((s, i) => s + i.minutes, 0));
  return scaled;
}

export function agendaSlide(c: DeckContext, variant: string): SlidePlan {
  const { r } = c;
  const items = agendaItems(variant, c.reviewMinutes);
  const total = items.reduce((s, i) => s + i.minutes, 0);
  const lead = (who: 'csm' | 'customer' | 'both') =>
    who === 'csm' ? r.people.csm ?? 'CSM' : who === 'customer' ? r.people.champion ?? r.name : 'Everyone';
  return slide('agenda', 'Agenda', [{
    kind: 'table',
    columns: [{ header: 'Section', width: 6 }, { header: 'Minutes', align: 'right', width: 1.5 }, { header: 'Led by', width: 3 }],
    rows: [...items.map((i) => [cell(i.section), cell(String(i.minutes)), cell(lead(i.lead))]), [cell('Total', undefined, true), cell(String(total), undefined, true), cell('')]],
    empty: 'No agenda',
  }], {
    talkingPoints: [`We have ${total} minutes (${r.reviewLength} planned for a ${r.reviewType.toLowerCase()}).`, 'Most of the time is for discussion, not slides.'],
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
    const change = au.change !== null && au.direction !== 'stable' && au.direction !== null ? `${au.direction === 'up' ? 'up' : 'down'} ${f.percent(Math.abs(au.change))} to ` : '';
    const share = seats !== null && seats > 0 ? ` of ${f.number(seats)} licensed seats (${f.percent(au.current / seats)})` : '';
    out.push(`Active users ${change}${f.number(au.current)}${share}.`);
  }
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
    const overdue = r.actions.overdue.length > 0 ? `; ${r.actions.overdue.length} overdue` : '';
    out.push(`${f.percent(r.actions.completionRate)} of ${r.actions.basis === 'last-qbr' ? 'last QBR\'s commitments' : 'action items'} complete${overdue}.`);
  }
  return out;
}

export function businessContextSlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const missing: string[] = [];
  const facts: string[] = [];
  if (r.keyTheme) facts.push(`Theme for this review: ${r.keyTheme}`);
  else missing.push('Key Theme');
  if (r.contractStart) facts.push(`Customer since ${f.date(r.contractStart)}`);
  facts.push(`${article(r.segment) === 'an' ? 'An' : 'A'} ${r.segment} account · ${f.moneyShort(r.arr)} ARR · ${r.reviewType} every ${r.cadenceMonths} months`);
  if (r.renewal.date && r.renewal.daysToRenewal !== null && r.renewal.daysToRenewal >= 0) facts.push(`Renewal ${f.date(r.renewal.date)}`);
  // Someone leaving or away is not presented as the account's sponsor or champion (the prep brief says why).
  const active = (name: string | null) => name !== null && !c.changes.some((x) => x.name === name);
  const sponsors = [active(r.people.executiveSponsor) && `Executive sponsor: ${r.people.executiveSponsor}`, active(r.people.champion) && `Champion: ${r.people.champion}`].filter((x): x is string => Boolean(x));
  if (!r.people.executiveSponsor) missing.push('Executive Sponsor');
  facts.push(...sponsors);
  const customers = r.people.stakeholders.filter((p) => p.side !== 'Vendor');
  if (customers.length === 0) missing.push('customer stakeholders');
  const blocks: Block[] = [
    { kind: 'bullets', title: `Where ${r.name} is headed`, items: facts },
    { kind: 'table', title: 'Who we work with', columns: [{ header: 'Name', width: 3 }, { header: 'Title', width: 4 }, { header: 'Role', width: 3 }], rows: customers.map((p) => [cell(p.name, undefined, true), cell(p.title ?? '—'), cell(p.role ?? '—')]), empty: 'Your team for this review will be confirmed in the meeting' },
  ];
  return slide('business-context', 'Business context', blocks, {
    talkingPoints: [r.keyTheme ? `Anchor the review on their theme: "${r.keyTheme}".` : 'Ask them to state the business theme for this quarter in their own words.', 'Check the stakeholder map is still right: new leaders, departures, reorganisations.'],
    questions: ['What has changed in your business since our last review?', 'Who else should be in this conversation next time?'],
  }, { missing, sources: 'Accounts and Stakeholders tabs' });
}

export function prioritiesSlide(c: DeckContext): SlidePlan {
  const { r } = c;
  const missing: string[] = [];
  const objectives = r.outcomes.map((o) => `${o.objective}${o.metric ? ` — measured by ${o.metric}` : ''}`);
  if (objectives.length === 0) missing.push('business objectives (Outcomes tab)');
  const goals = r.goals.map((g) => g.goal);
  const blocks: Block[] = [{ kind: 'bullets', title: 'Business objectives we are measured on', items: objectives.length > 0 ? objectives : ['Agree two or three measurable objectives today.'] }];
  if (goals.length > 0) blocks.push({ kind: 'bullets', title: 'Success-plan goals', items: goals });
  return slide('priorities', 'Your priorities', blocks, {
    talkingPoints: ['Restate their objectives before showing any of our numbers: value is measured against these.', 'Confirm each objective is still a priority and still measured the same way.'],
    questions: ['Are these still the right objectives for the next two quarters?', 'Is anything missing that leadership is asking you about?'],
  }, { missing, sources: 'Outcomes and Goals tabs' });
}
