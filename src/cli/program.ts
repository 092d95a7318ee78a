/** `qbr program`: the manager's view of the QBR program (SPEC §4.5) — schedule per CSM and the metrics against their targets. */
import { programOfWorkbook, type Metric, type ProgramView } from '../core';
import { PROGRAM_TAB, programTabWrite } from '../core/program/sheet';
import { parseFlags, requireFlag, todayFrom } from './args';
import { table } from './report';
import { field } from './terminal';
import type { CommandIo } from './io';

export async function programCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseFlags(argv, {
    tracker: { type: 'string' },
    today: { type: 'string' },
    json: { type: 'boolean' },
    'write-tab': { type: 'boolean' },
  });
  const today = todayFrom(values.today, io.now);
  const trackerPath = requireFlag(values.tracker, 'tracker');
  // exceljs loads only once the flags are known good, as for the other commands.
  const { openTracker } = await import('../workbook/open');
  const workbook = await openTracker(trackerPath);
  const view = programOfWorkbook(workbook, today);
  io.stdout(values.json ? `${JSON.stringify(view, null, 2)}\n` : renderProgram(view));
  if (!values['write-tab']) return 0;
  // On request, the same view as plain values in the tracker's own `QBR Program` tab, for the manager to share.
  const write = programTabWrite(workbook.tabs, view);
  const { applyTabWrites } = await import('../workbook/write-back');
  try {
    await applyTabWrites(trackerPath, [write]);
  } catch (e) {
    io.stderr(`The ${PROGRAM_TAB} tab could not be written to ${field(trackerPath)}: ${field(e instanceof Error ? e.message : String(e))}\n`);
    return 1;
  }
  io.stderr(`Wrote the ${PROGRAM_TAB} tab of ${field(trackerPath)} (${write.said.join('; ')}): values, no formulas.\n`);
  return 0;
}

const pct = (v: number) => `${Math.round(v * 100)} %`;

function targetText(name: keyof ProgramView['metrics'], m: Metric): string {
  if (name === 'healthChange') return `+${m.target.min} pts`;
  return m.target.max === undefined ? `${pct(m.target.min)}+` : `${pct(m.target.min).replace(' %', '')}–${pct(m.target.max)}`;
}

function valueText(name: keyof ProgramView['metrics'], m: Metric): string {
  if (m.value === null) return 'not enough data';
  if (name === 'healthChange') return `${m.value >= 0 ? '+' : '−'}${Math.abs(Math.round(m.value * 10) / 10)} pts (${m.accounts.length} QBR${m.accounts.length === 1 ? '' : 's'})`;
  return `${pct(m.value)} (${m.count!.of} of ${m.count!.total})`;
}

const LABELS: Record<keyof ProgramView['metrics'], string> = {
  executiveAttendance: 'Executive attendance',
  commitmentCompletion: 'QBR commitments completed',
  expansionShare: 'QBRs with an expansion path',
  healthChange: 'Health change, QBR quarter → next',
};

export function renderProgram(view: ProgramView): string {
  const out = [`QBR program as of ${view.today} (metrics over QBRs held ${view.window.from} – ${view.window.to})`, ''];
  const list = (xs: { accountId: string }[]) => (xs.length === 0 ? '—' : `${xs.length}: ${xs.map((x) => field(x.accountId)).join(', ')}`);
  const schedule = view.schedule.map((r) => [field(r.csm), list(r.scheduled), list(r.held), list(r.overdue)]);
  if (schedule.length === 0) out.push('No QBR scheduled in the next 30 days, held in the last 90, or overdue.');
  else for (const line of table([['CSM', 'Next 30 days', 'Held, last 90 days', 'Overdue'], ...schedule])) out.push(line);
  out.push('');
  const metrics = (Object.keys(LABELS) as (keyof ProgramView['metrics'])[]).map((k) => {
    const m = view.metrics[k];
    const status = m.met === null ? field(m.noData ?? '') : m.met ? 'on target' : 'below target';
    return [LABELS[k], valueText(k, m), targetText(k, m), status];
  });
  for (const line of table([['Metric', 'Value', 'Target', 'Status'], ...metrics])) out.push(line);
  out.push('', 'Expansion ARR surfaced at QBRs, by quarter:');
  if (view.expansionNoData !== null) out.push(`  not enough data: ${field(view.expansionNoData)}`);
  for (const q of view.expansionByQuarter) {
    const unknown = q.accounts.filter((a) => a.potentialArr === null).length;
    out.push(`  ${q.quarter}  ${Math.round(q.arr).toLocaleString('en-US')} across ${q.accounts.length} path(s)${unknown > 0 ? ` (${unknown} without a Potential ARR)` : ''}: ${[...new Set(q.accounts.map((a) => field(a.accountId)))].join(', ')}`);
  }
  if (view.findings.length > 0) {
    out.push('', `Findings (${view.findings.length}):`);
    for (const f of view.findings) out.push(`  ${field(f.tab)} row ${f.row ?? '—'}${f.column ? `, ${field(f.column)}` : ''}: ${field(f.message)}`);
  }
  out.push('', '`--json` lists the accounts behind each number.');
  return out.join('\n') + '\n';
}
