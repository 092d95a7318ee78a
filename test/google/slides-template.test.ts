/** The built-in template: valid request bodies, Google's object-ID rule, every slide key with its variant tags, and a read-back. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeWorkbook } from '../../src/core';
import { buildPackage } from '../../src/core/package/package';
import type { DeckPlan } from '../../src/core/package/types';
import { AsyncRunner } from '../../src/google/execute';
import { fakeTransport } from './fake-transport';
import { BUILT_IN, variantsOf } from '../../src/google/slides/builtin-spec';
import { readTemplate } from '../../src/google/slides/read';
import { copyTemplateCall } from '../../src/google/drive';
import { builtInTemplateRequests, findTemplateCall, TEMPLATE_MARK } from '../../src/google/slides/template';
import { objectIdTag, SLIDE_KEYS, VARIANTS } from '../../src/google/slides/tokens';
import { readCsvFolder } from '../../src/workbook/csv';
import { validateBody, validateParams } from '../fake-google/discovery';
import { createState } from '../fake-google/state';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- request bodies are plain JSON
type Json = any;

const TODAY = '2026-11-22';
const book = analyzeWorkbook(readCsvFolder(join(__dirname, '../../examples/tracker-csv')), { today: TODAY });
const deckOf = (id: string): DeckPlan => buildPackage(book.accounts.find((a) => a.id === id)!, { today: TODAY }).deck!;
/** The example book has one account per variant. */
const DECKS = { enterprise: deckOf('ACC-001'), ebr: deckOf('ACC-002'), midmarket: deckOf('ACC-005'), smb: deckOf('ACC-007') };

/** Google's rule, written out independently of the code under test. */
const GOOGLE_ID = /^[a-zA-Z0-9_][a-zA-Z0-9_\-:]*$/;

const CREATES = ['createSlide', 'createShape', 'createTable', 'createImage', 'createLine', 'createSheetsChart', 'createVideo'];

/** Every objectId a request body creates (createParagraphBullets only refers to one). */
function createdIds(requests: object[]): string[] {
  return requests.flatMap((r) => {
    const [kind, body] = Object.entries(r)[0] as [string, { objectId?: string }];
    return CREATES.includes(kind) && body.objectId ? [body.objectId] : [];
  });
}


describe('built-in template requests', () => {
  const { create, build, mark } = builtInTemplateRequests();
  const requests = (build.body as { requests: object[] }).requests;

  it('are bodies Google accepts (discovery-validated), with params the methods know', () => {
    for (const call of [create, build, mark]) {
      expect(validateBody(call.id, call.body)).toEqual([]);
      expect(validateParams(call.id, call.params as Record<string, string>)).toEqual([]);
    }
    expect(create.id).toBe('slides.presentations.create');
    expect(create.bind).toEqual({ deckTemplateId: 'presentationId', blankSlideId: 'slides.0.objectId' });
    expect(mark).toMatchObject({ id: 'drive.files.update', params: { fileId: '${deckTemplateId}' }, body: { appProperties: TEMPLATE_MARK } });
    expect(validateBody('drive.files.copy', copyTemplateCall('t1', { name: 'Deck', folderId: null, bindAs: 'deckId', appProperties: { qbrFacilitatorTemplate: 'copy' } }).body)).toEqual([]);
  });

  it('give every created object an ID that follows Google\'s rule (5–50 chars) and is unique', () => {
    const ids = createdIds(requests);
    expect(ids.length).toBeGreaterThan(200);
    for (const id of ids) {
      expect(id).toMatch(GOOGLE_ID);
      expect(id.length).toBeGreaterThanOrEqual(5);
      expect(id.length).toBeLessThanOrEqual(50);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keep every shape and table on the 720 × 405 pt page', () => {
    for (const r of requests) {
      const body = (r as { createShape?: { elementProperties: Json }; createTable?: { elementProperties: Json } });
      const e = (body.createShape ?? body.createTable)?.elementProperties;
      if (!e) continue;
      expect(e.transform.unit).toBe('PT');
      expect(e.transform.translateX).toBeGreaterThanOrEqual(0);
      expect(e.transform.translateY).toBeGreaterThanOrEqual(0);
      expect(e.transform.translateX + e.size.width.magnitude).toBeLessThanOrEqual(720);
      expect(e.transform.translateY + e.size.height.magnitude).toBeLessThanOrEqual(405);
    }
  });

  it('draw one slide per slide key, deleting the blank first slide only after they exist', () => {
    const slides = requests.flatMap((r) => ('createSlide' in r ? [(r as { createSlide: { objectId: string } }).createSlide.objectId] : []));
    expect(slides.map((id) => objectIdTag(id)!.key).sort()).toEqual([...SLIDE_KEYS].sort());
    expect(requests[requests.length - 1]).toEqual({ deleteObject: { objectId: '${blankSlideId}' } });
  });

  it.each(VARIANTS)('tag, for %s, exactly the slides that variant\'s deck has, in its order', (variant) => {
    const tagged = BUILT_IN.map((s, i) => objectIdTag(createdIds(requests).filter((id) => id.startsWith('qbr__'))[i]!)!)
      .filter((t) => t.variants === null || t.variants.includes(variant))
      .map((t) => t.key);
    // The technical review (who attends) and a mid-market renewal (when it falls) are tagged but drawn only when they apply.
    const keys = DECKS[variant].slides.map((s) => s.key);
    expect(tagged.filter((k) => keys.includes(k) || !['technical', 'renewal-outlook'].includes(k))).toEqual(keys);
  });
});

describe('the built-in template made through the fake API', () => {
  const state = createState();
  const run = new AsyncRunner(fakeTransport(state));
  let presentation: { slides: { objectId: string }[] };

  beforeAll(async () => {
    const { create, build, mark } = builtInTemplateRequests();
    await run.runAll([create, build, mark]);
    presentation = state.presentations.get(run.value<string>('deckTemplateId')!);
  });

  it('is one create, one batchUpdate and one mark, leaving exactly the template slides', () => {
    expect(run.made.map((m) => m.call.id)).toEqual(['slides.presentations.create', 'slides.presentations.batchUpdate', 'drive.files.update']);
    expect(presentation.slides.map((s) => s.objectId)).toEqual(BUILT_IN.map((s) => expect.stringContaining(`qbr__${s.key}`)));
    expect(state.files.get(run.value<string>('deckTemplateId')!)!.appProperties).toEqual(TEMPLATE_MARK);
  });

  it('is found again by a later run, and a copy of it is not taken for the template', async () => {
    await run.run(copyTemplateCall(run.value<string>('deckTemplateId')!, { name: 'GlobalTech QBR', folderId: null, bindAs: 'deckId', appProperties: { qbrFacilitatorTemplate: 'copy' } }));
    const found = (await run.run(findTemplateCall())) as { files: { id: string }[] };
    expect(found.files.map((f) => f.id)).toEqual([run.value('deckTemplateId')]);
  });

  it('reads back as 20 tagged slides with row templates, chart placeholders and notes shapes, and no problems', () => {
    const model = readTemplate(presentation);
    expect(model.problems).toEqual([]);
    expect(model.slides.map((s) => s.key)).toEqual(BUILT_IN.map((s) => s.key));
    expect(model.slides.every((s) => s.tag === 'objectId' && s.speakerNotesObjectId !== null && s.strays === 0)).toBe(true);
    const bySlide = new Map(model.slides.map((s) => [s.key, s]));
    expect(bySlide.get('partnership-summary')!.variants).toEqual(['ebr']);
    expect(bySlide.get('title')!.variants).toBeNull();
    const roi = bySlide.get('value-roi')!;
    expect(roi.rowTables).toEqual([expect.objectContaining({ objectId: 'qbr_value_roi_table1', block: 1, bound: 'marker', templateRow: 1, columns: 5, cellCount: 5, maxRows: 6 })]);
    expect(roi.rowTables[0]!.headerCells.map((c) => c.text)).toEqual(['{{col.1}}', '{{col.2}}', '{{col.3}}', '{{col.4}}', '{{col.5}}']);
    expect(bySlide.get('health')!.charts).toEqual([{ objectId: 'qbr_health_chart1', n: 1, raw: '{{chart.1}}' }]);
    expect(bySlide.get('exec-summary')!.tokens.map((t) => t.name)).toEqual(expect.arrayContaining(['title', 'kpi.4.value', 'bullets.1', 'bullets.1.title', 'confirm', 'sources', 'account', 'quarter']));
  });
});

describe('docs/TEMPLATE.md', () => {
  const doc = readFileSync(join(__dirname, '../../docs/TEMPLATE.md'), 'utf8');

  it('lists every slide key with the variants that have it', () => {
    const rows = [...doc.matchAll(/^\| `([a-z-]+)` \| ([a-z, ]+) \|/gm)].map((m) => [m[1], m[2]!.trim()]);
    expect(rows).toEqual(SLIDE_KEYS.map((k) => [k, variantsOf(k)?.join(', ') ?? 'all']));
  });
});
