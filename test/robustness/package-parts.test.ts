// `check FILE --out OUT` on workbooks holding parts Plan Monitor does not model
// (src/xlsx/write-package.ts): each comes out byte for byte with its
// relationship and content type; the one thing a copy cannot hold (an .xlsm's
// macros in an .xlsx) is refused, naming it, unless --force. FILE's bytes never change; the plan's values read back the
// same in openpyxl.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { XlsxHost } from "../../src/xlsx/host";
import { PYTHON, testWithOpenpyxl } from "../helpers/requires";
import { CT_MACRO_WORKBOOK, CUSTOM_XML, EXTENSIONS_XML, FILTER_COLUMN, STRUCTURE_PROTECTION, TASK_PANES_XML, VBA_BYTES, workbookWith, type Extra } from "./package-fixtures";
import { tempDir } from "../helpers/tempDir";
import { mergeValidationCells } from "../helpers/exceljs-write-fixes";

const AS_AT = "2020-06-15";
const READER = path.join(__dirname, "../helpers/openpyxl-values.py");
const CT_XLSX_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
let dir: string;
beforeEach(() => {
  dir = tempDir("parts");
});

const sha = (file: string): string => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

async function input(extras: Extra[], name = "plan.xlsx"): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await workbookWith(extras));
  return file;
}

async function run(file: string, out: string, ...more: string[]): Promise<{ code: number; stderr: string }> {
  const before = sha(file);
  let stderr = "";
  const code = await main(["check", file, "--as-at", AS_AT, "--no-color", "--out", out, ...more], { stdout: () => undefined, stderr: (s) => (stderr += s) });
  expect(sha(file)).toBe(before);
  return { code, stderr };
}

const wrote = (file: string, out: string): string => `plan-monitor: wrote ${out} (RAG colours, summary sheets and their charts; ${file} is unchanged)\n`;

async function part(file: string, name: string): Promise<Buffer | null> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return zip.file(name) ? zip.file(name)!.async("nodebuffer") : null;
}
const partText = async (file: string, name: string): Promise<string> => (await part(file, name))?.toString("utf8") ?? "";

/** The content type the package gives a part (its Override, else its extension's Default). */
async function contentType(file: string, name: string): Promise<string | undefined> {
  const types = await partText(file, "[Content_Types].xml");
  const override = new RegExp(`<Override PartName="/${name.replace(/[.]/g, "\\.")}" ContentType="([^"]+)"`).exec(types);
  return override?.[1] ?? new RegExp(`<Default Extension="${name.replace(/^.*\./, "")}" ContentType="([^"]+)"`).exec(types)?.[1];
}

const openpyxlValues = (file: string, sheet = "Plan"): Record<string, unknown> => JSON.parse(execFileSync(PYTHON, [READER, file, sheet], { encoding: "utf8" }));
const openpyxl = (file: string, expr: string): unknown =>
  JSON.parse(execFileSync(PYTHON, ["-c", `import json, sys, warnings, openpyxl\nwarnings.simplefilter("ignore")\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb["Plan"]\nprint(json.dumps(${expr}))`, file], { encoding: "utf8" }));

describe("kept: the part copied from FILE into OUT", () => {
  test("macros: an .xlsm in, an .xlsm out, vbaProject.bin byte for byte, the macro-enabled content type", async () => {
    const file = await input(["macros"], "plan.xlsm");
    const out = path.join(dir, "copy.xlsm");
    const r = await run(file, out);
    expect(r).toEqual({ code: 0, stderr: wrote(file, out) });
    expect(await part(out, "xl/vbaProject.bin")).toEqual(VBA_BYTES);
    expect(await contentType(out, "xl/workbook.xml")).toBe(CT_MACRO_WORKBOOK);
    expect(await contentType(out, "xl/vbaProject.bin")).toBe("application/vnd.ms-office.vbaProject");
    expect(await partText(out, "xl/_rels/workbook.xml.rels")).toMatch(/Type="http:\/\/schemas\.microsoft\.com\/office\/2006\/relationships\/vbaProject" Target="vbaProject\.bin"/);
  });

  test("an .xlsm copy of a workbook without macros still has the macro-enabled content type (Excel opens it)", async () => {
    const file = await input([]);
    const out = path.join(dir, "copy.xlsm");
    expect((await run(file, out)).code).toBe(0);
    expect(await contentType(out, "xl/workbook.xml")).toBe(CT_MACRO_WORKBOOK);
    expect(await part(out, "xl/vbaProject.bin")).toBeNull();
  });

  test("summary --out BOARD.xlsm gets the macro-enabled content type too", async () => {
    const file = await input([]);
    const board = path.join(dir, "board.xlsm");
    const code = await main(["summary", file, "--as-at", AS_AT, "--out", board], { stdout: () => undefined, stderr: () => undefined });
    expect(code).toBe(0);
    expect(await contentType(board, "xl/workbook.xml")).toBe(CT_MACRO_WORKBOOK);
  });

  test("custom document properties (Classification: OFFICIAL-SENSITIVE)", async () => {
    const file = await input(["customProperties"]);
    const out = path.join(dir, "copy.xlsx");
    expect(await run(file, out)).toEqual({ code: 0, stderr: wrote(file, out) });
    expect(await partText(out, "docProps/custom.xml")).toBe(CUSTOM_XML);
    expect(await contentType(out, "docProps/custom.xml")).toBe("application/vnd.openxmlformats-officedocument.custom-properties+xml");
    expect(await partText(out, "_rels/.rels")).toMatch(/relationships\/custom-properties" Target="docProps\/custom\.xml"/);
    expect(await contentType(out, "xl/workbook.xml")).toBe(CT_XLSX_WORKBOOK);
  });

  test("the task panes the workbook opens with (add-ins), with the parts they point at", async () => {
    const file = await input(["taskPane"]);
    const out = path.join(dir, "copy.xlsx");
    expect(await run(file, out)).toEqual({ code: 0, stderr: wrote(file, out) });
    expect(await partText(out, "xl/webextensions/taskpanes.xml")).toBe(TASK_PANES_XML);
    expect(await part(out, "xl/webextensions/webextension1.xml")).toEqual(await part(file, "xl/webextensions/webextension1.xml"));
    expect(await part(out, "xl/webextensions/_rels/taskpanes.xml.rels")).toEqual(await part(file, "xl/webextensions/_rels/taskpanes.xml.rels"));
    expect(await contentType(out, "xl/webextensions/webextension1.xml")).toBe("application/vnd.ms-office.webextension+xml");
    expect(await partText(out, "_rels/.rels")).toMatch(/relationships\/webextensiontaskpanes" Target="xl\/webextensions\/taskpanes\.xml"/);
  });

  test("customXml items (SharePoint metadata) with their properties", async () => {
    const file = await input(["customXml"]);
    const out = path.join(dir, "copy.xlsx");
    expect(await run(file, out)).toEqual({ code: 0, stderr: wrote(file, out) });
    for (const name of ["customXml/item1.xml", "customXml/itemProps1.xml", "customXml/_rels/item1.xml.rels"]) expect(await part(out, name)).toEqual(await part(file, name));
    expect(await contentType(out, "customXml/itemProps1.xml")).toBe("application/vnd.openxmlformats-officedocument.customXmlProperties+xml");
    expect(await partText(out, "xl/_rels/workbook.xml.rels")).toMatch(/relationships\/customXml" Target="\.\.\/customXml\/item1\.xml"/);
  });

  test("workbook structure protection", async () => {
    const file = await input(["structureProtection"]);
    const out = path.join(dir, "copy.xlsx");
    expect(await run(file, out)).toEqual({ code: 0, stderr: wrote(file, out) });
    expect(await partText(out, "xl/workbook.xml")).toContain(`${STRUCTURE_PROTECTION}<sheets>`);
  });

  test("autofilter criteria", async () => {
    const file = await input(["autoFilterCriteria"]);
    const out = path.join(dir, "copy.xlsx");
    expect(await run(file, out)).toEqual({ code: 0, stderr: wrote(file, out) });
    expect(await partText(out, "xl/worksheets/sheet1.xml")).toContain(`<autoFilter ref="A1:F4">${FILTER_COLUMN}</autoFilter>`);
  });

  test("a list validation on E2:E20 stays one validation on E2:E20", async () => {
    const file = await input(["listValidation"]);
    const out = path.join(dir, "copy.xlsx");
    expect(await run(file, out)).toEqual({ code: 0, stderr: wrote(file, out) });
    const sqrefs = [...(await partText(out, "xl/worksheets/sheet1.xml")).matchAll(/<dataValidation\b[^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    expect(sqrefs).toEqual(["E2:E20"]);
  });

  testWithOpenpyxl("openpyxl reads every kept part, and the plan's values, as in FILE", async () => {
    const file = await input(["customProperties", "structureProtection", "autoFilterCriteria", "listValidation", "taskPane", "customXml"]);
    const out = path.join(dir, "copy.xlsx");
    expect((await run(file, out)).code).toBe(0);
    expect(openpyxlValues(out)).toEqual(openpyxlValues(file));
    const facts = "[wb.security.lockStructure, [c.colId for c in ws.auto_filter.filterColumn], [str(v.sqref) for v in ws.data_validations.dataValidation]]";
    expect(openpyxl(out, facts)).toEqual([true, [4], ["E2:E20"]]);
    expect(openpyxl(out, facts)).toEqual(openpyxl(file, facts));
  });

  test("check on its own output writes again without --force: Plan Monitor's own charts are not the user's", async () => {
    const file = await input(["customProperties"]);
    const out = path.join(dir, "copy.xlsx");
    expect((await run(file, out)).code).toBe(0);
    const again = path.join(dir, "again.xlsx");
    expect(await run(out, again)).toEqual({ code: 0, stderr: wrote(out, again) });
    expect(await partText(again, "docProps/custom.xml")).toBe(CUSTOM_XML);
  });
});

describe("kept byte for byte: parts Plan Monitor never models", () => {
  /** The parts a user's pivot tables, chart and external link are made of. */
  const USER_PARTS = [
    "xl/pivotTables/pivotTable1.xml",
    "xl/pivotTables/pivotTable2.xml",
    "xl/pivotTables/_rels/pivotTable1.xml.rels",
    "xl/pivotCache/pivotCacheDefinition1.xml",
    "xl/pivotCache/pivotCacheDefinition2.xml",
    "xl/drawings/drawing1.xml",
    "xl/drawings/_rels/drawing1.xml.rels",
    "xl/charts/chart1.xml",
    "xl/externalLinks/externalLink1.xml",
    "xl/externalLinks/_rels/externalLink1.xml.rels",
    "xl/worksheets/_rels/sheet1.xml.rels",
    "xl/worksheets/_rels/sheet2.xml.rels",
  ];
  /** A worksheet part's rows: everything up to </sheetData>. */
  const rowsOf = (xml: string): string => xml.slice(0, xml.indexOf("</sheetData>"));

  test("pivot tables, a chart and a link to another workbook: no --force, every part as in FILE", async () => {
    const file = await input(["pivot", "chart", "externalLink"]);
    const out = path.join(dir, "report.xlsx");
    expect(await run(file, out)).toEqual({ code: 0, stderr: wrote(file, out) });
    for (const name of USER_PARTS) {
      expect([name, await part(out, name)]).toEqual([name, await part(file, name)]);
      expect([name, await contentType(out, name)]).toEqual([name, await contentType(file, name)]);
    }
    const workbook = await partText(out, "xl/workbook.xml");
    expect(workbook).toContain('<externalReferences><externalReference r:id="rIdExt1"/></externalReferences>');
    expect(workbook).toContain('<pivotCaches><pivotCache cacheId="1" r:id="rIdCache1"/><pivotCache cacheId="2" r:id="rIdCache2"/></pivotCaches>');
    const rels = await partText(out, "xl/_rels/workbook.xml.rels");
    for (const id of ["rIdExt1", "rIdCache1", "rIdCache2"]) expect(rels).toContain(`Id="${id}"`);
    // The plan's rows (the link's formula among them) are copied as they were; the chart stays on its sheet.
    const [before, after] = [await partText(file, "xl/worksheets/sheet1.xml"), await partText(out, "xl/worksheets/sheet1.xml")];
    expect(rowsOf(after)).toBe(rowsOf(before));
    expect(after).toContain("<f>[1]Budget!$B$2</f>");
    expect(after).toMatch(/<\/sheetData><conditionalFormatting sqref="E2">[\s\S]*<drawing r:id="rIdDrawing"\/><\/worksheet>$/);
    expect(await partText(out, "xl/worksheets/sheet2.xml")).toBe(await partText(file, "xl/worksheets/sheet2.xml"));
  });

  test("Excel 2010's data bars and sparklines stay in the sheet's extLst; the data bar gives way to the RAG rules and gets its place back", async () => {
    const file = await input(["extensions"]);
    const out = path.join(dir, "report.xlsx");
    expect(await run(file, out)).toEqual({ code: 0, stderr: wrote(file, out) });
    const sheet = await partText(out, "xl/worksheets/sheet1.xml");
    const ours = [...sheet.matchAll(/<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>/g)];
    expect(ours.length).toBeGreaterThan(0);
    // Ours come first (1..n); the user's data bar moves to n + 1; the extLst is otherwise as written, and last.
    expect(sheet).toContain(EXTENSIONS_XML.replace('priority="1"', `priority="${ours.length + 1}"`) + "</worksheet>");
    expect(sheet.indexOf("<conditionalFormatting")).toBeLessThan(sheet.indexOf("<pageMargins"));
    // Clearing gives it back its own priority: the sheet's tail is as in FILE.
    const cleared = path.join(dir, "cleared.xlsx");
    const plan = await XlsxHost.fromBuffer(fs.readFileSync(out));
    await plan.clearColours();
    fs.writeFileSync(cleared, (await plan.toPackage()).buffer);
    expect(await partText(cleared, "xl/worksheets/sheet1.xml")).toContain(EXTENSIONS_XML + "</worksheet>");
  });

  testWithOpenpyxl("openpyxl opens the copy, with the plan's values as in FILE", async () => {
    const file = await input(["pivot", "chart", "externalLink", "extensions"]);
    const out = path.join(dir, "copy.xlsx");
    expect((await run(file, out)).code).toBe(0);
    expect(openpyxlValues(out)).toEqual(openpyxlValues(file));
  });
});

describe("refused without --force: an .xlsx copy cannot hold an .xlsm's macros", () => {
  test("macros into an .xlsx copy are refused, naming them", async () => {
    const file = await input(["macros"], "plan.xlsm");
    const out = path.join(dir, "copy.xlsx");
    const r = await run(file, out);
    expect(r).toEqual({
      code: 2,
      stderr: `plan-monitor: ${out} was not written: it would lose its macros (an .xlsx file cannot hold macros; name the copy .xlsm to keep them). Nothing was changed. Add --force to write it without them.\n`,
    });
    expect(fs.existsSync(out)).toBe(false);
  });

  test("an existing OUT is left as it was when refused", async () => {
    const file = await input(["macros"], "plan.xlsm");
    const out = path.join(dir, "report.xlsx");
    expect((await run(file, out, "--force")).code).toBe(0);
    const before = sha(out);
    // OUT is now Plan Monitor's: replacing it needs no --force, but losing the macros does.
    const r = await run(file, out);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`plan-monitor: ${out} was not written: it would lose its macros (an .xlsx file cannot hold macros; name the copy .xlsm to keep them). Nothing was changed. Add --force to write it without them.\n`);
    expect(sha(out)).toBe(before);
  });

  test("with --force the copy is written without the macros, and says so; everything else is kept", async () => {
    const file = await input(["macros", "pivot", "chart", "externalLink", "customProperties"], "plan.xlsm");
    const out = path.join(dir, "copy.xlsx");
    const r = await run(file, out, "--force");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`plan-monitor: note: as --force asked, ${out} was written without its macros (an .xlsx file cannot hold macros; name the copy .xlsm to keep them)\n` + wrote(file, out));
    expect(await part(out, "xl/vbaProject.bin")).toBeNull();
    expect(await partText(out, "xl/_rels/workbook.xml.rels")).not.toContain("vbaProject");
    expect(await contentType(out, "xl/workbook.xml")).toBe(CT_XLSX_WORKBOOK);
    expect(await partText(out, "docProps/custom.xml")).toBe(CUSTOM_XML);
    expect(await part(out, "xl/charts/chart1.xml")).toEqual(await part(file, "xl/charts/chart1.xml"));
    expect(await part(out, "xl/externalLinks/externalLink1.xml")).toEqual(await part(file, "xl/externalLinks/externalLink1.xml"));
  });

  testWithOpenpyxl("the forced copy opens in openpyxl with the plan's values as in FILE", async () => {
    const file = await input(["macros", "pivot", "chart"], "plan.xlsm");
    const out = path.join(dir, "copy.xlsx");
    expect((await run(file, out, "--force")).code).toBe(0);
    expect(openpyxlValues(out)).toEqual(openpyxlValues(file));
  });
});

describe("mergeValidationCells (how the fixtures are written)", () => {
  const list = { type: "list", formulae: ['"A,B"'] };
  const other = { type: "whole", formulae: [1, 9] };
  test("cells in text order E10 before E2 become one range, never overlapping", () => {
    const cells = Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`E${i + 2}`, list]));
    expect(Object.keys(mergeValidationCells(cells))).toEqual(["E2:E20"]);
  });
  test("a cell already in a rectangle is not taken twice", () => {
    // B1:B3 first (row order), then A2:A3 cannot widen into B.
    const merged = mergeValidationCells({ B1: list, B2: list, B3: list, A2: list, A3: list });
    expect(merged).toEqual({ "B1:B3": list, "A2:A3": list });
  });
  test("ranges are kept as they are; different validations stay apart", () => {
    expect(mergeValidationCells({ "C1:C1048576": list, D1: list, D2: other })).toEqual({ "C1:C1048576": list, D1: list, D2: other });
  });
});
