// What a cell's number format shows of a date, read with numfmt's tokenizer so
// literal text, escapes, fill characters and [colour]/[$-809] brackets are never
// mistaken for date codes.
import { tokenize } from "numfmt";

interface FormatParts {
  date: boolean;
  day: boolean;
  month: boolean;
  year: boolean;
}

const formatCache = new Map<string, FormatParts>();

/** The date and time codes of a format's first section (serials are positive), lower-cased. */
function dateCodes(code: string): string {
  let codes = "";
  for (const token of tokenize(code)) {
    if (token.type === "break") break;
    if (token.type === "datetime") codes += token.value.toLowerCase();
  }
  return codes;
}

/** What a number format shows of a date (first section: serials are positive). */
export function formatParts(format: string | undefined): FormatParts {
  const code = format ?? "General";
  const cached = formatCache.get(code);
  if (cached) return cached;
  const first = dateCodes(code);
  const day = first.includes("d");
  const year = first.includes("y");
  // "m" is minutes next to hours or seconds ("h:mm", "mm:ss"); "mmm" is always a month
  const month = first.includes("mmm") || (first.includes("m") && !first.includes("h") && !first.includes("s"));
  const parts = { date: day || month || year, day, month, year };
  if (formatCache.size < 500) formatCache.set(code, parts);
  return parts;
}
