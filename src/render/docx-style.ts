/** The look of the .docx briefs: page geometry, colours, paragraph styles and the bullet list, in one place. */
import { AlignmentType, BorderStyle, LevelFormat, LineRuleType, type INumberingOptions, type IStylesOptions } from 'docx';

/** Colours as docx wants them: hex without `#`. */
export const COLOR = {
  navy: '1F2A44',
  teal: '0F9D9A',
  body: '262626',
  grey: '6B7280',
  rule: 'D5DAE1',
  zebra: 'F2F5F9',
  white: 'FFFFFF',
} as const;

/** Arial, so LibreOffice (and hence PDF previews) maps it to the metric-compatible Liberation Sans. */
export const FONT = 'Arial';

/** US Letter with 1-inch margins, in twips; the text column is what a full-width table spans. */
export const PAGE = { width: 12240, height: 15840, margin: 1440 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Reference of the bullet list below; one list for the whole document, as bullets carry no numbers to restart. */
export const BULLETS = 'qbr-bullets';

/** Font sizes are in half-points. */
const pt = (points: number): number => points * 2;

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: pt(11), color: COLOR.body },
      // 1.15 line spacing and 6pt after: the rhythm of a business memo, not a dense report. The rule is
      // spelled out because LibreOffice reads a bare `w:line` as an exact height and overlaps large text.
      paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
    },
    title: {
      run: { font: FONT, size: pt(26), bold: true, color: COLOR.navy },
      paragraph: { spacing: { before: 0, after: 80, line: 240, lineRule: LineRuleType.AUTO } },
    },
    heading1: {
      run: { font: FONT, size: pt(15), bold: true, color: COLOR.navy },
      // keepNext so a heading never ends a page alone, away from its section.
      paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true },
    },
  },
  paragraphStyles: [
    {
      id: 'Subtitle',
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: FONT, size: pt(12), color: COLOR.grey },
      // The teal rule sits under the subtitle so title and subtitle read as one block above it.
      paragraph: {
        spacing: { after: 240 },
        border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: COLOR.teal, space: 8 } },
      },
    },
    {
      id: 'TableText',
      name: 'Table Text',
      basedOn: 'Normal',
      quickFormat: true,
      run: { font: FONT, size: pt(10) },
      // Cells carry their own padding; paragraph spacing inside them would only make rows taller.
      paragraph: { spacing: { before: 0, after: 0, line: 252, lineRule: LineRuleType.AUTO } },
    },
    {
      id: 'FooterText',
      name: 'Footer Text',
      basedOn: 'Normal',
      run: { font: FONT, size: pt(8.5), color: COLOR.grey },
      paragraph: {
        spacing: { before: 0, after: 0 },
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule, space: 6 } },
      },
    },
  ],
};

export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: BULLETS,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '\u2022',
          alignment: AlignmentType.LEFT,
          style: {
            run: { color: COLOR.teal, font: FONT },
            paragraph: { indent: { left: 360, hanging: 240 }, spacing: { after: 60 } },
          },
        },
      ],
    },
  ],
};
