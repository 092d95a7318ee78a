/** Test helpers that put files, spreadsheets and documents into a fake server's state before the code under test runs. */
import { createBlankContent } from './apis/drive';
import { MIME } from './state';
import type { DriveFile, FakeState } from './types';

export interface SeedFileOptions {
  id?: string;
  name: string;
  mimeType: string;
  parents?: string[];
  appProperties?: Record<string, string>;
  /** True for files the app created or the user opened with it (what drive.file can see). Default false. */
  appCreated?: boolean;
  /** The shared drive the file lives in (absent: My Drive). */
  driveId?: string;
  /** The Slides `Presentation` or Docs `Document` behind the file; a blank one when absent. */
  content?: unknown;
}

/** A Drive file (and, for Google files, the content behind it). */
export function seedFile(state: FakeState, options: SeedFileOptions): DriveFile {
  const id = options.id ?? state.nextId('file');
  const file: DriveFile = {
    id,
    name: options.name,
    mimeType: options.mimeType,
    parents: options.parents ?? ['root'],
    permissions: [],
    appCreated: options.appCreated ?? false,
    ...(options.driveId !== undefined ? { driveId: options.driveId } : {}),
    ...(options.appProperties ? { appProperties: { ...options.appProperties } } : {}),
  };
  state.files.set(id, file);
  createBlankContent(state, id, file.name, file.mimeType);
  if (options.content !== undefined && options.mimeType === MIME.presentation) state.presentations.set(id, { ...structuredClone(options.content as object), presentationId: id });
  if (options.content !== undefined && options.mimeType === MIME.document) state.documents.set(id, { ...structuredClone(options.content as object), documentId: id });
  return file;
}

/**
 * A spreadsheet whose tabs hold the given rows (strings, numbers, booleans, Dates; `{ formula }` for a formula),
 * in tab order, plus its Drive file. Sheet ids are 0, 1, 2… like a workbook built by hand.
 */
export function seedSpreadsheet(
  state: FakeState, id: string, tabs: Record<string, unknown[][]>, options: { name?: string; appCreated?: boolean } = {},
): void {
  seedFile(state, { id, name: options.name ?? 'Customer Success Tracker', mimeType: MIME.spreadsheet, appCreated: options.appCreated });
  state.spreadsheets.set(id, {
    title: options.name ?? 'Customer Success Tracker',
    sheets: Object.entries(tabs).map(([title, rows], sheetId) => ({ sheetId, title, values: rows.map((r) => [...r]), charts: [] })),
  });
}
