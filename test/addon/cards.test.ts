/** Card specs as a CSM sees them: a Green account, a Red one, a Tech-Touch one, a broken tracker, search, the manager view. */
import { join } from 'node:path';
import { analyzeWorkbook, type AccountReview, type BookReview, type Cell } from '../../src/core';
import { buildPackage } from '../../src/core/package/package';
import { changesFor, keyFigures } from '../../src/core/package/changes';
import { readCsvFolder } from '../../src/workbook/csv';
import { ACTION_NAMES, type ActionSpec, type ButtonSpec, type CardSpec, type SectionSpec, type WidgetSpec } from '../../src/addon/cards/spec';
import { dispatch } from '../../src/addon/app/actions';
import { AddonStore } from '../../src/addon/app/store';
import { recordCard } from '../../src/addon/cards/record-view';
import { programCard, withProgramButton } from '../../src/addon/cards/program-view';
import { programOfWorkbook } from '../../src/core';
import type { Host } from '../../src/addon/app/host';
import { AMBER, BAND_COLOURS, bandBadge, escapeCardHtml, GREY, RED } from '../../src/addon/cards/text';
import {
  accountCard, bookRunConfirmCard, csmRows, errorCard, GMAIL_DRAFTS_URL, homeCard, managerCard, managerListCard, MAX_CARD_WIDGETS, resultsCard,
  settingsCard, topRisks, type HomeInput,
} from '../../src/addon/cards/views';

const TODAY = '2026-11-22';
const book = analyzeWorkbook(readCsvFolder(join(__dirname, '../../examples/tracker-csv')), { today: TODAY });

function account(id: string, b: BookReview = book): AccountReview {
  const a = b.accounts.find((x) => x.id === id);
  if (!a) throw new Error(`${id} is not in the book`);
  return a;
}

/** The account card the dispatcher would build: the package decides the default date and the data to confirm. */
function cardFor(r: AccountReview): CardSpec {
  const p = buildPackage(r, { today: TODAY });
  const willMake = { decks: p.deck ? 1 : 0, docs: p.deck ? 3 : 0, drafts: p.emails.length, holds: p.holds.length };
  return accountCard({ review: r, today: TODAY, qbrDate: p.qbrDate, qbrDateBasis: p.qbrDateBasis, dataToConfirm: p.dataToConfirm, willMake });
}

function home(over: Partial<HomeInput> = {}): CardSpec {
  return homeCard({ trackerUrl: 'https://docs.google.com/spreadsheets/d/abc', book, query: '', today: TODAY, host: 'slides', ...over });
}

function section(card: CardSpec, header: string | RegExp): SectionSpec {
  const s = card.sections.find((x) => (typeof header === 'string' ? x.header === header : header.test(x.header ?? '')));
  if (!s) throw new Error(`no section ${String(header)} in ${card.sections.map((x) => x.header).join(', ')}`);
  return s;
}

function widgets(card: CardSpec): WidgetSpec[] {
  return card.sections.flatMap((s) => s.widgets);
}

function buttons(card: CardSpec | SectionSpec): ButtonSpec[] {
  const ws = 'sections' in card ? widgets(card) : card.widgets;
  return ws.flatMap((w) => (w.kind === 'buttons' ? w.buttons : w.kind === 'kv' && w.button ? [w.button] : []));
}

function actions(card: CardSpec): ActionSpec[] {
  const out: ActionSpec[] = [];
  for (const w of widgets(card)) {
    if (w.kind === 'kv' && w.action) out.push(w.action);
    if ((w.kind === 'input' || w.kind === 'select') && w.onChange) out.push(w.onChange);
  }
  for (const b of buttons(card)) if (b.action) out.push(b.action);
  if (card.footer) for (const b of [card.footer.primary, card.footer.secondary]) if (b?.action) out.push(b.action);
  return out;
}

function kvs(s: SectionSpec) {
  return s.widgets.filter((w): w is Extract<WidgetSpec, { kind: 'kv' }> => w.kind === 'kv');
}

/** Nothing a CSM reads should ever say NaN, undefined or null. */
function expectNoJunk(card: CardSpec): void {
  const text = JSON.stringify(card);
  expect(text).not.toMatch(/NaN|undefined|\bnull\b|\[object/);
}

describe('text helpers', () => {
  it('escape tracker text for card HTML and draw band badges without emoji', () => {
    expect(escapeCardHtml(`<script>alert("x")</script> & 'co'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;');
    expect(bandBadge('Green', 85)).toBe('<font color="#2E7D32"><b>● Green 85</b></font>');
    expect(bandBadge('Yellow', 64)).toBe('<font color="#8F5500"><b>● Yellow 64</b></font>');
    expect(bandBadge('Red', 39)).toBe('<font color="#C62828"><b>● Red 39</b></font>');
    expect(bandBadge(null, null)).toBe('<font color="#5F6368"><b>● No health score</b></font>');
  });
});

describe('a Green account (ACC-001 GlobalTech)', () => {
  const card = cardFor(account('ACC-001'));

  it('leads with the account and its state: the next QBR and the renewal, dates in words', () => {
    expect(card.name).toBe('account:ACC-001');
    // QBR Date Dec 10, 2026 in the tracker; renewal May 22, 2027 is 181 days after Nov 22, 2026.
    expect(card.header).toEqual({ title: 'GlobalTech', subtitle: 'QBR on Dec 10, 2026 · renews in 181 days' });
  });

  it('shows health 85 Green with its trend and the four dimensions', () => {
    expect(section(card, 'Health').widgets).toEqual([
      { kind: 'kv', topLabel: 'Score for 2026-Q4', text: '<font color="#2E7D32"><b>● Green 85</b></font>', bottomLabel: '▲ +10 vs last quarter' },
      { kind: 'text', html: 'Usage 81 · Engagement 82 · Support 94 · Relationship 88' },
    ]);
  });

  it('headlines $171K of value at 3.1x ROI', () => {
    // 135,000 + 21,250 + 14,250 = 170,500 ÷ (220,000 ÷ 4) = 3.1 → 3.1x, net (3.1 − 1) = 210 %; × 4 = 682,000 → $682K.
    expect(section(card, 'Value').widgets).toEqual([
      { kind: 'kv', startIcon: 'DOLLAR', topLabel: 'Delivered in 2026-Q4', text: '<b>$171K</b>', bottomLabel: '3.1x ROI (210% net return) · $682K annualised' },
    ]);
  });

  it('lists open risks worst first, with their quadrant', () => {
    expect(kvs(section(card, 'Top risks')).map((w) => [w.topLabel, w.text])).toEqual([
      ['<font color="#8F5500"><b>Medium</b></font> · Monitor Closely', 'SSO federation gap blocks the EU subsidiary rollout'],
      ['<font color="#5F6368"><b>Low</b></font> · Watch &amp; Wait', 'Data team reorganisation may move the champion'],
    ]);
  });

  it('shows the actions due in the next 14 days and the renewal', () => {
    // A-104 is due Dec 15 (23 days out): outside the window. A-105 is due Nov 30.
    expect(kvs(section(card, 'Actions due')).map((w) => w.topLabel)).toEqual(['A-105 · Due Nov 30, 2026']);
    expect(section(card, 'Actions due').widgets[0]).toEqual({ kind: 'text', html: '<font color="#8F5500"><b>75%</b></font> complete of the last QBR’s actions · <font color="#8F5500"><b>Yellow</b></font>' });
    expect(section(card, 'Renewal').widgets).toEqual([
      { kind: 'kv', startIcon: 'CLOCK', text: 'May 22, 2027 · in 181 days', bottomLabel: 'Focus: Achievement review' },
    ]);
  });

  it('offers the package in the fixed footer; deck, docs, drafts and holds as verbs, a QBR date picker and sharing with the champion', () => {
    expect(card.footer).toEqual({ primary: { text: 'Generate the package', style: 'filled', color: '#1A73E8', action: { name: 'generate', params: { accountId: 'ACC-001', what: 'package' } } } });
    const gen = section(card, 'Generate');
    expect(gen.widgets[0]).toEqual({ kind: 'date', name: 'qbrDate', title: 'QBR date', value: '2026-12-10' });
    expect(gen.widgets).toContainEqual({
      kind: 'select', name: 'shareWithChampion', title: 'Share with champion', type: 'switch',
      items: [{ text: 'Share the docs with Priya Raman (can comment)', value: 'yes', selected: false }],
    });
    expect(buttons(gen).map((b) => [b.text, b.action?.params?.what, b.style ?? 'text'])).toEqual([
      ['Make the deck', 'deck', 'text'],
      ['Make the docs', 'docs', 'text'],
      ['Draft the emails', 'draft', 'text'],
      ['Add calendar holds', 'holds', 'text'],
    ]);
    // What the footer's button makes, said on top before it is pressed: 11 holds is the ACC-001 timeline (T-14 … T+7) from Nov 22.
    expect(card.sections[0]).toEqual({
      header: 'Not generated yet',
      widgets: [{ kind: 'text', html: '<font color="#5F6368">Generate makes 1 deck, 3 docs (pre-read, action plan, your prep brief), 2 Gmail drafts (never sent) and 11 holds on your calendar.</font>' }],
    });
    for (const b of buttons(gen)) expect(b.action).toEqual({ name: 'generate', params: { accountId: 'ACC-001', what: b.action?.params?.what } });
    expectNoJunk(card);
  });

  const madeFor = (qbrDate: string) => accountCard({
    review: account('ACC-001'), today: TODAY, qbrDate: '2026-12-10', qbrDateBasis: 'the QBR Date in the tracker', dataToConfirm: [],
    lastGenerated: { at: '2026-11-20T15:04:00.000Z', qbrDate, deckUrl: 'https://docs.google.com/presentation/d/p1', prepBriefUrl: 'https://docs.google.com/document/d/b1' },
  });

  it('after a package for this QBR date: links it on top, says when in words, and offers "Refresh numbers" in the footer', () => {
    const again = madeFor('2026-12-10');
    expect(again.sections[0]).toEqual({
      header: 'Your QBR package',
      widgets: [
        { kind: 'text', html: 'Last generated 2 days ago (Nov 20, 2026) for the Dec 10, 2026 QBR' },
        { kind: 'buttons', buttons: [{ text: 'Open deck', openLink: { url: 'https://docs.google.com/presentation/d/p1' } }, { text: 'Open prep brief', openLink: { url: 'https://docs.google.com/document/d/b1' } }] },
        { kind: 'text', html: '<font color="#5F6368">Refresh numbers updates this deck and its docs in place: your edits stay, and the results list what moved.</font>' },
        // Plain, not filled: the rarer choice, behind a confirmation card.
        { kind: 'buttons', buttons: [{ text: 'Regenerate from scratch', action: { name: 'generate', params: { accountId: 'ACC-001', what: 'package', regenerate: 'yes' } } }] },
      ],
    });
    // The same generate action: the Google run updates a package the QBR Log records for this account and date in place.
    expect(again.footer).toEqual({
      primary: { text: 'Refresh numbers', style: 'filled', color: '#1A73E8', action: { name: 'generate', params: { accountId: 'ACC-001', what: 'package' } } },
      secondary: { text: 'Open deck', openLink: { url: 'https://docs.google.com/presentation/d/p1' } },
    });
    expect(card.sections.some((s) => s.header === 'Your QBR package')).toBe(false);
    expect(again.sections.some((s) => /Data to confirm/.test(s.header ?? ''))).toBe(false);
  });

  it('after a package for another QBR date: links it, but the footer generates a new one and says what it makes', () => {
    const older = madeFor('2026-08-14');
    expect(older.sections[0]!.widgets[0]).toEqual({ kind: 'text', html: 'Last generated 2 days ago (Nov 20, 2026) for the Aug 14, 2026 QBR' });
    expect(older.sections[0]!.widgets[2]).toEqual({ kind: 'text', html: '<font color="#5F6368">Generate makes a deck, a pre-read, an action plan and your prep brief in Drive, Gmail drafts (never sent) and holds on your calendar.</font>' });
    expect(JSON.stringify(older)).not.toContain('Regenerate from scratch');
    expect(older.footer).toEqual({ primary: { text: 'Generate the package', style: 'filled', color: '#1A73E8', action: { name: 'generate', params: { accountId: 'ACC-001', what: 'package' } } } });
  });
});

describe('a Red account (ACC-004 Atlas)', () => {
  const atlas = account('ACC-004');
  const card = cardFor(atlas);

  it('says on top that the QBR is overdue, in words', () => {
    expect(card.header.subtitle).toMatch(/^QBR overdue since Aug 14, 2026 · /);
    // The date picker carries its day as data; everything shown is in words.
    const shown = card.sections.map((x) => x.widgets.filter((w) => w.kind !== 'date'));
    expect(JSON.stringify([card.header, shown])).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('once a package is made for a coming date, the header says the QBR is booked then, not overdue', () => {
    const booked = accountCard({
      review: atlas, today: TODAY, qbrDate: '2026-12-14', qbrDateBasis: 'the package already made', dataToConfirm: [],
      lastGenerated: { at: '2026-11-20T15:04:00.000Z', qbrDate: '2026-12-14', deckUrl: 'https://docs.google.com/presentation/d/p4', prepBriefUrl: null },
    });
    expect(booked.header.subtitle).toMatch(/^QBR on Dec 14, 2026 \(was due Aug 14, 2026\) · renews in /);
    // A package for a day already past books nothing: still overdue.
    const past = accountCard({
      review: atlas, today: TODAY, qbrDate: '2026-12-14', qbrDateBasis: 'x', dataToConfirm: [],
      lastGenerated: { at: '2026-08-01T15:04:00.000Z', qbrDate: '2026-08-14', deckUrl: null, prepBriefUrl: null },
    });
    expect(past.header.subtitle).toMatch(/^QBR overdue since Aug 14, 2026 · /);
  });

  it('shows the Red badge and the falling trend', () => {
    expect(kvs(section(card, 'Health'))[0]).toMatchObject({ text: '<font color="#C62828"><b>● Red 39</b></font>', bottomLabel: '▼ −2 vs last quarter' });
  });

  it('is flagged overdue on the home card, at the top of the list', () => {
    const first = kvs(section(home(), 'Accounts'))[0];
    expect(first).toEqual({
      kind: 'kv',
      topLabel: 'Enterprise · ACC-004',
      text: '<b>Atlas Manufacturing</b> <font color="#C62828"><b>● Red 39</b></font>',
      bottomLabel: '<font color="#C62828"><b>QBR overdue since Aug 14, 2026</b></font> · <font color="#C62828">2 overdue actions</font>',
      action: { name: 'openAccount', params: { accountId: 'ACC-004' } },
      endIcon: 'chevron',
    });
  });

  it('lists the high risks (both H likelihood, ARR > 50K), the larger ARR first', () => {
    expect(kvs(section(card, 'Top risks')).map((w) => [w.topLabel, w.text, w.bottomLabel])).toEqual([
      ['<font color="#C62828"><b>High</b></font> · Plan &amp; Prepare', 'Adoption collapse after the ERP migration', '$145K ARR at risk · Owner: Jordan Reyes'],
      ['<font color="#C62828"><b>High</b></font> · Priority Action', 'FY27 budget freeze announced', '$95K ARR at risk · Owner: Alicia Brooks'],
    ]);
  });

  it('puts Critical before High before Medium before Low, and keeps three', () => {
    const risk = (name: string, escalation: 'Critical' | 'High' | 'Medium' | 'Low' | null, open = true) => ({
      ...atlas.risks[0]!, risk: name, escalation, open, arrAtRisk: 10_000,
    });
    const mixed = [risk('low', 'Low'), risk('medium', 'Medium'), risk('closed critical', 'Critical', false), risk('critical', 'Critical'), risk('high', 'High'), risk('unrated', null)];
    expect(topRisks(mixed).map((r) => r.risk)).toEqual(['critical', 'high', 'medium']);
    const card5 = cardFor({ ...atlas, risks: mixed });
    expect(kvs(section(card5, 'Top risks')).map((w) => w.text)).toEqual(['critical', 'high', 'medium']);
    expect(section(card5, 'Top risks').widgets.at(-1)).toEqual({ kind: 'text', html: '<font color="#5F6368">2 more open risks in the tracker</font>' });
  });

  it('lists the overdue actions A-402 and A-404 first, oldest first', () => {
    expect(kvs(section(card, 'Actions due'))).toEqual([
      { kind: 'kv', topLabel: 'A-402 · <font color="#C62828"><b>Overdue since Jul 31, 2026</b></font>', text: 'Map ERP fields to the Brightline data model', bottomLabel: 'Owner: Kevin Walsh (Customer)' },
      { kind: 'kv', topLabel: 'A-404 · <font color="#C62828"><b>Overdue since Sep 30, 2026</b></font>', text: 'Executive check-in with the VP Operations', bottomLabel: 'Owner: Alicia Brooks (Vendor)' },
    ]);
  });

  it('defaults the QBR date three weeks out (the due date has passed) and says why', () => {
    const gen = section(card, 'Generate');
    expect(gen.widgets[0]).toEqual({ kind: 'date', name: 'qbrDate', title: 'QBR date', value: '2026-12-14' });
    expect(gen.widgets[1]).toEqual({
      kind: 'text',
      html: '<font color="#5F6368">Defaults to Dec 14, 2026: the first weekday at least 21 days out (the due date Aug 14, 2026 has passed).</font>',
    });
  });

  it('folds the data to confirm away, naming each line', () => {
    const s = section(card, /^Data to confirm/);
    expect(s.collapsible).toBe(true);
    expect(s.widgets[0]).toEqual({ kind: 'text', html: '• Value row 13 · Source: no Source: every value claim has a number, a baseline and a source' });
    expectNoJunk(card);
  });

  it('caps data to confirm at 8 lines and counts the rest', () => {
    const lines = Array.from({ length: 11 }, (_, i) => `line ${i + 1}`);
    const many = accountCard({ review: atlas, today: TODAY, qbrDate: '2026-12-14', qbrDateBasis: 'x', dataToConfirm: lines });
    const s = section(many, 'Data to confirm (11)');
    expect(s.widgets).toHaveLength(9);
    expect(s.widgets[8]).toEqual({ kind: 'text', html: '<font color="#5F6368">3 more — all are in the deck\'s appendix</font>' });
  });
});

describe('a Tech-Touch account (ACC-008 Lantern)', () => {
  const card = cardFor(account('ACC-008'));

  it('offers only the digital review email, and says why on top', () => {
    const s = section(card, 'Digital review');
    expect(buttons(card).filter((b) => b.action?.name === 'generate')).toEqual([]);
    expect(card.footer?.primary).toEqual(
      { text: 'Draft the review email', style: 'filled', color: '#1A73E8', action: { name: 'generate', params: { accountId: 'ACC-008', what: 'digital' } } },
    );
    expect(card.sections[0]).toEqual({
      header: 'Not generated yet',
      widgets: [{ kind: 'text', html: '<font color="#5F6368">Tech-Touch reviews are async: “Draft the review email” makes one Digital Review email (health, value, next steps) as a Gmail draft, never sent. No deck, holds or docs.</font>' }],
    });
    // No docs, so nothing to share with the champion.
    expect(s.widgets.some((w) => w.kind === 'select')).toBe(false);
    expect(card.header.subtitle).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('names what is missing instead of showing zeros', () => {
    expect(section(card, 'Top risks').widgets).toEqual([{ kind: 'text', html: 'No open risks in the tracker.' }]);
    expect(section(card, 'Actions due').widgets).toEqual([
      { kind: 'text', html: '<font color="#5F6368">No actions to measure completion</font>' },
      { kind: 'text', html: 'Nothing overdue or due in the next 14 days.' },
    ]);
    expectNoJunk(card);
  });
});

describe('missing data is named', () => {
  const bare = analyzeWorkbook({ tabs: [{ name: 'Accounts', rows: [['Account ID', 'Account', 'ARR'], ['N-1', 'Newco', '$40K']] }] }, { today: TODAY });
  const card = cardFor(account('N-1', bare));

  it('says there are no metrics, value lines, risks or renewal date', () => {
    expect(card.header.subtitle).toBe('No QBR date yet');
    expect(section(card, 'Health').widgets).toEqual([
      { kind: 'kv', text: '<font color="#5F6368"><b>● No health score</b></font>', bottomLabel: 'No metrics this quarter' },
    ]);
    expect(section(card, 'Value').widgets).toEqual([{ kind: 'text', html: 'No value lines for 2026-Q4: add them to the Value tab to show ROI.' }]);
    expect(section(card, 'Renewal').widgets).toEqual([{ kind: 'text', html: 'No renewal date in the tracker.' }]);
    // No champion email: no sharing switch.
    expect(widgets(card).some((w) => w.kind === 'select')).toBe(false);
    expectNoJunk(card);
  });
});

describe('a broken tracker', () => {
  const tracker = (tabs: Record<string, Cell[][]>) => analyzeWorkbook({ tabs: Object.entries(tabs).map(([name, rows]) => ({ name, rows })) }, { today: TODAY });

  it('with duplicate IDs and a bad ARR: the home card lists what was skipped and where', () => {
    const b = tracker({ Accounts: [['Account ID', 'Account', 'ARR'], ['ACC-1', 'Alpha', '$100K'], ['ACC-1', 'Beta', '$50K'], ['ACC-2', 'Gamma', 'lots']] });
    const card = home({ book: b });
    expect(card.header.subtitle).toBe('0 accounts · 0 overdue · 0 due in 30 days · as of Nov 22, 2026');
    const s = section(card, 'No accounts could be read');
    expect(s.collapsible).toBeUndefined();
    expect(s.widgets).toEqual([
      { kind: 'text', html: 'Fix the problems below in the tracker, then reload.' },
      {
        kind: 'kv', topLabel: '<font color="#C62828">Skipped · ACC-1</font>',
        text: 'Accounts row 3, Account ID &quot;ACC-1&quot;: Account ID &quot;ACC-1&quot; is also used on row 2; both rows are skipped until one is renamed',
      },
      { kind: 'kv', topLabel: '<font color="#C62828">Skipped · ACC-2</font>', text: 'Accounts row 4, ARR &quot;lots&quot;: ARR is not an amount of money; the account is skipped' },
    ]);
    expect(actions(card).map((a) => a.name)).toEqual(['openHome', 'openSettings', 'disconnectTracker']);
  });

  it('with no Accounts tab: the finding names the tab and what it needs', () => {
    const b = tracker({ Metrics: [['Account ID', 'Quarter'], ['ACC-1', '2026-Q4']] });
    const s = section(home({ book: b }), 'No accounts could be read');
    expect(kvs(s).map((w) => [w.topLabel, w.text])).toEqual([
      ['<font color="#C62828">Error</font>', 'Accounts: the workbook has no Accounts tab (every tracker needs one: Account ID, Account, ARR)'],
      ['<font color="#5F6368">Warning</font>', 'Metrics row 2 · Account ID: Account ID &quot;ACC-1&quot; is not in the Accounts tab; the row is skipped (cell: &quot;ACC-1&quot;)'],
    ]);
  });

  it('with one bad row among good ones: the list stays, the problems fold away', () => {
    const b = tracker({ Accounts: [['Account ID', 'Account', 'ARR'], ['ACC-1', 'Alpha', '$100K'], ['ACC-2', 'Beta', '#REF!']] });
    const card = home({ book: b });
    expect(kvs(section(card, 'Accounts')).map((w) => w.action?.params?.accountId)).toEqual(['ACC-1']);
    const problems = section(card, 'Tracker problems (1)');
    expect(problems).toMatchObject({ collapsible: true, uncollapsible: 0 });
    expect(kvs(problems)[0]?.topLabel).toBe('<font color="#C62828">Skipped · ACC-2</font>');
  });

  it('that cannot be opened: the error card says what went wrong and what to fix', () => {
    const card = errorCard({
      title: 'The tracker can’t be read',
      message: 'The workbook has no Accounts tab.',
      fix: 'Add a tab named Accounts with the columns Account ID, Account and ARR, or connect another spreadsheet.',
      retry: { name: 'openHome' },
      trackerUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
    });
    expect(card).toEqual({
      name: 'error',
      header: { title: 'The tracker can’t be read', subtitle: 'Something needs fixing' },
      sections: [{
        widgets: [
          { kind: 'text', html: 'The workbook has no Accounts tab.' },
          { kind: 'kv', topLabel: 'What to fix', text: '<b>Add a tab named Accounts with the columns Account ID, Account and ARR, or connect another spreadsheet.</b>' },
          { kind: 'buttons', buttons: [
            { text: 'Try again', style: 'filled', color: '#1A73E8', action: { name: 'openHome' } },
            { text: 'Open tracker', openLink: { url: 'https://docs.google.com/spreadsheets/d/abc/edit' } },
            { text: 'Change tracker', action: { name: 'disconnectTracker' } },
            { text: 'Back to accounts', action: { name: 'openHome' } },
          ] },
        ],
      }],
    });
  });

  it('that the dispatcher could not open at all: home shows the error, the URL, and the way out', () => {
    const card = home({ book: null, error: 'You do not have access to this spreadsheet.' });
    expect(card.sections[0]).toEqual({ widgets: [{ kind: 'text', html: '<font color="#C62828"><b>Problem:</b></font> You do not have access to this spreadsheet.' }] });
    expect(card.header.subtitle).toBe('Tracker not readable');
    expect(actions(card).map((a) => a.name)).toEqual(['openHome', 'openSettings', 'disconnectTracker']);
  });
});

describe('sheet text is escaped', () => {
  const evil = '<script>alert(1)</script> & <b>Co</b>';
  const b = analyzeWorkbook({
    tabs: [
      { name: 'Accounts', rows: [['Account ID', 'Account', 'ARR', 'Champion', 'Champion Email'], ['X<1>', evil, '$200K', '<img src=x>', 'c@x.example']] },
      { name: 'Risks', rows: [['Account ID', 'Risk', 'Likelihood', 'Impact', 'Owner'], ['X<1>', '<i>churn</i>', 'H', 'H', '"Bob" <bob@x>']] },
      { name: 'Actions', rows: [['Action ID', 'Account ID', 'Action', 'Owner', 'Due Date'], ['<a>', 'X<1>', '<font color=red>do it</font>', 'Al', '2026-11-25']] },
    ],
  }, { today: TODAY });

  it('on the home card, the account card and the search header', () => {
    const h = home({ book: b, query: '<script>' });
    const a = cardFor(account('X<1>', b));
    for (const card of [h, a]) {
      const html = JSON.stringify(card.sections.map((s) => [s.header, s.widgets.map((w) => (w.kind === 'text' ? w.html : w.kind === 'kv' ? [w.topLabel, w.text, w.bottomLabel] : ''))]));
      expect(html).not.toMatch(/<script|<img|<i>|<a>|<font color=red|<b>Co/);
    }
    expect(section(h, /^Accounts matching/).header).toBe('Accounts matching “&lt;script&gt;” (1)');
    expect(kvs(section(h, /^Accounts matching/))[0]?.text).toBe('<b>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;</b> <font color="#5F6368"><b>● No health score</b></font>');
    expect(kvs(section(a, 'Top risks'))[0]?.text).toBe('&lt;i&gt;churn&lt;/i&gt;');
    expect(kvs(section(a, 'Actions due'))[0]).toMatchObject({ topLabel: '&lt;a&gt; · Due Nov 25, 2026', text: '&lt;font color=red&gt;do it&lt;/font&gt;' });
    // Plain-text fields (header, switch label) are shown as typed, not as markup, so they are not escaped twice.
    expect(a.header.title).toBe(evil);
  });
});

describe('the home card', () => {
  it('without a tracker: connect by URL (or this spreadsheet in Sheets), with how the tracker looks', () => {
    const card = homeCard({ trackerUrl: null, book: null, query: '', today: TODAY, host: 'sheets', canCopyExample: true });
    expect(card.header).toEqual({ title: 'QBR Facilitator', subtitle: 'Connect your tracker to start' });
    const s = section(card, 'Connect your tracker');
    expect(s.widgets).toContainEqual({ kind: 'input', name: 'trackerUrl', title: 'Tracker URL', hint: 'https://docs.google.com/spreadsheets/d/…' });
    expect(buttons(s)).toEqual([
      { text: 'Connect', action: { name: 'connectTracker' } },
      { text: 'Use this spreadsheet', style: 'filled', color: '#1A73E8', action: { name: 'connectTracker', params: { source: 'active' } } },
      { text: 'Copy the example tracker', action: { name: 'copyExample' } },
    ]);
    expect(JSON.stringify(s)).toContain('Account ID, Account and ARR');
    expect(actions(card).map((a) => a.name)).not.toContain('openManager');
  });

  it('offers the spreadsheets Drive lists for the add-on (drive.file: the ones it made or was given) as a dropdown', () => {
    const card = homeCard({ trackerUrl: null, book: null, query: '', today: TODAY, host: 'slides', candidates: [{ name: 'CS Tracker', url: 'https://docs.google.com/spreadsheets/d/t1' }] });
    expect(widgets(card)).toContainEqual({
      kind: 'select', name: 'trackerPick', title: 'Spreadsheets the add-on can open', type: 'dropdown',
      items: [{ text: 'Choose a spreadsheet…', value: '', selected: true }, { text: 'CS Tracker', value: 'https://docs.google.com/spreadsheets/d/t1', selected: false }],
    });
    expect(buttons(card).map((b) => b.text)).not.toContain('Use this spreadsheet');
  });

  it('lists the book overdue first, then by next QBR, with a search box that searches on change', () => {
    const fresh = analyzeWorkbook(readCsvFolder(join(__dirname, '../../examples/tracker-csv')), { today: TODAY });
    const order = fresh.accounts.map((a) => a.id);
    const card = home({ book: fresh });
    expect(fresh.accounts.map((a) => a.id)).toEqual(order); // the caller's book is not reordered
    expect(card.header.subtitle).toBe('8 accounts · 1 overdue · 4 due in 30 days · as of Nov 22, 2026');
    // Due in 30 days (by Dec 22): ACC-007 Dec 1, ACC-002 Dec 3 (QBR Date), ACC-001 Dec 10 (QBR Date), ACC-005 Dec 10.
    // The counts are in the subtitle only; the search reads the tracker, so it keeps the loading indicator.
    expect(card.sections[0]?.widgets).toEqual([
      {
        kind: 'input', name: 'query', title: 'Search accounts', value: '', hint: 'Account name or ID', onChange: { name: 'search', params: { scope: 'all' } },
        // Suggested by the client as the user types, without a round trip.
        suggestions: ['Atlas Manufacturing', 'Bluebird Outfitters', 'GlobalTech', 'Harborview Logistics', 'Lantern Design Studio', 'Meridian Health Systems', 'Pinecrest Credit Union', 'Sprout Analytics'],
      },
    ]);
    expect(kvs(section(card, 'Accounts')).map((w) => [w.action?.params?.accountId, w.bottomLabel])).toEqual([
      ['ACC-004', '<font color="#C62828"><b>QBR overdue since Aug 14, 2026</b></font> · <font color="#C62828">2 overdue actions</font>'],
      ['ACC-007', 'Next QBR due Dec 1, 2026'],
      ['ACC-002', 'Next QBR Dec 3, 2026 · <font color="#C62828">1 overdue action</font>'],
      ['ACC-001', 'Next QBR Dec 10, 2026'],
      ['ACC-005', 'Next QBR due Dec 10, 2026'],
      ['ACC-003', 'Next QBR due Jan 8, 2027'],
      ['ACC-006', 'Next QBR due Jan 21, 2027'],
      ['ACC-008', 'Next QBR due Feb 1, 2027'],
    ]);
    // The example's one workbook warning (an action for an unknown account) is listed, folded.
    expect(kvs(section(card, 'Tracker problems (1)'))[0]?.text).toBe('Actions row 23 · Account ID: Account ID &quot;ACC-999&quot; is not in the Accounts tab; the row is skipped (cell: &quot;ACC-999&quot;)');
    expectNoJunk(card);
  });

  it('filters by name or ID, case-insensitively', () => {
    const ids = (query: string) => kvs(section(home({ query }), /^Accounts/)).map((w) => w.action?.params?.accountId);
    expect(ids('glo')).toEqual(['ACC-001']);
    expect(ids('  GLOBALTECH ')).toEqual(['ACC-001']);
    expect(ids('acc-004')).toEqual(['ACC-004']);
    expect(ids('an')).toEqual(['ACC-004', 'ACC-007', 'ACC-002', 'ACC-008']); // Atlas Manufacturing, Sprout Analytics, Meridian, Lantern
    expect(section(home({ query: 'glo' }), /^Accounts/).header).toBe('Accounts matching “glo” (1)');
    expect(section(home({ query: 'zzz' }), /^Accounts/).widgets).toEqual([{ kind: 'text', html: 'No account name or ID contains “zzz”.' }]);
  });

  it('caps the list with a working "Show more" (the next rows, same scope)', () => {
    const s = section(home({ query: 'acc', maxRows: 3 }), /^Accounts/);
    expect(kvs(s).map((w) => w.action?.params?.accountId)).toEqual(['ACC-004', 'ACC-007', 'ACC-002']);
    expect(s.widgets.at(-1)).toEqual({ kind: 'buttons', buttons: [{ text: 'Show more (5 left)', action: { name: 'search', params: { scope: 'all', rows: '8' } } }] });
    expect(kvs(section(home({ query: 'acc', maxRows: 8 }), /^Accounts/))).toHaveLength(8);
  });

  it('"My accounts" by default: the signed-in email against CSM Email, "All accounts" one tap away', () => {
    const me = account('ACC-004').people.csmEmail!;
    const mine = book.accounts.filter((a) => a.people.csmEmail?.toLowerCase() === me.toLowerCase()).map((a) => a.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(8);
    const card = home({ userEmail: me.toUpperCase() });
    const list = section(card, /^My accounts/);
    expect(list.header).toBe(`My accounts (${mine.length})`);
    expect(kvs(list).map((w) => w.action?.params?.accountId).sort()).toEqual([...mine].sort());
    expect(buttons(card.sections[0]!)).toEqual([{ text: 'All accounts (8)', action: { name: 'search', params: { scope: 'all' } } }]);
    const all = home({ userEmail: me, scope: 'all' });
    expect(kvs(section(all, 'Accounts'))).toHaveLength(8);
    expect(buttons(all.sections[0]!)).toEqual([{ text: `My accounts (${mine.length})`, action: { name: 'search', params: { scope: 'mine' } } }]);
    // Someone with no accounts of their own (a manager) sees the whole book, without a switch.
    expect(kvs(section(home({ userEmail: 'boss@example.com' }), 'Accounts'))).toHaveLength(8);
  });

  it('at 200 accounts stays within 100 widgets per card, even fully expanded', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ ...book.accounts[i % 8]!, id: `B-${i}`, name: `Account ${i}` }));
    const count = (c: CardSpec) => c.sections.reduce((n, x) => n + x.widgets.length, 0);
    expect(count(home({ book: { ...book, accounts: many } }))).toBeLessThanOrEqual(30);
    const expanded = home({ book: { ...book, accounts: many }, maxRows: 90 });
    expect(count(expanded)).toBeLessThanOrEqual(100);
    expect(section(expanded, 'Accounts').widgets.at(-1)).toEqual({ kind: 'text', html: '<font color="#5F6368">110 more — refine the search</font>' });
  });

  it('offers the manager view in Sheets and Slides; everywhere settings and change tracker', () => {
    expect(buttons(home({ host: 'sheets' }).sections.at(-1)!).map((b) => [b.text, b.action?.name])).toEqual([
      ['Manager view', 'openManager'], ['Reload', 'openHome'], ['Settings', 'openSettings'], ['Change tracker', 'disconnectTracker'],
    ]);
    expect(buttons(home({ host: 'slides' }).sections.at(-1)!).map((b) => b.text)).toEqual(['Manager view', 'Reload', 'Settings', 'Change tracker']);
  });
});

describe('the manager view', () => {
  const log = [
    { accountId: 'ACC-001', generatedAt: '2026-09-01T10:00:00.000Z' },
    { accountId: 'ACC-001', generatedAt: '2026-11-20T10:00:00.000Z' },
    { accountId: 'ACC-003', generatedAt: '2026-10-01T09:00:00.000Z' },
  ];
  const card = managerCard({ book, today: TODAY, log });

  it('counts the QBRs due in 30 days, the overdue ones, completion bands and recent packages', () => {
    // By hand, today Nov 22 → Dec 22: ACC-001 (QBR Date Dec 10), ACC-002 (QBR Date Dec 3), ACC-005 (due Dec 10), ACC-007 (due Dec 1).
    // Overdue: ACC-004 (due Aug 14, no QBR Date). Completion: ACC-006 Green (100 %); ACC-007 Red (0 %);
    // ACC-001/002/003/004/005 Yellow; ACC-008 has no actions. Generated since Oct 23: ACC-001 only.
    expect(section(card, 'The book').widgets).toEqual([
      { kind: 'kv', startIcon: 'CLOCK', topLabel: 'QBRs due in the next 30 days', text: '<b>4</b>' },
      { kind: 'kv', startIcon: 'CLOCK', topLabel: 'Overdue QBRs', text: '<font color="#C62828"><b>1</b></font>' },
      {
        kind: 'kv', topLabel: 'Action completion by account',
        text: '<font color="#2E7D32"><b>1 Green</b></font> · <font color="#8F5500"><b>5 Yellow</b></font> · <font color="#C62828"><b>1 Red</b></font>',
        bottomLabel: '1 account without actions',
      },
      { kind: 'kv', startIcon: 'DESCRIPTION', topLabel: 'Packages generated in the last 30 days', text: '<b>1</b>' },
    ]);
  });

  it('lists the due and overdue accounts, each opening the account', () => {
    expect(kvs(section(card, 'Overdue (1)')).map((w) => [w.action?.params?.accountId, w.bottomLabel])).toEqual([
      ['ACC-004', '<font color="#C62828"><b>QBR overdue since Aug 14, 2026</b></font>'],
    ]);
    expect(kvs(section(card, 'QBRs due in the next 30 days (4)')).map((w) => w.action?.params?.accountId)).toEqual(['ACC-007', 'ACC-002', 'ACC-001', 'ACC-005']);
  });

  it('shows action completion worst first, and the last package per account; the full lists on their own cards', () => {
    const order = ['Sprout Analytics', 'Atlas Manufacturing', 'Pinecrest Credit Union', 'Harborview Logistics', 'Meridian Health Systems', 'GlobalTech', 'Bluebird Outfitters', 'Lantern Design Studio'];
    const head = section(card, 'Action completion');
    expect(kvs(head).map((w) => w.topLabel)).toEqual(order.slice(0, 5));
    expect(buttons(head)).toEqual([{ text: 'See all 8 accounts', action: { name: 'openManager', params: { list: 'completion', page: '0' } } }]);
    const full = managerListCard({ book, today: TODAY, log }, 'completion', 0);
    const completion = kvs(full.sections[0]!);
    expect(completion.map((w) => w.topLabel)).toEqual(order);
    expect(completion[1]).toEqual({
      kind: 'kv', topLabel: 'Atlas Manufacturing', text: '<font color="#8F5500"><b>50% complete</b></font> (Yellow)',
      bottomLabel: '<font color="#C62828">2 overdue actions</font>',
    });
    expect(buttons(full)).toEqual([]); // one page: no "More"
    const generated = kvs(managerListCard({ book, today: TODAY, log }, 'generated', 0).sections[0]!);
    expect(generated.slice(-2).map((w) => [w.topLabel, w.text])).toEqual([['Harborview Logistics', 'Generated Oct 1, 2026'], ['GlobalTech', 'Generated Nov 20, 2026']]);
    expect(generated[0]?.text).toBe('<font color="#5F6368">Never generated</font>');
  });

  it('says who is behind: one row per CSM with QBRs overdue, due in 30 days, actions overdue and completion', () => {
    const rows = csmRows(book.accounts, TODAY);
    // Every account once; the CSM with the overdue QBR (Atlas, ACC-004) first.
    expect(rows.reduce((n, r) => n + r.accounts, 0)).toBe(8);
    const atlasCsm = account('ACC-004').people.csm!;
    expect(rows[0]).toMatchObject({ csm: atlasCsm, overdue: 1 });
    const w = kvs(section(card, 'By CSM'))[0]!;
    expect(w.text).toMatch(/^<font color="#C62828"><b>1 overdue<\/b><\/font> · \d+ due in 30 days$/);
    expect(w.bottomLabel).toMatch(/(action|actions) overdue|No actions overdue/);
  });

  it('stays within Google’s 100 widgets per card at 500 accounts, every list reachable through "See all" and "More"', () => {
    const many: AccountReview[] = Array.from({ length: 500 }, (_, i) => {
      const a = book.accounts[i % book.accounts.length]!;
      return { ...a, id: `B-${i}`, name: `${a.name} ${i}`, people: { ...a.people, csm: `CSM ${i % 23}` } };
    });
    const big = { ...book, accounts: many };
    const count = (c: CardSpec) => c.sections.reduce((n, x) => n + x.widgets.length, 0);
    const overview = managerCard({ book: big, today: TODAY, log: [] });
    expect(count(overview)).toBeLessThanOrEqual(MAX_CARD_WIDGETS);
    expect(kvs(section(overview, 'By CSM')).length).toBeGreaterThan(0);
    // 500 accounts in pages of 40: 13 pages, each within the limit, the last one without "More".
    const seen = new Set<string>();
    for (let page = 0; page < 13; page++) {
      const c = managerListCard({ book: big, today: TODAY, log: [] }, 'completion', page);
      expect(count(c)).toBeLessThanOrEqual(MAX_CARD_WIDGETS);
      for (const k of kvs(c.sections[0]!)) seen.add(k.topLabel!);
      const more = buttons(c).find((b) => b.text.startsWith('More'));
      if (page < 12) expect(more?.action).toEqual({ name: 'openManager', params: { list: 'completion', page: String(page + 1), replace: 'yes' } });
      else expect(more).toBeUndefined();
    }
    expect(seen.size).toBe(500);
    const csms = managerListCard({ book: big, today: TODAY, log: [] }, 'csms', 0);
    expect(kvs(csms.sections[0]!)).toHaveLength(23);
  });

  it('runs the whole book, or shows the run in progress', () => {
    expect(buttons(section(card, 'Whole-book run'))).toEqual([{ text: 'Run for the whole book…', action: { name: 'runBook', params: { step: 'confirm' } } }]);
    const running = managerCard({ book, today: TODAY, log, job: { done: 3, total: 8, running: true } });
    const s = section(running, 'Whole-book run');
    expect(s.widgets[0]).toEqual({ kind: 'text', html: '<b>Running in the background</b>: 3 of 8 accounts done — refresh' });
    expect(buttons(s).map((b) => b.action?.name)).toEqual(['refreshJob']);
    expectNoJunk(card);
  });
});

describe('the results card', () => {
  it('links the deck, docs and drafts, lists the holds, folds the warnings', () => {
    const card = resultsCard({
      accountName: 'GlobalTech',
      deckUrl: 'https://docs.google.com/presentation/d/p1',
      docUrls: [{ title: 'Pre-read', url: 'https://docs.google.com/document/d/d1' }],
      draftIds: ['r1', 'r2'],
      holds: [{ title: 'QBR GlobalTech: T-14 data pull & prep begins', date: '2026-11-26' }],
      warnings: ['Value row 12 <no source>'],
    });
    expect(card.header).toEqual({ title: 'GlobalTech', subtitle: 'QBR package ready' });
    // The deck in the fixed footer: in view however long the card is.
    expect(card.footer).toEqual({ primary: { text: 'Open the deck', style: 'filled', color: '#1A73E8', openLink: { url: 'https://docs.google.com/presentation/d/p1' } } });
    expect(buttons(card)).toEqual([
      { text: 'Open pre-read', openLink: { url: 'https://docs.google.com/document/d/d1' } },
      { text: 'Open Gmail drafts', openLink: { url: GMAIL_DRAFTS_URL } },
    ]);
    expect(GMAIL_DRAFTS_URL).toBe('https://mail.google.com/mail/#drafts');
    expect(section(card, 'Calendar holds created or updated (1)').widgets).toEqual([
      { kind: 'kv', startIcon: 'INVITE', topLabel: 'Nov 26, 2026', text: 'QBR GlobalTech: T-14 data pull &amp; prep begins' },
    ]);
    expect(section(card, 'Warnings (1)')).toEqual({ header: 'Warnings (1)', collapsible: true, uncollapsible: 1, widgets: [{ kind: 'text', html: '• Value row 12 &lt;no source&gt;' }] });
  });

  it('while steps still run in the background: progress and refresh', () => {
    const card = resultsCard({ accountName: 'Atlas', warnings: [], inProgress: { done: 4, total: 9 } });
    expect(card.header.subtitle).toBe('Still working…');
    expect(card.sections[0]?.widgets).toEqual([
      { kind: 'text', html: '<b>Still working in the background</b>: 4 of 9 steps — refresh' },
      { kind: 'buttons', buttons: [{ text: 'Refresh', style: 'filled', color: '#1A73E8', action: { name: 'refreshJob' } }] },
    ]);
    expect(resultsCard({ accountName: 'Atlas', warnings: [] }).sections).toEqual([{ widgets: [{ kind: 'text', html: 'Nothing was created this time.' }] }]);
  });
});

describe('the results card after "Refresh numbers"', () => {
  // Atlas two weeks earlier, as the QBR Log's key figures kept it: Yellow 51, ROI 3.3x, no critical risk, 40 % completion.
  const atlas = account('ACC-004');
  const after = keyFigures(atlas, '2026-12-14');
  const before = { ...after, healthScore: 51, healthBand: 'Yellow' as const, roi: 3.3, actionCompletion: 0.4 };
  const changes = changesFor(atlas, before, { ...after, criticalRisks: ['Budget <freeze>'] });

  it('lists what moved, the ⚠ call-outs first and in words, before the links', () => {
    const card = resultsCard({ accountName: 'Atlas Manufacturing', deckUrl: 'https://docs.google.com/presentation/d/p1', warnings: [], changes });
    expect(card.header).toEqual({ title: 'Atlas Manufacturing', subtitle: 'Numbers refreshed' });
    expect(after).toMatchObject({ healthScore: 39, healthBand: 'Red', actionCompletion: 0.5 });
    // ROI 3.3x → 2.6x is −21 % (past ±10 %); the band change and the new critical risk are alerts;
    // then the bigger move first: completion +25 % (0.4 → 0.5) before the score −23.5 % (51 → 39).
    expect(card.sections[0]).toEqual({
      header: 'What moved (5, 3 to look at)',
      widgets: [
        { kind: 'kv', topLabel: '<font color="#C62828"><b>⚠ Critical risk</b></font>', text: '<b>Budget &lt;freeze&gt;</b> (new)' },
        { kind: 'kv', topLabel: '<font color="#C62828"><b>⚠ Health band</b></font>', text: 'Yellow → <b>Red</b>' },
        { kind: 'kv', topLabel: '<font color="#C62828"><b>⚠ ROI</b></font>', text: '3.3x → <b>2.6x</b>', bottomLabel: '<font color="#C62828">ROI down 21%</font>' },
        { kind: 'kv', topLabel: 'Action completion', text: '40% → <b>50%</b>' },
        { kind: 'kv', topLabel: 'Health score', text: '51 → <b>39</b>' },
      ],
    });
    expect(card.sections[1]!.header).toBe('Your QBR package');
    expectNoJunk(card);
  });

  it('says so when nothing moved, and shows no report after a first generation', () => {
    const same = resultsCard({ accountName: 'Atlas', deckUrl: 'https://docs.google.com/presentation/d/p1', warnings: [], changes: [] });
    expect(same.sections[0]).toEqual({ header: 'What moved', widgets: [{ kind: 'text', html: 'Nothing moved since the last generation: the tracker’s key figures are the same.' }] });
    const first = resultsCard({ accountName: 'Atlas', deckUrl: 'https://docs.google.com/presentation/d/p1', warnings: [], changes: null });
    expect(first.header.subtitle).toBe('QBR package ready');
    expect(first.sections.map((x) => x.header)).toEqual(['Your QBR package']);
  });

  it('keeps the report for Refresh within one 9 KB property, alerts first; a new run clears it', () => {
    const kv = new Map<string, string>();
    const store = new AddonStore({ get: (k) => kv.get(k) ?? null, set: (k, v) => void kv.set(k, v), remove: (k) => void kv.delete(k), keys: (p) => [...kv.keys()].filter((k) => k.startsWith(p)) });
    store.setChanges('ACC-004', changes);
    expect(store.changes('ACC-004')).toEqual(changes);
    // 200 moves of ~100 characters each (20 KB) cannot fit: the head of the list is kept, and it fits.
    const long = Array.from({ length: 200 }, (_, i) => ({ metric: `Critical risk ${i}`, from: '—', to: 'x'.repeat(80), alert: i < 3 ? 'new critical risk' : null, size: 1 }));
    store.setChanges('ACC-001', long);
    const kept = store.changes('ACC-001')!;
    expect(kept.length).toBeGreaterThan(3);
    expect(kept).toEqual(long.slice(0, kept.length));
    expect(kv.get('qbr.changes.ACC-001')!.length).toBeLessThanOrEqual(8 * 1024);
    store.setChanges('ACC-001', null);
    expect(store.changes('ACC-001')).toBeNull();
  });

  it('folds a long report after the call-outs', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ metric: `M${i}`, from: '1', to: '2', alert: null, size: 1 }));
    const s = resultsCard({ accountName: 'A', warnings: [], changes: many }).sections[0]!;
    expect([s.collapsible, s.uncollapsible, s.widgets.length]).toEqual([true, 5, 8]);
  });
});

describe('the settings card', () => {
  it('has the inputs in plain words, time zone as a choice, notes on what empty means, and Save', () => {
    const card = settingsCard({ templateId: 'tmpl1', folderId: null, timezone: null, defaultLengthMinutes: 60, userTimezone: 'America/Chicago' });
    const inputs = widgets(card).filter((w) => w.kind === 'input');
    expect(inputs.map((w) => w.kind === 'input' && [w.name, w.value])).toEqual([['templateId', 'tmpl1'], ['defaultLength', '60'], ['folderId', '']]);
    expect(widgets(card)).toContainEqual({ kind: 'input', name: 'templateId', title: 'Template (a Google Slides link)', value: 'tmpl1', hint: 'Leave empty for the built-in template' });
    const zone = widgets(card).find((w) => w.kind === 'select' && w.name === 'timezone');
    expect(zone?.kind === 'select' && zone.items[0]).toEqual({ text: 'Yours (America/Chicago)', value: '', selected: true });
    expect(zone?.kind === 'select' && zone.items.map((i) => i.value)).toContain('Europe/London');
    expect(JSON.stringify(card)).not.toMatch(/Drive ID|\(ID or link\)/);
    expect(card.footer?.primary).toEqual({ text: 'Save', style: 'filled', color: '#1A73E8', action: { name: 'saveSettings' } });
    expect(card.footer?.secondary?.action?.name).toBe('back');
  });

  it('keeps what the user typed: "90min" stays "90min" with the error under it, never NaN, and nothing is saved', () => {
    const kv = new Map<string, string>();
    const host: Host = {
      store: { get: (k) => kv.get(k) ?? null, set: (k, v) => void kv.set(k, v), remove: (k) => void kv.delete(k), keys: (p) => [...kv.keys()].filter((k) => k.startsWith(p)) },
      now: () => Date.parse('2026-11-22T14:00:00Z'), timezone: 'America/New_York',
      transport: () => { throw new Error('no Google call expected'); }, withLock: (fn) => fn(), scheduleResume: () => 'soon', clearResume: () => undefined,
    };
    const result = dispatch('saveSettings', { host, params: {}, form: { defaultLength: '90min', timezone: 'Europe/London', templateId: '', folderId: '' }, app: 'slides' });
    const card = result.navigation?.update;
    expect(card?.name).toBe('settings');
    const ws = widgets(card!);
    const i = ws.findIndex((w) => w.kind === 'input' && w.name === 'defaultLength');
    expect(ws[i]).toMatchObject({ value: '90min' });
    expect(ws[i + 1]).toEqual({ kind: 'text', html: '<font color="#C62828">Enter whole minutes between 15 and 240, like 60 (not “90min”).</font>' });
    expect(JSON.stringify(card)).not.toContain('NaN');
    const zone = ws.find((w) => w.kind === 'select' && w.name === 'timezone');
    expect(zone?.kind === 'select' && zone.items.find((x) => x.selected)?.value).toBe('Europe/London');
    expect(kv.get('qbr.settings')).toBeUndefined();
    dispatch('saveSettings', { host, params: {}, form: { defaultLength: '90', timezone: 'Europe/London' }, app: 'slides' });
    expect(JSON.parse(kv.get('qbr.settings')!)).toMatchObject({ defaultLengthMinutes: 90, timezone: 'Europe/London' });
  });

  it('offers "use this presentation as our template" in Slides only, and a folder the add-on makes, saying why (drive.file)', () => {
    const base = { templateId: null, folderId: null, timezone: null, defaultLengthMinutes: null, userTimezone: 'UTC' };
    const names = (host: 'slides' | 'sheets') => widgets(settingsCard({ ...base, host })).flatMap((w) => (w.kind === 'buttons' ? w.buttons.map((b) => [b.text, b.action?.name]) : []));
    expect(names('slides')).toEqual([['Use this presentation as our template', 'useTemplate'], ['Create a QBR folder', 'createFolder']]);
    expect(names('sheets')).toEqual([['Create a QBR folder', 'createFolder']]);
    expect(JSON.stringify(settingsCard(base))).toMatch(/copy only a template it made or one you chose for it/);
  });

  it('shows a save error under its field', () => {
    const card = settingsCard({ templateId: null, folderId: null, timezone: 'Mars/Base', defaultLengthMinutes: null, userTimezone: 'UTC', errors: { timezone: '"Mars/Base" is not a time zone' } });
    const ws = widgets(card);
    const i = ws.findIndex((w) => w.kind === 'select' && w.name === 'timezone');
    expect(ws[i + 1]).toEqual({ kind: 'text', html: '<font color="#C62828">&quot;Mars/Base&quot; is not a time zone</font>' });
  });
});

describe('contrast', () => {
  /** WCAG 2 relative luminance and contrast ratio, by the formula (no library: a dozen lines). */
  const lum = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const onWhite = (hex: string) => 1.05 / (lum(hex) + 0.05);

  it('computes the known ratios (black 21:1, the old amber #B26A00 4.24:1, which fails AA)', () => {
    expect(onWhite('#000000')).toBeCloseTo(21, 5);
    expect(onWhite('#B26A00')).toBeCloseTo(4.24, 2);
  });

  it('every colour used on text is at least 4.5:1 on white', () => {
    const cards = [
      home(), ...book.accounts.map(cardFor), managerCard({ book, today: TODAY, log: [] }),
      resultsCard({ accountName: 'A', warnings: ['w'], inProgress: { done: 1, total: 2, failed: 1 } }), errorCard({ title: 't', message: 'm' }),
    ];
    const used = new Set([...cards.map((c) => JSON.stringify(c)).join('').matchAll(/color=\\"(#[0-9A-Fa-f]{6})\\"/g)].map((m) => m[1]!.toUpperCase()));
    for (const c of [...Object.values(BAND_COLOURS), GREY, RED, AMBER]) used.add(c);
    expect(used.size).toBeGreaterThanOrEqual(4);
    for (const c of used) expect([c, onWhite(c) >= 4.5]).toEqual([c, true]);
  });
});

describe('every action the views emit is one the dispatcher knows', () => {
  it('uses only ACTION_NAMES and never the reserved `action` parameter', () => {
    const cards = [
      home(), home({ host: 'sheets' }), homeCard({ trackerUrl: null, book: null, query: '', today: TODAY, host: 'sheets', canCopyExample: true }),
      ...book.accounts.map(cardFor),
      managerCard({ book, today: TODAY, log: [] }), managerCard({ book, today: TODAY, log: [], job: { done: 1, total: 8, running: true } }),
      resultsCard({ accountName: 'A', warnings: [], inProgress: { done: 1, total: 2, jobId: 'j1' } }),
      settingsCard({ templateId: null, folderId: null, timezone: null, defaultLengthMinutes: null, userTimezone: 'UTC', host: 'slides' }),
      errorCard({ title: 't', message: 'm' }),
      bookRunConfirmCard({ accounts: 8, decks: 7, drafts: 15, holds: 77, userEmail: 'me@example.com' }),
      // After the QBR (SPEC §4.5): the record form, its entry on the account card, the program card and its way in.
      accountCard({ review: book.accounts[0]!, today: TODAY, qbrDate: TODAY, qbrDateBasis: 'x', dataToConfirm: [], recordDate: TODAY }),
      recordCard({ review: book.accounts[0]!, qbrDate: TODAY, rows: 3, paths: 1 }),
      withProgramButton(managerCard({ book, today: TODAY, log: [] })),
      programCard({ view: programOfWorkbook(readCsvFolder(join(__dirname, '../../examples/tracker-csv')), TODAY), locale: 'en-US', currency: 'USD' }),
    ];
    const names = new Set(cards.flatMap(actions).map((a) => a.name));
    for (const n of names) expect(ACTION_NAMES).toContain(n);
    expect([...names].sort()).toEqual([...ACTION_NAMES].sort());
    for (const a of cards.flatMap(actions)) expect(Object.keys(a.params ?? {})).not.toContain('action');
  });
});
