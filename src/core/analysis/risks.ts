/** Risks (quadrant and escalation) and opportunities (total and weighted pipeline), SPEC §3. */
import type { RowOf } from '../tracker/schema';
import type { Escalation, Level, OpportunityReview, Quadrant, RiskReview } from './types';

export interface RowProblem {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

const LEVELS: Record<string, Level> = { h: 'H', high: 'H', m: 'M', med: 'M', medium: 'M', l: 'L', low: 'L' };
const CLOSED = ['closed', 'resolved', 'mitigated', 'done', 'complete', 'completed'];

export function parseLevel(text: string | null): Level | null | undefined {
  if (text === null) return null;
  return LEVELS[text.trim().toLowerCase()];
}

export function quadrant(likelihood: Level, impact: Level): Quadrant {
  if (impact === 'H') return likelihood === 'H' ? 'Priority Action' : 'Monitor Closely';
  return likelihood === 'H' ? 'Plan & Prepare' : 'Watch & Wait';
}

export function escalation(likelihood: Level, impact: Level, arrAtRisk: number | null): Escalation {
  const arr = arrAtRisk ?? -Infinity;
  if (likelihood === 'H' && impact === 'H' && arr > 100_000) return 'Critical';
  if (likelihood === 'H' && arr > 50_000) return 'High';
  if (likelihood === 'H' || likelihood === 'M') return 'Medium';
  return 'Low';
}

/** Categories the customer sees by default (SPEC §4.0); every other category, or none, stays internal. */
const SHARED_CATEGORIES = new Set(['adoption', 'integration', 'technical', 'product', 'support', 'data']);

/** The Share cell decides (`yes`/`no`); blank or unreadable falls back to the category default. */
export function isShared(share: string | null, category: string | null): boolean {
  const s = share?.trim().toLowerCase() ?? '';
  if (['yes', 'y', 'true', 'shared', 'share', 'x', '✓'].includes(s)) return true;
  if (['no', 'n', 'false', 'internal', 'private'].includes(s)) return false;
  return category !== null && SHARED_CATEGORIES.has(category.trim().toLowerCase());
}

export function riskReview(r: RowOf<'risks'>): { risk: RiskReview; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const level = (header: 'Likelihood' | 'Impact', text: string | null): Level | null => {
    const v = parseLevel(text);
    if (v === undefined) {
      problems.push({ row: r.row, column: header, value: text, message: `${header} should be H, M or L (High, Medium, Low)` });
      return null;
    }
    if (v === null) problems.push({ row: r.row, column: header, value: null, message: `${header} is missing, so the risk cannot be placed` });
    return v;
  };
  const likelihood = level('Likelihood', r.likelihood);
  const impact = level('Impact', r.impact);
  const open = r.status === null || !CLOSED.includes(r.status.trim().toLowerCase());
  let esc: Escalation | null = null;
  if (likelihood !== null && impact !== null) {
    esc = escalation(likelihood, impact, r.arrAtRisk);
    // Only a high-likelihood risk can escalate on ARR; without the number it may be understated.
    if (r.arrAtRisk === null && likelihood === 'H' && open) {
      problems.push({ row: r.row, column: 'ARR at Risk', value: null, message: `ARR at Risk is missing, so escalation "${esc}" may be understated` });
    }
  }
  return {
    risk: {
      risk: r.risk, category: r.category, likelihood, impact, arrAtRisk: r.arrAtRisk,
      quadrant: likelihood !== null && impact !== null ? quadrant(likelihood, impact) : null,
      escalation: esc, mitigation: r.mitigation, owner: r.owner, status: r.status, open,
      shared: isShared(r.share, r.category),
    },
    problems,
  };
}

export function opportunities(rows: RowOf<'opportunities'>[]): { total: number | null; weighted: number | null; items: OpportunityReview[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const items = rows.map((r): OpportunityReview => {
    if (r.potentialArr === null) problems.push({ row: r.row, column: 'Potential ARR', value: null, message: `Potential ARR of "${r.opportunity}" is missing` });
    else if (r.probability === null) problems.push({ row: r.row, column: 'Probability', value: null, message: `Probability of "${r.opportunity}" is missing, so it is left out of the weighted pipeline` });
    if (r.probability !== null && (r.probability < 0 || r.probability > 1)) {
      problems.push({ row: r.row, column: 'Probability', value: String(r.probability), message: 'Probability must be between 0% and 100%; it is not used' });
    }
    const probability = r.probability !== null && r.probability >= 0 && r.probability <= 1 ? r.probability : null;
    return {
      opportunity: r.opportunity, type: r.type, potentialArr: r.potentialArr, probability,
      weighted: r.potentialArr !== null && probability !== null ? r.potentialArr * probability : null,
      timeline: r.timeline, sponsor: r.sponsor, nextStep: r.nextStep,
    };
  });
  const sum = (values: (number | null)[]) => {
    const known = values.filter((v): v is number => v !== null);
    return known.length > 0 ? known.reduce((a, b) => a + b, 0) : null;
  };
  return { total: sum(items.map((i) => i.potentialArr)), weighted: sum(items.map((i) => i.weighted)), items, problems };
}
