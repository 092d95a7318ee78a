/**
 * A recorded QBR as a small CSV (`qbr record --from record.csv`): one line per thing said, easy to type in a sheet.
 *
 *   Kind,Text,Owner,Side,Due,Sponsor,Next Step,Potential ARR
 *   held,2026-11-19
 *   attendee,Dana Lee (CFO)
 *   executive attendance,Green            (also: customer preparation, engagement)
 *   takeaway,Adoption stalled in EMEA     (one line each; they are joined in order)
 *   commitment,Run EMEA enablement,Sam Ortiz,Vendor,2026-12-05
 *   expansion,Analytics add-on,,,,Dana Lee,Demo in December,36000
 *
 * The header row is required (columns in any order, only Kind and Text are needed). Each problem is named by row and column.
 */
import { parseText } from '../tracker/cells';
import { normalizeName } from '../tracker/schema';
import type { Cell } from '../tracker/workbook';
import type { IsoDate } from '../dates';
import { parseRecordJson, type QbrRecord } from './record';

const COLUMNS = { kind: 'Kind', text: 'Text', owner: 'Owner', side: 'Side', due: 'Due', sponsor: 'Sponsor', nextStep: 'Next Step', potentialArr: 'Potential ARR' } as const;
type Column = keyof typeof COLUMNS;
const ALIASES: Record<string, Column> = { duedate: 'due', value: 'text', action: 'text', field: 'kind', potential: 'potentialArr', arr: 'potentialArr' };

const KINDS: Record<string, string> = {
  held: 'held', heldon: 'held', attendee: 'attendee', attendees: 'attendee',
  executiveattendance: 'executiveAttendance', customerpreparation: 'customerPreparation', engagement: 'engagement', engagementlevel: 'engagement',
  takeaway: 'takeaway', takeaways: 'takeaway', keytakeaway: 'takeaway',
  commitment: 'commitment', action: 'commitment', expansion: 'expansion', expansionpath: 'expansion', opportunity: 'expansion',
};

/** Same result and rules as the JSON form; errors say `row N, Column: …` (1-based rows as a sheet shows them). */
export function parseRecordCsv(rows: Cell[][], accountId: string, qbrDate: IsoDate): { record: QbrRecord | null; errors: string[] } {
  const headerAt = rows.findIndex((r) => r.some((c) => normalizeName(parseText(c) ?? '') === 'kind'));
  if (headerAt < 0) return { record: null, errors: [`row 1: no header row with a "Kind" column (expected ${Object.values(COLUMNS).join(', ')})`] };
  const col = new Map<Column, number>();
  rows[headerAt]!.forEach((c, i) => {
    const name = normalizeName(parseText(c) ?? '');
    const key = (Object.keys(COLUMNS) as Column[]).find((k) => normalizeName(COLUMNS[k]) === name) ?? ALIASES[name];
    if (key && !col.has(key)) col.set(key, i);
  });
  const errors: string[] = [];
  const at = (row: Cell[], k: Column) => (col.has(k) ? parseText(row[col.get(k)!] ?? null) : null);
  // The JSON form's reader does the checking; `where` maps its paths back to this file's rows and columns.
  const where = new Map<string, string>();
  const raw = { held: undefined as unknown, attendees: [] as unknown[], indicators: {} as Record<string, unknown>, takeaways: [] as string[], commitments: [] as unknown[], expansionPaths: [] as unknown[] };
  for (let r = headerAt + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const line = r + 1;
    const kindText = at(row, 'kind');
    if (kindText === null) {
      if (row.some((c) => parseText(c) !== null)) errors.push(`row ${line}, ${COLUMNS.kind}: empty; say what the line is (held, attendee, executive attendance, customer preparation, engagement, takeaway, commitment, expansion)`);
      continue;
    }
    const kind = KINDS[normalizeName(kindText).replace(/[^a-z]/g, '')];
    const text = at(row, 'text');
    const cell = (k: Column) => `row ${line}, ${COLUMNS[k]}`;
    switch (kind) {
      case 'held':
        where.set('held', cell('text'));
        raw.held = text;
        break;
      case 'attendee':
        if (text !== null) raw.attendees.push(text);
        break;
      case 'executiveAttendance': case 'customerPreparation': case 'engagement':
        where.set(`indicators.${kind}`, cell('text'));
        raw.indicators[kind] = text;
        break;
      case 'takeaway':
        if (text !== null) raw.takeaways.push(text);
        break;
      case 'commitment': {
        const n = raw.commitments.push({ action: text, owner: at(row, 'owner'), side: at(row, 'side'), due: at(row, 'due') });
        for (const k of ['action', 'owner', 'side', 'due'] as const) where.set(`commitments[${n}].${k}`, cell(k === 'action' ? 'text' : k));
        where.set(`commitments[${n}]`, cell('text'));
        break;
      }
      case 'expansion': {
        const arrText = at(row, 'potentialArr');
        const arr = arrText === null ? null : Number(arrText.replace(/[$€£,\s]/g, ''));
        const n = raw.expansionPaths.push({ opportunity: text, sponsor: at(row, 'sponsor'), nextStep: at(row, 'nextStep'), potentialArr: arrText === null ? null : Number.isFinite(arr) ? arr : arrText });
        for (const [k, c] of [['opportunity', 'text'], ['sponsor', 'sponsor'], ['nextStep', 'nextStep'], ['potentialArr', 'potentialArr']] as const) where.set(`expansionPaths[${n}].${k}`, cell(c));
        where.set(`expansionPaths[${n}]`, cell('text'));
        break;
      }
      default:
        errors.push(`row ${line}, ${COLUMNS.kind}: "${kindText}" is not one of held, attendee, executive attendance, customer preparation, engagement, takeaway, commitment, expansion`);
    }
  }
  const parsed = parseRecordJson({ ...raw, takeaways: raw.takeaways.join('\n') }, accountId, qbrDate);
  for (const e of parsed.errors) {
    const path = /^([\w.]+(?:\[\d+\])?(?:\.\w+)?)/.exec(e)?.[1] ?? '';
    const located = where.get(path) ?? where.get(path.replace(/\.\w+$/, ''));
    errors.push(located ? `${located}: ${e.slice(path.length).trim()}` : e);
  }
  return { record: errors.length > 0 ? null : parsed.record, errors };
}
