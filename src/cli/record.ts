/**
 * `qbr record`: what was agreed at a QBR written back to the tracker file (Actions, Opportunities, the QBR Log row), then
 * the follow-up rewritten from it offline: summary.eml, action-plan.docx and prep-holds.ics (SPEC §4.5, §6).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { analyzeWorkbook, isIsoDate, readTracker, type Workbook } from '../core';
import { followUpFromRecord } from '../core/program/follow-up';
import { parseRecordJson, recordFromTracker, recordRows, type QbrRecord } from '../core/program/record';
import { parseRecordCsv } from '../core/program/record-csv';
import { planRecordWrites } from '../core/program/record-writes';
import type { QbrPackage } from '../core/package/types';
import { parseFlags, requireFlag, todayFrom, UsageError } from './args';
import type { CommandIo } from './io';
import { FolderWriter } from './manifest';
import { TrackerOpenError } from '../workbook/errors';
import { accountFolders, prepareOut, reason } from './paths';
import { field } from './terminal';

const LINKS = { deck: 'deck.pptx', preRead: 'pre-read.docx', actionPlan: 'action-plan.docx' };

export async function recordCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseFlags(argv, {
    tracker: { type: 'string' },
    account: { type: 'string' },
    'qbr-date': { type: 'string' },
    from: { type: 'string' },
    today: { type: 'string' },
    out: { type: 'string' },
    google: { type: 'boolean' },
    'api-root': { type: 'string' },
  });
  const today = todayFrom(values.today, io.now);
  const trackerPath = requireFlag(values.tracker, 'tracker');
  const accountId = requireFlag(values.account?.trim(), 'account');
  const qbrDate = requireFlag(values['qbr-date'], 'qbr-date');
  if (!isIsoDate(qbrDate)) throw new UsageError(`--qbr-date must be a date written YYYY-MM-DD, not "${qbrDate}"`);
  if (values.google) return recordInGoogle(values, { accountId, qbrDate, today, tracker: trackerPath }, io);
  const out = requireFlag(values.out, 'out');
  // exceljs does not carry a workbook's macros through a save: an .xlsm is read by the other commands, never rewritten.
  if (extname(trackerPath).toLowerCase() === '.xlsm') throw new UsageError('--tracker: an .xlsm workbook would lose its macros when the record is written back; save a copy as .xlsx, or export the tabs as .csv');
  if (extname(trackerPath).toLowerCase() === '.csv') throw new UsageError('--tracker: the record is written back to the whole tracker, an .xlsx workbook or a folder of .csv files (not one .csv)');
  const from = values.from;
  if (from !== undefined && !['.json', '.csv'].includes(extname(from).toLowerCase())) throw new UsageError(`--from ${from}: give the record as a .json or .csv file (see docs/AFTER-THE-QBR.md)`);
  prepareOut(out);

  // The record file is checked before the tracker is touched: a bad one changes nothing.
  let record: QbrRecord | null = null;
  if (from !== undefined) {
    const read = await readRecordFile(from, accountId, qbrDate);
    if (read.errors.length > 0) {
      io.stderr(`qbr record: ${field(from)} cannot be used; nothing was written:\n${read.errors.map((e) => `  ${field(from)}: ${field(e)}\n`).join('')}`);
      return 2;
    }
    record = read.record;
  }
  const { openTracker } = await import('../workbook/open');
  const workbook = await openTracker(trackerPath);
  try {
    return await recordInto(workbook, trackerPath, accountId, qbrDate, record, today, out, io);
  } catch (e) {
    // A tracker that cannot be opened is the command's problem (exit 2); anything else skips the account, in words.
    if (e instanceof TrackerOpenError) throw e;
    return skip(io, accountId, `stopped by an unexpected problem: ${(e as Error).message}`);
  }
}

async function recordInto(workbook: Workbook, trackerPath: string, accountId: string, qbrDate: string, fromFile: QbrRecord | null, today: string, out: string, io: CommandIo): Promise<number> {
  const { openTracker } = await import('../workbook/open');
  const tracker = readTracker(workbook);
  let record = fromFile;
  const notes: string[] = [];
  if (record === null) {
    const typed = recordFromTracker(tracker, accountId, qbrDate);
    if ('error' in typed) return skip(io, accountId, typed.error);
    record = typed.record;
    notes.push(...typed.notes);
  }
  const rows = recordRows(tracker, record, today);
  if ('error' in rows) return skip(io, accountId, rows.error);

  const writes = planRecordWrites(workbook, rows, tracker.settings.dateOrder);
  const { applyTabWrites } = await import('../workbook/write-back');
  try {
    await applyTabWrites(trackerPath, writes);
  } catch (e) {
    return skip(io, accountId, `the tracker could not be written: ${reason(e, trackerPath)}`);
  }
  const lines = [`Recorded the QBR of ${field(rows.log['Account ID'])} on ${qbrDate} (held ${record.held}) in ${field(trackerPath)}:`];
  for (const w of writes) lines.push(`  ${field(w.tab)}: ${w.said.length > 0 ? w.said.join('; ') : 'nothing new'}`);
  for (const a of rows.alreadyThere) lines.push(`  already there, not added again: ${field(a)}`);
  for (const w of [...rows.warnings, ...notes]) lines.push(`  warning: ${field(w)}`);
  io.stderr(`${lines.join('\n')}\n`);

  // The follow-up is built from the tracker as written, so the action plan shows each commitment's Action ID.
  const written = await openTracker(trackerPath);
  return writeFollowUp(written, rows.log['Account ID'], record, today, out, io);
}

async function writeFollowUp(workbook: Workbook, id: string, record: QbrRecord, today: string, out: string, io: CommandIo): Promise<number> {
  const book = analyzeWorkbook(workbook, { today, accountIds: [id], noBenchmarks: true });
  const review = book.accounts[0];
  if (!review) return skip(io, id, `the record is in the tracker, but the follow-up files were not written: ${book.skipped[0]?.reason ?? 'the account could not be analysed'}`);
  const { libraryHolidays } = await import('../holidays/library');
  const folder = accountFolders(readTracker(workbook).accountIds).get(id) ?? id;
  const dir = join(out, folder);
  // The summary points at the deck only when `qbr generate` left one in the folder (it is attached as it is now).
  const links = { ...LINKS, deck: existsSync(join(dir, LINKS.deck)) ? LINKS.deck : null };
  const follow = followUpFromRecord(review, record, { today, links, holidays: libraryHolidays });
  if ('error' in follow) return skip(io, id, `the record is in the tracker; no follow-up files: ${follow.error}`);
  const now = io.now?.() ?? new Date();
  const { writePackageFiles } = await import('./package-files');
  const pkg: QbrPackage = {
    accountId: follow.accountId, accountName: follow.accountName, qbrDate: follow.qbrDate, qbrDateBasis: 'the QBR as recorded',
    deck: null, emails: [follow.summary], holds: follow.holds, missedHolds: follow.missedHolds, holdCalendar: { country: null, basis: '' },
    docs: [follow.actionPlan], prepBrief: null, dataToConfirm: follow.notes, warnings: [],
  };
  let writer: FolderWriter;
  try {
    mkdirSync(dir, { recursive: true });
    writer = new FolderWriter(dir, today, now);
    await writePackageFiles(dir, review, pkg, now, writer);
    writer.finish(null);
  } catch (e) {
    return skip(io, id, `the record is in the tracker, but the follow-up files were not written: ${reason(e, dir)}`);
  }
  const lines = [`Follow-up rewritten from the record in ${field(dir)}: ${writer.outcomes.map((o) => field(o.writtenAs)).join(', ')}`];
  for (const k of writer.kept) lines.push(`  kept ${field(k.name)}: you changed it since it was written; the new version is ${field(k.writtenAs)}`);
  lines.push(`  ${follow.commitments.length} commitment${follow.commitments.length === 1 ? '' : 's'} in the summary and the action plan; next QBR due ${follow.nextQbrDue}`);
  if (follow.checkIns.length > 0) lines.push(`  check-ins: ${follow.checkIns.map((h) => `${h.step} ${h.date}`).join(', ')}`);
  for (const n of follow.notes) lines.push(`  note: ${field(n)}`);
  io.stderr(`${lines.join('\n')}\n`);
  return 0;
}

/** `--google`: the same record (checked first) written to a Google Sheet tracker, and the Workspace follow-up rewritten. */
async function recordInGoogle(values: { from?: string; 'api-root'?: string }, f: { accountId: string; qbrDate: string; today: string; tracker: string }, io: CommandIo): Promise<number> {
  let record: QbrRecord | null = null;
  if (values.from !== undefined) {
    if (!['.json', '.csv'].includes(extname(values.from).toLowerCase())) throw new UsageError(`--from ${values.from}: give the record as a .json or .csv file (see docs/AFTER-THE-QBR.md)`);
    const read = await readRecordFile(values.from, f.accountId, f.qbrDate);
    if (read.errors.length > 0) {
      io.stderr(`qbr record: ${field(values.from)} cannot be used; nothing was written:\n${read.errors.map((e) => `  ${field(values.from!)}: ${field(e)}\n`).join('')}`);
      return 2;
    }
    record = read.record;
  }
  const { recordGoogle } = await import('./record-google');
  return recordGoogle({ ...f, record, apiRoot: values['api-root'] ?? null }, io);
}

function skip(io: CommandIo, id: string, why: string): number {
  io.stderr(`qbr record: ${field(id)}: ${field(why)}\n`);
  return 1;
}

/** The record from a .json or .csv file, every problem named by where it is in the file. */
async function readRecordFile(path: string, accountId: string, qbrDate: string): Promise<{ record: QbrRecord | null; errors: string[] }> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return { record: null, errors: [missing ? 'does not exist; check the path' : `cannot be read (${reason(e, path)})`] };
  }
  if (extname(path).toLowerCase() === '.csv') {
    const { parseCsv } = await import('../workbook/csv');
    try {
      return parseRecordCsv(parseCsv(text, 'the file'), accountId, qbrDate);
    } catch (e) {
      return { record: null, errors: [(e as Error).message] };
    }
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { record: null, errors: [`is not valid JSON: ${(e as Error).message}`] };
  }
  return parseRecordJson(raw, accountId, qbrDate);
}
