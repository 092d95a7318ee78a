/** Slides request builders for the built-in template: shapes, text boxes, styled text, tables (in points on a 720 × 405 page). */
import { FONT, HEX, pt, rgb } from './theme';

export interface Box { x: number; y: number; w: number; h: number }

export interface TextLook {
  size: number;
  colour: string;
  bold?: boolean;
  align?: 'START' | 'CENTER' | 'END';
}

function element(page: string, b: Box) {
  return {
    pageObjectId: page,
    size: { width: pt(b.w), height: pt(b.h) },
    transform: { scaleX: 1, scaleY: 1, translateX: b.x, translateY: b.y, unit: 'PT' },
  };
}

export function textStyle(objectId: string, look: TextLook, range: object = { type: 'ALL' }, cellLocation?: object): object {
  return {
    updateTextStyle: {
      objectId, ...(cellLocation ? { cellLocation } : {}), textRange: range,
      style: { fontFamily: FONT, fontSize: pt(look.size), bold: look.bold ?? false, foregroundColor: { opaqueColor: rgb(look.colour) } },
      fields: 'fontFamily,fontSize,bold,foregroundColor',
    },
  };
}

/** A shape holding text: created, filled (or transparent), its text inserted and styled in one go. */
export function textShape(
  id: string, page: string, b: Box, text: string, look: TextLook,
  opts: { shape?: string; fill?: string; outline?: { colour: string; dash?: string }; middle?: boolean } = {},
): object[] {
  const out: object[] = [{ createShape: { objectId: id, shapeType: opts.shape ?? 'TEXT_BOX', elementProperties: element(page, b) } }];
  const props: Record<string, unknown> = {};
  const fields: string[] = [];
  if (opts.fill) { props.shapeBackgroundFill = { solidFill: { color: rgb(opts.fill) } }; fields.push('shapeBackgroundFill.solidFill.color'); }
  if (opts.outline) {
    props.outline = { outlineFill: { solidFill: { color: rgb(opts.outline.colour) } }, weight: pt(1), dashStyle: opts.outline.dash ?? 'SOLID' };
    fields.push('outline.outlineFill.solidFill.color', 'outline.weight', 'outline.dashStyle');
  } else if (opts.shape && opts.shape !== 'TEXT_BOX') {
    props.outline = { propertyState: 'NOT_RENDERED' };
    fields.push('outline.propertyState');
  }
  if (opts.middle) { props.contentAlignment = 'MIDDLE'; fields.push('contentAlignment'); }
  if (fields.length > 0) out.push({ updateShapeProperties: { objectId: id, shapeProperties: props, fields: fields.join(',') } });
  if (text !== '') {
    out.push({ insertText: { objectId: id, text, insertionIndex: 0 } }, textStyle(id, look));
    if (look.align && look.align !== 'START') {
      out.push({ updateParagraphStyle: { objectId: id, textRange: { type: 'ALL' }, style: { alignment: look.align }, fields: 'alignment' } });
    }
  }
  return out;
}

/** A plain filled rectangle (accent bars). */
export function bar(id: string, page: string, b: Box, colour: string): object[] {
  return [
    { createShape: { objectId: id, shapeType: 'RECTANGLE', elementProperties: element(page, b) } },
    {
      updateShapeProperties: {
        objectId: id,
        shapeProperties: { shapeBackgroundFill: { solidFill: { color: rgb(colour) } }, outline: { propertyState: 'NOT_RENDERED' } },
        fields: 'shapeBackgroundFill.solidFill.color,outline.propertyState',
      },
    },
  ];
}

/**
 * A row-template table: a navy header row of `{{col.N}}` and ONE template row of `{{row.N}}`. The first template cell
 * also carries `{{table.N}}` (which table block it shows) and `{{rows:M}}` (how many data rows fit under it).
 */
export function rowTemplateTable(id: string, page: string, b: Box, n: number, weights: number[], maxRows: number): object[] {
  const columns = weights.length;
  const out: object[] = [{ createTable: { objectId: id, elementProperties: element(page, b), rows: 2, columns } }];
  // Every column keeps at least 36 pt; the rest of the width follows the weights.
  const spare = b.w - 36 * columns;
  const total = weights.reduce((s, w) => s + w, 0);
  weights.forEach((w, i) => out.push({
    updateTableColumnProperties: { objectId: id, columnIndices: [i], tableColumnProperties: { columnWidth: pt(Math.round((36 + (spare * w) / total) * 10) / 10) }, fields: 'columnWidth' },
  }));
  out.push({
    updateTableCellProperties: {
      objectId: id, tableRange: { location: { rowIndex: 0, columnIndex: 0 }, rowSpan: 1, columnSpan: columns },
      tableCellProperties: { tableCellBackgroundFill: { solidFill: { color: rgb(HEX.navy) } } }, fields: 'tableCellBackgroundFill.solidFill.color',
    },
  });
  for (let c = 0; c < columns; c++) {
    const header = { rowIndex: 0, columnIndex: c };
    const cell = { rowIndex: 1, columnIndex: c };
    const row = `${c === 0 ? `{{table.${n}}}{{rows:${maxRows}}}` : ''}{{row.${c + 1}}}`;
    out.push(
      { insertText: { objectId: id, cellLocation: header, text: `{{col.${c + 1}}}`, insertionIndex: 0 } },
      textStyle(id, { size: 9, colour: HEX.white, bold: true }, { type: 'ALL' }, header),
      { insertText: { objectId: id, cellLocation: cell, text: row, insertionIndex: 0 } },
      textStyle(id, { size: 9, colour: HEX.ink, bold: c === 0 }, { type: 'ALL' }, cell),
    );
  }
  return out;
}
