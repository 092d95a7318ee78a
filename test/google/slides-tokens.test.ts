/** The template language's small rules: tags, object IDs, deck tokens, and data that never brings a token in. */
import type { DeckPlan, SlidePlan } from '../../src/core/package/types';
import { fillRequests } from '../../src/google/slides/fill';
import { readTemplate, type RestPresentation } from '../../src/google/slides/read';
import { isObjectId, objectIdTag, sanitize, slideObjectId, strayOpenings, substitute, tokensIn } from '../../src/google/slides/tokens';
import { chartFallback, deckTokens, slideToken } from '../../src/google/slides/values';

const slide = (over: Partial<SlidePlan>): SlidePlan => ({ key: 'exec-summary', title: 'Executive summary', layout: 'content', blocks: [], notes: { talkingPoints: ['Lead with the headline.'], questions: [] }, dataToConfirm: [], ...over });

const deck: DeckPlan = {
  variant: 'enterprise', title: 'GlobalTech Quarterly Business Review', subtitle: 'GlobalTech · Quarterly Business Review · Q4 2026', accountName: 'GlobalTech',
  slides: [
    slide({ key: 'title', title: 'Quarterly Business Review · Q4 2026', layout: 'title', subtitle: 'Tuesday 15 December 2026 · Prepared by Ana' }),
    slide({
      blocks: [
        { kind: 'kpis', items: [{ label: 'Health', value: '82 {{Green}}', tone: 'good' }] },
        { kind: 'table', columns: [{ header: 'A' }, { header: 'B' }, { header: 'C' }], rows: [[{ text: 'a1' }, { text: 'b1' }, { text: 'c1' }]], empty: 'None' },
      ],
      dataToConfirm: ['Renewal Date'],
    }),
  ],
};

/** A 2-slide template written by hand in the REST shape: notes tags, a KPI token, a row template showing 2 of 3 columns. */
function handTemplate(): RestPresentation {
  const text = (s: string) => ({ textElements: [{ textRun: { content: `${s}\n` } }] });
  const notes = (id: string, s: string) => ({ objectId: `${id}_notes`, notesProperties: { speakerNotesObjectId: `${id}_body` }, pageElements: [{ objectId: `${id}_body`, shape: { text: text(s) } }] });
  return {
    presentationId: 'hand',
    slides: [
      { objectId: 'hand_cover', slideProperties: { notesPage: notes('hand_cover', '{{slide:title}}') }, pageElements: [{ objectId: 'hand_cover_t', shape: { text: text('{{account}} · {{qbr_date}}') } }] },
      {
        objectId: 'hand_exec',
        slideProperties: { notesPage: notes('hand_exec', '{{slide:exec-summary}}') },
        pageElements: [
          { objectId: 'hand_exec_k', shape: { text: text('{{kpi.1.value}} | {{confirm}}') } },
          { objectId: 'hand_exec_tbl', table: { rows: 2, columns: 2, tableRows: [
            { tableCells: [{ location: { rowIndex: 0, columnIndex: 0 }, text: text('{{col.1}}') }, { location: { rowIndex: 0, columnIndex: 1 }, text: text('{{col.2}}') }] },
            { tableCells: [{ location: { rowIndex: 1, columnIndex: 0 }, text: text('{{table.1}}{{row.1}}') }, { location: { rowIndex: 1, columnIndex: 1 }, text: text('{{row.2}}') }] },
          ] } },
        ],
      },
    ],
  };
}

describe('tokens and tags', () => {
  it('finds tokens with their raw form and a normalised name; counts unclosed openings', () => {
    expect(tokensIn('{{ Title }} and {{kpi.1.value}}')).toEqual([{ raw: '{{ Title }}', name: 'title' }, { raw: '{{kpi.1.value}}', name: 'kpi.1.value' }]);
    expect(strayOpenings('{{title}} {{oops')).toBe(1);
    expect(substitute('{{a}} {{b', (t) => t.name.toUpperCase())).toBe('A b');
  });

  it('spaces apart braces in data so a value is never a token, whatever the tracker holds', () => {
    for (const s of ['{{title}}', '{{{x}}}', 'a{{', '}}b']) expect(sanitize(s)).not.toMatch(/\{\{|\}\}/);
    expect(sanitize('$220K {ok}')).toBe('$220K {ok}');
  });

  it('reads object-ID tags (full and short variant names) and writes them within 50 characters', () => {
    expect(objectIdTag('qbr__exec-summary')).toEqual({ key: 'exec-summary', variants: null });
    expect(objectIdTag('qbr__appendix-methodology__ebr_ent_mm')).toEqual({ key: 'appendix-methodology', variants: ['ebr', 'enterprise', 'midmarket'] });
    expect(objectIdTag('qbr__roadmap__enterprise_smb')).toEqual({ key: 'roadmap', variants: ['enterprise', 'smb'] });
    expect(objectIdTag('qbr__roadmap__gold')).toBeNull();
    expect(objectIdTag('g_0001')).toBeNull();
    const id = slideObjectId('appendix-methodology', ['ebr', 'enterprise', 'midmarket']);
    expect(isObjectId(id)).toBe(true);
    expect(['abcd', 'x'.repeat(51), '-abcde', 'ab cde'].map(isObjectId)).toEqual([false, false, false, false]);
    expect(['abcde', '_a:b-c', 'x'.repeat(50)].map(isObjectId)).toEqual([true, true, true]);
  });

  it('offers deck-wide tokens from the plan', () => {
    expect(deckTokens(deck)).toEqual({
      account: 'GlobalTech', review_type: 'Quarterly Business Review', quarter: 'Q4 2026', qbr_date: 'Tuesday 15 December 2026',
      deck_title: deck.title, deck_subtitle: deck.subtitle, variant: 'enterprise',
    });
  });

  it('tells a value from a reference to what the slide lacks from a token it does not know', () => {
    const s = deck.slides[1]!;
    expect(slideToken(s, 'kpi.1.label')).toEqual({ kind: 'value', text: 'Health' });
    expect(slideToken(s, 'kpi.2.label')).toEqual({ kind: 'absent', text: '' });
    expect(slideToken(s, 'kpi.1.colour')).toEqual({ kind: 'unknown' });
    expect(slideToken(s, 'confirm')).toEqual({ kind: 'value', text: 'To confirm: Renewal Date' });
    expect(slideToken(s, 'table.1.col.3')).toEqual({ kind: 'value', text: 'C' });
    expect(slideToken(s, 'account')).toBeNull();
  });

  it('writes a chart\'s numbers when there is no linked chart, and its empty sentence when there is nothing to plot', () => {
    const c = { kind: 'chart' as const, title: 'Health', chart: 'line' as const, categories: ['2026-Q3', '2026-Q4'], series: [{ name: 'Score', values: [71, null] }], format: 'score' as const, empty: 'No scored quarters yet' };
    expect(chartFallback(c)).toBe('Health (chart not linked)\nScore: 2026-Q3 71 · 2026-Q4 —');
    expect(chartFallback({ ...c, series: [{ name: 'Score', values: [null, null] }] })).toBe('No scored quarters yet');
  });
});

describe('a hand-written 2-slide template', () => {
  const model = readTemplate(handTemplate());
  const out = fillRequests(model, deck);

  it('is read with its tags, tokens and row template', () => {
    expect(model.slides.map((s) => [s.key, s.speakerNotesObjectId, s.notesText])).toEqual([['title', 'hand_cover_body', '{{slide:title}}'], ['exec-summary', 'hand_exec_body', '{{slide:exec-summary}}']]);
    expect(model.slides[1]!.rowTables).toEqual([expect.objectContaining({ objectId: 'hand_exec_tbl', block: 1, bound: 'marker', templateRow: 1, columns: 2 })]);
  });

  it('fills it in the order that keeps tokens intact: table cells, then text, then notes', () => {
    const order = out.requests.map((r) => Object.keys(r)[0]);
    expect(order.indexOf('insertTableRows')).toBe(-1); // one data row: the template row itself
    expect(order.lastIndexOf('deleteText')).toBeGreaterThan(order.lastIndexOf('replaceAllText'));
    expect(out.requests).toContainEqual({ replaceAllText: { containsText: { text: '{{kpi.1.value}}', matchCase: true }, replaceText: '82 { {Green} }', pageObjectIds: ['hand_exec'] } });
    expect(out.requests).toContainEqual({ insertText: { objectId: 'hand_exec_tbl', cellLocation: { rowIndex: 1, columnIndex: 0 }, text: 'a1', insertionIndex: 0 } });
    expect(out.requests).toContainEqual({ deleteText: { objectId: 'hand_exec_body', textRange: { type: 'ALL' } } });
  });

  it('reports the table column the template row does not show, and nothing unknown', () => {
    expect(out.problems).toEqual(['exec-summary: table 1 shows 2 of its 3 columns']);
    expect(out.unknownTokens).toEqual([]);
    expect(out.missingSlides).toEqual([]);
  });
});

describe('row templates past 20 rows', () => {
  it('insert rows in batches of at most 20 (the API\'s limit per insertTableRows)', () => {
    const template = handTemplate();
    const cellText = template.slides![1]!.pageElements![1]!.table!.tableRows![1]!.tableCells![0]!.text!;
    cellText.textElements![0]!.textRun!.content = '{{table.1}}{{rows:30}}{{row.1}}\n';
    const big = structuredClone(deck);
    const table = big.slides[1]!.blocks[1] as { rows: { text: string }[][] };
    table.rows = Array.from({ length: 35 }, (_, i) => [{ text: `r${i + 1}` }, { text: 'b' }, { text: 'c' }]);
    const out = fillRequests(readTemplate(template), big);
    const inserts = out.requests.filter((r) => 'insertTableRows' in r).map((r) => (r as { insertTableRows: { number: number } }).insertTableRows.number);
    expect(inserts).toEqual([20, 10]);
    expect(out.requests).toContainEqual({ insertText: { objectId: 'hand_exec_tbl', cellLocation: { rowIndex: 31, columnIndex: 0 }, text: '+5 more rows in the tracker', insertionIndex: 0 } });
  });
});

describe('word art', () => {
  it('is removed when it holds a token, since no request can rewrite its text', () => {
    const template = handTemplate();
    template.slides![1]!.pageElements!.push({ objectId: 'hand_exec_art', wordArt: { renderedText: '{{title}}' } });
    const model = readTemplate(template);
    expect(model.problems).toEqual(['Slide hand_exec: word art hand_exec_art holds a token, which the Slides API cannot replace; use a text box']);
    const out = fillRequests(model, deck);
    expect(out.requests).toContainEqual({ deleteObject: { objectId: 'hand_exec_art' } });
    expect(out.problems).toContain('exec-summary: word art hand_exec_art held a token and was removed');
  });
});
