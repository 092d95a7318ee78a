/** Card HTML helpers: escaping for tracker text, band colours and badges, links; the only place views build markup. */
import { escapeHtml } from '../../core/package/html';
import type { Band, Escalation } from '../../core/analysis/types';
import type { CardHtml } from './spec';

/** Material-ish tones dark enough to read on a white sidebar (the lighter 500s fail contrast for small text). */
export const BAND_COLOURS: Record<Band, string> = { Green: '#2E7D32', Yellow: '#8F5500', Red: '#C62828' };
export const GREY = '#5F6368';
export const RED = BAND_COLOURS.Red;
export const AMBER = BAND_COLOURS.Yellow;
/** The filled button colour of the main action on a card. */
export const PRIMARY = '#1A73E8';

/** Any text from a sheet (names, risks, actions, findings) goes through here before it meets card HTML (the emails' escaper). */
export function escapeCardHtml(text: string): CardHtml {
  return escapeHtml(text);
}

export function bold(html: CardHtml): CardHtml {
  return `<b>${html}</b>`;
}

export function colour(hex: string, html: CardHtml): CardHtml {
  return `<font color="${hex}">${html}</font>`;
}

/** `<a href>` with both parts escaped: the URL may come from a sheet cell too. */
export function link(url: string, text: string): CardHtml {
  return `<a href="${escapeCardHtml(url)}">${escapeCardHtml(text)}</a>`;
}

/** `● Green 85` in the band's colour; a dot and a word, not emoji, so it reads the same in every client and to screen readers. */
export function bandBadge(band: Band | null, score: number | null): CardHtml {
  if (band === null || score === null) return colour(GREY, bold('● No health score'));
  return colour(BAND_COLOURS[band], bold(`● ${band} ${score}`));
}

/** A band word alone (action completion has a band but the number is a percentage). */
export function bandWord(band: Band | null, text: string): CardHtml {
  return band === null ? colour(GREY, escapeCardHtml(text)) : colour(BAND_COLOURS[band], bold(escapeCardHtml(text)));
}

export function escalationColour(e: Escalation | null): string {
  return e === 'Critical' || e === 'High' ? RED : e === 'Medium' ? AMBER : GREY;
}

/** `1 account`, `3 accounts`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
