/** Writes one package's files into its folder with the offline renderers; returns the file names. */
import { readFileSync, writeFileSync } from 'node:fs';
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

const EMAIL_FILES = { summary: 'summary.eml', invitation: 'invitation.eml', 'digital-review': 'digital-review.eml' } as const;
const DOC_FILES = { 'pre-read': 'pre-read.docx', 'action-plan': 'action-plan.docx', 'prep-brief': 'prep-brief.docx' } as const;
const PACKAGE_FILES: Record<PackageFile, { name: string; type: string }> = {
  deck: { name: 'deck.pptx', type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  'pre-read': { name: DOC_FILES['pre-read'], type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  'action-plan': { name: DOC_FILES['action-plan'], type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
};

export async function writePackageFiles(dir: string, review: AccountReview, pkg: QbrPackage, now: Date): Promise<string[]> {
  const files: string[] = [];
  const write = (name: string, data: string | Buffer) => {
    writeFileSync(join(dir, name), data);
    files.push(name);
  };
  const defaultTimezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // The files first: the emails carry the deck and docs they point at as attachments (offline there is no link to follow).
  if (pkg.deck) write('deck.pptx', await renderDeck(pkg.deck, { locale: review.locale }));
  // The internal prep brief sits beside the customer docs; only the customer docs go into the emails (PACKAGE_FILES has no brief).
  for (const doc of [...pkg.docs, ...(pkg.prepBrief ? [pkg.prepBrief] : [])]) write(DOC_FILES[doc.kind], await renderDoc(doc));
  const from = review.people.csmEmail && isMailbox(review.people.csmEmail) ? { name: review.people.csm, email: review.people.csmEmail } : undefined;
  for (const email of pkg.emails) {
    write(EMAIL_FILES[email.kind], emlFor(email, { from, now, draft: true, attachments: attachmentsFor(email, dir, files, now, defaultTimezone) }));
  }
  if (pkg.holds.length > 0) {
    write('prep-holds.ics', icsFor(pkg.holds, { now, defaultTimezone, calendarName: `QBR ${review.name}` }));
  }
  return files;
}

/** The package files the email points at (those written this run) and, for the invitation, the meeting request. */
function attachmentsFor(email: EmailPlan, dir: string, written: string[], now: Date, defaultTimezone: string): MimeAttachment[] {
  const files = (email.attach ?? []).map((k) => PACKAGE_FILES[k]).filter((f) => written.includes(f.name))
    .map((f) => ({ filename: f.name, contentType: f.type, data: new Uint8Array(readFileSync(join(dir, f.name))) }));
  return email.meeting ? [...files, meetingAttachment(email.meeting, { now, defaultTimezone })] : files;
}
