/** The forward-looking slides: strategic discussion, success plan, roadmap, risks and opportunities, actions and next steps. */
import type { Block, Kpi, SlidePlan, TableCell } from '../types';
import { cell, escalationTone, nextReviewAfter, orDash, slide, statusTone, type DeckContext } from './context';

/** What the conversation should aim at, by months to renewal (SPEC §3's planning focus). */
const FOCUS_PROMPTS: Record<string, string[]> = {
  'Growth and adoption': ['Which teams or use cases should we expand to next?', 'What would make this a standard tool across the business?'],
  'ROI documentation': ['How does your leadership measure the return on this investment?', 'Which value numbers should we document together for your budget cycle?'],
  'Achievement review': ['Which achievements should your executive sponsor hear about?', 'What is still missing to call this year a success?'],
  'Value proof and future vision': ['What does the next 12 months look like for your team?', 'Which outcomes would make the renewal an easy decision?'],
  'Terms, expansion and commitment': ['What do you need from us to sign off the renewal?', 'Is there scope to expand to more seats or modules at renewal?'],
};

export function strategicSlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const missing: string[] = [];
  const focus = r.renewal.focus;
  const prompts = (focus && FOCUS_PROMPTS[focus]) || ['What are your top priorities for the next two quarters?', 'Where could we help you more?'];
  if (!focus) missing.push('Renewal Date (for the renewal focus)');
  const items = r.opportunities.items;
  const kpis: Kpi[] = [
    { label: 'Expansion pipeline', value: items.length === 0 ? 'None yet' : orDash(r.opportunities.total, f.moneyShort), detail: `${items.length} opportunit${items.length === 1 ? 'y' : 'ies'} recorded`, tone: 'neutral', source: 'Opportunities, Potential ARR' },
    { label: 'Weighted by probability', value: items.length === 0 ? 'None yet' : orDash(r.opportunities.weighted, f.moneyShort), detail: 'Σ potential × probability', tone: 'neutral', source: 'Opportunities' },
  ];
  const blocks: Block[] = [
    { kind: 'kpis', items: kpis },
    { kind: 'bullets', title: focus ? `Renewal focus: ${focus.toLowerCase()}` : 'For discussion', items: prompts },
    {
      kind: 'table', title: 'Where we could grow together',
      columns: [{ header: 'Opportunity', width: 4 }, { header: 'Type', width: 2 }, { header: 'Potential ARR', align: 'right', width: 2 }, { header: 'Probability', align: 'right', width: 1.6 }, { header: 'Next step', width: 4 }],
      rows: items.map((o) => [cell(o.opportunity, undefined, true), cell(o.type ?? '—'), cell(orDash(o.potentialArr, f.money)), cell(orDash(o.probability, (p) => f.percent(p))), cell(o.nextStep ?? '—')]),
      empty: 'No opportunities recorded in the Opportunities tab',
    },
  ];
  return slide('strategic-discussion', 'Strategic discussion', blocks, {
    talkingPoints: ['Turn the review into a conversation about their next year, not our product.', ...(focus && r.renewal.daysToRenewal !== null ? [`Renewal is ${f.number(r.renewal.daysToRenewal)} days out, so the focus is ${focus.toLowerCase()}.`] : [])],
    questions: prompts,
  }, { missing, sources: 'Opportunities tab; renewal focus from Accounts, Renewal Date' });
}

export function successPlanSlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const missing = r.goals.length === 0 ? ['success-plan goals (Goals tab)'] : [];
  return slide('success-plan', 'Success plan', [{
    kind: 'table',
    columns: [{ header: 'Goal', width: 4 }, { header: 'Success criteria', width: 4 }, { header: 'Owner', width: 2 }, { header: 'Due', width: 1.6 }, { header: 'Progress', align: 'right', width: 1.4 }],
    rows: r.goals.map((g) => [cell(g.goal, undefined, true), cell(g.successCriteria ?? '—'), cell(g.owner ?? '—'), cell(orDash(g.due, f.date)), cell(orDash(g.progress, (p) => f.percent(p)), g.progress !== null && g.progress >= 1 ? 'good' : undefined)]),
    empty: 'No success-plan goals yet: agree them in this meeting',
  }], {
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
    empty: 'No roadmap items in the tracker',
  }], {
    talkingPoints: ['Lead with what shipped and how it maps to their objectives.', ...(requests.length > 0 ? [`Give a straight update on their requests: ${requests.map((i) => i.item).join(', ')}.`] : [])],
    questions: ['Which upcoming item would you want early access to?', 'What should we add to our roadmap, and how would you measure its value?'],
  }, { sources: 'Roadmap tab (items for every account and for this one)' });
}

export function risksSlide(c: DeckContext): SlidePlan {
  const { r, f } = c;
  const open = r.risks.filter((k) => k.open);
  const missing = open.filter((k) => k.quadrant === null).map((k) => `likelihood or impact of "${k.risk}"`);
  const rows: TableCell[][] = open.map((k) => [
    cell(k.risk, undefined, true), cell(k.likelihood && k.impact ? `${k.likelihood} / ${k.impact}` : '—'), cell(k.quadrant ?? '—'),
    cell(k.escalation ?? '—', escalationTone(k.escalation), true), cell(orDash(k.arrAtRisk, f.money)), cell(k.mitigation ?? '—'), cell(k.owner ?? '—'),
  ]);
  // SPEC §3: overdue actions appear in the next QBR's risk section.
  for (const a of r.actions.items.filter((x) => x.status === 'Overdue')) {
    rows.push([cell(`Overdue action ${a.id}: ${a.action}`, 'bad', true), cell('—'), cell('—'), cell('Overdue', 'bad', true), cell('—'), cell(a.dueDate ? `was due ${f.date(a.dueDate)}` : '—'), cell(a.owner ?? '—')]);
  }
  const atRisk = open.reduce((s, k) => s + (k.arrAtRisk ?? 0), 0);
  const kpis: Kpi[] = [
    { label: 'Open risks', value: f.number(open.length), detail: `${open.filter((k) => k.escalation === 'Critical' || k.escalation === 'High').length} critical or high`, tone: open.some((k) => k.escalation === 'Critical') ? 'bad' : 'neutral', source: 'Risks tab' },
    { label: 'ARR at risk', value: open.some((k) => k.arrAtRisk !== null) ? f.moneyShort(atRisk) : 'No data', detail: 'sum over open risks', tone: atRisk > 0 ? 'warn' : 'neutral', source: 'Risks, ARR at Risk' },
    { label: 'Weighted pipeline', value: r.opportunities.items.length === 0 ? 'None yet' : orDash(r.opportunities.weighted, f.moneyShort), detail: 'expansion opportunities', tone: 'neutral', source: 'Opportunities' },
  ];
  if (open.some((k) => k.arrAtRisk === null)) missing.push('ARR at Risk for some open risks');
  return slide('risks-opportunities', 'Risks and opportunities', [{ kind: 'kpis', items: kpis }, {
    kind: 'table',
    columns: [{ header: 'Risk', width: 4 }, { header: 'L / I', width: 1 }, { header: 'Quadrant', width: 2 }, { header: 'Escalation', width: 1.6 }, { header: 'ARR at risk', align: 'right', width: 1.8 }, { header: 'Mitigation', width: 4 }, { header: 'Owner', width: 1.8 }],
    rows, empty: 'No open risks or overdue actions',
  }], {
    talkingPoints: ['Name the risks before they do; show the mitigation and the owner for each.', 'Critical = likely, high impact and over $100K ARR exposed: these need a decision today.'],
    questions: ['Are there risks on your side we have not captured?', 'Who on your side should co-own the top risk?'],
  }, { missing, sources: 'Risks, Actions and Opportunities tabs' });
}

/** `followUps` are the post-QBR holds (their dates already moved off weekends), so slide and calendar agree. */
export function actionsSlide(c: DeckContext, followUps: { label: string; date: string }[]): SlidePlan {
  const { r, f } = c;
  const missing: string[] = [];
  const open = r.actions.items.filter((a) => a.status !== 'Complete' && a.status !== 'Cancelled');
  const kpis: Kpi[] = [
    r.actions.completionRate === null
      ? { label: 'Commitments complete', value: 'No data', detail: 'No action items yet', tone: 'neutral' }
      : { label: 'Commitments complete', value: f.percent(r.actions.completionRate), detail: r.actions.basis === 'last-qbr' ? 'of last QBR\'s actions' : 'of all action items', tone: r.actions.band === 'Green' ? 'good' : r.actions.band === 'Yellow' ? 'warn' : 'bad', source: 'Actions tab' },
    { label: 'Open actions', value: f.number(open.length), detail: `${r.actions.overdue.length} overdue`, tone: r.actions.overdue.length > 0 ? 'bad' : 'neutral', source: 'Actions tab' },
  ];
  if (r.actions.items.length === 0) missing.push('action items (Actions tab)');
  const next = followUps.map((h) => `${h.label}: ${f.date(h.date)}`);
  next.push(`Next review due: ${f.date(nextReviewAfter(c))}`);
  return slide('actions', 'Action items and next steps', [{ kind: 'kpis', items: kpis }, {
    kind: 'table',
    columns: [{ header: 'ID', width: 1 }, { header: 'Action', width: 5 }, { header: 'Owner', width: 2 }, { header: 'Side', width: 1.4 }, { header: 'Due', width: 1.6 }, { header: 'Status', width: 1.6 }],
    rows: open.map((a) => [cell(a.id), cell(a.action, undefined, true), cell(a.owner ?? '—'), cell(a.side ?? '—'), cell(orDash(a.dueDate, f.date)), cell(a.status, statusTone(a.status), true)]),
    empty: 'No open action items',
  }, { kind: 'bullets', title: 'Next steps', items: next }], {
    talkingPoints: ['Read back every new commitment with its owner and date before closing.', 'The summary email with these actions goes out the next working day.'],
    questions: ['Is every owner here and agreed?', 'What is the one thing we must get done before the next review?'],
  }, { missing, sources: 'Actions tab' });
}
