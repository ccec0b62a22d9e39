// The value the simulated Excel holds for an exceljs cell, as Office.js would
// report it: dates as serial numbers, rich text as plain text, formulas as their
// cached result. The simulator's own copy (the .xlsx host has src/xlsx/cells.ts
// plainValue), so a slip in one host's reading is not mirrored in the other.
import type ExcelJS from "exceljs";
import type { SimValue } from "./model";

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system; the 1904 system counts 1,462 days fewer. */
const UNIX_EPOCH_SERIAL = 25569;
const DATE1904_SHIFT = 1462;

export function valueFromExcelJs(raw: ExcelJS.CellValue | undefined, date1904 = false): SimValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return raw;
  if (raw instanceof Date) return raw.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL - (date1904 ? DATE1904_SHIFT : 0);
  if (typeof raw !== "object") return null;
  if ("richText" in raw && Array.isArray(raw.richText)) return raw.richText.map((run) => run.text).join("");
  if ("error" in raw && raw.error) return { error: String(raw.error) };
  if ("formula" in raw || "sharedFormula" in raw) {
    const result = (raw as { result?: ExcelJS.CellValue }).result;
    if (result && typeof result === "object" && "error" in result) return { error: String(result.error) };
    return valueFromExcelJs(result, date1904);
  }
  if ("text" in raw && typeof raw.text === "string") return raw.text; // a hyperlink's shown text
  return null;
}
