// The XML boundary (issue 9): `&`, `<` and control characters anywhere in a deck or document plan still give well-formed parts.
import { renderDoc } from '../../src/render/docx';
import { renderDeck } from '../../src/render/pptx';
import { sampleDeckPlan } from '../fixtures/deck-plan';
import { sampleActionPlan, samplePreRead } from '../fixtures/doc-plan';
import { parsePart, xmlParts } from '../helpers/ooxml';

/** Every string of a plan with `extra` appended (object keys and enum-like fields kept). */
function taint<T>(value: T, extra: string, keep = new Set(['kind', 'layout', 'tone', 'align', 'key', 'variant', 'type', 'side'])): T {
  if (typeof value === 'string') return `${value}${extra}` as T;
  if (Array.isArray(value)) return value.map((v) => taint(v, extra, keep)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keep.has(k) ? v : taint(v, extra, keep)])) as T;
  }
  return value;
}

const CONTROLS = ' NUL\u0000 VT\u000b ESC\u001b]0;retitled\u0007 DEL\u007f';

describe('renderDeck: every part is well-formed XML', () => {
  it('an account named AT&T <b>Procter & Gamble</b> gives a readable <Company> in docProps/app.xml', async () => {
    const name = 'AT&T <b>Procter & Gamble</b> "Q" \'s';
    const bytes = await renderDeck({ ...sampleDeckPlan(), accountName: name });
    const bad = (await xmlParts(bytes)).filter((p) => p.error !== null);
    expect(bad.map((p) => `${p.name}: ${p.error}`)).toEqual([]);
    const app = await parsePart(bytes, 'docProps/app.xml');
    expect((app.Properties as Record<string, unknown>).Company).toBe(name);
  });

  it('control characters (NUL, VT, ESC, DEL) in every text of the plan are removed, not written into slides, notes, layouts or core', async () => {
    const bytes = await renderDeck(taint(sampleDeckPlan(), CONTROLS));
    const parts = await xmlParts(bytes);
    expect(parts.filter((p) => p.error !== null).map((p) => `${p.name}: ${p.error}`)).toEqual([]);
    const slide = parts.find((p) => p.name === 'ppt/slides/slide1.xml')!;
    expect(slide.xml).toContain('NUL VT ESC]0;retitled DEL');
    const core = await parsePart(bytes, 'docProps/core.xml');
    expect(JSON.stringify(core)).toContain('NUL VT ESC]0;retitled DEL');
  });
});

describe('renderDoc: every part is well-formed XML', () => {
  it.each([['pre-read', samplePreRead], ['action plan', sampleActionPlan]] as const)('%s with markup and control characters in every text', async (_, sample) => {
    const bytes = await renderDoc(taint(sample(), ` AT&T <w:p> ${CONTROLS}`));
    const parts = await xmlParts(bytes);
    expect(parts.filter((p) => p.error !== null).map((p) => `${p.name}: ${p.error}`)).toEqual([]);
    const doc = parts.find((p) => p.name === 'word/document.xml')!;
    expect(doc.xml).toContain('AT&amp;T &lt;w:p&gt;');
  });
});
