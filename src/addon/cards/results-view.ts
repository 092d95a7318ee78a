/** The results card (links to what a run made, the holds, warnings, progress of a run still going) and the error card (what broke, what to fix). */
import { isIsoDate } from '../../core/dates';
import { formatter } from '../../core/package/format';
import type { FigureChange } from '../../core/package/changes';
import type { ActionSpec, ButtonSpec, CardSpec, SectionSpec, WidgetSpec } from './spec';
import { bold, colour, escapeCardHtml, GREY, plural, PRIMARY, RED } from './text';

export const GMAIL_DRAFTS_URL = 'https://mail.google.com/mail/#drafts';

export interface ResultsInput {
  accountName: string;
  deckUrl?: string | null;
  docUrls?: { title: string; url: string }[];
  draftIds?: string[];
  /** Drafts known only by count (a refresh reads them from the saved run or the QBR Log). */
  draftCount?: number;
  /** Holds created or updated; `date` is `YYYY-MM-DD`. */
  holds?: { title: string; date: string }[];
  /** Holds known only by count (the QBR Log's event ids), when more than `holds` names. */
  holdCount?: number;
  warnings: string[];
  /** Set while steps are still running in the background (the 30-second budget ran out). */
  inProgress?: BackgroundProgress | null;
  /** What `inProgress` counts (`step`, or `account` for a book run). */
  unit?: string;
  /** Locale for the hold dates (the account's); en-US when not given. */
  locale?: string;
  /**
   * What moved since the package the QBR Log recorded for this account and date (already formatted in the
   * account's locale and currency, alerts first); null or absent when there was no earlier package.
   */
  changes?: FigureChange[] | null;
  /** What a re-run did to the deck and docs it found (refreshed in place, the CSM's edits kept), or that it made them anew. */
  refresh?: InPlaceReport | null;
}

/** What a re-run did in place, small enough for one saved property (the background-finish path shows it too). */
export interface InPlaceReport {
  /** Made from scratch on request: the old deck and docs kept, renamed "… (previous)". */
  regenerated?: boolean;
  /** Deck values rewritten and linked charts refreshed (absent: the deck was not refreshed). */
  deck?: { rewritten: number; charts: number };
  docs?: { doc: string; outcome: 'refreshed' | 'unchanged' | 'edited' | 'remade'; updated: number }[];
  /** The CSM's deck edits: kept (with what the tracker says now, when it moved) or left deleted. */
  edits?: { slide: number | null; label: string; now?: string; gone?: boolean }[];
  /** The docs' own lines ("pre-read, Value delivered: you edited this; the tracker now says …"). */
  notes?: string[];
}

const VISIBLE_CHANGES = 5;
/** Edits listed one by one; the rest counted (a card holds 100 widgets). */
const MAX_EDITS = 12;
const MAX_WARNINGS = 20;

const VISIBLE_HOLDS = 4;

/** Work continuing in the background: counts, and how it continues (a trigger soon, hourly, or only by Continue). */
export interface BackgroundProgress {
  done: number;
  total: number;
  failed?: number;
  /** `soon` (default): a trigger within minutes; `hourly`: Google allows this add-on one background run an hour; `manual`: no trigger allowed. */
  continuation?: 'soon' | 'hourly' | 'manual';
  jobId?: string;
  /** The account a one-account run is for: Refresh rebuilds that account's results. */
  accountId?: string;
}

/**
 * The progress line and its button, on the results and manager cards. Where no trigger comes soon, the card says
 * so and offers Continue (a batch run right here, about 20 seconds), so a run never sits at "running" unexplained.
 */
export function progressWidgets(p: BackgroundProgress, unit: string, lead = 'Running in the background'): WidgetSpec[] {
  const params = { ...(p.jobId ? { jobId: p.jobId } : {}), ...(p.accountId ? { accountId: p.accountId } : {}) };
  const action: ActionSpec = { name: 'refreshJob', ...(Object.keys(params).length > 0 ? { params } : {}) };
  const failed = p.failed ? `, ${colour(RED, `${p.failed} failed`)}` : '';
  const counts = `${p.done} of ${plural(p.total, unit)}${unit === 'account' ? ' done' : ''}${failed}`;
  if (p.continuation === 'hourly' || p.continuation === 'manual') {
    const why = p.continuation === 'hourly'
      ? 'Google lets this add-on run in the background only once an hour, so the rest continues hourly. Press Continue to run the next batch now (keep this card open; about 20 seconds each).'
      : 'Paused: Google did not allow a background trigger for this add-on. Press Continue to run the next batch (about 20 seconds each) until it is done; nothing is repeated.';
    return [
      { kind: 'text', html: `${bold(p.continuation === 'hourly' ? 'Continuing hourly' : 'Paused')}: ${counts}` },
      { kind: 'text', html: colour(GREY, why) },
      { kind: 'buttons', buttons: [{ text: 'Continue', style: 'filled', color: PRIMARY, action }] },
    ];
  }
  return [
    { kind: 'text', html: `${bold(lead)}: ${counts} — refresh` },
    { kind: 'buttons', buttons: [{ text: 'Refresh', style: 'filled', color: PRIMARY, action }] },
  ];
}

export function resultsCard(input: ResultsInput): CardSpec {
  const fmt = formatter(input.locale ?? 'en-US', 'USD');
  const sections: SectionSpec[] = [];
  const running = input.inProgress ?? null;
  if (running) sections.push(progressSection(running, input.unit ?? 'step'));

  const links: ButtonSpec[] = [];
  // The deck is what the CSM came for: its button sits in the fixed footer, in view however long the report above is.
  const deck: ButtonSpec | null = input.deckUrl ? { text: 'Open the deck', style: 'filled', color: PRIMARY, openLink: { url: input.deckUrl } } : null;
  // "Open pre-read", "Open prep brief": a verb and what it opens, in sentence case.
  for (const d of input.docUrls ?? []) links.push({ text: `Open ${d.title.charAt(0).toLowerCase()}${d.title.slice(1)}`, openLink: { url: d.url } });
  const draftCount = Math.max(input.draftIds?.length ?? 0, input.draftCount ?? 0);
  const holds = input.holds ?? [];
  const holdCount = Math.max(holds.length, input.holdCount ?? 0);
  const made: WidgetSpec[] = [];
  const summary = madeSummary({ decks: input.deckUrl ? 1 : 0, docs: input.docUrls?.length ?? 0, drafts: draftCount, holds: holdCount });
  if (summary) made.push({ kind: 'text', html: bold(summary) });
  if (links.length > 0) made.push({ kind: 'buttons', buttons: links });
  if (draftCount > 0) {
    made.push(
      { kind: 'text', html: `${plural(draftCount, 'Gmail draft')} ready to review — nothing is sent until you send it.` },
      { kind: 'buttons', buttons: [{ text: 'Open Gmail drafts', openLink: { url: GMAIL_DRAFTS_URL } }] },
    );
  }
  // After a refresh the CSM first wants to know what moved (the ⚠ ones to look at in the deck), then to open it.
  if (input.changes) sections.push(changesSection(input.changes));
  const inPlace = input.refresh ? inPlaceSection(input.refresh) : null;
  if (inPlace) sections.push(inPlace);
  if (made.length > 0) sections.push({ header: 'Your QBR package', widgets: made });

  if (holds.length > 0) {
    const widgets: WidgetSpec[] = holds.map((h) => ({
      kind: 'kv', startIcon: 'INVITE', topLabel: isIsoDate(h.date) ? fmt.date(h.date) : escapeCardHtml(h.date), text: escapeCardHtml(h.title),
    }));
    sections.push({
      header: `Calendar holds created or updated (${holds.length})`,
      ...(holds.length > VISIBLE_HOLDS ? { collapsible: true, uncollapsible: VISIBLE_HOLDS } : {}),
      widgets,
    });
  }
  if (made.length === 0 && holdCount === 0 && !running && !inPlace) {
    sections.push({ widgets: [{ kind: 'text', html: 'Nothing was created this time.' }] });
  }
  if (input.warnings.length > 0) {
    sections.push({
      header: `Warnings (${input.warnings.length})`, collapsible: true, uncollapsible: 1,
      widgets: [
        ...input.warnings.slice(0, MAX_WARNINGS).map((w): WidgetSpec => ({ kind: 'text', html: `• ${escapeCardHtml(w)}` })),
        ...(input.warnings.length > MAX_WARNINGS ? [{ kind: 'text' as const, html: colour(GREY, `${input.warnings.length - MAX_WARNINGS} more — the prep brief lists them all`) }] : []),
      ],
    });
  }
  return {
    name: 'results',
    ...(deck ? { footer: { primary: deck } } : {}),
    header: { title: input.accountName, subtitle: running ? 'Still working…' : input.refresh?.regenerated ? 'Made anew' : input.changes || input.refresh ? 'Numbers refreshed' : 'QBR package ready' },
    sections,
  };
}

/** The change report: a ⚠ move (band change, ROI ±10 %, a new critical risk) first and in red, then the rest, biggest first. */
function changesSection(changes: FigureChange[]): SectionSpec {
  if (changes.length === 0) {
    return { header: 'What moved', widgets: [{ kind: 'text', html: 'Nothing moved since the last generation: the tracker’s key figures are the same.' }] };
  }
  const widgets: WidgetSpec[] = changes.map((c) => {
    const text = c.from === NONE ? `${bold(escapeCardHtml(c.to))} (new)` : c.to === NONE ? `${escapeCardHtml(c.from)} → none` : `${escapeCardHtml(c.from)} → ${bold(escapeCardHtml(c.to))}`;
    // The alert is said under the line only where it adds to it ("ROI down 20%"), not where it repeats it ("health band Yellow → Red").
    const adds = c.alert !== null && !c.alert.toLowerCase().includes(c.to.toLowerCase());
    return {
      kind: 'kv',
      topLabel: c.alert ? colour(RED, bold(`⚠ ${escapeCardHtml(c.metric)}`)) : escapeCardHtml(c.metric),
      text,
      ...(adds ? { bottomLabel: colour(RED, escapeCardHtml(sentence(c.alert as string))) } : {}),
    };
  });
  const alerts = changes.filter((c) => c.alert).length;
  return {
    header: `What moved (${changes.length}${alerts > 0 ? `, ${alerts} to look at` : ''})`,
    ...(changes.length > VISIBLE_CHANGES ? { collapsible: true, uncollapsible: Math.max(VISIBLE_CHANGES, alerts) } : {}),
    widgets,
  };
}

/**
 * What happened to the CSM's own work: "Deck and docs refreshed in place" with counts, each doc in a word, then each
 * edit kept or deletion respected (the list folded past three); or, made anew, where the old files went.
 */
function inPlaceSection(r: InPlaceReport): SectionSpec | null {
  if (r.regenerated) {
    return { header: 'Made from scratch', widgets: [{ kind: 'text', html: 'A new deck and docs. Your previous ones are still in Drive, with your edits, renamed “… (previous)”.' }] };
  }
  const docs = r.docs ?? [];
  if (!r.deck && docs.length === 0) return null;
  const what = r.deck && docs.length > 0 ? 'Deck and docs' : r.deck ? 'Deck' : 'Docs';
  const counts = r.deck ? `: ${plural(r.deck.rewritten, 'value')} rewritten${r.deck.charts > 0 ? `, ${plural(r.deck.charts, 'chart')} refreshed` : ''}` : '';
  const widgets: WidgetSpec[] = [{ kind: 'text', html: `${bold(`${what} refreshed in place`)}${counts}` }];
  if (docs.length > 0) widgets.push({ kind: 'text', html: docs.map((d) => escapeCardHtml(docLine(d))).join('<br>') });
  const lines = [
    ...(r.edits ?? []).map((e) => `${e.slide === null ? (e.gone ? '' : 'A deleted slide, ') : `Slide ${e.slide}, `}${e.label}: ${e.gone ? 'you deleted this; left deleted' : `kept your edit${e.now ? ` (the tracker now says ${e.now})` : ''}`}`),
    ...(r.notes ?? []),
  ];
  for (const l of lines.slice(0, MAX_EDITS)) widgets.push({ kind: 'text', html: `• ${escapeCardHtml(sentence(l))}` });
  if (lines.length > MAX_EDITS) widgets.push({ kind: 'text', html: colour(GREY, `${lines.length - MAX_EDITS} more — the prep brief lists the edits whose numbers moved`) });
  const kept = (r.edits ?? []).filter((e) => !e.gone).length + docs.filter((d) => d.outcome === 'edited').length;
  return {
    header: kept > 0 ? `Your edits kept (${kept})` : 'Refreshed in place',
    ...(widgets.length > 5 ? { collapsible: true, uncollapsible: 4 } : {}),
    widgets,
  };
}

const DOC_NAMES: Record<string, string> = { 'pre-read': 'Pre-read', 'action-plan': 'Action plan', 'prep-brief': 'Prep brief' };

function docLine(d: NonNullable<InPlaceReport['docs']>[number]): string {
  const name = DOC_NAMES[d.doc] ?? d.doc;
  if (d.outcome === 'unchanged') return `${name}: nothing moved`;
  if (d.outcome === 'remade') return `${name}: made anew (the old one was gone)`;
  // Untouched docs are rewritten whole (every paragraph counts as updated): a count there would overstate what moved.
  return d.outcome === 'edited' ? `${name}: your edits kept, ${plural(d.updated, 'value')} updated` : `${name}: refreshed`;
}

/** What changeReport writes for a figure that is missing on one side. */
const NONE = '—';
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `1 deck, 3 docs, 2 drafts, 11 holds`: what exists, counted (null when nothing does). */
export function madeSummary(n: { decks: number; docs: number; drafts: number; holds: number }): string | null {
  const parts = [n.decks > 0 ? plural(n.decks, 'deck') : '', n.docs > 0 ? plural(n.docs, 'doc') : '', n.drafts > 0 ? plural(n.drafts, 'draft') : '', n.holds > 0 ? plural(n.holds, 'hold') : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}

function progressSection(p: BackgroundProgress, unit: string): SectionSpec {
  return { widgets: progressWidgets(p, unit, 'Still working in the background') };
}

export interface ErrorInput {
  title: string;
  /** What went wrong, in a CSM's words (plain text: it may quote the sheet). */
  message: string;
  /** What to do about it. */
  fix?: string;
  retry?: ActionSpec;
  /** The tracker is the problem: offer to open it, and to change it. */
  trackerUrl?: string | null;
}

export function errorCard(input: ErrorInput): CardSpec {
  // The title says something is wrong; the message is plain text to read, not a wall of bold red.
  const widgets: WidgetSpec[] = [{ kind: 'text', html: escapeCardHtml(input.message) }];
  if (input.fix) widgets.push({ kind: 'kv', topLabel: 'What to fix', text: bold(escapeCardHtml(input.fix)) });
  const buttons: ButtonSpec[] = [];
  if (input.retry) buttons.push({ text: 'Try again', style: 'filled', color: PRIMARY, action: input.retry });
  if (input.trackerUrl) {
    buttons.push({ text: 'Open tracker', openLink: { url: input.trackerUrl } }, { text: 'Change tracker', action: { name: 'disconnectTracker' } });
  }
  buttons.push({ text: 'Back to accounts', action: { name: 'openHome' } });
  widgets.push({ kind: 'buttons', buttons });
  return { name: 'error', header: { title: input.title, subtitle: 'Something needs fixing' }, sections: [{ widgets }] };
}
