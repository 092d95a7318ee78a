/** Package plans: what a QBR package contains (deck, emails, holds, docs), independent of how any host makes it. */
import type { IsoDate } from '../dates';
import type { FigureChange, KeyFigures } from './changes';

/** A traffic-light tone for numbers and badges; renderers map it to their theme's colours. */
export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

export interface Kpi {
  label: string;
  /** Formatted for humans (`$220K`, `85`, `6.1x`), or the name of what is missing (`No data`). */
  value: string;
  /** A short trend or context line (`▲ +28% vs Q3`). */
  detail?: string;
  tone: Tone;
  /** Where the number comes from (`Metrics 2026-Q4, Active Users`). */
  source?: string;
}

export interface TableColumn {
  header: string;
  align?: 'left' | 'right' | 'center';
  /** Relative width (weights, not inches). */
  width?: number;
}

export interface TableCell {
  text: string;
  tone?: Tone;
  bold?: boolean;
}

export type Block =
  | { kind: 'kpis'; items: Kpi[] }
  | { kind: 'bullets'; title?: string; items: string[] }
  | { kind: 'text'; text: string; tone?: Tone }
  | { kind: 'table'; title?: string; columns: TableColumn[]; rows: TableCell[][]; empty: string }
  | {
      kind: 'chart'; title: string; chart: 'line' | 'bar';
      /** Quarter labels, oldest first (up to 4). */
      categories: string[];
      series: { name: string; values: (number | null)[] }[];
      /** How to show the numbers on the axis. */
      format: 'number' | 'percent' | 'score';
      /** The value axis's title with its unit (`Users`, `Score out of 100`), so a reader knows what the scale counts. */
      axisTitle?: string;
      empty: string;
    };

export interface SpeakerNotes {
  talkingPoints: string[];
  questions: string[];
  /** Coaching for our presenter ("name it before they do"): the prep brief's only, never on the shared deck (SPEC §4.0). */
  coaching?: string[];
}

export interface SlidePlan {
  /** Stable slide key (`title`, `agenda`, `exec-summary` …): also the template's slide tag. */
  key: string;
  title: string;
  subtitle?: string;
  /** `title` and `section` slides are laid out as covers; `content` slides hold blocks. */
  layout: 'title' | 'section' | 'content';
  blocks: Block[];
  notes: SpeakerNotes;
  /** Fields of this slide that had no data, named on the slide itself. */
  dataToConfirm: string[];
  /** Where the slide's numbers come from, in one line. */
  sources?: string;
}

export interface DeckPlan {
  variant: 'ebr' | 'enterprise' | 'midmarket' | 'smb';
  title: string;
  /** `GlobalTech · Quarterly Business Review · 2026-Q4`. */
  subtitle: string;
  accountName: string;
  slides: SlidePlan[];
}

export interface Address {
  name: string | null;
  email: string;
}

export interface EmailPlan {
  kind: 'summary' | 'invitation' | 'digital-review';
  to: Address[];
  cc: Address[];
  subject: string;
  /** Complete HTML body; all sheet text already escaped. */
  html: string;
  text: string;
  /** Recipients that could not be addressed (no email in the tracker), named for "data to confirm". */
  missingRecipients: string[];
  /** The package files this email points at: attached offline, linked (their URLs in the body) in Google. */
  attach?: PackageFile[];
  /** The meeting itself, sent along as an iCalendar REQUEST (the invitation). */
  meeting?: MeetingPlan | null;
}

export type PackageFile = 'deck' | 'pre-read' | 'action-plan';

/** The QBR meeting as the invitation proposes it (SPEC §4.3): organizer the CSM, attendees the invitees. */
export interface MeetingPlan {
  /** Stable across re-runs (account + QBR date): the calendar UID, so a re-sent request updates the meeting. */
  key: string;
  title: string;
  date: IsoDate;
  /** HH:MM local. */
  start: string;
  minutes: number;
  /** IANA zone, or null for "the user's own" (the host fills it in). */
  timezone: string | null;
  organizer: Address;
  attendees: Address[];
  /** The agenda, one line per section. */
  description: string;
}

export interface HoldPlan {
  /** Stable across re-runs: account + QBR date + step. */
  key: string;
  step: string;
  /** Days from the QBR (T-14 → -14). */
  offset: number;
  title: string;
  date: IsoDate;
  start: string; // HH:MM local
  end: string;
  /** IANA zone, or null for "the user's own". */
  timezone: string | null;
  description: string;
}

/** A step whose day had passed when the package was made: not created, listed for the CSM (prep brief, CLI). */
export interface MissedHold {
  key: string;
  step: string;
  offset: number;
  /** The working day the step would have had. */
  date: IsoDate;
}

export interface DocSection {
  heading: string;
  paragraphs?: string[];
  bullets?: string[];
  table?: { columns: string[]; rows: string[][] };
}

export interface DocPlan {
  kind: 'pre-read' | 'action-plan' | 'prep-brief';
  /** Who reads it (SPEC §4.0): customer docs may be shared with the champion; the prep brief never is. */
  audience: 'customer' | 'internal';
  title: string;
  subtitle: string;
  sections: DocSection[];
}

export interface QbrPackage {
  accountId: string;
  accountName: string;
  qbrDate: IsoDate;
  /** Why that date (`--qbr-date`, the QBR Date cell, the next due date, or the first weekday 21+ days out). */
  qbrDateBasis: string;
  deck: DeckPlan | null;
  emails: EmailPlan[];
  holds: HoldPlan[];
  /** Steps already past on the run's today, so not created (SPEC §4.3). */
  missedHolds: MissedHold[];
  /** Whose holidays the holds avoid, and any country the tracker named that could not be used. */
  holdCalendar: { country: string | null; basis: string };
  /** Customer-facing docs (pre-read, action plan): the only docs that may be shared. */
  docs: DocPlan[];
  /** The internal prep brief (SPEC §4.0): the CSM's only, never shared; null for a digital review. */
  prepBrief: DocPlan | null;
  /** Every warning of the account plus every deck field with no data. */
  dataToConfirm: string[];
  /** SPEC §4.1's contradictions as of the meeting (renewal before the QBR, short lead time, people leaving …). */
  warnings: string[];
  /** The key figures this package shows, kept with it so the next run can say what moved (SPEC §4.4). */
  figures?: KeyFigures;
  /** What moved since the previous generation, alerts first; null when there was none to compare with. */
  changes?: FigureChange[] | null;
}
