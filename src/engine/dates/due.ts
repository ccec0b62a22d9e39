// Due dates (plan-rules.md §3): reading the target-date cell of an action plan as
// the last day the item is due by.
import { type Cell, isCellError } from "../grid";
import { saysNoDate } from "../lexicon";
import { endOfMonth, iso, MAX_SERIAL, serialToIso } from "./calendar";
import { formatParts } from "./number-format";
import { isYearLike } from "./pieces";
import { placeInPeriod, scanPieces } from "./scan";
import { isSpace, tokenize } from "./tokens";
import type { DueKind, DueOptions, DueReading } from "./types";

const BLANK: DueReading = Object.freeze({ due: null, dates: [], several: false, kind: "blank" }) as DueReading;
const reading = (kind: DueKind): DueReading => ({ due: null, dates: [], several: false, kind });

const isBlank = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
};

/** Reads the text of a due-date cell (plan-rules.md §3). */
export function parseDueText(text: string, opts: DueOptions = {}): DueReading {
  if (typeof text !== "string") text = text === null || text === undefined ? "" : String(text);
  if (text === "" || isBlank(text)) return { ...BLANK, dates: [] };
  const pieces = scanPieces(tokenize(text), Boolean(opts.monthFirst));
  const dates: string[] = [];
  let yearless = false;
  for (const p of pieces) {
    if (p.iso !== null) dates.push(p.iso);
    else if (p.unit !== "quarter") {
      const placed = opts.period ? placeInPeriod(p, opts.period) : null;
      if (placed) dates.push(placed);
      else yearless = true;
    }
  }
  if (dates.length === 0) return reading(yearless ? "month-no-year" : saysNoDate(text) ? "no-date" : "unreadable");
  let due = dates[0];
  let several = false;
  for (const d of dates) {
    if (d !== due) several = true;
    if (d > due) due = d;
  }
  return { due, dates, several, kind: "date" };
}


/** A number in a due cell: an Excel serial, read to the precision its format shows. */
function readSerial(value: number, format: string | undefined, date1904: boolean): DueReading {
  if (!Number.isFinite(value) || value < 1 || value > MAX_SERIAL) return reading("unreadable");
  const shows = formatParts(format);
  // A year typed as a plain number (General "2020") is that year, not a day in 1905.
  if (!shows.date && Number.isInteger(value) && isYearLike(value)) {
    const d = iso(value, 12, 31);
    return { due: d, dates: [d], several: false, kind: "date" };
  }
  if (date1904 && value > MAX_SERIAL - 1462) return reading("unreadable"); // past 9999-12-31
  if (!date1904 && Math.floor(value) === 60) return reading("unreadable"); // 1900-02-29: Lotus's leap day, no real date
  const day = serialToIso(value, date1904);
  let due = day;
  if (shows.date && !shows.day) {
    const y = Number(day.slice(0, 4));
    const m = Number(day.slice(5, 7));
    due = shows.month ? (day === "1900-02-29" ? day : endOfMonth(y, m)) : iso(y, 12, 31);
  }
  return { due, dates: [due], several: false, kind: "date" };
}

/** Reads a due-date cell: a date serial, text, or nothing. */
export function parseDueCell(cell: Cell | undefined, opts: DueOptions = {}): DueReading {
  if (!cell) return { ...BLANK, dates: [] };
  const v = cell.value;
  if (typeof v === "number") return readSerial(v, cell.format, Boolean(opts.date1904));
  if (typeof v === "string") return parseDueText(v === "" && cell.text ? cell.text : v, opts);
  if (typeof v === "boolean" || isCellError(v)) return reading("unreadable");
  // No value: a host that only gave the displayed text.
  return typeof cell.text === "string" && cell.text !== "" ? parseDueText(cell.text, opts) : { ...BLANK, dates: [] };
}
