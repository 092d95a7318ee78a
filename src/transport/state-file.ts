/** The resumable run state of `generate --google`, kept as JSON in the output folder and rewritten atomically after every step. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RunState } from '../google/run-state';

/**
 * The state of an earlier run: unfinished accounts resume where they stopped; finished ones start afresh, so
 * running the same command again after a completed run regenerates (updating drafts, holds and the log row).
 */
export function loadState(path: string): RunState {
  if (!existsSync(path)) return { version: 1, accounts: {} };
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as RunState;
  if (parsed.version !== 1 || !parsed.accounts) return { version: 1, accounts: {} };
  for (const [id, a] of Object.entries(parsed.accounts)) if (a.done) delete parsed.accounts[id];
  return parsed;
}

/** Write to a temporary file and rename, so a run killed mid-write never leaves half a state file. */
export function saveState(path: string, state: RunState): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state)}\n`);
  renameSync(tmp, path);
}
