/** The results card (links to what a run made, the holds, warnings, progress of a run still going) and the error card (what broke, what to fix). */
import { isIsoDate } from '../../core/dates';
import { formatter } from '../../core/package/format';
import type { ActionSpec, ButtonSpec, CardSpec, SectionSpec, WidgetSpec } from './spec';
import { bold, colour, escapeCardHtml, plural, PRIMARY, RED } from './text';

export const GMAIL_DRAFTS_URL = 'https://mail.google.com/mail/#drafts';

export interface ResultsInput {
  accountName: string;
  deckUrl?: string | null;
  docUrls?: { title: string; url: string }[];
  draftIds?: string[];
  /** Holds created or updated; `date` is `YYYY-MM-DD`. */
  holds?: { title: string; date: string }[];
  warnings: string[];
  /** Set while steps are still running in the background (the 30-second budget ran out). */
  inProgress?: { done: number; total: number; jobId?: string } | null;
  /** Locale for the hold dates (the account's); en-US when not given. */
  locale?: string;
}

const VISIBLE_HOLDS = 4;

export function resultsCard(input: ResultsInput): CardSpec {
  const fmt = formatter(input.locale ?? 'en-US', 'USD');
  const sections: SectionSpec[] = [];
  const running = input.inProgress ?? null;
  if (running) sections.push(progressSection(running));

  const links: ButtonSpec[] = [];
  if (input.deckUrl) links.push({ text: 'Open the deck', style: 'filled', color: PRIMARY, openLink: { url: input.deckUrl } });
  for (const d of input.docUrls ?? []) links.push({ text: `Open ${d.title}`, openLink: { url: d.url } });
  const drafts = input.draftIds ?? [];
  const made: WidgetSpec[] = [];
  if (links.length > 0) made.push({ kind: 'buttons', buttons: links });
  if (drafts.length > 0) {
    made.push(
      { kind: 'text', html: `${plural(drafts.length, 'Gmail draft')} ready to review — nothing is sent until you send it.` },
      { kind: 'buttons', buttons: [{ text: 'Open Gmail drafts', openLink: { url: GMAIL_DRAFTS_URL } }] },
    );
  }
  const holds = input.holds ?? [];
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
  if (made.length === 0 && holds.length === 0 && !running) {
    sections.push({ widgets: [{ kind: 'text', html: 'Nothing was created this time.' }] });
  }
  if (input.warnings.length > 0) {
    sections.push({
      header: `Warnings (${input.warnings.length})`, collapsible: true, uncollapsible: 1,
      widgets: input.warnings.map((w) => ({ kind: 'text', html: `• ${escapeCardHtml(w)}` })),
    });
  }
  return {
    name: 'results',
    header: { title: input.accountName, subtitle: running ? 'Still working…' : 'QBR package ready' },
    sections,
  };
}

function progressSection(p: { done: number; total: number; jobId?: string }): SectionSpec {
  const refresh: ActionSpec = { name: 'refreshJob', ...(p.jobId ? { params: { jobId: p.jobId } } : {}) };
  return {
    widgets: [
      { kind: 'text', html: `${bold('Still working in the background')}: ${p.done} of ${plural(p.total, 'step')} — refresh` },
      { kind: 'buttons', buttons: [{ text: 'Refresh', style: 'filled', color: PRIMARY, action: refresh }] },
    ],
  };
}

export interface ErrorInput {
  title: string;
  /** What went wrong, in a CSM's words (plain text: it may quote the sheet). */
  message: string;
  /** What to do about it. */
  fix?: string;
  retry?: ActionSpec;
}

export function errorCard(input: ErrorInput): CardSpec {
  const widgets: WidgetSpec[] = [{ kind: 'text', html: colour(RED, bold(escapeCardHtml(input.message))) }];
  if (input.fix) widgets.push({ kind: 'kv', topLabel: 'What to fix', text: escapeCardHtml(input.fix) });
  const buttons: ButtonSpec[] = [];
  if (input.retry) buttons.push({ text: 'Try again', style: 'filled', color: PRIMARY, action: input.retry });
  buttons.push({ text: 'Back to accounts', action: { name: 'openHome' } });
  widgets.push({ kind: 'buttons', buttons });
  return { name: 'error', header: { title: input.title, subtitle: 'Something needs fixing' }, sections: [{ widgets }] };
}
