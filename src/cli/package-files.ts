/** Writes one package's files into its folder with the offline renderers; returns the file names. */
import { isMailbox } from '../core/mime/headers';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AccountReview } from '../core';
import type { QbrPackage } from '../core/package/types';
import { renderDoc } from '../render/docx';
import { emlFor } from '../render/eml';
import { icsFor } from '../render/ics';
import { renderDeck } from '../render/pptx';

const EMAIL_FILES = { summary: 'summary.eml', invitation: 'invitation.eml', 'digital-review': 'digital-review.eml' } as const;
const DOC_FILES = { 'pre-read': 'pre-read.docx', 'action-plan': 'action-plan.docx' } as const;

export async function writePackageFiles(dir: string, review: AccountReview, pkg: QbrPackage, now: Date): Promise<string[]> {
  const files: string[] = [];
  const write = (name: string, data: string | Buffer) => {
    writeFileSync(join(dir, name), data);
    files.push(name);
  };
  if (pkg.deck) write('deck.pptx', await renderDeck(pkg.deck, { locale: review.locale }));
  const from = review.people.csmEmail && isMailbox(review.people.csmEmail) ? { name: review.people.csm, email: review.people.csmEmail } : undefined;
  for (const email of pkg.emails) write(EMAIL_FILES[email.kind], emlFor(email, { from, now, draft: true }));
  if (pkg.holds.length > 0) {
    write('prep-holds.ics', icsFor(pkg.holds, { now, defaultTimezone: Intl.DateTimeFormat().resolvedOptions().timeZone, calendarName: `QBR ${review.name}` }));
  }
  for (const doc of pkg.docs) write(DOC_FILES[doc.kind], await renderDoc(doc));
  return files;
}
