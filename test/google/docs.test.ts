// Docs: the exact batchUpdate for a small doc (hand-computed indices), a model of the Docs index space that replays the
// requests for the full fixtures, the create / re-run / share calls, and discovery checks.
import type { DocPlan } from '../../src/core/package/types';
import { docCalls, docRequests, shareCall } from '../../src/google/docs';
import { sampleActionPlan, samplePreRead } from '../fixtures/doc-plan';
import { allDiscoveryProblems } from './discovery-check';

const small: DocPlan = {
  kind: 'action-plan', audience: 'customer',
  title: 'Plan',
  subtitle: '',
  sections: [{ heading: 'Goals', paragraphs: ['Hi there'], table: { columns: ['Owner', 'Due'], rows: [['Dana', 'Fri']] } }],
};

describe('docRequests', () => {
  it('builds a title, a heading, a paragraph and a 2×2 table at hand-computed indices', () => {
    // "Plan\n" [1,6) · "Goals\n" [6,12) · "Hi there\n" [12,21) · table inserted at 21 → starts at S = 22.
    // Cell paragraphs at S + 3 + r*(2C + 1) + 2c with C = 2: (0,0) 25, (0,1) 27, (1,0) 30, (1,1) 32; filled last to first.
    expect(docRequests(small)).toEqual([
      { insertText: { location: { index: 1 }, text: 'Plan\n' } },
      { updateParagraphStyle: { range: { startIndex: 1, endIndex: 6 }, paragraphStyle: { namedStyleType: 'TITLE' }, fields: 'namedStyleType' } },
      { insertText: { location: { index: 6 }, text: 'Goals\n' } },
      { updateParagraphStyle: { range: { startIndex: 6, endIndex: 12 }, paragraphStyle: { namedStyleType: 'HEADING_1' }, fields: 'namedStyleType' } },
      { insertText: { location: { index: 12 }, text: 'Hi there\n' } },
      { updateParagraphStyle: { range: { startIndex: 12, endIndex: 21 }, paragraphStyle: { namedStyleType: 'NORMAL_TEXT' }, fields: 'namedStyleType' } },
      { insertTable: { location: { index: 21 }, rows: 2, columns: 2 } },
      { insertText: { location: { index: 32 }, text: 'Fri' } },
      { insertText: { location: { index: 30 }, text: 'Dana' } },
      { insertText: { location: { index: 27 }, text: 'Due' } },
      { updateTextStyle: { range: { startIndex: 27, endIndex: 30 }, textStyle: { bold: true }, fields: 'bold' } },
      { insertText: { location: { index: 25 }, text: 'Owner' } },
      { updateTextStyle: { range: { startIndex: 25, endIndex: 30 }, textStyle: { bold: true }, fields: 'bold' } },
    ]);
  });

  it('adds the subtitle, bullets, and keeps going after a table with the right index', () => {
    const plan: DocPlan = {
      ...small,
      subtitle: 'Sub',
      sections: [...small.sections, { heading: 'Next', bullets: ['a', 'b\tc'] }],
    };
    const requests = docRequests(plan);
    // "Sub\n" [6,10) shifts everything after the title by 4; the table (2 + 2*5 units + 15 chars) ends at 26 + 27 = 53.
    expect(requests[2]).toEqual({ insertText: { location: { index: 6 }, text: 'Sub\n' } });
    expect(requests[3]).toEqual({ updateParagraphStyle: { range: { startIndex: 6, endIndex: 10 }, paragraphStyle: { namedStyleType: 'SUBTITLE' }, fields: 'namedStyleType' } });
    expect(requests.slice(-5)).toEqual([
      { insertText: { location: { index: 53 }, text: 'Next\n' } },
      { updateParagraphStyle: { range: { startIndex: 53, endIndex: 58 }, paragraphStyle: { namedStyleType: 'HEADING_1' }, fields: 'namedStyleType' } },
      { insertText: { location: { index: 58 }, text: 'a\nb c\n' } },
      { updateParagraphStyle: { range: { startIndex: 58, endIndex: 64 }, paragraphStyle: { namedStyleType: 'NORMAL_TEXT' }, fields: 'namedStyleType' } },
      { createParagraphBullets: { range: { startIndex: 58, endIndex: 64 }, bulletPreset: 'BULLET_DISC_CIRCLE_SQUARE' } },
    ]);
  });

  it.each([['pre-read', samplePreRead()], ['action plan', sampleActionPlan()]])('replayed on a model of the Docs index space, the %s comes out as planned', (_name, plan) => {
    expect(replay(docRequests(plan))).toEqual(expectedBlocks(plan));
  });

  it('counts indices in UTF-16 units and strips what Docs would reject or re-index', () => {
    const plan: DocPlan = { kind: 'pre-read', audience: 'customer', title: 'Café 🚀', subtitle: 'a\r\nb', sections: [{ heading: 'x\u0007y', paragraphs: ['one\r\ntwo'], table: { columns: ['🚀'], rows: [['é']] } }] };
    expect(replay(docRequests(plan))).toEqual([
      { text: 'Café 🚀', style: 'TITLE', bullet: false },
      { text: 'a b', style: 'SUBTITLE', bullet: false },
      { text: 'xy', style: 'HEADING_1', bullet: false },
      { text: 'one', style: 'NORMAL_TEXT', bullet: false },
      { text: 'two', style: 'NORMAL_TEXT', bullet: false },
      { text: '', style: 'NORMAL_TEXT', bullet: false },
      { table: [['🚀'], ['é']], bold: [[true], [false]] },
      { text: '', style: 'NORMAL_TEXT', bullet: false },
    ]);
  });
});

describe('docCalls', () => {
  it('creates the doc in the folder, then fills it through the bound id', () => {
    const calls = docCalls(small, { folderId: 'folder-1', bindAs: 'planDocId', existingDocId: null, appProperties: { qbrKey: 'ACC-001|2026-12-10|action-plan' } });
    expect(calls).toEqual([
      {
        id: 'drive.files.create',
        params: { supportsAllDrives: true },
        body: { name: 'Plan', mimeType: 'application/vnd.google-apps.document', parents: ['folder-1'], appProperties: { qbrKey: 'ACC-001|2026-12-10|action-plan' } },
        bind: { planDocId: 'id' },
        note: 'Create the action-plan doc "Plan"',
      },
      { id: 'docs.documents.batchUpdate', params: { documentId: '${planDocId}' }, body: { requests: docRequests(small) }, note: 'Write the action-plan doc' },
    ]);
  });

  it('on a re-run builds a new doc and then keeps the old one as "… (previous)", never trashed', () => {
    const calls = docCalls(small, { folderId: null, bindAs: 'd', existingDocId: 'old-doc', appProperties: { qbrPackage: 'ACC-001|2026-12-10|action-plan' } });
    expect(calls.map((c) => c.id)).toEqual(['drive.files.create', 'docs.documents.batchUpdate', 'drive.files.update']);
    expect(calls[2]).toEqual({
      id: 'drive.files.update',
      params: { fileId: 'old-doc', supportsAllDrives: true },
      // Re-tagged, so a resumed run looking up the package tag finds only the new doc.
      body: { name: 'Plan (previous)', appProperties: { qbrPackage: 'ACC-001|2026-12-10|action-plan|previous' } },
      note: 'Keep the file this run replaces as "Plan (previous)"',
    });
    expect(allDiscoveryProblems(calls)).toEqual([]);
  });

  it('shares with the champion as commenter, without Drive emailing them', () => {
    expect(shareCall('doc-1', ' dana@globaltech.example ')).toEqual({
      id: 'drive.permissions.create',
      params: { fileId: 'doc-1', sendNotificationEmail: false, supportsAllDrives: true },
      body: { type: 'user', role: 'commenter', emailAddress: 'dana@globaltech.example' },
      note: 'Share the doc with dana@globaltech.example as commenter',
    });
  });

  it('builds calls the discovery document accepts', () => {
    expect(allDiscoveryProblems([
      ...docCalls(samplePreRead(), { folderId: 'f', bindAs: 'd', existingDocId: 'old', appProperties: { k: 'v' } }),
      ...docCalls(sampleActionPlan(), { folderId: null, bindAs: 'd', existingDocId: null }),
      shareCall('doc-1', 'dana@globaltech.example'),
    ])).toEqual([]);
  });
});

// ---- A model of a Docs body: one unit per index, so requests can be replayed without the formula under test. ----

type Unit =
  | { t: 'char'; ch: string; style?: string; bullet?: boolean; bold?: boolean }
  | { t: 'sectionBreak' | 'tableStart' | 'row' | 'cell' | 'tableEnd' };
type Block = { text: string; style: string; bullet: boolean } | { table: string[][]; bold: boolean[][] };
/* eslint-disable @typescript-eslint/no-explicit-any -- requests are plain JSON here */

function replay(requests: unknown[]): Block[] {
  // A new document: a section break at 0 and one empty paragraph at 1 (Docs "Structure of a Google Docs document").
  const units: Unit[] = [{ t: 'sectionBreak' }, { t: 'char', ch: '\n' }];
  const charAt = (i: number): Extract<Unit, { t: 'char' }> => {
    const u = units[i];
    if (!u || u.t !== 'char') throw new Error(`index ${i} is not inside a paragraph`);
    return u;
  };
  const paragraphRange = (r: { startIndex: number; endIndex: number }): Extract<Unit, { t: 'char' }>[] => {
    const before = units[r.startIndex - 1];
    if (before?.t === 'char' && before.ch !== '\n') throw new Error(`range ${r.startIndex} starts mid-paragraph`);
    if (charAt(r.endIndex - 1).ch !== '\n') throw new Error(`range ends mid-paragraph at ${r.endIndex}`);
    return units.slice(r.startIndex, r.endIndex).map((_, k) => charAt(r.startIndex + k));
  };
  for (const req of requests as any[]) {
    if (req.insertText) {
      const { location, text } = req.insertText;
      charAt(location.index);
      // One unit per UTF-16 code unit, as Docs counts.
      units.splice(location.index, 0, ...[...Array(text.length).keys()].map((k): Unit => ({ t: 'char', ch: text[k] })));
    } else if (req.insertTable) {
      const { location, rows, columns } = req.insertTable;
      charAt(location.index);
      const table: Unit[] = [{ t: 'char', ch: '\n' }, { t: 'tableStart' }];
      for (let r = 0; r < rows; r++) {
        table.push({ t: 'row' });
        for (let c = 0; c < columns; c++) table.push({ t: 'cell' }, { t: 'char', ch: '\n' });
      }
      table.push({ t: 'tableEnd' });
      units.splice(location.index, 0, ...table);
    } else if (req.updateParagraphStyle) {
      for (const u of paragraphRange(req.updateParagraphStyle.range)) u.style = req.updateParagraphStyle.paragraphStyle.namedStyleType;
    } else if (req.createParagraphBullets) {
      for (const u of paragraphRange(req.createParagraphBullets.range)) u.bullet = true;
    } else if (req.updateTextStyle) {
      const { startIndex, endIndex } = req.updateTextStyle.range;
      for (let i = startIndex; i < endIndex; i++) charAt(i).bold = true;
    } else {
      throw new Error(`unexpected request ${JSON.stringify(req)}`);
    }
  }
  // Read the body back as paragraphs (style taken from the paragraph's newline) and tables.
  const blocks: Block[] = [];
  let text = '';
  let table: { table: string[][]; bold: boolean[][] } | null = null;
  for (const u of units.slice(1)) {
    if (u.t === 'tableStart') table = { table: [], bold: [] };
    else if (u.t === 'row') { table!.table.push([]); table!.bold.push([]); }
    else if (u.t === 'cell') { table!.table.at(-1)!.push(''); table!.bold.at(-1)!.push(false); }
    else if (u.t === 'tableEnd') { blocks.push(table!); table = null; }
    else if (u.t === 'char' && table) {
      const row = table.table.length - 1;
      const col = table.table[row]!.length - 1;
      if (u.ch !== '\n') table.table[row]![col] += u.ch;
      if (u.bold) table.bold[row]![col] = true;
    } else if (u.t === 'char') {
      if (u.ch !== '\n') { text += u.ch; continue; }
      blocks.push({ text, style: u.style ?? 'NORMAL_TEXT', bullet: u.bullet ?? false });
      text = '';
    }
  }
  return blocks;
}

/** The plan as the reader should see it: Docs puts an empty paragraph before each table, and the body ends with one. */
function expectedBlocks(plan: DocPlan): Block[] {
  const p = (text: string, style = 'NORMAL_TEXT', bullet = false): Block => ({ text, style, bullet });
  const blocks: Block[] = [p(plan.title, 'TITLE')];
  if (plan.subtitle) blocks.push(p(plan.subtitle, 'SUBTITLE'));
  for (const s of plan.sections) {
    blocks.push(p(s.heading, 'HEADING_1'));
    for (const para of s.paragraphs ?? []) blocks.push(p(para));
    for (const b of s.bullets ?? []) blocks.push(p(b, 'NORMAL_TEXT', true));
    if (s.table) {
      const grid = [s.table.columns, ...s.table.rows];
      blocks.push(p(''), { table: grid, bold: grid.map((row, r) => row.map((cell) => r === 0 && cell !== '')) });
    }
  }
  return [...blocks, p('')];
}
