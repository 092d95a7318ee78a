/**
 * One account's QBR package made in Google Workspace: the deck (template copy, charts, one fill), the Docs, the
 * drafts, the holds and the tracker write-back — each step recorded in the run state so a killed run resumes
 * without repeating or duplicating anything.
 */
import { isMailbox } from '../core/mime/headers';
import type { AccountReview } from '../core/analysis/types';
import type { IsoDate } from '../core/dates';
import { meetingAttachment } from '../core/mime/calendar';
import { rfc5322Date } from '../core/mime/message';
import { holdEventId } from '../core/package/holds';
import { buildPackage } from '../core/package/package';
import type { FigureChange } from '../core/package/changes';
import type { HolidaySource } from '../core/package/holidays';
import type { QbrPackage } from '../core/package/types';
import { holdCalls, type ListedEvent } from './calendar';
import { docCalls, shareCall } from './docs';
import { docRecordText, recordOf, type DocKind, type DocRecord } from './doc-record';
import { refreshInPlace } from './doc-refresh';
import { copyTemplateCall, findByAppPropertyCall, keepAsPreviousCall } from './drive';
import { ApiError, type Effect, type Executor } from './execute';
import { deckFillApplied, docFilled, docReadCall, fillOnce, tokensIn, withRevision } from './fill-once';
import type { ApiCall } from './types';
import { draftCall, draftContent, draftMessageCall, findDraftCall, keptDraftNote, type DraftKind } from './gmail';
import { accountState, type AccountRunState, type RunState } from './run-state';
import { CHART_TAB, editedLines, refreshDeck, type DeckRecord, type RefreshReport } from './deck-refresh';
import { logFieldsWrite } from './sheets';
import { CHART_ROWS, CHART_SLOT_BLOCKS, chartCellsRequest, chartSheetRequests, fillCall, fillRequests, readCall, readTemplate, type ChartSource, type RestPresentation, type WrittenElement } from './slides';
import { ensureSheet, findSheet, rowsOf, tabState, writeBack, writeValues, type GoogleTracker } from './tracker-io';
import { listHolds, makeHold } from './holds-run';
import { deckUrl, docUrl, followUpActions, logRow, madeOrLogged, previousRun, recordCell, type PreviousRun } from './package-log';

export interface GoogleRun {
  exec: Executor;
  today: IsoDate;
  /** The run's clock reading (draft Date header, QBR Log "Generated At"). */
  now: Date;
  defaultTimezone: string;
  tracker: GoogleTracker | null;
  folderId: string | null;
  templateId: string;
  shareWithChampion: boolean;
  qbrDate: IsoDate | null;
  /** The team's default QBR length (add-on Settings), or null for each review type's own agenda. */
  reviewMinutes?: number | null;
  /** Public holidays for the holds (the library in the CLI, the build-time table in the add-on). */
  holidays?: HolidaySource | null;
  /** Which parts to make (the add-on's buttons); all when absent. The tracker row is written whenever anything was made. */
  parts?: Partial<Record<PackagePart, boolean>>;
  /**
   * Regenerate from scratch: a new deck even when the QBR Log points at this QBR's deck (that one is kept, renamed
   * "… (previous)"). Without it, that deck is refreshed in place (SPEC §4.4).
   */
  regenerate?: boolean;
  state: RunState;
  save: () => void;
  log: (line: string) => void;
}

export interface AccountOutcome {
  accountId: string;
  qbrDate: IsoDate;
  deckUrl: string | null;
  docUrls: string[];
  /** The internal prep brief (the CSM's own Doc, never shared), for the results card. */
  prepBriefUrl: string | null;
  draftIds: string[];
  eventIds: string[];
  /** The holds made or updated for this QBR so far. */
  holds: { title: string; date: IsoDate }[];
  /** Steps already past on the run's today: not created (SPEC §4.3). */
  missedHolds: { step: string; date: IsoDate }[];
  warnings: string[];
  /** What moved since the package the QBR Log recorded for this account and QBR date; null when there was none (SPEC §4.4). */
  changes: FigureChange[] | null;
  /** What this run's fill wrote in the deck, element by element (null when the deck was not filled by this run). */
  deckRecord: DeckRecord | null;
  /** What a refresh in place did to the deck (edited elements kept, deleted ones left, values rewritten); null when the deck was made fresh. */
  refresh: RefreshReport | null;
  /** Drafts the CSM edited since the tool last wrote them: kept as they are, not rewritten (SPEC §4.4). */
  keptDrafts: DraftKind[];
  /** What this run did to each Doc the QBR Log already pointed at (SPEC §4.4); empty on a first generation. */
  docRefresh: DocRefreshOutcome[];
}

export interface DocRefreshOutcome {
  doc: DocKind;
  /** refreshed: rewritten in place; unchanged: nothing moved, no write; edited: the user's edits kept, the rest updated; remade: the old doc was gone (or had no record), a new one made. */
  outcome: 'refreshed' | 'unchanged' | 'edited' | 'remade';
  /** Generated paragraphs given new text. */
  updated: number;
  /** Paragraphs new in this package added to an edited doc (a new bullet, a new section). */
  added: number;
  /** Generated paragraphs the user edited whose value moved (kept as the user left them). */
  kept: number;
  /** "pre-read, Value delivered: you edited this; the tracker now says …" (also among the warnings). */
  notes: string[];
}

export type PackagePart = 'deck' | 'docs' | 'drafts' | 'holds';

type RestDocument = Parameters<typeof docFilled>[0] & { revisionId?: string };

export function* runAccount(review: AccountReview, g: GoogleRun): Effect<AccountOutcome> {
  // An unfinished package keeps the date it was started with: a run resumed tomorrow must not start another one.
  const unfinished = g.state.accounts[review.id];
  const resumeDate = g.qbrDate ?? (unfinished && !unfinished.done && unfinished.qbrDate ? unfinished.qbrDate : null);
  const holidays = g.holidays ?? null;
  const planned = buildPackage(review, { today: g.today, qbrDate: resumeDate, reviewMinutes: g.reviewMinutes ?? null, holidays });
  const st = accountState(g.state, review.id, planned.qbrDate);
  const previous = previousRun(g.tracker, review.id, planned.qbrDate);
  // Built again against the figures the QBR Log kept, so the prep brief says what moved since that package.
  const first = previous.figures ? buildPackage(review, { today: g.today, qbrDate: planned.qbrDate, reviewMinutes: g.reviewMinutes ?? null, holidays, previous: previous.figures }) : planned;
  const warnings = [...first.warnings, ...first.dataToConfirm];
  const tag = `${review.id}|${first.qbrDate}`;

  const want = (part: PackagePart) => !g.parts || g.parts[part] === true;
  let written: WrittenElement[] | null = null;
  let refresh: RefreshReport | null = null;
  if (first.deck && want('deck') && !st.deckFilled) {
    // This deck step's record is not logged yet (a flag left by an earlier step of the same state must not vouch for it).
    delete st.deckRecordLogged;
    // The QBR Log points at this QBR's deck with a record of what we wrote: refresh it in place, unless asked not to.
    if (st.deckRefresh || (!st.deckId && !g.regenerate && previous.deckId && previous.deckId !== g.templateId)) {
      if (previous.record) {
        const r = yield* refreshDeck(review, first, st, g, previous.record, warnings);
        if (r) ({ record: written, report: refresh } = r);
      } else if (st.deckRefresh) {
        // Never fill the CSM's deck as if it were a fresh copy.
        delete st.deckId;
        delete st.deckRefresh;
      } else warnings.push('The QBR Log has no usable record of what was written in this QBR\'s deck, so a new deck was made (the old one is kept, renamed "… (previous)")');
    }
    // The deck a fresh one replaces, kept in the run state: the QBR Log points at the new one as soon as it is filled.
    if (!refresh && !st.deckId && previous.deckId && !st.replaces) st.replaces = previous.deckId;
    if (!refresh) written = yield* makeDeck(review, first, st, g, warnings, tag);
    if (refresh) warnings.push(...editedLines(refresh));
  }
  // The deck's record goes to the QBR Log as soon as the deck is written: it lives only in this run's memory, and an
  // add-on run that pauses (the card's time, the trigger's) writes the rest of the row in a later execution.
  const deckCell = written && st.deckId ? recordCell({ deckId: st.deckId, qbrDate: first.qbrDate, elements: written }, warnings) : null;
  // Already in the log as it is (a refresh where nothing moved): logged all the same, so a resumed run leaves it be.
  if (deckCell !== null && deckCell === previous.recordText) st.deckRecordLogged = true;
  if (deckCell !== null && g.tracker && st.deckId && deckCell !== previous.recordText) {
    const logTitle = yield* ensureSheet(g.exec, g.tracker, 'QBR Log');
    yield* writeValues(g.exec, g.tracker, logFieldsWrite({ ...tabState(g.tracker, logTitle), accountId: review.id, qbrDate: first.qbrDate, values: { deckUrl: deckUrl(st.deckId), deckRecord: deckCell } }));
    st.deckRecordLogged = true;
    g.save();
  }
  // The prep brief lists the deck elements the CSM edited whose numbers moved, with the other warnings.
  const edits = refresh ? editedLines(refresh) : [];
  const forDocs = edits.length > 0 ? buildPackage(review, { today: g.today, qbrDate: first.qbrDate, reviewMinutes: g.reviewMinutes ?? null, holidays, previous: previous.figures, extraWarnings: edits }) : first;
  const docRefresh: DocRefreshOutcome[] = [];
  // Regenerating from scratch is the whole package: the Docs too are made anew (the old ones kept, renamed), not refreshed.
  if (first.deck && want('docs')) yield* makeDocs(review, forDocs, st, g, g.regenerate ? { ...previous, docRecord: {} } : previous, tag, warnings, docRefresh);
  // A part not made this run (the add-on's buttons) is still the package's: what the QBR Log row had for it stands.
  const made = madeOrLogged(st, previous, want);
  const links = {
    deck: made.deckId ? deckUrl(made.deckId) : null,
    preRead: made.docs['pre-read'] ? docUrl(made.docs['pre-read']) : null,
    actionPlan: made.docs['action-plan'] ? docUrl(made.docs['action-plan']) : null,
  };
  const pkg = buildPackage(review, { today: g.today, qbrDate: first.qbrDate, links, reviewMinutes: g.reviewMinutes ?? null, holidays, previous: previous.figures });

  st.drafts ??= {};
  const keptDrafts: DraftKind[] = [];
  const from = review.people.csmEmail && isMailbox(review.people.csmEmail) ? { name: review.people.csm, email: review.people.csmEmail } : undefined;
  for (const email of want('drafts') ? pkg.emails : []) {
    const kind = email.kind === 'invitation' ? 'invitation' : 'summary';
    if (st.drafts[kind]) continue;
    const bindAs = `${kind}DraftId`;
    const marker = `${tag}|draft|${kind}`;
    const known = previous.drafts[kind];
    const content = draftContent(email);
    let existing = known?.id ?? null;
    if (known?.messageId && !st.pending?.includes(marker)) {
      // The CSM's draft is theirs once edited (its message id moved since we wrote it): kept, never overwritten.
      const now = (yield* g.exec.run(draftMessageCall(known.id))) as { message?: { id?: string } } | null;
      if (now === null) existing = null;
      else if (now.message?.id && (now.message.id !== known.messageId || known.content === content)) {
        st.drafts[kind] = known.id;
        // Our message id (and what we wrote) stay in the log, so every later run sees the edit too.
        (st.draftMessages ??= {})[kind] = known.messageId;
        if (known.content) (st.draftContents ??= {})[kind] = known.content;
        // Still ours and the same email as last time: nothing to write.
        if (now.message.id !== known.messageId) {
          keptDrafts.push(kind);
          warnings.push(keptDraftNote(kind));
        }
        g.save();
        continue;
      }
    }
    if (!existing && st.pending?.includes(marker)) {
      // The run died after asking Gmail for this draft: find it by its Message-ID rather than make a second one.
      yield* g.exec.run(findDraftCall(email, from, bindAs));
      existing = (g.exec.value<string>(bindAs) as string | undefined) ?? null;
    }
    (st.pending ??= []).push(marker);
    g.save();
    const attachments = email.meeting ? [meetingAttachment(email.meeting, { now: g.now, defaultTimezone: g.defaultTimezone })] : [];
    const reply = (yield* g.exec.run(draftCall(email, { existingDraftId: existing, from, date: rfc5322Date(g.now.getTime()), bindAs, attachments }))) as { message?: { id?: string } } | null;
    st.drafts[kind] = String(g.exec.value(bindAs));
    // The message id Gmail gave what we wrote: the next run tells the CSM's edits from ours by it.
    if (reply?.message?.id) {
      (st.draftMessages ??= {})[kind] = reply.message.id;
      (st.draftContents ??= {})[kind] = content;
    } else delete st.draftMessages?.[kind];
    st.pending = st.pending.filter((p) => p !== marker);
    g.save();
  }

  st.holds ??= [];
  const calls = holdCalls(want('holds') ? pkg.holds : [], { defaultTimezone: g.defaultTimezone, deckLink: links.deck }).filter((h) => !st.holds!.includes(h.key));
  // A re-run lists this QBR's live holds once, and patches only those that changed (a first run has none to list).
  const live = calls.length > 0 && previous.logged ? yield* listHolds(g, calls[0]!.key) : new Map<string, ListedEvent>();
  for (const hold of calls) {
    const title = pkg.holds.find((h) => h.key === hold.key)?.title ?? hold.key;
    try {
      const made = yield* makeHold(g, hold, live);
      if (made === 'deleted') {
        warnings.push(`Hold "${title}" was deleted by you, so it was not recreated`);
        continue;
      }
      if (made === 'kept') warnings.push(`Hold "${title}": you edited its title or description, so it was kept as you left it`);
      st.holds.push(hold.key);
    } catch (e) {
      // A hold is a reminder, not the package: one that fails is reported and the account still gets its log row.
      // A failure every later call would meet too (sign-in, a quota still exhausted after the back-off) stops the run.
      if (!(e instanceof ApiError) || e.status === 401 || e.status === 429) throw e;
      warnings.push(`Hold "${title}" could not be made (${e.message}); run again to retry it`);
    }
  }
  g.save(); // holds are idempotent by id, so one save after them is enough

  if (!st.previousTrashed && want('deck')) {
    // The package this one replaces (same account and QBR date): its deck is the CSM's, maybe edited, so it is
    // kept, renamed "… (previous)", once the new one is filled (SPEC §4.4) — never trashed.
    const replaced = st.replaces ?? previous.deckId;
    if (replaced && replaced !== st.deckId && replaced !== g.templateId) yield* g.exec.run(keepQuietly(replaced, deckName(review, first.qbrDate), `${tag}|deck`));
    st.previousTrashed = true;
    g.save();
  }

  // Every hold made for this QBR so far (this run or an earlier partial one): the log row lists them all.
  const eventIds = want('holds') ? st.holds.map(holdEventId) : [...new Set([...previous.eventIds, ...st.holds.map(holdEventId)])];
  if (g.tracker && (g.parts || !st.trackerWritten)) {
    // What the docs now hold, for the next run's refresh: the plans they were filled or refreshed from (not kept in
    // the run state, which the add-on stores in a user property of a few KB); docs not made this run keep their record.
    const docRecord: DocRecord = { ...previous.docRecord };
    for (const doc of want('docs') ? [...forDocs.docs, ...(forDocs.prepBrief ? [forDocs.prepBrief] : [])] : []) {
      const id = st.docs?.[doc.kind]?.filled ? st.docs[doc.kind]!.id : null;
      if (id) docRecord[doc.kind] = recordOf(doc, id);
    }
    // Logged above when this run wrote the deck; a deck written by an interrupted run whose record never reached the
    // log gets an empty cell, so an out-of-date record of the same deck is never compared against it.
    const record = deckCell ?? (st.deckRecordLogged || !st.deckId || !want('deck') ? null : '');
    // The key figures are what the deck and docs show: a run of only drafts or holds leaves the logged ones.
    const figures = want('deck') || want('docs') ? {} : { keyFigures: null };
    yield* writeBack(g.exec, g.tracker, { ...logRow(review, pkg, madeOrLogged(st, previous, want), eventIds, warnings, g.now, docRecordText(docRecord)), deckRecord: record, ...figures }, followUpActions(review, pkg));
    st.trackerWritten = true;
    g.save();
  }
  if (!g.parts) st.done = true;
  g.save();
  return {
    accountId: review.id, qbrDate: pkg.qbrDate, deckUrl: links.deck,
    docUrls: [links.preRead, links.actionPlan].filter((x): x is string => x !== null),
    prepBriefUrl: made.docs['prep-brief'] ? docUrl(made.docs['prep-brief']) : null,
    draftIds: Object.values(st.drafts).filter((x): x is string => Boolean(x)),
    eventIds, holds: pkg.holds.filter((h) => st.holds!.includes(h.key)).map((h) => ({ title: h.title, date: h.date })),
    missedHolds: pkg.missedHolds.map((m) => ({ step: m.step, date: m.date })), warnings, changes: pkg.changes ?? null,
    deckRecord: written && st.deckId ? { deckId: st.deckId, qbrDate: pkg.qbrDate, elements: written } : null, refresh,
    docRefresh, keptDrafts,
  };
}

/** Returns what the fill wrote per element, or null when the deck was filled by an earlier (interrupted) run. */
function* makeDeck(review: AccountReview, pkg: QbrPackage, st: AccountRunState, g: GoogleRun, warnings: string[], tag: string): Effect<WrittenElement[] | null> {
  const deck = pkg.deck!;
  if (!st.deckId) {
    const name = deckName(review, pkg.qbrDate);
    st.deckId = (yield* createOnce(g, st, `${tag}|deck`, 'deckId', copyTemplateCall(g.templateId, { name, folderId: g.folderId, bindAs: 'deckId', appProperties: { qbrFacilitatorTemplate: 'copy', qbrPackage: `${tag}|deck` } })));
    g.save();
  }
  if (st.deckFilled) return null;
  let written: WrittenElement[] = [];
  const charts: Record<string, ChartSource> = {};
  if (g.tracker) Object.assign(charts, yield* makeCharts(review, pkg, st, g));
  const deckId = st.deckId;
  let built = false;
  yield* fillOnce<RestPresentation>(g.exec, {
    read: readCall(deckId),
    // A fill whose answer was lost (a timeout, a run killed mid-call) is in the deck already: never send it twice.
    applied: (p) => deckFillApplied(st.deckFill, p),
    build: (presentation) => {
      const model = readTemplate(presentation);
      const fill = fillRequests(model, deck, {
        charts,
        extraTokens: { csm: review.people.csm ?? '', champion: review.people.champion ?? '', qbr_date: pkg.qbrDate },
      });
      if (!built) {
        for (const p of model.problems) warnings.push(`Template: ${p}`);
        for (const t of fill.unknownTokens) warnings.push(`Template: unknown token ${t} was left empty`);
        for (const s of fill.missingSlides) warnings.push(`Template: no slide tagged "${s}", so that slide is not in the deck`);
        for (const p of fill.problems) warnings.push(`Template: ${p}`);
        built = true;
      }
      written = fill.written;
      if (presentation.revisionId) st.deckFill = { revisionId: presentation.revisionId, tokens: tokensIn(presentation) };
      g.save();
      return fillCall(deckId, fill.requests, presentation.revisionId);
    },
  });
  delete st.deckFill;
  st.deckFilled = true;
  g.save();
  // A fill found already in the deck (a resumed run) was not built here: its record is the run's that sent it.
  return built ? written : null;
}

/**
 * The deck's charts as linked Sheets charts in the tracker's chart tab, in ONE spreadsheets.batchUpdate: the
 * account's old charts deleted, its numbers written (before the charts exist, since a linked chart in Slides is
 * a snapshot of them), the new charts added. Each account has a fixed slot of rows, found by its label.
 */
function* makeCharts(review: AccountReview, pkg: QbrPackage, st: AccountRunState, g: GoogleRun): Effect<Record<string, ChartSource>> {
  const tracker = g.tracker!;
  const linked = (ids: Record<string, number>) => Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, { spreadsheetId: tracker.spreadsheetId, chartId: id }]));
  if (st.charts) return linked(st.charts);
  const title = yield* ensureSheet(g.exec, tracker, CHART_TAB);
  const sheet = findSheet(tracker, title)!;
  const rows = rowsOf(tracker, title);
  const slot = CHART_SLOT_BLOCKS * CHART_ROWS;
  const first = (r: unknown[] | undefined) => (r ? r[0] : undefined);
  const labels = [...rows.keys()].filter((i) => { const v = first(rows[i]); return typeof v === 'string' && / · /.test(v); });
  const own = [...rows.keys()].find((i) => { const v = first(rows[i]); return typeof v === 'string' && v.startsWith(`${review.id} · `); }) ?? -1;
  // Slots start at rows 1, 1 + slot, 1 + 2·slot …: a new account takes the first slot after every labelled one.
  const startRow = own >= 0 ? own + 1 : labels.length === 0 ? 1 : (Math.floor(Math.max(...labels) / slot) + 1) * slot + 1;
  const plan = chartSheetRequests(pkg.deck!, { sheetId: sheet.sheetId, sheetTitle: title, accountId: review.id, startRow });
  if (plan.chartKeys.length === 0) return {};
  const stale = sheet.charts.filter((c) => c.anchorRow !== null && c.anchorRow >= startRow - 1 && c.anchorRow < startRow - 1 + slot);
  const reply = (yield* g.exec.run({
    id: 'sheets.spreadsheets.batchUpdate', params: { spreadsheetId: tracker.spreadsheetId },
    body: { requests: [...stale.map((c) => ({ deleteEmbeddedObject: { objectId: c.chartId } })), chartCellsRequest(plan, sheet.sheetId, startRow), ...plan.addCharts] },
    note: `Chart data and charts for ${review.id}${stale.length ? ` (replacing ${stale.length})` : ''}`,
  })) as { replies?: { addChart?: { chart?: { chartId?: number; position?: { overlayPosition?: { anchorCell?: { rowIndex?: number } } } } } }[] };
  // Mirror the write locally, so the next account in this run sees the slot as taken.
  plan.values.values.forEach((r, i) => (rows[startRow - 1 + i] = r));
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  const added = (reply.replies ?? []).slice(stale.length + 1).map((r) => r.addChart?.chart);
  sheet.charts = [...sheet.charts.filter((c) => !stale.includes(c)), ...added.map((c) => ({ chartId: c?.chartId ?? 0, anchorRow: c?.position?.overlayPosition?.anchorCell?.rowIndex ?? null }))];
  st.charts = Object.fromEntries(plan.chartKeys.map((k, i) => [k, added[i]?.chartId ?? 0]));
  g.save();
  return linked(st.charts);
}

function* makeDocs(review: AccountReview, pkg: QbrPackage, st: AccountRunState, g: GoogleRun, previous: PreviousRun, tag: string, warnings: string[], report: DocRefreshOutcome[]): Effect<void> {
  st.docs ??= {};
  // The prep brief is made like the others, in the CSM's Drive (so the CSM owns it), but it is never shared below.
  for (const doc of [...pkg.docs, ...(pkg.prepBrief ? [pkg.prepBrief] : [])]) {
    let have = st.docs[doc.kind];
    if (have?.filled) continue;
    const old = previous.docs[doc.kind] ?? null;
    const record = previous.docRecord[doc.kind];
    // The doc the QBR Log points at, with a record of what the tool wrote in it: refreshed in place (SPEC §4.4).
    if ((!have || have.refresh) && old && record?.id === old) {
      st.docs[doc.kind] = { id: old, filled: false, refresh: true };
      g.save();
      const done = yield* refreshInPlace(g.exec, doc, record);
      if (done.refresh) {
        warnings.push(...done.notes);
        st.docs[doc.kind] = { id: old, filled: true };
        g.save();
        const { mode, updated, added, edited } = done.refresh;
        report.push({ doc: doc.kind, outcome: mode === 'current' ? 'unchanged' : mode === 'rewrite' ? 'refreshed' : 'edited', updated, added, kept: edited.length, notes: done.notes });
        continue;
      }
      warnings.push(...done.notes);
      delete st.docs[doc.kind];
      have = undefined;
      report.push({ doc: doc.kind, outcome: 'remade', updated: 0, added: 0, kept: 0, notes: done.notes });
    }
    const bindAs = doc.kind === 'pre-read' ? 'preReadDocId' : doc.kind === 'action-plan' ? 'actionPlanDocId' : 'prepBriefDocId';
    // An old doc with no record (made before records were kept) may hold the CSM's edits: it is kept as "… (previous)".
    const [create, fill, ...setAside] = docCalls(doc, { folderId: g.folderId, bindAs, existingDocId: old, appProperties: { qbrPackage: `${tag}|${doc.kind}` } });
    if (have) g.exec.set(bindAs, have.id);
    else {
      st.docs[doc.kind] = { id: yield* createOnce(g, st, `${tag}|${doc.kind}`, bindAs, create!), filled: false };
      g.save(); // the id now, not with the fill: createOnce has already dropped the pending mark that would find it
    }
    // Read first: a doc written by a fill whose answer was lost (or by a run killed after it) is not written twice.
    yield* fillOnce<RestDocument>(g.exec, { read: docReadCall(st.docs[doc.kind]!.id), applied: docFilled, build: (d) => withRevision(fill!, d.revisionId) });
    st.docs[doc.kind]!.filled = true;
    g.save();
    yield* g.exec.runAll(setAside.map((t) => ({ ...t, fallback: { on: [403, 404] } })));
  }
  const email = review.people.championEmail;
  if (g.shareWithChampion && !st.shared) {
    if (!email) warnings.push('Sharing: the champion has no email in the tracker, so the docs were not shared');
    else {
      try {
        // Only the customer's docs: the internal prep brief is never shared with the champion (SPEC §4.0).
        for (const d of pkg.docs.filter((x) => x.audience === 'customer').map((x) => st.docs![x.kind])) if (d) yield* g.exec.run(shareCall(d.id, email));
      } catch (e) {
        // Sharing is an extra (an outside address, a domain policy): the package still gets made.
        if (!(e instanceof ApiError)) throw e;
        warnings.push(`Sharing with ${email} failed (${e.message}); share the docs by hand`);
      }
    }
    st.shared = true;
    g.save();
  }
}


/**
 * A create that a dying run may already have made: marked pending (and saved) before the call; when the mark is
 * found on resume, the file tagged with it is looked up first and adopted instead of made again.
 */
function* createOnce(g: GoogleRun, st: AccountRunState, marker: string, bindAs: string, create: ApiCall): Effect<string> {
  if (st.pending?.includes(marker)) {
    const found = (yield* g.exec.run(findByAppPropertyCall('qbrPackage', marker, `${bindAs}Found`))) as { files?: { id?: string }[] };
    const id = found.files?.[0]?.id;
    if (id) {
      g.exec.set(bindAs, id);
      st.pending = st.pending.filter((p) => p !== marker);
      g.save();
      return id;
    }
  }
  (st.pending ??= []).push(marker);
  g.save();
  yield* g.exec.run(create);
  const id = String(g.exec.value(bindAs));
  st.pending = (st.pending ?? []).filter((p) => p !== marker);
  g.save();
  return id;
}

const deckName = (review: AccountReview, qbrDate: IsoDate) => `${review.name} — ${review.reviewType} ${review.quarter ?? ''} (${qbrDate})`.replace(/\s+/g, ' ');

/** A file the QBR Log points at may be gone or not ours to see (drive.file): then there is nothing to set aside. */
function keepQuietly(fileId: string, name: string, tag: string) {
  return { ...keepAsPreviousCall(fileId, name, tag), fallback: { on: [403, 404] } };
}

