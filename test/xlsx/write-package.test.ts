// writePackage: the copy is the input's package with only Plan Monitor's parts
// changed. Every other part comes out byte for byte; the summary sheets, their
// markers, charts and styles are added (or replace the earlier ones without
// leaving orphans); the calculation chain goes when sheets are written; macros
// stay only in a macro-enabled copy.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetSpec } from "../../src/engine/writeback";
import { writePackage } from "../../src/xlsx/write-package";
import { workbookWith, VBA_BYTES } from "../robustness/package-fixtures";
import { PYTHON, testWithOpenpyxl } from "../helpers/requires";
import { tempDir } from "../helpers/tempDir";
import { xmlErrors } from "../helpers/wellFormed";

const THEMES: SheetSpec = {
  name: "PM Summary – Themes",
  kind: "themes",
  rows: [
    [{ value: "Theme" }, { value: "Red" }, { value: "Green" }],
    [{ value: "Safety" }, { value: 1 }, { value: 2 }],
    [{ value: "Staff" }, { value: 3 }, { value: 4 }],
  ],
  charts: [{ kind: "barStacked", title: "Actions by theme", range: { top: 0, left: 0, bottom: 2, right: 2 }, seriesBy: "columns", anchor: { row: 5, col: 0 } }],
  print: { landscape: false, fitToPagesWide: 1, repeatRows: { first: 0, last: 0 } },
};
const write = (source: Uint8Array | null, spec: SheetSpec | null, options: { replaces?: boolean; macroEnabled?: boolean; colours?: boolean } = {}): Promise<Buffer> =>
  writePackage(source, {
    colours: options.colours ? { sheets: [{ name: "Plan", cells: [{ row: 1, col: 4, rag: "green" }] }] } : null,
    sheets: spec ? [{ spec, name: spec.name, replaces: options.replaces ?? false }] : [],
    macroEnabled: options.macroEnabled ?? false,
  });

async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir)) out.set(name, await zip.file(name)!.async("nodebuffer"));
  return out;
}
const text = (m: Map<string, Buffer>, name: string): string => m.get(name)?.toString("utf8") ?? "";

/** Adds a calculation chain, as Excel keeps one for a workbook with formulas. */
async function withCalcChain(bytes: Uint8Array): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file("xl/calcChain.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="H2" i="1"/></calcChain>');
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  zip.file("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", types.replace("</Types>", '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("writePackage", () => {
  test("every part Plan Monitor does not own comes out byte for byte", async () => {
    const source = await workbookWith(["pivot", "chart", "externalLink", "customProperties", "taskPane", "customXml", "extensions"]);
    const before = await parts(source);
    const after = await parts(await write(source, THEMES, { colours: true }));
    const edited = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml", "xl/worksheets/sheet1.xml"]);
    for (const [name, bytes] of before) if (!edited.has(name)) expect([name, after.get(name)?.equals(bytes)]).toEqual([name, true]);
    // The edited parts keep what they had: the sheets, relationships and content types are all still there.
    for (const id of [...text(before, "xl/_rels/workbook.xml.rels").matchAll(/\sId="([^"]+)"/g)].map((m) => m[1])) expect(text(after, "xl/_rels/workbook.xml.rels")).toContain(`Id="${id}"`);
    for (const entry of text(before, "[Content_Types].xml").match(/<(Override|Default)\b[^>]*>/g)!) expect(text(after, "[Content_Types].xml")).toContain(entry);
    for (const name of edited) expect([name, await xmlErrors(after.get(name)!)]).toEqual([name, ""]);
  });

  test("a summary sheet: its part, relationship, content type, sheet entry, marker, print titles and chart", async () => {
    const out = await parts(await write(await workbookWith([]), THEMES));
    const workbook = text(out, "xl/workbook.xml");
    const entry = /<sheet name="PM Summary – Themes" sheetId="(\d+)" r:id="([^"]+)"\/>/.exec(workbook)!;
    expect(entry).not.toBeNull();
    const target = new RegExp(`<Relationship Id="${entry[2]}" Type="[^"]+/worksheet" Target="([^"]+)"/>`).exec(text(out, "xl/_rels/workbook.xml.rels"))![1];
    const part = `xl/${target}`;
    expect(out.has(part)).toBe(true);
    expect(text(out, "[Content_Types].xml")).toContain(`<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    expect(workbook).toContain(`<definedName name="PlanMonitor_themes">'PM Summary – Themes'!$A$1</definedName>`);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'PM Summary – Themes'!$1:$1</definedName>`);
    expect(text(out, part)).toMatch(/<drawing r:id="[^"]+"\/><\/worksheet>$/);
    expect([...out.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(1);
    expect(await xmlErrors(out.get(part)!)).toBe("");
  });

  test("replacing Plan Monitor's sheet reuses its part and leaves no orphan drawing or chart", async () => {
    const once = await write(await workbookWith([]), THEMES);
    const twice = await write(once, THEMES, { replaces: true });
    const [a, b] = [await parts(once), await parts(twice)];
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    expect(text(b, "xl/workbook.xml").match(/<sheet /g)).toHaveLength(2);
    expect(text(b, "xl/workbook.xml").match(/PlanMonitor_themes/g)).toHaveLength(1);
    expect(text(b, "[Content_Types].xml").match(/drawingml\.chart\+xml/g)).toHaveLength(1);
    expect(text(b, "xl/styles.xml")).toBe(text(a, "xl/styles.xml"));
  });

  test("the calculation chain goes (part, relationship, content type) when sheets are written, and stays when only colours change", async () => {
    const source = await withCalcChain(await workbookWith(["externalLink"]));
    const written = await parts(await write(source, THEMES));
    expect(written.has("xl/calcChain.xml")).toBe(false);
    expect(text(written, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(text(written, "[Content_Types].xml")).not.toContain("calcChain");
    const coloured = await parts(await write(source, null, { colours: true }));
    expect(coloured.get("xl/calcChain.xml")).toEqual((await parts(source)).get("xl/calcChain.xml"));
  });

  test("macros: kept with the macro-enabled type in an .xlsm copy; dropped with their relationship otherwise", async () => {
    const source = await workbookWith(["macros"]);
    const kept = await parts(await write(source, THEMES, { macroEnabled: true }));
    expect(kept.get("xl/vbaProject.bin")).toEqual(VBA_BYTES);
    expect(text(kept, "[Content_Types].xml")).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
    const dropped = await parts(await write(source, THEMES, { macroEnabled: false }));
    expect(dropped.has("xl/vbaProject.bin")).toBe(false);
    expect(text(dropped, "xl/_rels/workbook.xml.rels")).not.toContain("vbaProject");
    expect(text(dropped, "[Content_Types].xml")).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>');
  });

  test("a new workbook (the board paper) opens in exceljs with the sheet's values", async () => {
    const bytes = await write(null, THEMES);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["PM Summary – Themes"]);
    expect(wb.getWorksheet("PM Summary – Themes")!.getCell("C3").value).toBe(4);
    for (const [name, part] of await parts(bytes)) if (/\.(xml|rels)$/.test(name)) expect([name, await xmlErrors(part)]).toEqual([name, ""]);
  });

  testWithOpenpyxl("a new workbook opens in openpyxl, with its chart", async () => {
    const file = path.join(tempDir("write-package"), "board.xlsx");
    fs.writeFileSync(file, await write(null, THEMES));
    const facts = execFileSync(
      PYTHON,
      ["-c", 'import json, sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb.worksheets[0]\nprint(json.dumps([wb.sheetnames, ws["B2"].value, len(ws._charts), ws.print_title_rows]))', file],
      { encoding: "utf8" },
    );
    expect(JSON.parse(facts)).toEqual([["PM Summary – Themes"], 1, 1, "$1:$1"]);
  });
});
