/** Action items (SPEC §3): statuses with Overdue, and the completion rate of the last QBR's commitments. */
import type { IsoDate } from '../dates';
import { parseDate } from '../tracker/cells';
import type { RowOf } from '../tracker/schema';
import { completionBand } from './health';
import type { ActionReview, Band } from './types';

const STATUS_NAMES: Record<string, string> = {
  complete: 'Complete', completed: 'Complete', done: 'Complete', closed: 'Complete',
  cancelled: 'Cancelled', canceled: 'Cancelled', dropped: 'Cancelled', wontdo: 'Cancelled',
  inprogress: 'In Progress', started: 'In Progress', ongoing: 'In Progress',
  notstarted: 'Not Started', open: 'Open', todo: 'Not Started', new: 'Not Started',
  blocked: 'Blocked', onhold: 'On Hold', overdue: 'Overdue',
};

export function normalizeStatus(status: string | null): string {
  if (status === null) return 'Open';
  return STATUS_NAMES[status.toLowerCase().replace(/[^a-z]/g, '')] ?? status.trim();
}

/** The Action ID a Google run gives the CSM's own follow-up task for one of its holds (`QBR-<Account ID>-<QBR date>-T+7`). */
export function ownFollowUpId(accountId: string, qbrDate: string, offset: number): string {
  return `QBR-${accountId}-${qbrDate}-T+${offset}`;
}

/** The CSM's own follow-up tasks the tool wrote (see `ownFollowUpId`): reminders behind its holds, not commitments made with the customer. */
export function isOwnFollowUp(actionId: string): boolean {
  return /^QBR-.+-T\+\d+$/.test(actionId.trim());
}

export function actionReview(r: RowOf<'actions'>, today: IsoDate): ActionReview {
  const writtenStatus = normalizeStatus(r.status);
  return {
    id: r.actionId, action: r.action, owner: r.owner, side: r.side, dueDate: r.dueDate,
    status: statusOn(writtenStatus, r.dueDate, today), writtenStatus,
    linkedTo: r.linkedTo, completionDate: r.completionDate,
  };
}

/** A past-due action that is not Complete/Cancelled is Overdue on `date`; one marked Overdue but not yet due is Open. */
export function statusOn(written: string, dueDate: IsoDate | null, date: IsoDate): string {
  const finished = written === 'Complete' || written === 'Cancelled';
  if (!finished && dueDate !== null && dueDate < date) return 'Overdue';
  if (written === 'Overdue' && (dueDate === null || dueDate >= date)) return 'Open';
  return written;
}

export interface ActionSummary {
  completionRate: number | null;
  band: Band | null;
  overdue: string[];
  basis: 'last-qbr' | 'all';
  items: ActionReview[];
}

/**
 * Completion = Complete ÷ (all − Cancelled) over the actions linked to the Last QBR Date,
 * or over all of the account's actions when none is linked to it.
 */
export function actionSummary(items: ActionReview[], lastQbr: IsoDate | null, dateOrder: 'MDY' | 'DMY'): ActionSummary {
  const linked = lastQbr === null ? [] : items.filter((a) => {
    if (a.linkedTo === null) return false;
    const d = parseDate(a.linkedTo, { dateOrder });
    return d.ok && d.value === lastQbr;
  });
  const basis = linked.length > 0 ? 'last-qbr' : 'all';
  const counted = (linked.length > 0 ? linked : items).filter((a) => a.status !== 'Cancelled');
  const completionRate = counted.length > 0 ? counted.filter((a) => a.status === 'Complete').length / counted.length : null;
  return {
    completionRate, band: completionBand(completionRate),
    overdue: items.filter((a) => a.status === 'Overdue').map((a) => a.id),
    basis, items,
  };
}
