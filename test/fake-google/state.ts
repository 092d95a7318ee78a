/** A fresh, empty in-memory Google account for one fake server: Drive files and the documents behind them. */
import type { FakeState } from './types';

export function createState(): FakeState {
  let counter = 0;
  return {
    files: new Map(),
    presentations: new Map(),
    documents: new Map(),
    drafts: new Map(),
    events: new Map(),
    spreadsheets: new Map(),
    // A counter, not randomness, so a failing test prints the same ids on every run.
    nextId: (prefix: string) => `${prefix}${String(++counter).padStart(4, '0')}`,
  };
}

export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  presentation: 'application/vnd.google-apps.presentation',
  document: 'application/vnd.google-apps.document',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
} as const;
