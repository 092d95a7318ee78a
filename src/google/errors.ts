/** Google API failures as sentences a CSM can act on: what went wrong, and what to fix (scope, sharing, id). */
import { ApiError } from './execute';

const WHAT: Record<string, string> = {
  slides: 'the deck or template', docs: 'the document', gmail: 'Gmail drafts', calendar: 'the calendar',
  sheets: 'the tracker spreadsheet', drive: 'the Drive file or folder',
};

export function explainApiError(e: unknown): { code: string; message: string } {
  if (!(e instanceof ApiError)) return { code: 'internal', message: `Unexpected failure: ${(e as Error)?.message ?? String(e)}` };
  const api = (e.methodId ?? '').split('.')[0] ?? '';
  const what = WHAT[api] ?? 'Google';
  const detail = e.message ? ` (Google said: ${e.message})` : '';
  if (e.status === 401) return { code: 'auth', message: `Google did not accept the credentials: sign in again (docs/GOOGLE-SETUP.md, step 4)${detail}.` };
  if (e.status === 403 && (e.reason === 'insufficientPermissions' || /scope/i.test(e.message))) {
    return { code: 'scope', message: `The sign-in does not include the permission needed for ${what}: sign in again with the scopes listed in docs/GOOGLE-SETUP.md${detail}.` };
  }
  if (e.status === 403) return { code: 'sharing', message: `You do not have access to ${what}: ask its owner to share it with you (or check you are signed in as the right user)${detail}.` };
  if (e.status === 404) return { code: 'not-found', message: `Google cannot find ${what}: check the id or URL you gave (a spreadsheet id for --tracker, a presentation id for --template, a folder id for --folder)${detail}.` };
  if (e.status === 409) return { code: 'conflict', message: `${what} already has an item with this id${detail}.` };
  if (e.status === 429) return { code: 'quota', message: `Google's rate limit was still exceeded after several retries: run again later; the run resumes where it stopped${detail}.` };
  if (e.status === 0 || e.status >= 500) return { code: 'unavailable', message: `Google was unreachable or failing after several retries: run again; the run resumes where it stopped${detail}.` };
  return { code: 'rejected', message: `Google rejected a request for ${what}${detail}.` };
}
