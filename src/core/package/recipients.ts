/** Who an email goes to (SPEC §4.3, §4.1): the customer side addressed, the vendor side copied, the absent left off and said so. */
import type { AccountReview } from '../analysis/types';
import { isMailbox } from '../mime/headers';
import { isUnavailable, peopleChanges } from './audience';
import type { Address } from './types';

export interface Recipients {
  to: Address[];
  cc: Address[];
  missing: string[];
}

/**
 * The champion and the customer attendees, cc the vendor attendees other than the sender (the CSM sends it, SPEC §4.3);
 * people without an email are named, not dropped silently.
 * Someone marked leaving or away is not addressed (SPEC §4.1): the other customer attendees are, or else the
 * executive sponsor; `skipped` says who was left off and why, for the prep brief.
 * `attended` (the record's attendees, SPEC §4.5): after the meeting, those who came count as the attendees, whatever
 * the Attending column said before it.
 */
export function recipients(r: AccountReview, attended: string[] | null = null): Recipients & { skipped: string[]; greet: string | null } {
  const changes = peopleChanges(r);
  const skipped: string[] = [];
  const to: Address[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (list: Address[], name: string | null, email: string | null, what: string) => {
    if (email === null || !isMailbox(email)) {
      if (name !== null) missing.push(`${what} ${name}: no valid email`);
      return;
    }
    const key = email.toLowerCase();
    if (seen.has(key)) return;
    const away = isUnavailable(changes, name);
    if (away && list === to) {
      skipped.push(`${name} (${away.role}, ${away.state === 'away' ? 'away' : 'leaving'}: ${away.evidence})`);
      return;
    }
    seen.add(key);
    list.push({ name, email });
  };
  // "Dana Lee (CFO)" in a record is the stakeholder Dana Lee.
  const came = attended && attended.length > 0 ? new Set(attended.map((a) => a.replace(/\([^)]*\)\s*$/, '').trim().toLowerCase())) : null;
  const attending = (p: { name: string; attending: boolean | null }) => (came ? came.has(p.name.trim().toLowerCase()) : p.attending === true);
  add(to, r.people.champion, r.people.championEmail, 'champion');
  for (const p of r.people.stakeholders) {
    if (p.side === 'Customer' && attending(p)) add(to, p.name, p.email, 'attendee');
  }
  if (to.length === 0 && skipped.length > 0 && r.people.executiveSponsor) {
    const sponsor = r.people.stakeholders.find((p) => p.name === r.people.executiveSponsor && p.side !== 'Vendor');
    add(to, r.people.executiveSponsor, sponsor?.email ?? null, 'executive sponsor');
  }
  if (r.people.champion === null && to.length === 0) missing.push('a champion with an email (Accounts, Champion Email)');
  const cc: Address[] = [];
  // The sender is the CSM: known by email, or by name when the tracker has no CSM email.
  const sender = (p: { name: string; email: string | null }) =>
    r.people.csmEmail ? p.email?.trim().toLowerCase() === r.people.csmEmail.trim().toLowerCase() : p.name === r.people.csm;
  for (const p of r.people.stakeholders) {
    if (p.side === 'Vendor' && attending(p) && !sender(p)) add(cc, p.name, p.email, 'attendee');
  }
  // Greet the champion, unless they are away: then the first person actually addressed.
  const greet = (isUnavailable(changes, r.people.champion) ? to[0]?.name : r.people.champion) ?? null;
  return { to, cc, missing, skipped, greet };
}
