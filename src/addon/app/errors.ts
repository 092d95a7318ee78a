/** Google's failures in the add-on's words: what happened, what to fix (with buttons, never CLI flags or doc paths), and whether retrying helps. */
import { ApiError } from '../../google/execute';

const WHAT: Record<string, string> = {
  slides: 'the deck or the template', docs: 'a document', gmail: 'your Gmail drafts', calendar: 'your calendar',
  sheets: 'the tracker', drive: 'a file or folder in Drive',
};

export interface AddonFailure {
  title: string;
  message: string;
  fix: string;
  /** Retrying can help (a blip, a rate limit, the 30 seconds ran out): the card offers "Try again". */
  retryable: boolean;
  /** The tracker itself is the problem: the card offers "Open tracker" and "Change tracker". */
  tracker: boolean;
}

export function addonApiFailure(e: ApiError): AddonFailure {
  const api = (e.methodId ?? '').split('.')[0] ?? '';
  const what = WHAT[api] ?? 'Google';
  const tracker = api === 'sheets';
  // Google's messages end with a full stop of their own: “… not found.”. would say it twice.
  const said = e.message ? ` Google said: “${e.message.trim().replace(/\.+$/, '')}”.` : '';
  if (e.status === 401) {
    return { title: 'Sign in again', message: `Google asked the add-on to sign in again.${said}`, fix: 'Reload the add-on (close and reopen the sidebar) and accept the sign-in; then try again.', retryable: true, tracker: false };
  }
  if (e.status === 403 && (e.reason === 'insufficientPermissions' || /scope/i.test(e.message))) {
    return { title: 'The add-on needs a permission', message: `The add-on is not allowed to use ${what}.${said}`, fix: 'Reopen the add-on and grant the permissions it asks for, then try again.', retryable: true, tracker: false };
  }
  if (e.status === 403) {
    return {
      title: tracker ? 'You cannot open this tracker' : 'No access', message: `Your account has no access to ${what}.${said}`,
      fix: tracker ? 'Ask the tracker’s owner to share it with you, or change to a tracker you can open.' : 'Ask its owner to share it with you, or check you are signed in as the right user.',
      retryable: false, tracker,
    };
  }
  if (e.status === 404) {
    return {
      title: tracker ? 'Tracker not found' : 'Not found', message: `Google cannot find ${what}: it may have been deleted, or the add-on was never given it.${said}`,
      fix: tracker ? 'Open the tracker to check it still exists, or change the tracker and connect it again.' : 'In Settings, choose the template and folder again, then try again.',
      retryable: false, tracker,
    };
  }
  if (e.status === 429) {
    return { title: 'Google is busy', message: `Google’s rate limit was still reached after several retries.${said}`, fix: 'Wait a minute and try again; finished steps are kept.', retryable: true, tracker: false };
  }
  if (e.status === 0 || e.status >= 500) {
    return { title: 'Google did not answer', message: `Google was unreachable or failing after several retries.${said}`, fix: 'Try again in a minute; finished steps are kept.', retryable: true, tracker: false };
  }
  return { title: 'Google refused a request', message: `Google refused a request for ${what}.${said}`, fix: tracker ? 'Check the tracker opens in Sheets, then try again.' : 'Try again; if it happens again, reload the add-on.', retryable: true, tracker };
}
