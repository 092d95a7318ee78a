/** What the QBR Log row says of a package (read back by a re-run) and the row a run writes for it. */
import { ownFollowUpId } from '../core/analysis/actions';
import type { AccountReview } from '../core/analysis/types';
import type { IsoDate } from '../core/dates';
import { keyFiguresFrom, type KeyFigures } from '../core/package/changes';
import type { QbrPackage } from '../core/package/types';
import { parseDate } from '../core/tracker/cells';
import type { Cell } from '../core/tracker/workbook';
import { deckRecordCell, deckRecordOf, type DeckRecord } from './deck-refresh';
import { parseDocRecord, type DocKind, type DocRecord } from './doc-record';
import { draftIdsCell, parseDraftIds, type DraftKind, type KnownDraft } from './gmail';
import type { AccountRunState } from './run-state';
import type { ActionRow, QbrLogRow } from './sheets';
import { qbrLogRecords, type GoogleTracker } from './tracker-io';
import type { PackagePart } from './package-run';

export const deckUrl = (id: string) => `https://docs.google.com/presentation/d/${id}/edit`;
export const docUrl = (id: string) => `https://docs.google.com/document/d/${id}/edit`;
export interface PreviousRun {
  /** What the fill wrote in the deck the row points at (its Deck Record), or null: no refresh in place without it. */
  record: DeckRecord | null;
  /** The key figures that package was built on (the QBR Log's Key Figures), for the change report. */
  figures: KeyFigures | null;
  deckId: string | null;
  docs: Partial<Record<'pre-read' | 'action-plan' | 'prep-brief', string>>;
  /** What the tool last wrote in those docs (the QBR Log's Doc Record). */
  docRecord: DocRecord;
  /** The drafts it made, with the message id it last wrote in each (to tell the CSM's edits from ours). */
  drafts: Partial<Record<DraftKind, KnownDraft>>;
  /** The holds' event ids the row lists. */
  eventIds: string[];
  /** The Deck Record cell as written (a refresh where nothing moved need not write it again). */
  recordText: string;
  /** The row lists Calendar holds: a re-run lists them in one call instead of one insert attempt each. */
  logged: boolean;
}

/** The ids an earlier run wrote in the QBR Log row for this account and QBR date (re-runs update, never add). */
export function previousRun(tracker: GoogleTracker | null, accountId: string, qbrDate: IsoDate): PreviousRun {
  const ids = (text: string) => [...text.matchAll(/\/d\/([a-zA-Z0-9_-]+)/g)].map((m) => m[1]!);
  for (const r of qbrLogRecords(tracker)) {
    if (r.accountId !== accountId) continue;
    const d = parseDate(r.qbrDate as Cell);
    if (!d.ok || d.value !== qbrDate) continue;
    const docs = ids(r.docUrl);
    const drafts = parseDraftIds(r.draftId);
    const deckId = ids(r.deckUrl)[0] ?? null;
    return { record: deckRecordOf(r.deckRecord, deckId), figures: figuresOf(r.keyFigures), docRecord: parseDocRecord(r.docRecord), deckId, docs: { ...(docs[0] ? { 'pre-read': docs[0] } : {}), ...(docs[1] ? { 'action-plan': docs[1] } : {}), ...(docs[2] ? { 'prep-brief': docs[2] } : {}) }, drafts, eventIds: r.eventIds.split(',').map((x) => x.trim()).filter(Boolean), recordText: r.deckRecord, logged: r.eventIds.trim() !== '' };
  }
  return { record: null, figures: null, deckId: null, docs: {}, docRecord: {}, drafts: {}, eventIds: [], recordText: '', logged: false };
}

/**
 * The deck record for the QBR Log ('' clears an older one: a deck filled by an earlier, interrupted run has no record
 * here, and a stale record of the same deck would take our new values for the CSM's edits).
 */
export function recordCell(record: DeckRecord, warnings: string[]): string {
  const cell = deckRecordCell(record);
  if (cell && !cell.tables) warnings.push('The deck\'s record is too big for a QBR Log cell (50,000 characters) with its tables, so a re-run refreshes the deck but leaves its tables as they are');
  if (cell) return cell.text;
  warnings.push('The deck\'s record is too big for a QBR Log cell (50,000 characters), so the next run makes a new deck instead of refreshing this one');
  return '';
}

/** The Key Figures cell back as figures; text someone typed over, or an older shape, is no baseline (no report rather than a wrong one). */
function figuresOf(text: string): KeyFigures | null {
  if (!text) return null;
  try {
    return keyFiguresFrom(JSON.parse(text));
  } catch {
    return null;
  }
}

/** The files of the package: this run's, and for a part not made this run, the ones the QBR Log row points at. */
export interface PackageFiles {
  deckId: string | null;
  docs: Partial<Record<DocKind, string>>;
  drafts: Partial<Record<DraftKind, KnownDraft>>;
}

export function madeOrLogged(st: AccountRunState, previous: PreviousRun, want: (part: PackagePart) => boolean): PackageFiles {
  // The run state speaks only for the parts this run made: an earlier partial run's ids there may be older than the
  // log's (a record save rewrote the summary draft since), and the log is right about the others.
  const docs: Partial<Record<DocKind, string>> = want('docs') ? {} : { ...previous.docs };
  if (want('docs')) for (const [k, d] of Object.entries(st.docs ?? {})) if (d) docs[k as DocKind] = d.id;
  const drafts: Partial<Record<DraftKind, KnownDraft>> = want('drafts') ? {} : { ...previous.drafts };
  if (want('drafts')) for (const [k, id] of Object.entries(st.drafts ?? {})) if (id) drafts[k as DraftKind] = { id, messageId: st.draftMessages?.[k as DraftKind] ?? null, content: st.draftContents?.[k as DraftKind] ?? null };
  return { deckId: want('deck') ? st.deckId ?? null : previous.deckId ?? st.deckId ?? null, docs, drafts };
}

export function logRow(review: AccountReview, pkg: QbrPackage, files: PackageFiles, eventIds: string[], warnings: string[], now: Date, docRecord: string | null): QbrLogRow {
  return {
    accountId: review.id,
    qbrDate: pkg.qbrDate,
    deckUrl: files.deckId ? deckUrl(files.deckId) : null,
    // Pre-read, action plan, then the internal prep brief: re-runs read them back in this order.
    docUrl: (['pre-read', 'action-plan', 'prep-brief'] as const).map((k) => files.docs[k]).filter(Boolean).map((id) => docUrl(id!)).join(', ') || null,
    draftId: draftIdsCell(files.drafts) || null,
    eventIds,
    generatedAt: now.toISOString(),
    warnings,
    keyFigures: pkg.figures ? JSON.stringify(pkg.figures) : null,
    docRecord,
  };
}

/** The CSM's post-QBR follow-ups as action items (linked to this QBR, so the next review rates their completion). */
export function followUpActions(review: AccountReview, pkg: QbrPackage): ActionRow[] {
  const what: Record<number, string> = { 1: 'Send the QBR summary and mutual action plan', 7: 'Check in on every action item', 14: 'Send the champion a progress update' };
  return pkg.holds.filter((h) => what[h.offset]).map((h) => ({
    actionId: ownFollowUpId(review.id, pkg.qbrDate, h.offset), accountId: review.id, action: what[h.offset]!,
    owner: review.people.csm, side: 'Vendor', dueDate: h.date, status: 'Open', linkedTo: pkg.qbrDate,
  }));
}


