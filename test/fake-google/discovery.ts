/** Google's discovery documents as a route table, a scope table and a validator for request params and bodies. */
import * as fs from 'fs';
import * as path from 'path';

/* eslint-disable @typescript-eslint/no-explicit-any -- discovery documents are untyped JSON */
type Json = any;

/** One REST method: where it lives, what it accepts, which scopes allow it. */
export interface MethodInfo {
  id: string;
  api: string;
  httpMethod: string;
  /** servicePath + path, e.g. `/calendar/v3/calendars/{calendarId}/events`. */
  path: string;
  /** The simple-upload path when the method takes media, e.g. `/upload/gmail/v1/users/{userId}/drafts`. */
  uploadPath?: string;
  parameters: Record<string, Json>;
  requestRef?: string;
  scopes: string[];
}

export interface Route {
  method: MethodInfo;
  httpMethod: string;
  regex: RegExp;
  names: string[];
  upload: boolean;
  literalLength: number;
  reserved: boolean;
}

interface Api {
  doc: Json;
  methods: MethodInfo[];
}

const FILES = ['slides-v1', 'docs-v1', 'gmail-v1', 'calendar-v3', 'sheets-v4', 'drive-v3'];

/** Where the six documents live: vendored in the repo (`npm run vendor-discovery` refreshes them), or GOOGLE_DISCOVERY_DIR. */
export function discoveryDir(): string {
  return process.env.GOOGLE_DISCOVERY_DIR ?? path.resolve(__dirname, '../../vendor/google-discovery');
}

let loaded: { apis: Map<string, Api>; methods: Map<string, MethodInfo>; routes: Route[] } | null = null;

function load(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const apis = new Map<string, Api>();
  const methods = new Map<string, MethodInfo>();
  for (const file of FILES) {
    const doc = JSON.parse(fs.readFileSync(path.join(discoveryDir(), `${file}.json`), 'utf8'));
    const api: Api = { doc, methods: [] };
    const servicePath = '/' + String(doc.servicePath ?? '').replace(/^\/+/, '');
    const walk = (res: Json): void => {
      for (const m of Object.values<Json>(res.methods ?? {})) {
        const info: MethodInfo = {
          id: m.id,
          api: doc.name,
          httpMethod: m.httpMethod,
          path: (servicePath + m.path).replace(/\/+/g, '/'),
          uploadPath: m.mediaUpload?.protocols?.simple?.path,
          parameters: m.parameters ?? {},
          requestRef: m.request?.$ref,
          scopes: m.scopes ?? [],
        };
        api.methods.push(info);
        methods.set(info.id, info);
      }
      for (const sub of Object.values<Json>(res.resources ?? {})) walk(sub);
    };
    walk(doc);
    apis.set(doc.name, api);
  }
  const routes: Route[] = [];
  for (const m of methods.values()) {
    routes.push(compileRoute(m, m.path, false));
    if (m.uploadPath) routes.push(compileRoute(m, m.uploadPath, true));
  }
  // The most literal route wins (`drive/v3/files/trash` over `files/{fileId}`); a `{+param}`, which can swallow
  // slashes, is tried last (`presentations/{id}/pages/{pageId}` over `presentations/{+presentationId}`).
  routes.sort((a, b) => Number(a.reserved) - Number(b.reserved) || b.literalLength - a.literalLength);
  loaded = { apis, methods, routes };
  return loaded;
}

/** `{name}` matches one segment; `{+name}` (RFC 6570 reserved expansion) may span slashes; `:verb` suffixes stay literal. */
function compileRoute(method: MethodInfo, template: string, upload: boolean): Route {
  const names: string[] = [];
  let literalLength = 0;
  let reserved = false;
  const source = template.replace(/\{(\+?)([^}]+)\}|([^{]+)/g, (_all, plus: string, name: string, literal: string) => {
    if (literal !== undefined) {
      literalLength += literal.length;
      return literal.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    }
    names.push(name);
    reserved ||= Boolean(plus);
    return plus ? '(.+?)' : '([^/]+?)';
  });
  return { method, httpMethod: method.httpMethod, regex: new RegExp(`^${source}$`), names, upload, literalLength, reserved };
}

/** The discovery method for an HTTP method and URL path (no query), with its decoded path params. */
export function matchRoute(httpMethod: string, urlPath: string): { route: Route; pathParams: Record<string, string> } | null {
  for (const route of load().routes) {
    if (route.httpMethod !== httpMethod) continue;
    const m = route.regex.exec(urlPath);
    if (!m) continue;
    const pathParams: Record<string, string> = {};
    try {
      route.names.forEach((name, i) => (pathParams[name] = decodeURIComponent(m[i + 1] ?? '')));
    } catch {
      return null; // a malformed %-escape: Google answers 404 for such a path too
    }
    return { route, pathParams };
  }
  return null;
}

export function methodInfo(methodId: string): MethodInfo | undefined {
  return load().methods.get(methodId);
}

export function allMethods(): MethodInfo[] {
  return [...load().methods.values()];
}

/** The OAuth scopes any one of which allows the method (from the discovery document). */
export function scopesOf(methodId: string): string[] {
  return methodInfo(methodId)?.scopes ?? [];
}

/** Every scope any of the six APIs knows: what the fake grants by default. */
export function allScopes(): string[] {
  return [...new Set(allMethods().flatMap((m) => m.scopes))];
}

function schemas(api: string): Record<string, Json> {
  return load().apis.get(api)?.doc.schemas ?? {};
}

/** Query/path params against the method's and the API's common parameters: unknown, missing, enum, repeated, type. */
export function validateParams(methodId: string, params: Record<string, string | string[]>): string[] {
  const method = methodInfo(methodId);
  if (!method) return [`Unknown method ${methodId}`];
  const common = load().apis.get(method.api)?.doc.parameters ?? {};
  const errors: string[] = [];
  for (const [name, spec] of Object.entries<Json>(method.parameters)) {
    if (spec.required && params[name] === undefined) errors.push(`Missing required parameter "${name}"`);
  }
  for (const [name, value] of Object.entries(params)) {
    const spec = method.parameters[name] ?? common[name];
    if (!spec) {
      errors.push(`Unknown name "${name}": Cannot bind query parameter. Field '${name}' could not be found in request message.`);
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    if (values.length > 1 && !spec.repeated) errors.push(`Parameter "${name}" is not repeated but was given ${values.length} times`);
    for (const v of values) {
      if (spec.enum && !spec.enum.includes(v)) errors.push(`Invalid value at '${name}' (${spec.enum.join('|')}), "${v}"`);
      if (spec.type === 'integer' && !/^-?\d+$/.test(v)) errors.push(`Invalid value at '${name}' (TYPE_INT32), "${v}"`);
      if (spec.type === 'boolean' && v !== 'true' && v !== 'false') errors.push(`Invalid value at '${name}' (TYPE_BOOL), "${v}"`);
    }
  }
  return errors;
}

/** A request body against the method's request schema; errors read like Google's "Invalid JSON payload received" lines. */
export function validateBody(methodId: string, body: unknown): string[] {
  const method = methodInfo(methodId);
  if (!method) return [`Unknown method ${methodId}`];
  if (body === undefined) return [];
  if (!method.requestRef) return [`${methodId} takes no request body, but one was sent`];
  const errors: string[] = [];
  checkValue(schemas(method.api), { $ref: method.requestRef }, body, '', errors);
  return errors;
}

const INT = /^-?\d+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

function checkValue(all: Record<string, Json>, schema: Json, value: unknown, at: string, errors: string[]): void {
  if (value === null) return; // proto3 JSON: null means "default", accepted everywhere
  if (schema.$ref) {
    const target = all[schema.$ref];
    if (!target) errors.push(`Schema ${schema.$ref} not found (at '${at}')`);
    else checkValue(all, target, value, at, errors);
    return;
  }
  const where = at || 'the body';
  const bad = (kind: string): void => void errors.push(`Invalid value at '${where}' (${kind}), ${JSON.stringify(value)}`);
  switch (schema.type) {
    case 'any':
      return;
    case 'boolean':
      if (typeof value !== 'boolean') bad('TYPE_BOOL');
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) bad(`TYPE_${String(schema.format ?? 'int32').toUpperCase()}`);
      else if (schema.format === 'uint32' && value < 0) bad('TYPE_UINT32');
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) bad(`TYPE_${String(schema.format ?? 'double').toUpperCase()}`);
      return;
    case 'string':
      return checkString(schema, value, bad);
    case 'array':
      if (!Array.isArray(value)) return bad('TYPE_LIST');
      value.forEach((item, i) => checkValue(all, schema.items ?? { type: 'any' }, item, `${at}[${i}]`, errors));
      return;
    case 'object':
    case undefined:
      return checkObject(all, schema, value, at, errors, bad);
    default:
      errors.push(`Unsupported schema type ${schema.type} at '${where}'`);
  }
}

function checkString(schema: Json, value: unknown, bad: (kind: string) => void): void {
  const format = schema.format;
  if ((format === 'int64' || format === 'uint64') && (typeof value === 'number' ? Number.isInteger(value) : INT.test(String(value)))) return;
  if (typeof value !== 'string') return bad(`TYPE_STRING${format ? `/${format}` : ''}`);
  if (schema.enum && !schema.enum.includes(value)) return bad(`enum ${schema.enum.join('|')}`);
  if (format === 'int64' || format === 'uint64') return bad(`TYPE_${format.toUpperCase()}`);
  if (format === 'byte' && !BASE64.test(value)) return bad('TYPE_BYTES');
  if (format === 'date' && !DATE.test(value)) return bad('date');
  if ((format === 'date-time' || format === 'google-datetime') && !DATE_TIME.test(value)) return bad('date-time');
}

function checkObject(all: Record<string, Json>, schema: Json, value: unknown, at: string, errors: string[], bad: (kind: string) => void): void {
  if (typeof value !== 'object' || Array.isArray(value)) return bad('TYPE_MESSAGE');
  const props: Record<string, Json> = schema.properties ?? {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const child = at ? `${at}.${key}` : key;
    const prop = props[key] ?? schema.additionalProperties;
    if (!prop) {
      errors.push(`Invalid JSON payload received. Unknown name "${key}" at '${at || 'the body'}': Cannot find field.`);
      continue;
    }
    checkValue(all, prop, v, child, errors);
  }
}
