/** Output paths: an Account ID as a folder name that can never leave the output folder. */

/** Account IDs become folder names: keep them readable, but never a path separator or a reserved character. */
export function safeDirName(id: string): string {
  const cleaned = [...id].map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('').replace(/^\.+/, '_').trim();
  return cleaned === '' ? '_' : cleaned;
}

/** A Drive id from a pasted URL (`…/presentation/d/<id>/edit`, `…/folders/<id>`) or the id itself. */
export function driveIdOf(input: string | undefined): string | null {
  if (input === undefined || input.trim() === '') return null;
  const m = /\/(?:d|folders)\/([a-zA-Z0-9_-]{10,})/.exec(input);
  return m ? m[1]! : input.trim();
}
