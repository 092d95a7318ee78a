/**
 * Fill batches applied once: Slides and Docs batches are atomic but not idempotent, so each fill names the revision
 * it was built from (`writeControl.requiredRevisionId`) and a refused or unanswered one is settled by reading again.
 */
import { ApiError, type Effect, type Executor } from './execute';
import type { ApiCall } from './types';

export interface FillSteps<T> {
  /** Reads the file (its `revisionId` and content). */
  read: ApiCall;
  /** True when the content read shows the fill already applied (a lost answer, a resumed run). */
  applied: (current: T) => boolean;
  /** The fill built from this read, carrying its revision as `writeControl.requiredRevisionId`. */
  build: (current: T) => ApiCall;
}

/**
 * Reads, fills with the read's revision, and when Google refuses the revision (400: the file changed since the read,
 * e.g. because a blind retry after a timeout meets the first copy already applied) reads again: applied means done;
 * otherwise someone else changed the file, and the fill is rebuilt from the fresh read once.
 * Returns whether this call applied the fill or found it applied.
 */
export function* fillOnce<T>(exec: Executor, steps: FillSteps<T>): Effect<'filled' | 'found-filled'> {
  let current = (yield* exec.run(steps.read)) as T;
  let refused: ApiError | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (steps.applied(current)) return 'found-filled';
    const call = steps.build(current);
    try {
      yield* exec.run(call);
      return 'filled';
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 400 || !requiresRevision(call)) throw e;
      refused = e;
    }
    current = (yield* exec.run(steps.read)) as T;
  }
  if (steps.applied(current)) return 'found-filled';
  throw refused!;
}

function requiresRevision(call: ApiCall): boolean {
  return Boolean((call.body as { writeControl?: { requiredRevisionId?: string } } | undefined)?.writeControl?.requiredRevisionId);
}

/** `{{` openings left in a presentation's text: a fill replaces every token of the template, so the count drops. */
export function tokensIn(presentation: { slides?: unknown[] }): number {
  return JSON.stringify(presentation.slides ?? []).split('{{').length - 1;
}

/** What a deck looked like when its fill was built, kept in the run state until the fill is known applied. */
export interface DeckFillMark {
  revisionId: string;
  tokens: number;
}

/**
 * Whether the fill built from `mark` is in the deck now. An unchanged revision means an unchanged deck (Slides
 * `revisionId`); a changed one with fewer tokens left means the fill landed (the copy is the app's own, fresh file).
 */
export function deckFillApplied(mark: DeckFillMark | undefined, now: { revisionId?: string; slides?: unknown[] }): boolean {
  if (!mark || !now.revisionId || now.revisionId === mark.revisionId) return false;
  return mark.tokens === 0 || tokensIn(now) < mark.tokens;
}

/** A doc made empty by Drive holds a section break and one empty paragraph [1,2); the fill always writes a title. */
export function docFilled(doc: { body?: { content?: { endIndex?: number }[] } }): boolean {
  const content = doc.body?.content ?? [];
  return (content[content.length - 1]?.endIndex ?? 0) > 2;
}

/** Reads a doc before its fill: its revision, and whether an earlier copy of the fill already landed. */
export function docReadCall(documentId: string): ApiCall {
  return { id: 'docs.documents.get', params: { documentId, fields: 'revisionId,body(content(endIndex))' }, note: 'Read the doc before writing it (revision, and whether it is written already)' };
}

/** The fill with the revision it was built from. */
export function withRevision(call: ApiCall, requiredRevisionId: string | undefined): ApiCall {
  if (!requiredRevisionId) return call;
  return { ...call, body: { ...(call.body as object), writeControl: { requiredRevisionId } } };
}
