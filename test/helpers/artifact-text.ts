/** Reads back the words of generated artifacts with independent parsers (jszip + the XML text runs, mailparser), for audience scans. */
import JSZip from 'jszip';
import { simpleParser } from 'mailparser';

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/** The text runs of an OOXML part, one paragraph per line. */
function runs(xml: string, tag: 'a:t' | 'w:t', para: 'a:p' | 'w:p'): string {
  return xml.split(new RegExp(`</${para}>`)).map((p) => [...p.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => decode(m[1]!)).join('')).join('\n');
}

/** Every slide and every notes page of a .pptx, by part name. */
export async function pptxText(buffer: Buffer): Promise<{ part: string; text: string }[]> {
  const zip = await JSZip.loadAsync(buffer);
  const parts = Object.keys(zip.files).filter((n) => /^ppt\/(slides|notesSlides)\/[^/]+\.xml$/.test(n));
  return Promise.all(parts.map(async (part) => ({ part, text: runs(await zip.file(part)!.async('string'), 'a:t', 'a:p') })));
}

export async function docxText(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  return runs(await zip.file('word/document.xml')!.async('string'), 'w:t', 'w:p');
}

/** An .eml's subject, text part, HTML part and any text attachment (an .ics, say), as parsed by mailparser. */
export async function emlText(raw: Buffer | string): Promise<string> {
  const m = await simpleParser(raw);
  const attachments = m.attachments.filter((a) => /^text\//.test(a.contentType)).map((a) => a.content.toString('utf8'));
  return [m.subject ?? '', m.text ?? '', typeof m.html === 'string' ? m.html : '', ...attachments].join('\n');
}

/** The text of a Docs API document (every textRun), however deep in tables. */
export function googleDocText(doc: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const run = o.textRun as { content?: string } | undefined;
      if (run?.content) out.push(run.content);
      for (const [k, x] of Object.entries(o)) if (k !== 'textRun') walk(x);
    }
  };
  walk(doc);
  return out.join('');
}
