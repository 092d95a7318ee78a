/** Deck plans by variant (SPEC §4): which slides, in which order, for an executive, enterprise, mid-market or SMB review. */
import type { AccountReview, DeckVariant } from '../../analysis/types';
import type { IsoDate } from '../../dates';
import type { DeckPlan, SlidePlan } from '../types';
import { detailedMetricsSlide, methodologySlide, sectionSlide } from './appendix-slides';
import { deckContext, type DeckContext } from './context';
import { executiveAlignmentSlide, partnershipSlide, renewalOutlookSlide } from './ebr-slides';
import { actionsSlide, risksSlide, roadmapSlide, strategicSlide, successPlanSlide } from './plan-slides';
import { agendaSlide, businessContextSlide, executiveSummarySlide, prioritiesSlide, titleSlide } from './summary-slides';
import { adoptionTrendSlide, featureAdoptionSlide, healthSlide, outcomesSlide, roiSlide } from './value-slides';

type Build = (c: DeckContext, x: DeckExtras) => SlidePlan;

export interface DeckExtras {
  variant: DeckVariant;
  /** Post-QBR holds with their (weekend-adjusted) dates, for the next-steps slide. */
  followUps: { label: string; date: IsoDate }[];
  reviewMinutes?: number | null;
}

const S: Record<string, Build> = {
  title: (c) => titleSlide(c),
  agenda: (c, x) => agendaSlide(c, x.variant),
  summary: (c) => executiveSummarySlide(c),
  context: (c) => businessContextSlide(c),
  priorities: (c) => prioritiesSlide(c),
  roi: (c) => roiSlide(c),
  outcomes: (c) => outcomesSlide(c),
  adoption: (c) => adoptionTrendSlide(c),
  features: (c) => featureAdoptionSlide(c),
  health: (c) => healthSlide(c),
  strategic: (c) => strategicSlide(c),
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

/** The main slides per variant; the appendix (and its data-to-confirm slide) follows. `enterprise` is SPEC §4's 15. */
export const OUTLINES: Record<DeckVariant, { main: string[]; appendix: string[] }> = {
  enterprise: {
    main: ['title', 'agenda', 'summary', 'context', 'priorities', 'roi', 'outcomes', 'adoption', 'features', 'health', 'strategic', 'successPlan', 'roadmap', 'risks', 'actions'],
    appendix: ['appendix', 'metrics', 'methodology'],
  },
  ebr: {
    main: ['title', 'agenda', 'partnership', 'summary', 'alignment', 'context', 'priorities', 'roi', 'outcomes', 'adoption', 'features', 'health', 'strategic', 'successPlan', 'roadmap', 'risks', 'renewal', 'actions'],
    appendix: ['appendix', 'metrics', 'methodology'],
  },
  midmarket: {
    main: ['title', 'agenda', 'summary', 'roi', 'outcomes', 'adoption', 'health', 'roadmap', 'risks', 'actions'],
    appendix: ['methodology'],
  },
  smb: { main: ['title', 'summary', 'adoption', 'roadmap', 'actions'], appendix: [] },
};

export function planDeck(r: AccountReview, qbrDate: IsoDate, today: IsoDate, extras: Omit<DeckExtras, 'variant'>, accountWarnings: string[]): DeckPlan {
  const variant = r.deck!;
  const c = deckContext(r, qbrDate, today, extras.reviewMinutes ?? null);
  const x: DeckExtras = { variant, ...extras };
  const outline = OUTLINES[variant];
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
