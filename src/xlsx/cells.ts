// Turning exceljs cells into the values Excel itself (and Office.js) reports:
// dates as serial numbers, rich text as plain text, formulas as their result.
import type ExcelJS from "exceljs";
import { format as formatNumber } from "numfmt";
import type { CellValue } from "../engine/grid";

const MS_PER_DAY = 86_400_000;
// Serial 25569 is 1970-01-01 in the 1900 system; the 1904 system is 1462 days behind.
const UNIX_EPOCH_SERIAL_1900 = 25569;
const DATE1904_OFFSET = 1462;

/** Excel serial number of a JS Date that exceljs built from a date cell (UTC midnight based). */
export function dateToSerial(date: Date, date1904 = false): number {
  const serial = date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL_1900;
  return date1904 ? serial - DATE1904_OFFSET : serial;
}

type Raw = ExcelJS.CellValue | undefined;

/** The plain value of an exceljs cell value, as Excel would report it. */
export function plainValue(raw: Raw, date1904 = false): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return raw;
  if (raw instanceof Date) return dateToSerial(raw, date1904);
  if (typeof raw === "object") {
    if ("richText" in raw && Array.isArray(raw.richText)) return raw.richText.map((run) => run.text).join("");
    if ("error" in raw && raw.error) return { error: String(raw.error) };
    if ("formula" in raw || "sharedFormula" in raw) {
      const result = (raw as { result?: Raw }).result;
      if (result && typeof result === "object" && "error" in result) return { error: String(result.error) };
      return plainValue(result as Raw, date1904);
    }
    if ("text" in raw && typeof raw.text === "string") return raw.text; // hyperlink
  }
  return null;
}

/** The text Excel would display for a value in a number format. */
export function displayText(value: CellValue, numberFormat: string | undefined): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object") return value.error;
  try {
    return formatNumber(numberFormat || "General", value);
  } catch {
    return String(value);
  }
}

