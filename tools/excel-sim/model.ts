// An in-memory Excel workbook: the state the simulated Excel (backend.ts) reads
// and changes. Pure TypeScript (no Node or DOM APIs) so it also runs in a browser.
//
// What it models: sheets (name, id, position, visibility, protection on/off),
// cells (value, formula text, number format, solid fill, font bold/italic/colour/
// name/size, horizontal alignment, wrap, borders per edge, hyperlink), merged
// areas, tables, conditional formats (with ids, priority order and stopIfTrue),
// workbook settings, workbook-scoped defined names, charts (type, source,
// seriesBy, title, series colours, position), freeze panes, page layout
// (orientation, fit to pages, print title rows, header/footer texts), column
// widths and hidden rows.
//
// What it does NOT model (be careful what a green test proves): formula
// calculation (a formula written through the API reads back with a null value
// unless the file gave a cached result), dates typed as text (Excel would turn
// "2024-05-01" into a date serial), theme colours and tints, rich text runs,
// cell locking (a protected sheet refuses every write), row heights, undo,
// sheet-scoped names, data validation, comments, pictures and pivot tables.
import type { CellValue } from "../../src/engine/grid";
import { simDisplayText } from "./displayText";
import { Area, MAX_COLUMNS, areaContains, areasIntersect, parseSheetArea, quoteSheetName } from "./address";

export type SimValue = CellValue;

export interface SimFont {
  bold?: boolean;
  italic?: boolean;
  /** "#RRGGBB"; undefined when the source file used a theme colour the model does not resolve. */
  color?: string;
  name?: string;
  size?: number;
  underline?: string;
}

/** One border edge in Office.js terms (style "Continuous", weight "Thin", …). */
export interface SimEdge {
  style: string;
  weight?: string;
  color?: string;
}

export interface SimBorders {
  top?: SimEdge;
  bottom?: SimEdge;
  left?: SimEdge;
  right?: SimEdge;
}

export interface SimHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface SimCell {
  value: SimValue;
  /** "=SUM(A1:A3)"; the model never calculates it. */
  formula?: string;
  /** Absent means "General". */
  numberFormat?: string;
  /** Solid fill "#RRGGBB"; null = no fill; undefined = a fill the model cannot represent (kept in sourceStyle). */
  fill?: string | null;
  font?: SimFont;
  /** Office.js HorizontalAlignment: "General" (absent), "Left", "Center", "Right", … */
  horizontal?: string;
  wrap?: boolean;
  borders?: SimBorders;
  hyperlink?: SimHyperlink;
  /**
   * The style the source .xlsx gave the cell (exceljs JSON), kept so the exporter
   * can write back what the model does not represent. Cleared when the API clears
   * the cell's formats.
   */
  sourceStyle?: Record<string, unknown>;
}

export interface SimConditionalFormat {
  id: string;
  /** Office.js ConditionalFormatType ("Custom", …); rules from a file of other kinds keep their source rule. */
  type: string;
  ranges: Area[];
  /** Custom rule formula, e.g. "=TRUE". */
  formula?: string;
  fill?: string | null;
  font?: { color?: string | null; bold?: boolean | null; italic?: boolean | null };
  stopIfTrue: boolean;
  /** The exceljs rule it was read from, re-exported unchanged apart from priority. */
  sourceRule?: Record<string, unknown>;
}

export interface SimChart {
  id: string;
  name: string;
  /** Office.js ChartType, e.g. "BarStacked", "Line". */
  chartType: string;
  source: Area;
  seriesBy: string;
  title: string | null;
  titleVisible: boolean;
  seriesColours: (string | null)[];
  top: number;
  left: number;
  width: number;
  height: number;
  /** Cell the chart's top-left corner was placed on with setPosition, if any. */
  anchor: string | null;
}

export interface SimTable {
  id: string;
  name: string;
  area: Area;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
}

export interface SimHeaderFooter {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface SimPageLayout {
  orientation: "Portrait" | "Landscape";
  zoom: { scale?: number | null; horizontalFitToPages?: number | null; verticalFitToPages?: number | null };
  /** Whole rows repeated on each printed page (0-based), or null. */
  printTitleRows: { first: number; last: number } | null;
  headerFooter: SimHeaderFooter;
}

export interface SimNamedItem {
  name: string;
  /** "='Sheet 1'!$A$1"; becomes "=#REF!$A$1" when the sheet is deleted. */
  formula: string;
  visible: boolean;
  comment: string;
}

/** Column width units: Office.js uses points, .xlsx files use characters. */
export const charsToPoints = (chars: number): number => (chars * 7 + 5) * 0.75;
export const pointsToChars = (points: number): number => Math.round(((points / 0.75 - 5) / 7) * 1e6) / 1e6;
/** Excel's default column width (8.43 characters). */
export const STANDARD_WIDTH_POINTS = 48;

const KEY_STRIDE = MAX_COLUMNS;
export const cellKey = (row: number, col: number): number => row * KEY_STRIDE + col;
export const keyRow = (key: number): number => Math.floor(key / KEY_STRIDE);
export const keyCol = (key: number): number => key % KEY_STRIDE;

export const isEmptyValue = (v: SimValue | undefined): boolean => v === null || v === undefined || v === "";

/** Whether a cell carries no value and no formatting (it can be dropped). */
export function isBlankCell(c: SimCell): boolean {
  return (
    isEmptyValue(c.value) &&
    c.formula === undefined &&
    (c.numberFormat === undefined || c.numberFormat === "General") &&
    (c.fill === undefined || c.fill === null) &&
    (!c.font || Object.values(c.font).every((v) => v === undefined || v === false)) &&
    (c.horizontal === undefined || c.horizontal === "General") &&
    !c.wrap &&
    (!c.borders || Object.keys(c.borders).length === 0) &&
    !c.hyperlink &&
    (!c.sourceStyle || Object.keys(c.sourceStyle).length === 0)
  );
}

export class SheetModel {
  readonly cells = new Map<number, SimCell>();
  merges: Area[] = [];
  /** In priority order: index 0 is the highest priority. */
  conditionalFormats: SimConditionalFormat[] = [];
  charts: SimChart[] = [];
  tables: SimTable[] = [];
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  freeze = { rows: 0, columns: 0 };
  pageLayout: SimPageLayout = {
    orientation: "Portrait",
    zoom: { scale: 100 },
    printTitleRows: null,
    headerFooter: { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" },
  };
  /** Column index → width in points; absent = standard width. */
  readonly columnWidths = new Map<number, number>();
  readonly hiddenRows = new Set<number>();
  /** Extra exceljs worksheet settings kept for the exporter (page margins, etc.). */
  sourcePageSetup?: Record<string, unknown>;

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  getCell(row: number, col: number): SimCell | undefined {
    return this.cells.get(cellKey(row, col));
  }

  /** The cell at (row, col), created empty when missing. */
  cell(row: number, col: number): SimCell {
    const key = cellKey(row, col);
    let c = this.cells.get(key);
    if (!c) {
      c = { value: null };
      this.cells.set(key, c);
    }
    return c;
  }

  /** Convenience for tests and loaders: set a value (and optional number format). */
  setValue(row: number, col: number, value: SimValue, numberFormat?: string): SimCell {
    const c = this.cell(row, col);
    c.value = value;
    if (numberFormat !== undefined) c.numberFormat = numberFormat;
    return c;
  }

  /** Set by the workbook: serial numbers count from 1904 (dates display 1,462 days later). */
  date1904 = false;

  /** The text Excel would display (numfmt; independent of column width). */
  textAt(row: number, col: number): string {
    const c = this.getCell(row, col);
    if (!c) return "";
    return simDisplayText(c.value, c.numberFormat, this.date1904);
  }

  /** Drop cells that hold nothing, so the used range shrinks as Excel's does. */
  compact(): void {
    for (const [k, c] of this.cells) if (isBlankCell(c)) this.cells.delete(k);
  }

  /**
   * The used range: cells with values (valuesOnly) or with values or formats,
   * merged areas and (not valuesOnly) conditional-format-free formatting. Null when empty.
   */
  usedArea(valuesOnly: boolean): Area | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      if (valuesOnly ? isEmptyValue(c.value) && c.formula === undefined : isBlankCell(c)) continue;
      const r = keyRow(k);
      const col = keyCol(k);
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    if (!valuesOnly) {
      for (const m of this.merges) {
        top = Math.min(top, m.top);
        left = Math.min(left, m.left);
        bottom = Math.max(bottom, m.bottom);
        right = Math.max(right, m.right);
      }
    }
    if (bottom < 0) return null;
    return { top, left, bottom, right };
  }

  /** Cells inside an area that exist in the map, without walking empty space. */
  *cellsIn(area: Area): Generator<[number, number, SimCell]> {
    const areaCells = (area.bottom - area.top + 1) * (area.right - area.left + 1);
    if (areaCells <= this.cells.size * 2) {
      for (let r = area.top; r <= area.bottom; r++)
        for (let c = area.left; c <= area.right; c++) {
          const cell = this.cells.get(cellKey(r, c));
          if (cell) yield [r, c, cell];
        }
      return;
    }
    for (const [k, cell] of this.cells) {
      const r = keyRow(k);
      const c = keyCol(k);
      if (r >= area.top && r <= area.bottom && c >= area.left && c <= area.right) yield [r, c, cell];
    }
  }

  mergesIntersecting(area: Area): Area[] {
    return this.merges.filter((m) => areasIntersect(m, area));
  }

  conditionalFormatsIntersecting(areas: Area[]): SimConditionalFormat[] {
    return this.conditionalFormats.filter((cf) => cf.ranges.some((r) => areas.some((a) => areasIntersect(r, a))));
  }

  /**
   * The fill a viewer would see at (row, col): the highest-priority conditional
   * format whose formula is the constant "=TRUE" (the only formula the model
   * evaluates) wins over the cell's own fill; stopIfTrue stops lower rules.
   */
  effectiveFill(row: number, col: number): string | null {
    const here: Area = { top: row, left: col, bottom: row, right: col };
    for (const cf of this.conditionalFormats) {
      if (!cf.ranges.some((r) => areasIntersect(r, here))) continue;
      if ((cf.formula ?? "").replace(/\s/g, "").toUpperCase() !== "=TRUE") continue;
      if (cf.fill) return cf.fill;
      if (cf.stopIfTrue) break;
    }
    return this.getCell(row, col)?.fill ?? null;
  }

  /** Whether an area lies inside one merged area (and is not just one plain cell). */
  isInsideMerge(area: Area): boolean {
    return this.merges.some((m) => areaContains(m, area));
  }
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  names: SimNamedItem[] = [];
  /** Workbook settings (Office.js workbook.settings): key → JSON value. */
  readonly settings = new Map<string, unknown>();
  private use1904 = false;
  private seq = 0;

  /** The workbook's date system (File > Options > "Use 1904 date system"). */
  get date1904(): boolean {
    return this.use1904;
  }
  set date1904(v: boolean) {
    this.use1904 = v;
    for (const s of this.sheets) s.date1904 = v;
  }

  /** A new id in Excel's "{GUID}" shape, deterministic for repeatable tests. */
  newId(kind: number): string {
    this.seq += 1;
    const n = this.seq.toString(16).toUpperCase().padStart(12, "0");
    return `{00000000-000${kind}-0000-0000-${n}}`;
  }

  addSheet(name: string): SheetModel {
    const sheet = new SheetModel(this.newId(1), name);
    sheet.date1904 = this.use1904;
    this.sheets.push(sheet);
    return sheet;
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByNameOrId(key: string): SheetModel | undefined {
    return this.sheetById(key) ?? this.sheetByName(key);
  }

  // Excel's view state, which worksheet.activate() and range.select() change (the
  // demo page's grid shows it). Not saved to or read from .xlsx files.
  /** Id of the active sheet; null means the first visible sheet. */
  activeSheetId: string | null = null;
  /** Each sheet's selected area, by sheet id (absent = A1). */
  readonly selections = new Map<string, Area>();
  private readonly viewListeners = new Set<() => void>();

  /** The active sheet: the one activated last, else the first visible one. */
  activeSheet(): SheetModel | undefined {
    const active = this.activeSheetId === null ? undefined : this.sheetById(this.activeSheetId);
    return active && active.visibility === "Visible" ? active : this.sheets.find((s) => s.visibility === "Visible");
  }

  /** A sheet's selected area (A1 when nothing was selected on it). */
  selectionOf(sheet: SheetModel): Area {
    return this.selections.get(sheet.id) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  }

  /** Make a sheet the active one (worksheet.activate()). */
  activate(sheet: SheetModel): void {
    this.activeSheetId = sheet.id;
    this.emitViewChange();
  }

  /** Select an area on a sheet, activating it (range.select()). */
  select(sheet: SheetModel, area: Area): void {
    this.activeSheetId = sheet.id;
    this.selections.set(sheet.id, { ...area });
    this.emitViewChange();
  }

  /** Call listener after each change of the active sheet or selection; returns the unsubscribe function. */
  onViewChange(listener: () => void): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  private emitViewChange(): void {
    for (const l of [...this.viewListeners]) l();
  }

  /** Rename a sheet; names that refer to it follow, as in Excel. */
  renameSheet(sheet: SheetModel, newName: string): void {
    const oldRef = `${quoteSheetName(sheet.name)}!`;
    const newRef = `${quoteSheetName(newName)}!`;
    for (const n of this.names) n.formula = replaceSheetRef(n.formula, oldRef, newRef);
    sheet.name = newName;
  }

  /** Delete a sheet; names that referred to it become #REF!, as in Excel. */
  deleteSheet(sheet: SheetModel): void {
    const ref = `${quoteSheetName(sheet.name)}!`;
    for (const n of this.names) n.formula = replaceSheetRef(n.formula, ref, "#REF!");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.selections.delete(sheet.id);
    if (this.activeSheetId === sheet.id) {
      this.activeSheetId = null;
      this.emitViewChange();
    }
  }

  nameByName(name: string): SimNamedItem | undefined {
    const lower = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === lower);
  }

  /** The sheet and area a name's formula refers to, or null (constants, #REF!, formulas). */
  resolveName(item: SimNamedItem): { sheet: SheetModel; area: Area } | null {
    try {
      const ref = parseSheetArea(item.formula);
      if (!ref.sheet) return null;
      const sheet = this.sheetByName(ref.sheet);
      return sheet ? { sheet, area: ref.area } : null;
    } catch {
      return null;
    }
  }

  /** A deep copy (for "before" snapshots in tests). */
  clone(): WorkbookModel {
    const copy = new WorkbookModel();
    copy.seq = this.seq;
    copy.date1904 = this.date1904;
    copy.names = this.names.map((n) => ({ ...n }));
    for (const [k, v] of this.settings) copy.settings.set(k, JSON.parse(JSON.stringify(v)));
    copy.activeSheetId = this.activeSheetId;
    for (const [k, a] of this.selections) copy.selections.set(k, { ...a });
    for (const s of this.sheets) {
      const t = new SheetModel(s.id, s.name);
      t.date1904 = s.date1904;
      for (const [k, c] of s.cells) t.cells.set(k, JSON.parse(JSON.stringify(c)) as SimCell);
      t.merges = s.merges.map((m) => ({ ...m }));
      t.conditionalFormats = JSON.parse(JSON.stringify(s.conditionalFormats));
      t.charts = JSON.parse(JSON.stringify(s.charts));
      t.tables = JSON.parse(JSON.stringify(s.tables));
      t.visibility = s.visibility;
      t.protected = s.protected;
      t.freeze = { ...s.freeze };
      t.pageLayout = JSON.parse(JSON.stringify(s.pageLayout));
      for (const [c, w] of s.columnWidths) t.columnWidths.set(c, w);
      for (const r of s.hiddenRows) t.hiddenRows.add(r);
      if (s.sourcePageSetup) t.sourcePageSetup = JSON.parse(JSON.stringify(s.sourcePageSetup));
      copy.sheets.push(t);
    }
    return copy;
  }
}

function replaceSheetRef(formula: string, oldRef: string, newRef: string): string {
  // Quoted references are unambiguous; unquoted ones must not be the tail of a longer name.
  if (oldRef.startsWith("'")) return formula.split(oldRef).join(newRef);
  const escaped = oldRef.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return formula.replace(new RegExp(`(^|[^A-Za-z0-9_.'])${escaped}`, "g"), (_m, pre: string) => pre + newRef);
}
