/** Tiny HTML and plain-text builders for emails: every piece of sheet text goes through escapeHtml, styles are inline for mail clients. */

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Mail clients wrap plain text near 78 characters; a table line longer than this would break its row in two. */
export const TEXT_WIDTH = 76;

/**
 * A table as plain-text lines no wider than TEXT_WIDTH: aligned columns when every row fits, else one block per
 * row (first cell as a bullet, the others as `Header: value` lines, long values wrapped under themselves).
 * Either way a mail client never has to wrap a row, which would tear its cells apart.
 */
export function textTable(columns: string[], rows: string[][]): string[] {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const all = [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  if (all.every((l) => [...l].length <= TEXT_WIDTH)) return all;
  return rows.flatMap((r) => [
    ...wrap(r[0] ?? '', '  • ', '    '),
    ...columns.slice(1).flatMap((h, i) => (r[i + 1] ? wrap(r[i + 1]!, `    ${h ? `${h}: ` : ''}`, '      ') : [])),
  ]);
}

/** Words filled to TEXT_WIDTH after a first-line prefix, later lines indented; a word longer than a line is cut. */
function wrap(text: string, first: string, rest: string): string[] {
  const out: string[] = [];
  // Any piece fits after either prefix, so no line can overflow (a long header just leaves less room).
  const room = Math.max(10, TEXT_WIDTH - Math.max(first.length, rest.length));
  let current = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const pieces: string[] = [];
    for (let w = word; w.length > 0; w = w.slice(room)) pieces.push(w.slice(0, room));
    for (const piece of pieces) {
      if (!empty && current.length + 1 + piece.length > TEXT_WIDTH) {
        out.push(current);
        current = rest + piece;
      } else {
        current += (empty ? '' : ' ') + piece;
      }
      empty = false;
    }
  }
  out.push(current.trimEnd());
  return out;
}

/** One email written twice, as HTML and as plain text, from the same parts. */
export class EmailBody {
  private html: string[] = [];
  private text: string[] = [];

  paragraph(s: string): this {
    this.html.push(`<p style="margin:0 0 12px">${escapeHtml(s).replace(/\n/g, "<br>")}</p>`);
    this.text.push(s, '');
    return this;
  }

  heading(s: string): this {
    this.html.push(`<h3 style="margin:20px 0 8px;color:#1F2A44;font-size:16px">${escapeHtml(s)}</h3>`);
    this.text.push(s.toUpperCase(), '');
    return this;
  }

  list(items: string[]): this {
    if (items.length === 0) return this;
    this.html.push(`<ul style="margin:0 0 12px;padding-left:20px">${items.map((i) => `<li style="margin:0 0 4px">${escapeHtml(i)}</li>`).join('')}</ul>`);
    this.text.push(...items.map((i) => `  • ${i}`), '');
    return this;
  }

  table(columns: string[], rows: string[][]): this {
    if (rows.length === 0) return this;
    const th = columns.map((c) => `<th style="text-align:left;padding:6px 10px;background:#1F2A44;color:#fff;font-weight:600">${escapeHtml(c)}</th>`).join('');
    const trs = rows.map((r, i) => `<tr style="background:${i % 2 ? '#F4F6F9' : '#fff'}">${r.map((c) => `<td style="padding:6px 10px;border-bottom:1px solid #E3E7ED">${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
    this.html.push(`<table style="border-collapse:collapse;margin:0 0 12px;font-size:13px">${`<tr>${th}</tr>`}${trs}</table>`);
    this.text.push(...textTable(columns, rows), '');
    return this;
  }

  link(label: string, href: string | null): this {
    // Only web and mail links become anchors; anything else (a file name offline) is shown as text.
    if (href === null) return this;
    if (!/^(https?:|mailto:)/i.test(href)) return this.paragraph(`${label}: ${href}`);
    this.html.push(`<p style="margin:0 0 12px"><a href="${escapeHtml(href)}" style="color:#0F9D9A">${escapeHtml(label)}</a></p>`);
    this.text.push(`${label}: ${href}`, '');
    return this;
  }

  render(): { html: string; text: string } {
    const html = `<!DOCTYPE html><html><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#1F2A44;max-width:680px">${this.html.join('\n')}</body></html>`;
    return { html, text: this.text.join('\n').trimEnd() + '\n' };
  }
}
