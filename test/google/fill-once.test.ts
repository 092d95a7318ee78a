// Fills applied once: the read → fill-with-revision → read-back steps, over a hand-written transport that keeps a revision.
import { ApiError, driveAsync, Executor, type Transport } from '../../src/google/execute';
import { deckFillApplied, docFilled, fillOnce, tokensIn, withRevision, type FillSteps } from '../../src/google/fill-once';
import type { ApiCall } from '../../src/google/types';

/** One document: a revision counter and its text; a write names the revision it was built from, as Docs does. */
function fakeDoc(text = '') {
  const doc = { revision: 1, text, writes: 0, refused: 0 };
  const transport: Transport = {
    async send(call: ApiCall) {
      if (call.id === 'docs.documents.get') return { revisionId: `r${doc.revision}`, body: { content: [{ endIndex: 1 }, { endIndex: 2 + doc.text.length }] } };
      const required = (call.body as { writeControl?: { requiredRevisionId?: string } }).writeControl?.requiredRevisionId;
      if (required !== `r${doc.revision}`) {
        doc.refused++;
        throw new ApiError(400, `The required revision ID (${required}) is not the latest revision.`, 'failedPrecondition', call.id);
      }
      doc.writes++;
      doc.text += 'Title\n';
      doc.revision++;
      return {};
    },
  };
  return { doc, transport };
}

const read: ApiCall = { id: 'docs.documents.get', params: { documentId: 'd1' } };
const fill: ApiCall = { id: 'docs.documents.batchUpdate', params: { documentId: 'd1' }, body: { requests: [{ insertText: { location: { index: 1 }, text: 'Title\n' } }] } };
type Doc = Parameters<typeof docFilled>[0] & { revisionId?: string };
const steps: FillSteps<Doc> = { read, applied: docFilled, build: (d) => withRevision(fill, d.revisionId) };

describe('fillOnce', () => {
  it('fills an empty doc once, naming the revision it read', async () => {
    const { doc, transport } = fakeDoc();
    expect(await driveAsync(fillOnce(new Executor(), steps), transport)).toBe('filled');
    expect([doc.writes, doc.text]).toEqual([1, 'Title\n']);
  });

  it('does not write a doc an earlier, unanswered fill already wrote', async () => {
    const { doc, transport } = fakeDoc('Title\n');
    expect(await driveAsync(fillOnce(new Executor(), steps), transport)).toBe('found-filled');
    expect(doc.writes).toBe(0);
  });

  it('when the revision is refused, reads back: written means done, else it rebuilds from the new read once', async () => {
    // Somebody else wrote between our read and our fill (a blank line that leaves the doc "empty" to our check).
    const { doc, transport } = fakeDoc();
    const exec = new Executor();
    let reads = 0;
    const racing: Transport = {
      async send(call) {
        if (call.id === 'docs.documents.get' && reads++ === 0) {
          const answer = await transport.send(call);
          doc.revision++; // the other writer lands just after our read
          return answer;
        }
        return transport.send(call);
      },
    };
    expect(await driveAsync(fillOnce(exec, steps), racing)).toBe('filled');
    expect([doc.refused, doc.writes, doc.text]).toEqual([1, 1, 'Title\n']);
    // Other failures are not this step's business.
    const failing: Transport = { async send(call) { if (call.id === 'docs.documents.get') return { revisionId: 'r1' }; throw new ApiError(403, 'no', 'forbidden', call.id); } };
    await expect(driveAsync(fillOnce(new Executor(), steps), failing)).rejects.toMatchObject({ status: 403 });
  });
});

describe('deck fill marks', () => {
  const deck = (revisionId: string, text: string) => ({ revisionId, slides: [{ pageElements: [{ shape: { text: { textElements: [{ textRun: { content: text } }] } } }] }] });

  it('counts template tokens and sees a fill by a new revision with fewer tokens left', () => {
    expect(tokensIn(deck('r1', '{{account}} · {{quarter}}'))).toBe(2);
    const mark = { revisionId: 'r1', tokens: 2 };
    expect(deckFillApplied(undefined, deck('r2', 'Acme'))).toBe(false);
    expect(deckFillApplied(mark, deck('r1', 'Acme'))).toBe(false); // same revision: nothing changed
    expect(deckFillApplied(mark, deck('r2', '{{account}} · {{quarter}} edited'))).toBe(false); // changed, but not by the fill
    expect(deckFillApplied(mark, deck('r2', 'Acme · 2026-Q4'))).toBe(true);
    // A template without tokens: only the revision can tell.
    expect(deckFillApplied({ revisionId: 'r1', tokens: 0 }, deck('r2', 'Acme'))).toBe(true);
  });
});
