// A small helper that lays out a summary sheet row by row and yields a
// SheetSpec. It keeps the row arithmetic (merges, chart ranges, repeated print
// rows) in one place so the sheet builders read as a list of sections.
import type { ChartSpec, PrintSpec, SheetCell, SheetCellStyle, SheetCellValue, SheetSpec } from "../writeback";

export type Row = (SheetCell | null)[];

/** Title band: white on dark blue, which prints as white on dark grey. */
const TITLE_STYLE: SheetCellStyle = { bold: true, fill: "#1F3864", fontColor: "#FFFFFF", fontSize: 14 };
const HEADER_STYLE: SheetCellStyle = { bold: true, fill: "#D9D9D9", border: true, wrap: true, horizontal: "center" };
const SECTION_STYLE: SheetCellStyle = { bold: true, fill: "#EDEDED" };

export const cell = (value: SheetCellValue, style?: SheetCellStyle, link?: string): SheetCell => {
  const c: SheetCell = { value };
  if (style) c.style = style;
  if (link) c.link = link;
  return c;
};

/** Text stored as text, so a host never turns "1.10" or "2010-09-01" into a number or a date. */
export const textCell = (value: string, style: SheetCellStyle = {}): SheetCell => cell(value, { numberFormat: "@", ...style });

export const headerCell = (value: string, style: SheetCellStyle = {}): SheetCell => cell(value, { ...HEADER_STYLE, ...style });

export class SheetBuilder {
  readonly rows: Row[] = [];
  private readonly merges: NonNullable<SheetSpec["merges"]> = [];
  private readonly charts: ChartSpec[] = [];

  /** `width` is the number of columns the sheet's tables use (titles are merged across it). */
  constructor(private readonly width: number) {}

  /** 0-based index the next row will get. */
  get next(): number {
    return this.rows.length;
  }

  add(row: Row): number {
    this.rows.push(row);
    return this.rows.length - 1;
  }

  blank(): void {
    this.add([]);
  }

  /** A row whose one text spans the table width. */
  banner(text: string, style: SheetCellStyle = {}): number {
    const r = this.add([cell(text, style)]);
    if (this.width > 1) this.merge(r, 0, r, this.width - 1);
    return r;
  }

  title(text: string): number {
    return this.banner(text, TITLE_STYLE);
  }

  section(text: string): number {
    return this.banner(text, SECTION_STYLE);
  }

  note(text: string, italic = true): number {
    return this.banner(text, { italic, wrap: true });
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push({ top, left, bottom, right });
  }

  chart(spec: ChartSpec): void {
    this.charts.push(spec);
  }

  build(meta: { name: string; kind: string; columnWidths: number[]; freezeRows?: number; print: PrintSpec; hidden?: boolean }): SheetSpec {
    const spec: SheetSpec = { name: meta.name, kind: meta.kind, rows: this.rows, columnWidths: meta.columnWidths, merges: this.merges, print: meta.print };
    if (this.charts.length) spec.charts = this.charts;
    if (meta.freezeRows !== undefined) spec.freezeRows = meta.freezeRows;
    if (meta.hidden) spec.hidden = true;
    return spec;
  }
}
