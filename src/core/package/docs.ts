/** The champion's documents (SPEC §4): the pre-read / executive brief, and the post-QBR mutual action plan. */
import type { AccountReview } from '../analysis/types';
import type { IsoDate } from '../dates';
import { agendaItems, keyTakeaways } from './deck/summary-slides';
import { deckContext, nextReviewAfter, METRIC_LABELS, metricText, orDash } from './deck/context';
import type { DocPlan, HoldPlan } from './types';

export function preReadDoc(r: AccountReview, qbrDate: IsoDate, today: IsoDate, dataToConfirm: string[], reviewMinutes: number | null = null): DocPlan {
  const c = deckContext(r, qbrDate, today, reviewMinutes);
  const { f } = c;
  const overview = [
    `${r.name} is a ${r.segment} account (${f.money(r.arr)} ARR)${r.contractStart ? `, a customer since ${f.date(r.contractStart)}` : ''}.`,
    ...(r.keyTheme ? [`Theme for this review: ${r.keyTheme}.`] : []),
    ...(r.renewal.date ? [`Renewal: ${f.date(r.renewal.date)} (${f.number(r.renewal.daysToRenewal!)} days).`] : []),
  ];
  const metricsRows = (['activeUsers', 'apiCallsPerDay', 'uptime', 'csat', 'nps'] as const)
    .filter((k) => r.trends[k].current !== null)
    .map((k) => [METRIC_LABELS[k], metricText(f, k, r.trends[k].current!), r.trends[k].direction === null ? '—' : f.change(r.trends[k].change, r.trends[k].direction)]);
  const open = r.risks.filter((k) => k.open);
  return {
    kind: 'pre-read',
    title: `${r.name} — ${r.reviewType} pre-read`,
    subtitle: `${c.quarterName} · meeting on ${f.longDate(qbrDate)}${r.people.csm ? ` · prepared by ${r.people.csm}` : ''}`,
    sections: [
      { heading: 'At a glance', paragraphs: overview, bullets: keyTakeaways(c) },
      {
        heading: 'Value delivered',
        paragraphs: [r.value.quarterTotal !== null
          ? `${f.money(r.value.quarterTotal)} in ${c.quarterName}, against a quarterly investment of ${f.money(r.value.investment!)}${r.value.roi !== null ? ` — ${f.multiple(r.value.roi)} (${f.percent(r.value.roi)})` : ''}.`
          : `No value lines are recorded for ${c.quarterName} yet; we will quantify them together.`],
        ...(r.value.lines.length > 0 ? { table: { columns: ['Category', 'What', 'Value', 'Source'], rows: r.value.lines.map((l) => [l.category, l.description ?? '—', l.value === null ? 'Not computable' : f.money(l.value), l.source ?? 'To confirm']) } } : {}),
      },
      {
        heading: 'Health and adoption',
        paragraphs: [r.health.score !== null ? `Health score ${r.health.score} (${r.health.band})${r.health.trend !== null ? `, ${r.health.trend >= 0 ? 'up' : 'down'} ${Math.abs(r.health.trend)} points from last quarter` : ''}.` : 'Health cannot be scored yet: no metrics for this quarter.'],
        ...(metricsRows.length > 0 ? { table: { columns: ['Metric', c.quarterName, 'vs last quarter'], rows: metricsRows } } : {}),
      },
      {
        heading: 'Risks and opportunities',
        paragraphs: [`${open.length} open risk${open.length === 1 ? '' : 's'}; ${r.opportunities.total === null ? 'no expansion opportunities recorded yet' : `expansion pipeline ${f.money(r.opportunities.total)}${r.opportunities.weighted !== null ? ` (weighted by probability ${f.money(r.opportunities.weighted)})` : ''}`}.`],
        ...(open.length > 0 ? { table: { columns: ['Risk', 'Escalation', 'Mitigation', 'Owner'], rows: open.map((k) => [k.risk, k.escalation ?? '—', k.mitigation ?? '—', k.owner ?? '—']) } } : {}),
      },
      {
        heading: 'Objectives',
        ...(r.outcomes.length > 0
          ? { table: { columns: ['Objective', 'Baseline', 'Target', 'Current', 'Status'], rows: r.outcomes.map((o) => [o.objective, orDash(o.baseline, (v) => f.number(v, 2)), orDash(o.target, (v) => f.number(v, 2)), orDash(o.current, (v) => f.number(v, 2)), o.status]) } }
          : { paragraphs: ['No objectives are recorded yet; please bring the two or three your leadership tracks.'] }),
      },
      { heading: 'Agenda', table: { columns: ['Section', 'Minutes'], rows: agendaItems(r.deck ?? 'smb', c.reviewMinutes).map((i) => [i.section, String(i.minutes)]) } },
      ...(dataToConfirm.length > 0 ? [{ heading: 'Data we will confirm before the meeting', bullets: dataToConfirm.slice(0, 12) }] : []),
    ],
  };
}

export function actionPlanDoc(r: AccountReview, qbrDate: IsoDate, today: IsoDate, holds: HoldPlan[]): DocPlan {
  const c = deckContext(r, qbrDate, today);
  const { f } = c;
  const open = r.actions.items.filter((a) => a.status !== 'Complete' && a.status !== 'Cancelled');
  const done = r.actions.items.filter((a) => a.status === 'Complete');
  const contacts = [
    ...(r.people.champion ? [[r.people.champion, 'Champion', r.name, r.people.championEmail ?? '—']] : []),
    ...(r.people.executiveSponsor ? [[r.people.executiveSponsor, 'Executive sponsor', r.name, '—']] : []),
    ...(r.people.csm ? [[r.people.csm, 'Customer success manager', 'Our team', r.people.csmEmail ?? '—']] : []),
  ];
  return {
    kind: 'action-plan',
    title: `${r.name} — mutual action plan`,
    subtitle: `Agreed at the ${r.reviewType.toLowerCase()} on ${f.longDate(qbrDate)}`,
    sections: [
      {
        heading: 'Open actions',
        ...(open.length > 0
          ? { table: { columns: ['ID', 'Action', 'Owner', 'Side', 'Due', 'Status'], rows: open.map((a) => [a.id, a.action, a.owner ?? 'To confirm', a.side ?? '—', a.dueDate ? f.date(a.dueDate) : 'To confirm', a.status]) } }
          : { paragraphs: ['No open actions yet: the actions agreed in the meeting will be added here.'] }),
      },
      ...(r.goals.length > 0 ? [{ heading: 'Success-plan goals', table: { columns: ['Goal', 'Success criteria', 'Owner', 'Due', 'Progress'], rows: r.goals.map((g) => [g.goal, g.successCriteria ?? '—', g.owner ?? '—', g.due ? f.date(g.due) : '—', orDash(g.progress, (p) => f.percent(p))]) } }] : []),
      { heading: 'Milestones', bullets: [...holds.filter((h) => h.offset > 0).map((h) => `${h.step}: ${f.date(h.date)}`), `Next review due: ${f.date(nextReviewAfter(c))}`] },
      ...(done.length > 0 ? [{ heading: 'Completed since the last review', bullets: done.map((a) => `${a.action}${a.completionDate ? ` (${f.date(a.completionDate)})` : ''}`) }] : []),
      ...(contacts.length > 0 ? [{ heading: 'Contacts', table: { columns: ['Name', 'Role', 'Organisation', 'Email'], rows: contacts } }] : []),
    ],
  };
}
