import { actionReview, actionSummary, normalizeStatus } from '../../../src/core/analysis/actions';
import { outcomeReview } from '../../../src/core/analysis/outcomes';
import { renewal } from '../../../src/core/analysis/renewal';
import { escalation, opportunities, quadrant, riskReview } from '../../../src/core/analysis/risks';
import { isOverdue, nextQbrDue, REVIEW_PLANS, segmentFromArr, segmentFromText } from '../../../src/core/analysis/segment';
import { trend } from '../../../src/core/analysis/metrics';
import { DEFAULT_SETTINGS } from '../../../src/core/tracker/settings';
import { rowOf } from './rows';

const T = DEFAULT_SETTINGS.thresholds;
const TODAY = '2026-11-22';

describe('segment, review plan and due date', () => {
  it.each([
    [500_000, 'Strategic'], [499_999, 'Enterprise'], [100_000, 'Enterprise'], [99_999, 'Mid-Market'],
    [25_000, 'Mid-Market'], [24_999, 'SMB'], [5_000, 'SMB'], [4_999, 'Tech-Touch'], [0, 'Tech-Touch'],
  ])('ARR %d is %s', (arr, segment) => expect(segmentFromArr(arr, T)).toBe(segment));
  it('reads a Segment override in common spellings', () => {
    expect(segmentFromText('mid market')).toBe('Mid-Market');
    expect(segmentFromText('Tech Touch')).toBe('Tech-Touch');
    expect(segmentFromText('STRATEGIC')).toBe('Strategic');
    expect(segmentFromText('Platinum')).toBeNull();
  });
  it('maps segments to review plans', () => {
    expect(REVIEW_PLANS.Strategic).toEqual({ reviewType: 'Executive Business Review', cadenceMonths: 3, reviewLength: '90–120 min', deck: 'ebr' });
    expect(REVIEW_PLANS['Mid-Market']).toMatchObject({ cadenceMonths: 6, deck: 'midmarket' });
    expect(REVIEW_PLANS.SMB).toMatchObject({ cadenceMonths: 12, deck: 'smb', reviewLength: '30–45 min' });
    expect(REVIEW_PLANS['Tech-Touch']).toMatchObject({ deck: null, reviewType: 'Digital Review', reviewLength: 'async' });
  });
  it('computes the next due date and overdue', () => {
    expect(nextQbrDue('2026-08-15', '2024-01-01', 3)).toBe('2026-11-15');
    expect(nextQbrDue(null, '2026-06-30', 6)).toBe('2026-12-30');
    expect(nextQbrDue(null, null, 3)).toBeNull();
    expect(isOverdue('2026-11-15', null, TODAY)).toBe(true);
    expect(isOverdue('2026-11-15', '2026-12-03', TODAY)).toBe(false); // a QBR is booked
    expect(isOverdue('2026-11-15', '2026-11-01', TODAY)).toBe(true); // booked in the past does not count
    expect(isOverdue('2026-11-22', null, TODAY)).toBe(false); // due today is not yet overdue
  });
});

describe('trends', () => {
  it('calls a change under 2 % stable', () => {
    expect(trend(340, 266)).toMatchObject({ direction: 'up' });
    expect(trend(340, 266).change).toBeCloseTo(0.2782, 4);
    expect(trend(101.9, 100).direction).toBe('stable');
    expect(trend(102, 100).direction).toBe('up');
    expect(trend(98, 100).direction).toBe('down');
    expect(trend(0, 0).direction).toBe('stable');
    expect(trend(5, 0)).toMatchObject({ direction: 'up', change: null });
    expect(trend(null, 3)).toMatchObject({ direction: null, change: null });
  });
});

describe('outcomes', () => {
  const outcome = (v: Parameters<typeof rowOf<'outcomes'>>[1]) => outcomeReview(rowOf('outcomes', { accountId: 'A', objective: 'O', ...v }));
  it('measures progress towards a higher target', () => {
    // (70 − 40) / (80 − 40) = 0.75 → On Track
    expect(outcome({ baseline: 40, target: 80, current: 70 }).outcome).toMatchObject({ progress: 0.75, status: 'On Track' });
    expect(outcome({ baseline: 40, target: 80, current: 50 }).outcome).toMatchObject({ progress: 0.25, status: 'At Risk' });
  });
  it('honours lower-is-better', () => {
    // reporting cycle 120 h → target 8 h, now 4 h: (4 − 120) / (8 − 120) = 116/112 ≈ 1.0357 → Achieved
    const r = outcome({ baseline: 120, target: 8, current: 4, direction: 'lower' });
    expect(r.outcome.progress).toBeCloseTo(1.0357, 4);
    expect(r.outcome.status).toBe('Achieved');
    expect(r.problems).toEqual([]);
  });
  it('names contradictions and missing data', () => {
    expect(outcome({ baseline: 120, target: 8, current: 4 }).problems[0]).toMatchObject({ column: 'Direction' });
    expect(outcome({ baseline: 1, target: 1, current: 1 }).outcome).toMatchObject({ progress: null, status: 'No Data' });
    expect(outcome({ baseline: 1, target: 2 }).outcome).toMatchObject({ progress: null, status: 'No Data' });
  });
});

describe('risks and opportunities', () => {
  it('places quadrants', () => {
    expect(quadrant('H', 'H')).toBe('Priority Action');
    expect(quadrant('M', 'H')).toBe('Monitor Closely');
    expect(quadrant('L', 'H')).toBe('Monitor Closely');
    expect(quadrant('H', 'M')).toBe('Plan & Prepare');
    expect(quadrant('M', 'L')).toBe('Watch & Wait');
  });
  it('escalates by likelihood, impact and ARR at risk', () => {
    expect(escalation('H', 'H', 100_001)).toBe('Critical');
    expect(escalation('H', 'H', 100_000)).toBe('High');
    expect(escalation('H', 'L', 50_001)).toBe('High');
    expect(escalation('H', 'L', 50_000)).toBe('Medium');
    expect(escalation('M', 'H', 900_000)).toBe('Medium');
    expect(escalation('L', 'H', 900_000)).toBe('Low');
  });
  it('reads High/Medium/Low words and flags bad levels', () => {
    const r = riskReview(rowOf('risks', { accountId: 'A', risk: 'Champion leaving', likelihood: 'High', impact: 'medium', arrAtRisk: 60_000 }));
    expect(r.risk).toMatchObject({ likelihood: 'H', impact: 'M', quadrant: 'Plan & Prepare', escalation: 'High', open: true });
    const bad = riskReview(rowOf('risks', { accountId: 'A', risk: 'x', likelihood: 'Maybe', impact: 'H' }));
    expect(bad.risk.quadrant).toBeNull();
    expect(bad.problems[0]).toMatchObject({ column: 'Likelihood', value: 'Maybe' });
  });
  it('sums the pipeline and weights it by probability', () => {
    const o = opportunities([
      rowOf('opportunities', { accountId: 'A', opportunity: 'Seats', potentialArr: 60_000, probability: 0.5 }),
      rowOf('opportunities', { accountId: 'A', opportunity: 'Module', potentialArr: 40_000, probability: 0.25 }),
      rowOf('opportunities', { accountId: 'A', opportunity: 'Unsized', potentialArr: null, probability: 0.9 }),
    ]);
    // total 100,000; weighted 30,000 + 10,000 = 40,000
    expect(o.total).toBe(100_000);
    expect(o.weighted).toBe(40_000);
    expect(o.problems).toHaveLength(1);
    expect(opportunities([])).toMatchObject({ total: null, weighted: null });
  });
});

describe('actions', () => {
  const act = (id: string, v: Parameters<typeof rowOf<'actions'>>[1]) => actionReview(rowOf('actions', { actionId: id, accountId: 'A', action: id, ...v }), TODAY);
  it('marks past-due open actions Overdue', () => {
    expect(act('1', { dueDate: '2026-11-21', status: 'In progress' }).status).toBe('Overdue');
    expect(act('2', { dueDate: '2026-11-21', status: 'done' }).status).toBe('Complete');
    expect(act('3', { dueDate: '2026-11-22', status: 'Open' }).status).toBe('Open');
    expect(act('4', { dueDate: '2026-01-01', status: 'Canceled' }).status).toBe('Cancelled');
    expect(normalizeStatus(null)).toBe('Open');
    expect(normalizeStatus('Waiting on legal')).toBe('Waiting on legal');
  });
  it('rates completion over the last QBR\'s actions, cancelled ones aside', () => {
    const items = [
      act('A-1', { linkedTo: '2026-08-15', status: 'Complete' }),
      act('A-2', { linkedTo: '8/15/2026', status: 'Complete' }),
      act('A-3', { linkedTo: '2026-08-15', status: 'Complete' }),
      act('A-4', { linkedTo: '2026-08-15', status: 'Open', dueDate: '2026-10-01' }),
      act('A-5', { linkedTo: '2026-08-15', status: 'Cancelled' }),
      act('A-6', { linkedTo: 'Goal: SSO', status: 'Open' }),
    ];
    // linked to 2026-08-15: 5 actions, 1 cancelled → 3 of 4 complete = 0.75
    const s = actionSummary(items, '2026-08-15', 'MDY');
    expect(s).toMatchObject({ completionRate: 0.75, band: 'Yellow', overdue: ['A-4'], basis: 'last-qbr' });
    // none linked to this date → all six: 3 complete of 5 not cancelled = 0.6
    expect(actionSummary(items, '2026-05-01', 'MDY')).toMatchObject({ completionRate: 0.6, basis: 'all' });
    expect(actionSummary([], '2026-05-01', 'MDY')).toMatchObject({ completionRate: null, band: null });
  });
});

describe('renewal', () => {
  it.each([
    ['2027-11-22', 'Growth and adoption'], ['2027-08-22', 'ROI documentation'], ['2027-05-22', 'Achievement review'],
    ['2027-05-21', 'Value proof and future vision'], ['2027-02-22', 'Value proof and future vision'],
    ['2027-02-21', 'Terms, expansion and commitment'], ['2026-11-22', 'Terms, expansion and commitment'],
  ])('renewal on %s → %s', (date, focus) => expect(renewal(date, TODAY).focus).toBe(focus));
  it('counts days and names a passed date', () => {
    expect(renewal('2027-05-22', TODAY)).toMatchObject({ daysToRenewal: 181, monthsToRenewal: 6 });
    expect(renewal('2026-11-01', TODAY).focus).toMatch(/passed/);
    expect(renewal(null, TODAY)).toEqual({ date: null, daysToRenewal: null, monthsToRenewal: null, focus: null });
  });
});
