/** Drive v3 files and permissions: copy a template, create folders and blank Google files, find files by query, share. */
import { MIME } from '../state';
import { makePresentation } from './slides-model';
import { FakeError, type DriveFile, type FakeRequest, type FakeState, type Handler } from '../types';
import { type AnyJson, flag, invalid, ok, param, pathParam } from './util';

const fileNotFound = (id: string): FakeError => new FakeError(404, `File not found: ${id}.`, 'notFound');

/**
 * The file, or Drive's 404; with drive.file alone, files the app did not create or open are invisible, and a file
 * in a shared drive is invisible to a request without `supportsAllDrives=true` (Drive answers 404, not 403).
 */
function getFile(req: FakeRequest, state: FakeState, id = pathParam(req, 'fileId')): DriveFile {
  const file = state.files.get(id);
  if (!file || (req.fileScopeOnly && !file.appCreated) || (file.driveId !== undefined && !flag(req, 'supportsAllDrives'))) throw fileNotFound(id);
  return file;
}

/** The shared drive a new file lands in: its parent folder's (each parent must be visible to the request). */
function driveOfParents(req: FakeRequest, state: FakeState, parents: string[]): string | undefined {
  let driveId: string | undefined;
  for (const p of parents) {
    if (p === 'root') continue;
    const parent = state.files.get(p);
    // A parent Drive does not know is its own 404; the fake lets unknown ids be My Drive folders, as tests seed few.
    if (!parent) continue;
    driveId = getFile(req, state, p).driveId ?? driveId;
  }
  return driveId;
}

/**
 * Which files a files.list may return, by Drive's shared-drive rules: without `includeItemsFromAllDrives` (which
 * needs `supportsAllDrives`) no shared-drive item is listed; `corpora=drive` needs a `driveId` and lists only that
 * drive; `allDrives` lists My Drive and every shared drive; the default corpus `user` lists the user's own items.
 */
function listable(req: FakeRequest): (f: DriveFile) => boolean {
  const corpora = param(req, 'corpora') ?? 'user';
  const driveId = param(req, 'driveId');
  const include = flag(req, 'includeItemsFromAllDrives');
  if ((driveId !== undefined) !== (corpora === 'drive')) {
    throw new FakeError(400, 'The driveId parameter must be specified if and only if corpora is set to drive.', 'teamDriveIdRequiresTeamDriveCorpora');
  }
  if ((corpora === 'drive' || corpora === 'allDrives') && !include) {
    throw new FakeError(403, 'The includeItemsFromAllDrives parameter must be set to true when driveId is specified or corpora contains drive or allDrives.', 'teamDriveInclusionRequired');
  }
  if (include && !flag(req, 'supportsAllDrives')) {
    throw new FakeError(403, 'The includeItemsFromAllDrives parameter is only supported when supportsAllDrives is true.', 'teamDrivesParameterNotSupported');
  }
  if (corpora === 'drive') return (f) => f.driveId === driveId;
  if (corpora === 'allDrives') return () => true;
  return (f) => f.driveId === undefined;
}

const LINK: Record<string, string> = {
  [MIME.presentation]: 'https://docs.google.com/presentation/d/%/edit',
  [MIME.document]: 'https://docs.google.com/document/d/%/edit',
  [MIME.spreadsheet]: 'https://docs.google.com/spreadsheets/d/%/edit',
  [MIME.folder]: 'https://drive.google.com/drive/folders/%',
};

/** The `File` resource as Drive returns it (the `fields` param is accepted but everything is returned). */
export function fileResource(f: DriveFile): AnyJson {
  return {
    kind: 'drive#file',
    id: f.id,
    name: f.name,
    mimeType: f.mimeType,
    parents: f.parents,
    ...(f.driveId !== undefined ? { driveId: f.driveId } : {}),
    appProperties: f.appProperties ?? {},
    trashed: f.trashed ?? false,
    webViewLink: (LINK[f.mimeType] ?? 'https://drive.google.com/file/d/%/view').replace('%', f.id),
  };
}

/** What a blank Slides deck / Docs document / Sheets spreadsheet looks like right after Drive creates one. */
export function createBlankContent(state: FakeState, id: string, name: string, mimeType: string): void {
  if (mimeType === MIME.presentation) {
    state.presentations.set(id, makePresentation(name, { presentationId: id, newId: () => state.nextId('g_') }));
  } else if (mimeType === MIME.document) {
    const newline = { startIndex: 1, endIndex: 2, paragraph: { elements: [{ startIndex: 1, endIndex: 2, textRun: { content: '\n', textStyle: {} } }], paragraphStyle: { namedStyleType: 'NORMAL_TEXT' } } };
    state.documents.set(id, { documentId: id, title: name, body: { content: [{ endIndex: 1, sectionBreak: { sectionStyle: {} } }, newline] }, revisionId: `${id}-r1` });
  } else if (mimeType === MIME.spreadsheet) {
    state.spreadsheets.set(id, { title: name, sheets: [{ sheetId: 0, title: 'Sheet1', values: [], charts: [] }] });
  }
}

/** Deep-copies the content behind a Google file, renamed, so edits to the copy never reach the template. */
function copyContent(state: FakeState, from: string, to: string, name: string): void {
  const deck = state.presentations.get(from);
  if (deck) state.presentations.set(to, { ...structuredClone(deck), presentationId: to, title: name });
  const doc = state.documents.get(from);
  if (doc) state.documents.set(to, { ...structuredClone(doc), documentId: to, title: name });
  const sheet = state.spreadsheets.get(from);
  if (sheet) state.spreadsheets.set(to, { ...structuredClone(sheet), title: name });
}

type Predicate = (f: DriveFile) => boolean;
const STR = `'((?:[^'\\\\]|\\\\.)*)'`;
const unquote = (s: string): string => s.replace(/\\(.)/g, '$1');

/** The `q` clauses a QBR tool needs, joined by `and`; anything else is a 400 as Drive gives for a query it cannot parse. */
const CLAUSES: [RegExp, (m: RegExpExecArray) => Predicate][] = [
  [new RegExp(`^(name|mimeType)\\s*(=|!=|contains)\\s*${STR}`), (m) => {
    const [field, op, value] = [m[1] as 'name' | 'mimeType', m[2], unquote(m[3] ?? '')];
    return (f) => (op === '=' ? f[field] === value : op === '!=' ? f[field] !== value : f[field].includes(value));
  }],
  [new RegExp(`^${STR}\\s+in\\s+parents`), (m) => (f) => f.parents.includes(unquote(m[1] ?? ''))],
  [/^trashed\s*(=|!=)\s*(true|false)/, (m) => (f) => ((f.trashed ?? false) === (m[2] === 'true')) === (m[1] === '=')],
  [new RegExp(`^appProperties\\s+has\\s*\\{\\s*key\\s*=\\s*${STR}\\s+and\\s+value\\s*=\\s*${STR}\\s*\\}`), (m) => (f) =>
    f.appProperties?.[unquote(m[1] ?? '')] === unquote(m[2] ?? '')],
];

export function parseQuery(q: string): Predicate {
  const preds: Predicate[] = [];
  let rest = q.trim();
  while (rest) {
    const hit = CLAUSES.map(([re, make]) => [re.exec(rest), make] as const).find(([m]) => m);
    if (!hit || !hit[0]) throw new FakeError(400, `Invalid Value (the fake cannot parse q near: ${rest})`, 'invalid');
    preds.push(hit[1](hit[0]));
    rest = rest.slice(hit[0][0].length).trim();
    if (rest && !/^and\s/i.test(rest)) throw new FakeError(400, `Invalid Value (the fake only joins q clauses with "and": ${rest})`, 'invalid');
    rest = rest.replace(/^and\s+/i, '');
  }
  return (f) => preds.every((p) => p(f));
}

function mergeAppProperties(f: DriveFile, props: Record<string, string | null> | undefined): void {
  if (!props) return;
  const next = { ...(f.appProperties ?? {}) };
  // Drive removes a key when it is set to null.
  for (const [k, v] of Object.entries(props)) if (v === null) delete next[k]; else next[k] = v;
  f.appProperties = next;
}

const ROLES = ['owner', 'organizer', 'fileOrganizer', 'writer', 'commenter', 'reader'];
const TYPES = ['user', 'group', 'domain', 'anyone'];

export const driveHandlers: Record<string, Handler> = {
  'drive.files.get': (req, state) => ok(fileResource(getFile(req, state))),

  'drive.files.list': (req, state) => {
    const match = parseQuery(param(req, 'q') ?? '');
    const visible = listable(req);
    const files = [...state.files.values()].filter((f) => (!req.fileScopeOnly || f.appCreated) && visible(f) && match(f));
    return ok({ kind: 'drive#fileList', incompleteSearch: false, files: files.map(fileResource) });
  },

  'drive.files.create': (req, state) => {
    const body: AnyJson = req.body ?? {};
    const mimeType: string = body.mimeType ?? req.media?.mimeType ?? 'application/octet-stream';
    const parents: string[] = body.parents ?? ['root'];
    const driveId = driveOfParents(req, state, parents);
    const file: DriveFile = { id: state.nextId('file'), name: body.name ?? 'Untitled', mimeType, parents, permissions: [], appCreated: true, ...(driveId !== undefined ? { driveId } : {}) };
    mergeAppProperties(file, body.appProperties);
    state.files.set(file.id, file);
    createBlankContent(state, file.id, file.name, mimeType);
    return ok(fileResource(file));
  },

  'drive.files.copy': (req, state) => {
    const src = getFile(req, state);
    if (src.mimeType === MIME.folder) throw new FakeError(403, 'This file cannot be copied by the user.', 'cannotCopyFile');
    const body: AnyJson = req.body ?? {};
    const parents: string[] = body.parents ?? src.parents;
    const driveId = body.parents ? driveOfParents(req, state, parents) : src.driveId;
    const copy: DriveFile = {
      id: state.nextId('file'),
      name: body.name ?? `Copy of ${src.name}`,
      mimeType: src.mimeType,
      parents,
      ...(driveId !== undefined ? { driveId } : {}),
      permissions: [],
      appCreated: true,
      // Drive carries the source's appProperties over to the copy; the body's are merged on top.
      appProperties: { ...(src.appProperties ?? {}) },
    };
    mergeAppProperties(copy, body.appProperties);
    state.files.set(copy.id, copy);
    copyContent(state, src.id, copy.id, copy.name);
    return ok(fileResource(copy));
  },

  'drive.files.update': (req, state) => {
    const file = getFile(req, state);
    const body: AnyJson = req.body ?? {};
    if (body.name !== undefined) file.name = body.name;
    if (body.trashed !== undefined) file.trashed = body.trashed;
    mergeAppProperties(file, body.appProperties);
    const remove = (param(req, 'removeParents') ?? '').split(',').filter(Boolean);
    const add = (param(req, 'addParents') ?? '').split(',').filter(Boolean);
    file.parents = [...file.parents.filter((p) => !remove.includes(p)), ...add];
    // Google keeps the document title in step with the Drive name.
    const content = state.presentations.get(file.id) ?? state.documents.get(file.id) ?? state.spreadsheets.get(file.id);
    if (content && body.name !== undefined) content.title = body.name;
    return ok(fileResource(file));
  },

  'drive.files.delete': (req, state) => {
    const file = getFile(req, state);
    for (const m of [state.files, state.presentations, state.documents, state.spreadsheets]) m.delete(file.id);
    return ok();
  },

  'drive.permissions.create': (req, state) => {
    const file = getFile(req, state);
    const body: AnyJson = req.body ?? {};
    if (!ROLES.includes(body.role)) throw invalid(`The provided role is not valid: ${body.role}`);
    if (!TYPES.includes(body.type)) throw invalid(`The provided permission type is not valid: ${body.type}`);
    if ((body.type === 'user' || body.type === 'group') && !body.emailAddress) throw invalid('The permission emailAddress field is required.', 'required');
    if (body.role === 'owner' && !flag(req, 'transferOwnership')) throw new FakeError(403, 'The transferOwnership parameter must be enabled when the permission role is owner.', 'forbidden');
    const perm = { id: state.nextId('perm'), type: body.type, role: body.role, ...(body.emailAddress ? { emailAddress: body.emailAddress } : {}) };
    file.permissions.push(perm);
    return ok({ kind: 'drive#permission', ...perm });
  },

  'drive.permissions.list': (req, state) =>
    ok({ kind: 'drive#permissionList', permissions: getFile(req, state).permissions.map((p) => ({ kind: 'drive#permission', ...p })) }),
};
