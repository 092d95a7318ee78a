/** Gmail request builder: an email plan as a draft (create, or update the draft of an earlier run). Drafts only: nothing here sends. */
import { fnv1a } from '../core/mime/bytes';
import { sha1Hex } from '../core/package/sha1';
import { base64Url, buildMessage, type MimeAttachment } from '../core/mime/message';
import type { Address, EmailPlan } from '../core/package/types';
import type { ApiCall } from './types';

export interface DraftOptions {
  /** The draft an earlier run made (from the QBR Log's Draft ID), or null on a first run. */
  existingDraftId: string | null;
  /** Gmail fills in the account's own address when absent, which is what a CSM expects. */
  from?: Address;
  /** RFC 5322 date from the caller's clock (`rfc5322Date`): the builder never reads the time. */
  date: string;
  /** The name later calls use for the draft id (`${summaryDraftId}`). */
  bindAs: string;
  /** Sent with the message (the invitation's meeting request); the deck and docs are links in the body instead. */
  attachments?: MimeAttachment[];
}

/**
 * The call that leaves exactly one draft for this email: `drafts.create`, or `drafts.update` of the known
 * draft so a re-run replaces its content instead of adding a second draft. When the user has deleted that
 * draft, the update answers 404 and the fallback creates a fresh one.
 * @example draftCall(plan, { existingDraftId: null, date: 'Sun, 22 Nov 2026 09:30:00 +0000', bindAs: 'summaryDraftId' }).id
 *   // 'gmail.users.drafts.create'
 */
export function draftCall(plan: EmailPlan, opts: DraftOptions): ApiCall {
  const raw = rawMessage(plan, opts);
  const create: ApiCall = {
    id: 'gmail.users.drafts.create',
    params: { userId: 'me' },
    body: { message: { raw } },
    bind: { [opts.bindAs]: 'id' },
    note: `Draft the ${plan.kind} email "${plan.subject}"`,
  };
  if (opts.existingDraftId === null || opts.existingDraftId.trim() === '') return create;
  const id = opts.existingDraftId.trim();
  return {
    id: 'gmail.users.drafts.update',
    params: { userId: 'me', id },
    body: { id, message: { raw } },
    // The update answers with the same Draft resource, so later calls find the id under the same name either way.
    bind: { [opts.bindAs]: 'id' },
    note: `Update the ${plan.kind} email draft "${plan.subject}"`,
    fallback: { on: [404], call: create },
  };
}

/**
 * The message as Gmail's `raw` field takes it: base64url of the same RFC 5322 bytes the offline .eml writer
 * produces. The Message-ID is derived from the email's identity (kind, subject, recipients), not from a clock or
 * a random source: a re-run keeps the draft's Message-ID, and the same plan and date give the same bytes.
 */
export function rawMessage(plan: EmailPlan, opts: Pick<DraftOptions, 'from' | 'date' | 'attachments'>): string {
  const message = buildMessage({
    ...(opts.from ? { from: opts.from } : {}),
    to: plan.to,
    cc: plan.cc,
    subject: plan.subject,
    date: opts.date,
    messageId: messageIdOf(plan, opts.from),
    html: plan.html,
    text: plan.text,
    ...(opts.attachments && opts.attachments.length > 0 ? { attachments: opts.attachments } : {}),
  });
  return base64Url(message);
}

/** The draft's Message-ID (without brackets): the same for the same email, so a resumed run can find a draft it made. */
export function messageIdOf(plan: EmailPlan, from: Address | undefined): string {
  const identity = [plan.kind, plan.subject, ...plan.to.map((a) => a.email), '|', ...plan.cc.map((a) => a.email)].join('\n');
  return `qbr-${plan.kind}-${fnv1a(identity)}${fnv1a(`${identity}\u0001`)}@${domainOf(from)}`;
}

/** Finds a draft this tool made for the email (Gmail search by Message-ID), binding its id under `bindAs` when there is one. */
export function findDraftCall(plan: EmailPlan, from: Address | undefined, bindAs: string): ApiCall {
  return {
    id: 'gmail.users.drafts.list',
    params: { userId: 'me', q: `rfc822msgid:${messageIdOf(plan, from)}`, maxResults: 1 },
    bind: { [bindAs]: 'drafts.0.id' },
    note: `Look for the ${plan.kind} draft an interrupted run may have made`,
  };
}

/** The Message-ID's right-hand side: the sender's domain when known, else a reserved name that can never clash (RFC 2606). */
function domainOf(from: Address | undefined): string {
  const domain = from?.email.split('@')[1]?.trim().toLowerCase() ?? '';
  return /^[a-z0-9.-]+$/.test(domain) ? domain : 'qbr-facilitator.invalid';
}

export type DraftKind = 'summary' | 'invitation';
/** A draft the tool made, and the id of the message it last wrote in it (null for a row written before it was kept). */
export interface KnownDraft {
  id: string;
  messageId: string | null;
  /** A fingerprint of the email plan we last wrote (null when unknown): the same plan again needs no update. */
  content?: string | null;
}

/** The fingerprint of an email plan (deterministic: the run's clock, the Date header and DTSTAMP are not in it). */
export function draftContent(plan: EmailPlan): string {
  return sha1Hex(JSON.stringify(plan)).slice(0, 12);
}

/**
 * The QBR Log's Draft ID cell: `summary=r123/m456, invitation=r7/m8`. The message id after the slash came later: a
 * cell without it (an older run's) reads as before, and an older reader stops at the slash and still finds the id.
 */
export function parseDraftIds(cell: string): Partial<Record<DraftKind, KnownDraft>> {
  return Object.fromEntries([...cell.matchAll(/(summary|invitation)=([A-Za-z0-9_-]+)(?:\/([A-Za-z0-9_-]+))?(?:#([0-9a-f]+))?/g)].map((m) => [m[1], { id: m[2]!, messageId: m[3] ?? null, content: m[4] ?? null }]));
}

/** `summary=r123/m456#c0ffee…`: the content fingerprint after `#` came last, read as absent in older cells. */
export function draftIdsCell(drafts: Partial<Record<DraftKind, KnownDraft>>): string {
  return Object.entries(drafts).filter(([, d]) => d).map(([k, d]) => `${k}=${d!.id}${d!.messageId ? `/${d!.messageId}` : ''}${d!.messageId && d!.content ? `#${d!.content}` : ''}`).join(', ');
}

/**
 * Reads the draft's current message id (format=minimal: no body fetched) from the answer; null when the draft is
 * gone. Gmail gives a draft a new message id on every save, the user's autosave as much as drafts.update, so a
 * message id other than the one we last wrote means the CSM has edited the draft since. Nothing is bound: a dry
 * run's placeholder answer then holds no message id, and plans the update.
 */
export function draftMessageCall(draftId: string): ApiCall {
  return {
    id: 'gmail.users.drafts.get',
    params: { userId: 'me', id: draftId, format: 'minimal' },
    note: 'Check whether you edited the draft since the last run',
    fallback: { on: [404] },
  };
}

/** The warning for a draft kept because the CSM edited it. */
export function keptDraftNote(kind: DraftKind): string {
  return `${kind} draft: you edited it, so it was kept as you left it and not rewritten; to get the tool's new version, delete the draft and run again`;
}
