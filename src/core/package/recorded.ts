/** A recorded QBR (SPEC §4.5) as the follow-up files show it: the commitments agreed, the takeaways the customer may read, the next review due. */
import type { AccountReview } from '../analysis/types';
import { addMonths, type IsoDate } from '../dates';
import type { Commitment, ExpansionPath, QbrRecord } from '../program/record';
import { same, sideOf } from '../program/record-text';

export { sideOf } from '../program/record-text';
import { forbiddenTerms, leaks } from './audience';

/** An owner or due date a recorded commitment still lacks (the CSM is warned to fill it in): agreed, not still to agree. */
export const TO_CONFIRM = 'To be confirmed';

/**
 * The commitments as agreed: trimmed, those without an action left out, each text once (case and spacing aside) —
 * the same rule the tracker write-back applies, so the files show exactly what Actions holds for the QBR. A side
 * typed loosely (`customer`, `us`) reads `Customer` or `Vendor`.
 */
export function agreedCommitments(record: QbrRecord): Commitment[] {
  const seen = new Set<string>();
  return record.commitments.flatMap((c) => {
    const action = c.action.trim();
    if (action === '' || seen.has(same(action))) return [];
    seen.add(same(action));
    return [{ action, owner: c.owner?.trim() || null, side: sideOf(c.side) ?? (c.side?.trim() || null), due: c.due }];
  });
}

/** The same commitments soonest due first, those without a date last (the record's order otherwise): what is due first is read first. */
export function byDue<T extends { due: IsoDate | null }>(list: T[]): T[] {
  const key = (c: T) => c.due ?? '9999-12-31';
  // Array.prototype.sort is stable: equal dates keep the record's order.
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function agreedPaths(record: QbrRecord): ExpansionPath[] {
  const seen = new Set<string>();
  return record.expansionPaths.flatMap((p) => {
    const opportunity = p.opportunity.trim();
    if (opportunity === '' || seen.has(same(opportunity))) return [];
    seen.add(same(opportunity));
    return [{ opportunity, sponsor: p.sponsor?.trim() || null, nextStep: p.nextStep?.trim() || null, potentialArr: p.potentialArr }];
  });
}

/** The next review is due a cadence after the day the QBR was actually held. */
export function nextQbrAfterHeld(r: Pick<AccountReview, 'cadenceMonths'>, record: Pick<QbrRecord, 'held'>): IsoDate {
  return addMonths(record.held, r.cadenceMonths);
}

/**
 * The takeaways, one per line (a leading `-`/`•` dropped), split into those the customer may read and those withheld:
 * a line quoting an internal risk or its mitigation, ARR at risk, an escalation level or a risk quadrant stays out of
 * the customer's files (SPEC §4.0) and is reported to the CSM instead. Wording rules meant for generated text
 * ("Add … to", tab names) are not applied: the CSM wrote these words for the customer.
 */
export function recordedTakeaways(r: AccountReview, record: QbrRecord): { shown: string[]; withheld: string[] } {
  const agreed = new Set(agreedCommitments(record).map((c) => same(c.action)));
  const terms = forbiddenTerms(r).filter((t) => /^(internal risk|ARR at risk|escalation level|risk quadrant)/.test(t.what)
    // A mitigation agreed in the room is now a commitment both sides see.
    || (/^internal mitigation "/.test(t.what) && !agreed.has(same(t.what.slice('internal mitigation "'.length, -1)))));
  const lines = record.takeaways.split(/\r?\n/).map((l) => l.replace(/^\s*(?:[-•*]\s+)/, '').trim()).filter(Boolean);
  const shown: string[] = [];
  const withheld: string[] = [];
  for (const line of lines) {
    const hits = leaks(line, terms);
    if (hits.length === 0) shown.push(line);
    else withheld.push(`takeaway "${line}" is kept out of the customer's files (${hits.map((h) => h.split(':')[0]).join(', ')})`);
  }
  return { shown, withheld };
}
