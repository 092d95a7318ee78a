/** The example tracker as data: a CS team's book of eight accounts (today = 2026-11-22), written as .xlsx and as .csv by make-example. */
import { accountsTab, metricsTab } from './example/accounts';
import { opportunitiesTab, outcomesTab, risksTab, stakeholdersTab, valueTab } from './example/engagement';
import { actionsTab, goalsTab, qbrLogTab, roadmapTab, settingsTab } from './example/plans';
import type { ExampleTab } from './example/cells';

export { canonical, csvSpelling, pctFraction, type ExampleCell, type ExampleRow, type ExampleTab } from './example/cells';

/** The day the example is written for: Q4 2026 is the current quarter, GlobalTech renews in six months. */
export const EXAMPLE_TODAY = '2026-11-22';

/**
 * Every tab of SPEC §2 in a tracker's usual order. Deliberate data problems (each a warning, none an
 * error, so a run over the example exits 0): a Value line without a Source (ACC-004 Risk Avoidance), a
 * `#N/A` NPS (ACC-003 2026-Q4), `n/a` typed as a ticket count (ACC-005 2026-Q4), a high-likelihood Risk
 * without ARR at Risk (ACC-005), and an Action for an account that does not exist (ACC-999).
 */
export function exampleTabs(): ExampleTab[] {
  return [
    accountsTab(), metricsTab(), outcomesTab(), valueTab(), stakeholdersTab(), risksTab(), opportunitiesTab(),
    roadmapTab(), goalsTab(), actionsTab(), settingsTab(), qbrLogTab(),
  ];
}
