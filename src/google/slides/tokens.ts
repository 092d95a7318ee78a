/** The template language's grammar (docs/TEMPLATE.md): `{{token}}` syntax, slide keys, variant tags, object-ID rules. */
import type { DeckPlan } from '../../core/package/types';

export type Variant = DeckPlan['variant'];

export const VARIANTS: readonly Variant[] = ['ebr', 'enterprise', 'midmarket', 'smb'];

/** Every slide key a deck plan can contain: a template slide is tagged with one of these. */
export const SLIDE_KEYS = [
  'title', 'agenda', 'partnership-summary', 'exec-summary', 'executive-alignment', 'priorities',
  'value-roi', 'adoption-trend', 'support', 'health', 'success-plan',
  'roadmap', 'technical', 'risks-opportunities', 'renewal-outlook', 'asks', 'actions', 'appendix', 'appendix-metrics', 'appendix-methodology',
] as const;

/**
 * Variant names as written in tags. Short forms exist because an object-ID tag must fit Google's 50-character limit
 * (`qbr__appendix-methodology__ebr_enterprise_midmarket` would be 51).
 */
const VARIANT_NAMES: Record<string, Variant> = {
  ebr: 'ebr', enterprise: 'enterprise', ent: 'enterprise', midmarket: 'midmarket', mm: 'midmarket', smb: 'smb',
};

export const VARIANT_CODES: Record<Variant, string> = { ebr: 'ebr', enterprise: 'ent', midmarket: 'mm', smb: 'smb' };

/** A whole token: `{{` name `}}`, the name free of braces; spaces inside the braces are allowed and ignored. */
export const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

export interface Token {
  /** Exactly as written in the template (what replaceAllText must match). */
  raw: string;
  /** Lower-cased, trimmed: what the token means. */
  name: string;
}

export function tokensIn(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ raw: m[0], name: m[1]!.trim().toLowerCase() }));
}

/** `{{` left over once every whole token is removed: a typo such as `{{title}` that no request could fill. */
export function strayOpenings(text: string): number {
  return (text.replace(TOKEN, '').match(/\{\{/g) ?? []).length;
}

/** Substitutes every whole token through `value`, then drops stray `{{`, so the result never holds an opening. */
export function substitute(text: string, value: (t: Token) => string): string {
  const out = text.replace(TOKEN, (raw: string, name: string) => value({ raw, name: name.trim().toLowerCase() }));
  return out.replace(/\{\{/g, '');
}

/**
 * Data never brings a token in: `{{` / `}}` inside tracker text is spaced apart (`{ {`), so a value cannot be mistaken
 * for a token by a later replaceAllText, and "no `{{` survives a fill" holds whatever the tracker says.
 */
export function sanitize(text: string): string {
  return text.replace(/\{(?=\{)/g, '{ ').replace(/\}(?=\})/g, '} ');
}

export function parseVariants(list: string): { variants: Variant[]; unknown: string[] } {
  const variants: Variant[] = [];
  const unknown: string[] = [];
  for (const part of list.split(/[\s,_]+/).filter(Boolean)) {
    const v = VARIANT_NAMES[part.toLowerCase()];
    if (v) { if (!variants.includes(v)) variants.push(v); } else unknown.push(part);
  }
  return { variants, unknown };
}

/** `qbr__exec-summary` or `qbr__partnership-summary__ebr`: the tag a template built through the API carries in its slide IDs. */
const ID_TAG = /^qbr__([a-z0-9-]+?)(?:__([a-z_]+))?$/;

export function objectIdTag(objectId: string): { key: string; variants: Variant[] | null } | null {
  const m = ID_TAG.exec(objectId);
  if (!m) return null;
  if (m[2] === undefined) return { key: m[1]!, variants: null };
  const { variants, unknown } = parseVariants(m[2]);
  return unknown.length > 0 || variants.length === 0 ? null : { key: m[1]!, variants };
}

export function slideObjectId(key: string, variants: readonly Variant[] | null): string {
  return variants === null ? `qbr__${key}` : `qbr__${key}__${variants.map((v) => VARIANT_CODES[v]).join('_')}`;
}

/** Google's rule for a caller-chosen object ID: 5–50 characters, `[a-zA-Z0-9_]` then `[a-zA-Z0-9_-:]`. */
export function isObjectId(id: string): boolean {
  return /^[a-zA-Z0-9_][a-zA-Z0-9_\-:]{4,49}$/.test(id);
}
