/** The advanced-service calling convention of each method the package uses, derived from the discovery documents. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoveryDir } from '../fake-google/discovery';

export const USED_METHODS = [
  'slides.presentations.create', 'slides.presentations.get', 'slides.presentations.batchUpdate',
  'drive.files.copy', 'drive.files.create', 'drive.files.get', 'drive.files.update', 'drive.files.list', 'drive.permissions.create',
  'docs.documents.get', 'docs.documents.batchUpdate',
  'gmail.users.drafts.create', 'gmail.users.drafts.update', 'gmail.users.drafts.list', 'gmail.users.drafts.get',
  'calendar.events.insert', 'calendar.events.get', 'calendar.events.patch', 'calendar.events.list',
  'sheets.spreadsheets.get', 'sheets.spreadsheets.create', 'sheets.spreadsheets.batchUpdate', 'sheets.spreadsheets.values.batchGet', 'sheets.spreadsheets.values.batchUpdate',
];

const FILES: Record<string, string> = { slides: 'slides-v1.json', drive: 'drive-v3.json', docs: 'docs-v1.json', gmail: 'gmail-v1.json', calendar: 'calendar-v3.json', sheets: 'sheets-v4.json' };

interface Resource { methods?: Record<string, { id: string; parameterOrder?: string[]; request?: unknown; supportsMediaUpload?: boolean }>; resources?: Record<string, Resource> }

export function gasMethodTable(dir = discoveryDir()): Record<string, { path: string[]; order: string[]; body: boolean; media: boolean }> {
  const out: Record<string, { path: string[]; order: string[]; body: boolean; media: boolean }> = {};
  for (const id of USED_METHODS) {
    const api = id.split('.')[0]!;
    const doc = JSON.parse(readFileSync(join(dir, FILES[api]!), 'utf8')) as Resource;
    const found = find(doc, id, []);
    if (!found) throw new Error(`${id} is not in ${FILES[api]}`);
    const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
    // Apps Script names `delete` methods `remove`; uploads take a media Blob (or null) before optionalArgs.
    const name = found.name === 'delete' ? 'remove' : found.name;
    out[id] = { path: [cap(api), ...found.path.map(cap), name], order: found.method.parameterOrder ?? [], body: found.method.request !== undefined, media: found.method.supportsMediaUpload === true };
  }
  return out;
}

function find(r: Resource, id: string, path: string[]): { path: string[]; name: string; method: { parameterOrder?: string[]; request?: unknown; supportsMediaUpload?: boolean } } | null {
  for (const [name, m] of Object.entries(r.methods ?? {})) if (m.id === id) return { path, name, method: m };
  for (const [name, sub] of Object.entries(r.resources ?? {})) {
    const hit = find(sub, id, [...path, name]);
    if (hit) return hit;
  }
  return null;
}
