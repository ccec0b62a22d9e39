// The workbook's style sheet (xl/styles.xml) with Plan Monitor's styles added:
// the cell formats of the summary sheets and the fills of the RAG colouring.
// Everything the workbook has stays where it is (a user cell's style index
// keeps meaning the same style); new fonts, fills, borders, number formats and
// formats go at the end of their lists. A style the sheet already holds in
// exactly the form Plan Monitor writes is used again, so re-running on its own
// output does not grow the file.
import { escapeXmlAttr } from "./xml";

/** A summary cell's look, as write-sheet-part.ts asks for it. */
export interface CellLook {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  fontSize?: number;
  /** "#RRGGBB" */
  fontColor?: string;
  fill?: string;
  border?: boolean;
  numberFormat?: string;
  horizontal?: "left" | "center" | "right";
  wrap?: boolean;
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** CT_Stylesheet's children, in the order the schema requires. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;
type Section = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs" | "dxfs";
const CHILD: Record<Section, string> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf", dxfs: "dxf" };

/** The built-in number formats Excel knows by id (the ones a summary uses). */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "0%": 9, "0.00%": 10, "@": 49 };

const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;

/** A minimal style sheet for a package that has none. */
export const EMPTY_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/></styleSheet>`;

export class StylesPart {
  /** The root element's namespace prefix ("" or "x:"), used for every element added. */
  private readonly p: string;
  private readonly children = new Map<Section, string[]>();
  private readonly added = new Map<Section, string[]>();
  private readonly customFormats = new Map<string, number>();
  private nextFormatId = 164;
  private readonly xfIndex = new Map<string, number>();

  constructor(private readonly xml: string) {
    this.p = /<(\w+:)?styleSheet\b/.exec(xml)?.[1] ?? "";
    for (const section of ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"] as const) {
      const body = this.sectionBody(section);
      const child = `${this.p}${CHILD[section]}`;
      const list = body === null ? [] : [...body.matchAll(new RegExp(`<${child}\\b(?:[^>]*?/>|[\\s\\S]*?</${child}>)`, "g"))].map((m) => m[0]);
      this.children.set(section, list);
      this.added.set(section, []);
    }
    for (const f of this.children.get("numFmts")!) {
      const id = Number(/\snumFmtId="(\d+)"/.exec(f)?.[1]);
      const code = /\sformatCode="([^"]*)"/.exec(f)?.[1];
      if (Number.isFinite(id)) this.nextFormatId = Math.max(this.nextFormatId, id + 1);
      if (code !== undefined && Number.isFinite(id)) this.customFormats.set(code, id);
    }
  }

  /** The text between a section's tags, "" when it is empty, null when the sheet lacks it. */
  private sectionBody(section: string): string | null {
    const tag = `${this.p}${section}`;
    const m = new RegExp(`<${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${tag}>)`).exec(this.xml);
    return m ? (m[1] ?? "") : null;
  }

  /** The index of a child with exactly this XML, added at the end when the section has none. */
  private indexOf(section: Section, childXml: string): number {
    const existing = this.children.get(section)!;
    const found = existing.indexOf(childXml);
    if (found >= 0) return found;
    const added = this.added.get(section)!;
    const again = added.indexOf(childXml);
    if (again >= 0) return existing.length + again;
    added.push(childXml);
    return existing.length + added.length - 1;
  }

  private numberFormatId(code: string | undefined): number {
    if (!code || code === "General") return 0;
    if (code in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[code];
    const attrCode = escapeXmlAttr(code);
    const known = this.customFormats.get(attrCode);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.customFormats.set(attrCode, id);
    this.added.get("numFmts")!.push(`<${this.p}numFmt numFmtId="${id}" formatCode="${attrCode}"/>`);
    return id;
  }

  /** The cellXfs index of a summary cell's look. */
  cellFormat(look: CellLook): number {
    const key = JSON.stringify(look);
    const cached = this.xfIndex.get(key);
    if (cached !== undefined) return cached;
    const p = this.p;
    const font =
      `<${p}font>${look.bold ? `<${p}b/>` : ""}${look.italic ? `<${p}i/>` : ""}${look.underline ? `<${p}u/>` : ""}` +
      `<${p}sz val="${look.fontSize ?? 11}"/>${look.fontColor ? `<${p}color rgb="${argb(look.fontColor)}"/>` : ""}<${p}name val="Calibri"/><${p}family val="2"/></${p}font>`;
    const fontId = this.indexOf("fonts", font);
    const fillId = look.fill ? this.indexOf("fills", `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(look.fill)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`) : 0;
    const thin = (side: string): string => `<${p}${side} style="thin"><${p}color rgb="FF808080"/></${p}${side}>`;
    const borderId = look.border ? this.indexOf("borders", `<${p}border>${thin("left")}${thin("right")}${thin("top")}${thin("bottom")}<${p}diagonal/></${p}border>`) : 0;
    const numFmtId = this.numberFormatId(look.numberFormat);
    const alignment =
      look.horizontal || look.wrap ? `<${p}alignment${look.horizontal ? ` horizontal="${look.horizontal}"` : ""} vertical="top"${look.wrap ? ` wrapText="1"` : ""}/>` : "";
    const applies = `${numFmtId ? ` applyNumberFormat="1"` : ""} applyFont="1"${fillId ? ` applyFill="1"` : ""}${borderId ? ` applyBorder="1"` : ""}${alignment ? ` applyAlignment="1"` : ""}`;
    const xf = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}${alignment ? `>${alignment}</${p}xf>` : "/>"}`;
    const index = this.indexOf("cellXfs", xf);
    this.xfIndex.set(key, index);
    return index;
  }

  /** The dxfs index of a solid fill (a conditional format's look). */
  fillFormat(hex: string): number {
    const p = this.p;
    return this.indexOf("dxfs", `<${p}dxf><${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${argb(hex)}"/></${p}patternFill></${p}fill></${p}dxf>`);
  }

  /** The fill of a dxf the sheet already had ("FFRRGGBB"), to tell whose a conditional format is. */
  existingFill(dxfId: number): string | null {
    const dxf = this.children.get("dxfs")![dxfId];
    if (!dxf) return null;
    return /<(?:\w+:)?bgColor\b[^>]*\srgb="([0-9A-Fa-f]{6,8})"/.exec(dxf)?.[1] ?? /<(?:\w+:)?fgColor\b[^>]*\srgb="([0-9A-Fa-f]{6,8})"/.exec(dxf)?.[1] ?? null;
  }

  /** Did anything get added? (If not, the part is left byte for byte as it was.) */
  get changed(): boolean {
    return [...this.added.values()].some((list) => list.length > 0);
  }

  /** The style sheet with what was added. */
  toXml(): string {
    let xml = this.xml;
    for (const section of ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"] as const) {
      const added = this.added.get(section)!;
      if (!added.length) continue;
      const count = this.children.get(section)!.length + added.length;
      const tag = `${this.p}${section}`;
      const open = new RegExp(`<${tag}\\b([^>]*?)(/?)>`).exec(xml);
      if (open) {
        const attrs = open[1].replace(/\scount="\d*"/, "");
        if (open[2] === "/") xml = xml.replace(open[0], `<${tag}${attrs} count="${count}">${added.join("")}</${tag}>`);
        else {
          const close = xml.indexOf(`</${tag}>`, open.index);
          xml = `${xml.slice(0, open.index)}<${tag}${attrs} count="${count}">${xml.slice(open.index + open[0].length, close)}${added.join("")}${xml.slice(close)}`;
        }
      } else {
        // The section is missing: it goes before the first later section the sheet has, looked for
        // after the earlier sections (an xf or a cellStyle can hold an extLst of its own).
        const from = Math.max(0, ...ORDER.slice(0, ORDER.indexOf(section)).map((s) => xml.lastIndexOf(`</${this.p}${s}>`)));
        const later = ORDER.slice(ORDER.indexOf(section) + 1).map((s) => new RegExp(`<${this.p}${s}\\b`).exec(xml.slice(from))).find((m) => m);
        const at = later ? from + later.index : xml.lastIndexOf(`</${this.p}styleSheet>`);
        xml = `${xml.slice(0, at)}<${tag} count="${count}">${added.join("")}</${tag}>${xml.slice(at)}`;
      }
    }
    return xml;
  }
}
