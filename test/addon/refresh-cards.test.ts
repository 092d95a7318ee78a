/** The results card after a refresh in place (the CSM's edits kept, said in words) and "Regenerate from scratch" behind its confirmation. */
import { AddonStore } from '../../src/addon/app/store';
import { inPlaceReport, otherWarnings } from '../../src/addon/app/work';
import type { AccountOutcome } from '../../src/google/package-run';
import type { CardSpec } from '../../src/addon/cards/spec';
import { regenerateConfirmCard, resultsCard, type InPlaceReport } from '../../src/addon/cards/views';

const DECK = 'https://docs.google.com/presentation/d/p1/edit';
const count = (card: CardSpec) => card.sections.reduce((n, s) => n + s.widgets.length, 0);

/** A refresh as runAccount reports it: one KPI the CSM reworded (its number moved), one chart deleted, the pre-read edited. */
const outcome: AccountOutcome = {
  accountId: 'ACC-001', qbrDate: '2026-12-10', deckUrl: DECK, docUrls: [], prepBriefUrl: null, draftIds: [], eventIds: [], holds: [], missedHolds: [], keptDrafts: [],
  warnings: [
    'Slide 3, KPI "Value delivered": you edited this, so it was kept; the tracker now says $126K',
    'pre-read, Value delivered: you edited this; the tracker now says “$126K”',
    'Value row 12 has no source',
  ],
  changes: [], deckRecord: null,
  refresh: {
    edited: [{ slide: 3, label: 'KPI "Value delivered"', now: '$126K' }, { slide: 2, label: 'title', now: '' }],
    deleted: [{ slide: null, label: 'the whole slide "Support trends"' }, { slide: 6, label: 'chart' }],
    rewritten: [{ slide: 4, label: 'ROI', from: '3.1x', to: '2.3x' }, { slide: 5, label: 'table row "Hours", column 2', from: '1,800', to: '1,200' }],
    kept: [], chartsRefreshed: 2, writes: 1,
  },
  docRefresh: [
    { doc: 'pre-read', outcome: 'edited', updated: 2, added: 0, kept: 1, notes: ['pre-read, Value delivered: you edited this; the tracker now says “$126K”'] },
    { doc: 'action-plan', outcome: 'refreshed', updated: 3, added: 0, kept: 0, notes: [] },
    { doc: 'prep-brief', outcome: 'unchanged', updated: 0, added: 0, kept: 0, notes: [] },
  ],
};

describe('the results card after a refresh in place', () => {
  const report = inPlaceReport(outcome, false)!;

  it('carries the deck counts, each doc, and the edits kept or left deleted', () => {
    expect(report).toEqual({
      deck: { rewritten: 2, charts: 2 },
      docs: [{ doc: 'pre-read', outcome: 'edited', updated: 2 }, { doc: 'action-plan', outcome: 'refreshed', updated: 3 }, { doc: 'prep-brief', outcome: 'unchanged', updated: 0 }],
      edits: [
        { slide: 3, label: 'KPI "Value delivered"', now: '$126K' }, { slide: 2, label: 'title' },
        { slide: null, label: 'the whole slide "Support trends"', gone: true }, { slide: 6, label: 'chart', gone: true },
      ],
      notes: ['pre-read, Value delivered: you edited this; the tracker now says “$126K”'],
    });
    // The lines the report says are not repeated among the warnings.
    expect(otherWarnings(outcome)).toEqual(['Value row 12 has no source']);
  });

  it('says in words what happened to the CSM’s work, between what moved and the links; never "Nothing was created"', () => {
    const card = resultsCard({ accountName: 'GlobalTech', deckUrl: DECK, warnings: [], changes: [], refresh: report });
    expect(card.header).toEqual({ title: 'GlobalTech', subtitle: 'Numbers refreshed' });
    expect(card.sections.map((s) => s.header)).toEqual(['What moved', 'Your edits kept (3)', 'Your QBR package']);
    expect(card.sections[1]).toEqual({
      header: 'Your edits kept (3)', collapsible: true, uncollapsible: 4,
      widgets: [
        { kind: 'text', html: '<b>Deck and docs refreshed in place</b>: 2 values rewritten, 2 charts refreshed' },
        { kind: 'text', html: 'Pre-read: your edits kept, 2 values updated<br>Action plan: refreshed<br>Prep brief: nothing moved' },
        { kind: 'text', html: '• Slide 3, KPI &quot;Value delivered&quot;: kept your edit (the tracker now says $126K)' },
        { kind: 'text', html: '• Slide 2, title: kept your edit' },
        { kind: 'text', html: '• The whole slide &quot;Support trends&quot;: you deleted this; left deleted' },
        { kind: 'text', html: '• Slide 6, chart: you deleted this; left deleted' },
        { kind: 'text', html: '• Pre-read, Value delivered: you edited this; the tracker now says “$126K”' },
      ],
    });
    expect(JSON.stringify(card)).not.toContain('Nothing was created');
  });

  it('a refresh that found only the docs (no deck link on the card) still says what it did, not "Nothing was created"', () => {
    const card = resultsCard({ accountName: 'A', warnings: [], refresh: { docs: [{ doc: 'pre-read', outcome: 'refreshed', updated: 4 }], edits: [], notes: [] } });
    expect(card.sections).toEqual([{
      header: 'Refreshed in place',
      widgets: [{ kind: 'text', html: '<b>Docs refreshed in place</b>' }, { kind: 'text', html: 'Pre-read: refreshed' }],
    }]);
  });

  it('folds a long list and stays within Google’s 100 widgets per card, warnings included', () => {
    const edits = Array.from({ length: 300 }, (_, i) => ({ slide: i + 1, label: `KPI "Metric ${i}"`, now: `$${i}K` }));
    const holds = Array.from({ length: 11 }, (_, i) => ({ title: `Hold ${i}`, date: '2026-12-01' }));
    const changes = Array.from({ length: 20 }, (_, i) => ({ metric: `M${i}`, from: '1', to: '2', alert: null, size: 1 }));
    const card = resultsCard({ accountName: 'A', deckUrl: DECK, warnings: Array.from({ length: 200 }, (_, i) => `w${i}`), holds, changes, refresh: { deck: { rewritten: 1, charts: 0 }, edits } });
    expect(count(card)).toBeLessThanOrEqual(100);
    const mine = card.sections.find((s) => s.header === 'Your edits kept (300)')!;
    expect(mine.widgets).toHaveLength(1 + 12 + 1);
    expect(mine.widgets[13]).toEqual({ kind: 'text', html: '<font color="#5F6368">288 more — the prep brief lists the edits whose numbers moved</font>' });
    expect(card.sections.find((s) => s.header === 'Warnings (200)')!.widgets.slice(-1)).toEqual([{ kind: 'text', html: '<font color="#5F6368">180 more — the prep brief lists them all</font>' }]);
  });

  it('after "Regenerate from scratch": says where the old deck and docs went', () => {
    const card = resultsCard({ accountName: 'A', deckUrl: DECK, warnings: [], changes: null, refresh: inPlaceReport({ ...outcome, refresh: null, docRefresh: [] }, true) });
    expect(card.header.subtitle).toBe('Made anew');
    expect(card.sections[0]).toEqual({
      header: 'Made from scratch',
      widgets: [{ kind: 'text', html: 'A new deck and docs. Your previous ones are still in Drive, with your edits, renamed “… (previous)”.' }],
    });
  });

  it('is kept for Refresh within one property: long lists cut, the counts whole; a new run clears it', () => {
    const kv = new Map<string, string>();
    const store = new AddonStore({ get: (k) => kv.get(k) ?? null, set: (k, v) => void kv.set(k, v), remove: (k) => void kv.delete(k), keys: (p) => [...kv.keys()].filter((k) => k.startsWith(p)) });
    store.setInPlace('ACC-001', report);
    expect(store.inPlace('ACC-001')).toEqual(report);
    // 400 edits of ~60 characters (24 KB) cannot fit in 8 KB: the head of the list is kept, the counts and docs whole.
    const big: InPlaceReport = { ...report, edits: Array.from({ length: 400 }, (_, i) => ({ slide: i, label: `KPI "${'x'.repeat(30)} ${i}"`, now: '$1K' })) };
    store.setInPlace('ACC-002', big);
    const kept = store.inPlace('ACC-002')!;
    expect(kv.get('qbr.inplace.ACC-002')!.length).toBeLessThanOrEqual(8 * 1024);
    expect(kept.edits!.length).toBeGreaterThan(12);
    expect(kept.edits).toEqual(big.edits!.slice(0, kept.edits!.length));
    expect([kept.deck, kept.docs]).toEqual([report.deck, report.docs]);
    store.setInPlace('ACC-001', null);
    expect(store.inPlace('ACC-001')).toBeNull();
  });
});

describe('"Regenerate from scratch" asks first', () => {
  it('says what happens to the current deck and docs, and carries the card’s date and switch to the run', () => {
    const card = regenerateConfirmCard({ accountId: 'ACC-001', accountName: 'GlobalTech <EU>', qbrDate: '2026-12-10', share: true });
    expect(card).toEqual({
      name: 'confirm:regenerate:ACC-001',
      header: { title: 'Regenerate from scratch?', subtitle: 'GlobalTech &lt;EU&gt;' },
      sections: [{
        widgets: [
          { kind: 'text', html: 'This makes <b>a new deck and new docs</b> (pre-read, action plan, prep brief) from the tracker.' },
          { kind: 'text', html: '• Your current deck and docs stay in Drive, with your edits, renamed “… (previous)”. Nothing is deleted.' },
          { kind: 'text', html: '• Gmail drafts and calendar holds are updated, not duplicated.' },
          { kind: 'text', html: '<font color="#5F6368">To keep your edits in the deck you have, Cancel and use Refresh numbers.</font>' },
        ],
      }],
      footer: {
        primary: { text: 'Regenerate', style: 'filled', color: '#1A73E8', action: { name: 'generate', params: { accountId: 'ACC-001', what: 'package', regenerate: 'yes', step: 'run', qbrDate: '2026-12-10', share: 'yes' } } },
        secondary: { text: 'Cancel', action: { name: 'back', loadIndicator: 'none' } },
      },
    });
    const plain = regenerateConfirmCard({ accountId: 'ACC-001', accountName: 'A', qbrDate: null, share: false });
    expect(plain.footer?.primary?.action?.params).toEqual({ accountId: 'ACC-001', what: 'package', regenerate: 'yes', step: 'run' });
  });
});
