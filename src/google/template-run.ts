/** The deck template of a run: the team's own (`--template`), else the built-in one, found from an earlier run or made now. */
import type { Effect, Executor } from './execute';
import type { RunState } from './run-state';
import { builtInTemplateRequests, findTemplateCall } from './slides';

/** Returns the template's presentation id; the built-in template costs 1 call to find, or 4 to make (first run only). */
export function* ensureTemplate(exec: Executor, state: RunState, custom: string | null, save: () => void): Effect<{ id: string; made: boolean }> {
  if (custom) return { id: custom, made: false };
  if (state.templateId) return { id: state.templateId, made: false };
  // Read the answer itself rather than a bound value: a dry run answers every bind with a placeholder, which
  // would pass for a template found, while its empty `files` list correctly says there is none yet.
  const found = (yield* exec.run({ ...findTemplateCall(), bind: {} })) as { files?: { id?: string }[] };
  let id = found.files?.[0]?.id ?? null;
  let made = false;
  if (!id) {
    const t = builtInTemplateRequests();
    yield* exec.runAll([t.create, t.build, t.mark]);
    id = String(exec.value('deckTemplateId'));
    made = true;
  }
  state.templateId = id;
  save();
  return { id, made };
}
