/** The deck's look in one place: palette, fonts, type sizes and the slide grid (inches, LAYOUT_WIDE 13.33 × 7.5). */
import { BRAND } from '../../core/package/brand';
import type { Tone } from '../../core/package/types';

export const SLIDE_W = 13.333;
export const SLIDE_H = 7.5;

/** Arial everywhere: LibreOffice substitutes the metric-compatible Liberation Sans, so previews wrap like PowerPoint. */
export const FONT = 'Arial';

export const COLOR = {
  ...BRAND,
  navySoft: '2C3A5A',
  zebra: 'F7F9FB',
  amberFill: 'FFF4D6',
  amberLine: 'F9A825',
} as const;

/** Tone → text colour. Amber text is darkened (B26A00) because #F9A825 on white fails contrast. */
export const TONE_TEXT: Record<Tone, string> = {
  good: '2E7D32',
  warn: 'B26A00',
  bad: 'C62828',
  neutral: COLOR.slate,
};

/** Tone → accent used for bars and rules, where the brighter amber reads well. */
export const TONE_ACCENT: Record<Tone, string> = {
  good: '2E7D32',
  warn: 'F9A825',
  bad: 'C62828',
  neutral: COLOR.slate,
};

/** Tone → pale callout fill behind a text block. */
export const TONE_FILL: Record<Tone, string> = {
  good: 'EAF4EA',
  warn: 'FFF6DE',
  bad: 'FBEAEA',
  neutral: 'EEF1F5',
};

/** Chart series colours, most important first: teal, navy, then quieter greys. */
export const SERIES_COLORS = [COLOR.teal, COLOR.navy, '9AA5B8', 'F9A825', '6C8EBF'];

/** Type sizes (pt). One place, so measuring and drawing agree. */
export const SIZE = {
  coverTitle: 44,
  coverSubtitle: 22,
  coverDate: 14,
  sectionTitle: 40,
  title: 26,
  titleSmall: 22,
  subtitle: 14,
  heading: 13,
  body: 18,
  bodySmall: 16,
  bodyTiny: 14,
  callout: 16,
  tableLarge: 14,
  table: 12,
  tableSmall: 11,
  kpiValue: 32,
  kpiLabel: 11,
  kpiDetail: 12,
  kpiSource: 8,
  strip: 10,
  sources: 8,
  footer: 9,
} as const;

/** The content-slide grid. Everything below `contentTop` and above the footer belongs to blocks. */
export const GRID = {
  marginX: 0.6,
  contentW: SLIDE_W - 1.2,
  titleY: 0.38,
  titleH: 0.62,
  subtitleY: 0.98,
  subtitleH: 0.36,
  /** Where blocks start with / without a subtitle line. */
  contentTopWithSubtitle: 1.55,
  contentTop: 1.3,
  footerRuleY: 7.0,
  footerY: 7.04,
  footerH: 0.3,
  /** Lowest point a block may reach when nothing sits under it. */
  contentBottom: 6.8,
  sourcesH: 0.24,
  stripH: 0.34,
  /** Vertical space between stacked blocks, and between side-by-side columns. */
  gap: 0.28,
  columnGap: 0.45,
} as const;
