/** Drive request builders: copy the deck template, set aside (or trash) a superseded file, find the app's own files by an app property. */
import type { ApiCall } from './types';

/** Private key/value tags on a file, visible only to this app (Drive `appProperties`), used to find it again on a re-run. */
export type AppProperties = Record<string, string>;

/**
 * A copy of the deck template (the template itself is never modified, SPEC §5).
 * `supportsAllDrives` because teams keep templates and QBR folders in shared drives; without it Drive answers 404 there.
 * @example copyTemplateCall('tmpl1', { name: 'GlobalTech QBR 2026-Q4', folderId: null, bindAs: 'deckId' })
 */
export function copyTemplateCall(
  templateId: string,
  opts: { name: string; folderId: string | null; bindAs: string; appProperties?: AppProperties },
): ApiCall {
  return {
    id: 'drive.files.copy',
    params: { fileId: templateId, supportsAllDrives: true },
    body: fileMetadata(opts.name, undefined, opts.folderId, opts.appProperties),
    bind: { [opts.bindAs]: 'id' },
    note: `Copy the deck template as "${opts.name}"`,
  };
}

/**
 * Sets aside the file a fresh package replaces, never trashing it (SPEC §4.4: the deck is the CSM's once made):
 * renamed "… (previous)" and re-tagged, so a resumed run's lookup by the package tag finds only the new file.
 * The name is the new file's own (same account and QBR date), so no read is needed to know the old one.
 * @example keepAsPreviousCall('deck-1', 'GlobalTech — QBR (2026-12-10)', 'ACC-001|2026-12-10|deck')
 */
export function keepAsPreviousCall(fileId: string, name: string, packageTag?: string): ApiCall {
  return {
    id: 'drive.files.update',
    params: { fileId, supportsAllDrives: true },
    body: { name: `${name} (previous)`, ...(packageTag ? { appProperties: { qbrPackage: `${packageTag}|previous` } } : {}) },
    note: `Keep the file this run replaces as "${name} (previous)"`,
  };
}

/**
 * Moves a file to the trash rather than deleting it: a re-run replaces a generated file, and a user who had
 * annotated the old one can still restore it for 30 days.
 */
export function trashCall(fileId: string): ApiCall {
  return {
    id: 'drive.files.update',
    params: { fileId, supportsAllDrives: true },
    body: { trashed: true },
    note: 'Trash the file this run replaces',
  };
}

/**
 * files.list over My Drive AND every shared drive: without these Drive leaves shared-drive files out of the answer
 * (a package made in a team's shared-drive folder would never be found again). `allDrives` rather than
 * `drive` + driveId because the lookup does not know which drive the file is in; with drive.file the corpus is
 * still only the app's own files.
 */
export const ALL_DRIVES = { corpora: 'allDrives', includeItemsFromAllDrives: true, supportsAllDrives: true } as const;

/**
 * The app's files tagged `key=value` (and not trashed), in My Drive or a shared drive. With the drive.file scope
 * Drive only lists files this app created or was given, so the query cannot see, or match, anyone else's files.
 * Binds the matches (`files`, each `{ id, name }`) under `bindAs`.
 */
export function findByAppPropertyCall(key: string, value: string, bindAs: string): ApiCall {
  return {
    id: 'drive.files.list',
    params: {
      q: `appProperties has { key='${queryString(key)}' and value='${queryString(value)}' } and trashed = false`,
      fields: 'files(id,name)',
      spaces: 'drive',
      ...ALL_DRIVES,
    },
    bind: { [bindAs]: 'files' },
    note: `Find the file tagged ${key}=${value}`,
  };
}

/** The File resource fields a create or copy sets; absent parts are left out (the API treats a missing `parents` as My Drive). */
export function fileMetadata(name: string, mimeType: string | undefined, folderId: string | null, appProperties?: AppProperties): Record<string, unknown> {
  return {
    name,
    ...(mimeType !== undefined ? { mimeType } : {}),
    ...(folderId ? { parents: [folderId] } : {}),
    ...(appProperties && Object.keys(appProperties).length > 0 ? { appProperties } : {}),
  };
}

/** Drive query string literals are single-quoted; `\` and `'` inside them are escaped with a backslash (Drive "Search query terms"). */
function queryString(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}

/** A Drive id from a pasted URL (`…/presentation/d/<id>/edit`, `…/folders/<id>`) or the id itself. */
export function driveIdOf(input: string | undefined): string | null {
  if (input === undefined || input.trim() === '') return null;
  const m = /\/(?:d|folders)\/([a-zA-Z0-9_-]{10,})/.exec(input);
  return m ? m[1]! : input.trim();
}

/**
 * A folder for the QBR packages, made by the app: under the drive.file scope the app can put files only in a
 * folder it created (or one the user chose for it), so the add-on offers to make one rather than take a pasted ID.
 */
export function createFolderCall(name: string, bindAs: string): ApiCall {
  return {
    id: 'drive.files.create',
    params: {},
    body: fileMetadata(name, 'application/vnd.google-apps.folder', null, { qbrFacilitatorFolder: 'v1' }),
    bind: { [bindAs]: 'id' },
    note: `Create the folder "${name}"`,
  };
}
