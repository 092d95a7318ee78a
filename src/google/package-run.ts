/**
 * One account's QBR package made in Google Workspace: the deck (template copy, charts, one fill), the Docs, the
 * drafts, the holds and the tracker write-back — each step recorded in the run state so a killed run resumes
 * without repeating or duplicating anything.
 */
import type { AccountReview } from '../core/analysis/types';
import { addDays, type IsoDate } from '../core/dates';
import { rfc5322Date } from '../core/mime/message';
import { buildPackage } from '../core/package/package';
import type { QbrPackage } from '../core/package/types';
import { holdCalls } from './calendar';
import { docCalls, shareCall } from './docs';
import { copyTemplateCall, trashCall } from './drive';
import type { Effect, Executor } from './execute';
import { draftCall } from './gmail';
import { accountState, type AccountRunState, type RunState } from './run-state';
import type { ActionRow, QbrLogRow, ValueWrite } from './sheets';
import { chartSheetRequests, fillCall, fillRequests, readCall, readTemplate, type ChartSource, type RestPresentation } from './slides';
import { ensureSheet, findSheet, rowsOf, writeBack, type GoogleTracker } from './tracker-io';

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
  state: RunState;
  save: () => void;
  log: (line: string) => void;
}

export interface AccountOutcome {
  accountId: string;
  qbrDate: IsoDate;
  deckUrl: string | null;
  docUrls: string[];
  draftIds: string[];
  eventIds: string[];
  warnings: string[];
}

const CHART_TAB = 'QBR Charts';
const deckUrl = (id: string) => `https://docs.google.com/presentation/d/${id}/edit`;
const docUrl = (id: string) => `https://docs.google.com/document/d/${id}/edit`;

export function* runAccount(review: AccountReview, g: GoogleRun): Effect<AccountOutcome> {
  const first = buildPackage(review, { today: g.today, qbrDate: g.qbrDate });
  const st = accountState(g.state, review.id, first.qbrDate);
  const previous = previousRun(g.tracker, review.id, first.qbrDate);
  const warnings = [...first.dataToConfirm];
  const tag = `${review.id}|${first.qbrDate}`;

  if (first.deck) yield* makeDeck(review, first, st, g, warnings, tag);
  if (first.deck) yield* makeDocs(first, st, g, previous, tag);
  const links = {
    deck: st.deckId ? deckUrl(st.deckId) : null,
    preRead: st.docs?.['pre-read'] ? docUrl(st.docs['pre-read'].id) : null,
    actionPlan: st.docs?.['action-plan'] ? docUrl(st.docs['action-plan'].id) : null,
  };
  const pkg = buildPackage(review, { today: g.today, qbrDate: first.qbrDate, links });

  st.drafts ??= {};
  const from = review.people.csmEmail ? { name: review.people.csm, email: review.people.csmEmail } : undefined;
  for (const email of pkg.emails) {
    const kind = email.kind === 'invitation' ? 'invitation' : 'summary';
    if (st.drafts[kind]) continue;
    const bindAs = `${kind}DraftId`;
    yield* g.exec.run(draftCall(email, { existingDraftId: previous.drafts[kind] ?? null, from, date: rfc5322Date(g.now.getTime()), bindAs }));
    st.drafts[kind] = String(g.exec.value(bindAs));
    g.save();
  }

  st.holds ??= [];
  const calls = holdCalls(pkg.holds, { defaultTimezone: g.defaultTimezone, deckLink: links.deck });
  for (const [i, call] of calls.entries()) {
    const key = pkg.holds[i]!.key;
    if (st.holds.includes(key)) continue;
    yield* g.exec.run(call);
    st.holds.push(key);
    g.save();
  }

  if (!st.previousTrashed) {
    // The package this one replaces (same account and QBR date): its deck goes to the trash once the new one is filled.
    if (previous.deckId && previous.deckId !== st.deckId) yield* g.exec.run(trashCall(previous.deckId));
    st.previousTrashed = true;
    g.save();
  }

  const eventIds = calls.map((c) => (c.body as { id: string }).id);
  if (g.tracker && !st.trackerWritten) {
    yield* writeBack(g.exec, g.tracker, logRow(review, pkg, st, eventIds, warnings, g.now), followUpActions(review, pkg), chartValues(review, pkg, st, g.tracker));
    st.trackerWritten = true;
    g.save();
  }
  st.done = true;
  g.save();
  return {
    accountId: review.id, qbrDate: pkg.qbrDate, deckUrl: links.deck,
    docUrls: [links.preRead, links.actionPlan].filter((x): x is string => x !== null),
    draftIds: Object.values(st.drafts).filter((x): x is string => Boolean(x)),
    eventIds, warnings,
  };
}

function* makeDeck(review: AccountReview, pkg: QbrPackage, st: AccountRunState, g: GoogleRun, warnings: string[], tag: string): Effect<void> {
  const deck = pkg.deck!;
  if (!st.deckId) {
    const name = `${review.name} — ${review.reviewType} ${review.quarter ?? ''} (${pkg.qbrDate})`.replace(/\s+/g, ' ');
    yield* g.exec.run(copyTemplateCall(g.templateId, { name, folderId: g.folderId, bindAs: 'deckId', appProperties: { qbrFacilitatorTemplate: 'copy', qbrPackage: `${tag}|deck` } }));
    st.deckId = String(g.exec.value('deckId'));
    g.save();
  }
  if (st.deckFilled) return;
  const charts: Record<string, ChartSource> = {};
  if (g.tracker) Object.assign(charts, yield* makeCharts(review, pkg, st, g));
  const presentation = (yield* g.exec.run(readCall(st.deckId))) as RestPresentation;
  const fill = fillRequests(readTemplate(presentation), deck, {
    charts,
    extraTokens: { csm: review.people.csm ?? '', champion: review.people.champion ?? '', qbr_date: pkg.qbrDate },
  });
  for (const t of fill.unknownTokens) warnings.push(`Template: unknown token ${t} was left empty`);
  for (const s of fill.missingSlides) warnings.push(`Template: no slide tagged "${s}", so that slide is not in the deck`);
  yield* g.exec.run(fillCall(st.deckId, fill.requests));
  st.deckFilled = true;
  g.save();
}

/** The deck's charts as linked Sheets charts in the tracker's chart tab; a re-run replaces the account's old charts. */
function* makeCharts(review: AccountReview, pkg: QbrPackage, st: AccountRunState, g: GoogleRun): Effect<Record<string, ChartSource>> {
  const tracker = g.tracker!;
  if (st.charts) return Object.fromEntries(Object.entries(st.charts).map(([k, id]) => [k, { spreadsheetId: tracker.spreadsheetId, chartId: id }]));
  const title = yield* ensureSheet(g.exec, tracker, CHART_TAB);
  const sheet = findSheet(tracker, title)!;
  const rows = rowsOf(tracker, title);
  const label = `${review.id} · `;
  const own = rows.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith(label));
  const startRow = own >= 0 ? own + 1 : rows.length + 1;
  const plan = chartSheetRequests(pkg.deck!, { sheetId: sheet.sheetId, sheetTitle: title, accountId: review.id, startRow });
  if (plan.chartKeys.length === 0) return {};
  const lastRow = plan.nextRow - 1;
  const stale = sheet.charts.filter((c) => c.anchorRow !== null && c.anchorRow >= startRow - 1 && c.anchorRow < lastRow);
  // The numbers themselves go out with the QBR Log row (one write call); a linked chart shows them once written.
  st.chartRow = startRow;
  const reply = (yield* g.exec.run({
    id: 'sheets.spreadsheets.batchUpdate', params: { spreadsheetId: tracker.spreadsheetId },
    body: { requests: [...stale.map((c) => ({ deleteEmbeddedObject: { objectId: c.chartId } })), ...plan.addCharts] },
    note: `Charts for ${review.id}${stale.length ? ` (replacing ${stale.length})` : ''}`,
  })) as { replies?: { addChart?: { chart?: { chartId?: number; position?: { overlayPosition?: { anchorCell?: { rowIndex?: number } } } } } }[] };
  const added = (reply.replies ?? []).slice(stale.length).map((r) => r.addChart?.chart);
  sheet.charts = [...sheet.charts.filter((c) => !stale.includes(c)), ...added.map((c) => ({ chartId: c?.chartId ?? 0, anchorRow: c?.position?.overlayPosition?.anchorCell?.rowIndex ?? null }))];
  st.charts = Object.fromEntries(plan.chartKeys.map((k, i) => [k, added[i]?.chartId ?? 0]));
  g.save();
  return Object.fromEntries(Object.entries(st.charts).map(([k, id]) => [k, { spreadsheetId: tracker.spreadsheetId, chartId: id }]));
}

/** The chart tab rows of this account's charts, recomputed from the deck (pure) at the row recorded when the charts were made. */
function chartValues(review: AccountReview, pkg: QbrPackage, st: AccountRunState, tracker: GoogleTracker): ValueWrite[] {
  const sheet = findSheet(tracker, CHART_TAB);
  if (!pkg.deck || !sheet || st.chartRow === undefined) return [];
  const plan = chartSheetRequests(pkg.deck, { sheetId: sheet.sheetId, sheetTitle: sheet.title, accountId: review.id, startRow: st.chartRow });
  return plan.chartKeys.length > 0 ? [{ range: plan.values.range, values: plan.values.values }] : [];
}

function* makeDocs(pkg: QbrPackage, st: AccountRunState, g: GoogleRun, previous: PreviousRun, tag: string): Effect<void> {
  st.docs ??= {};
  for (const doc of pkg.docs) {
    const have = st.docs[doc.kind];
    if (have?.filled) continue;
    const bindAs = doc.kind === 'pre-read' ? 'preReadDocId' : 'actionPlanDocId';
    const [create, fill, ...trash] = docCalls(doc, { folderId: g.folderId, bindAs, existingDocId: previous.docs[doc.kind] ?? null, appProperties: { qbrPackage: `${tag}|${doc.kind}` } });
    if (have) g.exec.set(bindAs, have.id);
    else {
      yield* g.exec.run(create!);
      st.docs[doc.kind] = { id: String(g.exec.value(bindAs)), filled: false };
      g.save();
    }
    yield* g.exec.run(fill!);
    st.docs[doc.kind]!.filled = true;
    g.save();
    yield* g.exec.runAll(trash);
  }
  const email = pkg.emails[0]?.to[0]?.email;
  if (g.shareWithChampion && email && !st.shared) {
    for (const d of Object.values(st.docs)) if (d) yield* g.exec.run(shareCall(d.id, email));
    st.shared = true;
    g.save();
  }
}

interface PreviousRun {
  deckId: string | null;
  docs: Partial<Record<'pre-read' | 'action-plan', string>>;
  drafts: Partial<Record<'summary' | 'invitation', string>>;
}

/** The ids an earlier run wrote in the QBR Log row for this account and QBR date (re-runs update, never add). */
export function previousRun(tracker: GoogleTracker | null, accountId: string, qbrDate: IsoDate): PreviousRun {
  const none: PreviousRun = { deckId: null, docs: {}, drafts: {} };
  if (!tracker) return none;
  const sheet = findSheet(tracker, 'QBR Log');
  if (!sheet) return none;
  const rows = rowsOf(tracker, sheet.title);
  const header = (rows[0] ?? []).map((c) => String(c ?? '').toLowerCase().replace(/[\s_-]+/g, ''));
  const col = (name: string) => header.indexOf(name);
  const [idCol, dateCol, deckCol, docCol, draftCol] = ['accountid', 'qbrdate', 'deckurl', 'docurl', 'draftid'].map(col);
  for (const r of rows.slice(1)) {
    if (String(r[idCol!] ?? '').trim() !== accountId) continue;
    const d = r[dateCol!];
    const iso = typeof d === 'number' ? addDays('1899-12-30', Math.floor(d)) : String(d ?? '').trim();
    if (iso !== qbrDate) continue;
    const ids = (text: unknown) => [...String(text ?? '').matchAll(/\/d\/([a-zA-Z0-9_-]+)/g)].map((m) => m[1]!);
    const docs = ids(r[docCol!]);
    const drafts = Object.fromEntries([...String(r[draftCol!] ?? '').matchAll(/(summary|invitation)=([A-Za-z0-9_-]+)/g)].map((m) => [m[1], m[2]]));
    return { deckId: ids(r[deckCol!])[0] ?? null, docs: { ...(docs[0] ? { 'pre-read': docs[0] } : {}), ...(docs[1] ? { 'action-plan': docs[1] } : {}) }, drafts };
  }
  return none;
}

function logRow(review: AccountReview, pkg: QbrPackage, st: AccountRunState, eventIds: string[], warnings: string[], now: Date): QbrLogRow {
  return {
    accountId: review.id,
    qbrDate: pkg.qbrDate,
    deckUrl: st.deckId ? deckUrl(st.deckId) : null,
    docUrl: ['pre-read', 'action-plan'].map((k) => st.docs?.[k as 'pre-read']?.id).filter(Boolean).map((id) => docUrl(id!)).join(', ') || null,
    draftId: Object.entries(st.drafts ?? {}).map(([k, id]) => `${k}=${id}`).join(', ') || null,
    eventIds,
    generatedAt: now.toISOString(),
    warnings,
  };
}

/** The CSM's post-QBR follow-ups as action items (linked to this QBR, so the next review rates their completion). */
function followUpActions(review: AccountReview, pkg: QbrPackage): ActionRow[] {
  const what: Record<number, string> = { 1: 'Send the QBR summary and mutual action plan', 7: 'Check in on every action item', 14: 'Send the champion a progress update' };
  return pkg.holds.filter((h) => what[h.offset]).map((h) => ({
    actionId: `QBR-${review.id}-${pkg.qbrDate}-T+${h.offset}`, accountId: review.id, action: what[h.offset]!,
    owner: review.people.csm, side: 'Vendor', dueDate: h.date, status: 'Open', linkedTo: pkg.qbrDate,
  }));
}

