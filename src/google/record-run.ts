/**
 * A recorded QBR written to Google Workspace (SPEC §4.5): commitments to Actions, expansion paths to Opportunities,
 * the QBR Log row's record fields — all in one RAW values.batchUpdate — then the follow-up rebuilt from the record.
 */
import type { IsoDate } from '../core/dates';
import { analyzeWorkbook } from '../core';
import { isMailbox } from '../core/mime/headers';
import type { HolidaySource } from '../core/package/holidays';
import { followUpFromRecord } from '../core/program/follow-up';
import { recordRows, type LogFields, type QbrRecord } from '../core/program/record';
import { readTracker } from '../core/tracker/tracker';
import { rfc5322Date } from '../core/mime/message';
import type { PackageLinks } from '../core/package/emails';
import type { Address, DocPlan, EmailPlan, HoldPlan } from '../core/package/types';
import { holdCalls, type ListedEvent } from './calendar';
import { docCalls, docRequests } from './docs';
import { findByAppPropertyCall } from './drive';
import { ApiError, type Effect, type Executor } from './execute';
import { docReadCall, fillOnce, withRevision } from './fill-once';
import { docRecordText, recordOf } from './doc-record';
import { refreshInPlace } from './doc-refresh';
import { draftCall, draftContent, draftIdsCell, draftMessageCall, keptDraftNote } from './gmail';
import { listHolds, makeHold } from './holds-run';
import { previousRun } from './package-log';
import { actionsAppend, logFieldsWrite, opportunitiesAppend, type LogField, type ValueWrite } from './sheets';
import { ensureSheet, tabState, writeValues, type GoogleTracker } from './tracker-io';
import type { ApiCall } from './types';

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

export interface RecordQbrRun extends RecordRun {
  now: Date;
  defaultTimezone: string;
  folderId: string | null;
  holidays?: HolidaySource | null;
  reviewMinutes?: number | null;
}

export type RecordQbrOutcome = RecordOutcome & Omit<FollowUpOutcome, 'warnings'> & { notes: string[] };

/**
 * A save of the record: the tracker first (the record is the truth, whatever happens next), then the follow-up
 * rebuilt from the account as the tracker now reads — so the action plan shows the commitments' Action IDs.
 */
export function* recordQbr(g: RecordQbrRun): Effect<RecordQbrOutcome | { error: string }> {
  const written = yield* writeRecord(g);
  if ('error' in written) return written;
  const none = { summaryDraft: null, actionPlanUrl: null, checkIns: [], notes: [] };
  const review = analyzeWorkbook(g.tracker.workbook, { today: g.today, accountIds: [written.accountId], noBenchmarks: true }).accounts[0];
  if (!review) return { ...written, ...none, warnings: [...written.warnings, 'The account has tracker errors to fix first, so the summary and action plan were not rewritten'] };
  let notes: string[] = [];
  const follow = yield* rewriteFollowUp({
    exec: g.exec, tracker: g.tracker, accountId: written.accountId, qbrDate: written.qbrDate, now: g.now, defaultTimezone: g.defaultTimezone, folderId: g.folderId,
    ...(review.people.csmEmail && isMailbox(review.people.csmEmail) ? { from: { name: review.people.csm, email: review.people.csmEmail } } : {}),
    build: (links) => {
      const f = followUpFromRecord(review, g.record, { today: g.today, links, holidays: g.holidays ?? null, reviewMinutes: g.reviewMinutes ?? null });
      if ('error' in f) return f;
      notes = f.notes;
      return { summary: f.summary, actionPlan: f.actionPlan, checkIns: f.checkIns };
    },
  });
  if ('error' in follow) return { ...written, ...none, warnings: [...written.warnings, follow.error] };
  return { ...written, ...follow, warnings: [...written.warnings, ...follow.warnings], notes };
}

/** What the follow-up is rebuilt from: the core's follow-up of the record, built for the links the files have now. */
export interface FollowUpPlans {
  summary: EmailPlan;
  actionPlan: DocPlan;
  /** The T+7 / T+14 holds still ahead, their descriptions listing the commitments due. */
  checkIns: HoldPlan[];
}

export interface FollowUpRun {
  exec: Executor;
  tracker: GoogleTracker;
  accountId: string;
  qbrDate: IsoDate;
  now: Date;
  defaultTimezone: string;
  folderId: string | null;
  from?: Address;
  /** The follow-up for these links (the action plan's may change when its doc is gone and made again). */
  build: (links: PackageLinks) => FollowUpPlans | { error: string };
}

export interface FollowUpOutcome {
  /** `kept`: the CSM had edited the draft since we wrote it, so it was left as they made it. */
  summaryDraft: { id: string; messageId: string | null; kept: boolean } | null;
  actionPlanUrl: string | null;
  checkIns: { title: string; date: IsoDate; made: 'updated' | 'deleted' | 'kept' }[];
  warnings: string[];
}

const docUrl = (id: string) => `https://docs.google.com/document/d/${id}/edit`;

/**
 * The summary draft the QBR Log points at is rewritten in place (same draft; one the log does not know, or that is
 * gone, becomes a new draft, logged), the action plan Doc likewise (same doc id), and the T+7/T+14 holds refreshed
 * with the commitments due (a hold the CSM deleted stays deleted). Each part that fails is a warning, not the end.
 */
export function* rewriteFollowUp(g: FollowUpRun): Effect<FollowUpOutcome | { error: string }> {
  const previous = previousRun(g.tracker, g.accountId, g.qbrDate);
  const links = (actionPlanId: string | null): PackageLinks => ({
    deck: previous.deckId ? `https://docs.google.com/presentation/d/${previous.deckId}/edit` : null,
    preRead: previous.docs['pre-read'] ? docUrl(previous.docs['pre-read']) : null,
    actionPlan: actionPlanId ? docUrl(actionPlanId) : null,
  });
  const tag = `${g.accountId}|${g.qbrDate}|action-plan`;
  let planId = previous.docs['action-plan'] ?? null;
  if (!planId) {
    const found = (yield* g.exec.run(findByAppPropertyCall('qbrPackage', tag, 'actionPlanFound'))) as { files?: { id?: string }[] };
    planId = found.files?.[0]?.id ?? null;
  }
  const first = g.build(links(planId));
  if ('error' in first) return first;
  let plans: FollowUpPlans = first;
  const warnings: string[] = [];
  const soft = (e: unknown, what: string) => {
    // A sign-in or quota failure would meet every later call too: it stops the save (the tracker is written already).
    if (!(e instanceof ApiError) || e.status === 401 || e.status === 429) throw e;
    warnings.push(`${what} (${e.message}); save again to retry`);
  };

  // The QBR Log fields this save changes (the action plan's Doc Record, the summary's Draft ID), in one write at the end.
  const logValues: Partial<Record<LogField, string>> = {};
  let actionPlanUrl: string | null = null;
  try {
    const record = previous.docRecord['action-plan'];
    let made: string | null = null;
    if (planId && record?.id === planId) {
      // The doc as the CSM left it: their edited paragraphs kept (and reported), the untouched ones rewritten.
      const done = yield* refreshInPlace(g.exec, plans.actionPlan, record);
      warnings.push(...done.notes);
      const same = done.refresh?.keptAsIs ?? [];
      if (same.length) warnings.push(`action plan: you edited ${same.slice(0, 3).join('; ')}${same.length > 3 ? ` and ${same.length - 3} more` : ''}, so ${same.length === 1 ? 'it was' : 'they were'} kept as you left ${same.length === 1 ? 'it' : 'them'}`);
      if (done.refresh) made = planId;
    } else if (planId) warnings.push(WHOLE_REWRITE);
    made ??= yield* rewriteDoc(g, plans.actionPlan, made === null && record?.id === planId ? null : planId, tag);
    actionPlanUrl = docUrl(made);
    const again = made !== planId ? g.build(links(made)) : plans;
    if ('error' in again) return again;
    plans = again;
    // What the doc now holds, so the next generate run compares against it rather than against the package before.
    const text = docRecordText({ ...previous.docRecord, 'action-plan': recordOf(plans.actionPlan, made) });
    if (text) logValues.docRecord = text;
    if (made !== planId) {
      // A doc made again (the logged one was gone): the log points at it, so the next save or run does not make another.
      const docs = { ...previous.docs, 'action-plan': made };
      logValues.docUrl = (['pre-read', 'action-plan', 'prep-brief'] as const).map((k) => docs[k]).filter((id): id is string => Boolean(id)).map(docUrl).join(', ');
    }
  } catch (e) {
    soft(e, 'The action plan could not be rewritten');
  }

  let summaryDraft: FollowUpOutcome['summaryDraft'] = null;
  try {
    const known = previous.drafts.summary;
    let existing = known?.id ?? null;
    let kept: string | null = null;
    if (known?.messageId) {
      // A summary the CSM edited since we wrote it is theirs: kept, not rewritten, and no second draft made.
      const now = (yield* g.exec.run(draftMessageCall(known.id))) as { message?: { id?: string } } | null;
      if (now === null) existing = null;
      else if (now.message?.id && now.message.id !== known.messageId) kept = now.message.id;
    }
    if (kept && known) {
      // The message id the draft has now (the CSM's), for a link that opens it; the log keeps ours.
      summaryDraft = { id: known.id, messageId: kept, kept: true };
      warnings.push(keptDraftNote('summary'));
    } else {
      const call = draftCall(plans.summary, { existingDraftId: existing, ...(g.from ? { from: g.from } : {}), date: rfc5322Date(g.now.getTime()), bindAs: 'summaryDraftId' });
      const withMessage = (c: ApiCall): ApiCall => ({ ...c, bind: { ...c.bind, summaryMessageId: 'message.id' } });
      yield* g.exec.run({ ...withMessage(call), ...(call.fallback?.call ? { fallback: { ...call.fallback, call: withMessage(call.fallback.call) } } : {}) });
      const messageId = (g.exec.value<string>('summaryMessageId') as string | undefined) ?? null;
      summaryDraft = { id: String(g.exec.value('summaryDraftId')), messageId, kept: false };
      // The log points at the draft and at the message now in it, so the next save or run updates this draft
      // (not a new one) and tells a later edit of the CSM's from ours.
      logValues.draftId = draftIdsCell({ ...previous.drafts, summary: { id: summaryDraft.id, messageId, content: draftContent(plans.summary) } });
    }
  } catch (e) {
    soft(e, 'The summary draft could not be rewritten');
  }
  if (Object.keys(logValues).length > 0) {
    try {
      const logTitle = yield* ensureSheet(g.exec, g.tracker, 'QBR Log');
      yield* writeValues(g.exec, g.tracker, logFieldsWrite({ ...tabState(g.tracker, logTitle), accountId: g.accountId, qbrDate: g.qbrDate, values: logValues }));
    } catch (e) {
      soft(e, 'The QBR Log could not be updated with the rewritten summary draft and action plan');
    }
  }

  const checkIns: FollowUpOutcome['checkIns'] = [];
  const holds = holdCalls(plans.checkIns, { defaultTimezone: g.defaultTimezone, deckLink: links(null).deck });
  const live = holds.length > 0 ? yield* listHolds(g, holds[0]!.key) : new Map<string, ListedEvent>();
  for (const hold of holds) {
    const plan = plans.checkIns.find((h) => h.key === hold.key)!;
    try {
      checkIns.push({ title: plan.title, date: plan.date, made: checkInOf(yield* makeHold(g, hold, live)) });
    } catch (e) {
      soft(e, `Hold "${plan.title}" could not be updated`);
    }
  }
  return { summaryDraft, actionPlanUrl, checkIns, warnings };
}

type RestDocument = { revisionId?: string; body?: { content?: { endIndex?: number }[] } };

const WHOLE_REWRITE = 'The action plan was rewritten whole from the record: it was made by an older version that kept no record of what it wrote in the doc, so edits made in it could not be told apart and are not kept (a later save or run keeps them)';

/**
 * The doc rewritten in place: everything but the body's final newline deleted, then the plan written, in ONE
 * batchUpdate tied to the revision read (delete-then-write gives the same doc if a lost answer makes it run twice).
 * A doc that is gone or out of reach (404/403) is made again, tagged so a later save finds it. Returns the doc's id.
 */
function* rewriteDoc(g: FollowUpRun, plan: DocPlan, docId: string | null, tag: string): Effect<string> {
  if (docId) {
    const read = { ...docReadCall(docId), fallback: { on: [403, 404] } };
    const found = (yield* g.exec.run(read)) as RestDocument | null;
    if (found) {
      yield* fillOnce<RestDocument>(g.exec, {
        read: docReadCall(docId),
        applied: () => false,
        build: (d) => withRevision(rewriteCall(docId, plan, d), d.revisionId),
      });
      return docId;
    }
  }
  const [create, fill] = docCalls(plan, { folderId: g.folderId, bindAs: 'actionPlanDocId', existingDocId: null, appProperties: { qbrPackage: tag } });
  yield* g.exec.run(create!);
  yield* g.exec.run(fill!);
  return String(g.exec.value('actionPlanDocId'));
}

function rewriteCall(documentId: string, plan: DocPlan, doc: RestDocument): ApiCall {
  const content = doc.body?.content ?? [];
  const end = content[content.length - 1]?.endIndex ?? 2;
  // What is left is one empty paragraph [1,2): plain text without bullets, as in a new doc, for docRequests to write into.
  const clear = end - 1 > 1 ? [{ deleteContentRange: { range: { startIndex: 1, endIndex: end - 1 } } }] : [];
  const reset = [
    { deleteParagraphBullets: { range: { startIndex: 1, endIndex: 2 } } },
    { updateParagraphStyle: { range: { startIndex: 1, endIndex: 2 }, paragraphStyle: { namedStyleType: 'NORMAL_TEXT' }, fields: 'namedStyleType' } },
  ];
  return { id: 'docs.documents.batchUpdate', params: { documentId }, body: { requests: [...clear, ...reset, ...docRequests(plan)] }, note: `Rewrite the ${plan.kind} doc from the record` };
}

/** What became of a check-in hold: rewritten with the commitments, left deleted, or kept as the CSM edited it. */
function checkInOf(made: 'made' | 'deleted' | 'kept'): 'updated' | 'deleted' | 'kept' {
  return made === 'made' ? 'updated' : made;
}
