/** Tiny HTML and plain-text builders for emails: every piece of sheet text goes through escapeHtml, styles are inline for mail clients. */

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
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
    const widths = columns.map((c, i) => Math.min(40, Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length))));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
    this.text.push(line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), '');
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
