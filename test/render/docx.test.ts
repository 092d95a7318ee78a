/** renderDoc: the .docx is unzipped and its WordprocessingML read back, paragraph by paragraph and table by table. */
import JSZip from 'jszip';
import { columnWidths, renderDoc } from '../../src/render/docx';
import { TEXT_WIDTH } from '../../src/render/docx-style';
import type { DocPlan } from '../../src/core/package/types';
import { AWKWARD_TEXT, sampleActionPlan, samplePreRead } from '../fixtures/doc-plan';

interface Para {
  xml: string;
  text: string;
  style: string | null;
  numbered: boolean;
}

interface Parts {
  document: string;
  core: string;
  footers: string[];
  paragraphs: Para[];
  /** Each table's rows, each row's cell texts. */
  tables: string[][][];
}

const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

/** The text of a fragment: its `w:t` runs joined, `w:br` read as a newline. */
const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[1] === undefined ? '\n' : unescapeXml(m[1]))).join('');

const PARAGRAPH = /<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g;

function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(PARAGRAPH)].map((m) => ({
    xml: m[0],
    text: textOf(m[0]),
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[0])?.[1] ?? null,
    numbered: /<w:numPr>/.test(m[0]),
  }));
}

function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...(t[1] ?? '').matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...(r[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => textOf(c[1] ?? '')),
    ),
  );
}

const coreProperty = (core: string, tag: string): string | undefined => {
  const m = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(core);
  return m?.[1] === undefined ? undefined : unescapeXml(m[1]);
};

/** Tags balance and every `&` starts an entity: enough to know Word will not call the file corrupt. */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  for (const m of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([\w:.-]+)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClosing] = m;
    if (selfClosing) continue;
    if (close) expect(stack.pop()).toBe(name);
    else stack.push(name ?? '');
  }
  expect(stack).toEqual([]);
  expect(xml.match(/&(?!(?:lt|gt|amp|quot|apos|#\d+);)/g)).toBeNull();
}

async function unpack(plan: DocPlan): Promise<Parts> {
  const zip = await JSZip.loadAsync(await renderDoc(plan));
  const read = async (name: string): Promise<string> => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} missing from the .docx`);
    return file.async('string');
  };
  const document = await read('word/document.xml');
  const footerNames = Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n));
  return {
    document,
    core: await read('docProps/core.xml'),
    footers: await Promise.all(footerNames.map(read)),
    paragraphs: paragraphs(document),
    tables: tables(document),
  };
}

describe.each([
  ['pre-read', samplePreRead],
  ['action plan', sampleActionPlan],
])('renderDoc: %s', (_name, make) => {
  const plan = make();
  let parts: Parts;
  beforeAll(async () => {
    parts = await unpack(plan);
  });

  it('writes well-formed XML in every part it is read from', () => {
    assertWellFormed(parts.document);
    assertWellFormed(parts.core);
    parts.footers.forEach(assertWellFormed);
  });

  it('opens with the title (Title style) and the subtitle', () => {
    const [title, subtitle] = parts.paragraphs;
    expect(title).toMatchObject({ text: plan.title, style: 'Title' });
    expect(subtitle).toMatchObject({ text: plan.subtitle, style: 'Subtitle' });
  });

  it('gives every section a Heading1 paragraph, in order', () => {
    const headings = parts.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(headings).toEqual(plan.sections.map((s) => s.heading));
  });

  it('writes each paragraph and bullet once; bullets, and only bullets, are numbered', () => {
    for (const s of plan.sections) {
      for (const text of s.paragraphs ?? []) {
        expect(parts.paragraphs.filter((p) => p.text === text).map((p) => p.numbered)).toEqual([false]);
      }
      for (const text of s.bullets ?? []) {
        expect(parts.paragraphs.filter((p) => p.text === text).map((p) => p.numbered)).toEqual([true]);
      }
    }
    const bulletCount = plan.sections.reduce((n, s) => n + (s.bullets?.length ?? 0), 0);
    expect(parts.paragraphs.filter((p) => p.numbered)).toHaveLength(bulletCount);
  });

  it('writes each table as a header row plus one row per data row, cell for cell', () => {
    const expected = plan.sections.flatMap((s) => (s.table ? [[s.table.columns, ...s.table.rows]] : []));
    expect(parts.tables).toHaveLength(expected.length);
    parts.tables.forEach((rows, i) => {
      expect(rows).toHaveLength((expected[i]?.length ?? 0));
      expect(rows).toEqual(expected[i]);
    });
  });

  it('shades the header row navy with white bold text, repeats it on each page and stripes the body', () => {
    for (const t of parts.document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []) {
      const rows = t.match(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g) ?? [];
      expect(rows[0]).toMatch(/<w:tblHeader\/>/);
      expect(rows[0]).toMatch(/w:fill="1F2A44"/);
      expect(rows[0]).toMatch(/<w:color w:val="FFFFFF"\/>/);
      expect(rows[0]).toMatch(/<w:b\/>/);
      expect(rows[1]).not.toMatch(/w:fill=/);
      if (rows.length > 2) expect(rows[2]).toMatch(/w:fill="F2F5F9"/);
      expect(t).toMatch(new RegExp(`<w:tblW w:type="dxa" w:w="${TEXT_WIDTH}"/>`));
    }
  });

  it('leaves no placeholder or broken value anywhere', () => {
    const all = [parts.document, parts.core, ...parts.footers].map((x) => textOf(x) + x).join('\n');
    for (const bad of ['{{', 'TBD', 'undefined', 'NaN', '[object Object]']) expect(all).not.toContain(bad);
  });

  it('sets the document properties and a footer with the title and "Page X of Y"', () => {
    expect(coreProperty(parts.core, 'dc:title')).toBe(plan.title);
    expect(coreProperty(parts.core, 'dc:creator')).toBe('QBR Facilitator');
    expect(parts.footers).toHaveLength(1);
    const footer = parts.footers[0] ?? '';
    expect(textOf(footer)).toContain(plan.title);
    expect(footer).toMatch(/Page [\s\S]*PAGE[\s\S]* of [\s\S]*NUMPAGES/);
  });
});

describe('renderDoc: text is text', () => {
  it('escapes <, & and " and reads them back unchanged', async () => {
    const parts = await unpack(samplePreRead());
    expect(parts.document).not.toContain('< 4h');
    expect(parts.document).toContain('&lt; 4h &amp; &gt; 99%');
    expect(parts.paragraphs.map((p) => p.text)).toContain(AWKWARD_TEXT);
  });

  it('keeps markup-looking and control-character input as plain, valid text', async () => {
    const plan: DocPlan = {
      kind: 'pre-read', audience: 'customer',
      title: 'Acme <b>Q1</b> & "friends"',
      subtitle: 'Line one\r\nline two',
      sections: [
        {
          heading: '<script>alert(1)</script>',
          paragraphs: ['Bell\u0007 and vertical tab\u000B gone; emoji 🚀 kept; half \uD83D pair dropped'],
          table: { columns: ['A', 'B'], rows: [['only A'], ['1', '2', 'extra']] },
        },
      ],
    };
    const parts = await unpack(plan);
    assertWellFormed(parts.document);
    expect(parts.paragraphs[0]?.text).toBe('Acme <b>Q1</b> & "friends"');
    expect(parts.paragraphs[1]?.text).toBe('Line one\nline two');
    expect(parts.paragraphs.find((p) => p.style === 'Heading1')?.text).toBe('<script>alert(1)</script>');
    expect(parts.paragraphs.map((p) => p.text)).toContain('Bell and vertical tab gone; emoji 🚀 kept; half  pair dropped');
    // Ragged rows come out rectangular: short rows padded, extra cells dropped.
    expect(parts.tables).toEqual([[['A', 'B'], ['only A', ''], ['1', '2']]]);
    expect(coreProperty(parts.core, 'dc:title')).toBe('Acme <b>Q1</b> & "friends"');
    expect(coreProperty(parts.core, 'dc:subject')).toBe('Line one line two');
  });
});

describe('columnWidths', () => {
  it('spans exactly the text width and gives wordy columns more room than short ones', () => {
    const plan = sampleActionPlan();
    const table = plan.sections.find((s) => s.table)?.table;
    if (!table) throw new Error('fixture has no table');
    const widths = columnWidths(table.columns, table.rows);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    const [action, , side, due] = widths;
    expect(action).toBeGreaterThan(2 * (due ?? 0));
    expect(side).toBeLessThan(action ?? 0);
  });

  it('never squeezes a column below its longest word, however wordy its neighbour', () => {
    const long = 'A long note about the renewal and the executive sponsor change '.repeat(6);
    const [notes, impact, due] = columnWidths(['Notes', 'Impact', 'Due'], [[long, 'Medium', '2027-01-15']]);
    // At 10pt Arial a character is at least ~100 twips wide; cells add 220 of padding.
    expect(impact).toBeGreaterThanOrEqual('Medium'.length * 100 + 220);
    expect(due).toBeGreaterThanOrEqual('2027-01-15'.length * 100 + 220);
    expect(notes).toBeGreaterThan(TEXT_WIDTH / 2);
  });

  it('keeps a short cell such as a date on one line: "Dec 18, 2026" never breaks into three', () => {
    const rows = [['Share the SSO federation delivery date with the EU subsidiary team', 'Maya Patel', 'Vendor', 'Dec 18, 2026', 'Open']];
    const [, owner, , due] = columnWidths(['Action', 'Owner', 'Side', 'Due', 'Status'], rows);
    // 12 characters at ~100 twips at least, plus the 220 of padding (before: only its longest word, "2026,").
    expect(due).toBeGreaterThanOrEqual('Dec 18, 2026'.length * 100 + 220);
    expect(owner).toBeGreaterThanOrEqual('Maya Patel'.length * 100 + 220);
  });
});
