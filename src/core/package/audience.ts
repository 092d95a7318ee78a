/** The line between the two audiences (SPEC §4.0): what may reach the customer, what stays in the prep brief, and the scan that proves it. */
import { isOwnFollowUp } from '../analysis/actions';
import type { AccountReview, Dimension, Person, RiskReview, ValueLine } from '../analysis/types';
import type { Formatter } from './format';
import type { DeckPlan, DocPlan, EmailPlan, SlidePlan } from './types';

/** Open risks the customer may see: the Share column decides, blank falls back to the category (analysis `shared`). */
export function sharedRisks(r: AccountReview): RiskReview[] {
  return r.risks.filter((k) => k.open && k.shared);
}

export function internalRisks(r: AccountReview): RiskReview[] {
  return r.risks.filter((k) => !k.shared);
}

/** A shared risk in the customer's language: a challenge both sides work on, and the step agreed for it. */
export function jointChallenge(k: RiskReview): { challenge: string; nextStep: string; owner: string | null } {
  return { challenge: k.risk, nextStep: k.mitigation ?? 'Agree the next step together in this review', owner: k.owner };
}

/** How a health dimension is measured, in business words (the analysis' basis names tracker columns). */
export function plainBasis(dim: Dimension, r: AccountReview): string {
  const b = r.health.basis[dim];
  if (b === 'no data') return '—';
  if (/ column$/.test(b)) return dim === 'usage' || dim === 'support' ? `Your team's ${dim} score for the quarter` : `Our joint ${dim} assessment for the quarter`;
  if (dim === 'usage') {
    if (/^0\.6/.test(b)) return 'Share of licensed seats in active use (60%) and share of features in use (40%)';
    return /^seat/.test(b) ? 'Share of licensed seats in active use' : 'Share of available features in use';
  }
  if (dim === 'support') {
    if (/CSAT/.test(b) && /Escalations/.test(b) && !/missing/.test(b)) return 'Fewer support escalations score higher, scaled by satisfaction (CSAT out of 5)';
    return /CSAT missing/.test(b) ? 'Fewer support escalations score higher' : 'Support satisfaction (CSAT out of 5)';
  }
  return `Our joint ${dim} assessment for the quarter`;
}

/** A value line's formula in business words: where a rate came from in the tracker is the prep brief's business. */
export function plainValueBasis(basis: string): string {
  return basis.replace(/\s*\((?:Settings|default)[^)]*\)/g, '');
}

/**
 * The customer deck as it may leave the building: the per-slide provenance (tracker sources, fields without data)
 * is the prep brief's, so it is taken off every slide and KPI here, once, for every renderer.
 */
export function customerDeck(deck: DeckPlan): DeckPlan {
  return { ...deck, slides: deck.slides.map(customerSlide) };
}

function customerSlide(s: SlidePlan): SlidePlan {
  const { sources: _sources, ...rest } = s;
  const { coaching: _coaching, ...notes } = s.notes;
  return {
    ...rest,
    notes,
    dataToConfirm: [],
    blocks: s.blocks.map((b) => (b.kind === 'kpis' ? { ...b, items: b.items.map(({ source: _s, ...k }) => k) } : b)),
  };
}

// --- People who are leaving or away (SPEC §4.1) ---------------------------------------------------------------

export type Availability = 'leaving' | 'away';

export interface PersonChange {
  name: string;
  role: 'executive sponsor' | 'champion' | 'stakeholder';
  state: Availability;
  /** Where the tracker says so, for the prep brief. */
  evidence: string;
}

const AWAY = /\b(on leave|parental leave|maternity|paternity|sabbatical|medical leave|away|out of office|leave of absence)\b/i;
const LEAVING = /\b(leav(?:es|ing)|depart(?:s|ing|ure)?|resign(?:s|ing|ed)?|retir(?:es|ing|ement)|moving on|left the company|notice period|last day)\b/i;

function availability(text: string | null): Availability | null {
  if (!text) return null;
  if (AWAY.test(text)) return 'away';
  if (LEAVING.test(text)) return 'leaving';
  return null;
}

const sameName = (a: string | null, b: string | null) => a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Customer people the tracker marks as leaving or away: Stakeholders Status/Note (or a title such as "CIO (leaving
 * Jan 2027)"), or an open risk naming them — by name, or by their role ("executive sponsor", "champion", their title).
 */
export function peopleChanges(r: AccountReview): PersonChange[] {
  const out: PersonChange[] = [];
  const roleOf = (name: string): PersonChange['role'] =>
    sameName(name, r.people.executiveSponsor) ? 'executive sponsor' : sameName(name, r.people.champion) ? 'champion' : 'stakeholder';
  const customers = r.people.stakeholders.filter((p) => p.side !== 'Vendor');
  const names = new Set(customers.map((p) => p.name.trim().toLowerCase()));
  const people: Person[] = [...customers];
  for (const n of [r.people.executiveSponsor, r.people.champion]) {
    if (n && !names.has(n.trim().toLowerCase())) people.push({ name: n, title: null, side: 'Customer', role: null, email: null, level: null, attending: null, influence: null, sentiment: null, lastContact: null, status: null, note: null });
  }
  for (const p of people) {
    const role = roleOf(p.name);
    const fromSheet = ([['Status', p.status], ['Note', p.note], ['Title', p.title]] as const)
      .map(([col, text]) => ({ col, text, state: availability(text) }))
      .find((x) => x.state !== null);
    if (fromSheet) {
      out.push({ name: p.name, role, state: fromSheet.state!, evidence: `Stakeholders ${fromSheet.col}: "${fromSheet.text}"` });
      continue;
    }
    const words = [p.name, ...(role === 'executive sponsor' ? ['executive sponsor', 'sponsor'] : role === 'champion' ? ['champion'] : [])];
    const title = p.title?.match(/\b(C[A-Z]{1,3}O)\b/)?.[1];
    if (title && role !== 'stakeholder') words.push(title);
    const risk = r.risks.find((k) => k.open && words.some((w) => new RegExp(`\\b${escape(w)}\\b`, 'i').test(k.risk)) && availability(k.risk) !== null);
    if (risk) out.push({ name: p.name, role, state: availability(risk.risk)!, evidence: `Risks: "${risk.risk}"` });
  }
  return out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A person as the customer's files may show them (SPEC §4.1): a title without its "(leaving Jan 2027)" aside, and no
 * sponsor or champion label while leaving or away — the prep brief keeps both.
 */
export function customerFacing(p: Person, changes: PersonChange[]): { title: string | null; role: string | null } {
  const title = p.title?.replace(/\s*\(([^)]*)\)/g, (m, inner: string) => (availability(inner) ? '' : m))
    .split(/\s*[,;–—]\s*|\s+-\s+/).filter((part) => availability(part) === null).join(', ').trim() || null;
  const gone = isUnavailable(changes, p.name) !== null;
  return { title, role: gone && p.role && /sponsor|champion/i.test(p.role) ? null : p.role };
}

/** Is this person on the customer side marked leaving or away? */
export function isUnavailable(changes: PersonChange[], name: string | null): PersonChange | null {
  return name === null ? null : changes.find((c) => sameName(c.name, name)) ?? null;
}

// --- The scan: what must never be on a customer-facing artifact ---------------------------------------------------

export interface Forbidden {
  what: string;
  pattern: RegExp;
}

const TAB_NAMES = ['Accounts', 'Metrics', 'Outcomes', 'Value', 'Stakeholders', 'Risks', 'Opportunities', 'Roadmap', 'Goals', 'Actions', 'Settings', 'QBR Log'];
/** Tracker headers that read as tool vocabulary in Title Case (the customer-facing wording uses sentence case). */
const HEADERS = ['Account ID', 'Renewal Date', 'Contract Start', 'Last QBR Date', 'Key Theme', 'Licensed Seats', 'Active Users', 'Features Used',
  'Features Available', 'API Calls/Day', 'Usage Score', 'Engagement Score', 'Support Score', 'Relationship Score', 'ARR at Risk', 'Potential ARR',
  'Champion Email', 'CSM Email', 'Hourly Rate', 'Linked To', 'Completion Date', 'Holiday Country'];

/** SPEC §4.0's list for one account: its internal risks (text and mitigation) plus the words and names that are always internal. */
export function forbiddenTerms(r: AccountReview): Forbidden[] {
  const lit = (what: string, text: string, flags = 'i'): Forbidden => ({ what, pattern: new RegExp(escape(text), flags) });
  // A mitigation that is also a row in Actions is a commitment both sides see on the action plan, not a tactic.
  const actions = new Set(r.actions.items.map((a) => a.action.trim().toLowerCase()));
  return [
    ...internalRisks(r).flatMap((k) => [lit(`internal risk "${k.risk}"`, k.risk), ...(k.mitigation && !actions.has(k.mitigation.trim().toLowerCase()) ? [lit(`internal mitigation "${k.mitigation}"`, k.mitigation)] : [])]),
    lit('ARR at risk', 'ARR at risk'),
    { what: 'escalation level', pattern: /\b[Ee]scalation\b(?!s)|\bCritical\b/ },
    { what: 'risk quadrant', pattern: /Priority Action|Monitor Closely|Plan & Prepare|Watch & Wait/ },
    lit('data to confirm', 'data to confirm'),
    lit('No data', 'No data'),
    { what: '"Add … to"', pattern: /\bAdd\b[^.\n]{0,80}?\bto\b/ },
    { what: 'tracker tab name', pattern: new RegExp(`\\b(${TAB_NAMES.join('|')})( tab\\b| \\d{4}-Q| row \\b| ·)`) },
    { what: 'tracker row', pattern: /\brow \d+\b/i },
    { what: 'tracker column name', pattern: new RegExp(`(${HEADERS.map(escape).join('|')})`) },
    { what: 'formula plumbing', pattern: /\bSettings\b|Σ|Value tab/ },
  ];
}

/** Every hit of the forbidden list in a text: empty means the text may go to the customer. */
export function leaks(text: string, terms: Forbidden[]): string[] {
  const out: string[] = [];
  for (const t of terms) {
    const m = t.pattern.exec(text);
    if (m) out.push(`${t.what}: "…${text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).replace(/\s+/g, ' ')}…"`);
  }
  return out;
}

/** The words of a customer plan, for the guard below and the tests. */
export function planText(plan: DeckPlan | DocPlan | EmailPlan): string {
  if ('slides' in plan) {
    return [plan.title, plan.subtitle, ...plan.slides.flatMap((s) => [s.title, s.subtitle ?? '', s.sources ?? '', ...s.dataToConfirm, ...s.notes.talkingPoints, ...s.notes.questions,
      ...s.blocks.flatMap((b) => b.kind === 'kpis' ? b.items.flatMap((k) => [k.label, k.value, k.detail ?? '', k.source ?? ''])
        : b.kind === 'bullets' ? [b.title ?? '', ...b.items] : b.kind === 'text' ? [b.text]
          : b.kind === 'table' ? [b.title ?? '', b.empty, ...b.columns.map((c) => c.header), ...b.rows.flatMap((row) => row.map((c) => c.text))]
            : [b.title, b.empty, ...b.series.map((x) => x.name)])])].join('\n');
  }
  if ('sections' in plan) {
    return [plan.title, plan.subtitle, ...plan.sections.flatMap((s) => [s.heading, ...(s.paragraphs ?? []), ...(s.bullets ?? []), ...(s.table ? [...s.table.columns, ...s.table.rows.flat()] : [])])].join('\n');
  }
  return [plan.subject, plan.text, plan.html].join('\n');
}

/**
 * How a value line was reached, in a sentence with currency on every amount (SPEC §4.3):
 * "4,200 hours saved × $75 an hour = $315,000". An as-reported line or an unknown category says where it came from.
 */
export function valueMethod(f: Formatter, l: ValueLine): string {
  if (l.value === null) return '—';
  if (l.asReported || !l.inputs) return `${f.money(l.value)} as reported`;
  const { quantity: q, rate, baseline, current } = l.inputs;
  const total = f.money(l.value);
  switch (l.category) {
    case 'Time Savings': return q !== null && rate !== null ? `${f.number(q)} hours saved × ${f.money(rate)} an hour = ${total}` : total;
    case 'Revenue Impact': return q !== null && rate !== null ? `${f.money(q)} attributed revenue × ${f.percent(rate, 1)} attribution = ${total}` : total;
    case 'Cost Reduction': return baseline !== null && current !== null ? `previous cost ${f.money(baseline)} − new cost ${f.money(current)} = ${total}` : total;
    case 'Risk Avoidance': return q !== null && rate !== null ? `${f.number(q)} incident${q === 1 ? '' : 's'} avoided × ${f.money(rate)} each = ${total}` : total;
    case 'Quality Improvement': return q !== null && rate !== null ? `${f.money(q)} cost of errors × ${f.percent(rate, 1)} fewer errors = ${total}` : total;
    default: return total;
  }
}

/**
 * The review as the customer's files see it: without the CSM's own follow-up tasks the tool wrote to Actions for its
 * holds (`QBR-…-T+7`). Their steps reach the customer as the next steps from the holds; the task rows and their ids
 * are the CSM's tooling, left to the prep brief.
 */
export function withoutOwnFollowUps(r: AccountReview): AccountReview {
  if (!r.actions.items.some((a) => isOwnFollowUp(a.id))) return r;
  const items = r.actions.items.filter((a) => !isOwnFollowUp(a.id));
  return { ...r, actions: { ...r.actions, items, overdue: r.actions.overdue.filter((id) => !isOwnFollowUp(id)) } };
}
