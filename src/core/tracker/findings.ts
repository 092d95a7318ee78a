/** Findings: every problem the tracker has, named by tab, 1-based row and header, never thrown. */

export type Severity = 'error' | 'warning';

export interface Finding {
  tab: string;
  /** The spreadsheet's 1-based row number, or null for a problem with the whole tab. */
  row: number | null;
  /** The header text as written in the sheet, or null for a problem with a whole row or tab. */
  column: string | null;
  /** The offending cell as text, or null. */
  value: string | null;
  message: string;
  severity: Severity;
  /** The account the finding belongs to, when it belongs to one (not part of the JSON contract). */
  accountId?: string;
}

/** The JSON shape of SPEC §6: the account link is implied by where the finding is listed. */
export function publicFinding(f: Finding): Omit<Finding, 'accountId'> {
  return { tab: f.tab, row: f.row, column: f.column, value: f.value, message: f.message, severity: f.severity };
}
