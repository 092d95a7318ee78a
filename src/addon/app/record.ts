/** Recording a QBR from the add-on (SPEC §4.5): which QBR the account card offers to record, the form read back as a record, and the save. */
import type { AccountReview } from '../../core/analysis/types';
import { isIsoDate, type IsoDate } from '../../core/dates';
import { formatter } from '../../core/package/format';
import type { Indicator } from '../../core/program/program';
import type { QbrRecord } from '../../core/program/record';
import { parseDate } from '../../core/tracker/cells';
import type { Cell } from '../../core/tracker/workbook';
import { driveSync } from '../../google/execute';
import { recordQbr, type RecordQbrOutcome } from '../../google/record-run';
import type { LogRecord } from '../../google/tracker-io';
import { COMMITMENT_ROWS, INDICATORS, MAX_PATHS, MAX_ROWS, PATH_ROWS, recordCard, recordedCard } from '../cards/record-view';
import type { ActionResultSpec, CardSpec } from '../cards/spec';
import { addonHolidays } from '../gas/holidays';
import type { Host } from './host';
import { AddonStore } from './store';
import { OutOfTime } from '../gas/transport';

const SLOW = 'Google was slow and the card ran out of time before everything was saved. Press “Save the record” again: it finishes the job, and nothing already in the tracker is added twice.';
import type { Loaded } from './work';

/**
 * The QBR to record once it has taken place: the latest QBR Log date for the account on or before today, else the
 * account's QBR Date when it has passed; null while the QBR is still ahead.
 */
export function qbrToRecord(review: AccountReview, log: LogRecord[], today: IsoDate): IsoDate | null {
  let best: IsoDate | null = null;
  for (const r of log) {
    if (r.accountId !== review.id) continue;
    const d = parseDate(r.qbrDate as Cell);
    if (d.ok && d.value !== null && d.value <= today && (best === null || d.value > best)) best = d.value;
  }
  if (best !== null) return best;
  return review.qbrDate !== null && review.qbrDate <= today ? review.qbrDate : null;
}

const rowsParam = (v: string | undefined, fallback: number, max = MAX_ROWS) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
};

export interface RecordForm {
  review: AccountReview;
  qbrDate: IsoDate;
  params: Record<string, string>;
  form: Record<string, string>;
  /** Multi-valued inputs (the attendee check boxes). */
  lists: Record<string, string[]>;
}

/** The form card: fresh, or (after "add another" or a failed save) with what was typed. */
export function recordFormCard(f: RecordForm, errors: Record<string, string> = {}, notice: string | null = null): CardSpec {
  const keep = f.params.keep === 'yes' || Object.keys(errors).length > 0 || notice !== null;
  return recordCard({
    review: f.review, qbrDate: f.qbrDate, rows: rowsParam(f.params.rows, COMMITMENT_ROWS), paths: rowsParam(f.params.paths, PATH_ROWS, MAX_PATHS),
    ...(keep ? { typed: f.form, attendees: f.lists.attendees ?? [] } : {}), errors, notice,
  });
}

/** Money as a CSM types it: `36000`, `36,000`, `$36,000.50`; anything else is a field error, never a guess. */
function amount(text: string): number | null | 'bad' {
  const t = text.trim().replace(/^[$€£]\s*/, '').replace(/,(?=\d{3}\b)/g, '');
  if (t === '') return null;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : 'bad';
}

/** The form as a record, or the problems by field name (each shown under its field; nothing is saved). */
export function readRecordForm(f: RecordForm, today: IsoDate): { record: QbrRecord } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const v = (name: string) => (f.form[name] ?? '').trim();
  const held = v('held');
  if (!isIsoDate(held)) errors.held = 'Choose the day the QBR was held.';
  else if (held > today) errors.held = `The QBR cannot be recorded as held after today (${formatter(f.review.locale, f.review.currency).date(today)}).`;
  const indicators = Object.fromEntries(INDICATORS.map(([name]) => [name, (['Green', 'Yellow', 'Red'].includes(v(name)) ? v(name) : null) as Indicator | null])) as QbrRecord['indicators'];

  const commitments: QbrRecord['commitments'] = [];
  for (let i = 1; i <= rowsParam(f.params.rows, COMMITMENT_ROWS); i++) {
    const [action, owner, side, due] = ['action', 'owner', 'side', 'due'].map((k) => v(`c${i}${k}`)) as [string, string, string, string];
    if (action === '' && (owner !== '' || due !== '')) errors[`c${i}action`] = 'Write what was agreed, or clear this commitment’s owner and due date.';
    if (due !== '' && !isIsoDate(due)) errors[`c${i}due`] = 'Choose the due date from the calendar.';
    if (action !== '') commitments.push({ action, owner: owner || null, side: side || null, due: isIsoDate(due) ? due : null });
  }
  const expansionPaths: QbrRecord['expansionPaths'] = [];
  for (let i = 1; i <= rowsParam(f.params.paths, PATH_ROWS, MAX_PATHS); i++) {
    const [opportunity, sponsor, nextStep, arrText] = ['opportunity', 'sponsor', 'next', 'arr'].map((k) => v(`p${i}${k}`)) as [string, string, string, string];
    const arr = amount(arrText);
    if (arr === 'bad') errors[`p${i}arr`] = `Write the potential ARR as a number, like 36000 (not “${arrText}”).`;
    if (opportunity === '' && (sponsor !== '' || nextStep !== '' || arrText !== '')) errors[`p${i}opportunity`] = 'Name the opportunity, or clear this path’s other fields.';
    if (opportunity !== '') expansionPaths.push({ opportunity, sponsor: sponsor || null, nextStep: nextStep || null, potentialArr: arr === 'bad' ? null : arr });
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    record: {
      accountId: f.review.id, qbrDate: f.qbrDate, held, attendees: f.lists.attendees ?? [], indicators, takeaways: f.form.takeaways ?? '', commitments, expansionPaths,
    },
  };
}

/** Save: the record to the tracker, then the follow-up rewritten; the results card replaces the form (Back leads to the account). */
export function saveRecord(host: Host, loaded: Loaded, f: RecordForm): ActionResultSpec {
  const read = readRecordForm(f, loaded.today);
  if ('errors' in read) return { navigation: { update: recordFormCard(f, read.errors) }, notification: 'Some fields need fixing: nothing was saved' };
  const store = new AddonStore(host.store);
  const settings = store.settings();
  let out: RecordQbrOutcome | { error: string };
  try {
    out = driveSync(recordQbr({
      exec: loaded.exec, tracker: loaded.tracker, record: read.record, today: loaded.today, now: new Date(host.now()),
      defaultTimezone: settings.timezone ?? host.timezone, folderId: settings.folderId, holidays: addonHolidays(), reviewMinutes: settings.defaultLengthMinutes,
    }), loaded.transport);
  } catch (e) {
    if (!(e instanceof OutOfTime)) throw e;
    // The form stays as typed: saving again finishes the job, and nothing already in the tracker is added twice.
    return { navigation: { update: recordFormCard(f, {}, SLOW) }, notification: 'Google was slow: press Save again' };
  }
  if ('error' in out) return { navigation: { update: recordFormCard(f, { held: out.error }) }, notification: 'Nothing was saved' };
  const tracker = store.tracker();
  return {
    navigation: {
      pop: true,
      push: recordedCard({
        accountName: f.review.name, locale: f.review.locale, appended: out.appended, alreadyThere: out.alreadyThere, summaryDraft: out.summaryDraft,
        actionPlanUrl: out.actionPlanUrl, checkIns: out.checkIns, warnings: [...out.warnings, ...out.notes],
        trackerUrl: tracker ? `https://docs.google.com/spreadsheets/d/${tracker}/edit` : null,
      }),
    },
    notification: 'QBR recorded',
  };
}
