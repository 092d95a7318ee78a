/** Recording a QBR (SPEC §4.5): the account card's entry, the record form (typed values kept, errors under their field), and what the save did. */
import type { AccountReview } from '../../core/analysis/types';
import type { IsoDate } from '../../core/dates';
import { formatter } from '../../core/package/format';
import type { CardSpec, SectionSpec, WidgetSpec } from './spec';
import { bold, colour, escapeCardHtml, GREY, plural, PRIMARY, RED } from './text';
import { GMAIL_DRAFTS_URL } from './results-view';

export type IndicatorField = 'executiveAttendance' | 'customerPreparation' | 'engagement';

/** The QBR framework's three health indicators, each Green/Yellow/Red in its own words (never a colour alone). */
export const INDICATORS: [IndicatorField, string, [string, string, string]][] = [
  ['executiveAttendance', 'Executive attendance', ['sponsors present', 'delegates sent', 'no-show']],
  ['customerPreparation', 'Customer preparation', ['came prepared (data, questions)', 'some preparation', 'unprepared']],
  ['engagement', 'Engagement level', ['active discussion, decisions made', 'listening, few decisions', 'disengaged']],
];

export const COMMITMENT_ROWS = 3;
export const PATH_ROWS = 1;
/** Rows "add another" may grow to: with an error under every field that can have one, the card stays under Card v1's 100 widgets. */
export const MAX_ROWS = 8;
export const MAX_PATHS = 4;

export interface RecordFormInput {
  review: AccountReview;
  qbrDate: IsoDate;
  rows: number;
  paths: number;
  /** What the user typed, by field name (shown again as typed after "add another" or a failed save). */
  typed?: Record<string, string>;
  /** The attendees ticked; null before the first submit (the stakeholders marked Attending are ticked). */
  attendees?: string[] | null;
  /** Problems from the last save, by field name, shown under that field. */
  errors?: Record<string, string>;
  /** A line above the form (a save that ran out of time). */
  notice?: string | null;
}

/** The account card's section, once the QBR date has passed. */
export function recordSection(accountId: string, qbrDate: IsoDate, locale: string): SectionSpec {
  const day = formatter(locale, 'USD').date(qbrDate);
  return {
    header: 'After the QBR',
    widgets: [
      { kind: 'text', html: `Record what happened at the QBR of ${day}: who came, what was agreed, the expansion paths. The summary draft, action plan and check-in holds are then rewritten from it.` },
      { kind: 'buttons', buttons: [{ text: 'Record the QBR', style: 'filled', color: PRIMARY, action: { name: 'openRecord', params: { accountId, qbrDate } } }] },
    ],
  };
}

export function recordCard(input: RecordFormInput): CardSpec {
  const r = input.review;
  const typed = input.typed ?? {};
  const errors = input.errors ?? {};
  const fmt = formatter(r.locale, r.currency);
  const under = (name: string): WidgetSpec[] => (errors[name] ? [{ kind: 'text', html: colour(RED, escapeCardHtml(errors[name]!)) }] : []);
  const text = (name: string, title: string, hint?: string, extra: Partial<Extract<WidgetSpec, { kind: 'input' }>> = {}): WidgetSpec[] => [
    { kind: 'input', name, title, value: typed[name] ?? '', ...(hint ? { hint } : {}), ...extra },
    ...under(name),
  ];
  const people = r.people.stakeholders.map((p) => p.name);
  const owners = [...new Set([...(r.people.csm ? [r.people.csm] : []), ...people])];
  const ticked = new Set(input.attendees ?? r.people.stakeholders.filter((p) => p.attending === true).map((p) => p.name));
  const params = { accountId: r.id, qbrDate: input.qbrDate, rows: String(input.rows), paths: String(input.paths) };

  const meeting: WidgetSpec[] = [
    { kind: 'date', name: 'held', title: 'Held on', value: typed.held || input.qbrDate },
    ...under('held'),
  ];
  if (people.length > 0) {
    meeting.push({
      kind: 'select', name: 'attendees', title: 'Who came', type: 'checkbox',
      items: r.people.stakeholders.map((p) => ({ text: `${p.name}${p.title ? ` (${p.title})` : ''}${p.side ? ` · ${p.side}` : ''}`, value: p.name, selected: ticked.has(p.name) })),
    });
  } else {
    meeting.push({ kind: 'text', html: colour(GREY, 'No stakeholders in the tracker for this account: add them to the Stakeholders tab to tick who came.') });
  }

  const indicators: WidgetSpec[] = INDICATORS.flatMap(([name, title, words]): WidgetSpec[] => [{
    kind: 'select', name, title, type: 'dropdown',
    items: [
      { text: 'Not rated', value: '', selected: !typed[name] },
      ...(['Green', 'Yellow', 'Red'] as const).map((band, i) => ({ text: `${band}: ${words[i]}`, value: band, selected: typed[name] === band })),
    ],
  }, ...under(name)]);

  const commitments: WidgetSpec[] = [];
  for (let i = 1; i <= input.rows; i++) {
    if (i > 1) commitments.push({ kind: 'divider' });
    commitments.push(
      ...text(`c${i}action`, `Commitment ${i}`, 'What was agreed'),
      ...text(`c${i}owner`, 'Owner', 'Who does it', { suggestions: owners }),
      {
        kind: 'select', name: `c${i}side`, title: 'Side', type: 'dropdown',
        items: [['', 'Not said'], ['Customer', 'Customer'], ['Vendor', 'Our team (vendor)']].map(([value, label]) => ({ text: label!, value: value!, selected: (typed[`c${i}side`] ?? '') === value })),
      },
      { kind: 'date', name: `c${i}due`, title: 'Due', value: typed[`c${i}due`] || null },
      ...under(`c${i}due`),
    );
  }
  if (input.rows < MAX_ROWS) commitments.push({ kind: 'buttons', buttons: [{ text: 'Add another commitment', action: { name: 'openRecord', params: { ...params, rows: String(input.rows + 1), keep: 'yes' } } }] });

  const paths: WidgetSpec[] = [];
  for (let i = 1; i <= input.paths; i++) {
    if (i > 1) paths.push({ kind: 'divider' });
    paths.push(
      ...text(`p${i}opportunity`, `Expansion path ${i}`, 'The opportunity surfaced'),
      ...text(`p${i}sponsor`, 'Sponsor', undefined, { suggestions: people }),
      ...text(`p${i}next`, 'Next step'),
      ...text(`p${i}arr`, `Potential ARR (${r.currency})`, 'A number, like 36000; empty when unknown'),
    );
  }
  if (input.paths < MAX_PATHS) paths.push({ kind: 'buttons', buttons: [{ text: 'Add another path', action: { name: 'openRecord', params: { ...params, paths: String(input.paths + 1), keep: 'yes' } } }] });

  const count = Object.keys(errors).length;
  return {
    name: `record:${r.id}`,
    header: { title: `Record the QBR: ${r.name}`, subtitle: `QBR of ${fmt.date(input.qbrDate)}` },
    sections: [
      ...(count > 0 ? [{ widgets: [{ kind: 'text', html: colour(RED, bold(`${plural(count, 'field')} to fix before saving (see below); nothing was saved.`)) }] } satisfies SectionSpec] : []),
      ...(input.notice ? [{ widgets: [{ kind: 'text', html: colour(RED, bold(escapeCardHtml(input.notice))) }] } satisfies SectionSpec] : []),
      { header: 'The meeting', widgets: meeting },
      { header: 'QBR health indicators', widgets: indicators },
      { header: 'Key takeaways', widgets: text('takeaways', 'Takeaways', 'One per line', { multiline: true }) },
      { header: 'Commitments agreed', widgets: commitments },
      { header: 'Expansion paths surfaced', widgets: paths },
    ],
    footer: {
      primary: { text: 'Save the record', style: 'filled', color: PRIMARY, action: { name: 'saveRecord', params } },
      secondary: { text: 'Cancel', action: { name: 'back', loadIndicator: 'none' } },
    },
  };
}

export interface RecordedInput {
  accountName: string;
  locale: string;
  appended: { actions: string[]; opportunities: string[] };
  alreadyThere: string[];
  summaryDraft: { id: string; messageId: string | null } | null;
  actionPlanUrl: string | null;
  checkIns: { title: string; date: IsoDate; made: 'updated' | 'deleted' | 'kept' }[];
  warnings: string[];
  trackerUrl: string | null;
}

/** After a save: what went into the tracker, and links to the rewritten summary draft and action plan. */
export function recordedCard(input: RecordedInput): CardSpec {
  const fmt = formatter(input.locale, 'USD');
  const { actions, opportunities } = input.appended;
  const tracker: WidgetSpec[] = [
    { kind: 'text', html: `${plural(actions.length, 'commitment')} added to Actions, ${plural(opportunities.length, 'expansion path')} to Opportunities; the QBR Log row records who came, the indicators and the takeaways.` },
  ];
  if (input.alreadyThere.length > 0) tracker.push({ kind: 'text', html: colour(GREY, `Already in the tracker, not added again: ${input.alreadyThere.map(escapeCardHtml).join('; ')}`) });
  if (input.trackerUrl) tracker.push({ kind: 'buttons', buttons: [{ text: 'Open the tracker', openLink: { url: input.trackerUrl } }] });

  const links = [
    ...(input.summaryDraft ? [{ text: 'Open the summary draft', openLink: { url: input.summaryDraft.messageId ? `${GMAIL_DRAFTS_URL}?compose=${encodeURIComponent(input.summaryDraft.messageId)}` : GMAIL_DRAFTS_URL } }] : []),
    ...(input.actionPlanUrl ? [{ text: 'Open the action plan', openLink: { url: input.actionPlanUrl } }] : []),
  ];
  const follow: WidgetSpec[] = [
    { kind: 'text', html: 'The summary draft and the mutual action plan now say what was agreed (the draft is not sent: review it in Gmail and send it yourself).' },
    ...(links.length > 0 ? [{ kind: 'buttons', buttons: links } satisfies WidgetSpec] : []),
    ...input.checkIns.map((h): WidgetSpec => ({
      kind: 'kv', startIcon: 'CLOCK', text: escapeCardHtml(h.title), bottomLabel: h.made === 'deleted' ? `${fmt.date(h.date)} · you deleted this hold, so it stays deleted` : h.made === 'kept' ? `${fmt.date(h.date)} · you edited this hold, so it was kept as you left it` : `${fmt.date(h.date)} · lists the commitments due`,
    })),
  ];
  const sections: SectionSpec[] = [{ header: 'In the tracker', widgets: tracker }, { header: 'Follow-up', widgets: follow }];
  if (input.warnings.length > 0) sections.push({ header: `To check (${input.warnings.length})`, widgets: input.warnings.map((w) => ({ kind: 'text', html: `• ${escapeCardHtml(w)}` })) });
  return {
    name: 'recorded',
    header: { title: 'QBR recorded', subtitle: input.accountName },
    sections,
    footer: { primary: { text: 'Done', action: { name: 'back' } } },
  };
}
