/** The record of what `qbr generate` wrote in an account folder (SHA-256 per file), so a re-run never overwrites a file the user changed (SPEC §4.4). */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { keyFiguresFrom, type KeyFigures } from '../core/package/changes';

export const MANIFEST = '.qbr-manifest.json';

export interface Manifest {
  version: 1;
  /** Every file we wrote in this folder that is still ours: name → hash of the bytes we wrote. */
  files: Record<string, { sha256: string; writtenAt: string }>;
  /** The key figures of the last package written here, for the next run's change report. */
  figures?: KeyFigures;
  generatedAt?: string;
}

/** What happened to one file of the package. */
export interface WriteOutcome {
  /** The package's name for the file (`deck.pptx`). */
  name: string;
  /** Where this run's version went: the name itself, or beside it when the user changed the file (`deck (2026-11-29).pptx`). */
  writtenAs: string;
  /** `kept`: a file the user changed (or one we never wrote) stays as it was, the new version is beside it. */
  status: 'new' | 'replaced' | 'kept';
}

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The folder's manifest; a missing or unreadable one is empty (every existing file is then treated as the user's). */
export function readManifest(dir: string): Manifest {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
    if (m && m.version === 1 && typeof m.files === 'object' && m.files !== null) return m;
  } catch {
    // No manifest yet, or one the user broke: nothing is provably ours.
  }
  return { version: 1, files: {} };
}

export function writeManifest(dir: string, manifest: Manifest): void {
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Writes package files into one folder without ever overwriting a file the user changed.
 * A file may be replaced only when its bytes still hash to what the manifest says we wrote (or with `force`);
 * otherwise — changed since, or present with no manifest entry (written by the user or an older version) —
 * it is kept and this run's version goes beside it: `deck (2026-11-29).pptx`, then `deck (2026-11-29) (2).pptx` ….
 */
export class FolderWriter {
  readonly outcomes: WriteOutcome[] = [];
  private readonly manifest: Manifest;

  constructor(private readonly dir: string, private readonly today: string, private readonly now: Date, private readonly force = false) {
    this.manifest = readManifest(dir);
  }

  get previousFigures(): KeyFigures | null {
    return keyFiguresFrom(this.manifest.figures);
  }

  /** Writes `data` as `name` (or beside it) and returns the file name actually written. */
  write(name: string, data: string | Uint8Array): string {
    const { target, status } = this.placeFor(name);
    writeFileSync(join(this.dir, target), data);
    this.manifest.files[target] = { sha256: sha256(data), writtenAt: this.now.toISOString() };
    this.outcomes.push({ name, writtenAs: target, status });
    return target;
  }

  /** Records this run's figures and the hashes; call once all files are written. */
  finish(figures: KeyFigures | null): void {
    if (figures) this.manifest.figures = figures;
    this.manifest.generatedAt = this.now.toISOString();
    writeManifest(this.dir, this.manifest);
  }

  get kept(): WriteOutcome[] {
    return this.outcomes.filter((o) => o.status === 'kept');
  }

  private placeFor(name: string): { target: string; status: WriteOutcome['status'] } {
    if (!existsSync(join(this.dir, name))) return { target: name, status: 'new' };
    if (this.force || this.isOurs(name)) return { target: name, status: 'replaced' };
    const ext = extname(name);
    const stem = name.slice(0, name.length - ext.length);
    // A version we wrote beside it earlier today and nobody touched since is ours to replace; anything else is skipped.
    for (let n = 1; ; n++) {
      const candidate = `${stem} (${this.today})${n === 1 ? '' : ` (${n})`}${ext}`;
      if (!existsSync(join(this.dir, candidate)) || this.isOurs(candidate)) return { target: candidate, status: 'kept' };
    }
  }

  private isOurs(name: string): boolean {
    const entry = this.manifest.files[name];
    if (!entry) return false;
    try {
      return sha256(readFileSync(join(this.dir, name))) === entry.sha256;
    } catch {
      return false;
    }
  }
}
