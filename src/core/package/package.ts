/** The package facade: one AccountReview in, the whole QBR package as plans out (deck, emails, holds, docs, data to confirm). */
import type { AccountReview } from '../analysis/types';
import type { IsoDate } from '../dates';
import type { Finding } from '../tracker/findings';
import { planDeck } from './deck/deck';
import { actionPlanDoc, preReadDoc } from './docs';
import { digitalReviewEmail, invitationEmail, summaryEmail, type PackageLinks } from './emails';
import { workCalendar } from './holidays';
import { planHoldSchedule } from './holds';
import { chooseQbrDate } from './qbr-date';
import type { QbrPackage } from './types';

export interface PackageOptions {
  today: IsoDate;
  /** `--qbr-date` or the card's date picker. */
  qbrDate?: IsoDate | null;
  /** Where the deck and docs will be (URLs in Google, file names offline). */
  links?: PackageLinks;
  /** The team's default QBR length in minutes (add-on Settings); the agenda keeps its shares of it. */
  reviewMinutes?: number | null;
}

const NO_LINKS: PackageLinks = { deck: null, preRead: null, actionPlan: null };

/** A tracker warning as a line a CSM can act on: where, what, and the cell's value. */
export function describeFinding(f: Finding): string {
  const where = `${f.tab}${f.row !== null ? ` row ${f.row}` : ''}${f.column ? ` · ${f.column}` : ''}`;
  return `${where}: ${f.message}${f.value ? ` (cell: "${f.value}")` : ''}`;
}

export function buildPackage(r: AccountReview, options: PackageOptions): QbrPackage {
  const { today } = options;
  const links = options.links ?? NO_LINKS;
  const calendar = workCalendar({ accountCountry: r.holidayCountry.account, settingsCountry: r.holidayCountry.settings, timezone: r.timezone });
  const choice = chooseQbrDate(r, today, options.qbrDate, calendar.closed);
  const qbrDate = choice.date;
  const warnings = [...(choice.note ? [`QBR date: ${choice.note}; using ${qbrDate} (${choice.basis})`] : []), ...r.findings.map(describeFinding)];

  if (r.deck === null) {
    const email = digitalReviewEmail(r, qbrDate, today);
    return {
      accountId: r.id, accountName: r.name, qbrDate, qbrDateBasis: choice.basis,
      deck: null, emails: [email], holds: [], missedHolds: [], holdCalendar: { country: null, basis: 'no holds' }, docs: [],
      dataToConfirm: [...warnings, ...email.missingRecipients.map((m) => `Email recipients: ${m}`)],
    };
  }

  if (calendar.problem) warnings.push(`Calendar holds: ${calendar.problem}; ${calendar.country ? `using ${calendar.country} (${calendar.basis})` : 'only weekends are skipped'}`);
  const { holds, missed } = planHoldSchedule({
    accountId: r.id, accountName: r.name, variant: r.deck, qbrDate, timezone: r.timezone, reviewType: r.reviewType, deckLink: links.deck, today, calendar,
  });
  // The customer-facing follow-ups (the survey is an internal step).
  const followUps = holds.filter((h) => h.offset > 0 && h.offset !== 2).map((h) => ({ label: h.step, date: h.date }));
  const minutes = options.reviewMinutes ?? null;
  const deck = planDeck(r, qbrDate, today, { followUps, reviewMinutes: minutes }, warnings);
  const emails = [summaryEmail(r, qbrDate, today, holds, links), invitationEmail(r, qbrDate, today, links, minutes)];
  const missingRecipients = [...new Set(emails.flatMap((e) => e.missingRecipients))].map((m) => `Email recipients: ${m}`);
  const slideGaps = deck.slides.flatMap((s) => s.dataToConfirm.map((d) => `${s.title}: ${d}`));
  const dataToConfirm = [...warnings, ...slideGaps, ...missingRecipients];
  return {
    accountId: r.id, accountName: r.name, qbrDate, qbrDateBasis: choice.basis,
    deck, emails, holds, missedHolds: missed, holdCalendar: { country: calendar.country, basis: calendar.basis },
    docs: [preReadDoc(r, qbrDate, today, dataToConfirm, minutes), actionPlanDoc(r, qbrDate, today, holds)],
    dataToConfirm,
  };
}
