/** The forward-looking slides: strategic discussion, success plan, roadmap, risks and opportunities, actions and next steps. */
import type { Block, Kpi, SlidePlan, TableCell } from '../types';
import { jointChallenge, sharedRisks } from '../audience';
import { cell, nextReviewAfter, orDash, outcomeValue, slide, statusTone, type DeckContext } from './context';

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export function successPlanSlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const missing = r.goals.length === 0 ? ['success-plan goals (Goals tab)'] : [];
  // Next quarter's goals: what is still open in the plan, and each objective not yet at its target.
  const next = [
    ...r.goals.filter((g) => g.progress === null || g.progress < 1).map((g) => `${g.goal}${g.successCriteria ? `: ${lowerFirst(g.successCriteria)}` : ''}${g.due ? ` by ${f.date(g.due)}` : ''}`),
    ...r.outcomes.filter((o) => o.status === 'On Track' || o.status === 'At Risk').map((o) => {
      const v = outcomeValue(f, o);
      // The measure names the unit ("days from discharge to report"): bare numbers read as nothing.
      return `${o.objective}: ${o.metric ? `${lowerFirst(o.metric)} ` : ''}at ${v(o.current)} against a target of ${v(o.target)}`;
    }),
  ].slice(0, 4);
  return slide('success-plan', 'Success plan and next-quarter goals', [{
    kind: 'table',
    columns: [{ header: 'Goal', width: 4 }, { header: 'Success criteria', width: 4 }, { header: 'Owner', width: 2 }, { header: 'Due', width: 1.6 }, { header: 'Progress', align: 'right', width: 1.4 }],
    rows: r.goals.map((g) => [cell(g.goal, undefined, true), cell(g.successCriteria ?? '—'), cell(g.owner ?? '—'), cell(orDash(g.due, f.date)), cell(orDash(g.progress, f.progress), g.progress !== null && g.progress >= 1 ? 'good' : undefined)]),
    empty: 'We will agree success-plan goals in this meeting',
  }, ...(next.length > 0 ? [{ kind: 'bullets' as const, title: 'Proposed goals for next quarter', items: next }] : [])], {
    talkingPoints: ['Confirm owners and dates for each goal on both sides.', 'Retire goals that are done; add any new priority from the discussion.'],
    questions: ['Which goal matters most for the next quarter?', 'What support do you need from us to hit these dates?'],
  }, { missing, sources: 'Goals tab' });
}

export function roadmapSlide(c: DeckContext): SlidePlan {
  const { r } = c;
  const order = { Released: 0, Upcoming: 1, Request: 2 } as const;
  const items = [...r.roadmap].sort((a, b) => (a.type === null ? 3 : order[a.type]) - (b.type === null ? 3 : order[b.type]));
  const requests = items.filter((i) => i.type === 'Request' && i.accountSpecific);
  return slide('roadmap', 'Roadmap', [{
    kind: 'table',
    columns: [{ header: 'Type', width: 1.6 }, { header: 'Item', width: 4 }, { header: 'Release', width: 1.6 }, { header: 'Why it matters', width: 5 }, { header: 'Status', width: 1.8 }],
    rows: items.map((i) => [cell(i.type ?? '—', i.type ? statusTone(i.type) : undefined, true), cell(i.accountSpecific ? `${i.item} (your request)` : i.item), cell(i.release ?? '—'), cell(i.benefit ?? '—'), cell(i.status ?? '—')]),
    empty: 'Roadmap highlights will be shared in the meeting',
  }], {
    talkingPoints: ['Lead with what shipped and how it maps to their objectives.', ...(requests.length > 0 ? [`Give a straight update on their requests: ${requests.map((i) => i.item).join(', ')}.`] : [])],
    questions: ['Which upcoming item would you want early access to?', 'What should we add to our roadmap, and how would you measure its value?'],
  }, { sources: 'Roadmap tab (items for every account and for this one)' });
}

/**
 * Challenges and opportunities, customer-facing (SPEC §4.0): only the shared risks, each a joint challenge with its
 * agreed next step; actions carried over from the last review; the expansion paths. Severity, ARR at risk and internal
 * risks are in the prep brief.
 */
export function risksSlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const rows: TableCell[][] = sharedRisks(r).map((k) => {
    const j = jointChallenge(k);
    return [cell(j.challenge, undefined, true), cell(j.nextStep), cell(j.owner ?? '—')];
  });
  // SPEC §3: open actions past due appear in the next QBR's challenges, as carried over, not as blame.
  for (const a of r.actions.items.filter((x) => x.status === 'Overdue')) {
    rows.push([cell(`Carried over from our last review: ${a.action}`, undefined, true), cell(a.dueDate ? `Agree a new date (planned for ${f.date(a.dueDate)})` : 'Agree a date'), cell(a.owner ?? '—')]);
  }
  const paths = r.opportunities.items.map((o) => `${o.opportunity}${o.sponsor ? ` — with ${o.sponsor}` : ''}${o.nextStep ? `; next: ${o.nextStep}` : ''}`);
  const blocks: Block[] = [{
    kind: 'table', title: 'Challenges we are working on together',
    columns: [{ header: 'Challenge', width: 5 }, { header: 'Agreed next step', width: 5 }, { header: 'Owner', width: 2 }],
    rows, empty: 'No open challenges: let us make sure we have not missed any',
  }];
  if (paths.length > 0) blocks.push({ kind: 'bullets', title: 'Opportunities', items: paths.slice(0, 3) });
  return slide('risks-opportunities', 'Challenges and opportunities', blocks, {
    talkingPoints: ['Name each challenge plainly, with what we will do about it together and who owns the next step.', 'Invite them to add challenges from their side before moving to the opportunities.'],
    questions: ['Are there challenges on your side we have not captured?', 'Who on your side should co-own each next step?'],
  }, { sources: 'Risks, Actions and Opportunities tabs' });
}

/** `followUps` are the post-QBR holds (their dates already moved off weekends), so slide and calendar agree. */
export function actionsSlide(c: DeckContext, followUps: { label: string; date: string }[]): SlidePlan {
  const { r, f } = c;
  const missing: string[] = [];
  const open = r.actions.items.filter((a) => a.status !== 'Complete' && a.status !== 'Cancelled');
  const kpis: Kpi[] = [
    ...(r.actions.completionRate === null ? [] : [{ label: 'Commitments complete', value: f.percent(r.actions.completionRate), detail: r.actions.basis === 'last-qbr' ? 'of last QBR\'s actions' : 'of all action items', tone: r.actions.band === 'Green' ? 'good' as const : r.actions.band === 'Yellow' ? 'warn' as const : 'bad' as const, source: 'Actions tab' }]),
    { label: 'Open actions', value: f.number(open.length), detail: `${r.actions.overdue.length} carried over`, tone: r.actions.overdue.length > 0 ? 'bad' : 'neutral', source: 'Actions tab' },
  ];
  if (r.actions.items.length === 0) missing.push('action items (Actions tab)');
  const next = followUps.map((h) => `${h.label}: ${f.date(h.date)}`);
  next.push(`Next review due: ${f.date(nextReviewAfter(c))}`);
  return slide('actions', 'Action items and next steps', [{ kind: 'kpis', items: kpis }, {
    kind: 'table',
    columns: [{ header: 'ID', width: 1 }, { header: 'Action', width: 5 }, { header: 'Owner', width: 2 }, { header: 'Side', width: 1.4 }, { header: 'Due', width: 1.6 }, { header: 'Status', width: 1.6 }],
    rows: open.map((a) => [cell(a.id), cell(a.action, undefined, true), cell(a.owner ?? '—'), cell(a.side ?? '—'), // Narrow columns: the old date under Due, "Carried over" under Status.
      cell(orDash(a.dueDate, f.date)), cell(a.status === 'Overdue' ? 'Carried over' : a.status, statusTone(a.status), true)]),
    empty: 'New actions agreed today will be listed here',
  }, { kind: 'bullets', title: 'Next steps', items: next }], {
    talkingPoints: ['Read back every new commitment with its owner and date before closing.', 'The summary email with these actions goes out the next working day.'],
    questions: ['Is every owner here and agreed?', 'What is the one thing we must get done before the next review?'],
  }, { missing, sources: 'Actions tab' });
}
