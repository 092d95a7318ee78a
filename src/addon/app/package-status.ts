/** What exists of an account's QBR package, from the saved run state and the QBR Log: the links, counts and steps the cards show. */
import type { AccountReview } from '../../core/analysis/types';
import { buildPackage } from '../../core/package/package';
import { parseDate } from '../../core/tracker/cells';
import type { Cell } from '../../core';
import type { AccountRunState } from '../../google/run-state';
import type { LogRecord } from '../../google/tracker-io';
import type { PackagePart } from '../../google/package-run';
import { addonHolidays } from '../gas/holidays';

export interface PackageStatus {
  /** The QBR date the package was made for: the saved run's, else the QBR Log row's. */
  qbrDate: string | null;
  deckUrl: string | null;
  /** Pre-read, action plan, then the internal prep brief, each where it exists. */
  docs: { title: string; url: string }[];
  draftCount: number;
  holds: { title: string; date: string }[];
  /** Holds known only by count (from the log, without a run state to name them). */
  holdCount: number;
  /** The run's steps: deck, docs, drafts, holds (those asked for), then the QBR Log row. */
  steps: { done: number; total: number };
  generatedAt: string | null;
}

const deckUrl = (id: string) => `https://docs.google.com/presentation/d/${id}/edit`;
const docUrl = (id: string) => `https://docs.google.com/document/d/${id}/edit`;
const DOC_TITLES = { 'pre-read': 'Pre-read', 'action-plan': 'Action plan', 'prep-brief': 'Prep brief' } as const;
const split = (text: string) => text.split(/,\s*/).map((x) => x.trim()).filter(Boolean);

/** The latest QBR Log row of an account (ISO timestamps sort as times). */
export function latestLog(log: LogRecord[], accountId: string): LogRecord | null {
  let best: LogRecord | null = null;
  for (const r of log) if (r.accountId === accountId && (!best || best.generatedAt < r.generatedAt)) best = r;
  return best;
}

/**
 * The run state names what this run made (and its holds by key, so titles and dates come from the plan); the log
 * row fills in what an earlier run made when the state is gone or from another QBR date.
 */
export function packageStatus(review: AccountReview, today: string, state: AccountRunState | null, log: LogRecord | null, parts?: Partial<Record<PackagePart, boolean>>): PackageStatus {
  const st = state && state.qbrDate ? state : null;
  const plan = buildPackage(review, { today, holidays: addonHolidays(), ...(st ? { qbrDate: st.qbrDate } : {}) });
  const docs: { title: string; url: string }[] = [];
  for (const k of ['pre-read', 'action-plan', 'prep-brief'] as const) {
    const d = st?.docs?.[k];
    if (d) docs.push({ title: DOC_TITLES[k], url: docUrl(d.id) });
  }
  const logDocs = log ? split(log.docUrl) : [];
  if (docs.length === 0 && logDocs.length > 0) {
    // The run writes them in this order; three means the prep brief is the last.
    const titles = logDocs.length >= 3 ? ['Pre-read', 'Action plan', 'Prep brief'] : ['Pre-read', 'Action plan'];
    logDocs.forEach((url, i) => docs.push({ title: titles[i] ?? `Doc ${i + 1}`, url }));
  }
  const stateDrafts = Object.values(st?.drafts ?? {}).filter(Boolean).length;
  const logDrafts = log ? [...log.draftId.matchAll(/(summary|invitation)=/g)].length || split(log.draftId).length : 0;
  const holds = plan.holds.filter((h) => st?.holds?.includes(h.key)).map((h) => ({ title: h.title, date: h.date }));
  const logHolds = log ? split(log.eventIds).length : 0;

  const want = (p: PackagePart) => !parts || parts[p] === true;
  const hasDeck = plan.deck !== null;
  const steps: boolean[] = [];
  if (hasDeck && want('deck')) steps.push(Boolean(st?.deckFilled));
  if (hasDeck && want('docs')) steps.push(['pre-read', 'action-plan', 'prep-brief'].every((k) => st?.docs?.[k as 'pre-read']?.filled));
  if (want('drafts')) steps.push(stateDrafts >= plan.emails.length);
  if (hasDeck && want('holds')) steps.push(Boolean(st?.previousTrashed || st?.trackerWritten) || (st?.holds?.length ?? 0) >= plan.holds.length);
  steps.push(Boolean(st?.trackerWritten));

  return {
    qbrDate: st?.qbrDate ?? logQbrDate(log),
    deckUrl: st?.deckId ? deckUrl(st.deckId) : log?.deckUrl || null,
    docs,
    draftCount: Math.max(stateDrafts, logDrafts),
    holds,
    holdCount: Math.max(holds.length, logHolds),
    steps: { done: steps.filter(Boolean).length, total: steps.length },
    generatedAt: log?.generatedAt || null,
  };
}

function logQbrDate(log: LogRecord | null): string | null {
  if (!log) return null;
  const d = parseDate(log.qbrDate as Cell);
  return d.ok ? d.value : null;
}
