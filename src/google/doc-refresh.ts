/** A re-run's refresh of one Doc in place (SPEC §4.4): the read, the one revision-guarded batch, and what to tell the CSM. */
import type { DocPlan } from '../core/package/types';
import { refreshDoc, type DocKind, type DocRecordEntry, type DocRefresh, type RestDoc } from './doc-record';
import { ApiError, type Effect, type Executor } from './execute';
import { fillOnce, withRevision } from './fill-once';

const DOC_NAMES: Record<DocKind, string> = { 'pre-read': 'pre-read', 'action-plan': 'action plan', 'prep-brief': 'prep brief' };
const clip = (s: string) => (s.length > 120 ? `${s.slice(0, 119)}…` : s);

/**
 * One doc brought up to the package where it is: read, then ONE batchUpdate guarded by the read's revision (none
 * when nothing moved). Null when the doc is gone or not ours to open (404/403): a new one is then made.
 */
export function* refreshInPlace(exec: Executor, plan: DocPlan, record: DocRecordEntry): Effect<{ refresh: DocRefresh | null; notes: string[] }> {
  let last: DocRefresh | null = null;
  try {
    yield* fillOnce<RestDoc>(exec, {
      read: { id: 'docs.documents.get', params: { documentId: record.id }, note: `Read the ${DOC_NAMES[plan.kind]} doc to refresh it in place` },
      applied: (d) => (last = refreshDoc(record, plan, d)).requests.length === 0,
      build: (d) => withRevision({ id: 'docs.documents.batchUpdate', params: { documentId: record.id }, body: { requests: last!.requests }, note: `Refresh the ${DOC_NAMES[plan.kind]} doc in place` }, d.revisionId),
    });
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 404 && e.status !== 403)) throw e;
    return { refresh: null, notes: [`The ${DOC_NAMES[plan.kind]} doc the QBR Log points at is gone or cannot be opened (${e.status}), so a new one was made`] };
  }
  const done = last as DocRefresh | null;
  if (!done) return { refresh: null, notes: [] };
  const name = DOC_NAMES[plan.kind];
  const notes: string[] = [];
  for (const x of done.edited) notes.push(x.now ? `${name}, ${x.label}: you edited this; the tracker now says “${clip(x.now)}”` : `${name}: you edited ${x.label}, so it was kept as it is`);
  if (done.notAdded.length) notes.push(`${name}: ${done.notAdded.length} new part${done.notAdded.length === 1 ? '' : 's'} of this package (${[...new Set(done.notAdded.map((x) => x.label.split(',')[0]))].slice(0, 3).join('; ')}) not added, because you edited this doc`);
  return { refresh: done, notes };
}
