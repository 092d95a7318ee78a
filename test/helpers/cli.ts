/** The CLI run in-process with its output captured: exit code, stdout and stderr, on a fixed clock (Nov 22, 2026, noon local). */
import { run } from '../../src/cli/main';

export async function qbr(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), now: () => new Date(2026, 10, 22, 12) });
  return { code, stdout, stderr };
}
