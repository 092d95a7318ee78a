/** The sections SPEC §4.2 adds to the outline: support and service quality, the technical review, and the asks of both sides. */
import type { AccountReview, MetricKey, Person } from '../../analysis/types';
import type { Block, SlidePlan } from '../types';
import { sharedRisks } from '../audience';
import { customerAttendees } from '../meeting';
import { cell, METRIC_LABELS, metricChange, metricKpi, metricText, present, slide, type DeckContext } from './context';

/** Titles that make someone a technical leader for this deck: CTO, CIO, IT, Engineering (SPEC §4.2). */
const TECHNICAL = /\b(CTO|CIO|CISO|chief (technology|information)|IT|engineering|engineer|architect|infrastructure|devops|data)\b/i;

export function isTechnical(p: Person): boolean {
  return TECHNICAL.test(`${p.title ?? ''} ${p.role ?? ''}`);
}

/** The customer's technical leaders in the room; the technical section is for them and only shown when there is one. */
export function technicalAttendees(c: DeckContext): Person[] {
  return customerAttendees(c.r, c.changes).filter(isTechnical);
}

const SUPPORT_ROWS: MetricKey[] = ['tickets', 'firstResponseHours', 'resolutionHours', 'escalations', 'csat', 'nps'];

function slaTarget(r: AccountReview, key: MetricKey): number | null {
  if (key === 'firstResponseHours') return r.sla?.firstResponseHours ?? null;
  if (key === 'resolutionHours') return r.sla?.resolutionHours ?? null;
  return null;
}

/** Tickets, response and resolution against the SLA, escalations, CSAT and NPS, this quarter against the last. */
export function supportSlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const missing: string[] = [];
  const prevQuarter = r.history.length > 1 ? r.history[r.history.length - 2]!.quarter : null;
  const rows = SUPPORT_ROWS.filter((k) => r.trends[k].current !== null).map((k) => {
    const t = r.trends[k];
    const target = slaTarget(r, k);
    const met = target !== null && t.current! <= target;
    return [
      cell(METRIC_LABELS[k].replace(/ \(h\)$/, ''), undefined, true),
      cell(t.previous === null ? '—' : metricText(f, k, t.previous)),
      cell(metricText(f, k, t.current!), target === null ? undefined : met ? 'good' : 'bad', true),
      cell(t.direction === null ? '—' : metricChange(f, k, t)),
      cell(target === null ? '—' : `${f.number(target, 1)} h target: ${met ? 'met' : 'missed'}`),
    ];
  });
  const kpis = present([metricKpi(c, 'csat', missing), metricKpi(c, 'nps', missing, 'NPS'), metricKpi(c, 'escalations', missing)]);
  const blocks: Block[] = [
    ...(kpis.length > 0 ? [{ kind: 'kpis' as const, items: kpis }] : []),
    {
      kind: 'table', title: prevQuarter ? `${c.quarterName} against the quarter before` : c.quarterName,
      columns: [{ header: 'Measure', width: 3 }, { header: 'Last quarter', align: 'right', width: 1.8 }, { header: 'This quarter', align: 'right', width: 1.8 }, { header: 'Change', width: 2 }, { header: 'Service level', width: 3 }],
      rows, empty: 'We will review support together',
    },
  ];
  const nps = r.trends.nps;
  return slide('support', 'Support and service quality', blocks, {
    talkingPoints: [
      nps.current !== null && nps.previous !== null && nps.current < nps.previous
        ? `NPS fell from ${metricText(f, 'nps', nps.previous)} to ${metricText(f, 'nps', nps.current)}: what we heard, and what we are changing.`
        : 'Service levels for the quarter, and anything that missed its target.',
    ],
    ...(nps.current !== null && nps.previous !== null && nps.current < nps.previous ? { coaching: ['NPS fell: name it before they do.'] } : {}),
    questions: ['How does your team experience our support day to day?', 'Is there a ticket we should still close out together?'],
  }, { missing, sources: 'Metrics tab; service levels from Settings' });
}

/** For technical leaders: uptime, API usage, open technical requests and their status. */
export function technicalSlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const missing: string[] = [];
  const kpis = present([metricKpi(c, 'uptime', missing), metricKpi(c, 'apiCallsPerDay', missing, 'API calls a day'), metricKpi(c, 'firstResponseHours', missing, 'First response')]);
  const requests = r.roadmap.filter((i) => i.accountSpecific || i.type === 'Request');
  const technicalRisks = sharedRisks(r).filter((k) => /integration|technical|product|data/i.test(k.category ?? ''));
  const rows = [
    ...requests.map((i) => [cell(i.item, undefined, true), cell(i.type === 'Request' ? 'Your request' : i.type ?? '—'), cell(i.release ? releaseName(i.release) : 'Date to confirm'), cell(i.status ?? '—')]),
    ...technicalRisks.map((k) => [cell(k.risk, undefined, true), cell('Open issue'), cell('—'), cell(k.status ?? 'Open')]),
  ];
  void f;
  return slide('technical', 'Technical review', [
    ...(kpis.length > 0 ? [{ kind: 'kpis' as const, items: kpis }] : []),
    { kind: 'table', title: 'Open technical requests and issues', columns: [{ header: 'Item', width: 5 }, { header: 'Type', width: 2 }, { header: 'When', width: 2 }, { header: 'Status', width: 4 }], rows, empty: 'No open technical requests' },
  ], {
    talkingPoints: ['For the technical leaders in the room: platform reliability, integration load and where each request stands.'],
    questions: ['Which integrations are you planning next, and what do they need from us?', 'Is anything in your architecture roadmap that we should prepare for?'],
  }, { missing, sources: 'Metrics and Roadmap tabs' });
}

function releaseName(label: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(label);
  return m ? `Q${m[2]} ${m[1]}` : label;
}

/** What we ask of the customer and what we commit to, from the open actions and the agreed next steps. */
export function asksSlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const open = r.actions.items.filter((a) => a.status !== 'Complete' && a.status !== 'Cancelled');
  const side = (a: (typeof open)[number]) => ((a.side ?? '').toLowerCase().startsWith('cust') ? 'customer' : 'vendor');
  const when = (a: (typeof open)[number]) => (a.status === 'Overdue' ? ` (carried over${a.dueDate ? `, was due ${f.date(a.dueDate)}` : ''})` : a.dueDate ? ` by ${f.date(a.dueDate)}` : '');
  const theirs = [
    ...open.filter((a) => side(a) === 'customer').map((a) => `${a.action}${a.owner ? ` (${a.owner})` : ''}${when(a)}`),
  ];
  // Each expansion path needs a customer sponsor to champion it: that is an ask, made by name.
  theirs.push(...r.opportunities.items.filter((o) => o.sponsor && !c.changes.some((x) => x.name === o.sponsor))
    .map((o) => `${o.sponsor}: sponsor the ${lowerFirst(o.opportunity)}${o.timeline ? ` for ${o.timeline}` : ''}`));
  const ours = [
    ...open.filter((a) => side(a) === 'vendor').map((a) => `${a.action}${a.owner ? ` (${a.owner})` : ''}${when(a)}`),
    ...r.roadmap.filter((i) => i.type === 'Request' && i.accountSpecific).map((i) => `${i.item}: ${i.status ? lowerFirst(i.status) : 'a date for your request'}`),
  ];
  return slide('asks', 'What we ask of each other', [
    { kind: 'bullets', title: `From ${r.name}`, items: theirs.length > 0 ? theirs : ['Tell us the one thing that would make next quarter a success.'] },
    { kind: 'bullets', title: 'From our team', items: ours.length > 0 ? ours : ['A written summary with owners and dates within two working days.'] },
  ], {
    talkingPoints: ['Make the asks explicit and mutual: each one with an owner and a date, agreed in the room.'],
    questions: ['Is each of these realistic on your side, and who should own it?'],
  });
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
