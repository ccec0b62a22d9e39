// workbookFacts (src/xlsx/workbook-facts.ts): the sheet names (chart sheets
// included) and whether there is a macro project, read straight from the zip
// bytes of a package. The packages are made by exceljs and edited with jszip as
// Excel stores them (test/robustness/package-fixtures.ts).
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { workbookFacts } from "../../src/xlsx/workbook-facts";
import { workbookWith } from "../robustness/package-fixtures";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject";

async function edited(bytes: Buffer, edits: Record<string, (xml: string) => string>, compression: "DEFLATE" | "STORE" = "DEFLATE"): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [part, edit] of Object.entries(edits)) zip.file(part, edit((await zip.file(part)?.async("string")) ?? ""));
  return zip.generateAsync({ type: "nodebuffer", compression });
}

async function exceljsWorkbook(names: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const n of names) wb.addWorksheet(n).getCell("A1").value = n;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A package made by hand: only the parts given. */
async function pkg(parts: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("workbookFacts", () => {
  test("a plain workbook: its one sheet, no macros", async () => {
    expect(workbookFacts(await workbookWith([]))).toEqual({ sheetNames: ["Plan"], macros: false });
  });

  test("an .xlsm's macro project (and several sheets, in workbook order)", async () => {
    expect(workbookFacts(await workbookWith(["macros", "pivot"]))).toEqual({ sheetNames: ["Plan", "Pivot"], macros: true });
  });

  test("the other parts a workbook may hold (charts, pivots, links, custom XML, task panes) are no macros", async () => {
    expect(workbookFacts(await workbookWith(["chart", "pivot", "externalLink", "customXml", "taskPane", "customProperties", "structureProtection"]))).toEqual({ sheetNames: ["Plan", "Pivot"], macros: false });
  });

  test("names as the user typed them: XML escapes undone, hidden sheets too", async () => {
    const names = [`R&D <1>`, `Say "hi"`, "It's", "Ünïcödé – 🙂"];
    const bytes = await exceljsWorkbook(names);
    expect(workbookFacts(bytes)).toEqual({ sheetNames: names, macros: false });
    const hidden = await edited(bytes, { "xl/workbook.xml": (x) => x.replace(/(<sheet\b[^>]*name="It&apos;s"[^>]*)state="visible"/, '$1state="veryHidden"') });
    expect(await (await JSZip.loadAsync(hidden)).file("xl/workbook.xml")!.async("string")).toContain('state="veryHidden"');
    expect(workbookFacts(hidden).sheetNames).toEqual(names);
  });

  test("a chart sheet, which the reader does not load as a grid, is named too", async () => {
    const bytes = await edited(await workbookWith([]), {
      "xl/workbook.xml": (x) => x.replace("</sheets>", '<sheet name="Chart of RAGs" sheetId="9" r:id="rIdChartSheet"/></sheets>'),
      "xl/_rels/workbook.xml.rels": (x) => x.replace("</Relationships>", `<Relationship Id="rIdChartSheet" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`),
      "xl/chartsheets/sheet1.xml": () => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`,
      "[Content_Types].xml": (x) => x.replace("</Types>", '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>'),
    });
    expect(workbookFacts(bytes)).toEqual({ sheetNames: ["Plan", "Chart of RAGs"], macros: false });
  });

  test("an uncompressed (stored) package reads the same", async () => {
    const stored = await edited(await workbookWith(["macros", "pivot"]), {}, "STORE");
    expect(workbookFacts(stored)).toEqual({ sheetNames: ["Plan", "Pivot"], macros: true });
  });

  test("a prefixed workbook (<x:workbook>, <x:sheet>) and a relationship with its attributes in another order", async () => {
    const bytes = await pkg({
      "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?>\n<x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}"><x:sheets><x:sheet name="One" sheetId="1" r:id="rId1"/><x:sheet name="Two &amp; three" sheetId="2" r:id="rId2"/></x:sheets></x:workbook>`,
      "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Target="vbaProject.bin" Type="${VBA}" Id="rId9"></Relationship></Relationships>`,
    });
    expect(workbookFacts(bytes)).toEqual({ sheetNames: ["One", "Two & three"], macros: true });
  });

  test("macros only by the vbaProject relationship's type: a part merely named vbaProject.bin, or another type's relationship to it, is not one", async () => {
    const bytes = await pkg({
      "xl/workbook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/oleObject" Target="vbaProject.bin"/></Relationships>`,
      "xl/vbaProject.bin": "not read",
    });
    expect(workbookFacts(bytes)).toEqual({ sheetNames: ["Plan"], macros: false });
  });

  test("a sheet with no name, or an empty one, is left out", async () => {
    const bytes = await pkg({ "xl/workbook.xml": `<workbook xmlns="${MAIN}"><sheets><sheet name="" sheetId="1"/><sheet sheetId="2"/><sheet name="Kept" sheetId="3"/></sheets></workbook>` });
    expect(workbookFacts(bytes)).toEqual({ sheetNames: ["Kept"], macros: false });
  });

  test("bytes that are no zip, an empty file, a cut-off package, or a zip with no workbook: no sheets, no macros (and no throw)", async () => {
    const whole = await workbookWith(["macros"]);
    for (const bytes of [new Uint8Array(0), Buffer.from("PK\x03\x04 this is not a zip"), Buffer.from("Ref,Action\n1,Do it\n"), whole.subarray(0, whole.length - 30), await pkg({ "readme.txt": "hello" })]) {
      expect(workbookFacts(bytes)).toEqual({ sheetNames: [], macros: false });
    }
  });

  test("a Uint8Array that is a view into a larger buffer is read from its own bytes", async () => {
    const bytes = await workbookWith(["macros"]);
    const larger = new Uint8Array(bytes.length + 100);
    larger.set(bytes, 50);
    expect(workbookFacts(larger.subarray(50, 50 + bytes.length))).toEqual({ sheetNames: ["Plan"], macros: true });
  });
});
