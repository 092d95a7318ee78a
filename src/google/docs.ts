/** Docs request builders: a doc plan (pre-read, action plan) as a new Google Doc built in one batchUpdate, and sharing it as commenter. */
import type { DocPlan, DocSection } from '../core/package/types';
import { fileMetadata, keepAsPreviousCall, type AppProperties } from './drive';
import type { ApiCall } from './types';

export interface DocCallOptions {
  folderId: string | null;
  /** The name later calls use for the new document's id (`${preReadDocId}`). */
  bindAs: string;
  /** The doc an earlier run made for this plan, renamed "… (previous)" once the new one is built (never trashed). */
  existingDocId: string | null;
  /** Tags for finding the doc on a later run (see findByAppPropertyCall). */
  appProperties?: AppProperties;
}

type NamedStyle = 'TITLE' | 'SUBTITLE' | 'HEADING_1' | 'NORMAL_TEXT';

/**
 * Create an empty Doc through Drive (so it lands in the QBR folder), fill it with ONE documents.batchUpdate,
 * and set aside as "… (previous)" the doc it replaces. A re-run normally refreshes the doc the QBR Log points at in
 * place (doc-record.ts); a new doc is made only when that one is gone or has no record of what the tool wrote (an
 * older run), and then the old one is renamed, never trashed: the CSM may have written in it (SPEC §4.4).
 */
export function docCalls(plan: DocPlan, opts: DocCallOptions): ApiCall[] {
  const calls: ApiCall[] = [
    {
      id: 'drive.files.create',
      params: { supportsAllDrives: true },
      body: fileMetadata(plan.title, 'application/vnd.google-apps.document', opts.folderId, opts.appProperties),
      bind: { [opts.bindAs]: 'id' },
      note: `Create the ${plan.kind} doc "${plan.title}"`,
    },
    {
      id: 'docs.documents.batchUpdate',
      params: { documentId: `\${${opts.bindAs}}` },
      body: { requests: docRequests(plan) },
      note: `Write the ${plan.kind} doc`,
    },
  ];
  const old = opts.existingDocId?.trim();
  if (old) calls.push(keepAsPreviousCall(old, plan.title, opts.appProperties?.qbrPackage));
  return calls;
}

/**
 * Share a doc with the champion as commenter (read and comment, never edit, SPEC §1). Drive's notification
 * email is off: the tool sends no email; the CSM introduces the doc in their own words.
 */
export function shareCall(docId: string, email: string): ApiCall {
  return {
    id: 'drive.permissions.create',
    params: { fileId: docId, sendNotificationEmail: false, supportsAllDrives: true },
    body: { type: 'user', role: 'commenter', emailAddress: email.trim() },
    note: `Share the doc with ${email.trim()} as commenter`,
  };
}

/**
 * The batchUpdate requests that build the plan in a new, empty document, front to back. A new document's body
 * is a section break [0,1) and one empty paragraph [1,2); every insertion goes at `at`, the start of that last
 * paragraph, so text written earlier never moves and each range is known when its style request is made.
 * Indices are UTF-16 code units (Location.index), which is what JavaScript's `length` counts.
 */
export function docRequests(plan: DocPlan): unknown[] {
  const w = writerAt(1);
  w.block([oneLine(plan.title)], 'TITLE');
  if (plan.subtitle.trim() !== '') w.block([oneLine(plan.subtitle)], 'SUBTITLE');
  for (const section of plan.sections) w.section(section);
  return w.requests;
}

/**
 * Sections written into the empty paragraph that starts at `at` (a new doc's last one, or one typed into a doc the
 * CSM edited), front to back, exactly as a fresh fill writes them; that empty paragraph stays after them.
 */
export function sectionRequests(sections: DocSection[], at: number): unknown[] {
  const w = writerAt(at);
  for (const section of sections) w.section(section);
  return w.requests;
}

function writerAt(start: number) {
  const requests: unknown[] = [];
  let at = start;

  const block = (lines: string[], style: NamedStyle, bullets = false): void => {
    if (lines.length === 0) return;
    const text = `${lines.join('\n')}\n`;
    const range = { startIndex: at, endIndex: at + text.length };
    requests.push({ insertText: { location: { index: at }, text } });
    requests.push({ updateParagraphStyle: { range, paragraphStyle: { namedStyleType: style }, fields: 'namedStyleType' } });
    if (bullets) requests.push({ createParagraphBullets: { range, bulletPreset: 'BULLET_DISC_CIRCLE_SQUARE' } });
    at += text.length;
  };

  const table = (t: NonNullable<DocSection['table']>): void => {
    const cols = t.columns.length;
    if (cols === 0) return;
    const grid = [t.columns, ...t.rows].map((row) => t.columns.map((_, c) => oneLine(row[c] ?? '')));
    const rows = grid.length;
    requests.push({ insertTable: { location: { index: at }, rows, columns: cols } });
    // InsertTableRequest.location: "A newline character will be inserted before the inserted table, therefore
    // the table start index will be at the specified location index + 1."
    const start = at + 1;
    // Docs guide "Work with tables" (developers.google.com/workspace/docs/api/how-tos/tables), index offsets of
    // a 2x2 table starting at S with empty cells: table [S, S+12), row 0 [S+1, S+6), cell (0,0) [S+2, S+4)
    // holding its paragraph [S+3, S+4), cell (0,1) [S+4, S+6), row 1 [S+6, S+11), cell (1,1) paragraph S+10.
    // So a row is 1 + 2C units, a cell 2 (its start and its "\n"), and the table adds 1 before and 1 after its rows:
    //   paragraph of cell (r, c) = S + 1 + r*(1 + 2C) + 1 + 2c + 1 = S + 3 + r*(2C + 1) + 2c
    //   end of the empty table   = S + 2 + R*(2C + 1)
    // Cells are filled from the last to the first, so each insertion lands before nothing that is still to be
    // written and every computed index stays valid; it also means no cell text inherits the header row's bold.
    const cellIndex = (r: number, c: number): number => start + 3 + r * (2 * cols + 1) + 2 * c;
    let written = 0;
    for (let r = rows - 1; r >= 0; r--) {
      for (let c = cols - 1; c >= 0; c--) {
        const text = grid[r]?.[c] ?? '';
        if (text === '') continue;
        const index = cellIndex(r, c);
        requests.push({ insertText: { location: { index }, text } });
        if (r === 0) {
          requests.push({ updateTextStyle: { range: { startIndex: index, endIndex: index + text.length }, textStyle: { bold: true }, fields: 'bold' } });
        }
        written += text.length;
      }
    }
    at = start + 2 + rows * (2 * cols + 1) + written;
  };

  const section = (s: DocSection): void => {
    block([oneLine(s.heading)], 'HEADING_1');
    block((s.paragraphs ?? []).map(paragraph), 'NORMAL_TEXT');
    block((s.bullets ?? []).map(oneLine), 'NORMAL_TEXT', true);
    if (s.table) table(s.table);
  };
  return { requests, block, section };
}

/**
 * Text as Docs should receive it: no control characters (Docs rejects most of them, and `\v` is its own soft
 * break), and no tabs, because createParagraphBullets turns leading tabs into nesting and deletes them,
 * which would shift every index after them.
 */
function clean(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''); // eslint-disable-line no-control-regex
}

/** A paragraph may hold line breaks: each becomes its own paragraph in the same style. */
export function paragraph(s: string): string {
  return clean(s);
}

/** A title, heading, bullet or cell stays one line (a break would make a second heading, bullet or cell paragraph). */
export function oneLine(s: string): string {
  return clean(s).replace(/\s*\n\s*/g, ' ').trim();
}
