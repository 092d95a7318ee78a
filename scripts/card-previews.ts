/**
 * `npm run card-previews`: the add-on's cards drawn as a 300 × 650 px sidebar (what a CSM sees before scrolling) and
 * screenshotted with headless Chromium into docs/cards/*.png. Needs a `chromium` on PATH (Debian: apt-get install chromium);
 * `--full` also writes each whole card to out/cards, `--html` keeps the HTML. Not part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyzeWorkbook, programOfWorkbook, type AccountReview, type BookReview } from '../src/core';
import { recordCard } from '../src/addon/cards/record-view';
import { programCard } from '../src/addon/cards/program-view';
import { buildPackage } from '../src/core/package/package';
import { changesFor, keyFigures } from '../src/core/package/changes';
import { readXlsx } from '../src/workbook/xlsx';
import { ApiError } from '../src/google/execute';
import { failureCard } from '../src/addon/app/actions';
import { accountCard, homeCard, managerCard, regenerateConfirmCard, resultsCard } from '../src/addon/cards/views';
import type { CardSpec } from '../src/addon/cards/spec';
import { PANEL_HEIGHT, PANEL_WIDTH, renderCardHtml } from './card-html';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'docs', 'cards');
/** Whole cards, to read past the fold: not committed. */
const FULL_OUT = join(ROOT, 'out', 'cards');
const TODAY = '2026-11-22';
const TRACKER = 'https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz/edit';

/** 200 accounts from the example's 8: new names, ids and 14 CSMs, as a team's book looks. */
function bigBook(book: BookReview, n: number): BookReview {
  const csms = ['Priya Shah', 'Marcus Lee', 'Ana Costa', 'Tom Becker', 'Yuki Tanaka', 'Omar Haddad', 'Lena Novak', 'Sam Okafor', 'Eva Lind', 'Raj Patel', 'Chloe Martin', 'Diego Ruiz', 'Hana Kim', 'Ben Carter'];
  const accounts: AccountReview[] = Array.from({ length: n }, (_, i) => {
    const a = book.accounts[i % book.accounts.length]!;
    const csm = csms[i % csms.length]!;
    return { ...a, id: `ACC-${String(i + 1).padStart(3, '0')}`, name: `${a.name.split(' ')[0]} ${['Group', 'Labs', 'Systems', 'Health', 'Retail', 'Energy', 'Capital'][i % 7]} ${i + 1}`, people: { ...a.people, csm, csmEmail: `${csm.split(' ')[0]!.toLowerCase()}@vendor.example` } };
  });
  return { ...book, accounts };
}

async function cards(): Promise<Record<string, CardSpec>> {
  const workbook = await readXlsx(join(ROOT, 'examples', 'tracker.xlsx'));
  const book = analyzeWorkbook(workbook, { today: TODAY });
  const big = bigBook(book, 200);
  const red = book.accounts.find((a) => a.overdue && a.deck !== null) ?? book.accounts[0]!;
  const pkg = buildPackage(red, { today: TODAY });
  const log = book.accounts.slice(0, 3).map((a) => ({ accountId: a.id, generatedAt: '2026-11-20T14:05:00Z' }));
  // A refresh: the same account two weeks earlier had a better health score and ROI (what the change report compares).
  const before = { ...keyFigures(red, pkg.qbrDate) };
  const after = keyFigures(red, pkg.qbrDate);
  before.healthScore = (after.healthScore ?? 60) + 12;
  before.healthBand = 'Yellow';
  before.roi = after.roi === null ? 2.4 : after.roi * 1.25;
  return {
    connect: homeCard({ trackerUrl: null, book: null, query: '', today: TODAY, host: 'sheets', canCopyExample: true }),
    'home-8': homeCard({ trackerUrl: TRACKER, book, query: '', today: TODAY, host: 'sheets', userEmail: book.accounts[0]!.people.csmEmail ?? null }),
    'home-200': homeCard({ trackerUrl: TRACKER, book: big, query: '', today: TODAY, host: 'sheets', userEmail: 'priya@vendor.example' }),
    account: accountCard({
      review: red, today: TODAY, qbrDate: pkg.qbrDate, qbrDateBasis: pkg.qbrDateBasis, dataToConfirm: pkg.dataToConfirm,
      willMake: { decks: 1, docs: 3, drafts: pkg.emails.length, holds: pkg.holds.length },
      lastGenerated: { at: '2026-11-20T14:05:00Z', qbrDate: pkg.qbrDate, deckUrl: 'https://docs.google.com/presentation/d/deck/edit', prepBriefUrl: 'https://docs.google.com/document/d/brief/edit' },
    }),
    results: resultsCard({
      accountName: red.name, locale: red.locale,
      deckUrl: 'https://docs.google.com/presentation/d/deck/edit',
      docUrls: [{ title: 'Pre-read', url: 'https://docs.google.com/document/d/a/edit' }, { title: 'Action plan', url: 'https://docs.google.com/document/d/b/edit' }, { title: 'Prep brief', url: 'https://docs.google.com/document/d/c/edit' }],
      draftIds: ['d1', 'd2'], holds: pkg.holds.map((h) => ({ title: h.title, date: h.date })), warnings: pkg.dataToConfirm,
      changes: changesFor(red, before, after),
    }),
    // A refresh after the CSM reworded a KPI, deleted a slide and edited the pre-read: what happened to their work.
    'results-edits': resultsCard({
      accountName: red.name, locale: red.locale, warnings: [],
      deckUrl: 'https://docs.google.com/presentation/d/deck/edit',
      docUrls: [{ title: 'Pre-read', url: 'https://docs.google.com/document/d/a/edit' }, { title: 'Action plan', url: 'https://docs.google.com/document/d/b/edit' }, { title: 'Prep brief', url: 'https://docs.google.com/document/d/c/edit' }],
      draftIds: ['d1', 'd2'], holds: pkg.holds.map((h) => ({ title: h.title, date: h.date })),
      changes: changesFor(red, before, after).slice(0, 2),
      refresh: {
        deck: { rewritten: 14, charts: 2 },
        docs: [{ doc: 'pre-read', outcome: 'edited', updated: 2 }, { doc: 'action-plan', outcome: 'refreshed', updated: 86 }, { doc: 'prep-brief', outcome: 'refreshed', updated: 120 }],
        edits: [{ slide: 3, label: 'KPI "Value delivered, Q4 2026"', now: '$126K' }, { slide: null, label: 'the whole slide "Support trends"', gone: true }],
        notes: ['pre-read, Value delivered: you edited this; the tracker now says “$126K”'],
      },
    }),
    'confirm-regenerate': regenerateConfirmCard({ accountId: red.id, accountName: red.name, qbrDate: pkg.qbrDate, share: false }),
    'manager-200': managerCard({ book: big, today: TODAY, log }),
    // After the QBR: the form the CSM fills the day after, and the manager's program card (SPEC §4.5).
    record: recordCard({ review: red, qbrDate: pkg.qbrDate, rows: 3, paths: 1 }),
    program: programCard({ view: programOfWorkbook(workbook, TODAY), locale: red.locale, currency: red.currency }),
    error: failureCard(new ApiError(404, 'Requested entity was not found.', 'notFound', 'sheets.spreadsheets.get'), undefined, { retry: { name: 'openHome' }, trackerUrl: TRACKER }),
  };
}

async function main(): Promise<void> {
  const full = process.argv.includes('--full');
  const keepHtml = process.argv.includes('--html');
  const tmp = mkdtempSync(join(tmpdir(), 'card-previews-'));
  mkdirSync(OUT, { recursive: true });
  try {
    for (const [name, card] of Object.entries(await cards())) {
      const html = join(tmp, `${name}.html`);
      writeFileSync(html, renderCardHtml(card));
      if (keepHtml) writeFileSync(join(OUT, `${name}.html`), renderCardHtml(card));
      shoot(html, join(OUT, `${name}.png`), PANEL_HEIGHT);
      if (full) {
        const long = join(tmp, `${name}-full.html`);
        writeFileSync(long, renderCardHtml(card).replace('<div class="panel">', '<div class="panel" style="height:auto">').replace('<div class="scroll">', '<div class="scroll" style="overflow:visible">')
          .replace('</body>', '<script>document.body.dataset.height = document.querySelector(".panel").scrollHeight</script></body>'));
        mkdirSync(FULL_OUT, { recursive: true });
        shoot(long, join(FULL_OUT, `${name}.png`), contentHeight(long));
      }
      console.log(`docs/cards/${name}.png`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The whole card's height, read back from the DOM Chromium dumps after the page's script measured it. */
function contentHeight(html: string): number {
  const dom = execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', `--window-size=${PANEL_WIDTH},${PANEL_HEIGHT}`, '--dump-dom', `file://${html}`], { stdio: 'pipe' }).toString();
  return Number(/data-height="(\d+)"/.exec(dom)?.[1] ?? 4000);
}

function shoot(html: string, png: string, height: number): void {
  execFileSync('chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--force-device-scale-factor=1', '--default-background-color=ffffffff',
    `--window-size=${PANEL_WIDTH},${height}`, `--screenshot=${png}`, `file://${html}`,
  ], { stdio: 'pipe' });
}

main().catch((e: unknown) => {
  console.error((e as Error).message);
  process.exit(1);
});
