/** Output paths: an Account ID as a folder name that can never leave the output folder. */

/** Account IDs become folder names: keep them readable, but never a path separator or a reserved character. */
export function safeDirName(id: string): string {
  const cleaned = [...id].map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('').replace(/^\.+/, '_').trim();
  return cleaned === '' ? '_' : cleaned;
}
