/** The after-the-QBR cards (SPEC §4.5) as data: the record form read back, its errors placed under their fields, the program card's words and size. */
import { join } from 'node:path';
import { analyzeWorkbook, programOfWorkbook, type Cell } from '../../src/core';
import type { Metric, ProgramView } from '../../src/core/program/program';
import { qbrToRecord, readRecordForm, recordFormCard, type RecordForm } from '../../src/addon/app/record';
import { programCard, MAX_PROGRAM_CSMS } from '../../src/addon/cards/program-view';
import { MAX_CARD_WIDGETS } from '../../src/addon/cards/manager-view';
import type { CardSpec, WidgetSpec } from '../../src/addon/cards/spec';
import type { LogRecord } from '../../src/google/tracker-io';
import { readCsvFolder } from '../../src/workbook/csv';
import { book } from '../core/book';

const TODAY = '2026-12-11';
const example = analyzeWorkbook(readCsvFolder(join(__dirname, '../../examples/tracker-csv')), { today: TODAY });
const globaltech = example.accounts.find((a) => a.id === 'ACC-001')!;
const widgets = (c: CardSpec) => c.sections.flatMap((s) => s.widgets);
const count = (c: CardSpec) => widgets(c).length;

const form = (fields: Record<string, string>, params: Record<string, string> = {}, attendees: string[] = []): RecordForm => ({
  review: globaltech, qbrDate: '2026-12-10', params: { accountId: 'ACC-001', qbrDate: '2026-12-10', rows: '3', paths: '1', ...params }, form: fields, lists: { attendees },
});

describe('the record form read back', () => {
  it('is a record: filled rows only, amounts as a CSM types them, indicators as chosen', () => {
    const got = readRecordForm(form({
      held: '2026-12-10', executiveAttendance: 'Yellow', customerPreparation: '', engagement: 'Red', takeaways: 'EMEA stalled\nCFO wants a sync',
      c1action: 'Run EMEA enablement', c1owner: 'Maya Patel', c1side: 'Vendor', c1due: '2026-12-17',
      c3action: '  Name a champion ', c3side: 'Customer',
      p1opportunity: 'Analytics add-on', p1arr: '$36,000.50',
    }, {}, ['Priya Raman']), TODAY);
    expect(got).toEqual({
      record: {
        accountId: 'ACC-001', qbrDate: '2026-12-10', held: '2026-12-10', attendees: ['Priya Raman'],
        indicators: { executiveAttendance: 'Yellow', customerPreparation: null, engagement: 'Red' }, takeaways: 'EMEA stalled\nCFO wants a sync',
        commitments: [
          { action: 'Run EMEA enablement', owner: 'Maya Patel', side: 'Vendor', due: '2026-12-17' },
          { action: 'Name a champion', owner: null, side: 'Customer', due: null },
        ],
        expansionPaths: [{ opportunity: 'Analytics add-on', sponsor: null, nextStep: null, potentialArr: 36000.5 }],
      },
    });
  });

  it('names each problem under its field and keeps what was typed', () => {
    const f = form({ held: '2026-12-12', c2owner: 'Sam', c2due: '2026-12-20', p1arr: '36k', p1sponsor: 'Dana' });
    const got = readRecordForm(f, TODAY);
    expect(got).toEqual({
      errors: {
        held: 'The QBR cannot be recorded as held after today (Dec 11, 2026).',
        c2action: 'Write what was agreed, or clear this commitment’s owner and due date.',
        p1arr: 'Write the potential ARR as a number, like 36000 (not “36k”).',
        p1opportunity: 'Name the opportunity, or clear this path’s other fields.',
      },
    });
    const card = recordFormCard(f, (got as { errors: Record<string, string> }).errors);
    const all = widgets(card);
    const at = (name: string) => all.findIndex((w) => 'name' in w && w.name === name);
    // The message sits right under its field, in red; the typed value is still in the field.
    expect(all[at('p1arr') + 1]).toEqual({ kind: 'text', html: '<font color="#C62828">Write the potential ARR as a number, like 36000 (not “36k”).</font>' });
    expect(all[at('p1arr')]).toMatchObject({ value: '36k' });
    expect(all[at('c2owner')]).toMatchObject({ value: 'Sam' });
    expect(all[at('held')]).toMatchObject({ kind: 'date', value: '2026-12-12' });
    expect(JSON.stringify(card.sections[0])).toContain('4 fields to fix before saving');
  });

  it('stays within Card v1’s 100 widgets at its largest (8 commitments, 4 paths), with an error under every field that can have one', () => {
    const fields: Record<string, string> = { held: '2027-01-01' };
    for (let i = 1; i <= 8; i++) Object.assign(fields, { [`c${i}owner`]: 'x', [`c${i}due`]: 'soon' });
    for (let i = 1; i <= 4; i++) fields[`p${i}arr`] = 'lots';
    const f = form(fields, { rows: '99', paths: '99' });
    const got = readRecordForm(f, TODAY) as { errors: Record<string, string> };
    expect(Object.keys(got.errors)).toHaveLength(1 + 8 * 2 + 4 * 2);
    const card = recordFormCard(f, got.errors);
    expect(widgets(card).filter((w) => 'name' in w && w.name === 'c8action')).toHaveLength(1);
    expect(count(card)).toBeLessThanOrEqual(MAX_CARD_WIDGETS);
  });
});

describe('which QBR the account card offers to record', () => {
  const log = (qbrDate: unknown): LogRecord => ({ accountId: 'ACC-001', qbrDate, deckUrl: '', docUrl: '', draftId: '', eventIds: '', generatedAt: '', keyFigures: '', deckRecord: '', docRecord: '' });
  it('the latest QBR Log date on or before today, else the account’s QBR Date once passed, else none', () => {
    expect(qbrToRecord(globaltech, [log('2026-09-10'), log('2026-12-10'), log('2027-03-10')], TODAY)).toBe('2026-12-10');
    expect(qbrToRecord({ ...globaltech, qbrDate: '2026-12-01' }, [], TODAY)).toBe('2026-12-01');
    expect(qbrToRecord({ ...globaltech, qbrDate: '2026-12-12' }, [log('2027-01-05')], TODAY)).toBeNull();
  });
});

const metric = (value: number | null, of: number, total: number, met: boolean | null, target: Metric['target'], noData: string | null = null): Metric => ({
  value, target, met, noData, count: value === null ? null : { of, total }, accounts: [{ accountId: 'A1', qbrDate: '2026-09-15', counted: 'x' }, { accountId: 'A3', qbrDate: '2026-10-05', counted: 'y' }],
});

describe('the program card', () => {
  const view: ProgramView = {
    today: '2026-11-22', window: { from: '2025-11-22', to: '2026-11-22' },
    schedule: [{ csm: 'Ana', scheduled: [{ accountId: 'A1', date: '2026-12-10' }], held: [], overdue: [{ accountId: 'A6', due: '2026-06-01' }] }],
    metrics: {
      executiveAttendance: metric(4 / 6, 4, 6, false, { min: 0.8 }),
      commitmentCompletion: metric(null, 0, 0, null, { min: 0.85 }, 'no QBR commitment is due yet'),
      expansionShare: metric(2 / 6, 2, 6, true, { min: 0.3, max: 0.4 }),
      healthChange: metric(5, 2, 2, true, { min: 5 }),
    },
    expansionByQuarter: [{ quarter: '2026-Q3', arr: 50000, accounts: [{ accountId: 'A1', qbrDate: '2026-09-15', opportunity: 'x', potentialArr: 40000 }, { accountId: 'A1', qbrDate: '2026-09-15', opportunity: 'y', potentialArr: 10000 }] }],
    expansionNoData: null, findings: [],
  };

  it('says each metric and its verdict in words, with its target (4 of 6 → 67 % against 80 %)', () => {
    const [metrics, expansion, schedule] = programCard({ view, locale: 'en-US', currency: 'USD' }).sections;
    expect(metrics!.widgets).toEqual([
      { kind: 'kv', topLabel: 'Executive attendance', text: '<b>67 % (4 of 6)</b> · <font color="#C62828"><b>below target</b></font>', bottomLabel: 'Target 80 % or more · A1, A3' },
      { kind: 'kv', topLabel: 'QBR commitments completed', text: '<font color="#5F6368">Not enough data</font>', bottomLabel: 'Target 85 % or more · no QBR commitment is due yet' },
      { kind: 'kv', topLabel: 'QBRs with an expansion path', text: '<b>33 % (2 of 6)</b> · <font color="#2E7D32"><b>on target</b></font>', bottomLabel: 'Target 30–40 % · A1, A3' },
      { kind: 'kv', topLabel: 'Health change, QBR quarter → next', text: '<b>+5 points (2 QBRs)</b> · <font color="#2E7D32"><b>on target</b></font>', bottomLabel: 'Target +5 points · A1, A3' },
    ]);
    expect(expansion!.widgets).toEqual([{ kind: 'kv', topLabel: '2026-Q3', text: '<b>$50K</b>', bottomLabel: '2 paths at 1 account' }]);
    expect(schedule!.widgets[1]).toEqual({ kind: 'kv', startIcon: 'PERSON', text: 'Ana', bottomLabel: '1 scheduled · 0 held · 1 overdue' });
  });

  it('stays within 100 widgets for a 500-account book of 40 CSMs', () => {
    const accounts: Cell[][] = [['Account ID', 'Account', 'ARR', 'QBR Date', 'Last QBR Date', 'CSM']];
    const log: Cell[][] = [['Account ID', 'QBR Date', 'Held', 'Executive Attendance']];
    const opps: Cell[][] = [['Account ID', 'Opportunity', 'Potential ARR', 'Linked To']];
    for (let i = 0; i < 500; i++) {
      const id = `A${i}`;
      const last = `2026-${String(1 + (i % 10)).padStart(2, '0')}-15`;
      accounts.push([id, `Account ${i}`, 50000, `2026-12-${String(1 + (i % 28)).padStart(2, '0')}`, last, `CSM ${i % 40}`]);
      log.push([id, last, last, ['Green', 'Yellow', 'Red'][i % 3]!]);
      if (i % 3 === 0) opps.push([id, `Upsell ${i}`, 10000, last]);
    }
    const big = programOfWorkbook(book({ Accounts: accounts, 'QBR Log': log, Opportunities: opps }), '2026-11-22');
    expect(big.schedule).toHaveLength(40);
    const card = programCard({ view: big, locale: 'en-US', currency: 'USD' });
    expect(count(card)).toBeLessThanOrEqual(MAX_CARD_WIDGETS);
    const csms = card.sections.find((s) => s.header === 'QBRs per CSM')!.widgets;
    expect(csms.filter((w: WidgetSpec) => w.kind === 'kv')).toHaveLength(MAX_PROGRAM_CSMS);
    expect(JSON.stringify(csms.at(-1))).toContain('15 more CSMs');
    // 167 of 500 QBRs recorded Green (i % 3 === 0).
    expect(JSON.stringify(card.sections[0]!.widgets[0])).toContain('33 % (167 of 500)');
  });
});
