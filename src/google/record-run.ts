/**
 * A recorded QBR written to Google Workspace (SPEC §4.5): commitments to Actions, expansion paths to Opportunities,
 * the QBR Log row's record fields — all in one RAW values.batchUpdate — then the follow-up rebuilt from the record.
 */
import type { IsoDate } from '../core/dates';
import { recordRows, type LogFields, type QbrRecord } from '../core/program/record';
import { readTracker } from '../core/tracker/tracker';
import type { Effect, Executor } from './execute';
import { actionsAppend, logFieldsWrite, opportunitiesAppend, type LogField, type ValueWrite } from './sheets';
import { ensureSheet, tabState, writeValues, type GoogleTracker } from './tracker-io';

export interface RecordRun {
  exec: Executor;
  tracker: GoogleTracker;
  record: QbrRecord;
  today: IsoDate;
}

export interface RecordOutcome {
  accountId: string;
  qbrDate: IsoDate;
  /** What this save appended (a second save of the same record appends nothing). */
  appended: { actions: string[]; opportunities: string[] };
  /** In words: what was not appended because the tracker already holds it. */
  alreadyThere: string[];
  warnings: string[];
}

const LOG_KEYS: Record<Exclude<keyof LogFields, 'Account ID' | 'QBR Date'>, LogField> = {
  Held: 'held', Attendees: 'attendees', 'Executive Attendance': 'executiveAttendance',
  'Customer Preparation': 'customerPreparation', Engagement: 'engagement', Takeaways: 'takeaways',
};

/**
 * The tracker half of a record. The rows to append are decided against the tracker as read (recordRows is
 * idempotent: a commitment already linked to this QBR is not appended again), so saving twice appends nothing.
 */
export function* writeRecord(g: RecordRun): Effect<RecordOutcome | { error: string }> {
  const rows = recordRows(readTracker(g.tracker.workbook), g.record, g.today);
  if ('error' in rows) return rows;
  const writes: ValueWrite[] = [];
  if (rows.actions.length > 0) {
    const title = yield* ensureSheet(g.exec, g.tracker, 'Actions');
    writes.push(...actionsAppend({ ...tabState(g.tracker, title), actions: rows.actions }));
  }
  if (rows.opportunities.length > 0) {
    const title = yield* ensureSheet(g.exec, g.tracker, 'Opportunities');
    writes.push(...opportunitiesAppend({ ...tabState(g.tracker, title), opportunities: rows.opportunities }));
  }
  const logTitle = yield* ensureSheet(g.exec, g.tracker, 'QBR Log');
  const values = Object.fromEntries(Object.entries(LOG_KEYS).map(([header, field]) => [field, rows.log[header as keyof typeof LOG_KEYS]]));
  writes.push(...logFieldsWrite({ ...tabState(g.tracker, logTitle), accountId: rows.log['Account ID'], qbrDate: g.record.qbrDate, values }));
  yield* writeValues(g.exec, g.tracker, writes);
  return {
    accountId: rows.log['Account ID'], qbrDate: g.record.qbrDate,
    appended: { actions: rows.actions.map((a) => a.action), opportunities: rows.opportunities.map((o) => o.opportunity) },
    alreadyThere: rows.alreadyThere, warnings: rows.warnings,
  };
}
