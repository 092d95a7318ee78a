/**
 * The follow-up of a recorded QBR (SPEC §4.5): the summary draft, the mutual action plan and the T+7/T+14 holds,
 * rebuilt from what was agreed by the package's own builders (given the record), for the CLI and the add-on alike.
 */
import type { AccountReview } from '../analysis/types';
import type { IsoDate } from '../dates';
import { buildPackage, type PackageOptions } from '../package/package';
import { agreedCommitments, agreedPaths, nextQbrAfterHeld, recordedTakeaways } from '../package/recorded';
import type { DocPlan, EmailPlan, HoldPlan, MissedHold } from '../package/types';
import type { Commitment, ExpansionPath, QbrRecord } from './record';

export interface FollowUp {
  accountId: string;
  accountName: string;
  /** The QBR as planned (the key of its QBR Log row, its holds and `Linked To`). */
  qbrDate: IsoDate;
  held: IsoDate;
  /** The held date plus the account's cadence. */
  nextQbrDue: IsoDate;
  /** The post-QBR summary (kind `summary`): recorded takeaways, exactly `commitments` per side, the paths, the next review. */
  summary: EmailPlan;
  /** The mutual action plan (kind `action-plan`): `commitments`, then the earlier actions still open, marked carried over. */
  actionPlan: DocPlan;
  /** The package's holds still ahead of `today`, the T+7/T+14 ones listing the commitments due by their day; keys as generated before. */
  holds: HoldPlan[];
  /** T+7 and T+14 among `holds` (those not yet past). */
  checkIns: HoldPlan[];
  missedHolds: MissedHold[];
  /** The commitments the files show: the record's, trimmed, each text once — exactly what Actions holds for the QBR. */
  commitments: Commitment[];
  expansionPaths: ExpansionPath[];
  /** For the CSM, never the customer: takeaway lines kept out of the customer's files, recipients without an address. */
  notes: string[];
}

/**
 * The follow-up from a record. `options` are the package's (today, links, holidays, review minutes); its `qbrDate`
 * and `record` are set from `record`. Pass the review read AFTER the record was written back when you can: the action
 * plan then shows each commitment's status as Actions holds it. A Tech-Touch account has no meeting to follow up: an error, in words.
 *
 * @example const f = followUpFromRecord(review, record, { today: '2026-11-20', links, holidays });
 *   if ('error' in f) report(f.error); else { draft(f.summary); doc(f.actionPlan); calendar(f.holds); }
 */
export function followUpFromRecord(review: AccountReview, record: QbrRecord, options: PackageOptions): FollowUp | { error: string } {
  if (review.id.trim().toUpperCase() !== record.accountId.trim().toUpperCase()) {
    return { error: `the record is for ${record.accountId}, not ${review.id}` };
  }
  if (review.deck === null) {
    return { error: `${review.name} is a Tech-Touch account: it gets a digital review by email, with no meeting, summary or action plan to rewrite` };
  }
  const pkg = buildPackage(review, { ...options, qbrDate: record.qbrDate, record });
  const summary = pkg.emails.find((e) => e.kind === 'summary');
  const actionPlan = pkg.docs.find((d) => d.kind === 'action-plan');
  // buildPackage gives both for every account with a deck; checked rather than asserted.
  if (!summary || !actionPlan) return { error: `no summary or action plan could be built for ${review.name}` };
  return {
    accountId: pkg.accountId,
    accountName: pkg.accountName,
    qbrDate: record.qbrDate,
    held: record.held,
    nextQbrDue: nextQbrAfterHeld(review, record),
    summary,
    actionPlan,
    holds: pkg.holds,
    checkIns: pkg.holds.filter((h) => h.offset === 7 || h.offset === 14),
    missedHolds: pkg.missedHolds,
    commitments: agreedCommitments(record),
    expansionPaths: agreedPaths(record),
    notes: [...recordedTakeaways(review, record).withheld, ...summary.missingRecipients.map((m) => `Email recipients: ${m}`)],
  };
}
