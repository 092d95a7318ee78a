// The Docs refresh planner against the fake's model of a document (Google's index math): a doc filled by docRequests,
// edited by a person, then brought up to a new plan — hand-computed requests, and the text a reader sees after.
import type { DocPlan } from '../../src/core/package/types';
import { docRecordText, parseDocRecord, planLines, recordOf, refreshDoc, textHash } from '../../src/google/doc-record';
import { docRequests } from '../../src/google/docs';
import { applyDocsRequests, documentText, makeDocument } from '../fake-google/apis/docs';
import { createState } from '../fake-google/state';

/* eslint-disable @typescript-eslint/no-explicit-any -- REST resources are read loosely, as a client would */

const small: DocPlan = {
  kind: 'action-plan', audience: 'customer', title: 'Plan', subtitle: '',
  sections: [{ heading: 'Goals', paragraphs: ['Hi there'], table: { columns: ['Owner', 'Due'], rows: [['Dana', 'Fri']] } }],
};
const moved: DocPlan = { ...small, sections: [{ ...small.sections[0]!, paragraphs: ['Hello'], table: { columns: ['Owner', 'Due'], rows: [['Lee', 'Fri']] } }] };

const state = createState();
const apply = (doc: any, requests: unknown[]) => applyDocsRequests(state, doc, requests as any[]).document;
const filled = (plan: DocPlan) => apply(makeDocument('Plan', 'doc1'), docRequests(plan));

describe('refreshDoc', () => {
  it('rewrites a doc nobody edited whole, into exactly what a fresh fill of the new plan reads as', () => {
    const doc = filled(small);
    const r = refreshDoc(recordOf(small, 'doc1'), moved, doc);
    expect(r.mode).toBe('rewrite');
    // Body: section break, "Plan", "Goals", "Hi there", the newline before the table, the table [22,49), the final paragraph [49,50).
    expect(r.requests[0]).toEqual({ deleteContentRange: { range: { startIndex: 1, endIndex: 49 } } });
    expect(documentText(apply(doc, r.requests))).toEqual(documentText(filled(moved)));
  });

  it('in an edited doc, rewrites only the paragraphs still holding the tool\'s text, from the end backwards, and reports the edited one', () => {
    // The person adds "!" at the end of "Hi there" [12,20): every later index moves by one.
    const doc = apply(filled(small), [{ insertText: { location: { index: 20 }, text: '!' } }]);
    const r = refreshDoc(recordOf(small, 'doc1'), moved, doc);
    expect(r.mode).toBe('patch');
    // "Dana" was cell (1,0)'s paragraph [38,43) after the fill (S = 22: cell paragraph at S+3+(2C+1) = 30, then
    // "Owner" and "Due" written before it: +8); with the "!" it is [39,44), its text [39,43).
    expect(r.requests).toEqual([
      { deleteContentRange: { range: { startIndex: 39, endIndex: 43 } } },
      { insertText: { location: { index: 39 }, text: 'Lee' } },
    ]);
    expect(r.edited).toEqual([{ label: 'Goals', now: 'Hello' }]);
    expect(r.updated).toBe(1);
    const after = apply(doc, r.requests);
    expect(documentText(after).tables).toEqual([[['Owner', 'Due'], ['Lee', 'Fri']]]);
    expect(documentText(after).text).toContain('Hi there!\n');
    // Applied once, the same plan finds nothing more to write (what settles a lost answer).
    expect(refreshDoc(recordOf(small, 'doc1'), moved, after).requests).toEqual([]);
  });

  it('never writes over a paragraph holding something else than text (an image the person put in it)', () => {
    const doc = filled(small);
    const para = doc.body.content.find((se: any) => se.paragraph?.elements?.[0]?.textRun?.content === 'Hi there\n').paragraph;
    para.elements = [{ textRun: { content: 'Hi there' } }, { inlineObjectElement: { inlineObjectId: 'kix.img1' } }, { textRun: { content: '\n' } }];
    const withImage = apply(doc, []); // re-indexed by the model: "Hi there" [12,20), the image at 20
    const r = refreshDoc(recordOf(small, 'doc1'), moved, withImage);
    expect(r.requests).toEqual([
      { deleteContentRange: { range: { startIndex: 39, endIndex: 43 } } },
      { insertText: { location: { index: 39 }, text: 'Lee' } },
    ]);
    expect(r.edited.map((e) => e.label)).toEqual(['Goals']);
  });

  it('types a new section into an edited doc after the paragraph before it, styled like a fill; a new bullet joins its list', () => {
    const doc = apply(filled(small), [{ insertText: { location: { index: 20 }, text: '!' } }]);
    const withRisks: DocPlan = { ...moved, sections: [{ heading: 'Risks', bullets: ['a', 'b'] }, ...moved.sections] };
    const r = refreshDoc(recordOf(small, 'doc1'), withRisks, doc);
    // After the title "Plan" [1,5): "\nRisks\na\nb" at 5 makes "Risks" [6,12), "a" [12,14), "b" [14,16). "Dana" first (it is later).
    expect(r.requests).toEqual([
      { deleteContentRange: { range: { startIndex: 39, endIndex: 43 } } },
      { insertText: { location: { index: 39 }, text: 'Lee' } },
      { insertText: { location: { index: 5 }, text: '\nRisks\na\nb' } },
      { deleteParagraphBullets: { range: { startIndex: 6, endIndex: 16 } } },
      { updateParagraphStyle: { range: { startIndex: 6, endIndex: 12 }, paragraphStyle: { namedStyleType: 'HEADING_1' }, fields: 'namedStyleType' } },
      { updateParagraphStyle: { range: { startIndex: 12, endIndex: 14 }, paragraphStyle: { namedStyleType: 'NORMAL_TEXT' }, fields: 'namedStyleType' } },
      { updateParagraphStyle: { range: { startIndex: 14, endIndex: 16 }, paragraphStyle: { namedStyleType: 'NORMAL_TEXT' }, fields: 'namedStyleType' } },
      { createParagraphBullets: { range: { startIndex: 12, endIndex: 16 }, bulletPreset: 'BULLET_DISC_CIRCLE_SQUARE' } },
    ]);
    expect([r.updated, r.added, r.notAdded]).toEqual([1, 3, []]);
    const after = apply(doc, r.requests);
    const seen = documentText(after);
    expect(seen.headings).toEqual([{ level: 'TITLE', text: 'Plan' }, { level: 'HEADING_1', text: 'Risks' }, { level: 'HEADING_1', text: 'Goals' }]);
    expect(seen.bullets).toEqual(['a', 'b']);
    expect(seen.text.startsWith('Plan\nRisks\na\nb\nGoals\nHi there!\n')).toBe(true);

    // Next run: a third risk, typed after "b" in the same list; a new table row has no place and is reported.
    const more: DocPlan = { ...withRisks, sections: [{ heading: 'Risks', bullets: ['a', 'b', 'c'] }, { ...moved.sections[0]!, table: { columns: ['Owner', 'Due'], rows: [['Lee', 'Fri'], ['Sam', 'Mon']] } }] };
    const next = refreshDoc(recordOf(withRisks, 'doc1'), more, after);
    expect(next.requests).toEqual([{ insertText: { location: { index: 15 }, text: '\nc' } }]);
    expect(next.notAdded.map((x) => x.label)).toEqual(['Goals, row 2, Owner', 'Goals, row 2, Due']);
    expect(documentText(apply(after, next.requests)).bullets).toEqual(['a', 'b', 'c']);
  });

  it('writes nothing when the doc already says what the plan says, edited elsewhere or not', () => {
    expect(refreshDoc(recordOf(small, 'doc1'), small, filled(small))).toMatchObject({ mode: 'current', requests: [] });
    const edited = apply(filled(small), [{ insertText: { location: { index: 20 }, text: '!' } }]);
    expect(refreshDoc(recordOf(small, 'doc1'), small, edited)).toMatchObject({ mode: 'patch', requests: [], edited: [] });
  });

  it('names a bullet or a cell so the report can say where it is, and keys sections by heading', () => {
    const plan: DocPlan = { ...small, sections: [{ heading: 'Risks', bullets: ['a', 'b'] }, ...small.sections] };
    const lines = planLines(plan);
    expect(lines.map((l) => l.label)).toEqual(['title', 'Risks', 'Risks, item 1', 'Risks, item 2', 'Goals', 'Goals', 'Goals, header', 'Goals, header', 'Goals, row 1, Owner', 'Goals, row 1, Due']);
    // A section added before "Goals" leaves the keys of "Goals" as they were.
    expect(lines.slice(4).map((l) => l.key)).toEqual(planLines(small).slice(1).map((l) => l.key));
  });
});

describe('the Doc Record cell', () => {
  it('round-trips, and what is not a record reads as none', () => {
    const record = { 'pre-read': recordOf(small, 'd1'), 'action-plan': recordOf(moved, 'd2') };
    expect(parseDocRecord(docRecordText(record)!)).toEqual(record);
    for (const bad of ['', 'not json', '42', '{"pre-read":{"id":1}}']) expect(parseDocRecord(bad)).toEqual({});
  });

  it('stays under a Google cell\'s 50,000 characters: the largest doc loses its per-paragraph hashes first', () => {
    const big: DocPlan = { ...small, kind: 'prep-brief', sections: [{ heading: 'Notes', bullets: [...Array(3000).keys()].map((i) => `note ${i}`) }] };
    const text = docRecordText({ 'prep-brief': recordOf(big, 'd3'), 'action-plan': recordOf(small, 'd2') })!;
    expect(text.length).toBeLessThanOrEqual(45_000);
    const back = parseDocRecord(text);
    expect(back['prep-brief']).toEqual({ id: 'd3', w: recordOf(big, 'd3').w });
    expect(back['action-plan']).toEqual(recordOf(small, 'd2'));
  });

  it('hashes text, not its whitespace', () => {
    expect(textHash(' a \n b ')).toBe(textHash('a b'));
    expect(textHash('a b')).not.toBe(textHash('ab'));
  });
});
