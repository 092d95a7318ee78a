/** The terminal boundary: sheet text echoed to stdout/stderr shows its control characters instead of obeying them. */
import { visible } from '../core/tracker/controls';
import type { CommandIo } from './io';

/** One field of a one-line message (an account's id or name): every control, line breaks included, made visible. */
export const field = (text: string): string => visible(text);

/**
 * The command's io with every control character but line feed and tab shown visibly, whatever prints it:
 * an ESC from a cell (`\x1b]0;…\x07` retitles the terminal, `\x1b[2J` clears it) or a CR that rewrites the line.
 */
export function terminalIo(io: CommandIo): CommandIo {
  // eslint-disable-next-line no-control-regex
  const shown = (text: string) => text.replace(/[^\n\t]+/g, (run) => (/[\u0000-\u001f\u007f-\u009f]/.test(run) ? visible(run) : run));
  return { ...io, stdout: (t) => io.stdout(shown(t)), stderr: (t) => io.stderr(shown(t)) };
}
