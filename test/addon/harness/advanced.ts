/**
 * Stand-ins for Apps Script's advanced services (Slides, Docs, Drive, Gmail, Calendar, Sheets), generated from the
 * discovery documents and answered by the fake Google handlers on a shared FakeState.
 *
 * Argument order, as Apps Script generates it ("How method signatures are determined", developers.google.com/apps-script/
 * guides/services/advanced; checked against @types/google-apps-script 2.0.13 and Google's apps-script-samples):
 *   1. the request body (`resource`), when the method has a `request` schema;
 *   2. each required parameter, in the discovery `parameterOrder`;
 *   3. `mediaData` (a Blob, or null), when the method accepts a media upload: `Drive.Files.create(resource, mediaData,
 *      optionalArgs)`, `Drive.Files.update(resource, fileId, mediaData, optionalArgs)`, `Gmail.Users.Drafts.create(resource,
 *      userId, mediaData)`;
 *   4. `optionalArgs`, an object with the other parameters;
 *   5. Calendar only: a `headers` object (If-Match …).
 * Resources are the discovery names capitalised (`Spreadsheets.Values`, `Users.Drafts`); `delete` methods are `remove`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { discoveryDir, scopesOf, validateBody, validateParams } from '../../fake-google/discovery';
import { handlers } from '../../fake-google/registry';
import { TEST_TOKEN } from '../../fake-google/server';
import { FakeError, type Fault, type FakeRequest, type FakeState, type Violation } from '../../fake-google/types';
import type { Runtime } from './runtime';
import { HarnessBlob } from './utilities';

/* eslint-disable @typescript-eslint/no-explicit-any -- discovery documents are untyped JSON */
type Json = any;

/** Advanced services by Apps Script symbol: the discovery document and the version Apps Script must enable. */
export const ADVANCED = {
  Slides: { serviceId: 'slides', version: 'v1', file: 'slides-v1' },
  Docs: { serviceId: 'docs', version: 'v1', file: 'docs-v1' },
  Drive: { serviceId: 'drive', version: 'v3', file: 'drive-v3' },
  Gmail: { serviceId: 'gmail', version: 'v1', file: 'gmail-v1' },
  Calendar: { serviceId: 'calendar', version: 'v3', file: 'calendar-v3' },
  Sheets: { serviceId: 'sheets', version: 'v4', file: 'sheets-v4' },
} as const;
export type AdvancedSymbol = keyof typeof ADVANCED;

/** One call the bundle made through an advanced service. */
export interface AdvancedCall {
  /** How the bundle called it, e.g. `Slides.Presentations.batchUpdate`. */
  service: string;
  methodId: string;
  params: Record<string, string | string[]>;
  body: unknown;
  media?: { mimeType: string; bytes: number };
  /** HTTP status the fake answered; 0 for an injected dropped connection. */
  status: number;
  /** The fake clock when the call was made. */
  at: number;
}

export interface AdvancedOptions {
  state: FakeState;
  runtime: Runtime;
  calls: AdvancedCall[];
  violations: Violation[];
  /** Consumed like the fake server's: the next `times` matching calls fail before their handler runs (after it, when `applied`). */
  faults: AdvancedFault[];
  /** Fake-clock cost of each call (what a batch's time budget is measured against). */
  callCostMs: number | ((methodId: string) => number);
  /** Scopes the script was granted (the manifest's `oauthScopes`); absent = every scope. */
  scopes?: readonly string[];
}

const DRIVE_FILE = 'https://www.googleapis.com/auth/drive.file';
const FAULT_REASONS: Record<number, [string, string]> = {
  429: ['rateLimitExceeded', 'Rate Limit Exceeded'],
  500: ['backendError', 'Internal error encountered.'],
  503: ['backendError', 'The service is currently unavailable.'],
};
/** What Apps Script throws when the HTTP exchange itself fails (the fake's `drop` fault). */
export const DROPPED_MESSAGE = "We're sorry, a server error occurred. Please wait a bit and try again.";

/**
 * Failures Apps Script reports as a bare message (an `Exception`, no `details` code), as seen in public reports of
 * advanced-service calls; the localized ones are the same failure for users whose Apps Script language is not English.
 */
export const GAS_MESSAGES = {
  empty: 'Empty response',
  serverError: DROPPED_MESSAGE,
  deadline: 'API call to slides.presentations.batchUpdate failed with error: DEADLINE_EXCEEDED',
  daily: 'Service invoked too many times for one day: premium slides.',
  tooFast: 'Service invoked too many times in a short time: slides. Try Utilities.sleep(1000) between calls.',
  serverErrorFr: "Nous sommes désolés, une erreur de serveur s'est produite. Veuillez patienter un peu et réessayer.",
  serverErrorDe: 'Es ist ein Serverfehler aufgetreten. Bitte warten Sie einen Moment und versuchen Sie es erneut.',
  serverErrorEs: 'Lo sentimos, se ha producido un error en el servidor. Espera un momento y vuelve a intentarlo.',
} as const;

/** A fault of the stand-ins: the fake server's, or an Apps Script message (thrown before the call, or after it took effect). */
export type AdvancedFault = Fault & { message?: string; applied?: boolean };

const docs = new Map<string, Json>();
function discovery(file: string): Json {
  let doc = docs.get(file);
  if (!doc) docs.set(file, (doc = JSON.parse(fs.readFileSync(path.join(discoveryDir(), `${file}.json`), 'utf8'))));
  return doc;
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof HarnessBlob) && Object.prototype.toString.call(v) === '[object Object]';

/** `Slides`, `Drive` … as objects of resources and methods, every method recording, validating and answering from the fake. */
export function createAdvancedService(symbol: AdvancedSymbol, options: AdvancedOptions): Record<string, unknown> {
  const doc = discovery(ADVANCED[symbol].file);
  const build = (resource: Json, where: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [name, method] of Object.entries<Json>(resource.methods ?? {})) {
      const jsName = name === 'delete' ? 'remove' : name;
      out[jsName] = (...args: unknown[]) => invoke(symbol, `${where}.${jsName}`, method, args, options);
    }
    for (const [name, sub] of Object.entries<Json>(resource.resources ?? {})) out[capital(name)] = build(sub, `${where}.${capital(name)}`);
    return out;
  };
  return build(doc, symbol);
}

function invoke(symbol: AdvancedSymbol, service: string, method: Json, args: unknown[], o: AdvancedOptions): unknown {
  const { runtime } = o;
  runtime.check();
  const methodId: string = method.id;
  const order: string[] = method.parameterOrder ?? [];
  const slots = [
    ...(method.request ? ['resource'] : []), ...order, ...(method.mediaUpload ? ['mediaData'] : []), 'optionalArgs', ...(symbol === 'Calendar' ? ['headers'] : []),
  ];
  const given = Object.fromEntries(slots.map((s, i) => [s, args[i]]));
  const problems: string[] = [];
  const required = (method.request ? 1 : 0) + order.length;
  if (args.length > slots.length || args.length < required) {
    problems.push(`Invalid number of arguments provided to ${service}: expected ${required}-${slots.length} (${slots.join(', ')}), got ${args.length}`);
  }
  if (method.request && !isPlain(given.resource)) problems.push(`Invalid argument: resource (${service} takes the request body first)`);
  for (const name of order) {
    const v = given[name];
    if (typeof v !== 'string' && typeof v !== 'number') problems.push(`Invalid argument: ${name} (${service} needs it as argument ${slots.indexOf(name) + 1})`);
  }
  const media = given.mediaData;
  if (media !== undefined && media !== null && !(media instanceof HarnessBlob)) problems.push('Invalid argument: mediaData (a Blob or null)');
  const optional = given.optionalArgs;
  if (optional !== undefined && optional !== null && !isPlain(optional)) problems.push('Invalid argument: optionalArgs (an object)');

  const params: Record<string, string | string[]> = {};
  for (const name of order) if (given[name] !== undefined && given[name] !== null) params[name] = String(given[name]);
  for (const [k, v] of Object.entries(isPlain(optional) ? optional : {})) {
    if (v === undefined || v === null) continue; // Apps Script drops unset optional args (`pageToken: null` on a first page)
    params[k] = Array.isArray(v) ? v.map(String) : String(v);
  }
  const body = method.request && given.resource !== undefined ? JSON.parse(JSON.stringify(given.resource)) : undefined;
  const call: AdvancedCall = { service, methodId, params, body, status: 0, at: runtime.clock.now() };
  if (media instanceof HarnessBlob) call.media = { mimeType: media.getContentType() ?? 'application/octet-stream', bytes: media.data.length };
  o.calls.push(call);

  const cost = typeof o.callCostMs === 'function' ? o.callCostMs(methodId) : o.callCostMs;
  try {
    if (problems.length) {
      o.violations.push({ methodId, errors: problems });
      throw runtime.exception(problems.join('; '));
    }
    return runtime.realm.adopt(answer(call, media instanceof HarnessBlob ? media : null, o));
  } finally {
    runtime.clock.advance(cost);
  }
}

/** The fake server's pipeline without HTTP: validation, scopes, faults, the drive.file view, the handler. */
function answer(call: AdvancedCall, media: HarnessBlob | null, o: AdvancedOptions): unknown {
  const { methodId, params, body } = call;
  const fail = (status: number, message: string, reason: string): Error => {
    call.status = status;
    return o.runtime.realm.error('GoogleJsonResponseException', `API call to ${methodId} failed with error: ${message}`, {
      details: o.runtime.realm.adopt({ code: status, message, errors: [{ message, domain: 'global', reason }] }),
    });
  };
  const errors = [...validateParams(methodId, params), ...validateBody(methodId, body)];
  if (errors.length) {
    o.violations.push({ methodId, errors });
    throw fail(400, errors.join('\n'), 'invalid');
  }
  const needed = scopesOf(methodId);
  const usable = o.scopes ? needed.filter((s) => o.scopes?.includes(s)) : needed;
  if (needed.length > 0 && usable.length === 0) {
    o.violations.push({ methodId, errors: [`the manifest's oauthScopes allow none of: ${needed.join(', ')}`] });
    throw fail(403, 'Request had insufficient authentication scopes.', 'insufficientPermissions');
  }
  const fault = o.faults.find((f) => f.times > 0 && (f.methodId === undefined || f.methodId === methodId));
  if (fault?.message !== undefined) {
    fault.times--;
    if (fault.applied) {
      try {
        handlers()[methodId]?.({ methodId, params, body, token: TEST_TOKEN, fileScopeOnly: false }, o.state);
      } catch {
        /* the message below is all the script sees either way */
      }
    }
    call.status = 0;
    throw o.runtime.exception(fault.message);
  }
  if (fault) {
    fault.times--;
    if (fault.drop) {
      call.status = 0;
      throw o.runtime.exception(DROPPED_MESSAGE);
    }
    const status = fault.status ?? 503;
    const [reason, message] = FAULT_REASONS[status] ?? ['backendError', `Injected fault ${status}`];
    throw fail(status, message, reason);
  }
  const fileScopeOnly = usable.length > 0 && usable.every((s) => s === DRIVE_FILE);
  if (fileScopeOnly) {
    const id = params.fileId ?? params.presentationId ?? params.documentId ?? params.spreadsheetId;
    const file = typeof id === 'string' ? o.state.files.get(id) : undefined;
    if (file && !file.appCreated) throw fail(404, `File not found: ${id}.`, 'notFound');
    // Nor can it put a file into a folder it cannot see (a pasted folder ID the app did not create).
    const parents = (body as { parents?: unknown } | undefined)?.parents;
    for (const parent of Array.isArray(parents) ? parents : []) {
      const folder = o.state.files.get(String(parent));
      if (parent !== 'root' && (!folder || !folder.appCreated)) throw fail(404, `File not found: ${String(parent)}.`, 'notFound');
    }
  }
  const handler = handlers()[methodId];
  if (!handler) throw fail(501, `The fake Google server has no handler for ${methodId}.`, 'notImplemented');
  const req: FakeRequest = { methodId, params, body, token: TEST_TOKEN, fileScopeOnly };
  if (media) req.media = { mimeType: media.getContentType() ?? 'application/octet-stream', data: media.data };
  try {
    const out = handler(req, o.state);
    call.status = out.status;
    return out.body;
  } catch (e) {
    if (e instanceof FakeError) throw fail(e.code, e.message, e.reason);
    o.violations.push({ methodId, errors: [`fake handler crashed: ${(e as Error).stack ?? String(e)}`] });
    throw fail(500, `Fake Google crashed: ${(e as Error).message}`, 'backendError');
  }
}

/** A manifest's `dependencies.enabledAdvancedServices` entry. */
export interface EnabledService {
  userSymbol: string;
  serviceId: string;
  version: string;
}

/**
 * The advanced services as sandbox globals: every one of the six when `enabled` is absent, else only those the manifest
 * enables, under their `userSymbol`. `problems` names entries the harness cannot honour (unknown service, other version).
 */
export function createAdvancedServices(options: AdvancedOptions, enabled?: EnabledService[]): { globals: Record<string, unknown>; problems: string[] } {
  const globals: Record<string, unknown> = {};
  const problems: string[] = [];
  const wanted = enabled ?? Object.entries(ADVANCED).map(([userSymbol, a]) => ({ userSymbol, serviceId: a.serviceId, version: a.version }));
  for (const e of wanted) {
    const entry = Object.entries(ADVANCED).find(([, a]) => a.serviceId === e.serviceId);
    if (!entry) {
      problems.push(`enabledAdvancedServices: no stand-in for serviceId "${e.serviceId}"`);
      continue;
    }
    const [symbol, a] = entry as [AdvancedSymbol, (typeof ADVANCED)[AdvancedSymbol]];
    if (e.version !== a.version) problems.push(`enabledAdvancedServices: ${e.serviceId} ${e.version}, but the discovery document is ${a.version}`);
    globals[e.userSymbol] = createAdvancedService(symbol, options);
  }
  return { globals, problems };
}
