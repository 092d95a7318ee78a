/** The fake Google REST server's moving parts: requests as handlers see them, errors, and the in-memory state. */

/** A request after routing: which discovery method, its path+query params, the parsed JSON body, the bearer token. */
export interface FakeRequest {
  methodId: string;
  params: Record<string, string | string[]>;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  token: string | null;
  /** The media part of an upload-path request (`/upload/...`), e.g. a Gmail message as `message/rfc822`. */
  media?: { mimeType: string; data: Buffer };
  /** True when only the drive.file scope lets the token call this method: the app then sees only files it created or opened. */
  fileScopeOnly?: boolean;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
}

/** Thrown by handlers; the server turns it into Google's error JSON `{ error: { code, message, status, errors: [{ reason }] } }`. */
export class FakeError extends Error {
  constructor(readonly code: number, message: string, readonly reason = 'badRequest') {
    super(message);
  }
}

export type Handler = (req: FakeRequest, state: FakeState) => FakeResponse;

export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  /** Who it is shared with, as created through permissions.create. */
  permissions: { id: string; type: string; role: string; emailAddress?: string }[];
  /**
   * The shared drive the file lives in (absent: My Drive). Drive hides such files from requests that do not say
   * they support shared drives: get/copy/update answer 404 and files.list leaves them out.
   */
  driveId?: string;
  /** Set when the file was created by this app (matters for the drive.file scope). */
  appCreated: boolean;
  /** Private key/value pairs the app tags its files with (how the tool finds its own built-in template again). */
  appProperties?: Record<string, string>;
  trashed?: boolean;
}

export interface FakeState {
  files: Map<string, DriveFile>;
  /** Slides presentations by id, in the REST resource shape (`Presentation` schema). */
  presentations: Map<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Docs documents by id, in the REST resource shape (`Document` schema), plus a plain-text view for tests. */
  documents: Map<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Gmail drafts by id: `{ id, message: { id, raw, threadId? } }`. */
  drafts: Map<string, { id: string; message: { id: string; raw: string } }>;
  /** Calendar events by calendar id, then event id (cancelled events stay, with status 'cancelled'). */
  events: Map<string, Map<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Spreadsheets by id: sheet title → grid of cell values (strings, numbers, booleans) as the API returns them, plus charts. */
  spreadsheets: Map<string, { title: string; sheets: { sheetId: number; title: string; values: unknown[][]; charts: { chartId: number; spec: unknown; position?: unknown }[] }[] }>;
  /** A fresh id with a prefix, deterministic per server instance. */
  nextId(prefix: string): string;
}

/** Makes the next `times` matching calls fail before their handler runs, so a fault never changes state. */
export interface Fault {
  /** Discovery method id, e.g. `slides.presentations.batchUpdate`; absent = any method. */
  methodId?: string;
  /** Respond with this error status (429 rateLimitExceeded, 500, 503 backendError, ...). */
  status?: number;
  /** Destroy the socket without any response (a dropped connection). */
  drop?: boolean;
  /**
   * Run the request, THEN destroy the socket: Google applied it but the answer never arrived (a timeout or a
   * connection lost on the way back), which is what makes a blind retry apply a batch twice.
   */
  dropAfter?: boolean;
  /** Only requests whose params (path + query) pass this test match. */
  when?: (params: Record<string, string | string[]>) => boolean;
  times: number;
  /** Seconds, sent as a Retry-After header. */
  retryAfter?: number;
}

/** Every request the fake saw, in order; status 0 means the connection was dropped by a fault. */
export interface RecordedCall {
  /** Discovery method id, or `''` when no route matched. */
  methodId: string;
  httpMethod: string;
  path: string;
  params: Record<string, string | string[]>;
  body: unknown;
  status: number;
}

/** A request the real Google API would reject as malformed: what a test should never produce. */
export interface Violation {
  methodId: string;
  errors: string[];
}
