/**
 * Google REST calls as data: what the pure request builders produce, what `--dry-run` writes, and what the
 * transports (googleapis in Node, advanced services in Apps Script) execute. No I/O here.
 */

/** One REST call, named by its discovery method id (`slides.presentations.batchUpdate`). */
export interface ApiCall {
  id: string;
  /** Path and query parameters, by their discovery names (`presentationId`, `calendarId`, `eventId` …). */
  params: Record<string, string | number | boolean | string[]>;
  body?: unknown;
  /**
   * Set when the body (not only the params) refers to bound values. Off by default, so text from the tracker
   * that happens to contain `${…}` is never taken for a reference.
   */
  bodyRefs?: boolean;
  /**
   * Values a later call needs from this call's response, as `name: 'path.in.response'`
   * (`{ deckId: 'id' }` after drive.files.copy). Later params and bodies refer to them as `${deckId}`.
   */
  bind?: Record<string, string>;
  /** Why this call is made, for logs and the dry-run file. */
  note?: string;
  /**
   * Idempotence by data: when this call fails with one of these HTTP statuses, make `call` instead
   * (a calendar insert that hits 409 because the event exists becomes an update; a draft update that
   * hits 404 because the user deleted the draft becomes a create). Without `call`, those statuses mean "done"
   * (trashing a file that is already gone).
   */
  fallback?: { on: number[]; call?: ApiCall };
}

/** The narrowest OAuth scopes the package needs (see docs/GOOGLE-SETUP.md for why each). */
export const SCOPES = {
  /** Files this app creates or the user opens with it: template copies, decks, docs, the built-in template. */
  driveFile: 'https://www.googleapis.com/auth/drive.file',
  /** Read and write the tracker (a spreadsheet the app did not create). */
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  /** Create and update drafts. The scope would also allow sending; the executor refuses any send method. */
  gmailCompose: 'https://www.googleapis.com/auth/gmail.compose',
  /** Events on calendars the user owns (not other calendars' settings or ACLs). */
  calendarEventsOwned: 'https://www.googleapis.com/auth/calendar.events.owned',
  /** Only with --template: read the team's own template so it can be copied (drive.file cannot see it). */
  driveReadonly: 'https://www.googleapis.com/auth/drive.readonly',
} as const;
