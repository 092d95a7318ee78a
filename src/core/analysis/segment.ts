/** Segment from ARR (or the Segment cell), and what follows from it: review type, cadence, length, deck, next due date. */
import { addMonths, type IsoDate } from '../dates';
import type { Settings } from '../tracker/settings';
import { normalizeName } from '../tracker/schema';
import type { DeckVariant, Segment } from './types';

export interface ReviewPlan {
  reviewType: string;
  cadenceMonths: number;
  reviewLength: string;
  deck: DeckVariant | null;
}

export const REVIEW_PLANS: Record<Segment, ReviewPlan> = {
  Strategic: { reviewType: 'Executive Business Review', cadenceMonths: 3, reviewLength: '90–120 min', deck: 'ebr' },
  Enterprise: { reviewType: 'Quarterly Business Review', cadenceMonths: 3, reviewLength: '60–90 min', deck: 'enterprise' },
  'Mid-Market': { reviewType: 'Business Review', cadenceMonths: 6, reviewLength: '45–60 min', deck: 'midmarket' },
  SMB: { reviewType: 'Success Review', cadenceMonths: 12, reviewLength: '30–45 min', deck: 'smb' },
  'Tech-Touch': { reviewType: 'Digital Review', cadenceMonths: 12, reviewLength: 'async', deck: null },
};

const SEGMENT_NAMES: Record<string, Segment> = {
  strategic: 'Strategic', ebr: 'Strategic',
  enterprise: 'Enterprise', ent: 'Enterprise',
  midmarket: 'Mid-Market', mm: 'Mid-Market', mid: 'Mid-Market',
  smb: 'SMB', smallbusiness: 'SMB',
  techtouch: 'Tech-Touch', digital: 'Tech-Touch', scaled: 'Tech-Touch', lowtouch: 'Tech-Touch',
};

export function segmentFromArr(arr: number, t: Settings['thresholds']): Segment {
  if (arr >= t.strategic) return 'Strategic';
  if (arr >= t.enterprise) return 'Enterprise';
  if (arr >= t.midMarket) return 'Mid-Market';
  if (arr >= t.smb) return 'SMB';
  return 'Tech-Touch';
}

/** A recognised Segment cell, or null (the caller names an unrecognised one). */
export function segmentFromText(text: string): Segment | null {
  return SEGMENT_NAMES[normalizeName(text).replace(/[^a-z]/g, '')] ?? null;
}

/** Next QBR due = Last QBR Date + cadence, or Contract Start + cadence when none was held yet. */
export function nextQbrDue(lastQbr: IsoDate | null, contractStart: IsoDate | null, cadenceMonths: number): IsoDate | null {
  const from = lastQbr ?? contractStart;
  return from === null ? null : addMonths(from, cadenceMonths);
}

/** Overdue when the due date has passed and no QBR Date on or after today is set. */
export function isOverdue(due: IsoDate | null, qbrDate: IsoDate | null, today: IsoDate): boolean {
  if (due === null || due >= today) return false;
  return !(qbrDate !== null && qbrDate >= today);
}
