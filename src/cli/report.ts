/** The manager's readable view of an analysis: one line per account, then the findings by tab and row, then what was skipped. */
import type { BookReview, Finding } from '../core';
import { field } from './terminal';

const multiple = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}x`);

export function renderBook(book: BookReview): string {
  const header = ['Account ID', 'Account', 'Segment', 'Health', 'ROI', 'Next QBR', 'Overdue', 'Findings'];
  const rows = book.accounts.map((a) => [
    field(a.id),
    field(a.name),
    a.segment,
    a.health.score === null ? '— (no data)' : `${a.health.band} ${a.health.score}`,
    multiple(a.value.roi),
    a.nextQbrDue ?? '—',
    a.overdue ? 'OVERDUE' : '',
    String(a.findings.length),
  ]);
  const out: string[] = [`QBR book as of ${book.today}: ${book.accounts.length} account(s) analysed, ${book.skipped.length} skipped`, ''];
  for (const line of table([header, ...rows])) out.push(line); // push(...lines) overflows the stack on big books

  const all: Finding[] = [...book.findings, ...book.accounts.flatMap((a) => a.findings)];
  if (all.length > 0) {
    out.push('', `Findings (${all.length}):`);
    const byTab = new Map<string, Finding[]>();
    for (const f of all) {
      const list = byTab.get(f.tab);
      if (list) list.push(f); // not a copy per finding: a tab with 50,000 findings would be quadratic
      else byTab.set(f.tab, [f]);
    }
    for (const [tab, list] of byTab) {
      out.push(`  ${field(tab)}`);
      for (const f of list.sort((x, y) => (x.row ?? 0) - (y.row ?? 0))) {
        const where = [f.row !== null ? `row ${f.row}` : null, f.column === null ? null : field(f.column)].filter(Boolean).join(', ');
        const value = f.value ? ` [${field(f.value)}]` : '';
        out.push(`    ${f.severity === 'error' ? 'ERROR  ' : 'warning'} ${where || '(tab)'}${value}: ${field(f.message)}`);
      }
    }
  }
  if (book.skipped.length > 0) {
    out.push('', 'Skipped:');
    for (const s of book.skipped) out.push(`  ${field(s.id)}: ${field(s.reason)}`);
  }
  return out.join('\n') + '\n';
}

export function table(rows: string[][]): string[] {
  // A reduce, not Math.max(...column): spreading a column of 100,000+ accounts overflows the call stack.
  const widths = rows[0]!.map((_, i) => rows.reduce((w, r) => Math.max(w, (r[i] ?? '').length), 0));
  return rows.map((r, n) => {
    const line = r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
    return n === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
  });
}
