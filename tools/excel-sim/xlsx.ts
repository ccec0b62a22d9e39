// Load a workbook model from exceljs (or .xlsx bytes) and export it back to exceljs,
// so tests can compare every value, fill, font, border and number format before
// and after the Office host ran. exceljs runs in browsers too (its "browser" build).
//
// Round-trip notes: rich text becomes plain text; dates become serial numbers
// (with their date format); theme colours are kept opaque (in sourceStyle) and
// re-exported unchanged; charts, tables-as-objects and workbook settings are not
// written back (exceljs cannot write charts; tables' cells are written as cells).
import ExcelJS from "exceljs";
import { Area, AddressError, formatArea, parseArea, quoteSheetName } from "./address";
import {
  SheetModel,
  SimBorders,
  SimCell,
  SimConditionalFormat,
  SimEdge,
  SimFont,
  WorkbookModel,
  cellKey,
  charsToPoints,
  keyCol,
  keyRow,
  pointsToChars,
} from "./model";
import { valueFromExcelJs } from "./excelJsValue";

type Json = Record<string, unknown>;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const argbToHex = (argb: unknown): string | undefined =>
  typeof argb === "string" && argb.length >= 6 ? `#${argb.slice(-6).toUpperCase()}` : undefined;
const hexToArgb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

// exceljs border style ↔ Office.js (style, weight); a bijection so round trips are exact.
const BORDER_TO_OFFICE: Record<string, [string, string]> = {
  thin: ["Continuous", "Thin"],
  medium: ["Continuous", "Medium"],
  thick: ["Continuous", "Thick"],
  hair: ["Continuous", "Hairline"],
  dotted: ["Dot", "Thin"],
  dashed: ["Dash", "Thin"],
  mediumDashed: ["Dash", "Medium"],
  dashDot: ["DashDot", "Thin"],
  mediumDashDot: ["DashDot", "Medium"],
  dashDotDot: ["DashDotDot", "Thin"],
  mediumDashDotDot: ["DashDotDot", "Medium"],
  slantDashDot: ["SlantDashDot", "Medium"],
  double: ["Double", "Thick"],
};

function officeEdgeToExcelJs(edge: SimEdge): string {
  for (const [k, [style, weight]] of Object.entries(BORDER_TO_OFFICE))
    if (style === edge.style && weight === (edge.weight ?? "Thin")) return k;
  if (edge.style === "Double") return "double";
  if (edge.style === "Dot") return "dotted";
  if (edge.style === "Dash") return "dashed";
  return edge.weight === "Medium" ? "medium" : edge.weight === "Thick" ? "thick" : "thin";
}

const H_TO_OFFICE: Record<string, string> = {
  left: "Left",
  center: "Center",
  right: "Right",
  fill: "Fill",
  justify: "Justify",
  centerContinuous: "CenterAcrossSelection",
  distributed: "Distributed",
};
const H_FROM_OFFICE = Object.fromEntries(Object.entries(H_TO_OFFICE).map(([k, v]) => [v, k]));

const CF_TYPE: Record<string, string> = {
  expression: "Custom",
  cellIs: "CellValue",
  containsText: "ContainsText",
  top10: "TopBottom",
  colorScale: "ColorScale",
  dataBar: "DataBar",
  iconSet: "IconSet",
  aboveAverage: "PresetCriteria",
  timePeriod: "PresetCriteria",
};

function fillFromStyle(fill: Json | undefined): string | null | undefined {
  if (!fill) return null;
  if (fill.type === "pattern" && (fill.pattern === "none" || !fill.pattern)) return null;
  if (fill.type === "pattern" && fill.pattern === "solid") {
    const fg = fill.fgColor as Json | undefined;
    return argbToHex(fg?.argb) ?? undefined; // theme colours: unrepresented (kept in sourceStyle)
  }
  return undefined;
}

function cellFromExcelJs(c: ExcelJS.Cell, date1904: boolean): SimCell | null {
  const isSlave = c.type === ExcelJS.ValueType.Merge;
  const cell: SimCell = { value: isSlave ? null : valueFromExcelJs(c.value, date1904) };
  if (!isSlave && c.type === ExcelJS.ValueType.Formula) {
    const f = (c as unknown as { formula?: string }).formula;
    if (f) cell.formula = `=${f}`;
  }
  if (!isSlave && c.type === ExcelJS.ValueType.Hyperlink) {
    const link = (c.value as ExcelJS.CellHyperlinkValue).hyperlink ?? "";
    cell.hyperlink = link.startsWith("#") ? { documentReference: link.slice(1) } : { address: link };
    const tip = (c.value as { tooltip?: string }).tooltip;
    if (tip) cell.hyperlink.screenTip = tip;
  }
  const style = c.style && Object.keys(c.style).length ? (clone(c.style) as Json) : undefined;
  if (style) {
    if (typeof style.numFmt === "string" && style.numFmt !== "General") cell.numberFormat = style.numFmt;
    cell.fill = fillFromStyle(style.fill as Json | undefined);
    const f = style.font as Json | undefined;
    if (f) {
      const font: SimFont = {};
      if (f.bold) font.bold = true;
      if (f.italic) font.italic = true;
      const color = argbToHex((f.color as Json | undefined)?.argb);
      if (color) font.color = color;
      if (typeof f.name === "string") font.name = f.name;
      if (typeof f.size === "number") font.size = f.size;
      if (typeof f.underline === "string" || f.underline === true) font.underline = f.underline === true ? "Single" : String(f.underline);
      if (Object.keys(font).length) cell.font = font;
    }
    const a = style.alignment as Json | undefined;
    if (a?.horizontal && H_TO_OFFICE[String(a.horizontal)]) cell.horizontal = H_TO_OFFICE[String(a.horizontal)];
    if (a?.wrapText) cell.wrap = true;
    const b = style.border as Json | undefined;
    if (b) {
      const borders: SimBorders = {};
      for (const side of ["top", "bottom", "left", "right"] as const) {
        const e = b[side] as Json | undefined;
        const map = e?.style ? BORDER_TO_OFFICE[String(e.style)] : undefined;
        if (map) {
          const edge: SimEdge = { style: map[0], weight: map[1] };
          const color = argbToHex((e?.color as Json | undefined)?.argb);
          if (color) edge.color = color;
          borders[side] = edge;
        }
      }
      if (Object.keys(borders).length) cell.borders = borders;
    }
    cell.sourceStyle = style;
  } else cell.fill = null;
  const blank = cell.value === null && !cell.formula && !cell.hyperlink && !style;
  return blank ? null : cell;
}

function parseRefList(ref: string): Area[] {
  const areas: Area[] = [];
  for (const part of ref.split(/[\s,]+/).filter(Boolean)) {
    try {
      areas.push(parseArea(part));
    } catch (e) {
      if (!(e instanceof AddressError)) throw e;
    }
  }
  return areas;
}

function parseHeaderFooter(text: string | undefined): { left: string; center: string; right: string } {
  const out = { left: "", center: "", right: "" };
  if (!text) return out;
  if (!/&[LCR]/.test(text)) {
    out.center = text;
    return out;
  }
  const re = /&([LCR])((?:(?!&[LCR]).)*)/gs;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[1] === "L") out.left = m[2];
    else if (m[1] === "C") out.center = m[2];
    else out.right = m[2];
  }
  return out;
}

function joinHeaderFooter(left: string, center: string, right: string): string | undefined {
  if (!left && !center && !right) return undefined;
  return `${left ? `&L${left}` : ""}${center ? `&C${center}` : ""}${right ? `&R${right}` : ""}`;
}

/** Build a model from a loaded exceljs workbook. */
export function workbookModelFromExcelJs(wb: ExcelJS.Workbook): WorkbookModel {
  const model = new WorkbookModel();
  const date1904 = Boolean(wb.properties?.date1904);
  model.date1904 = date1904;
  for (const ws of wb.worksheets) {
    const sheet = model.addSheet(ws.name);
    sheet.visibility = ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible";
    sheet.protected = Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      if (row.hidden) sheet.hiddenRows.add(rowNumber - 1);
      row.eachCell({ includeEmpty: true }, (c, colNumber) => {
        const cell = cellFromExcelJs(c, date1904);
        if (cell) sheet.cells.set(cellKey(rowNumber - 1, colNumber - 1), cell);
      });
    });
    for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
      try {
        sheet.merges.push(parseArea(ref));
      } catch (e) {
        if (!(e instanceof AddressError)) throw e;
      }
    }
    (ws.columns ?? []).forEach((col, i) => {
      if (col && typeof col.width === "number") sheet.columnWidths.set(i, charsToPoints(col.width));
    });
    const cfs = (ws as unknown as { conditionalFormattings?: { ref: string; rules: Json[] }[] }).conditionalFormattings ?? [];
    const read: { cf: SimConditionalFormat; priority: number }[] = [];
    for (const block of cfs) {
      const ranges = parseRefList(block.ref);
      for (const rule of block.rules) {
        const style = rule.style as Json | undefined;
        const fill = style?.fill as Json | undefined;
        const formulae = rule.formulae as unknown[] | undefined;
        const cf: SimConditionalFormat = {
          id: model.newId(2),
          type: CF_TYPE[String(rule.type)] ?? "PresetCriteria",
          ranges: ranges.map((r) => ({ ...r })),
          stopIfTrue: Boolean(rule.stopIfTrue),
          sourceRule: clone(rule),
        };
        if (rule.type === "expression" && formulae?.length) cf.formula = `=${String(formulae[0])}`;
        const fillColour = argbToHex((fill?.bgColor as Json | undefined)?.argb) ?? argbToHex((fill?.fgColor as Json | undefined)?.argb);
        if (fillColour) cf.fill = fillColour;
        read.push({ cf, priority: typeof rule.priority === "number" ? rule.priority : 1e9 });
      }
    }
    read.sort((a, b) => a.priority - b.priority);
    sheet.conditionalFormats = read.map((r) => r.cf);
    for (const t of ws.getTables?.() ?? []) {
      const table = (t as unknown as { table?: { name?: string; tableRef?: string; ref?: string; totalsRow?: boolean; headerRow?: boolean; style?: { theme?: string } } }).table;
      if (!table) continue;
      try {
        const area = parseArea(table.tableRef ?? table.ref ?? "");
        sheet.tables.push({
          id: model.newId(3),
          name: table.name ?? `Table${sheet.tables.length + 1}`,
          area,
          showHeaders: table.headerRow !== false,
          showTotals: Boolean(table.totalsRow),
          style: table.style?.theme ?? "TableStyleMedium2",
        });
      } catch (e) {
        if (!(e instanceof AddressError)) throw e;
      }
    }
    const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    if (view?.state === "frozen") sheet.freeze = { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
    const ps = ws.pageSetup as Partial<ExcelJS.PageSetup> & Json;
    if (ps) {
      sheet.sourcePageSetup = clone(ps) as Json;
      sheet.pageLayout.orientation = ps.orientation === "landscape" ? "Landscape" : "Portrait";
      if (ps.fitToPage)
        sheet.pageLayout.zoom = { horizontalFitToPages: ps.fitToWidth ?? 1, verticalFitToPages: ps.fitToHeight ?? 1 };
      else sheet.pageLayout.zoom = { scale: typeof ps.scale === "number" ? ps.scale : 100 };
      if (typeof ps.printTitlesRow === "string" && ps.printTitlesRow) {
        const m = /^\$?(\d+):\$?(\d+)$/.exec(ps.printTitlesRow);
        if (m) sheet.pageLayout.printTitleRows = { first: Number(m[1]) - 1, last: Number(m[2]) - 1 };
      }
    }
    const hf = ws.headerFooter as Partial<ExcelJS.HeaderFooter> | undefined;
    if (hf) {
      const head = parseHeaderFooter(hf.oddHeader ?? undefined);
      const foot = parseHeaderFooter(hf.oddFooter ?? undefined);
      sheet.pageLayout.headerFooter = {
        leftHeader: head.left,
        centerHeader: head.center,
        rightHeader: head.right,
        leftFooter: foot.left,
        centerFooter: foot.center,
        rightFooter: foot.right,
      };
    }
  }
  for (const dn of wb.definedNames.model ?? []) {
    if (!dn.name || !dn.ranges?.length) continue;
    model.names.push({ name: dn.name, formula: `=${dn.ranges.join(",")}`, visible: true, comment: "" });
  }
  return model;
}

/** Load .xlsx bytes into a model (exceljs does the parsing). */
export async function workbookModelFromXlsx(data: ArrayBuffer | Uint8Array): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  return workbookModelFromExcelJs(wb);
}

function exportValue(c: SimCell): ExcelJS.CellValue {
  const v = c.value;
  const plain: ExcelJS.CellValue =
    v === null || v === undefined ? null : typeof v === "object" ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
  if (c.formula) return { formula: c.formula.replace(/^=/, ""), result: plain ?? undefined } as ExcelJS.CellFormulaValue;
  if (c.hyperlink) {
    const target = c.hyperlink.address ?? `#${c.hyperlink.documentReference ?? ""}`;
    const link: ExcelJS.CellHyperlinkValue = { text: plain === null ? "" : String(typeof v === "object" && v ? v.error : plain), hyperlink: target };
    if (c.hyperlink.screenTip) link.tooltip = c.hyperlink.screenTip;
    return link;
  }
  return plain;
}

function exportStyle(c: SimCell): Partial<ExcelJS.Style> {
  const style = (c.sourceStyle ? clone(c.sourceStyle) : {}) as Json;
  if (c.numberFormat && c.numberFormat !== "General") style.numFmt = c.numberFormat;
  else delete style.numFmt;
  if (c.fill === null) {
    const f = style.fill as Json | undefined;
    if (f && fillFromStyle(f) !== null) delete style.fill; // keep an explicit "no fill" pattern as the file had it
  }
  else if (typeof c.fill === "string") style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: hexToArgb(c.fill) } };
  if (c.font) {
    const font = { ...((style.font as Json | undefined) ?? {}) };
    for (const k of ["bold", "italic", "name", "size"] as const) {
      if (c.font[k] !== undefined) font[k] = c.font[k];
    }
    if (c.font.underline !== undefined) font.underline = c.font.underline === "None" ? false : c.font.underline.toLowerCase();
    if (c.font.color) font.color = { argb: hexToArgb(c.font.color) };
    style.font = font;
  }
  const align = { ...((style.alignment as Json | undefined) ?? {}) };
  if (c.horizontal && c.horizontal !== "General" && H_FROM_OFFICE[c.horizontal]) align.horizontal = H_FROM_OFFICE[c.horizontal];
  else delete align.horizontal;
  if (c.wrap) align.wrapText = true;
  else delete align.wrapText;
  if (Object.keys(align).length) style.alignment = align;
  else delete style.alignment;
  if (c.borders) {
    const border = { ...((style.border as Json | undefined) ?? {}) };
    for (const side of ["top", "bottom", "left", "right"] as const) {
      const e = c.borders[side];
      if (!e || e.style === "None") delete border[side];
      else
        border[side] = {
          style: officeEdgeToExcelJs(e),
          ...(e.color ? { color: { argb: hexToArgb(e.color) } } : {}),
        };
    }
    style.border = border;
  } else if (style.border) {
    const border = style.border as Json;
    for (const side of ["top", "bottom", "left", "right"]) delete border[side];
  }
  return style as Partial<ExcelJS.Style>;
}

function exportSheet(wb: ExcelJS.Workbook, sheet: SheetModel, model: WorkbookModel): void {
  const state = sheet.visibility === "Hidden" ? "hidden" : sheet.visibility === "VeryHidden" ? "veryHidden" : "visible";
  const ws = wb.addWorksheet(sheet.name, { state });
  const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
  for (const k of keys) {
    const c = sheet.cells.get(k)!;
    const cell = ws.getCell(keyRow(k) + 1, keyCol(k) + 1);
    cell.value = exportValue(c);
    const style = exportStyle(c);
    if (Object.keys(style).length) cell.style = style;
  }
  for (const m of sheet.merges) if (m.top !== m.bottom || m.left !== m.right) ws.mergeCells(formatArea(m));
  for (const [col, points] of sheet.columnWidths) ws.getColumn(col + 1).width = pointsToChars(points);
  for (const r of sheet.hiddenRows) ws.getRow(r + 1).hidden = true;
  sheet.conditionalFormats.forEach((cf, i) => {
    const rule: Json = cf.sourceRule
      ? clone(cf.sourceRule)
      : {
          type: "expression",
          formulae: [(cf.formula ?? "=TRUE").replace(/^=/, "")],
          style: cf.fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: hexToArgb(cf.fill) } } } : {},
        };
    rule.priority = i + 1;
    if (cf.stopIfTrue) rule.stopIfTrue = true;
    ws.addConditionalFormatting({ ref: cf.ranges.map((r) => formatArea(r)).join(" "), rules: [rule as unknown as ExcelJS.ConditionalFormattingRule] });
  });
  if (sheet.freeze.rows || sheet.freeze.columns)
    ws.views = [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }];
  const ps: Json = { ...(sheet.sourcePageSetup ?? {}) };
  ps.orientation = sheet.pageLayout.orientation === "Landscape" ? "landscape" : "portrait";
  const zoom = sheet.pageLayout.zoom;
  if (zoom.horizontalFitToPages || zoom.verticalFitToPages) {
    ps.fitToPage = true;
    ps.fitToWidth = zoom.horizontalFitToPages ?? 0;
    ps.fitToHeight = zoom.verticalFitToPages ?? 0;
  } else {
    ps.fitToPage = false;
    if (zoom.scale) ps.scale = zoom.scale;
  }
  const ptr = sheet.pageLayout.printTitleRows;
  if (ptr) ps.printTitlesRow = `${ptr.first + 1}:${ptr.last + 1}`;
  else delete ps.printTitlesRow;
  Object.assign(ws.pageSetup, ps);
  const hf = sheet.pageLayout.headerFooter;
  const oddHeader = joinHeaderFooter(hf.leftHeader, hf.centerHeader, hf.rightHeader);
  const oddFooter = joinHeaderFooter(hf.leftFooter, hf.centerFooter, hf.rightFooter);
  if (oddHeader) ws.headerFooter.oddHeader = oddHeader;
  if (oddFooter) ws.headerFooter.oddFooter = oddFooter;
  if (sheet.protected) (ws as unknown as { sheetProtection: Json }).sheetProtection = { sheet: true };
  void model;
}

/**
 * Export the model to a new exceljs workbook. Charts, table objects and
 * workbook settings are not written (see the file comment); names that no
 * longer refer to a range (#REF!) are dropped.
 */
export function workbookModelToExcelJs(model: WorkbookModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = model.date1904;
  for (const sheet of model.sheets) exportSheet(wb, sheet, model);
  for (const n of model.names) {
    const target = model.resolveName(n);
    if (target) wb.definedNames.add(`${quoteSheetName(target.sheet.name)}!${formatArea(target.area, true)}`, n.name);
  }
  return wb;
}
