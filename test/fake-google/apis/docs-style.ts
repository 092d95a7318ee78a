/** Docs styling requests: paragraph styles (named styles such as HEADING_1), text styles, and bulleted lists. */
import type { DPara, DUnit } from './docs-model';
import { inParagraph, isNewline } from './docs-model';
import { type DocsRequest, resolveRange } from './docs-edit';
import { applyMask, fail, sameJson } from './slides-text';
import type { AnyJson } from './util';

/** Every paragraph overlapping [start, end) (the one holding `start` when the range is empty), as [start, newline index]. */
export function paragraphsIn(units: DUnit[], start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let ps = 0;
  units.forEach((u, k) => {
    if (!inParagraph(u)) {
      ps = k + 1;
      return;
    }
    if (!isNewline(u)) return;
    if (start === end ? ps <= start && start <= k : ps < end && start <= k) out.push([ps, k]);
    ps = k + 1;
  });
  return out;
}

function paraOf(units: DUnit[], nl: number): DPara {
  return (units[nl] as { para: DPara }).para;
}

const HEADINGS = new Set(['TITLE', 'SUBTITLE', 'HEADING_1', 'HEADING_2', 'HEADING_3', 'HEADING_4', 'HEADING_5', 'HEADING_6']);

const updateParagraphStyle: DocsRequest = (ctx, r) => {
  const [start, end] = resolveRange(ctx, r.range, true);
  applyMask({}, r.paragraphStyle, r.fields);
  for (const [, nl] of paragraphsIn(ctx.units, start, end)) {
    const para = paraOf(ctx.units, nl);
    const style = applyMask(para.style, r.paragraphStyle, r.fields);
    // Google gives headings an id (for links and the outline) and drops it from normal text.
    if (HEADINGS.has(style.namedStyleType)) style.headingId ??= `h.${ctx.state.nextId('')}`;
    else delete style.headingId;
    para.style = style;
  }
  return {};
};

const updateTextStyle: DocsRequest = (ctx, r) => {
  const [start, end] = resolveRange(ctx, r.range, false);
  applyMask({}, r.textStyle, r.fields);
  for (const u of ctx.units.slice(start, end)) if (u.t === 'ch' || u.t === 'el') u.style = applyMask(u.style, r.textStyle, r.fields);
  return {};
};

const GLYPHS = ['●', '○', '■'];

/** The nine nesting levels of a list made with `preset` (simplified: glyphs only, no indents). */
function nestingLevels(preset: string): AnyJson[] {
  const numbered = preset.startsWith('NUMBERED');
  return [...Array(9).keys()].map((n) =>
    numbered ? { glyphType: 'DECIMAL', glyphFormat: `%${n}.`, startNumber: 1 } : { glyphSymbol: GLYPHS[n % 3], glyphFormat: `%${n}` },
  );
}

const createParagraphBullets: DocsRequest = (ctx, r) => {
  const [start, end] = resolveRange(ctx, r.range, true);
  const preset: string = r.bulletPreset ?? '';
  if (!preset || preset === 'BULLET_GLYPH_PRESET_UNSPECIFIED') fail('bulletPreset must be specified.');
  const paras = paragraphsIn(ctx.units, start, end);
  const first = paras[0];
  if (!first) return {};
  const levels = nestingLevels(preset);
  // Google adds the paragraphs to the list just before them when its preset matches.
  const prev = ctx.units[first[0] - 1];
  const prevList: string | undefined = isNewline(prev) ? (prev as { para: DPara }).para.bullet?.listId : undefined;
  const joins = prevList !== undefined && sameJson(ctx.lists[prevList]?.listProperties?.nestingLevels, levels);
  const listId = joins ? (prevList as string) : `kix.${ctx.state.nextId('list')}`;
  ctx.lists[listId] ??= { listProperties: { nestingLevels: levels } };
  // Leading tabs set the nesting level and are removed; going backwards keeps earlier indexes valid.
  for (const [ps, nl] of [...paras].reverse()) {
    let tabs = 0;
    while (ps + tabs < nl && (ctx.units[ps + tabs] as { c?: string }).c === '\t') tabs++;
    paraOf(ctx.units, nl).bullet = { listId, ...(tabs ? { nestingLevel: tabs } : {}), textStyle: {} };
    ctx.units.splice(ps, tabs);
  }
  return {};
};

const deleteParagraphBullets: DocsRequest = (ctx, r) => {
  const [start, end] = resolveRange(ctx, r.range, true);
  for (const [, nl] of paragraphsIn(ctx.units, start, end)) delete paraOf(ctx.units, nl).bullet;
  return {};
};

export const styleRequests: Record<string, DocsRequest> = {
  updateParagraphStyle,
  updateTextStyle,
  createParagraphBullets,
  deleteParagraphBullets,
};
