/** The resumable run state of `generate --google`, kept as JSON in the output folder and rewritten atomically after every step. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RunState } from '../google/run-state';

export function loadState(path: string): RunState {
  if (!existsSync(path)) return { version: 1, accounts: {} };
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as RunState;
  return parsed.version === 1 && parsed.accounts ? parsed : { version: 1, accounts: {} };
}

/** Write to a temporary file and rename, so a run killed mid-write never leaves half a state file. */
export function saveState(path: string, state: RunState): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(tmp, path);
}
