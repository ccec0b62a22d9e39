// The workbook model, its .xlsx loader/exporter and the address rules it enforces.
import ExcelJS from "exceljs";
import { plainValue } from "../../src/xlsx/cells";
import { AddressError, formatArea, parseAddressList, parseArea, quoteSheetName, sheetAddress } from "../../tools/excel-sim/address";
import { WorkbookModel } from "../../tools/excel-sim/model";
import { workbookModelFromXlsx, workbookModelToExcelJs } from "../../tools/excel-sim/xlsx";
import * as fs from "fs";
import { corpusFile, corpusFiles } from "../helpers/corpus";
import { loadCorpus } from "../helpers/officeHost";

describe("addresses", () => {
  test("parse and print as Excel does", () => {
    expect(parseArea("$B$3:A1")).toEqual({ top: 0, left: 0, bottom: 2, right: 1 });
    expect(formatArea(parseArea("C:E"))).toBe("C:E");
    expect(formatArea(parseArea("2:4"))).toBe("2:4");
    expect(formatArea({ top: 4, left: 2, bottom: 4, right: 2 }, true)).toBe("$C$5");
    expect(quoteSheetName("Sheet1")).toBe("Sheet1");
    expect(quoteSheetName("PM Summary – Themes")).toBe("'PM Summary – Themes'");
    expect(quoteSheetName("A1")).toBe("'A1'");
    expect(quoteSheetName("O'Brien")).toBe("'O''Brien'");
    expect(sheetAddress("Theme 1", { top: 0, left: 0, bottom: 1, right: 1 })).toBe("'Theme 1'!A1:B2");
    expect(parseAddressList("'It''s, odd'!A1:B2, 'It''s, odd'!D4")).toEqual([
      { sheet: "It's, odd", area: { top: 0, left: 0, bottom: 1, right: 1 } },
      { sheet: "It's, odd", area: { top: 3, left: 3, bottom: 3, right: 3 } },
    ]);
    expect(() => parseAddressList("My sheet!A1")).toThrow(AddressError);
    expect(() => parseArea("A0")).toThrow(AddressError);
    expect(() => parseArea("XFE1")).toThrow(AddressError);
  });
});

describe("workbook model", () => {
  test("names follow a renamed sheet and become #REF! when it is deleted", () => {
    const m = new WorkbookModel();
    const s = m.addSheet("PM Summary");
    m.addSheet("Plan");
    m.names.push({ name: "PlanMonitor_themes", formula: "='PM Summary'!$A$1", visible: true, comment: "" });
    m.renameSheet(s, "Board view");
    expect(m.names[0].formula).toBe("='Board view'!$A$1");
    expect(m.resolveName(m.names[0])?.sheet).toBe(s);
    m.deleteSheet(s);
    expect(m.names[0].formula).toBe("=#REF!$A$1");
    expect(m.resolveName(m.names[0])).toBeNull();
  });

  test("used range, displayed text and the fill a viewer sees", () => {
    const m = new WorkbookModel();
    const s = m.addSheet("S");
    s.setValue(3, 2, 40359, "mmm-yy");
    s.cell(10, 5).fill = "#FF0000";
    expect(s.usedArea(true)).toEqual({ top: 3, left: 2, bottom: 3, right: 2 });
    expect(s.usedArea(false)).toEqual({ top: 3, left: 2, bottom: 10, right: 5 });
    expect(s.textAt(3, 2)).toBe("Jun-10");
    expect(s.effectiveFill(10, 5)).toBe("#FF0000");
    s.conditionalFormats.push({ id: "a", type: "Custom", ranges: [{ top: 10, left: 5, bottom: 10, right: 5 }], formula: "=TRUE", fill: "#00FF00", stopIfTrue: true });
    expect(s.effectiveFill(10, 5)).toBe("#00FF00");
  });
});

describe(".xlsx loader and exporter", () => {
  test.each(corpusFiles())("%s: every value, number format, fill, font, border and alignment survives load → export", async (file) => {
    const { workbook } = await loadCorpus(file);
    const model = await workbookModelFromXlsx(fs.readFileSync(corpusFile(file)));
    const exported = workbookModelToExcelJs(model);
    const date1904 = Boolean(workbook.properties?.date1904);
    expect(exported.worksheets.map((w) => w.name)).toEqual(workbook.worksheets.map((w) => w.name));
    let compared = 0;
    for (const ws of workbook.worksheets) {
      const out = exported.getWorksheet(ws.name)!;
      expect([...((out.model as { merges?: string[] }).merges ?? [])].sort()).toEqual([...((ws.model as { merges?: string[] }).merges ?? [])].sort());
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (c) => {
          const o = out.getCell(c.address);
          if (c.type !== ExcelJS.ValueType.Merge) expect(plainValue(o.value, date1904)).toEqual(plainValue(c.value, date1904));
          expect(o.numFmt ?? "General").toEqual(c.numFmt ?? "General");
          for (const k of ["fill", "font", "border", "alignment"] as const)
            expect(JSON.parse(JSON.stringify(o.style[k] ?? null))).toEqual(JSON.parse(JSON.stringify(c.style[k] ?? null)));
          compared++;
        }),
      );
    }
    expect(compared).toBeGreaterThan(20);
  });

  test("conditional formats, names, freeze panes, widths and page setup round-trip", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("My Plan");
    ws.getCell("A1").value = "Status";
    ws.getCell("A2").value = "Complete";
    ws.getColumn(1).width = 30;
    ws.views = [{ state: "frozen", ySplit: 1, xSplit: 0 }];
    ws.pageSetup.orientation = "landscape";
    ws.addConditionalFormatting({ ref: "A2:A9", rules: [{ type: "expression", priority: 1, formulae: ['A2="Complete"'], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FF9DC3E6" } } } }] });
    wb.definedNames.add("'My Plan'!$A$1", "PlanMonitor_x");
    const model = await workbookModelFromXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    const s = model.sheets[0];
    expect(s.conditionalFormats).toEqual([expect.objectContaining({ type: "Custom", formula: '=A2="Complete"', fill: "#9DC3E6", ranges: [{ top: 1, left: 0, bottom: 8, right: 0 }] })]);
    expect(model.names).toEqual([{ name: "PlanMonitor_x", formula: "='My Plan'!$A$1", visible: true, comment: "" }]);
    expect(s.freeze).toEqual({ rows: 1, columns: 0 });
    expect(s.columnWidths.get(0)).toBeCloseTo((30 * 7 + 5) * 0.75);
    expect(s.pageLayout.orientation).toBe("Landscape");
    const back = workbookModelToExcelJs(model);
    const again = await workbookModelFromXlsx(new Uint8Array(await back.xlsx.writeBuffer()));
    expect(again.sheets[0].conditionalFormats.map(({ id: _i, sourceRule: _r, ...cf }) => cf)).toEqual(s.conditionalFormats.map(({ id: _i, sourceRule: _r, ...cf }) => cf));
    expect(again.names).toEqual(model.names);
    expect(again.sheets[0].freeze).toEqual(s.freeze);
    expect(again.sheets[0].columnWidths.get(0)).toBeCloseTo(s.columnWidths.get(0)!);
  });
});
