/** The account card: health, value, top risks, actions due, renewal and data to confirm at a glance, then the Generate buttons. */
import type { AccountReview, ActionReview, Dimension, Escalation, RiskReview } from '../../core/analysis/types';
import { addDays, daysBetween, isIsoDate, type IsoDate } from '../../core/dates';
import { nextQbr } from './schedule';
import { recordSection } from './record-view';
import { formatter, type Formatter } from '../../core/package/format';
import type { ButtonSpec, CardSpec, GenerateWhat, SectionSpec, WidgetSpec } from './spec';
import { bandBadge, bandWord, bold, colour, escalationColour, escapeCardHtml, GREY, plural, PRIMARY, RED } from './text';

export interface AccountInput {
  review: AccountReview;
  today: IsoDate;
  /** The date the picker starts on (chooseQbrDate's answer). */
  qbrDate: IsoDate;
  /** Why that date, in words (`the QBR Date in the tracker`). */
  qbrDateBasis: string;
  /** The package's data-to-confirm lines (tracker warnings and fields without data). */
  dataToConfirm: string[];
  /** The package made last (the QBR Log row and the saved run): when, for which QBR date, and the links to open it. */
  lastGenerated?: { at: string; qbrDate?: IsoDate | null; deckUrl?: string | null; prepBriefUrl?: string | null } | null;
  /** What "Generate the package" makes for this account (counted from its plan), said before the user presses it. */
  willMake?: { decks: number; docs: number; drafts: number; holds: number } | null;
  /** The QBR that has taken place and can be recorded (SPEC §4.5), or null while it is ahead. */
  recordDate?: IsoDate | null;
}

const TOP_RISKS = 3;
const ACTIONS_WINDOW_DAYS = 14;
const MAX_ACTIONS = 6;
const MAX_TO_CONFIRM = 8;
const ESCALATION_ORDER: Record<Escalation, number> = { Critical: 0, High: 1, Medium: 2, Low: 3 };
const DIMENSIONS: [Dimension, string][] = [['usage', 'Usage'], ['engagement', 'Engagement'], ['support', 'Support'], ['relationship', 'Relationship']];

export function accountCard(input: AccountInput): CardSpec {
  const r = input.review;
  const fmt = formatter(r.locale, r.currency);
  const sections: SectionSpec[] = [];
  sections.push(packageSection(input, fmt));
  if (input.recordDate) sections.push(recordSection(r.id, input.recordDate, r.locale));
  sections.push(
    healthSection(r, fmt),
    actionsSection(r, input.today, fmt),
    risksSection(r, fmt),
    valueSection(r, fmt),
    renewalSection(r, fmt),
  );
  const confirm = confirmSection(input.dataToConfirm, fmt);
  if (confirm) sections.push(confirm);
  sections.push(generateSection(input, fmt));
  return {
    name: `account:${r.id}`,
    header: { title: r.name, subtitle: stateLine(r, input.today, fmt, input.lastGenerated?.qbrDate ?? null) },
    sections,
    footer: footer(input),
  };
}

/** A package already made for this QBR date can be refreshed (the Google run updates it in place); else it is generated. */
export function refreshable(input: AccountInput): boolean {
  const last = input.lastGenerated;
  return input.review.deck !== null && Boolean(last && last.qbrDate === input.qbrDate && (last.deckUrl || last.prepBriefUrl));
}

function footer(input: AccountInput): CardSpec['footer'] {
  const r = input.review;
  if (r.deck === null) return { primary: generateButton(r, 'digital', 'Draft the review email', true) };
  if (!refreshable(input)) return { primary: generateButton(r, 'package', 'Generate the package', true) };
  const deck = input.lastGenerated?.deckUrl;
  return { primary: generateButton(r, 'package', 'Refresh numbers', true), ...(deck ? { secondary: { text: 'Open deck', openLink: { url: deck } } } : {}) };
}

/** `today`, `yesterday`, `3 days ago`, then the day itself (`Nov 20, 2026`). */
export function generatedWhen(at: string, today: IsoDate, fmt: Formatter): string {
  const day = at.slice(0, 10);
  if (!isIsoDate(day)) return escapeCardHtml(at);
  const ago = daysBetween(day, today);
  const words = ago <= 0 ? 'today' : ago === 1 ? 'yesterday' : ago < 30 ? `${ago} days ago` : null;
  return words ? `${words} (${fmt.date(day)})` : fmt.date(day);
}

/**
 * The header's one line: where the QBR stands, then the renewal (`QBR overdue since Aug 14, 2026 · renews in 98 days`).
 * A package already made for a coming date means the overdue QBR is booked: that date is the state, not "overdue".
 */
export function stateLine(r: AccountReview, today: IsoDate, fmt: Formatter, packageFor: string | null = null): string {
  const n = nextQbr(r, today);
  const booked = n.kind === 'overdue' && packageFor !== null && isIsoDate(packageFor) && packageFor >= today ? packageFor : null;
  const qbr = booked
    ? `QBR on ${fmt.date(booked)}${n.date ? ` (was due ${fmt.date(n.date)})` : ''}`
    : n.kind === 'overdue'
    ? (n.date ? `QBR overdue since ${fmt.date(n.date)}` : 'QBR overdue')
    : n.date === null ? 'No QBR date yet' : n.kind === 'scheduled' ? `QBR on ${fmt.date(n.date)}` : `QBR due ${fmt.date(n.date)}`;
  const d = r.renewal.daysToRenewal;
  const renews = r.renewal.date === null || d === null ? null : d > 0 ? `renews in ${plural(d, 'day')}` : d === 0 ? 'renews today' : `renewal passed ${plural(-d, 'day')} ago`;
  return renews ? `${qbr} · ${renews}` : qbr;
}

/** ISO days inside a sentence (`the due date 2026-08-14 has passed`) in words, as everywhere else on the card. */
export function datesInWords(text: string, fmt: Formatter): string {
  return text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (day) => (isIsoDate(day) ? fmt.date(day) : day));
}

/** What exists already, first (the CSM came back for it), and what the footer's button will do. */
function packageSection(input: AccountInput, fmt: Formatter): SectionSpec {
  const last = input.lastGenerated;
  const widgets: WidgetSpec[] = [];
  if (last) {
    const made = last.qbrDate && isIsoDate(last.qbrDate) ? ` for the ${fmt.date(last.qbrDate)} QBR` : '';
    widgets.push({ kind: 'text', html: `Last generated ${generatedWhen(last.at, input.today, fmt)}${made}` });
    const links: ButtonSpec[] = [];
    if (last.deckUrl) links.push({ text: 'Open deck', openLink: { url: last.deckUrl } });
    if (last.prepBriefUrl) links.push({ text: 'Open prep brief', openLink: { url: last.prepBriefUrl } });
    if (links.length > 0) widgets.push({ kind: 'buttons', buttons: links });
  }
  if (refreshable(input)) {
    widgets.push(
      { kind: 'text', html: colour(GREY, 'Refresh numbers updates this deck and its docs in place: your edits stay, and the results list what moved.') },
      // Plain, not filled: the rarer choice, asked again on a confirmation card.
      { kind: 'buttons', buttons: [{ text: 'Regenerate from scratch', action: { name: 'generate', params: { accountId: input.review.id, what: 'package', regenerate: 'yes' } } }] },
    );
  } else {
    widgets.push({ kind: 'text', html: colour(GREY, willMakeLine(input)) });
  }
  return { header: last ? 'Your QBR package' : 'Not generated yet', widgets };
}

/** `Generate makes 1 deck, 3 docs (pre-read, action plan, your prep brief), 2 Gmail drafts (never sent) and 11 holds on your calendar.` */
function willMakeLine(input: AccountInput): string {
  if (input.review.deck === null) return 'Tech-Touch reviews are async: “Draft the review email” makes one Digital Review email (health, value, next steps) as a Gmail draft, never sent. No deck, holds or docs.';
  const w = input.willMake;
  if (!w) return 'Generate makes a deck, a pre-read, an action plan and your prep brief in Drive, Gmail drafts (never sent) and holds on your calendar.';
  const parts = [
    w.decks > 0 ? plural(w.decks, 'deck') : '',
    w.docs > 0 ? `${plural(w.docs, 'doc')} (pre-read, action plan${w.docs > 2 ? ', your prep brief' : ''})` : '',
    w.drafts > 0 ? `${plural(w.drafts, 'Gmail draft')} (never sent)` : '',
    w.holds > 0 ? `${plural(w.holds, 'hold')} on your calendar` : '',
  ].filter(Boolean);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0] ?? 'nothing';
  return `Generate makes ${list}.`;
}

function healthSection(r: AccountReview, fmt: Formatter): SectionSpec {
  const h = r.health;
  if (h.score === null) {
    return { header: 'Health', widgets: [{ kind: 'kv', text: bandBadge(null, null), bottomLabel: 'No metrics this quarter' }] };
  }
  const dims = DIMENSIONS.map(([key, label]) => {
    const v = h.dimensions[key];
    return v === null ? colour(GREY, `${label} no data`) : `${label} ${fmt.number(v)}`;
  });
  return {
    header: 'Health',
    widgets: [
      { kind: 'kv', ...(r.quarter === null ? {} : { topLabel: `Score for ${escapeCardHtml(r.quarter)}` }), text: bandBadge(h.band, h.score), bottomLabel: trendText(h.trend, fmt) },
      { kind: 'text', html: dims.join(' · ') },
    ],
  };
}

/** The score's change in points; a missing previous quarter is said, not shown as 0. */
function trendText(trend: number | null, fmt: Formatter): string {
  if (trend === null) return 'No previous quarter to compare';
  if (trend === 0) return '► no change vs last quarter';
  return trend > 0 ? `▲ +${fmt.number(trend)} vs last quarter` : `▼ −${fmt.number(-trend)} vs last quarter`;
}

function valueSection(r: AccountReview, fmt: Formatter): SectionSpec {
  const v = r.value;
  const quarter = escapeCardHtml(r.quarter ?? 'this quarter');
  if (v.lines.length === 0) {
    return { header: 'Value', widgets: [{ kind: 'text', html: `No value lines for ${quarter}: add them to the Value tab to show ROI.` }] };
  }
  if (v.quarterTotal === null) {
    return { header: 'Value', widgets: [{ kind: 'text', html: `The value lines for ${quarter} have no amounts yet (see Data to confirm).` }] };
  }
  const roi = v.roi === null ? 'ROI unknown (no ARR investment)' : `${fmt.multiple(v.roi)} ROI (${fmt.netRoi(v.roi)})`;
  const annual = v.annualised === null ? '' : ` · ${fmt.moneyShort(v.annualised)} annualised`;
  return {
    header: 'Value',
    widgets: [{
      kind: 'kv', startIcon: 'DOLLAR', topLabel: `Delivered in ${quarter}`, text: bold(fmt.moneyShort(v.quarterTotal)),
      bottomLabel: `${roi}${annual}`,
    }],
  };
}

/** Open risks, worst escalation first, then by ARR at risk: what the QBR must talk about. */
export function topRisks(risks: RiskReview[], n = TOP_RISKS): RiskReview[] {
  const rank = (x: RiskReview) => (x.escalation === null ? 4 : ESCALATION_ORDER[x.escalation]);
  return risks
    .filter((x) => x.open)
    .map((x, i) => ({ x, i }))
    .sort((a, b) => rank(a.x) - rank(b.x) || (b.x.arrAtRisk ?? -1) - (a.x.arrAtRisk ?? -1) || a.i - b.i)
    .slice(0, n)
    .map(({ x }) => x);
}

function risksSection(r: AccountReview, fmt: Formatter): SectionSpec {
  const open = r.risks.filter((x) => x.open);
  if (open.length === 0) return { header: 'Top risks', widgets: [{ kind: 'text', html: 'No open risks in the tracker.' }] };
  const widgets: WidgetSpec[] = topRisks(r.risks).map((x) => {
    const bottom = [x.arrAtRisk === null ? 'ARR at risk not given' : `${fmt.moneyShort(x.arrAtRisk)} ARR at risk`];
    if (x.owner) bottom.push(`Owner: ${escapeCardHtml(x.owner)}`);
    return {
      kind: 'kv',
      topLabel: `${colour(escalationColour(x.escalation), bold(x.escalation ?? 'Unrated'))} · ${escapeCardHtml(x.quadrant ?? 'Likelihood or impact missing')}`,
      text: escapeCardHtml(x.risk),
      bottomLabel: bottom.join(' · '),
    };
  });
  if (open.length > TOP_RISKS) widgets.push({ kind: 'text', html: colour(GREY, `${open.length - TOP_RISKS} more open ${open.length - TOP_RISKS === 1 ? 'risk' : 'risks'} in the tracker`) });
  return { header: 'Top risks', widgets };
}

/** Overdue first (oldest first), then what falls due in the next 14 days: the follow-ups a CSM chases this fortnight. */
export function actionsDue(items: ActionReview[], today: IsoDate): ActionReview[] {
  const until = addDays(today, ACTIONS_WINDOW_DAYS);
  const byDate = (a: ActionReview, b: ActionReview) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.id.localeCompare(b.id);
  const overdue = items.filter((a) => a.status === 'Overdue').sort(byDate);
  const soon = items
    .filter((a) => a.status !== 'Overdue' && a.status !== 'Complete' && a.status !== 'Cancelled')
    .filter((a) => a.dueDate !== null && a.dueDate >= today && a.dueDate <= until)
    .sort(byDate);
  return [...overdue, ...soon];
}

function actionsSection(r: AccountReview, today: IsoDate, fmt: Formatter): SectionSpec {
  const a = r.actions;
  const since = a.basis === 'last-qbr' ? 'of the last QBR’s actions' : 'of all actions';
  const completion = a.completionRate === null
    ? colour(GREY, 'No actions to measure completion')
    : `${bandWord(a.band, fmt.percent(a.completionRate))} complete ${since}${a.band ? ` · ${bandWord(a.band, a.band)}` : ''}`;
  const due = actionsDue(a.items, today);
  const widgets: WidgetSpec[] = [{ kind: 'text', html: completion }];
  if (due.length === 0) widgets.push({ kind: 'text', html: `Nothing overdue or due in the next ${ACTIONS_WINDOW_DAYS} days.` });
  for (const x of due.slice(0, MAX_ACTIONS)) {
    const when = x.status === 'Overdue'
      ? colour(RED, bold(`Overdue since ${fmt.date(x.dueDate as IsoDate)}`))
      : `Due ${fmt.date(x.dueDate as IsoDate)}`;
    const owner = x.owner === null ? 'No owner' : `Owner: ${escapeCardHtml(x.owner)}${x.side ? ` (${escapeCardHtml(x.side)})` : ''}`;
    widgets.push({ kind: 'kv', topLabel: `${escapeCardHtml(x.id)} · ${when}`, text: escapeCardHtml(x.action), bottomLabel: owner });
  }
  if (due.length > MAX_ACTIONS) widgets.push({ kind: 'text', html: colour(GREY, `${due.length - MAX_ACTIONS} more in the Actions tab`) });
  return { header: 'Actions due', widgets };
}

function renewalSection(r: AccountReview, fmt: Formatter): SectionSpec {
  const { date, daysToRenewal, focus } = r.renewal;
  if (date === null) return { header: 'Renewal', widgets: [{ kind: 'text', html: 'No renewal date in the tracker.' }] };
  const days = daysToRenewal === null ? '' : daysToRenewal >= 0 ? ` · in ${plural(daysToRenewal, 'day')}` : ` · ${plural(-daysToRenewal, 'day')} ago`;
  return {
    header: 'Renewal',
    widgets: [{ kind: 'kv', startIcon: 'CLOCK', text: `${fmt.date(date)}${days}`, bottomLabel: focus === null ? 'No planning focus' : `Focus: ${escapeCardHtml(focus)}` }],
  };
}

function confirmSection(lines: string[], fmt: Formatter): SectionSpec | null {
  if (lines.length === 0) return null;
  const widgets: WidgetSpec[] = lines.slice(0, MAX_TO_CONFIRM).map((l) => ({ kind: 'text', html: `• ${escapeCardHtml(datesInWords(l, fmt))}` }));
  if (lines.length > MAX_TO_CONFIRM) widgets.push({ kind: 'text', html: colour(GREY, `${lines.length - MAX_TO_CONFIRM} more — all are in the deck's appendix`) });
  return { header: `Data to confirm (${lines.length})`, collapsible: true, uncollapsible: 1, widgets };
}

function generateButton(r: AccountReview, what: GenerateWhat, text: string, primary = false): ButtonSpec {
  return { text, ...(primary ? { style: 'filled' as const, color: PRIMARY } : {}), action: { name: 'generate', params: { accountId: r.id, what } } };
}

function generateSection(input: AccountInput, fmt: Formatter): SectionSpec {
  const r = input.review;
  const digital = r.deck === null;
  const widgets: WidgetSpec[] = [
    { kind: 'date', name: 'qbrDate', title: digital ? 'Review date' : 'QBR date', value: input.qbrDate },
    { kind: 'text', html: colour(GREY, `Defaults to ${fmt.date(input.qbrDate)}: ${escapeCardHtml(datesInWords(input.qbrDateBasis, fmt))}.`) },
  ];
  // A digital review's "why" is said on top (willMakeLine), beside what its button makes.
  if (!digital) {
    // Sharing needs an address; without one the switch would promise something the run cannot do.
    if (r.people.championEmail) {
      const who = r.people.champion ?? r.people.championEmail;
      widgets.push({
        kind: 'select', name: 'shareWithChampion', title: 'Share with champion', type: 'switch',
        items: [{ text: `Share the docs with ${who} (can comment)`, value: 'yes', selected: false }],
      });
    }
    widgets.push(
      { kind: 'buttons', buttons: [generateButton(r, 'deck', 'Make the deck'), generateButton(r, 'docs', 'Make the docs'), generateButton(r, 'draft', 'Draft the emails'), generateButton(r, 'holds', 'Add calendar holds')] },
    );
  }
  return { header: digital ? 'Digital review' : 'Generate', widgets };
}
