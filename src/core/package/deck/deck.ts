/** Deck plans by variant (SPEC §4): which slides, in which order, for an executive, enterprise, mid-market or SMB review. */
import type { AccountReview, DeckVariant } from '../../analysis/types';
import type { IsoDate } from '../../dates';
import type { DeckPlan, SlidePlan } from '../types';
import { detailedMetricsSlide, methodologySlide, sectionSlide } from './appendix-slides';
import { deckContext, type DeckContext } from './context';
import { executiveAlignmentSlide, partnershipSlide, renewalOutlookSlide } from './ebr-slides';
import { actionsSlide, risksSlide, roadmapSlide, successPlanSlide } from './plan-slides';
import { agendaSlide, executiveSummarySlide, prioritiesSlide, titleSlide } from './summary-slides';
import { adoptionTrendSlide, healthSlide, roiSlide } from './value-slides';
import { asksSlide, supportSlide, technicalAttendees, technicalSlide } from './next-slides';

type Build = (c: DeckContext, x: DeckExtras) => SlidePlan;

export interface DeckExtras {
  variant: DeckVariant;
  /** Post-QBR holds with their (weekend-adjusted) dates, for the next-steps slide. */
  followUps: { label: string; date: IsoDate }[];
  reviewMinutes?: number | null;
  /** The outline's slide names after the conditional sections are decided (the agenda follows them). */
  sections?: string[];
}

const S: Record<string, Build> = {
  title: (c) => titleSlide(c),
  agenda: (c, x) => agendaSlide(c, x.variant, x.sections),
  summary: (c) => executiveSummarySlide(c),
  priorities: (c) => prioritiesSlide(c),
  roi: (c) => roiSlide(c),
  adoption: (c) => adoptionTrendSlide(c),
  support: (c) => supportSlide(c),
  technical: (c) => technicalSlide(c),
  asks: (c) => asksSlide(c),
  health: (c) => healthSlide(c),
  successPlan: (c) => successPlanSlide(c),
  roadmap: (c) => roadmapSlide(c),
  risks: (c) => risksSlide(c),
  actions: (c, x) => actionsSlide(c, x.followUps),
  partnership: (c) => partnershipSlide(c),
  alignment: (c) => executiveAlignmentSlide(c),
  renewal: (c) => renewalOutlookSlide(c),
  appendix: (c) => sectionSlide('appendix', 'Appendix', `${c.r.name} · ${c.quarterName}`),
  metrics: (c) => detailedMetricsSlide(c),
  methodology: (c) => methodologySlide(c),
};

/**
 * The main slides per variant (SPEC §4.2, at most 15); the appendix follows. `technical` appears only when a technical
 * leader attends; `renewal` on a mid-market deck only when the renewal is within 9 months.
 */
export const OUTLINES: Record<DeckVariant, { main: string[]; appendix: string[] }> = {
  enterprise: {
    main: ['title', 'agenda', 'summary', 'priorities', 'roi', 'adoption', 'support', 'health', 'successPlan', 'roadmap', 'technical', 'risks', 'asks', 'actions'],
    appendix: ['appendix', 'metrics', 'methodology'],
  },
  ebr: {
    main: ['title', 'agenda', 'partnership', 'summary', 'alignment', 'roi', 'adoption', 'support', 'successPlan', 'roadmap', 'technical', 'risks', 'renewal', 'asks', 'actions'],
    appendix: ['appendix', 'metrics', 'methodology'],
  },
  midmarket: {
    main: ['title', 'agenda', 'summary', 'priorities', 'roi', 'adoption', 'roadmap', 'technical', 'risks', 'renewal', 'actions'],
    appendix: ['methodology'],
  },
  smb: { main: ['title', 'summary', 'roi', 'adoption', 'roadmap', 'actions'], appendix: [] },
};

/** The outline for this account: conditional sections decided from who attends and when the renewal falls. */
export function outlineFor(variant: DeckVariant, c: DeckContext): { main: string[]; appendix: string[] } {
  const o = OUTLINES[variant];
  const months = c.r.renewal.monthsToRenewal;
  const keep = (name: string) => {
    if (name === 'technical') return technicalAttendees(c).length > 0;
    if (name === 'renewal' && variant === 'midmarket') return months !== null && months >= 0 && months <= 9;
    return true;
  };
  return { main: o.main.filter(keep), appendix: o.appendix };
}

export function planDeck(r: AccountReview, qbrDate: IsoDate, today: IsoDate, extras: Omit<DeckExtras, 'variant'>, accountWarnings: string[]): DeckPlan {
  const variant = r.deck!;
  const c = deckContext(r, qbrDate, today, extras.reviewMinutes ?? null);
  const outline = outlineFor(variant, c);
  const x: DeckExtras = { variant, ...extras, sections: outline.main };
  // What is still to confirm goes to the prep brief (SPEC §4.0), never onto a slide the customer may receive.
  const slides = [...outline.main, ...outline.appendix].map((key) => S[key]!(c, x));
  void accountWarnings;
  return {
    variant,
    title: `${r.name} ${r.reviewType}`,
    subtitle: `${r.name} · ${r.reviewType} · ${c.quarterName}`,
    accountName: r.name,
    slides,
  };
}
