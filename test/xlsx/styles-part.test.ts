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

// --- Counts and schema order read with a depth count over the tags (not the
// module's own regular expressions), number format ids, the fills read back,
// `changed`, and prefixed style sheets. ---

/** The names of the direct children of the first element called `parent` (the root when omitted). */
function childNames(xml: string, parent?: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let inside = -1; // the depth of `parent`'s children while in it
  for (const m of xml.matchAll(/<(\/?)([\w:.-]+)(?:"[^"]*"|'[^']*'|[^>"'])*?(\/?)>/g)) {
    const [, closing, name, selfClosed] = m;
    if (closing) {
      depth--;
      if (inside >= 0 && depth < inside) break;
      continue;
    }
    if (inside < 0 && (parent === undefined ? depth === 0 : name === parent)) {
      if (selfClosed) break;
      inside = depth + 1;
    } else if (depth === inside) names.push(name);
    if (!selfClosed) depth++;
  }
  return names;
}
/** Every list's count attribute against its number of children. */
function counts(xml: string, p = ""): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const name of ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"]) {
    const open = new RegExp(`<${p}${name}\\b[^>]*>`).exec(xml)?.[0];
    if (open) out[name] = [Number(/\scount="(\d+)"/.exec(open)?.[1]), childNames(xml, `${p}${name}`).length];
  }
  return out;
}
const consistent = (c: Record<string, [number, number]>): boolean => Object.values(c).every(([count, n]) => count === n);
const remove = (xml: string, name: string): string => xml.replace(section(xml, name), "");
const DXF = (argb: string): string => `<dxf><fill><patternFill patternType="solid"><bgColor rgb="${argb}"/></patternFill></fill></dxf>`;

describe("StylesPart: counts and schema order", () => {
  test("after many additions every count equals its children, the count attribute kept among the others", async () => {
    const styles = new StylesPart(EXCEL_STYLES.replace('<fonts count="2">', '<fonts count="2" x14ac:knownFonts="1">').replace("<styleSheet ", '<styleSheet xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" '));
    styles.cellFormat({ bold: true, fontSize: 14 });
    styles.cellFormat({ italic: true, fill: "#F2F2F2", border: true });
    styles.cellFormat({ numberFormat: "#,##0.0" });
    styles.cellFormat({ numberFormat: "d mmm yyyy", horizontal: "right" });
    for (const hex of ["#9DC3E6", "#A9D08E", "#FFD966", "#F4B084", "#D9D9D9"]) styles.fillFormat(hex);
    const xml = styles.toXml();
    const c = counts(xml);
    expect(consistent(c)).toBe(true);
    expect(c).toMatchObject({ numFmts: [3, 3], fonts: [4, 4], fills: [3, 3], borders: [2, 2], cellXfs: [6, 6], dxfs: [6, 6] });
    expect(xml).toMatch(/<fonts x14ac:knownFonts="1" count="4">/);
    expect(childNames(xml)).toEqual(["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "extLst"]);
    expect(await xmlErrors(xml)).toBe("");
  });

  test.each([
    ["before colors (no tableStyles)", (x: string) => remove(remove(x, "dxfs"), "tableStyles").replace("<extLst>", '<colors><mruColors><color rgb="FFFFC7CE"/></mruColors></colors><extLst>'), ["cellStyles", "dxfs", "colors", "extLst"]],
    ["before extLst (nothing else after)", (x: string) => remove(remove(x, "dxfs"), "tableStyles"), ["cellStyles", "dxfs", "extLst"]],
    ["before </styleSheet> (nothing after)", (x: string) => remove(remove(remove(x, "dxfs"), "tableStyles"), "extLst"), ["cellStyles", "dxfs"]],
    [
      "after cellStyles, whose cellStyle has an extLst of its own",
      (x: string) =>
        remove(remove(remove(x, "dxfs"), "tableStyles"), "extLst").replace(
          '<cellStyle name="Normal" xfId="0" builtinId="0"/>',
          '<cellStyle name="Normal" xfId="0" builtinId="0"><extLst><ext uri="{F7C9EE02-42E1-4005-9D12-6889AFFD525C}" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"/></extLst></cellStyle>',
        ),
      ["cellStyles", "dxfs"],
    ],
  ])("a missing <dxfs> is inserted %s", async (_, make, tail) => {
    const input = make(EXCEL_STYLES);
    const styles = new StylesPart(input);
    expect(styles.fillFormat("#FFD966")).toBe(0);
    const xml = styles.toXml();
    expect(childNames(xml).slice(-tail.length)).toEqual(tail);
    expect(childNames(xml, "dxfs")).toEqual(["dxf"]);
    expect(section(xml, "dxfs")).toBe(`<dxfs count="1">${DXF("FFFFD966")}</dxfs>`);
    expect(xml.replace(section(xml, "dxfs"), "")).toBe(input); // nothing else moved
    expect(await xmlErrors(xml)).toBe("");
  });

  test("a missing <numFmts> goes first, before <fonts>, with id 164; a self-closed <numFmts count=\"0\"/> is opened", async () => {
    for (const input of [remove(EXCEL_STYLES, "numFmts"), EXCEL_STYLES.replace(section(EXCEL_STYLES, "numFmts"), '<numFmts count="0"/>')]) {
      const styles = new StylesPart(input);
      const xf = styles.cellFormat({ numberFormat: "0.0" });
      const xml = styles.toXml();
      expect(childNames(xml).slice(0, 2)).toEqual(["numFmts", "fonts"]);
      expect(section(xml, "numFmts")).toBe('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>');
      expect(section(xml, "cellXfs")).toContain('<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs>');
      expect(xf).toBe(2);
      expect(await xmlErrors(xml)).toBe("");
    }
  });
});

describe("StylesPart: number formats and cell formats", () => {
  const withFormats = (numFmts: string): string => EXCEL_STYLES.replace(section(EXCEL_STYLES, "numFmts"), numFmts);

  test("a new custom format's id is past every id the workbook uses, never one of its own", () => {
    const styles = new StylesPart(withFormats('<numFmts count="2"><numFmt numFmtId="164" formatCode="0.000"/><numFmt numFmtId="200" formatCode="[h]:mm"/></numFmts>'));
    styles.cellFormat({ numberFormat: "0.0" });
    styles.cellFormat({ numberFormat: "mmm-yy" });
    expect(section(styles.toXml(), "numFmts")).toBe(
      '<numFmts count="4"><numFmt numFmtId="164" formatCode="0.000"/><numFmt numFmtId="200" formatCode="[h]:mm"/><numFmt numFmtId="201" formatCode="0.0"/><numFmt numFmtId="202" formatCode="mmm-yy"/></numFmts>',
    );
  });

  test("ids below 164 (a localised built-in) do not pull new ids down: the first custom one is 164", () => {
    const styles = new StylesPart(withFormats('<numFmts count="1"><numFmt numFmtId="7" formatCode="&quot;£&quot;#,##0.00;\\-&quot;£&quot;#,##0.00"/></numFmts>'));
    styles.cellFormat({ numberFormat: "0.0" });
    expect(section(styles.toXml(), "numFmts")).toContain('<numFmt numFmtId="164" formatCode="0.0"/></numFmts>');
  });

  test("a workbook's format with quotes is found by its unescaped code; a new one with quotes and < is escaped once, and written once", async () => {
    const styles = new StylesPart(withFormats('<numFmts count="1"><numFmt numFmtId="165" formatCode="&quot;£&quot;#,##0"/></numFmts>'));
    const pounds = styles.cellFormat({ numberFormat: '"£"#,##0' });
    const big = styles.cellFormat({ numberFormat: '[<1000]0;"big"' });
    expect(styles.cellFormat({ numberFormat: '[<1000]0;"big"', bold: true })).not.toBe(big);
    const xml = styles.toXml();
    expect(section(xml, "cellXfs")).toContain('<xf numFmtId="165" fontId="0"');
    expect(section(xml, "numFmts")).toBe('<numFmts count="2"><numFmt numFmtId="165" formatCode="&quot;£&quot;#,##0"/><numFmt numFmtId="166" formatCode="[&lt;1000]0;&quot;big&quot;"/></numFmts>');
    expect(pounds).toBe(2);
    expect(await xmlErrors(xml)).toBe("");
  });

  test("General, 0, 0.00, 0%, 0.00% and @ are Excel's built-in ids and add no numFmt", () => {
    const styles = new StylesPart(EXCEL_STYLES);
    const ids = ["General", "0", "0.00", "0%", "0.00%", "@"].map((numberFormat) => /numFmtId="(\d+)"/.exec(childXf(styles, styles.cellFormat({ numberFormat })))?.[1]);
    expect(ids).toEqual(["0", "1", "2", "9", "10", "49"]);
    expect(section(styles.toXml(), "numFmts")).toBe(section(EXCEL_STYLES, "numFmts"));
  });

  test("the font, fill and border Plan Monitor writes, and xf flags for only what it applies", () => {
    const styles = new StylesPart(EXCEL_STYLES);
    const plain = styles.cellFormat({});
    const fancy = styles.cellFormat({ italic: true, underline: true, fontSize: 9, fontColor: "#1f4e79", fill: "#ddebf7", border: true, horizontal: "left" });
    const xml = styles.toXml();
    // {} is the workbook's first font (exactly what Plan Monitor writes for it), but applyFont makes it another xf.
    expect(childXf(styles, plain)).toBe('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="1"/>');
    expect(section(xml, "fonts")).toMatch(/<font><i\/><u\/><sz val="9"\/><color rgb="FF1F4E79"\/><name val="Calibri"\/><family val="2"\/><\/font><\/fonts>$/);
    expect(section(xml, "fills")).toMatch(/<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"\/><bgColor indexed="64"\/><\/patternFill><\/fill><\/fills>$/);
    expect(section(xml, "borders")).toMatch(
      /<border><left style="thin"><color rgb="FF808080"\/><\/left><right style="thin"><color rgb="FF808080"\/><\/right><top style="thin"><color rgb="FF808080"\/><\/top><bottom style="thin"><color rgb="FF808080"\/><\/bottom><diagonal\/><\/border><\/borders>$/,
    );
    expect(childXf(styles, fancy)).toBe(
      '<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="top"/></xf>',
    );
  });

  test("looks that differ only in key order or in a default given explicitly share one format", () => {
    const styles = new StylesPart(EXCEL_STYLES);
    const a = styles.cellFormat({ bold: true, fill: "#FFF2CC" });
    expect(styles.cellFormat({ fill: "#fff2cc", bold: true })).toBe(a);
    expect(styles.cellFormat({ bold: true, fill: "#FFF2CC", fontSize: 11, italic: false, numberFormat: "General" })).toBe(a);
    const xml = styles.toXml();
    expect(counts(xml)).toMatchObject({ fonts: [3, 3], fills: [3, 3], cellXfs: [3, 3] });
  });
});

/** The xf at this cellXfs index in the part's current output. */
function childXf(styles: StylesPart, index: number): string {
  const body = section(styles.toXml(), "cellXfs");
  return [...body.matchAll(/<xf\b(?:[^>]*?\/>|[\s\S]*?<\/xf>)/g)][index]?.[0] ?? "";
}

describe("StylesPart: existingFill and changed", () => {
  const DXFS =
    '<dxfs count="5">' +
    '<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>' + // Excel's "light red fill with dark red text"
    '<dxf><fill><patternFill patternType="solid"><fgColor rgb="FFA9D08E"/></patternFill></fill></dxf>' + // a solid fill given as its foreground
    '<dxf><fill><patternFill><bgColor theme="5" tint="0.39994506668294322"/></patternFill></fill></dxf>' + // a theme colour: no rgb
    '<dxf><font><b/></font></dxf>' + // no fill at all
    `${DXF("FFF4B084")}</dxfs>`; // exactly what fillFormat writes
  const input = EXCEL_STYLES.replace(section(EXCEL_STYLES, "dxfs"), DXFS);

  test("reads the fill colour of the workbook's dxfs: bgColor, else fgColor, else null", () => {
    const styles = new StylesPart(input);
    expect([0, 1, 2, 3, 4].map((i) => styles.existingFill(i))).toEqual(["FFFFC7CE", "FFA9D08E", null, null, "FFF4B084"]);
  });

  test("a dxf that is not there is null, and so is one only added in this run (existing means the workbook's)", () => {
    const styles = new StylesPart(input);
    expect(styles.existingFill(5)).toBeNull();
    expect(styles.existingFill(-1)).toBeNull();
    const added = styles.fillFormat("#9DC3E6");
    expect(added).toBe(5);
    expect(styles.existingFill(added)).toBeNull();
    expect(new StylesPart(styles.toXml()).existingFill(added)).toBe("FF9DC3E6");
  });

  test("changed is false until something new is asked for; asking for what the part has changes nothing", () => {
    const styles = new StylesPart(input);
    expect(styles.changed).toBe(false);
    expect(styles.fillFormat("#f4b084")).toBe(4); // the dxf already in the part
    expect(styles.changed).toBe(false);
    expect(styles.toXml()).toBe(input);
    styles.fillFormat("#D9D9D9");
    expect(styles.changed).toBe(true);
    expect(counts(styles.toXml()).dxfs).toEqual([6, 6]);
  });

  test("changed stays false for a cell format already in the part (an earlier run's)", () => {
    const earlier = new StylesPart(EXCEL_STYLES);
    const index = earlier.cellFormat({ bold: true, border: true, numberFormat: "0.0%" });
    const again = new StylesPart(earlier.toXml());
    expect(again.cellFormat({ border: true, bold: true, numberFormat: "0.0%" })).toBe(index);
    expect(again.changed).toBe(false);
    expect(again.toXml()).toBe(earlier.toXml());
  });
});

describe("StylesPart: a prefixed style sheet and EMPTY_STYLES", () => {
  const X = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:styleSheet xmlns:x="${MAIN}">` +
    '<x:fonts count="1"><x:font><x:sz val="11"/><x:name val="Calibri"/><x:family val="2"/></x:font></x:fonts>' +
    '<x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills>' +
    '<x:borders count="1"><x:border><x:left/><x:right/><x:top/><x:bottom/><x:diagonal/></x:border></x:borders>' +
    '<x:cellStyleXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellStyleXfs>' +
    '<x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></x:cellXfs>' +
    '<x:cellStyles count="1"><x:cellStyle name="Normal" xfId="0" builtinId="0"/></x:cellStyles>' +
    '<x:tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></x:styleSheet>';

  test("prefixed: missing x:numFmts and x:dxfs inserted in schema order, every added element prefixed, counts right", async () => {
    const styles = new StylesPart(X);
    styles.cellFormat({ bold: true, fill: "#DDEBF7", border: true, numberFormat: "0.0%", wrap: true });
    expect(styles.fillFormat("#A9D08E")).toBe(0);
    const xml = styles.toXml();
    expect(childNames(xml)).toEqual(["x:numFmts", "x:fonts", "x:fills", "x:borders", "x:cellStyleXfs", "x:cellXfs", "x:cellStyles", "x:dxfs", "x:tableStyles"]);
    expect(xml).not.toMatch(/<(?!x:|\?xml|\/x:)[a-zA-Z]/);
    expect(consistent(counts(xml, "x:"))).toBe(true);
    expect(section(xml, "x:dxfs")).toBe('<x:dxfs count="1"><x:dxf><x:fill><x:patternFill patternType="solid"><x:bgColor rgb="FFA9D08E"/></x:patternFill></x:fill></x:dxf></x:dxfs>');
    expect(new StylesPart(xml).existingFill(0)).toBe("FFA9D08E");
    expect(await xmlErrors(xml)).toBe("");
    // And the prefixed output is found again on a second run.
    const again = new StylesPart(xml);
    again.cellFormat({ bold: true, fill: "#DDEBF7", border: true, numberFormat: "0.0%", wrap: true });
    again.fillFormat("#A9D08E");
    expect(again.changed).toBe(false);
  });

  test("EMPTY_STYLES is well-formed, with one of each default and an empty dxfs", async () => {
    expect(await xmlErrors(EMPTY_STYLES)).toBe("");
    expect(childNames(EMPTY_STYLES)).toEqual(["fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"]);
    expect(consistent(counts(EMPTY_STYLES))).toBe(true);
    const styles = new StylesPart(EMPTY_STYLES);
    expect(styles.changed).toBe(false);
    expect(styles.existingFill(0)).toBeNull();
  });
});
