// Cells as Office.js reports them, turned into grid cells; and whether the
// workbook counts dates from 1904, judged from what Excel displays.
import { format, isDateFormat } from "numfmt";
import type { Cell, CellValue } from "../engine/grid";

/** Strings that read like Excel's error values (their type is then asked for). */
export const ERROR_LITERAL = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** A date-formatted number and the text Excel displays for it. */
export interface DateSample {
  value: number;
  format: string;
  text: string;
}

/** How many displayed dates the 1904 check looks at. */
const DATE_SAMPLE_ROWS = 200;

/** Keep a date-formatted number and its displayed text for the 1904 check (the first DATE_SAMPLE_ROWS). */
export function sampleDate(samples: DateSample[], value: unknown, format: string | undefined, text: string | undefined): void {
  if (samples.length < DATE_SAMPLE_ROWS && typeof value === "number" && format && text !== undefined && isDateFormat(format)) samples.push({ value, format, text });
}

/**
 * Whether the workbook counts dates from 1904. Office.js does not say (before
 * Workbook.use1904DateSystem, which this client lacks), so compare the text Excel
 * shows for date-formatted numbers with both readings of the serial; true only
 * when the 1904 reading matches more cells. Locale-dependent formats (the system
 * short date) match neither reading and do not count.
 */
export function detectDate1904(samples: readonly DateSample[]): boolean {
  let as1900 = 0;
  let as1904 = 0;
  for (const { value, format, text } of samples.slice(0, DATE_SAMPLE_ROWS)) {
    if (formatNumber(format, value) === text) as1900++;
    else if (formatNumber(format, value + 1462) === text) as1904++;
  }
  return as1904 > as1900;
}

const formatNumber = (pattern: string, value: number): string => {
  try {
    return format(pattern, value);
  } catch {
    return "";
  }
};

/** One grid cell from what Office.js reported, or undefined for an empty cell. */
export function gridCell(value: unknown, text: string | undefined, format: string | undefined, type: string | undefined): Cell | undefined {
  if (value === "" || value === null || value === undefined) return undefined;
  let v: CellValue;
  if (type === "Error") v = { error: String(value) };
  else if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") v = value;
  else v = String(value);
  const shown = text ?? (typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value));
  const cell: Cell = { value: v, text: shown };
  if (format !== undefined) cell.format = format;
  return cell;
}
