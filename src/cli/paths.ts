/** Output paths: one folder per Account ID, portable (Windows, macOS, Linux), inside the output folder, never shared by two ids. */
import { createHash } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';

/** A problem with the output folder: the command cannot run (exit 2), said in one line. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

/** Names Windows reserves in every folder, with or without an extension (`CON`, `nul.txt`, `COM1`). */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/i;
/** Well under the 255-byte file-name limit of every common file system, leaving room for the hash suffix. */
const MAX_BYTES = 80;

/**
 * An Account ID as a folder name that stays readable but is always one portable path segment:
 * no separator, reserved character (`\/:*?"<>|`) or control; no leading dot, no trailing dot or space;
 * not a Windows device name; at most 80 UTF-8 bytes.
 * @example safeDirName('../../etc/passwd') // '_.._etc_passwd'
 */
export function safeDirName(id: string): string {
  let name = [...id.trim()].map((ch) => (ch < ' ' || (ch >= '\u007f' && ch <= '\u009f') || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('');
  name = name.replace(/^\.+/, '_').replace(/[. ]+$/, '');
  if (RESERVED.test(name)) name = `_${name}`;
  while (new TextEncoder().encode(name).length > MAX_BYTES) name = [...name].slice(0, -1).join('');
  return name === '' ? '_' : name;
}

/**
 * The folder of each Account ID: the id itself when it is already a safe name, else its {@link safeDirName}
 * plus 8 hex digits of the id's SHA-256, so ids that clean to the same text (`a/b`, `a:b`, `a*b`) or differ only
 * in case (on case-insensitive disks) still get folders of their own.
 * @example accountFolders(['ACC-1', 'a/b', 'a:b']) // Map { 'ACC-1' → 'ACC-1', 'a/b' → 'a_b-…', 'a:b' → 'a_b-…' }
 */
export function accountFolders(ids: readonly string[]): Map<string, string> {
  const folders = new Map<string, string>();
  const used = new Set<string>();
  const take = (id: string, name: string) => {
    folders.set(id, name);
    used.add(name.toLowerCase());
  };
  // Ids that are safe as they are keep their name; the others are placed after them with a suffix.
  const later: string[] = [];
  for (const id of ids) {
    if (folders.has(id)) continue;
    const safe = safeDirName(id);
    if (safe === id && !used.has(safe.toLowerCase())) take(id, safe);
    else later.push(id);
  }
  for (const id of later) {
    if (folders.has(id)) continue;
    const hash = createHash('sha256').update(id, 'utf8').digest('hex');
    let name = `${safeDirName(id)}-${hash.slice(0, 8)}`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${safeDirName(id)}-${hash.slice(0, 8)}-${n}`;
    take(id, name);
  }
  return folders;
}

/** Makes the output folder (and its parents), or says in one line why it cannot be used. */
export function prepareOut(out: string): void {
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    throw new OutputError(`--out ${out} cannot be used as the output folder: ${reason(e, out)}`);
  }
  if (!statSync(out).isDirectory()) throw new OutputError(`--out ${out} is a file, not a folder`);
}

/** A file-system error as a short phrase (`a file is in the way`, `permission denied`) rather than a stack. */
export function reason(e: unknown, path: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EEXIST' || code === 'ENOTDIR') return `a file is in the way of ${path}`;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied for ${path}`;
  if (code === 'ENAMETOOLONG') return `the path ${path} is too long`;
  if (code === 'ENOSPC') return 'the disk is full';
  return (e as Error).message;
}
