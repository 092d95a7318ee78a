import { join } from 'node:path';
import { analyzeWorkbook, type AccountReview } from '../../../src/core';
import { OUTLINES } from '../../../src/core/package/deck/deck';
import { buildPackage } from '../../../src/core/package/package';
import type { QbrPackage } from '../../../src/core/package/types';
import { readCsvFolder } from '../../../src/workbook/csv';
import { book } from '../book';

const TODAY = '2026-11-22';
const example = analyzeWorkbook(readCsvFolder(join(__dirname, '../../../examples/tracker-csv')), { today: TODAY });
const review = (id: string) => example.accounts.find((a) => a.id === id)!;
const FORBIDDEN = /\{\{|\[Number\]|\bTBD\b|undefined|NaN|Infinity|\[object Object\]/;

function everyText(p: QbrPackage): string {
  return JSON.stringify(p);
}

describe('package plans for the example book', () => {
  it.each(example.accounts.map((a) => [a.id, a]))('%s has no placeholder, undefined or NaN anywhere', (_id, a) => {
    const p = buildPackage(a as AccountReview, { today: TODAY });
    expect(everyText(p)).not.toMatch(FORBIDDEN);
  });

  it('gives each variant its outline: enterprise is at most 15 main slides plus the appendix', () => {
    const p = buildPackage(review('ACC-001'), { today: TODAY });
    expect(p.deck!.variant).toBe('enterprise');
    const keys = p.deck!.slides.map((s) => s.key);
    // GlobalTech's CTO and VP Engineering attend: the technical review is in; the objectives sit under the priorities.
    expect(keys.slice(0, 14)).toEqual(['title', 'agenda', 'exec-summary', 'priorities', 'value-roi', 'adoption-trend', 'support', 'health', 'success-plan', 'roadmap', 'technical', 'risks-opportunities', 'asks', 'actions']);
    // What is still to confirm is in the internal prep brief, never on a slide (SPEC §4.0).
    expect(keys.slice(14)).toEqual(['appendix', 'appendix-metrics', 'appendix-methodology']);
    expect(buildPackage(review('ACC-002'), { today: TODAY }).deck!.slides.map((s) => s.key)).toEqual(expect.arrayContaining(['partnership-summary', 'executive-alignment', 'renewal-outlook']));
    const mm = buildPackage(review('ACC-005'), { today: TODAY }).deck!.slides.length;
    expect(mm).toBeGreaterThanOrEqual(10);
    expect(mm).toBeLessThanOrEqual(12);
    expect(buildPackage(review('ACC-007'), { today: TODAY }).deck!.slides).toHaveLength(OUTLINES.smb.main.length + OUTLINES.smb.appendix.length);
  });

  it('puts speaker notes on every slide', () => {
    for (const a of example.accounts.filter((x) => x.deck)) {
      for (const s of buildPackage(a, { today: TODAY }).deck!.slides) {
        expect(s.notes.talkingPoints.length).toBeGreaterThan(0);
      }
    }
  });

  it('grows tables with the data: one row per value line, outcome and open action', () => {
    const a = review('ACC-001');
    const slides = buildPackage(a, { today: TODAY }).deck!.slides;
    const table = (key: string) => slides.find((s) => s.key === key)!.blocks.find((b) => b.kind === 'table') as { rows: unknown[] };
    expect(table('value-roi').rows).toHaveLength(a.value.lines.length);
    expect(table('priorities').rows).toHaveLength(a.outcomes.length);
    expect(table('actions').rows).toHaveLength(a.actions.items.filter((x) => x.status !== 'Complete' && x.status !== 'Cancelled').length);
    expect(table('appendix-metrics').rows.length).toBeGreaterThan(10);
  });

  it('shows the GlobalTech headline numbers formatted for people', () => {
    const p = buildPackage(review('ACC-001'), { today: TODAY });
    const summary = p.deck!.slides.find((s) => s.key === 'exec-summary')!;
    const kpis = summary.blocks[0] as { items: { label: string; value: string; detail?: string }[] };
    // Days to renewal as of the QBR (Dec 10, 2026 → May 22, 2027), not as of today (181).
    expect(kpis.items.map((k) => k.value)).toEqual(['85 Green', '340', '$171K', '163']);
    expect(kpis.items[1]!.detail).toBe('▲ +28% vs last quarter');
    expect(p.qbrDate).toBe('2026-12-10');
    expect(p.holds).toHaveLength(11);
  });

  it('sends Tech-Touch accounts a digital review only', () => {
    const p = buildPackage(review('ACC-008'), { today: TODAY });
    expect(p.deck).toBeNull();
    expect(p.holds).toEqual([]);
    expect(p.emails.map((e) => e.kind)).toEqual(['digital-review']);
    expect(p.emails[0]!.subject).toBe('Lantern Design Studio Q4 2026 Digital Review: your results');
  });
});

describe('summary email', () => {
  it('has the SPEC subject, the champion and attendees as To, and no Cc when the sender is the only vendor attendee', () => {
    const a = review('ACC-001');
    const email = buildPackage(a, { today: TODAY }).emails.find((e) => e.kind === 'summary')!;
    expect(email.subject).toBe('GlobalTech Q4 2026 Business Review - Summary & Next Steps');
    expect(email.to[0]).toEqual({ name: 'Priya Raman', email: 'priya.raman@globaltech.example' });
    expect(email.cc).toEqual([]);
    expect(email.text).toContain("$171K in Q4 2026, 3.1x return on the quarter's investment");
    expect(email.html).toContain('<table');
  });
});

describe('sheet text is escaped and missing data named', () => {
  const wb = book({
    Accounts: [['Account ID', 'Account', 'ARR', 'Champion', 'Champion Email', 'CSM', 'CSM Email', 'Last QBR Date'], ['X1', 'Acme <b>&</b> "Co"', 150_000, 'Eve', 'not-an-email', 'Sam', 'sam@v.example', '2026-09-01']],
    Actions: [['Action ID', 'Account ID', 'Action', 'Owner', 'Side', 'Due Date', 'Status'], ['1', 'X1', '<script>alert(1)</script>', 'Eve', 'Customer', '2026-12-20', 'Open']],
  });
  const [x] = analyzeWorkbook(wb, { today: TODAY }).accounts;
  const p = buildPackage(x!, { today: TODAY });

  it('escapes HTML in every email', () => {
    for (const e of p.emails) {
      expect(e.html).not.toContain('<script>');
      expect(e.html).not.toContain('<b>&</b>');
    }
    const summary = p.emails.find((e) => e.kind === 'summary')!;
    expect(summary.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(summary.text).toContain('<script>alert(1)</script>'); // plain text stays as typed
  });

  it('names what is missing instead of showing zeros', () => {
    expect(p.dataToConfirm).toEqual(expect.arrayContaining([
      expect.stringContaining('no Metrics row'),
      expect.stringContaining('Email recipients: champion Eve: no valid email'),
      expect.stringMatching(/^Executive summary: /),
    ]));
    const summary = p.deck!.slides.find((s) => s.key === 'exec-summary')!;
    const kpis = summary.blocks[0] as { items: { value: string }[] };
    // The customer's deck leaves the empty cards out (SPEC §4.0); the prep brief names every gap.
    expect(kpis.items).toEqual([]);
    const brief = JSON.stringify(p.prepBrief);
    for (const d of p.dataToConfirm) expect(brief).toContain(JSON.stringify(d).slice(1, -1));
    expect(JSON.stringify(p)).not.toMatch(FORBIDDEN);
  });
});

describe("the CSM's own follow-up tasks (written to Actions by a Google run)", () => {
  it('stay out of every customer file: their steps reach the customer as next steps, the task rows and ids do not', () => {
    const base = review('ACC-001');
    const own = { id: 'QBR-ACC-001-2026-12-10-T+7', action: 'Check in on every action item', owner: 'Maya Patel', side: 'Vendor', dueDate: '2026-12-17', status: 'Open', writtenStatus: 'Open', linkedTo: '2026-12-10', completionDate: null };
    const earlier = { ...own, id: 'QBR-ACC-001-2026-09-10-T+14', action: 'Send the champion a progress update', dueDate: '2026-09-24', status: 'Overdue', linkedTo: '2026-09-10' };
    const withOwn: AccountReview = { ...base, actions: { ...base.actions, items: [...base.actions.items, own, earlier], overdue: [...base.actions.overdue, earlier.id] } };
    const pkg = buildPackage(withOwn, { today: TODAY, qbrDate: '2026-12-10' });
    const plain = buildPackage(base, { today: TODAY, qbrDate: '2026-12-10' });
    const customer = (p: QbrPackage) => JSON.stringify([p.deck, p.emails, p.docs]);
    expect(customer(pkg)).not.toMatch(/QBR-ACC-001-|Send the champion a progress update/);
    // Exactly what the customer gets without those rows.
    expect(customer(pkg)).toBe(customer(plain));
  });
});
