/** The champion's documents (SPEC §4): the pre-read / executive brief, and the post-QBR mutual action plan. */
import type { AccountReview } from '../analysis/types';
import type { IsoDate } from '../dates';
import { agendaItems, keyTakeaways } from './deck/summary-slides';
import { actionDue, actionStatus, deckContext, nextReviewAfter, METRIC_LABELS, metricChange, metricText, orDash, outcomeValue } from './deck/context';
import { jointChallenge, sharedRisks } from './audience';
import type { DocPlan, DocSection, HoldPlan } from './types';
import { technicalAttendees } from './deck/next-slides';
import type { QbrRecord } from '../program/record';
import { same } from '../program/record-text';
import { agreedCommitments, agreedPaths, byDue, nextQbrAfterHeld, TO_CONFIRM } from './recorded';

/** Customer-facing (SPEC §4.0): shared challenges only, no severity or ARR at risk; gaps are left out, not named. */
export function preReadDoc(r: AccountReview, qbrDate: IsoDate, today: IsoDate, reviewMinutes: number | null = null): DocPlan {
  const c = deckContext(r, qbrDate, today, reviewMinutes);
  const { f } = c;
  const overview = [
    // No tier label (Enterprise, Strategic …): that is our segmentation, not the customer's (SPEC §4.0).
    `${r.name}: ${f.moneyShort(r.arr)} a year${r.contractStart ? `, a customer since ${f.date(r.contractStart)}` : ''}.`,
    ...(r.keyTheme ? [`Theme for this review: ${r.keyTheme}.`] : []),
    ...(r.renewal.date && r.renewal.daysToRenewal !== null && r.renewal.daysToRenewal >= 0 ? [`Renewal: ${f.date(r.renewal.date)} (${f.number(r.renewal.daysToRenewal)} days after this review).`] : []),
  ];
  const metricsRows = (['activeUsers', 'apiCallsPerDay', 'uptime', 'csat', 'nps'] as const)
    .filter((k) => r.trends[k].current !== null)
    .map((k) => [METRIC_LABELS[k], metricText(f, k, r.trends[k].current!), r.trends[k].direction === null ? '—' : metricChange(f, k, r.trends[k])]);
  const shared = sharedRisks(r);
  const paths = r.opportunities.items.map((o) => `${o.opportunity}${o.sponsor ? ` — with ${o.sponsor}` : ''}${o.nextStep ? `; next: ${o.nextStep}` : ''}`);
  return {
    kind: 'pre-read', audience: 'customer',
    title: `${r.name} — ${r.reviewType} pre-read`,
    subtitle: `${c.quarterName} · meeting on ${f.longDate(qbrDate)}${r.people.csm ? ` · prepared by ${r.people.csm}` : ''}`,
    sections: [
      { heading: 'At a glance', paragraphs: overview, bullets: keyTakeaways(c) },
      {
        heading: 'Value delivered',
        paragraphs: [r.value.quarterTotal !== null
          ? `${f.moneyShort(r.value.quarterTotal)} in ${c.quarterName}, against a quarterly investment of ${f.moneyShort(r.value.investment!)}${r.value.roi !== null ? ` — ${f.roiHeadline(r.value.roi)}` : ''}.`
          : `We will quantify ${c.quarterName}'s value together in the meeting.`],
        ...(r.value.lines.some((l) => l.value !== null) ? { table: { columns: ['Category', 'What', 'Value', 'Source'], rows: r.value.lines.filter((l) => l.value !== null).map((l) => [l.category, l.description ?? '—', f.money(l.value!), l.source ?? '—']) } } : {}),
      },
      {
        heading: 'Health and adoption',
        paragraphs: [r.health.score !== null ? `Health score ${r.health.score} (${r.health.band})${r.health.trend !== null ? `, ${f.points(r.health.trend)} from last quarter` : ''}.` : 'We will review adoption and health together in the meeting.'],
        ...(metricsRows.length > 0 ? { table: { columns: ['Metric', c.quarterName, 'vs last quarter'], rows: metricsRows } } : {}),
      },
      {
        heading: 'Challenges',
        paragraphs: [shared.length > 0 ? 'The challenges we are working on together, and the next step agreed for each:' : 'Please bring any challenge on your side you would like us to work on together.'],
        ...(shared.length > 0 ? { table: { columns: ['Challenge', 'Agreed next step', 'Owner'], rows: shared.map((k) => { const j = jointChallenge(k); return [j.challenge, j.nextStep, j.owner ?? '—']; }) } } : {}),
      },
      // Opportunities are not challenges: their own section, so the challenge heading never introduces them.
      ...(paths.length > 0 ? [{ heading: 'Opportunities', paragraphs: ['Opportunities we are exploring together, and the next step for each:'], bullets: paths.slice(0, 3) }] : []),
      {
        heading: 'Objectives',
        ...(r.outcomes.length > 0
          ? { table: { columns: ['Objective', 'Baseline', 'Target', 'Current', 'Status'], rows: r.outcomes.map((o) => { const v = outcomeValue(f, o); return [o.objective, v(o.baseline), v(o.target), v(o.current), o.status]; }) } }
          : { paragraphs: ['Please bring the two or three objectives your leadership tracks.'] }),
      },
      { heading: 'Agenda', table: { columns: ['Section', 'Minutes'], rows: agendaItems(r.deck ?? 'smb', c.reviewMinutes, technicalAttendees(c).length > 0).map((i) => [i.section, String(i.minutes)]) } },
    ],
  };
}

function sponsorEmail(r: AccountReview): string | null {
  const name = r.people.executiveSponsor?.trim().toLowerCase();
  return r.people.stakeholders.find((p) => p.side === 'Customer' && p.name.trim().toLowerCase() === name && p.email)?.email?.trim() ?? null;
}

/** The follow-ups the customer takes part in (SPEC §4.3): not our "send summary" or the internal survey. */
export function customerSteps(holds: HoldPlan[]): { label: string; date: IsoDate }[] {
  const words: Record<number, string> = { 7: 'Check-in on the actions agreed in the review', 14: 'Progress update on our commitments' };
  return holds.filter((h) => words[h.offset]).map((h) => ({ label: words[h.offset]!, date: h.date }));
}

/**
 * The mutual action plan. Before the meeting: the open actions to agree in the room. With `record` (SPEC §4.5):
 * exactly the commitments agreed, then the earlier actions still open, marked as carried over, and the paths to explore.
 */
export function actionPlanDoc(r: AccountReview, qbrDate: IsoDate, today: IsoDate, holds: HoldPlan[], record?: QbrRecord | null): DocPlan {
  const c = deckContext(r, qbrDate, today);
  const { f } = c;
  const open = r.actions.items.filter((a) => a.status !== 'Complete' && a.status !== 'Cancelled');
  const done = r.actions.items.filter((a) => a.status === 'Complete');
  const contacts = [
    ...(r.people.champion && !c.changes.some((x) => x.name === r.people.champion) ? [[r.people.champion, 'Champion', r.name, r.people.championEmail ?? '—']] : []),
    // The sponsor's email is in Stakeholders (Accounts has none): a plan naming a sponsor without a way to reach them reads unfinished.
    ...(r.people.executiveSponsor && !c.changes.some((x) => x.name === r.people.executiveSponsor) ? [[r.people.executiveSponsor, 'Executive sponsor', r.name, sponsorEmail(r) ?? '—']] : []),
    ...(r.people.csm ? [[r.people.csm, 'Customer success manager', 'Our team', r.people.csmEmail ?? '—']] : []),
  ];
  const columns = ['ID', 'Action', 'Owner', 'Side', 'Due', 'Status'];
  const actionRow = (a: (typeof open)[number]) => [a.id, a.action, a.owner ?? 'To agree', a.side ?? '—', actionDue(f, a, 'To agree'), actionStatus(f, a)];
  let actionSections: DocSection[];
  if (record) {
    const agreed = byDue(agreedCommitments(record));
    const texts = new Set(agreed.map((a) => same(a.action)));
    // Once written back, a commitment is an Actions row: its ID and any status change since are shown.
    const linkedHere = (a: (typeof open)[number]) => a.linkedTo?.trim() === record.qbrDate || a.linkedTo?.trim() === record.held;
    const inTracker = new Map([...r.actions.items].sort((a, b) => Number(linkedHere(a)) - Number(linkedHere(b))).map((a) => [same(a.action), a]));
    const carried = open.filter((a) => !texts.has(same(a.action)));
    const paths = agreedPaths(record);
    // The meeting is over: what it left open is "to be confirmed", not "to agree" as the pre-meeting plan says.
    const carriedRow = (a: (typeof open)[number]) => [a.id, a.action, a.owner ?? TO_CONFIRM, a.side ?? '—',
      a.status === 'Overdue' ? `New date ${TO_CONFIRM.toLowerCase()}` : a.dueDate ? f.date(a.dueDate) : TO_CONFIRM, actionStatus(f, a)];
    actionSections = [
      {
        heading: 'Agreed in the review',
        ...(agreed.length > 0
          // No ID column: "ACC-001-QBR20261210-1" is the tracker's key, a quarter of the page the customer's actions need.
          ? { table: { columns: columns.slice(1), rows: agreed.map((a) => { const t = inTracker.get(same(a.action)); return [a.action, a.owner ?? TO_CONFIRM, a.side ?? '—', a.due ? f.date(a.due) : TO_CONFIRM, t ? actionStatus(f, t) : 'Open']; }) } }
          : { paragraphs: ['No new actions were set in the review.'] }),
      },
      ...(carried.length > 0 ? [{ heading: 'Carried over from earlier reviews', table: { columns, rows: carried.map(carriedRow) } }] : []),
      ...(paths.length > 0 ? [{ heading: 'Opportunities to explore', bullets: paths.map((p) => `${p.opportunity}${p.sponsor ? ` — with ${p.sponsor}` : ''}${p.nextStep ? `; next step: ${p.nextStep}` : ''}`) }] : []),
    ];
  } else {
    actionSections = [{
      heading: 'Open actions',
      ...(open.length > 0 ? { table: { columns, rows: open.map(actionRow) } } : { paragraphs: ['No open actions yet: the actions agreed in the meeting will be added here.'] }),
    }];
  }
  return {
    kind: 'action-plan', audience: 'customer',
    title: `${r.name} — mutual action plan`,
    // Before a record nothing is agreed yet: "Agreed at" over a list of earlier open actions claimed the opposite.
    subtitle: record
      ? `Agreed at the ${r.reviewType.toLowerCase()} on ${f.longDate(record.held)}`
      : `To agree at the ${r.reviewType.toLowerCase()} on ${f.longDate(qbrDate)}`,
    sections: [
      ...actionSections,
      ...(r.goals.length > 0 ? [{ heading: 'Success-plan goals', table: { columns: ['Goal', 'Success criteria', 'Owner', 'Due', 'Progress'], rows: r.goals.map((g) => [g.goal, g.successCriteria ?? '—', g.owner ?? '—', g.due ? f.date(g.due) : '—', orDash(g.progress, f.progress)]) } }] : []),
      { heading: 'Milestones', bullets: [...customerSteps(holds).map((h) => `${h.label}: ${f.date(h.date)}`), `Next review due: ${f.date(record ? nextQbrAfterHeld(r, record) : nextReviewAfter(c))}`] },
      ...(done.length > 0 ? [{ heading: 'Completed since the last review', bullets: done.map((a) => `${a.action}${a.completionDate ? ` (${f.date(a.completionDate)})` : ''}`) }] : []),
      ...(contacts.length > 0 ? [{ heading: 'Contacts', table: { columns: ['Name', 'Role', 'Organisation', 'Email'], rows: contacts } }] : []),
    ],
  };
}
