/** Reads a whole tracker workbook into typed rows per tab, linked to accounts, with every finding collected. */
import type { Finding } from './findings';
import { parseTab } from './parse-tab';
import { normalizeName, TABS, type RowOf, type TabKey } from './schema';
import { readSettings, type Settings } from './settings';
import type { Workbook } from './workbook';

/** Tabs whose rows belong to one account. */
type LinkedTab = 'metrics' | 'outcomes' | 'value' | 'stakeholders' | 'risks' | 'opportunities' | 'goals' | 'actions' | 'qbrLog';

export interface Tracker {
  settings: Settings;
  /** Every Account ID in the Accounts tab, in sheet order, once each (including accounts that will be skipped). */
  accountIds: string[];
  /** Readable Accounts rows; an ID with an error finding may still have a row here (a duplicate) or none. */
  accounts: RowOf<'accounts'>[];
  /** `qbrRecord`: the QBR Log rows again, with the columns a recorded QBR fills (Held, attendance, indicators). */
  rows: { [K in LinkedTab]: RowOf<K>[] } & { roadmap: RowOf<'roadmap'>[]; qbrRecord: RowOf<'qbrRecord'>[] };
  /** The tab names found, keyed by spec. */
  tabs: Partial<Record<TabKey, string>>;
  /** Per tab, the header text as written, by the spec's header name normalised. */
  headers: Partial<Record<TabKey, Map<string, string>>>;
  findings: Finding[];
}

export function readTracker(workbook: Workbook): Tracker {
  const { settings, findings } = readSettings(workbook);
  const options = { dateOrder: settings.dateOrder };
  const tabs: Partial<Record<TabKey, string>> = {};
  const headers: Partial<Record<TabKey, Map<string, string>>> = {};

  const accountsTab = parseTab(workbook, 'accounts', options);
  if (accountsTab.tabName === null) {
    findings.push({ tab: TABS.accounts.name, row: null, column: null, value: null, severity: 'error', message: 'the workbook has no Accounts tab (every tracker needs one: Account ID, Account, ARR)' });
  } else {
    tabs.accounts = accountsTab.tabName;
    headers.accounts = accountsTab.headers;
  }

  // Account IDs match across tabs case-insensitively and ignoring surrounding spaces; the Accounts spelling wins.
  const canonical = new Map<string, string>();
  const accountIds: string[] = [];
  const note = (id: string) => {
    const k = id.trim().toUpperCase();
    if (!canonical.has(k)) {
      canonical.set(k, id);
      accountIds.push(id);
    }
  };
  // Sheet order: a row skipped for a missing value still takes its place among the accounts.
  const named = [
    ...accountsTab.findings.filter((f) => f.accountId !== undefined && f.row !== null).map((f) => ({ row: f.row!, id: f.accountId! })),
    ...accountsTab.rows.map((r) => ({ row: r.row, id: r.accountId })),
  ].sort((x, y) => x.row - y.row);
  for (const { id } of named) note(id);
  const firstRow = new Map<string, number>();
  for (const row of accountsTab.rows) {
    const k = row.accountId.trim().toUpperCase();
    const earlier = firstRow.get(k);
    if (earlier !== undefined) {
      findings.push({
        tab: accountsTab.tabName!, row: row.row, column: accountsTab.headers.get(normalizeName('Account ID')) ?? 'Account ID', value: row.accountId, severity: 'error', accountId: canonical.get(k) ?? row.accountId,
        message: `Account ID "${row.accountId}" is also used on row ${earlier}; both rows are skipped until one is renamed`,
      });
    } else {
      firstRow.set(k, row.row);
    }
    if (row.arr < 0) {
      findings.push({
        tab: accountsTab.tabName!, row: row.row, column: accountsTab.headers.get('arr') ?? 'ARR', value: String(row.arr), severity: 'error',
        accountId: canonical.get(k) ?? row.accountId, message: 'ARR cannot be negative; the account is skipped',
      });
    }
  }
  for (const f of accountsTab.findings) {
    findings.push(f.accountId === undefined ? f : { ...f, accountId: canonical.get(f.accountId.trim().toUpperCase())! });
  }
  const accounts = accountsTab.rows;
  for (const r of accounts) r.accountId = canonical.get(r.accountId.trim().toUpperCase())!;

  const link = <K extends LinkedTab | 'roadmap'>(key: K, optional: boolean): RowOf<K>[] => {
    const parsed = parseTab(workbook, key, options);
    if (parsed.tabName !== null) {
      tabs[key] = parsed.tabName;
      headers[key] = parsed.headers;
    }
    const idHeader = parsed.headers.get(normalizeName('Account ID')) ?? 'Account ID';
    const unknownRows = new Set<number>();
    const kept: RowOf<K>[] = [];
    for (const row of parsed.rows) {
      const id = (row as { accountId: string | null }).accountId;
      if (id === null && optional) {
        kept.push(row);
        continue;
      }
      const known = id === null ? undefined : canonical.get(id.trim().toUpperCase());
      if (known === undefined) {
        unknownRows.add(row.row);
        findings.push({ tab: parsed.tabName!, row: row.row, column: idHeader, value: id, severity: 'warning', message: `Account ID "${id}" is not in the Accounts tab; the row is skipped` });
        continue;
      }
      // parseTab made these rows for us alone, so they are relinked in place (no copy per row on big books).
      (row as { accountId: string }).accountId = known;
      kept.push(row);
    }
    for (const f of parsed.findings) {
      if (f.row !== null && unknownRows.has(f.row)) continue; // the row is skipped; its cells do not matter
      if (f.accountId !== undefined) {
        const known = canonical.get(f.accountId.trim().toUpperCase());
        if (known === undefined) {
          // A skipped row (a required value missing) that also names an unknown account: report it once, unlinked.
          const { accountId: _unknown, ...rest } = f;
          findings.push(rest);
          continue;
        }
        findings.push({ ...f, accountId: known });
      } else {
        findings.push(f);
      }
    }
    return kept;
  };

  const rows = {
    metrics: link('metrics', false),
    outcomes: link('outcomes', false),
    value: link('value', false),
    stakeholders: link('stakeholders', false),
    risks: link('risks', false),
    opportunities: link('opportunities', false),
    goals: link('goals', false),
    actions: link('actions', false),
    qbrLog: link('qbrLog', false),
    roadmap: link('roadmap', true),
    qbrRecord: recordRows(workbook, options, canonical, findings, headers),
  };
  return { settings, accountIds, accounts, rows, tabs, headers, findings };
}

/** The rows of one tab grouped by account, built once so per-account work stays linear on big books. */
export function groupByAccount<T extends { accountId?: string | null }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    if (row.accountId === null || row.accountId === undefined) continue;
    const list = groups.get(row.accountId);
    if (list) list.push(row);
    else groups.set(row.accountId, [row]);
  }
  return groups;
}

/**
 * The QBR Log read a second time for the record's columns (SPEC §4.5). Its Account ID and QBR Date problems were
 * reported by the first read, so only the record's own columns add findings; rows of unknown accounts are dropped.
 */
function recordRows(
  workbook: Workbook, options: { dateOrder: 'MDY' | 'DMY' }, canonical: Map<string, string>, findings: Finding[], headers: Tracker['headers'],
): RowOf<'qbrRecord'>[] {
  const parsed = parseTab(workbook, 'qbrRecord', options);
  if (parsed.tabName !== null) headers.qbrRecord = parsed.headers;
  const shared = new Set(['accountid', 'qbrdate'].map((k) => parsed.headers.get(k)).filter((h) => h !== undefined));
  const kept = parsed.rows.filter((r) => {
    const known = canonical.get(r.accountId.trim().toUpperCase());
    if (known !== undefined) r.accountId = known;
    return known !== undefined;
  });
  const rows = new Set(kept.map((r) => r.row));
  for (const f of parsed.findings) {
    if (f.column === null || shared.has(f.column) || (f.row !== null && !rows.has(f.row))) continue;
    findings.push(f.accountId === undefined ? f : { ...f, accountId: canonical.get(f.accountId.trim().toUpperCase()) ?? f.accountId });
  }
  return kept;
}
