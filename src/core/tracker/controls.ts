/** Control characters in cell text: removed when the tracker is read (named as a finding), and shown visibly wherever text is echoed. */

// C0 controls except tab, LF and CR; DEL; the C1 block; the non-characters U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

const C0 = ['NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI', 'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US'];

/** The usual name of a control character: `NUL`, `ESC`, `DEL`, else `U+0085`. */
export function controlName(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return C0[code]!;
  if (code === 0x7f) return 'DEL';
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The text without the control characters no file format or terminal should get (tab and line breaks kept),
 * and the names of those removed, once each in order of appearance (empty when the text was clean).
 * @example withoutControls('AT&T\u0000\u001b[2J') // { text: 'AT&T[2J', removed: ['NUL', 'ESC'] }
 */
export function withoutControls(text: string): { text: string; removed: string[] } {
  if (!ANY_CONTROL.test(text)) return { text, removed: [] };
  const removed = new Set<string>();
  const clean = text.replace(CONTROL, (ch) => {
    removed.add(controlName(ch));
    return '';
  });
  return { text: clean, removed: [...removed] };
}

/**
 * The text with every control character (line breaks and tabs included) shown as a visible symbol:
 * U+2400 pictures for C0 (`␀`, `␛`, `␊`), `␡` for DEL, `⟨U+0085⟩` for the rest. For one-line echoes
 * (a terminal progress line, a finding's value) where a raw ESC would retitle or clear the terminal.
 * @example visible('a\u001b]0;x\u0007') // 'a␛]0;x␇'
 */
export function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `⟨${controlName(ch)}⟩`;
  });
}
