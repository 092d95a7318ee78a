/** `qbr generate`: the whole QBR package per account, written offline as files (.pptx, .eml, .ics, .docx, analysis JSON). */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { accountJson, analyzeWorkbook, isIsoDate, type AccountReview } from '../core';
import { buildPackage } from '../core/package/package';
import { changeLines } from '../core/package/changes';
import type { QbrPackage } from '../core/package/types';
import { FolderWriter, type WriteOutcome } from './manifest';
import { exitStatus } from './analyze';
import { parseFlags, requireFlag, todayFrom, UsageError } from './args';
import type { CommandIo } from './io';
import { driveIdOf } from '../google/drive';
import { accountFolders, prepareOut, reason } from './paths';
import { field } from './terminal';

export async function generateCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseFlags(argv, {
    tracker: { type: 'string' },
    account: { type: 'string', multiple: true },
    all: { type: 'boolean' },
    'qbr-date': { type: 'string' },
    today: { type: 'string' },
    out: { type: 'string' },
    google: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    template: { type: 'string' },
    folder: { type: 'string' },
    'share-with-champion': { type: 'boolean' },
    'api-root': { type: 'string' },
    force: { type: 'boolean' },
    regenerate: { type: 'boolean' },
  });
  const today = todayFrom(values.today, io.now);
  const qbrDate = values['qbr-date'];
  if (qbrDate !== undefined && !isIsoDate(qbrDate)) throw new UsageError(`--qbr-date must be a date written YYYY-MM-DD, not "${qbrDate}"`);
  // The same plausible span as date cells: a QBR in year 9999 is a typo, and dates past it cannot be formatted.
  if (qbrDate !== undefined && !(qbrDate >= '1900-01-01' && qbrDate <= '2200-12-31')) throw new UsageError(`--qbr-date ${qbrDate} is out of range (1900-01-01 to 2200-12-31)`);
  if (!values.all && !(values.account && values.account.length > 0)) throw new UsageError('say which accounts: --account ID (repeatable) or --all');
  if (values.all && values.account) throw new UsageError('use either --account or --all, not both');
  if (values.account?.some((id) => id.trim() === '')) throw new UsageError('--account needs an Account ID');
  const out = requireFlag(values.out, 'out');
  const trackerPath = requireFlag(values.tracker, 'tracker');
  prepareOut(out);
  if (values.force && values.google) throw new UsageError('--force is for offline runs: --google never overwrites, it keeps the previous deck');

  // The heavy modules (Google clients; exceljs; pptxgenjs, docx) load only now, and only those this run needs.
  if (values.google) {
    const { generateGoogle } = await import('./generate-google');
    return generateGoogle({
      tracker: trackerPath, accounts: values.all ? undefined : values.account, qbrDate: qbrDate ?? null, today, out,
      dryRun: Boolean(values['dry-run']), template: driveIdOf(values.template), folder: driveIdOf(values.folder),
      share: Boolean(values['share-with-champion']), apiRoot: values['api-root'] ?? process.env.QBR_GOOGLE_API_ROOT ?? null,
      regenerate: Boolean(values.regenerate),
    }, io);
  }
  if (values['dry-run'] || values.template || values.folder || values['share-with-champion'] || values.regenerate) {
    throw new UsageError('--dry-run, --template, --folder, --share-with-champion and --regenerate go with --google');
  }
  const { openTracker } = await import('../workbook/open');
  const { writePackageFiles } = await import('./package-files');
  const { renderedSlideCount } = await import('../render/pptx');
  // date-holidays (2 MB with its time zones) loads only for a package, never for --help or analyze.
  const { libraryHolidays } = await import('../holidays/library');
  const workbook = await openTracker(trackerPath);
  const book = analyzeWorkbook(workbook, { today, accountIds: values.all ? undefined : values.account });
  const now = io.now?.() ?? new Date();
  const total = book.accounts.length;
  const folders = accountFolders(book.accounts.map((a) => a.id));
  const renamed = book.accounts.filter((a) => folders.get(a.id) !== a.id);
  if (renamed.length > 0) {
    io.stderr(`Account IDs that are not usable as folder names get one of their own:\n${renamed.map((a) => `  ${field(a.id)} → ${field(folders.get(a.id)!)}\n`).join('')}`);
  }
  const written: Written[] = [];
  const failed: { id: string; reason: string }[] = [];
  for (const [i, review] of book.accounts.entries()) {
    const folder = folders.get(review.id)!;
    const dir = join(out, folder);
    let pkg: QbrPackage;
    let writer: FolderWriter;
    let files: string[];
    try {
      // The manifest of the previous run says which files are still ours to replace and what the figures were.
      writer = new FolderWriter(dir, today, now, Boolean(values.force));
      pkg = buildPackage(review, { today, qbrDate: qbrDate ?? null, links: { deck: 'deck.pptx', preRead: 'pre-read.docx', actionPlan: 'action-plan.docx' }, holidays: libraryHolidays, previous: writer.previousFigures });
      mkdirSync(dir, { recursive: true });
      files = await writePackageFiles(dir, review, pkg, now, writer);
      writer.write('analysis.json', `${JSON.stringify({ ...accountJson(review), folder, package: packageSummary(pkg) }, null, 2)}\n`);
      writer.finish(pkg.figures ?? null);
    } catch (e) {
      // One account's folder being unusable (a file in the way, no permission) costs that account only.
      const why = `not written: ${reason(e, dir)}`;
      failed.push({ id: review.id, reason: why });
      io.stderr(`[${i + 1}/${total}] ${field(review.id)} ${field(review.name)}: ${why}\n`);
      continue;
    }
    written.push({ review, pkg, dir, kept: writer.kept });
    const what = pkg.deck ? `${renderedSlideCount(pkg.deck)}-slide ${pkg.deck.variant} deck, ${pkg.emails.length} emails, ${pkg.holds.length} holds${missedNote(pkg)}, ${pkg.docs.length} docs` : 'digital review email';
    io.stderr(`[${i + 1}/${total}] ${field(review.id)} ${field(review.name)}: ${what} for ${pkg.qbrDate}${recordedNote(review, pkg)} → ${dir} (${files.length + 1} files${pkg.dataToConfirm.length ? `, ${pkg.dataToConfirm.length} to confirm` : ''})${keptNote(writer.kept)}${movedNote(pkg)}\n`);
  }
  io.stderr(`\n${written.length} package${written.length === 1 ? '' : 's'} written to ${out}`);
  const skipped = [...book.skipped, ...failed];
  io.stderr(skipped.length > 0 ? `; ${skipped.length} account(s) skipped:\n${skipped.map((s) => `  ${field(s.id)}: ${field(s.reason)}\n`).join('')}` : '\n');
  io.stderr(closingSummary(written, out));
  return failed.length > 0 ? Math.max(exitStatus(book), 1) : exitStatus(book);
}

type Written = { review: AccountReview; pkg: QbrPackage; dir: string; kept?: WriteOutcome[] };

/** Files the user changed since we wrote them stay; the line says where this run's version went instead. */
function keptNote(kept: WriteOutcome[]): string {
  if (kept.length === 0) return '';
  return `; kept ${kept.length} file${kept.length === 1 ? '' : 's'} you changed, new version${kept.length === 1 ? '' : 's'} beside: ${kept.map((k) => `${field(k.name)} → ${field(k.writtenAs)}`).join(', ')}`;
}

function movedNote(pkg: QbrPackage): string {
  if (!pkg.changes) return '';
  if (pkg.changes.length === 0) return '; no key figure moved since the last generation';
  const alerts = pkg.changes.filter((c) => c.alert).length;
  return `; ${pkg.changes.length} figure${pkg.changes.length === 1 ? '' : 's'} moved since the last generation${alerts ? ` (${alerts} called out)` : ''}`;
}

/** A QBR held and recorded is followed up, not prepared again (SPEC §4.5): the summary, action plan and holds come from the record. */
function recordedNote(review: AccountReview, pkg: QbrPackage): string {
  const record = pkg.deck ? review.recorded?.find((r) => r.qbrDate === pkg.qbrDate) : undefined;
  return record ? ` (held ${record.held} and recorded: summary, action plan and holds follow up on it)` : '';
}

/** Steps already past are not created: the CSM sees which, so they can do them now or skip them knowingly. */
function missedNote(pkg: QbrPackage): string {
  if (pkg.missedHolds.length === 0) return '';
  return ` (${pkg.missedHolds.length} already past, not created: ${pkg.missedHolds.map((m) => `${m.step} ${m.date}`).join(', ')})`;
}

function packageSummary(pkg: QbrPackage) {
  return {
    qbrDate: pkg.qbrDate,
    qbrDateBasis: pkg.qbrDateBasis,
    deck: pkg.deck ? { variant: pkg.deck.variant, slides: pkg.deck.slides.map((s) => s.title) } : null,
    emails: pkg.emails.map((e) => ({ kind: e.kind, subject: e.subject, to: e.to, cc: e.cc })),
    holds: pkg.holds.map((h) => ({ key: h.key, title: h.title, date: h.date, start: h.start, end: h.end, timezone: h.timezone })),
    missedHolds: pkg.missedHolds.map((m) => ({ key: m.key, step: m.step, date: m.date })),
    holidayCalendar: pkg.holdCalendar,
    docs: pkg.docs.map((d) => d.title),
    prepBrief: pkg.prepBrief ? 'prep-brief.docx' : null,
    warnings: pkg.warnings,
    dataToConfirm: pkg.dataToConfirm,
    // Since the package last written in this folder (SPEC §4.4); null on a first generation.
    changes: pkg.changes ?? null,
  };
}

/** How many accounts need attention, the few that need it first, and where to look: a few lines however big the book. */
export function closingSummary(written: Written[], out: string, first = 5): string {
  const lines: string[] = [];
  const kept = written.filter((w) => w.kept && w.kept.length > 0);
  if (kept.length > 0) {
    lines.push(`Files you changed since they were written were kept (--force overwrites them); this run's versions are beside them:`);
    for (const w of kept.slice(0, first)) lines.push(`  ${field(w.review.id)}: ${w.kept!.map((k) => `${field(k.name)} → ${field(k.writtenAs)}`).join(', ')}`);
    if (kept.length > first) lines.push(`  … and ${kept.length - first} more accounts.`);
  }
  const moved = written.filter((w) => w.pkg.changes && w.pkg.changes.length > 0)
    .sort((a, b) => b.pkg.changes!.filter((c) => c.alert).length - a.pkg.changes!.filter((c) => c.alert).length || a.review.id.localeCompare(b.review.id));
  if (moved.length > 0) {
    lines.push(`What moved since the last generation (${moved.length} account${moved.length === 1 ? '' : 's'}; the full list is in each prep brief):`);
    for (const w of moved.slice(0, first)) {
      const [top, ...rest] = changeLines(w.pkg.changes!);
      lines.push(`  ${field(w.review.id)} ${field(w.review.name)}: ${field(top!)}${rest.length ? `; ${rest.slice(0, 2).map(field).join('; ')}${rest.length > 2 ? ` (+${rest.length - 2} more)` : ''}` : ''}`);
    }
    if (moved.length > first) lines.push(`  … and ${moved.length - first} more.`);
  }
  const withDeck = written.filter((w) => w.pkg.deck);
  if (withDeck.length > 0) lines.push(`Prep briefs (internal, not for the customer): ${join(out, '<Account ID>', 'prep-brief.docx')} — start with ${join(withDeck[0]!.dir, 'prep-brief.docx')}.`);
  const warned = written.filter((w) => w.pkg.warnings.length > 0).sort((a, b) => b.pkg.warnings.length - a.pkg.warnings.length || a.review.id.localeCompare(b.review.id));
  const toConfirm = written.filter((w) => w.pkg.dataToConfirm.length > 0).length;
  lines.push(`${warned.length} of ${written.length} need attention before the meeting; ${toConfirm} have data to confirm.`);
  for (const w of warned.slice(0, first)) lines.push(`  ${field(w.review.id)} ${field(w.review.name)} (${w.pkg.qbrDate}): ${field(w.pkg.warnings[0]!)}${w.pkg.warnings.length > 1 ? ` (+${w.pkg.warnings.length - 1} more)` : ''}`);
  if (warned.length > first) lines.push(`  … and ${warned.length - first} more: see each prep brief or analysis.json (package.warnings).`);
  lines.push('The customer files (deck, pre-read, action plan, unsent .eml drafts) hold nothing internal; the holds import from prep-holds.ics.');
  return `${lines.join('\n')}\n`;
}
