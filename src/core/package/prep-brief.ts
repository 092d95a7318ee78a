/** The internal prep brief (SPEC §4.0): everything the CSM needs before the meeting and the room must not see. */
import type { AccountReview } from '../analysis/types';
import { daysBetween, type IsoDate } from '../dates';
import { internalRisks, type PersonChange } from './audience';
import { deckContext, METRIC_LABELS, metricChange, metricText } from './deck/context';
import { renewalFactors } from './deck/ebr-slides';
import { customerAttendees, dueBeforeMeeting } from './meeting';
import { changeLines, type FigureChange } from './changes';
import type { DeckPlan, DocPlan, DocSection, HoldPlan, MissedHold } from './types';

export interface PrepBriefInput {
  /** The review as of the QBR date. */
  meeting: AccountReview;
  /** The review as of today (for "what changed" and "due before the meeting"). */
  today: IsoDate;
  qbrDate: IsoDate;
  qbrDateBasis: string;
  warnings: string[];
  changes: PersonChange[];
  /** Who the emails leave off, and why. */
  skippedRecipients: string[];
  /** The deck before its provenance was taken off: talking points, sources and gaps per slide. */
  deck: DeckPlan | null;
  holds: HoldPlan[];
  /** Steps whose day had passed when the package was made: not on the calendar, so the CSM catches up on them. */
  missedHolds: MissedHold[];
  /** Tracker findings with tab, row and column, then the fields with no data. */
  dataToConfirm: string[];
  /** What moved since the last generation (SPEC §4.4); null or absent on a first generation. */
  moved?: FigureChange[] | null;
}

const yes = (ok: boolean | null) => (ok === null ? 'To check' : ok ? 'Ready' : 'Not yet');

export function prepBriefDoc(p: PrepBriefInput): DocPlan {
  const r = p.meeting;
  const c = deckContext(r, p.qbrDate, p.today);
  const { f } = c;
  const gone = (name: string | null) => name !== null && p.changes.some((x) => x.name === name);
  const sections: DocSection[] = [];

  sections.push({
    heading: 'Internal: not for the customer',
    paragraphs: [`Prep brief for the ${r.reviewType.toLowerCase()} on ${f.longDate(p.qbrDate)} (${p.qbrDateBasis}); ${f.number(daysBetween(p.today, p.qbrDate))} days from ${f.date(p.today)}. Every figure below is as of the meeting date. Keep this document to the account team: do not share it with ${r.name}.`],
    ...(p.warnings.length > 0 ? { bullets: p.warnings.map((w) => `Warning: ${w}`) } : {}),
  });

  // Right after the header: on a re-run this is what the CSM checks first against their edited deck.
  if (p.moved) {
    sections.push({
      heading: 'What moved since the last generation',
      ...(p.moved.length > 0
        ? { paragraphs: ['Figures that changed since this package was last generated, called-out moves (health band, ROI ±10 %, a new critical risk) first, then the biggest moves. Check them against anything you edited by hand.'], bullets: changeLines(p.moved) }
        : { paragraphs: ['No key figure moved since the last generation.'] }),
    });
  }

  // Readiness checklist (SPEC §4.0).
  const outcomesOk = r.outcomes.some((o) => o.status !== 'No Data');
  const valueOk = r.value.quarterTotal !== null && r.value.lines.every((l) => l.source !== null);
  const paths = r.opportunities.items.filter((o) => o.sponsor !== null);
  const vendorSponsor = r.people.stakeholders.some((s) => s.side === 'Vendor' && /sponsor/i.test(s.role ?? ''));
  const customerSponsor = r.people.executiveSponsor !== null && !gone(r.people.executiveSponsor);
  const openRisks = r.risks.filter((k) => k.open);
  const planned = openRisks.every((k) => k.mitigation !== null && k.owner !== null);
  sections.push({
    heading: 'Readiness checklist',
    table: {
      columns: ['Item', 'Status', 'Why'],
      rows: [
        ['Outcomes confirmed', yes(outcomesOk), outcomesOk ? `${r.outcomes.filter((o) => o.status !== 'No Data').length} of ${r.outcomes.length} objectives measured` : 'no measured objective in the Outcomes tab'],
        ['Value reviewed', yes(valueOk), r.value.quarterTotal === null ? `no Value lines for ${c.quarterName}` : valueOk ? `${f.moneyShort(r.value.quarterTotal)}, every line sourced` : 'some value lines have no Source'],
        ['Risks logged', yes(r.risks.length > 0), `${openRisks.length} open of ${r.risks.length} in the Risks tab`],
        ['Two or three expansion paths, each with a named sponsor', yes(paths.length >= 2), `${paths.length} with a sponsor: ${paths.map((o) => `${o.opportunity} (${o.sponsor})`).join('; ') || 'none'}`],
        ['Executive sponsors confirmed on both sides', yes(customerSponsor && vendorSponsor), `customer: ${r.people.executiveSponsor ?? 'none'}${gone(r.people.executiveSponsor) ? ' (leaving or away)' : ''}; ours: ${vendorSponsor ? 'named' : 'none in Stakeholders'}`],
        ['Renewal: value documented', yes(r.value.quarterTotal !== null), r.value.roi !== null ? f.roiHeadline(r.value.roi) : 'ROI unknown'],
        ['Renewal: sponsor aligned', yes(customerSponsor ? null : false), customerSponsor ? `check with ${r.people.executiveSponsor}` : 'no available sponsor'],
        ['Renewal: open issues planned', yes(planned), planned ? 'every open risk has a mitigation and an owner' : 'some open risks lack a mitigation or owner'],
        ['Renewal: pricing discussed', yes(null), r.renewal.date ? `renewal ${f.date(r.renewal.date)}` : 'no Renewal Date'],
        ['Renewal: expansion proposal', yes(r.opportunities.items.some((o) => o.nextStep !== null) ? null : false), r.opportunities.total !== null ? `pipeline ${f.money(r.opportunities.total)}, weighted ${r.opportunities.weighted !== null ? f.money(r.opportunities.weighted) : '—'}` : 'no opportunity recorded'],
      ],
    },
  });

  // Every risk, with what the room does not see.
  const exposure = Math.min(r.arr, openRisks.reduce((s, k) => s + (k.arrAtRisk ?? 0), 0));
  sections.push({
    heading: 'All risks (ARR at risk, escalation, mitigation)',
    paragraphs: [`${openRisks.length} open risk${openRisks.length === 1 ? '' : 's'}; ARR at risk ${f.moneyShort(exposure)} of ${f.moneyShort(r.arr)}. Internal-only risks (not on any customer artifact): ${internalRisks(r).length}.`],
    ...(r.risks.length > 0 ? {
      table: {
        // Six columns so a portrait page keeps words whole: severity and ownership are folded into one cell each.
        columns: ['Risk', 'Shared', 'Escalation (quadrant, L/I)', 'ARR at Risk', 'Mitigation', 'Owner (status)'],
        rows: r.risks.map((k) => [
          `${k.risk}${k.category ? ` [${k.category}]` : ''}`, k.shared ? 'yes' : 'no (internal)',
          k.escalation ? `${k.escalation} · ${k.quadrant} (${k.likelihood}/${k.impact})` : '—',
          k.arrAtRisk === null ? '—' : f.money(k.arrAtRisk), k.mitigation ?? '—', `${k.owner ?? '—'} (${k.open ? k.status ?? 'Open' : k.status ?? 'Closed'})`,
        ]),
      },
    } : {}),
  });

  sections.push({
    heading: 'Sponsor and champion changes',
    bullets: [
      ...p.changes.map((x) => `${x.name} (${x.role}) is ${x.state === 'away' ? 'away' : 'leaving'} — ${x.evidence}. Not addressed as ${x.role} in the deck, docs or emails.`),
      ...p.skippedRecipients.map((s) => `Left off the summary and invitation: ${s}.`),
      ...(p.changes.length === 0 ? ['No sponsor or champion change recorded (Stakeholders Status/Note, Risks).'] : []),
    ],
  });

  const people = r.people.stakeholders;
  sections.push({
    heading: 'Stakeholder map',
    ...(people.length > 0 ? {
      table: {
        columns: ['Name', 'Title', 'Side', 'Role', 'Influence', 'Sentiment', 'Last contact', 'Attending'],
        rows: people.map((s) => [s.name, s.title ?? '—', s.side ?? '—', s.role ?? '—', s.influence ?? '—', s.sentiment ?? '—', s.lastContact ? f.date(s.lastContact) : '—', s.attending === null ? '—' : s.attending ? (gone(s.name) ? 'yes (leaving/away)' : 'yes') : 'no']),
      },
    } : { paragraphs: ['No stakeholders in the Stakeholders tab: map them before the meeting.'] }),
    bullets: [`Customer attendees confirmed: ${customerAttendees(r, p.changes).map((s) => s.name).join(', ') || 'none'}.`],
  });

  if (r.deck === 'ebr' || r.deck === 'midmarket') {
    // Budget and competitive threat are intelligence for the room's preparation, never a slide (SPEC §4.2).
    const factors = renewalFactors(c);
    const rf = r.renewalFactors;
    sections.push({
      heading: 'Renewal intelligence',
      bullets: [
        ...factors.shown.map(([k, v]) => `${k}: ${v} (on the renewal slide)`),
        `Budget status: ${rf?.budget ?? 'not recorded (Accounts, Budget Status)'}`,
        `Competitive threat: ${rf?.competitiveThreat ?? 'not recorded (Accounts, Competitive Threat)'}`,
        ...factors.missing.map((k) => `${k}: not in the tracker, so left off the renewal slide; find out before the meeting`),
      ],
    });
  }
  sections.push({ heading: 'What changed since the last QBR', bullets: changesSinceLast(r, c) });
  sections.push({ heading: 'Anticipated questions and hard conversations', bullets: hardConversations(r, p, c) });

  const before = dueBeforeMeeting(r, p.today, p.qbrDate);
  const overdue = r.actions.items.filter((a) => a.status === 'Overdue');
  sections.push({
    heading: 'Actions as of the meeting',
    bullets: [
      `Overdue on ${f.date(p.qbrDate)}: ${overdue.length === 0 ? 'none' : overdue.map((a) => `${a.id} ${a.action} (${a.owner ?? 'no owner'}, due ${a.dueDate ? f.date(a.dueDate) : '—'})`).join('; ')}.`,
      `Due before the meeting: ${before.length === 0 ? 'none' : before.map((a) => `${a.id} ${a.action} (due ${f.date(a.dueDate!)})`).join('; ')}.`,
      ...(r.renewal.focus ? [`Renewal focus on the meeting date (${r.renewal.daysToRenewal !== null ? `${f.number(r.renewal.daysToRenewal)} days to renewal` : '—'}): ${r.renewal.focus}.`] : []),
    ],
  });

  if (p.deck) {
    sections.push({
      heading: 'Talking points per section',
      bullets: p.deck.slides.filter((s) => s.layout === 'content').map((s) => `${s.title}: ${[...s.notes.talkingPoints, ...s.notes.questions.map((q) => `Ask: ${q}`), ...(s.notes.coaching ?? []).map((t) => `Coaching: ${t}`)].join(' ')}${s.sources ? ` (Sources: ${s.sources})` : ''}`),
    });
  }

  sections.push({
    heading: 'Prep timeline',
    ...(p.holds.length > 0 ? { table: { columns: ['Step', 'Date', 'What to do'], rows: p.holds.map((h) => [h.step, `${f.date(h.date)} ${h.start}`, h.description.split('\n')[0] ?? '']) } } : { paragraphs: ['No holds for this review.'] }),
  });
  if (p.missedHolds.length > 0) {
    sections.push({
      heading: 'Missed prep steps (already past, so not on your calendar)',
      table: { columns: ['Step', 'Was due'], rows: p.missedHolds.map((m) => [m.step, f.date(m.date)]) },
    });
  }

  sections.push({
    heading: 'Data to confirm (tab, row, column)',
    ...(p.dataToConfirm.length > 0
      ? { paragraphs: ['Fix these in the tracker and regenerate. No data on a field below? Add it to the tab named, then regenerate.'], bullets: p.dataToConfirm }
      : { paragraphs: ['Nothing to confirm: every field was complete in the tracker.'] }),
  });

  return {
    kind: 'prep-brief', audience: 'internal',
    title: `${r.name} — QBR prep brief (internal)`,
    subtitle: `${c.quarterName} · meeting on ${f.longDate(p.qbrDate)}${r.people.csm ? ` · for ${r.people.csm}` : ''}`,
    sections,
  };
}

function changesSinceLast(r: AccountReview, c: ReturnType<typeof deckContext>): string[] {
  const { f } = c;
  const out: string[] = [];
  out.push(r.lastQbrDate ? `Last QBR: ${f.date(r.lastQbrDate)}.` : 'No previous QBR recorded.');
  if (r.health.score !== null) out.push(`Health ${r.health.score} ${r.health.band}${r.health.trend !== null ? ` (${r.health.trend >= 0 ? '+' : '−'}${Math.abs(r.health.trend)} pts vs last quarter)` : ''}.`);
  for (const k of ['activeUsers', 'apiCallsPerDay', 'uptime', 'tickets', 'escalations', 'csat', 'nps'] as const) {
    const t = r.trends[k];
    if (t.current === null || t.direction === null) continue;
    out.push(`${METRIC_LABELS[k]}: ${t.previous !== null ? `${metricText(f, k, t.previous)} → ` : ''}${metricText(f, k, t.current)} (${metricChange(f, k, t)}).`);
  }
  if (r.actions.completionRate !== null) out.push(`${f.percent(r.actions.completionRate)} of ${r.actions.basis === 'last-qbr' ? 'last QBR\'s commitments' : 'all actions'} complete.`);
  const done = r.actions.items.filter((a) => a.status === 'Complete' && a.completionDate !== null && (r.lastQbrDate === null || a.completionDate >= r.lastQbrDate));
  if (done.length > 0) out.push(`Completed since: ${done.map((a) => a.action).join('; ')}.`);
  return out;
}

function hardConversations(r: AccountReview, p: PrepBriefInput, c: ReturnType<typeof deckContext>): string[] {
  const { f } = c;
  const out: string[] = [];
  if (r.renewal.daysToRenewal !== null && r.renewal.daysToRenewal < 0) out.push(`The renewal (${f.date(r.renewal.date!)}) will have passed by the meeting: settle it before, or make the meeting about the new term.`);
  for (const k of r.risks.filter((x) => x.open && (x.escalation === 'Critical' || x.escalation === 'High'))) {
    out.push(`${k.escalation} risk "${k.risk}"${k.arrAtRisk !== null ? ` (${f.money(k.arrAtRisk)} ARR at risk)` : ''}: ${k.mitigation ?? 'no mitigation yet: agree one before the meeting'}.`);
  }
  const au = r.trends.activeUsers;
  if (au.direction === 'down' && au.change !== null) out.push(`Expect "why did usage drop?": active users fell ${f.changeSize(au.change)}; bring the cause and the recovery plan.`);
  for (const o of r.outcomes.filter((x) => x.status === 'At Risk')) out.push(`Objective at risk: "${o.objective}" — what is blocking it, and what will we change?`);
  const ours = r.actions.items.filter((a) => a.status === 'Overdue' && /^vend/i.test(a.side ?? ''));
  if (ours.length > 0) out.push(`Our own overdue commitments: ${ours.map((a) => a.action).join('; ')} — own them first.`);
  if (r.value.quarterTotal === null) out.push('Expect "what value are we getting?": no value is quantified for this quarter yet.');
  for (const x of p.changes) out.push(`Who speaks for the account while ${x.name} (${x.role}) is ${x.state === 'away' ? 'away' : 'leaving'}?`);
  if (out.length === 0) out.push('No hard conversation flagged by the data: confirm with the account team.');
  return out;
}
