/** Arial's advance widths (1/1000 em) for printable ASCII and a few typographic marks — read from Liberation Sans, which is metric-compatible with Arial. */

/** Widths of U+0020…U+007E, regular. */
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
  556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** Widths of U+0020…U+007E, bold. */
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611,
  611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/** Marks the planner uses (trend arrows, middle dots, dashes, curly quotes); same in both weights unless noted. */
const EXTRA: Record<string, number> = {
  '▲': 990, '▼': 990, '·': 333, '–': 556, '—': 1000, '’': 250, '‘': 250, '“': 420, '”': 420, '…': 1000, '•': 350,
  '≥': 549, '≤': 549, '×': 584, '€': 556, '£': 556,
};

/** Anything else (accented letters, other scripts) is assumed as wide as a capital, erring towards wrapping early. */
const FALLBACK = 667;

/** Width of `text` in em (1 = the font size). */
export function emWidth(text: string, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let total = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    total += (code >= 32 && code <= 126 ? table[code - 32] : EXTRA[ch]) ?? FALLBACK;
  }
  return total / 1000;
}
