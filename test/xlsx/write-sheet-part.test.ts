// sheetPartXml (src/xlsx/write-sheet-part.ts): a summary SheetSpec as a
// worksheet part, written straight into the package. Checked as XML (libxml2:
// well-formed, elements in schema order, cells escaped as OOXML wants), against
// the style sheet it was given (every s= index a format of it, with the look
// asked for), and read back cell by cell with exceljs from a package that
// writePackage makes.
import ExcelJS from "exceljs";
import type { SheetSpec } from "../../src/engine/writeback";
import { EMPTY_STYLES, StylesPart } from "../../src/xlsx/styles-part";
import { writePackage } from "../../src/xlsx/write-package";
import { sheetPartXml } from "../../src/xlsx/write-sheet-part";
import { xmlErrors } from "../helpers/wellFormed";

const SPEC: SheetSpec = {
  name: "PM Exceptions",
  kind: "exceptions",
  rows: [
    [{ value: "Exceptions & escalations <draft>", style: { bold: true, fontSize: 16, fill: "#1F3864", fontColor: "#FFFFFF" } }],
    [{ value: "Ref" }, { value: "Action", style: { wrap: true } }, { value: "Days late" }, { value: "Done" }],
    [{ value: "_x0041_" }, { value: "Esc \x1b, bell \x07,\r\nnew line", link: "'Plan'!B7" }, { value: 12, style: { numberFormat: "0", border: true } }, { value: true }],
    [{ value: "" }, null, { value: Number.NaN }, { value: 0.25, style: { numberFormat: "0%", horizontal: "center" } }],
  ],
  columnWidths: [8, 40, 10, 8],
  merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
  freezeRows: 2,
  print: { landscape: true, fitToPagesWide: 1, repeatRows: { first: 1, last: 1 }, footer: "Plan Monitor & co" },
};

const partOf = (spec: SheetSpec = SPEC, styles = new StylesPart(EMPTY_STYLES)) => {
  const { xml, printTitles } = sheetPartXml(spec, styles);
  return { bytes: xml, xml: xml.toString("utf8"), printTitles, styles };
};

/** The <c> element of one cell, as written. */
const cellOf = (xml: string, ref: string): string | undefined => new RegExp(`<c r="${ref}"(?:[^>]*/>|[^>]*>[\\s\\S]*?</c>)`).exec(xml)?.[0];

/** The children of one section of a style sheet, as written. */
function section(styles: string, name: string, child: string): string[] {
  const body = new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`).exec(styles)?.[1] ?? "";
  return [...body.matchAll(new RegExp(`<${child}\\b(?:[^>]*?/>|[\\s\\S]*?</${child}>)`, "g"))].map((m) => m[0]);
}

/** The look a cell's s= index stands for in the style sheet: its xf, font and fill. */
function lookOf(xml: string, ref: string, styles: string): { xf: string; font: string; fill: string } {
  const s = Number(/\ss="(\d+)"/.exec(cellOf(xml, ref) ?? "")?.[1] ?? 0);
  const xf = section(styles, "cellXfs", "xf")[s];
  const at = (a: string): number => Number(new RegExp(`\\s${a}="(\\d+)"`).exec(xf)?.[1]);
  return { xf, font: section(styles, "fonts", "font")[at("fontId")], fill: section(styles, "fills", "fill")[at("fillId")] };
}

const spec = (rows: SheetSpec["rows"], more: Partial<SheetSpec> = {}): SheetSpec => ({ name: "PM Test", kind: "test", rows, ...more });

describe("sheetPartXml: the part", () => {
  test("UTF-8 bytes of well-formed XML: the worksheet's elements in the schema's order", async () => {
    const { bytes, xml } = partOf();
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')).toBe(true);
    expect(await xmlErrors(bytes)).toBe("");
    const order = ["<sheetPr>", "<sheetViews>", "<sheetFormatPr ", "<cols>", "<sheetData>", "<mergeCells ", "<pageMargins ", "<pageSetup ", "<headerFooter>", "</worksheet>"].map((t) => xml.indexOf(t));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test("frozen rows, column widths, merges, page setup, footer and the rows to print on every page", () => {
    const { xml, printTitles } = partOf();
    expect(xml).toContain('<sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>');
    expect(xml).toContain('<cols><col min="1" max="1" width="8" customWidth="1"/><col min="2" max="2" width="40" customWidth="1"/><col min="3" max="3" width="10" customWidth="1"/><col min="4" max="4" width="8" customWidth="1"/></cols>');
    expect(xml).toContain('<mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells>');
    expect(xml).toContain("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>");
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(xml).toContain("<oddFooter>&amp;CPlan Monitor &amp; co</oddFooter>");
    expect(printTitles).toBe("$2:$2");
  });

  test("a plain spec: no frozen pane, no <cols>, no merges, no page setup, no print titles", async () => {
    const { xml, printTitles } = partOf(spec([[{ value: "x" }]]));
    expect(xml).toContain('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
    for (const absent of ["<pane", "<cols>", "<mergeCells", "<sheetPr>", "<pageSetup", "<pageMargins", "<headerFooter>", "<rowBreaks"]) expect(xml).not.toContain(absent);
    expect(printTitles).toBeUndefined();
    expect(await xmlErrors(xml)).toBe("");
  });

  test("print titles over several rows, portrait, fit to two pages wide, no footer", () => {
    const { xml, printTitles } = partOf(spec([[{ value: "x" }]], { print: { landscape: false, fitToPagesWide: 2, repeatRows: { first: 0, last: 2 } } }));
    expect(printTitles).toBe("$1:$3");
    expect(xml).toContain('orientation="portrait" fitToWidth="2"');
    expect(xml).not.toContain("<headerFooter>");
  });

  test("merges over several rows and columns", () => {
    const { xml } = partOf(spec([[{ value: "a" }]], { merges: [{ top: 0, left: 0, bottom: 2, right: 1 }, { top: 4, left: 26, bottom: 4, right: 27 }] }));
    expect(xml).toContain('<mergeCells count="2"><mergeCell ref="A1:B3"/><mergeCell ref="AA5:AB5"/></mergeCells>');
  });
});

describe("sheetPartXml: cells", () => {
  test("text is an inline string, OOXML-escaped (controls as _xHHHH_, a literal _x0041_ as _x005F_x0041_) and XML-escaped", () => {
    const { xml } = partOf();
    expect(cellOf(xml, "A1")).toMatch(/^<c r="A1" s="\d+" t="inlineStr"><is><t xml:space="preserve">Exceptions &amp; escalations &lt;draft&gt;<\/t><\/is><\/c>$/);
    expect(cellOf(xml, "A3")).toMatch(/t="inlineStr"><is><t xml:space="preserve">_x005F_x0041_<\/t><\/is><\/c>$/);
    const { xml: more } = partOf(spec([[{ value: "esc\x1b del\x7f \uffff tab\t lf\n > 🙂" }]]));
    expect(cellOf(more, "A1")).toContain('<t xml:space="preserve">esc_x001B_ del_x007F_ _xFFFF_ tab\t lf\n &gt; 🙂</t>');
    expect(more).not.toContain("<sst");
  });

  test('"" is an empty cell (no value), as Excel makes it; null leaves no cell; NaN and Infinity are empty cells', () => {
    const { xml } = partOf(spec([[{ value: "" }, null, { value: Number.NaN }, { value: Number.POSITIVE_INFINITY }, { value: null }]]));
    expect(cellOf(xml, "A1")).toMatch(/^<c r="A1" s="\d+"\/>$/);
    expect(cellOf(xml, "B1")).toBeUndefined();
    expect(cellOf(xml, "C1")).toMatch(/^<c r="C1" s="\d+"\/>$/);
    expect(cellOf(xml, "D1")).toMatch(/^<c r="D1" s="\d+"\/>$/);
    expect(cellOf(xml, "E1")).toMatch(/^<c r="E1" s="\d+"\/>$/);
  });

  test("numbers as <v> with no type; booleans as t=\"b\" 1 or 0", () => {
    const { xml } = partOf(spec([[{ value: 12 }, { value: -1.5 }, { value: 0 }, { value: 1e21 }, { value: 1e-7 }, { value: true }, { value: false }]]));
    expect(cellOf(xml, "A1")).toMatch(/^<c r="A1" s="\d+"><v>12<\/v><\/c>$/);
    expect(cellOf(xml, "B1")).toMatch(/><v>-1\.5<\/v><\/c>$/);
    expect(cellOf(xml, "C1")).toMatch(/><v>0<\/v><\/c>$/);
    expect(cellOf(xml, "D1")).toMatch(/><v>1e\+21<\/v><\/c>$/);
    expect(cellOf(xml, "E1")).toMatch(/><v>1e-7<\/v><\/c>$/);
    expect(cellOf(xml, "F1")).toMatch(/^<c r="F1" s="\d+" t="b"><v>1<\/v><\/c>$/);
    expect(cellOf(xml, "G1")).toMatch(/^<c r="G1" s="\d+" t="b"><v>0<\/v><\/c>$/);
  });

  test("a link is =HYPERLINK with its quotes doubled and XML-escaped, its text the cached value (t=\"str\")", async () => {
    const { xml, styles } = partOf(spec([[{ value: `Say "hi" & <go>`, link: "'It''s here'!C12" }, { value: null, link: "'Plan'!A2" }, { value: 42, link: "'Plan'!A3" }]]));
    expect(cellOf(xml, "A1")).toMatch(/^<c r="A1" s="\d+" t="str"><f>HYPERLINK\("#'It''s here'!C12","Say ""hi"" &amp; &lt;go&gt;"\)<\/f><v>Say "hi" &amp; &lt;go&gt;<\/v><\/c>$/);
    // No text: the link itself is shown.
    expect(cellOf(xml, "B1")).toMatch(/<f>HYPERLINK\("#'Plan'!A2","'Plan'!A2"\)<\/f><v>'Plan'!A2<\/v><\/c>$/);
    // A link's number is shown as HYPERLINK shows it: as text.
    expect(cellOf(xml, "C1")).toMatch(/t="str"><f>HYPERLINK\("#'Plan'!A3","42"\)<\/f><v>42<\/v><\/c>$/);
    // A link is underlined.
    expect(lookOf(xml, "A1", styles.toXml()).font).toContain("<u/>");
    expect(await xmlErrors(xml)).toBe("");
  });

  test("a cell's own formula: the leading = dropped, escaped, with its value cached by type", () => {
    const { xml } = partOf(spec([[{ value: 3, formula: "=SUM(C3:C4)" }, { value: true, formula: "A1>2" }, { value: "a<b", formula: `IF(A1<>"","a<b","")` }, { value: null, formula: "NA()" }]]));
    expect(cellOf(xml, "A1")).toMatch(/^<c r="A1" s="\d+"><f>SUM\(C3:C4\)<\/f><v>3<\/v><\/c>$/);
    expect(cellOf(xml, "B1")).toMatch(/^<c r="B1" s="\d+" t="b"><f>A1&gt;2<\/f><v>1<\/v><\/c>$/);
    expect(cellOf(xml, "C1")).toMatch(/^<c r="C1" s="\d+" t="str"><f>IF\(A1&lt;&gt;"","a&lt;b",""\)<\/f><v>a&lt;b<\/v><\/c>$/);
    expect(cellOf(xml, "D1")).toMatch(/^<c r="D1" s="\d+" t="str"><f>NA\(\)<\/f><v><\/v><\/c>$/);
  });

  test("cells are in column order with A1 references (past Z too); rows with nothing are left out, the others keep their numbers", () => {
    const row = Array.from({ length: 30 }, (_, c) => (c % 2 ? null : { value: c }));
    const { xml } = partOf(spec([row, [], [null, null], [{ value: "after" }]]));
    const refs = [...xml.matchAll(/<c r="([A-Z]+\d+)"/g)].map((m) => m[1]);
    expect(refs).toEqual([...Array.from({ length: 15 }, (_, i) => ["A", "C", "E", "G", "I", "K", "M", "O", "Q", "S", "U", "W", "Y", "AA", "AC"][i] + "1"), "A4"]);
    expect([...xml.matchAll(/<row r="(\d+)"/g)].map((m) => m[1])).toEqual(["1", "4"]);
  });
});

describe("sheetPartXml: styles", () => {
  test("each s= index is a cell format of the style sheet it was given, with the look asked for", () => {
    const { xml, styles } = partOf();
    const sheet = styles.toXml();
    const count = Number(/<cellXfs count="(\d+)"/.exec(sheet)?.[1]);
    expect(section(sheet, "cellXfs", "xf")).toHaveLength(count);
    const used = [...xml.matchAll(/\ss="(\d+)"/g)].map((m) => Number(m[1]));
    expect(used.length).toBe([...xml.matchAll(/<c r=/g)].length);
    for (const s of used) expect(s).toBeLessThan(count);

    const title = lookOf(xml, "A1", sheet);
    expect(title.font).toMatch(/<b\/>/);
    expect(title.font).toContain('<sz val="16"/>');
    expect(title.font).toContain('<color rgb="FFFFFFFF"/>');
    expect(title.fill).toContain('<fgColor rgb="FF1F3864"/>');
    expect(lookOf(xml, "B2", sheet).xf).toContain('wrapText="1"');
    expect(lookOf(xml, "B3", sheet).font).toContain("<u/>");
    // "0" and "0%" are Excel's built-in formats 1 and 9: no numFmt of their own.
    expect(lookOf(xml, "C3", sheet).xf).toMatch(/^<xf numFmtId="1" [^>]*borderId="[1-9]\d*"[^>]*applyNumberFormat="1"/);
    expect(lookOf(xml, "D4", sheet).xf).toMatch(/^<xf numFmtId="9" [^>]*>.*<alignment horizontal="center"/);
    expect(sheet).not.toContain("<numFmts");
    // Cells of the same look share one format.
    expect(/\ss="(\d+)"/.exec(cellOf(xml, "A2")!)?.[1]).toBe(/\ss="(\d+)"/.exec(cellOf(xml, "C2")!)?.[1]);
  });

  test("with a workbook's own style sheet, its formats keep their indices and ours come after them", () => {
    const own = EMPTY_STYLES.replace(
      '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>',
      '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>',
    );
    const { xml, styles } = partOf(spec([[{ value: "x", style: { italic: true, numberFormat: "dd/mm/yyyy" } }, { value: 1 }]]), new StylesPart(own));
    const sheet = styles.toXml();
    const xfs = section(sheet, "cellXfs", "xf");
    expect(xfs.slice(0, 3)).toEqual(section(own, "cellXfs", "xf"));
    const used = [...xml.matchAll(/\ss="(\d+)"/g)].map((m) => Number(m[1]));
    for (const s of used) {
      expect(s).toBeGreaterThanOrEqual(3);
      expect(s).toBeLessThan(xfs.length);
    }
    const italic = lookOf(xml, "A1", sheet);
    expect(italic.font).toContain("<i/>");
    const id = /numFmtId="(\d+)"/.exec(italic.xf)![1];
    expect(Number(id)).toBeGreaterThanOrEqual(164);
    expect(sheet).toContain(`<numFmt numFmtId="${id}" formatCode="dd/mm/yyyy"/>`);
  });
});

describe("sheetPartXml: rows and charts", () => {
  test("a wrapped long text gets a row tall enough for its lines; short rows get no height", () => {
    const { xml } = partOf(spec([[{ value: "short" }], [null, { value: "word ".repeat(60), style: { wrap: true } }]]));
    expect(xml).toContain('<row r="1">');
    const height = Number(/<row r="2" ht="(\d+)" customHeight="1">/.exec(xml)?.[1]);
    expect(height).toBeGreaterThanOrEqual(15 * 7);
  });

  test("a chart with nothing to draw leaves a note at its place; one with data starts a new printed page", async () => {
    const empty = spec([[{ value: "Theme" }, { value: "Red" }]], {
      columnWidths: [20, 10],
      charts: [{ kind: "barStacked", title: "Actions by theme", range: { top: 0, left: 0, bottom: 0, right: 1 }, seriesBy: "columns", anchor: { row: 3, col: 0 } }],
    });
    const note = partOf(empty).xml;
    expect(cellOf(note, "A4")).toContain("Chart “Actions by theme”: nothing to draw yet, because its table has no rows.");
    expect(note).toContain('<mergeCell ref="A4:B4"/>');
    expect(note).not.toContain("<rowBreaks");
    const full = partOf({ ...empty, rows: [...empty.rows, [{ value: "Health" }, { value: 2 }]], charts: [{ ...empty.charts![0], range: { top: 0, left: 0, bottom: 1, right: 1 } }] }).xml;
    expect(full).not.toContain("nothing to draw");
    expect(full).toContain('<rowBreaks count="1" manualBreakCount="1"><brk id="3" max="16383" man="1"/></rowBreaks>');
    expect(await xmlErrors(full)).toBe("");
  });

  test("20,000 rows: one <row> each, numbered to the last, every cell there, well-formed", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [{ value: `Action ${i} & <more> \x1b` }, { value: i }, { value: i % 2 === 0 }]);
    const { xml } = partOf(spec(rows, { freezeRows: 1, columnWidths: [30, 10, 8] }));
    expect(xml.match(/<row /g)).toHaveLength(20_000);
    expect(xml.match(/<c r=/g)).toHaveLength(60_000);
    expect(xml).toContain('<row r="20000"><c r="A20000" s="1" t="inlineStr"><is><t xml:space="preserve">Action 19999 &amp; &lt;more&gt; _x001B_</t></is></c><c r="B20000" s="1"><v>19999</v></c>');
    expect(await xmlErrors(xml)).toBe("");
  });
});

describe("sheetPartXml: read back by exceljs", () => {
  test("every value, link, format, width, merge and frozen row of the spec", async () => {
    const bytes = await writePackage(null, { colours: null, sheets: [{ spec: SPEC, name: SPEC.name, replaces: false }], macroEnabled: false });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("PM Exceptions")!;
    expect(ws.getCell("A1").value).toBe("Exceptions & escalations <draft>");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 16, color: { argb: "FFFFFFFF" } });
    expect(ws.getCell("A1").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FF1F3864" } });
    expect(ws.getCell("D1").isMerged).toBe(true);
    expect(ws.getCell("A3").value).toBe("_x0041_");
    // exceljs decodes the cached text but leaves the formula's own text as stored (Excel decodes both).
    expect(ws.getCell("B3").value).toEqual({ formula: `HYPERLINK("#'Plan'!B7","Esc _x001B_, bell _x0007_,_x000D_\nnew line")`, result: "Esc \x1b, bell \x07,\r\nnew line" });
    expect(ws.getCell("C3").value).toBe(12);
    expect(ws.getCell("C3").numFmt).toBe("0");
    expect(ws.getCell("D3").value).toBe(true);
    expect(ws.getCell("D4").value).toBe(0.25);
    expect(ws.getCell("D4").numFmt).toBe("0%");
    expect(ws.getCell("D4").alignment).toMatchObject({ horizontal: "center" });
    expect(ws.getCell("B2").alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell("A4").value).toBeNull();
    expect(ws.getCell("C4").value).toBeNull();
    expect([1, 2, 3, 4].map((c) => ws.getColumn(c).width)).toEqual([8, 40, 10, 8]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.printTitlesRow).toBe("2:2");
  });
});
