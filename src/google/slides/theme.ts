/** The Slides look: the same navy/teal palette as the offline .pptx (src/render/pptx/theme.ts), as Slides API colours. */
import type { Tone } from '../../core/package/types';

export const HEX = {
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
  calloutFill: 'EAF6F6',
} as const;

/** Tone → text colour; neutral keeps the template's own colour (null). Amber is darkened so it passes contrast on white. */
export const TONE_HEX: Record<Tone, string | null> = { good: '2E7D32', warn: 'B26A00', bad: 'C62828', neutral: null };

export const FONT = 'Arial';

/** `1F2A44` → Slides' `{ rgbColor: { red, green, blue } }` with 0–1 components. */
export function rgb(hex: string): { rgbColor: { red: number; green: number; blue: number } } {
  const c = (i: number) => Math.round((parseInt(hex.slice(i, i + 2), 16) / 255) * 1000) / 1000;
  return { rgbColor: { red: c(0), green: c(2), blue: c(4) } };
}

export const pt = (magnitude: number) => ({ magnitude, unit: 'PT' as const });
