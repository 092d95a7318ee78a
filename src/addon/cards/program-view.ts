/** The QBR program card (SPEC §4.5): the QBR guide's metrics against their targets, expansion ARR by quarter, the schedule per CSM. */
import type { Metric, ProgramView } from '../../core/program/program';
import { formatter, type Formatter } from '../../core/package/format';
import type { CardSpec, SectionSpec, WidgetSpec } from './spec';
import { BAND_COLOURS, bold, colour, escapeCardHtml, GREY, plural, PRIMARY } from './text';

type MetricKey = keyof ProgramView['metrics'];

const METRICS: [MetricKey, string][] = [
  ['executiveAttendance', 'Executive attendance'],
  ['commitmentCompletion', 'QBR commitments completed'],
  ['expansionShare', 'QBRs with an expansion path'],
  ['healthChange', 'Health change, QBR quarter → next'],
];
/** Card v1 shows at most 100 widgets: the schedule lists this many CSMs, the tab holds the rest. */
export const MAX_PROGRAM_CSMS = 25;
const MAX_QUARTERS = 6;
const MAX_IDS = 6;

export interface ProgramInput {
  view: ProgramView;
  locale: string;
  currency: string;
  /** The tab's link once written (the card then says where it went). */
  writtenTo?: string | null;
}

const pct = (v: number) => `${Math.round(v * 100)} %`;

export function targetText(key: MetricKey, m: Metric): string {
  if (key === 'healthChange') return `+${m.target.min} points`;
  return m.target.max === undefined ? `${pct(m.target.min)} or more` : `${Math.round(m.target.min * 100)}–${pct(m.target.max)}`;
}

/** The value and the verdict in words (colour only repeats them): `67 % (4 of 6) · below target`. */
function metricWidget(key: MetricKey, label: string, m: Metric): WidgetSpec {
  const target = `Target ${targetText(key, m)}`;
  if (m.value === null) return { kind: 'kv', topLabel: escapeCardHtml(label), text: colour(GREY, 'Not enough data'), bottomLabel: `${target} · ${escapeCardHtml(m.noData ?? '')}` };
  const value = key === 'healthChange'
    ? `${m.value >= 0 ? '+' : '−'}${Math.abs(Math.round(m.value * 10) / 10)} points (${plural(m.accounts.length, 'QBR')})`
    : `${pct(m.value)} (${m.count!.of} of ${m.count!.total})`;
  const verdict = m.met ? colour(BAND_COLOURS.Green, bold('on target')) : colour(BAND_COLOURS.Red, bold('below target'));
  const ids = [...new Set(m.accounts.map((a) => a.accountId))];
  const who = ids.length === 0 ? '' : ` · ${ids.slice(0, MAX_IDS).map(escapeCardHtml).join(', ')}${ids.length > MAX_IDS ? ` and ${ids.length - MAX_IDS} more` : ''}`;
  return { kind: 'kv', topLabel: escapeCardHtml(label), text: `${bold(value)} · ${verdict}`, bottomLabel: `${target}${who}` };
}

function expansionSection(view: ProgramView, fmt: Formatter): SectionSpec {
  if (view.expansionNoData !== null) return { header: 'Expansion ARR surfaced at QBRs', widgets: [{ kind: 'text', html: `${colour(GREY, 'Not enough data')}: ${escapeCardHtml(view.expansionNoData)}` }] };
  const quarters = view.expansionByQuarter.slice(-MAX_QUARTERS);
  const widgets: WidgetSpec[] = quarters.map((q) => ({
    kind: 'kv', topLabel: escapeCardHtml(q.quarter), text: bold(fmt.moneyShort(q.arr)),
    bottomLabel: `${plural(q.accounts.length, 'path')} at ${plural(new Set(q.accounts.map((a) => a.accountId)).size, 'account')}${q.accounts.some((a) => a.potentialArr === null) ? ' (some without a Potential ARR)' : ''}`,
  }));
  return { header: 'Expansion ARR surfaced at QBRs', widgets };
}

function scheduleSection(view: ProgramView): SectionSpec {
  const rows = view.schedule;
  const total = (k: 'scheduled' | 'held' | 'overdue') => rows.reduce((n, r) => n + r[k].length, 0);
  const widgets: WidgetSpec[] = [{
    kind: 'text',
    html: `${bold('Whole book')}: ${total('scheduled')} scheduled in the next 30 days · ${total('held')} held in the last 90 · ${total('overdue')} overdue`,
  }];
  for (const r of rows.slice(0, MAX_PROGRAM_CSMS)) {
    widgets.push({
      kind: 'kv', startIcon: 'PERSON', text: escapeCardHtml(r.csm),
      bottomLabel: `${r.scheduled.length} scheduled · ${r.held.length} held · ${r.overdue.length === 0 ? 'none overdue' : `${r.overdue.length} overdue`}`,
    });
  }
  if (rows.length > MAX_PROGRAM_CSMS) widgets.push({ kind: 'text', html: colour(GREY, `${rows.length - MAX_PROGRAM_CSMS} more CSMs: write the program to the QBR Program tab to see them all.`) });
  return { header: 'QBRs per CSM', widgets };
}

export function programCard(input: ProgramInput): CardSpec {
  const { view } = input;
  const fmt = formatter(input.locale, input.currency);
  const write: WidgetSpec[] = [
    { kind: 'text', html: colour(GREY, 'Values only (no formulas), with the accounts behind every number, so you can share the tab.') },
    { kind: 'buttons', buttons: [{ text: 'Write to the QBR Program tab', style: 'filled', color: PRIMARY, action: { name: 'writeProgram' } }] },
  ];
  if (input.writtenTo) write.unshift({ kind: 'buttons', buttons: [{ text: 'Open the QBR Program tab', openLink: { url: input.writtenTo } }] });
  return {
    name: 'program',
    header: { title: 'QBR program', subtitle: `As of ${fmt.date(view.today)} · metrics over QBRs held since ${fmt.date(view.window.from)}` },
    sections: [
      { header: 'Against the QBR guide’s targets', widgets: METRICS.map(([k, label]) => metricWidget(k, label, view.metrics[k])) },
      expansionSection(view, fmt),
      scheduleSection(view),
      ...(view.findings.length > 0 ? [{ header: `Tracker problems (${view.findings.length})`, collapsible: true, uncollapsible: 0, widgets: [{ kind: 'text', html: view.findings.slice(0, 5).map((f) => `• ${escapeCardHtml(`${f.tab} row ${f.row ?? '—'}: ${f.message}`)}`).join('<br>') }] } satisfies SectionSpec] : []),
      { header: 'Share it', widgets: write },
    ],
  };
}

/** The manager card with its way to the program (kept here so the manager view itself stays as it is). */
export function withProgramButton(card: CardSpec): CardSpec {
  const program: SectionSpec = { header: 'QBR program', widgets: [{ kind: 'buttons', buttons: [{ text: 'Program metrics against targets', action: { name: 'openProgram' } }] }] };
  return { ...card, sections: [...card.sections.slice(0, 1), program, ...card.sections.slice(1)] };
}
