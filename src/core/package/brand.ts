/** The product's palette, shared by every renderer (offline .pptx/.docx, Google Slides, emails, cards): hex RGB without '#'. */
import type { Tone } from './types';

export const BRAND = {
  navy: '1F2A44',
  teal: '0F9D9A',
  tealLight: '7FD6D3',
  ink: '1F2937',
  slate: '5B6677',
  grey: '8A94A6',
  rule: 'D9DEE5',
  panel: 'F4F6F9',
  white: 'FFFFFF',
  coverMuted: 'C9D3E3',
  amberText: '8A5300',
} as const;

/** Tone → text colour; amber is darkened (B26A00) because #F9A825 on white fails contrast. */
export const TONE_COLOR: Record<Exclude<Tone, 'neutral'>, string> = { good: '2E7D32', warn: 'B26A00', bad: 'C62828' };
