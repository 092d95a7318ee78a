/** `qbr record --google`: the record written to a Google Sheet tracker, then the summary draft, action plan Doc and check-in holds rewritten (SPEC §4.5). */
import { readTracker } from '../core';
import { recordFromTracker, type QbrRecord } from '../core/program/record';
import { explainApiError } from '../google/errors';
import { ApiError, driveAsync, Executor } from '../google/execute';
import { recordQbr } from '../google/record-run';
import { readGoogleTracker, spreadsheetIdOf } from '../google/tracker-io';
import { libraryHolidays } from '../holidays/library';
import { resolveAuth } from '../transport/auth';
import { googleapisTransport } from '../transport/googleapis';
import { defaultPace, Pacer } from '../transport/pace';
import { defaultRetry } from '../transport/retry';
import { UsageError } from './args';
import type { CommandIo } from './io';
import { field } from './terminal';

export interface RecordGoogleFlags {
  tracker: string;
  accountId: string;
  qbrDate: string;
  today: string;
  /** The record from --from, or null to use what the tracker already holds. */
  record: QbrRecord | null;
  apiRoot: string | null;
}

export async function recordGoogle(flags: RecordGoogleFlags, io: CommandIo): Promise<number> {
  const sheetId = spreadsheetIdOf(flags.tracker);
  if (!sheetId) throw new UsageError(`--google needs --tracker as a Google Sheet id or URL (got "${flags.tracker}")`);
  let auth: unknown;
  try {
    auth = resolveAuth({ withTemplate: false }).auth;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const timer = io.timer ?? { now: Date.now, sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };
  const transport = googleapisTransport({
    auth, ...(flags.apiRoot ? { rootUrl: flags.apiRoot } : {}),
    retry: defaultRetry({ sleep: timer.sleep }), pacer: new Pacer(defaultPace({ now: timer.now, sleep: timer.sleep })),
  });
  const exec = new Executor();
  const fail = (why: string) => {
    io.stderr(`qbr record: ${field(flags.accountId)}: ${field(why)}\n`);
    return 1;
  };
  try {
    const tracker = await driveAsync(readGoogleTracker(exec, sheetId), transport);
    let record = flags.record;
    const lines: string[] = [];
    if (record === null) {
      const typed = recordFromTracker(readTracker(tracker.workbook), flags.accountId, flags.qbrDate);
      if ('error' in typed) return fail(typed.error);
      record = typed.record;
      lines.push(...typed.notes.map((n) => `  note: ${field(n)}`));
    }
    const now = io.now?.() ?? new Date();
    const out = await driveAsync(recordQbr({
      exec, tracker, record, today: flags.today, now, defaultTimezone: Intl.DateTimeFormat().resolvedOptions().timeZone, folderId: null, holidays: libraryHolidays,
    }), transport);
    if ('error' in out) return fail(out.error);
    io.stderr([
      `Recorded the QBR of ${field(out.accountId)} on ${out.qbrDate} (held ${record.held}) in the Google Sheet:`,
      `  Actions: ${out.appended.actions.length} new commitment(s); Opportunities: ${out.appended.opportunities.length} new path(s); QBR Log row updated`,
      ...out.alreadyThere.map((a) => `  already there, not added again: ${field(a)}`),
      `  summary draft: ${out.summaryDraft ? (out.summaryDraft.kept ? `you edited it, so it was kept (draft ${out.summaryDraft.id})` : `rewritten (draft ${out.summaryDraft.id})`) : 'not rewritten'}`,
      `  action plan: ${out.actionPlanUrl ?? 'not rewritten'}`,
      ...out.checkIns.map((h) => `  hold ${field(h.title)} ${h.date}: ${h.made === 'deleted' ? 'you deleted it, so it stays deleted' : h.made === 'kept' ? 'you edited it, so it was kept as you left it' : 'lists the commitments due'}`),
      ...lines,
      ...[...out.warnings, ...out.notes].map((w) => `  warning: ${field(w)}`),
    ].join('\n') + '\n');
    return 0;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return fail(explainApiError(e).message);
  }
}
