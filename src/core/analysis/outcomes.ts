/** Business outcomes (SPEC §3): progress from baseline towards target, honouring which direction is better. */
import type { RowOf } from '../tracker/schema';
import type { OutcomeReview, OutcomeStatus } from './types';

export interface OutcomeProblem {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

export function outcomeReview(r: RowOf<'outcomes'>): { outcome: OutcomeReview; problems: OutcomeProblem[] } {
  const problems: OutcomeProblem[] = [];
  let direction: 'higher' | 'lower' = 'higher';
  if (r.direction !== null) {
    const d = r.direction.trim().toLowerCase();
    if (d.startsWith('low') || d === 'down' || d === 'decrease') direction = 'lower';
    else if (!(d.startsWith('high') || d === 'up' || d === 'increase')) {
      problems.push({ row: r.row, column: 'Direction', value: r.direction, message: 'Direction should be "higher" or "lower"; "higher" is assumed' });
    }
  }
  let progress: number | null = null;
  const absent = ([['Baseline', r.baseline], ['Target', r.target], ['Current', r.current]] as const).filter(([, v]) => v === null);
  if (absent.length > 0) {
    problems.push({ row: r.row, column: absent[0]![0], value: null, message: `${absent.map(([h]) => h).join(', ')} missing, so progress on "${r.objective}" cannot be measured` });
  } else if (r.target === r.baseline) {
    problems.push({ row: r.row, column: 'Target', value: String(r.target), message: 'Target equals Baseline, so progress cannot be measured' });
  } else {
    const towardsHigher = r.target! > r.baseline!;
    if (towardsHigher !== (direction === 'higher')) {
      problems.push({ row: r.row, column: 'Direction', value: r.direction, message: `Target is ${towardsHigher ? 'above' : 'below'} Baseline but Direction says ${direction} is better; check the row` });
    }
    // (C − B) / (T − B) measures the share of the planned move made, whichever way the target lies.
    progress = (r.current! - r.baseline!) / (r.target! - r.baseline!);
  }
  const status: OutcomeStatus = progress === null ? 'No Data' : progress >= 1 ? 'Achieved' : progress >= 0.7 ? 'On Track' : 'At Risk';
  return {
    outcome: {
      objective: r.objective, metric: r.metric, baseline: r.baseline, target: r.target, current: r.current,
      direction, progress, status, source: r.source,
    },
    problems,
  };
}
