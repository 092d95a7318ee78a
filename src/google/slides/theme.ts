/** The Slides look: the same navy/teal palette as the offline .pptx (src/render/pptx/theme.ts), as Slides API colours. */
import { BRAND, TONE_COLOR } from '../../core/package/brand';
import type { Tone } from '../../core/package/types';

export const HEX = { ...BRAND, calloutFill: 'EAF6F6' } as const;

/** Tone → text colour; neutral keeps the template's own colour (null). Amber is darkened so it passes contrast on white. */
export const TONE_HEX: Record<Tone, string | null> = { ...TONE_COLOR, neutral: null };

export const FONT = 'Arial';

/** `1F2A44` → Slides' `{ rgbColor: { red, green, blue } }` with 0–1 components. */
export function rgb(hex: string): { rgbColor: { red: number; green: number; blue: number } } {
  const c = (i: number) => Math.round((parseInt(hex.slice(i, i + 2), 16) / 255) * 1000) / 1000;
  return { rgbColor: { red: c(0), green: c(2), blue: c(4) } };
}

export const pt = (magnitude: number) => ({ magnitude, unit: 'PT' as const });
