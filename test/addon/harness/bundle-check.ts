/**
 * A static look at a bundle for what Apps Script's V8 runtime does not have: module syntax, Node globals, timers, web APIs.
 * It is a line-by-line regex scan: a match inside a string literal or a block comment is reported too (only lines that
 * start with `//` or `*` are skipped), so a hit is a thing to look at, not proof of a bug.
 */

const CHECKS: [what: string, re: RegExp][] = [
  ['import statement', /^\s*import\s*(?:[\w$*{][^;]*\bfrom\s*)?['"]/],
  ['dynamic import()', /(?<![.\w$])import\s*\(/],
  ['export statement', /^\s*export\s+(?:default\b|\{|\*|const\b|let\b|var\b|function\b|class\b|async\b)/],
  ['require(', /(?<![.\w$])require\s*\(/],
  ['process.', /(?<![.\w$])process\s*\./],
  ['Buffer', /(?<![.\w$])Buffer\b/],
  ['setTimeout', /(?<![.\w$])set(?:Timeout|Interval|Immediate)\b/],
  ['TextEncoder', /(?<![.\w$])Text(?:En|De)coder\b/],
  ['new URL(', /\bnew\s+URL\s*\(/],
  ['fetch(', /(?<![.\w$])fetch\s*\(/],
];

/** Each problem as `<what> at <line>:<column>: …<the code around it>…` (columns matter in a minified one-line bundle). */
export function bundleProblems(code: string): string[] {
  const out: string[] = [];
  code.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (t.startsWith('//') || t.startsWith('*') || t.startsWith('/*')) return;
    for (const [what, re] of CHECKS) {
      for (const m of line.matchAll(new RegExp(re.source, 'g'))) {
        const at = m.index ?? 0;
        out.push(`${what} at ${i + 1}:${at + 1}: ${line.slice(Math.max(0, at - 40), at + 60).trim()}`);
      }
    }
  });
  return out;
}
