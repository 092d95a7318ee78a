/** Offline .eml writer: an EmailPlan as a message file that Outlook and Apple Mail open as an unsent draft. */
import { createHash } from 'node:crypto';
import { buildMessage, rfc5322Date, type MimeAttachment } from '../core/mime/message';
import type { Address, EmailPlan } from '../core/package/types';

export interface EmlOptions {
  from?: Address;
  /** The Date header's instant, written in UTC so the same run gives the same bytes on any machine. */
  now: Date;
  /** Mark the file `X-Unsent: 1` (default true): it opens as a draft and a human still presses send. */
  draft?: boolean;
  /** Files sent with the email (the deck and docs it points at, the meeting request): the body stays the first part. */
  attachments?: MimeAttachment[];
}

/**
 * The .eml text (CRLF line endings) for one planned email.
 * The Message-ID hashes the subject and recipients, so re-running for the same email gives the same id
 * and mail clients treat the files as one message rather than duplicates.
 */
export function emlFor(plan: EmailPlan, options: EmlOptions): string {
  const id = messageIdFor(plan);
  return buildMessage({
    from: options.from,
    to: plan.to,
    cc: plan.cc,
    subject: plan.subject,
    date: rfc5322Date(options.now.getTime()),
    messageId: id,
    html: plan.html,
    text: plan.text,
    headers: options.draft === false ? {} : { 'X-Unsent': '1' },
    boundarySeed: id,
    ...(options.attachments && options.attachments.length > 0 ? { attachments: options.attachments } : {}),
  });
}

/** `<hash>@qbr-facilitator.local` from the subject and the lower-cased To and Cc addresses. */
export function messageIdFor(plan: EmailPlan): string {
  const key = JSON.stringify({
    subject: plan.subject,
    to: plan.to.map((a) => a.email.toLowerCase()),
    cc: plan.cc.map((a) => a.email.toLowerCase()),
  });
  return `${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32)}@qbr-facilitator.local`;
}
