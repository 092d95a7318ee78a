/** `qbr generate`: the whole QBR package per account, written offline as files (.pptx, .eml, .ics, .docx, analysis JSON). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { accountJson, analyzeWorkbook, isIsoDate, type AccountReview } from '../core';
import { buildPackage } from '../core/package/package';
import type { QbrPackage } from '../core/package/types';
import { openTracker } from '../workbook/open';
import { exitStatus } from './analyze';
import { generateGoogle } from './generate-google';
import { parseFlags, requireFlag, todayFrom, UsageError } from './args';
import type { CommandIo } from './io';
import { writePackageFiles } from './package-files';
import { renderedSlideCount } from '../render/pptx';
import { driveIdOf } from '../google/drive';
import { safeDirName } from './paths';

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
  });
  const today = todayFrom(values.today, io.now);
  const qbrDate = values['qbr-date'];
  if (qbrDate !== undefined && !isIsoDate(qbrDate)) throw new UsageError(`--qbr-date must be a date written YYYY-MM-DD, not "${qbrDate}"`);
  if (!values.all && !(values.account && values.account.length > 0)) throw new UsageError('say which accounts: --account ID (repeatable) or --all');
  if (values.all && values.account) throw new UsageError('use either --account or --all, not both');
  if (values.account?.some((id) => id.trim() === '')) throw new UsageError('--account needs an Account ID');
  const out = requireFlag(values.out, 'out');
  const trackerPath = requireFlag(values.tracker, 'tracker');

  if (values.google) {
    return generateGoogle({
      tracker: trackerPath, accounts: values.all ? undefined : values.account, qbrDate: qbrDate ?? null, today, out,
      dryRun: Boolean(values['dry-run']), template: driveIdOf(values.template), folder: driveIdOf(values.folder),
      share: Boolean(values['share-with-champion']), apiRoot: values['api-root'] ?? process.env.QBR_GOOGLE_API_ROOT ?? null,
    }, io);
  }
  if (values['dry-run'] || values.template || values.folder || values['share-with-champion']) {
    throw new UsageError('--dry-run, --template, --folder and --share-with-champion go with --google');
  }
  const workbook = await openTracker(trackerPath);
  const book = analyzeWorkbook(workbook, { today, accountIds: values.all ? undefined : values.account });
  const now = io.now?.() ?? new Date();
  const total = book.accounts.length;
  const written: { review: AccountReview; pkg: QbrPackage; dir: string }[] = [];
  for (const [i, review] of book.accounts.entries()) {
    const dir = join(out, safeDirName(review.id));
    mkdirSync(dir, { recursive: true });
    const pkg = buildPackage(review, { today, qbrDate: qbrDate ?? null, links: { deck: 'deck.pptx', preRead: 'pre-read.docx', actionPlan: 'action-plan.docx' } });
    const files = await writePackageFiles(dir, review, pkg, now);
    writeFileSync(join(dir, 'analysis.json'), `${JSON.stringify({ ...accountJson(review), package: packageSummary(pkg) }, null, 2)}\n`);
    written.push({ review, pkg, dir });
    const what = pkg.deck ? `${renderedSlideCount(pkg.deck)}-slide ${pkg.deck.variant} deck, ${pkg.emails.length} emails, ${pkg.holds.length} holds, ${pkg.docs.length} docs` : 'digital review email';
    io.stderr(`[${i + 1}/${total}] ${review.id} ${review.name}: ${what} for ${pkg.qbrDate} → ${dir} (${files.length + 1} files${pkg.dataToConfirm.length ? `, ${pkg.dataToConfirm.length} to confirm` : ''})\n`);
  }
  io.stderr(`\n${written.length} package${written.length === 1 ? '' : 's'} written to ${out}`);
  io.stderr(book.skipped.length > 0 ? `; ${book.skipped.length} account(s) skipped:\n${book.skipped.map((s) => `  ${s.id}: ${s.reason}\n`).join('')}` : '\n');
  io.stderr(closingSummary(written, out));
  return exitStatus(book);
}

function packageSummary(pkg: QbrPackage) {
  return {
    qbrDate: pkg.qbrDate,
    qbrDateBasis: pkg.qbrDateBasis,
    deck: pkg.deck ? { variant: pkg.deck.variant, slides: pkg.deck.slides.map((s) => s.title) } : null,
    emails: pkg.emails.map((e) => ({ kind: e.kind, subject: e.subject, to: e.to, cc: e.cc })),
    holds: pkg.holds.map((h) => ({ key: h.key, title: h.title, date: h.date, start: h.start, end: h.end, timezone: h.timezone })),
    docs: pkg.docs.map((d) => d.title),
    prepBrief: pkg.prepBrief ? 'prep-brief.docx' : null,
    warnings: pkg.warnings,
    dataToConfirm: pkg.dataToConfirm,
  };
}

/** How many accounts need attention, the few that need it first, and where to look: a few lines however big the book. */
export function closingSummary(written: { review: AccountReview; pkg: QbrPackage; dir: string }[], out: string, first = 5): string {
  const lines: string[] = [];
  const withDeck = written.filter((w) => w.pkg.deck);
  if (withDeck.length > 0) lines.push(`Prep briefs (internal, not for the customer): ${join(out, '<Account ID>', 'prep-brief.docx')} — start with ${join(withDeck[0]!.dir, 'prep-brief.docx')}.`);
  const warned = written.filter((w) => w.pkg.warnings.length > 0).sort((a, b) => b.pkg.warnings.length - a.pkg.warnings.length || a.review.id.localeCompare(b.review.id));
  const toConfirm = written.filter((w) => w.pkg.dataToConfirm.length > 0).length;
  lines.push(`${warned.length} of ${written.length} need attention before the meeting; ${toConfirm} have data to confirm.`);
  for (const w of warned.slice(0, first)) lines.push(`  ${w.review.id} ${w.review.name} (${w.pkg.qbrDate}): ${w.pkg.warnings[0]}${w.pkg.warnings.length > 1 ? ` (+${w.pkg.warnings.length - 1} more)` : ''}`);
  if (warned.length > first) lines.push(`  … and ${warned.length - first} more: see each prep brief or analysis.json (package.warnings).`);
  lines.push('The customer files (deck, pre-read, action plan, unsent .eml drafts) hold nothing internal; the holds import from prep-holds.ics.');
  return `${lines.join('\n')}\n`;
}
