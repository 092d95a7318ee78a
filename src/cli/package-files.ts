/** Writes one package's files into its folder with the offline renderers; returns the file names. */
import { existsSync, readFileSync } from 'node:fs';
import { isMailbox } from '../core/mime/headers';
import { join } from 'node:path';
import type { AccountReview } from '../core';
import { meetingAttachment } from '../core/mime/calendar';
import type { MimeAttachment } from '../core/mime/message';
import type { EmailPlan, PackageFile, QbrPackage } from '../core/package/types';
import { renderDoc } from '../render/docx';
import { emlFor } from '../render/eml';
import { icsFor } from '../render/ics';
import { renderDeck } from '../render/pptx';
import type { FolderWriter } from './manifest';

const EMAIL_FILES = { summary: 'summary.eml', invitation: 'invitation.eml', 'digital-review': 'digital-review.eml' } as const;
const DOC_FILES = { 'pre-read': 'pre-read.docx', 'action-plan': 'action-plan.docx', 'prep-brief': 'prep-brief.docx' } as const;
const PACKAGE_FILES: Record<PackageFile, { name: string; type: string }> = {
  deck: { name: 'deck.pptx', type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  'pre-read': { name: DOC_FILES['pre-read'], type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  'action-plan': { name: DOC_FILES['action-plan'], type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
};

/** Through `writer`, which puts this run's version beside any file the user changed; the emails attach this run's files. */
export async function writePackageFiles(dir: string, review: AccountReview, pkg: QbrPackage, now: Date, writer: FolderWriter): Promise<string[]> {
  const files: string[] = [];
  const writtenAs = new Map<string, string>();
  const write = (name: string, data: string | Uint8Array) => {
    writtenAs.set(name, writer.write(name, data));
    files.push(name);
  };
  const defaultTimezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // The files first: the emails carry the deck and docs they point at as attachments (offline there is no link to follow).
  if (pkg.deck) write('deck.pptx', await renderDeck(pkg.deck, { locale: review.locale }));
  // The internal prep brief sits beside the customer docs; only the customer docs go into the emails (PACKAGE_FILES has no brief).
  for (const doc of [...pkg.docs, ...(pkg.prepBrief ? [pkg.prepBrief] : [])]) write(DOC_FILES[doc.kind], await renderDoc(doc));
  const from = review.people.csmEmail && isMailbox(review.people.csmEmail) ? { name: review.people.csm, email: review.people.csmEmail } : undefined;
  for (const email of pkg.emails) {
    write(EMAIL_FILES[email.kind], emlFor(email, { from, now, draft: true, attachments: attachmentsFor(email, dir, writtenAs, now, defaultTimezone) }));
  }
  if (pkg.holds.length > 0) {
    write('prep-holds.ics', icsFor(pkg.holds, { now, defaultTimezone, calendarName: `QBR ${review.name}` }));
  }
  return files;
}

/** The package files the email points at (those written this run) and, for the invitation, the meeting request. */
function attachmentsFor(email: EmailPlan, dir: string, written: Map<string, string>, now: Date, defaultTimezone: string): MimeAttachment[] {
  // Attached under the package's name even when this run's version sits beside a file the user changed. A file this
  // run does not write (the deck, when `qbr record` rewrites the follow-up) is attached as it is in the folder.
  const files = (email.attach ?? []).map((k) => PACKAGE_FILES[k])
    .map((f) => ({ f, path: written.has(f.name) ? join(dir, written.get(f.name)!) : join(dir, f.name) }))
    .filter(({ f, path }) => written.has(f.name) || existsSync(path))
    .map(({ f, path }) => ({ filename: f.name, contentType: f.type, data: new Uint8Array(readFileSync(path)) }));
  return email.meeting ? [...files, meetingAttachment(email.meeting, { now, defaultTimezone })] : files;
}
