// The simulated Excel's own display text and its own reading of exceljs values
// (tools/excel-sim/displayText.ts, excelJsValue.ts), tested without the .xlsx host.
import ExcelJS from "exceljs";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simDisplayText } from "../../tools/excel-sim/displayText";
import { valueFromExcelJs } from "../../tools/excel-sim/excelJsValue";
import { WorkbookModel } from "../../tools/excel-sim/model";

/** The calendar date of a 1900-system serial after 1 March 1900, worked out with JS dates (not numfmt). */
const dateOf = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
const two = (n: number) => String(n).padStart(2, "0");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

describe("simDisplayText", () => {
  test("empty, text, TRUE/FALSE and errors show as Excel shows them", () => {
    expect(simDisplayText(null, undefined)).toBe("");
    expect(simDisplayText(undefined, "0.00")).toBe("");
    expect(simDisplayText("On track", "0.00")).toBe("On track");
    expect(simDisplayText("", undefined)).toBe("");
    expect(simDisplayText(true, undefined)).toBe("TRUE");
    expect(simDisplayText(false, "0%")).toBe("FALSE");
    expect(simDisplayText({ error: "#N/A" }, undefined)).toBe("#N/A");
    expect(simDisplayText({ error: "#DIV/0!" }, "dd/mm/yyyy")).toBe("#DIV/0!");
  });

  test("numbers in General and in number formats", () => {
    expect(simDisplayText(42, undefined)).toBe("42");
    expect(simDisplayText(1234.5, "General")).toBe("1234.5");
    expect(simDisplayText(-3, "")).toBe("-3");
    expect(simDisplayText(0.25, "0%")).toBe("25%");
    expect(simDisplayText(0.125, "0.0%")).toBe("12.5%");
    expect(simDisplayText(1234.567, "#,##0.00")).toBe("1,234.57");
    expect(simDisplayText(7, "000")).toBe("007");
  });

  test("dates follow their number format", () => {
    for (const serial of [43921, 45000, 45657]) {
      const d = dateOf(serial);
      const [day, month, year] = [d.getUTCDate(), d.getUTCMonth(), d.getUTCFullYear()];
      expect(simDisplayText(serial, "dd/mm/yyyy")).toBe(`${two(day)}/${two(month + 1)}/${year}`);
      expect(simDisplayText(serial, "yyyy-mm-dd")).toBe(`${year}-${two(month + 1)}-${two(day)}`);
      expect(simDisplayText(serial, "mmm-yy")).toBe(`${MONTHS[month]}-${String(year).slice(2)}`);
      expect(simDisplayText(serial, "d mmm yyyy")).toBe(`${day} ${MONTHS[month]} ${year}`);
    }
  });

  test("in the 1904 date system a date shows 1,462 days later; other numbers do not move", () => {
    const serial1904 = 43000;
    expect(simDisplayText(serial1904, "yyyy-mm-dd", true)).toBe(simDisplayText(serial1904 + 1462, "yyyy-mm-dd"));
    expect(simDisplayText(serial1904, "0", true)).toBe("43000");
    expect(simDisplayText(serial1904, undefined, true)).toBe("43000");
  });

  test("a number format numfmt cannot read shows the plain number", () => {
    expect(simDisplayText(5, "[[[")).toBe("5");
    expect(simDisplayText(2.5, "[[[", true)).toBe("2.5");
  });

  test("a sheet's text is the display text of its cells, in the workbook's date system", () => {
    const m = new WorkbookModel();
    const s = m.addSheet("Plan");
    s.setValue(0, 0, 45000, "dd/mm/yyyy");
    s.setValue(0, 1, 0.5, "0%");
    s.setValue(0, 2, true);
    expect([s.textAt(0, 0), s.textAt(0, 1), s.textAt(0, 2), s.textAt(5, 5)]).toEqual([simDisplayText(45000, "dd/mm/yyyy"), "50%", "TRUE", ""]);
    m.date1904 = true;
    expect(s.textAt(0, 0)).toBe(simDisplayText(45000 + 1462, "dd/mm/yyyy"));
  });
});

describe("valueFromExcelJs", () => {
  test("plain values pass through; nothing is null", () => {
    expect(valueFromExcelJs(null)).toBeNull();
    expect(valueFromExcelJs(undefined)).toBeNull();
    expect(valueFromExcelJs("Green")).toBe("Green");
    expect(valueFromExcelJs(12.5)).toBe(12.5);
    expect(valueFromExcelJs(false)).toBe(false);
  });

  test("dates become serial numbers in the workbook's date system", () => {
    const d = new Date(Date.UTC(2024, 2, 31));
    const serial = valueFromExcelJs(d) as number;
    expect(dateOf(serial).toISOString()).toBe(d.toISOString());
    expect(valueFromExcelJs(d, true)).toBe(serial - 1462);
  });

  test("rich text, hyperlinks, errors and formulas read as Excel reports them", () => {
    expect(valueFromExcelJs({ richText: [{ text: "Due " }, { font: { bold: true }, text: "March" }] })).toBe("Due March");
    expect(valueFromExcelJs({ text: "the policy", hyperlink: "https://example.org/" })).toBe("the policy");
    expect(valueFromExcelJs({ error: "#REF!" } as ExcelJS.CellErrorValue)).toEqual({ error: "#REF!" });
    expect(valueFromExcelJs({ formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue)).toBe(2);
    expect(valueFromExcelJs({ formula: "A1", result: new Date(Date.UTC(2024, 0, 1)) } as ExcelJS.CellFormulaValue, true)).toBe(
      (valueFromExcelJs(new Date(Date.UTC(2024, 0, 1))) as number) - 1462,
    );
    expect(valueFromExcelJs({ formula: "1/0", result: { error: "#DIV/0!" } } as unknown as ExcelJS.CellFormulaValue)).toEqual({ error: "#DIV/0!" });
    expect(valueFromExcelJs({ sharedFormula: "A2", result: "Amber" } as unknown as ExcelJS.CellSharedFormulaValue)).toBe("Amber");
    expect(valueFromExcelJs({ formula: "NOW()" } as ExcelJS.CellFormulaValue)).toBeNull();
  });
});

test("the simulator reads and shows cells with its own code, never the .xlsx host's", () => {
  const dir = path.resolve(__dirname, "../../tools/excel-sim");
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
  const borrowing = files.filter((f) => /from\s+["'](\.\.\/)+src\/xlsx\//.test(readFileSync(path.join(dir, f), "utf8")));
  expect(borrowing).toEqual([]);
  expect(files.length).toBeGreaterThan(10);
});
