/** The offline deck renderer, read back from the .pptx: slide count with continuations, notes, split tables, charts, no placeholders. */
import fc from 'fast-check';
import JSZip from 'jszip';
import type { Block, DeckPlan, SlidePlan } from '../../src/core/package/types';
import { MAX_BULLETS, MAX_TABLE_ROWS, paginate, renderDeck, type RenderDeckOptions } from '../../src/render/pptx';
import { chromeFrames } from '../../src/render/pptx/paginate';
import type { TableCell } from '../../src/core/package/types';
import { DETAILED_METRICS, QUARTERS, sampleDeckPlan } from '../fixtures/deck-plan';

// `npm test` runs jest with --experimental-vm-modules, which pptxgenjs's dynamic import of node:fs needs.
const render = (deck: DeckPlan, options?: RenderDeckOptions): Promise<Buffer> => renderDeck(deck, options);

const plan = sampleDeckPlan();
let zip: JSZip;
let slides: string[];
let notes: string[];

function num(path: string): number {
  return Number(/(\d+)\.xml$/.exec(path)?.[1]);
}

async function partsUnder(prefix: RegExp): Promise<[string, string][]> {
  const names = Object.keys(zip.files).filter((n) => prefix.test(n)).sort((a, b) => num(a) - num(b));
  return Promise.all(names.map(async (n) => [n, await zip.file(n)!.async('string')] as [string, string]));
}

/** Visible text of a slide, in order: the `<a:t>` runs. */
function texts(xml: string): string[] {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1]!));
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/**
 * Pages the plan should produce, computed from the plan by the documented rule: a table continues after
 * MAX_TABLE_ROWS rows and a list after MAX_BULLETS items, in even chunks. The fixture keeps long blocks alone on
 * their slide and short blocks short, so height never forces an extra page; the guard below checks that premise.
 */
function expectedPages(slide: SlidePlan): number {
  if (slide.layout !== 'content') return 1;
  const chunks = (b: Block): number =>
    b.kind === 'table' ? Math.max(1, Math.ceil(b.rows.length / MAX_TABLE_ROWS))
      : b.kind === 'bullets' ? Math.max(1, Math.ceil(b.items.length / MAX_BULLETS)) : 1;
  const long = slide.blocks.filter((b) => chunks(b) > 1);
  if (long.length > 0) expect(slide.blocks).toHaveLength(1);
  return Math.max(1, ...slide.blocks.map(chunks));
}

beforeAll(async () => {
  const buffer = await render(plan);
  expect(Buffer.isBuffer(buffer)).toBe(true);
  zip = await JSZip.loadAsync(buffer);
  slides = (await partsUnder(/^ppt\/slides\/slide\d+\.xml$/)).map(([, xml]) => xml);
  notes = (await partsUnder(/^ppt\/notesSlides\/notesSlide\d+\.xml$/)).map(([, xml]) => xml);
});

describe('renderDeck', () => {
  it('writes one slide per plan slide plus one per continuation', () => {
    const expected = plan.slides.reduce((sum, s) => sum + expectedPages(s), 0);
    expect(expected).toBeGreaterThan(plan.slides.length); // the fixture does exercise continuations
    expect(slides).toHaveLength(expected);
    const continued = slides.filter((xml) => texts(xml).some((t) => t.endsWith('(cont.)')));
    expect(continued).toHaveLength(expected - plan.slides.length);
  });

  it('gives every slide speaker notes with talking points and questions', async () => {
    expect(notes).toHaveLength(slides.length);
    for (const xml of notes) expect(texts(xml).join('').trim().length).toBeGreaterThan(0);
    const rels = await partsUnder(/^ppt\/slides\/_rels\/slide\d+\.xml\.rels$/);
    for (const [, xml] of rels) expect(xml).toMatch(/notesSlide\d+\.xml/);
    const execNotes = notes.map((xml) => texts(xml).join('')).find((t) => t.includes('Lead with the value headline'));
    expect(execNotes).toContain('• Lead with the value headline');
    expect(execNotes).toContain('Questions to ask:');
    expect(execNotes).toContain('• Who should we brief once the new sponsor starts?');
  });

  it('splits the 30-row table across slides, header repeated, every row exactly once', () => {
    const metricSlides = slides.filter((xml) => texts(xml).some((t) => t.startsWith('Appendix: detailed metrics')));
    expect(metricSlides).toHaveLength(Math.ceil(DETAILED_METRICS.length / MAX_TABLE_ROWS));
    for (const xml of metricSlides) {
      expect(texts(xml)).toEqual(expect.arrayContaining(['Metric', ...QUARTERS, 'Source']));
      expect((xml.match(/<a:tr /g) ?? []).length).toBeLessThanOrEqual(MAX_TABLE_ROWS + 1);
    }
    const all = slides.flatMap(texts);
    for (const [metric] of DETAILED_METRICS) expect(all.filter((t) => t === metric)).toHaveLength(1);
    const titles = metricSlides.map((xml) => texts(xml)[0]);
    expect(titles.slice(1).every((t) => t === 'Appendix: detailed metrics (cont.)')).toBe(true);
  });

  it('writes a native chart part per non-empty chart, with the quarter categories', async () => {
    const charts = await partsUnder(/^ppt\/charts\/chart\d+\.xml$/);
    const drawable = plan.slides.flatMap((s) => s.blocks).filter(
      (b) => b.kind === 'chart' && b.categories.length > 0 && b.series.some((s) => s.values.some((v) => v !== null)),
    );
    expect(drawable.length).toBeGreaterThan(0);
    expect(charts).toHaveLength(drawable.length);
    for (const [, xml] of charts) {
      for (const q of QUARTERS) expect(xml).toContain(`<c:v>${q}</c:v>`);
    }
  });

  it('shows the empty chart and empty table sentences instead of drawing nothing', () => {
    const all = slides.flatMap(texts);
    expect(all).toContain('No NPS survey responses were recorded in the last four quarters.');
    expect(all).toContain('No open support escalations at the time of writing.');
  });

  it('leaves no placeholder or stray value in any XML part', async () => {
    const parts = await partsUnder(/\.(xml|rels)$/);
    expect(parts.length).toBeGreaterThan(slides.length);
    for (const [name, xml] of parts) {
      for (const bad of ['{{', '[Number]', 'TBD', 'undefined', 'NaN']) {
        if (xml.includes(bad)) throw new Error(`${name} contains ${bad}`);
      }
    }
  });

  it('puts the account name on the title slide and the data-to-confirm strip on the slide that lacks data', () => {
    expect(texts(slides[0]!)).toContain('GlobalTech');
    const exec = slides.find((xml) => texts(xml)[0] === 'Executive summary')!;
    expect(texts(exec)).toContain('Data to confirm: Support CSAT for 2026-Q4');
  });

  it('renders a minimal plan: a cover and a content slide with no blocks', async () => {
    const tiny: DeckPlan = {
      variant: 'smb', title: 'Review', subtitle: 'Acme · Review', accountName: 'Acme',
      slides: [
        { key: 'title', title: 'Acme', layout: 'title', blocks: [], notes: { talkingPoints: [], questions: [] }, dataToConfirm: [] },
        { key: 'x', title: 'Nothing yet', layout: 'content', blocks: [], notes: { talkingPoints: [], questions: [] }, dataToConfirm: [] },
      ],
    };
    const z = await JSZip.loadAsync(await render(tiny, { locale: 'en-GB' }));
    const names = Object.keys(z.files);
    expect(names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(2);
    const note = await z.file('ppt/notesSlides/notesSlide2.xml')!.async('string');
    expect(note).toContain('Nothing yet');
    expect(await z.file('ppt/slides/slide2.xml')!.async('string')).toContain('lang="en-GB"');
  });
});

describe('paginate (the layout engine)', () => {
  const words = fc.array(fc.constantFrom('value', 'adoption', 'renewal', 'Q4', '$1.2M', 'executive', 'sponsor', 'a', 'of', 'integration'), { minLength: 1, maxLength: 40 }).map((w) => w.join(' '));
  const tone = fc.constantFrom<'good' | 'warn' | 'bad' | 'neutral'>('good', 'warn', 'bad', 'neutral');
  const cell: fc.Arbitrary<TableCell> = fc.record({ text: words, tone: fc.option(tone, { nil: undefined }) });
  const block: fc.Arbitrary<Block> = fc.oneof(
    fc.record({ kind: fc.constant('kpis' as const), items: fc.array(fc.record({ label: words, value: fc.constant('85%'), tone }), { minLength: 1, maxLength: 8 }) }),
    fc.record({ kind: fc.constant('bullets' as const), title: fc.option(words, { nil: undefined }), items: fc.array(words, { maxLength: 20 }) }),
    fc.record({ kind: fc.constant('text' as const), text: words, tone: fc.option(tone, { nil: undefined }) }),
    fc.integer({ min: 1, max: 6 }).chain((cols) => fc.record({
      kind: fc.constant('table' as const), title: fc.option(words, { nil: undefined }),
      columns: fc.constant(Array.from({ length: cols }, (_, i) => ({ header: `Column ${i + 1}` }))),
      rows: fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { maxLength: 40 }),
      empty: fc.constant('Nothing to show.'),
    })),
    fc.record({
      kind: fc.constant('chart' as const), title: words, chart: fc.constantFrom<'line' | 'bar'>('line', 'bar'),
      categories: fc.constant(QUARTERS),
      series: fc.array(fc.record({ name: words, values: fc.array(fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }), { minLength: 4, maxLength: 4 }) }), { minLength: 1, maxLength: 3 }),
      format: fc.constantFrom<'number' | 'percent' | 'score'>('number', 'percent', 'score'), empty: fc.constant('No data.'),
    }),
  );
  const slide: fc.Arbitrary<SlidePlan> = fc.record({
    key: fc.constant('k'), title: words, layout: fc.constant('content' as const),
    subtitle: fc.option(words, { nil: undefined }), sources: fc.option(words, { nil: undefined }),
    blocks: fc.array(block, { maxLength: 4 }),
    notes: fc.constant({ talkingPoints: [], questions: [] }),
    dataToConfirm: fc.array(words, { maxLength: 3 }),
  });

  it('keeps every block inside the content area, without overlaps, and loses no row or bullet', () => {
    fc.assert(fc.property(slide, (s) => {
      const pages = paginate(s);
      pages.forEach((page, i) => {
        const { area } = chromeFrames(s, i === 0);
        for (const { frame } of page.placed) {
          expect(frame.y).toBeGreaterThanOrEqual(area.top - 1e-9);
          expect(frame.y + frame.h).toBeLessThanOrEqual(area.bottom + 1e-9);
          expect(frame.x).toBeGreaterThanOrEqual(area.x - 1e-9);
          expect(frame.x + frame.w).toBeLessThanOrEqual(area.x + area.w + 1e-9);
        }
        page.placed.forEach((a, j) => page.placed.slice(j + 1).forEach((b) => {
          const apart = a.frame.x + a.frame.w <= b.frame.x + 1e-9 || b.frame.x + b.frame.w <= a.frame.x + 1e-9
            || a.frame.y + a.frame.h <= b.frame.y + 1e-9 || b.frame.y + b.frame.h <= a.frame.y + 1e-9;
          expect(apart).toBe(true);
        }));
      });
      const placed = pages.flatMap((p) => p.placed.map((x) => x.block));
      const rowsIn = s.blocks.flatMap((b) => (b.kind === 'table' ? b.rows : []));
      const rowsOut = placed.flatMap((b) => (b.kind === 'table' ? b.rows : []));
      expect(rowsOut).toHaveLength(rowsIn.length);
      expect(new Set(rowsOut)).toEqual(new Set(rowsIn));
      const itemsIn = s.blocks.flatMap((b) => (b.kind === 'bullets' ? b.items : [])).sort();
      const itemsOut = placed.flatMap((b) => (b.kind === 'bullets' ? b.items : [])).sort();
      expect(itemsOut).toEqual(itemsIn);
      for (const b of placed) {
        if (b.kind === 'table') expect(b.rows.length).toBeLessThanOrEqual(MAX_TABLE_ROWS);
        if (b.kind === 'bullets') expect(b.items.length).toBeLessThanOrEqual(MAX_BULLETS);
      }
      expect(pages.slice(1).every((p) => p.continued && p.title === `${s.title} (cont.)`)).toBe(true);
    }), { numRuns: 300 });
  });

  it('puts two blocks with a chart side by side under the KPI row, and stacks three', () => {
    const chart: Block = { kind: 'chart', title: 'Trend', chart: 'line', categories: QUARTERS, format: 'number', series: [{ name: 'Users', values: [1, 2, 3, 4] }], empty: 'None.' };
    const kpis: Block = { kind: 'kpis', items: [{ label: 'A', value: '1', tone: 'good' }, { label: 'B', value: '2', tone: 'bad' }] };
    const text: Block = { kind: 'text', text: 'A short note.', tone: 'warn' };
    const base: SlidePlan = { key: 'k', title: 'T', layout: 'content', blocks: [], notes: { talkingPoints: [], questions: [] }, dataToConfirm: [] };
    const [side] = paginate({ ...base, blocks: [text, kpis, chart] });
    expect(side!.placed.map((p) => p.block.kind)).toEqual(['kpis', 'text', 'chart']);
    const [k, t, c] = side!.placed.map((p) => p.frame);
    expect(t!.y).toBe(c!.y);
    expect(t!.x + t!.w).toBeLessThan(c!.x);
    expect(k!.y + k!.h).toBeLessThan(t!.y);
    const [stacked] = paginate({ ...base, blocks: [kpis, text, chart, text] });
    const ys = stacked!.placed.map((p) => p.frame.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(new Set(stacked!.placed.map((p) => p.frame.w)).size).toBe(1);
  });
});
