/** The one error a tracker adapter throws: a file that cannot be opened at all, with a code and a sentence that says what to do. */

export type TrackerOpenCode = 'not-found' | 'unreadable' | 'unsupported' | 'too-large';

/**
 * Raised only when there is no workbook to read; problems *inside* a readable workbook are findings,
 * never exceptions. The CLI maps any TrackerOpenError to exit status 2.
 */
export class TrackerOpenError extends Error {
  override readonly name = 'TrackerOpenError';

  constructor(
    readonly code: TrackerOpenCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
