/** A loopback fake of Google's REST APIs: routes by discovery document, checks token, scopes, params and body, injects faults, keeps state. */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { allScopes, matchRoute, validateBody, validateParams } from './discovery';
import { handlers } from './registry';
import { createState } from './state';
import { FakeError, type Fault, type FakeRequest, type FakeState, type RecordedCall, type Violation } from './types';

export const TEST_TOKEN = 'test-token';
const DRIVE_FILE = 'https://www.googleapis.com/auth/drive.file';

/**
 * Every malformed request any fake server in this test file saw. A request Google would reject is a bug
 * in the code under test even when that code copes with the 400, so tests assert this stays empty.
 */
export const violations: Violation[] = [];

export interface FakeGoogle {
  /** `http://127.0.0.1:PORT/`, to pass as googleapis' `rootUrl`. */
  url: string;
  state: FakeState;
  calls: RecordedCall[];
  /** Push faults here at any time; each is consumed `times` times by the first matching requests. */
  faults: Fault[];
  /** This server's share of the module-wide `violations`. */
  violations: Violation[];
  /** Replaces the scopes granted to the token `test-token`. */
  grant(scopes: string[]): void;
  close(): Promise<void>;
}

export interface FakeGoogleOptions {
  /** Scopes granted to `test-token`; default: every scope of the six APIs. */
  scopes?: string[];
  state?: FakeState;
  /** Google's clock in ms (the quota windows turn on it); tests pass the same virtual clock the client sleeps on. */
  clock?: () => number;
  /** Per-minute write quotas, off by default. */
  quota?: QuotaOptions;
}

/**
 * Slides, Docs and Sheets allow 60 write requests a minute per user per project and answer 429 RESOURCE_EXHAUSTED
 * beyond it until the minute turns ("per minute quotas are refilled every minute", Sheets/Docs/Slides usage limits).
 */
export interface QuotaOptions {
  writesPerMinute: number;
  /**
   * Writes other clients of the same project make for the same user each minute (the user's second terminal, a
   * teammate's script under the same OAuth client): the share of the quota a client cannot see or pace against.
   */
  othersPerMinute?: number;
}

const QUOTA_SERVICES: Record<string, string> = { slides: 'slides.googleapis.com', docs: 'docs.googleapis.com', sheets: 'sheets.googleapis.com' };

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 409: 'ALREADY_EXISTS',
  410: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 501: 'UNIMPLEMENTED', 503: 'UNAVAILABLE',
};
const FAULT_REASONS: Record<number, [string, string]> = {
  429: ['rateLimitExceeded', 'Rate Limit Exceeded'],
  500: ['backendError', 'Internal error encountered.'],
  503: ['backendError', 'The service is currently unavailable.'],
};

/** Google's error envelope, which googleapis surfaces as `GaxiosError.response.data`. */
export function errorBody(code: number, message: string, reason: string): unknown {
  return { error: { code, message, errors: [{ message, domain: 'global', reason }], status: STATUS_NAMES[code] ?? 'UNKNOWN' } };
}

export async function startFakeGoogle(options: FakeGoogleOptions = {}): Promise<FakeGoogle> {
  const state = options.state ?? createState();
  const calls: RecordedCall[] = [];
  const faults: Fault[] = [];
  const mine: Violation[] = [];
  let granted = new Set(options.scopes ?? allScopes());
  const clock = options.clock ?? Date.now;
  // Writes counted per API in the current minute window: `${api}@${minute}` → count.
  const used = new Map<string, number>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const call: RecordedCall = { methodId: '', httpMethod: req.method ?? 'GET', path: '', params: {}, body: undefined, status: 0 };
      calls.push(call);
      const send = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
        call.status = status;
        const text = body === undefined ? '' : JSON.stringify(body);
        res.writeHead(status, { ...headers, ...(text ? { 'content-type': 'application/json; charset=UTF-8' } : {}) });
        res.end(text);
      };
      const violate = (methodId: string, errors: string[]): void => {
        const v = { methodId, errors };
        violations.push(v);
        mine.push(v);
      };
      try {
        serve(req, Buffer.concat(chunks), call, send, violate, () => req.socket.destroy());
      } catch (e) {
        // A crash inside the fake is the fake's bug, but it must still fail the test that hit it.
        violate(call.methodId, [`fake handler crashed: ${(e as Error).stack ?? String(e)}`]);
        send(500, errorBody(500, `Fake Google crashed: ${(e as Error).message}`, 'backendError'));
      }
    });
  });

  function serve(
    req: http.IncomingMessage, raw: Buffer, call: RecordedCall,
    send: (status: number, body?: unknown, headers?: Record<string, string>) => void,
    violate: (methodId: string, errors: string[]) => void, drop: () => void,
  ): void {
    const [rawPath = '', query = ''] = (req.url ?? '/').split('?', 2);
    call.path = rawPath;
    const matched = matchRoute(call.httpMethod, rawPath);
    if (!matched) return send(404, errorBody(404, `Not Found: ${call.httpMethod} ${rawPath}`, 'notFound'));
    const { route, pathParams } = matched;
    const methodId = (call.methodId = route.method.id);
    const params: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(query)) {
      const prev = params[k];
      params[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    Object.assign(params, pathParams);
    call.params = params;

    let body: unknown;
    let media: FakeRequest['media'];
    try {
      ({ body, media } = route.upload ? parseUpload(req.headers['content-type'] ?? '', raw) : { body: raw.length ? JSON.parse(raw.toString('utf8')) : undefined, media: undefined });
    } catch (e) {
      violate(methodId, [`Invalid JSON payload received. ${(e as Error).message}`]);
      return send(400, errorBody(400, `Invalid JSON payload received. ${(e as Error).message}`, 'parseError'));
    }
    call.body = body;

    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof params.access_token === 'string' ? params.access_token : null;
    if (token !== TEST_TOKEN) {
      return send(401, errorBody(401, 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', 'authError'));
    }
    const needed = route.method.scopes;
    const usable = needed.filter((s) => granted.has(s));
    if (needed.length > 0 && usable.length === 0) {
      return send(403, errorBody(403, `Request had insufficient authentication scopes. ${methodId} needs one of: ${needed.join(', ')}`, 'insufficientPermissions'));
    }
    const fileScopeOnly = usable.length > 0 && usable.every((s) => s === DRIVE_FILE);

    const errors = [...validateParams(methodId, params), ...validateBody(methodId, body)];
    if (errors.length) {
      violate(methodId, errors);
      return send(400, errorBody(400, errors.join('\n'), 'invalid'));
    }

    const api = methodId.split('.')[0] ?? '';
    if (options.quota && QUOTA_SERVICES[api] && call.httpMethod !== 'GET') {
      const key = `${api}@${Math.floor(clock() / 60_000)}`;
      const count = (used.get(key) ?? 0) + 1;
      if (count + (options.quota.othersPerMinute ?? 0) > options.quota.writesPerMinute) {
        return send(429, errorBody(429, `Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service '${QUOTA_SERVICES[api]}' for consumer 'project_number:000000000000'.`, 'rateLimitExceeded'));
      }
      used.set(key, count);
    }

    const fault = faults.find((f) => f.times > 0 && (f.methodId === undefined || f.methodId === methodId) && (f.when === undefined || f.when(params)));
    let dropAfter = false;
    if (fault?.dropAfter) {
      fault.times--;
      dropAfter = true;
    } else if (fault) {
      fault.times--;
      if (fault.drop) {
        call.status = 0;
        return drop();
      }
      const status = fault.status ?? 503;
      const [reason, message] = FAULT_REASONS[status] ?? ['backendError', `Injected fault ${status}`];
      return send(status, errorBody(status, message, reason), fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) });
    }

    if (fileScopeOnly) {
      // With drive.file alone, files the app neither created nor opened do not exist for it.
      const id = params.fileId ?? params.presentationId ?? params.documentId ?? params.spreadsheetId;
      const file = typeof id === 'string' ? state.files.get(id) : undefined;
      if (file && !file.appCreated) return send(404, errorBody(404, `File not found: ${id}.`, 'notFound'));
    }

    const handler = handlers()[methodId];
    if (!handler) return send(501, errorBody(501, `The fake Google server has no handler for ${methodId} (${route.method.httpMethod} ${route.method.path}).`, 'notImplemented'));
    try {
      const out = handler({ methodId, params, body, token, media, fileScopeOnly }, state);
      if (dropAfter) {
        // Applied, but the answer is lost on the way back.
        call.status = 0;
        return drop();
      }
      send(out.status, out.body);
    } catch (e) {
      if (!(e instanceof FakeError)) throw e;
      send(e.code, errorBody(e.code, e.message, e.reason));
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    state,
    calls,
    faults,
    violations: mine,
    grant: (scopes) => void (granted = new Set(scopes)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        // Keep-alive sockets from the client would otherwise hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}

/** `uploadType=media` (the whole body is the media) or `multipart` (a JSON part, then the media part). */
function parseUpload(contentType: string, raw: Buffer): { body: unknown; media: FakeRequest['media'] } {
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
  if (!contentType.startsWith('multipart/') || !boundary) return { body: undefined, media: { mimeType: contentType, data: raw } };
  const parts = raw.toString('latin1').split(`--${boundary}`).slice(1, -1);
  const parsed = parts.map((p) => {
    const [head = '', ...rest] = p.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
    const mimeType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? 'application/octet-stream';
    return { mimeType, data: Buffer.from(rest.join('\r\n\r\n').replace(/\r?\n$/, ''), 'latin1') };
  });
  const json = parsed[0];
  return { body: json ? JSON.parse(json.data.toString('utf8')) : undefined, media: parsed[1] };
}
