/** `qbr generate --google`: the package made in Google Workspace through Google's API clients (or, with --dry-run, planned only). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeWorkbook } from '../core';
import { explainApiError } from '../google/errors';
import { ApiError, driveAsync, Executor, type Transport } from '../google/execute';
import { DryRunTransport } from '../google/dry-run';
import { changeLines } from '../core/package/changes';
import { runAccount, type AccountOutcome } from '../google/package-run';
import { libraryHolidays } from '../holidays/library';
import { ensureTemplate } from '../google/template-run';
import { readGoogleTracker, spreadsheetIdOf, type GoogleTracker } from '../google/tracker-io';
import { builtInPresentation } from '../google/slides/snapshot';
import { resolveAuth } from '../transport/auth';
import { googleapisTransport } from '../transport/googleapis';
import { defaultPace, Pacer } from '../transport/pace';
import { defaultRetry } from '../transport/retry';
import { loadState, saveState } from '../transport/state-file';
import { openTracker } from '../workbook/open';
import { exitStatus } from './analyze';
import { UsageError } from './args';
import { accountFolders, reason } from './paths';
import type { CommandIo } from './io';
import { field } from './terminal';

export interface GoogleFlags {
  tracker: string;
  accounts: string[] | undefined;
  qbrDate: string | null;
  today: string;
  out: string;
  dryRun: boolean;
  template: string | null;
  folder: string | null;
  share: boolean;
  apiRoot: string | null;
  /** A new deck even where the QBR Log points at this QBR's deck (kept as "… (previous)"), instead of refreshing it in place. */
  regenerate?: boolean;
}

/** Stops the whole run: nothing will work until the user fixes it (the state file keeps what was done). */
const FATAL = new Set(['auth', 'scope', 'quota', 'unavailable']);

export async function generateGoogle(flags: GoogleFlags, io: CommandIo): Promise<number> {
  const now = io.now?.() ?? new Date();
  const sheetId = spreadsheetIdOf(flags.tracker);
  if (flags.dryRun && sheetId) throw new UsageError('--dry-run makes no call, so it cannot read a Google Sheet: download the tracker (File → Download → .xlsx) and give the file');
  if (!flags.dryRun && !sheetId) throw new UsageError(`--google needs --tracker as a Google Sheet id or URL (got "${flags.tracker}"); use --dry-run to plan from a local file`);

  const dry = flags.dryRun ? new DryRunTransport({ 'slides.presentations.get': builtInPresentation() }) : null;
  let transport: Transport;
  if (dry) transport = dry;
  else {
    let auth: unknown;
    try {
      auth = resolveAuth({ withTemplate: flags.template !== null }).auth;
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const timer = io.timer ?? { now: Date.now, sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };
    transport = googleapisTransport({
      auth, ...(flags.apiRoot ? { rootUrl: flags.apiRoot } : {}),
      retry: defaultRetry({ sleep: timer.sleep, onRetry: (e, n, ms) => io.stderr(`  retrying ${e.methodId} after ${e.status || e.reason} (attempt ${n}, waiting ${(ms / 1000).toFixed(1)} s)\n`) }),
      pacer: new Pacer(defaultPace({ now: timer.now, sleep: timer.sleep })),
    });
  }
  const exec = new Executor();
  const statePath = join(flags.out, 'google-state.json');
  const state = flags.dryRun ? { version: 1 as const, accounts: {} } : loadState(statePath);
  const save = () => { if (!flags.dryRun) saveState(statePath, state); };

  let tracker: GoogleTracker | null = null;
  let reviews: ReturnType<typeof analyzeWorkbook>;
  try {
    tracker = sheetId ? await driveAsync(readGoogleTracker(exec, sheetId), transport) : null;
    const workbook = tracker ? tracker.workbook : await openTracker(flags.tracker);
    // A dry run from a local file plans the tracker write-back and the chart tab too, against a placeholder id.
    if (!tracker && flags.dryRun) tracker = { spreadsheetId: '<tracker spreadsheet id>', sheets: workbook.tabs.map((t, i) => ({ sheetId: i, title: t.name, charts: [] })), workbook };
    reviews = analyzeWorkbook(workbook, { today: flags.today, accountIds: flags.accounts });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    io.stderr(`qbr generate --google: ${explainApiError(e).message}\n`);
    return 1;
  }

  const folders = accountFolders(reviews.accounts.map((a) => a.id));
  const failed: { id: string; reason: string }[] = [];
  const done: AccountOutcome[] = [];
  let made = 0;
  // Calls made for the run as a whole (tracker read, template) go to <out>/google-requests.json; each account's to its folder.
  const flush = (dir: string) => {
    made += exec.made.length;
    try {
      writeCalls(dir, exec.made.map((m) => m.call));
    } catch (e) {
      // The calls are made (or planned) already; a folder that cannot take their list costs only the list.
      io.stderr(`  could not list the calls in ${dir}: ${reason(e, dir)}\n`);
    }
    exec.made.length = 0;
  };
  try {
    // Only a deck needs the template: a book of Tech-Touch accounts makes none.
    const template = reviews.accounts.some((a) => a.deck) ? await driveAsync(ensureTemplate(exec, state, flags.template, save), transport) : { id: '', made: false };
    if (template.made) io.stderr(flags.dryRun ? 'Would create the built-in QBR template in your Drive; later runs reuse it.\n' : `Created the built-in QBR template in your Drive (${template.id}); later runs reuse it.\n`);
    flush(flags.out);
    for (const [i, review] of reviews.accounts.entries()) {
      try {
        const outcome = await driveAsync(runAccount(review, {
          exec, today: flags.today, now, defaultTimezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          tracker, folderId: flags.folder, templateId: template.id, shareWithChampion: flags.share, qbrDate: flags.qbrDate, holidays: libraryHolidays,
          regenerate: flags.regenerate ?? false, state, save, log: (l) => io.stderr(`${l}\n`),
        }), transport);
        done.push(outcome);
        if (outcome.deckRecord && !flags.dryRun) writeDeckRecord(join(flags.out, folders.get(review.id)!), outcome.deckRecord, io);
        io.stderr(`[${i + 1}/${reviews.accounts.length}] ${field(review.id)} ${field(review.name)}: ${summary(outcome, exec.made.length)}\n`);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        const unreachable = templateUnreachable(e, flags);
        const why = unreachable ? { code: 'template', message: unreachable } : explainApiError(e);
        failed.push({ id: review.id, reason: why.message });
        io.stderr(`[${i + 1}/${reviews.accounts.length}] ${field(review.id)} ${field(review.name)}: FAILED — ${why.message}\n`);
        // Every account copies the same template: stop at the first, with what to do.
        if (FATAL.has(why.code) || unreachable) throw e;
      } finally {
        flush(join(flags.out, folders.get(review.id)!));
      }
    }
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    flush(flags.out);
    if (!failed.length) io.stderr(`qbr generate --google: ${explainApiError(e).message}\n`);
    io.stderr(flags.dryRun ? '' : `Stopped; ${join(flags.out, 'google-state.json')} keeps what was done, so running the same command again resumes.\n`);
    return 1;
  }
  io.stderr(`\n${done.length} package${done.length === 1 ? '' : 's'} ${flags.dryRun ? 'planned (no call made)' : 'made in Google Workspace'}, ${made} API calls; listed in ${join(flags.out, 'google-requests.json')} (tracker, template) and ${join(flags.out, '<Account ID>', 'google-requests.json')}\n`);
  for (const s of [...reviews.skipped, ...failed]) io.stderr(`  skipped ${field(s.id)}: ${field(s.reason)}\n`);
  return failed.length > 0 ? 1 : exitStatus(reviews);
}

/**
 * The default drive.file scope reaches only files this app made (or was given): a team's own template answers 404
 * to the copy until the sign-in can read it. Says what to do instead of "not found" (the folder's own 404 aside).
 */
export function templateUnreachable(e: ApiError, flags: Pick<GoogleFlags, 'template' | 'folder'>): string | null {
  if (e.status !== 404 || e.methodId !== 'drive.files.copy' || !flags.template) return null;
  if (flags.folder && e.message.includes(flags.folder)) return null;
  return `Google cannot open the --template presentation ${flags.template} with this sign-in: under the drive.file permission the CLI `
    + 'reaches only presentations it made itself. To use your team\'s design, run once without --template: the CLI makes its own '
    + '"QBR Facilitator: enterprise QBR template" presentation in your Drive; restyle that one in Google Slides (keep its {{tokens}}, docs/TEMPLATE.md) '
    + 'and every later run copies it, no --template needed. Also check that the id is a presentation shared with you.';
}

function summary(o: AccountOutcome, calls: number): string {
  const line = [o.deckUrl ? `deck ${o.deckUrl}` : 'digital review', `${o.docUrls.length} docs`, `${o.draftIds.length} drafts`, `${o.eventIds.length} holds${o.missedHolds.length ? ` (${o.missedHolds.length} already past, not created)` : ''}`, `${calls} calls`].join(', ');
  const kept = o.keptDrafts.map((k) => `\n    ${k} draft: you edited it, so it was kept`).join('');
  return `${line}${refreshLines(o)}${docLines(o)}${kept}${movedLines(o)}`;
}

/** A refresh in place under the account's line: what was rewritten, what the CSM edited (kept) or deleted (left deleted). */
function refreshLines(o: AccountOutcome): string {
  const r = o.refresh;
  if (!r) return '';
  const where = (s: number | null) => (s === null ? 'a deleted slide' : `slide ${s}`);
  const head = r.writes === 0 ? 'deck refreshed in place: nothing to rewrite' : `deck refreshed in place: ${r.rewritten.length} value${r.rewritten.length === 1 ? '' : 's'} rewritten, ${r.chartsRefreshed} chart${r.chartsRefreshed === 1 ? '' : 's'} refreshed`;
  const lines = [
    ...r.edited.map((e) => `${where(e.slide)}, ${e.label}: you edited this, kept${e.now ? `; the tracker now says ${e.now}` : ''}`),
    ...r.deleted.map((e) => `${where(e.slide)}, ${e.label}: you deleted this; left deleted`),
    ...r.kept.map((e) => `${where(e.slide)}, ${e.label}: left as it is (${e.why})`),
  ];
  const shown = lines.length > 8 ? [...lines.slice(0, 7), `… and ${lines.length - 7} more`] : lines;
  return `; ${head}${shown.map((l) => `\n    ${field(l)}`).join('')}`;
}


/** What a re-run did to the Docs it found (SPEC §4.4): refreshed in place, unchanged, or the CSM's edits kept. */
function docLines(o: AccountOutcome): string {
  if (o.docRefresh.length === 0) return '';
  const name = { 'pre-read': 'pre-read', 'action-plan': 'action plan', 'prep-brief': 'prep brief' } as const;
  const what = o.docRefresh.map((d) => {
    const n = name[d.doc];
    if (d.outcome === 'refreshed') return `${n} refreshed in place`;
    if (d.outcome === 'unchanged') return `${n} unchanged (nothing moved)`;
    if (d.outcome === 'remade') return `${n} made anew`;
    if (d.updated === 0 && d.added === 0 && d.kept === 0) return `${n}: your edits kept, nothing moved`;
    return `${n}: your edits kept, ${d.updated} value${d.updated === 1 ? '' : 's'} updated${d.added ? `, ${d.added} paragraph${d.added === 1 ? '' : 's'} added` : ''}${d.kept ? `, ${d.kept} edited value${d.kept === 1 ? '' : 's'} not updated` : ''}`;
  });
  const notes = o.docRefresh.flatMap((d) => d.notes);
  return `\n    docs: ${what.join(', ')}${notes.map((l) => `\n    ${field(l)}`).join('')}`;
}

/** The change report under the account's line: what moved since the package the QBR Log recorded (SPEC §4.4). */
function movedLines(o: AccountOutcome): string {
  if (!o.changes) return '';
  if (o.changes.length === 0) return '; no key figure moved since the last generation';
  const shown = changeLines(o.changes);
  return `; moved since the last generation:\n${shown.slice(0, 5).map((l) => `    ${field(l)}\n`).join('')}${shown.length > 5 ? `    … and ${shown.length - 5} more (the prep brief lists them all)\n` : ''}`.replace(/\n$/, '');
}

/**
 * What the fill wrote in the deck, per element (`deck-record.json`): the record a refresh in place compares the
 * deck with (SPEC §4.4). Losing it costs only that comparison, never the package.
 */
function writeDeckRecord(dir: string, record: NonNullable<AccountOutcome['deckRecord']>, io: CommandIo): void {
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'deck-record.json'), `${JSON.stringify(record, null, 2)}\n`);
  } catch (e) {
    io.stderr(`  could not keep the deck record in ${dir}: ${reason(e, dir)}\n`);
  }
}

function writeCalls(dir: string, calls: { id: string; params: unknown; body?: unknown }[]): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'google-requests.json'), `${JSON.stringify(calls.map((c) => ({ id: c.id, params: c.params, ...(c.body !== undefined ? { body: c.body } : {}) })), null, 2)}\n`);
}
