// StylesPart: Plan Monitor's styles added to a workbook's xl/styles.xml at the
// end of each list (a user cell's style index keeps its meaning), each look
// written once, counts kept right, missing sections placed in schema order.
import { EMPTY_STYLES, StylesPart } from "../../src/xlsx/styles-part";
import { xmlErrors } from "../helpers/wellFormed";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** A style sheet as Excel writes one: a custom number format, two fonts, a dxf, table styles and an extLst. */
const EXCEL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
  `<numFmts count="1"><numFmt numFmtId="170" formatCode="dd/mm/yyyy;@"/></numFmts>` +
  `<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Arial"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="170" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>` +
  `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
  `<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst></styleSheet>`;

const section = (xml: string, name: string): string => new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`).exec(xml)?.[0] ?? "";
const countOf = (xml: string, name: string): number => Number(new RegExp(`<${name}\\b[^>]*\\scount="(\\d+)"`).exec(xml)?.[1]);
const children = (xml: string, name: string, child: string): number => (section(xml, name).match(new RegExp(`<${child}\\b`, "g")) ?? []).length;

describe("StylesPart", () => {
  test("nothing asked: not changed, and toXml is the part as it was", () => {
    const styles = new StylesPart(EXCEL_STYLES);
    expect(styles.changed).toBe(false);
    expect(styles.toXml()).toBe(EXCEL_STYLES);
  });

  test("the workbook's styles keep their indices; ours go at the end of each list, counts equal to the children", async () => {
    const styles = new StylesPart(EXCEL_STYLES);
    const title = styles.cellFormat({ bold: true, fontSize: 16, fill: "#DDEBF7", border: true, numberFormat: "0.0%", horizontal: "center", wrap: true });
    expect(title).toBe(2);
    expect(styles.changed).toBe(true);
    const xml = styles.toXml();
    expect(xml.startsWith(EXCEL_STYLES.slice(0, EXCEL_STYLES.indexOf("<numFmts")))).toBe(true);
    expect(section(xml, "cellXfs")).toContain(section(EXCEL_STYLES, "cellXfs").replace(/<cellXfs[^>]*>|<\/cellXfs>/g, ""));
    for (const [name, child] of [["numFmts", "numFmt"], ["fonts", "font"], ["fills", "fill"], ["borders", "border"], ["cellXfs", "xf"], ["dxfs", "dxf"]]) {
      expect([name, countOf(xml, name)]).toEqual([name, children(xml, name, child)]);
    }
    expect(countOf(xml, "fonts")).toBe(3);
    expect(countOf(xml, "fills")).toBe(3);
    // A new custom number format takes an id after the workbook's own.
    expect(section(xml, "numFmts")).toContain('<numFmt numFmtId="171" formatCode="0.0%"/>');
    expect(section(xml, "cellXfs")).toMatch(/<xf numFmtId="171" fontId="2" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top" wrapText="1"\/><\/xf><\/cellXfs>/);
    expect(xml).toContain(section(EXCEL_STYLES, "extLst"));
    expect(await xmlErrors(xml)).toBe("");
  });

  test("the same look twice is one format; built-in and known number formats are used as they are", () => {
    const styles = new StylesPart(EXCEL_STYLES);
    const a = styles.cellFormat({ bold: true });
    expect(styles.cellFormat({ bold: true })).toBe(a);
    expect(styles.cellFormat({ numberFormat: "0%" })).not.toBe(a);
    const xml = styles.toXml();
    expect(section(xml, "cellXfs")).toContain('<xf numFmtId="9" ');
    expect(section(xml, "numFmts")).toBe(section(EXCEL_STYLES, "numFmts"));
    const dated = new StylesPart(EXCEL_STYLES);
    dated.cellFormat({ numberFormat: "dd/mm/yyyy;@" });
    expect(section(dated.toXml(), "cellXfs")).toContain('<xf numFmtId="170" ');
    expect(section(dated.toXml(), "numFmts")).toBe(section(EXCEL_STYLES, "numFmts"));
  });

  test("a style written by an earlier run is found again: re-running does not grow the part", () => {
    const first = new StylesPart(EXCEL_STYLES);
    const look = { italic: true, fontColor: "#595959", wrap: true };
    const index = first.cellFormat(look);
    const fill = first.fillFormat("#A9D08E");
    const second = new StylesPart(first.toXml());
    expect(second.cellFormat(look)).toBe(index);
    expect(second.fillFormat("#A9D08E")).toBe(fill);
    expect(second.changed).toBe(false);
  });

  test("fillFormat: one dxf per colour, after the workbook's; existingFill reads a dxf's colour back", () => {
    const styles = new StylesPart(EXCEL_STYLES);
    expect(styles.fillFormat("#a9d08e")).toBe(1);
    expect(styles.fillFormat("#A9D08E")).toBe(1);
    expect(styles.fillFormat("#F4B084")).toBe(2);
    expect(styles.existingFill(0)).toBe("FFFFC7CE");
    expect(styles.existingFill(7)).toBeNull();
    expect(section(styles.toXml(), "dxfs")).toMatch(/^<dxfs count="3">.*<bgColor rgb="FFA9D08E"\/>.*<bgColor rgb="FFF4B084"\/><\/patternFill><\/fill><\/dxf><\/dxfs>$/);
  });

  test("a style sheet without <dxfs> gets one before tableStyles, as the schema orders them", async () => {
    const styles = new StylesPart(EXCEL_STYLES.replace(section(EXCEL_STYLES, "dxfs"), ""));
    styles.fillFormat("#FFD966");
    const xml = styles.toXml();
    expect(xml).toMatch(/<\/cellStyles><dxfs count="1"><dxf>[\s\S]*<\/dxfs><tableStyles /);
    expect(await xmlErrors(xml)).toBe("");
  });

  test("an empty <dxfs count=\"0\"/> is filled; the minimal style sheet works", async () => {
    const styles = new StylesPart(EMPTY_STYLES);
    expect(styles.fillFormat("#9DC3E6")).toBe(0);
    expect(styles.cellFormat({})).toBe(1);
    const xml = styles.toXml();
    expect(section(xml, "dxfs")).toMatch(/^<dxfs count="1"><dxf>/);
    expect(await xmlErrors(xml)).toBe("");
  });

  test("a prefixed style sheet gets prefixed elements", async () => {
    const prefixed = EXCEL_STYLES.replace(/<(\/?)(?!\?|x14:|ext\b)([a-zA-Z]+)/g, "<$1x:$2").replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`).replace(/<(\/?)x:ext\b/g, "<$1x:ext");
    const styles = new StylesPart(prefixed);
    styles.cellFormat({ bold: true });
    styles.fillFormat("#A9D08E");
    const xml = styles.toXml();
    expect(xml).toContain('<x:xf numFmtId="0" fontId="2"');
    expect(xml).toContain("<x:dxf><x:fill><x:patternFill");
    expect(countOf(xml, "x:cellXfs")).toBe(3);
    expect(await xmlErrors(xml)).toBe("");
  });
});

test("the well-formedness check itself finds a broken part", async () => {
  expect(await xmlErrors("<a><b></a>")).not.toBe("");
  expect(await xmlErrors('<x:a xmlns:x="urn:x"><y:b/></x:a>')).not.toBe("");
});
