/**
 * Filling a template copy from a deck plan, end to end through the fake Slides API: copy, read once, ONE batchUpdate.
 * Checks what a reader of the filled deck sees: the right slides, tables grown to the data, notes, and no `{{` anywhere.
 */
import { join } from 'node:path';
import { analyzeWorkbook } from '../../src/core';
import { buildPackage } from '../../src/core/package/package';
import type { DeckPlan, TableCell } from '../../src/core/package/types';
import { AsyncRunner } from '../../src/google/execute';
import { fakeTransport } from './fake-transport';
import { fillCall, fillRequests, readCall, type FillOptions } from '../../src/google/slides/fill';
import { readTemplate, type RestPresentation } from '../../src/google/slides/read';
import { copyTemplateCall } from '../../src/google/drive';
import { builtInTemplateRequests } from '../../src/google/slides/template';
import { isObjectId } from '../../src/google/slides/tokens';
import { readCsvFolder } from '../../src/workbook/csv';
import { presentationText, type SlideText } from '../fake-google/apis/slides';
import { validateBody } from '../fake-google/discovery';
import { createState } from '../fake-google/state';
import type { FakeState } from '../fake-google/types';

const TODAY = '2026-11-22';
const book = analyzeWorkbook(readCsvFolder(join(__dirname, '../../examples/tracker-csv')), { today: TODAY });
const deckOf = (id: string): DeckPlan => buildPackage(book.accounts.find((a) => a.id === id)!, { today: TODAY }).deck!;


/** The built-in template, made once per state through the fake API. */
async function withTemplate(): Promise<{ state: FakeState; run: AsyncRunner; templateId: string }> {
  const state = createState();
  const run = new AsyncRunner(fakeTransport(state));
  const { create, build, mark } = builtInTemplateRequests();
  await run.runAll([create, build, mark]);
  return { state, run, templateId: run.value<string>('deckTemplateId')! };
}

/** copy → read the copy → one batchUpdate: the whole fill as a caller makes it. */
async function fill(run: AsyncRunner, state: FakeState, templateId: string, deck: DeckPlan, opts: FillOptions = {}) {
  const copy = (await run.run(copyTemplateCall(templateId, { name: `${deck.accountName} QBR`, folderId: null, bindAs: 'deckId', appProperties: { qbrFacilitatorTemplate: 'copy' } }))) as { id: string };
  const model = readTemplate((await run.run(readCall(copy.id))) as RestPresentation);
  const result = fillRequests(model, deck, opts);
  await run.run(fillCall(copy.id, result.requests));
  return { ...result, model, slides: presentationText(state.presentations.get(copy.id)).slides, template: state.presentations.get(templateId) };
}

function everything(slides: SlideText[]): string {
  return slides.map((s) => [...s.texts, ...s.tables.flat(2), s.notes].join('\n')).join('\n');
}

function kinds(requests: object[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of requests) { const k = Object.keys(r)[0]!; out[k] = (out[k] ?? 0) + 1; }
  return out;
}

const tableOf = (deck: DeckPlan, key: string) => deck.slides.find((s) => s.key === key)!.blocks.find((b) => b.kind === 'table') as { rows: TableCell[][]; empty: string; columns: { header: string }[] };

describe('filling the built-in template for an enterprise deck', () => {
  const deck = deckOf('ACC-001');
  let out: Awaited<ReturnType<typeof fill>>;
  let ids: string[];

  beforeAll(async () => {
    const { state, run, templateId } = await withTemplate();
    out = await fill(run, state, templateId, deck);
    ids = out.slides.map((s) => s.objectId);
  });

  it('keeps exactly the deck\'s 18 slides in its order: the ebr-only slides are deleted', () => {
    expect(deck.slides).toHaveLength(17);
    expect(out.slides.map((s) => out.model.slides.find((m) => m.objectId === s.objectId)!.key)).toEqual(deck.slides.map((s) => s.key));
    for (const key of ['partnership-summary', 'executive-alignment', 'renewal-outlook']) expect(ids.some((id) => id.includes(key))).toBe(false);
    expect(out.missingSlides).toEqual([]);
    expect(out.unknownTokens).toEqual([]);
    expect(out.problems).toEqual([]);
  });

  it('leaves no {{ anywhere: slides, tables or speaker notes', () => {
    expect(everything(out.slides)).not.toContain('{{');
    expect(everything(out.slides)).not.toMatch(/\bundefined\b|NaN/);
  });

  it('writes every slide\'s title, KPI values and sources', () => {
    const slide = (key: string) => out.slides[deck.slides.findIndex((s) => s.key === key)]!;
    const plan = deck.slides.find((s) => s.key === 'exec-summary')!;
    const kpis = (plan.blocks[0] as { items: { value: string }[] }).items;
    expect(slide('exec-summary').texts).toEqual(expect.arrayContaining(['Executive summary', ...kpis.map((k) => expect.stringContaining(k.value))]));
    expect(slide('title').texts).toEqual(expect.arrayContaining([deck.accountName]));
    // Tracker provenance is the prep brief's (SPEC §4.0): the customer's slide has no sources line.
    expect(deck.slides.find((s) => s.key === 'value-roi')!.sources).toBeUndefined();
    expect(slide('value-roi').texts.join('\n')).not.toContain('Source:');
  });

  it('grows each table to its data rows (header + one row per data row, capped by the template)', () => {
    const slide = (key: string) => out.slides[deck.slides.findIndex((s) => s.key === key)]!;
    const roi = tableOf(deck, 'value-roi');
    expect(roi.rows.length).toBeLessThanOrEqual(6);
    expect(slide('value-roi').tables[0]).toEqual([roi.columns.map((c) => c.header), ...roi.rows.map((r) => r.map((c) => c.text))]);
    const agenda = tableOf(deck, 'agenda');
    expect(slide('agenda').tables[0]).toHaveLength(1 + agenda.rows.length);
  });

  it('replaces the speaker notes with talking points and questions', () => {
    deck.slides.forEach((plan, i) => {
      const notes = out.slides[i]!.notes;
      expect(notes).toContain(plan.notes.talkingPoints[0]!);
      if (plan.notes.questions.length > 0) expect(notes).toContain(`Questions to ask:\n• ${plan.notes.questions[0]}`);
    });
  });

  it('puts the numbers of a chart in its placeholder when no linked chart is given', () => {
    const slide = out.slides[deck.slides.findIndex((s) => s.key === 'adoption-trend')]!;
    expect(slide.texts.join('\n')).toContain('Active users against licensed seats (chart not linked)');
    expect(slide.charts).toBe(0);
  });

  it('never modifies the template (the copy is filled)', () => {
    expect(presentationText(out.template).slides).toHaveLength(20);
    expect(everything(presentationText(out.template).slides)).toContain('{{kpi.1.value}}');
  });

  it('uses only valid request bodies and object IDs, in one batch whose size is reported', () => {
    expect(validateBody('slides.presentations.batchUpdate', { requests: out.requests })).toEqual([]);
    for (const r of out.requests) {
      const body = Object.values(r)[0] as { objectId?: string; tableObjectId?: string };
      for (const id of [body.objectId, body.tableObjectId].filter((x): x is string => x !== undefined)) expect(isObjectId(id) || /^SLIDES_API/.test(id)).toBe(true);
    }
    const count = kinds(out.requests);
    expect(count.deleteObject).toBeGreaterThanOrEqual(3);
    expect(count.replaceAllText).toBeGreaterThan(0);
    expect(count.insertText).toBeGreaterThan(0);
    // One batch, well inside what a single batchUpdate carries: tables dominate (two requests per written cell).
    expect(out.requests.length).toBeLessThan(800);
    expect(count.insertTableRows).toBe(deck.slides.flatMap((p) => p.blocks).filter((b) => b.kind === 'table' && b.rows.length > 1).length);
  });
});

describe('table caps, empty tables and other variants', () => {
  const base = deckOf('ACC-001');
  const withRows = (key: string, n: number): DeckPlan => {
    const d = structuredClone(base);
    const t = tableOf(d, key);
    const row = t.rows[0] ?? t.columns.map((c) => ({ text: c.header }));
    t.rows = Array.from({ length: n }, (_, i) => row.map((c, j) => ({ ...c, text: j === 0 ? `Row ${i + 1}` : c.text })));
    return d;
  };

  it('stops at the template\'s cap and says how many more rows the tracker holds', async () => {
    const { state, run, templateId } = await withTemplate();
    const deck = withRows('value-roi', 20);
    const out = await fill(run, state, templateId, deck);
    const table = out.slides[deck.slides.findIndex((s) => s.key === 'value-roi')]!.tables[0]!;
    expect(table).toHaveLength(1 + 6 + 1);
    expect(table[6]![0]).toBe('Row 6');
    expect(table[7]).toEqual(['+14 more rows in the tracker', '', '', '', '']);
  });

  it('writes the block\'s empty sentence when a table has no rows', async () => {
    const { state, run, templateId } = await withTemplate();
    const deck = withRows('success-plan', 0);
    const out = await fill(run, state, templateId, deck);
    const table = out.slides[deck.slides.findIndex((s) => s.key === 'success-plan')]!.tables[0]!;
    expect(table).toEqual([tableOf(deck, 'success-plan').columns.map((c) => c.header), [tableOf(deck, 'success-plan').empty, '', '', '', '']]);
  });

  it.each([['ACC-002', 'ebr'], ['ACC-005', 'midmarket'], ['ACC-007', 'smb']])('fills %s (%s) with its own slides and no {{ left', async (id) => {
    const { state, run, templateId } = await withTemplate();
    const deck = deckOf(id);
    const out = await fill(run, state, templateId, deck);
    expect(out.slides).toHaveLength(deck.slides.length);
    expect(everything(out.slides)).not.toContain('{{');
    expect(out.unknownTokens).toEqual([]);
    expect(out.missingSlides).toEqual([]);
  });
});
