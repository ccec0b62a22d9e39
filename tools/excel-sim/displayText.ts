// The text the simulated Excel shows for a cell (Range.text), written for the
// simulator alone. The .xlsx host has its own (src/xlsx/cells.ts): were the two
// one function, a display-text bug would show in both the .xlsx host and the fake
// Excel that tests the Office host, and no cross-host test could see it.
import { format, isDateFormat } from "numfmt";
import type { SimValue } from "./model";

/** Days the 1904 date system counts behind the 1900 one (numfmt reads serials in the 1900 system). */
const DATE1904_SHIFT = 1462;

/**
 * What Excel displays for a value in a number format (independent of column
 * width): text as it is, TRUE/FALSE, the error code, numbers and dates through
 * the format ("General" when none). A pattern numfmt cannot read shows the number.
 */
export function simDisplayText(value: SimValue | undefined, numberFormat: string | undefined, date1904 = false): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object") return value.error;
  const pattern = numberFormat || "General";
  const serial = date1904 && numberFormat && isDateFormat(numberFormat) ? value + DATE1904_SHIFT : value;
  try {
    return format(pattern, serial);
  } catch {
    return String(serial);
  }
}
