// What a cell's number format shows of a date.

interface FormatParts {
  date: boolean;
  day: boolean;
  month: boolean;
  year: boolean;
}

const formatCache = new Map<string, FormatParts>();
// Literal text, escapes, fill/skip characters and [colour]/[$-809]/[h] brackets carry no date codes.
const FORMAT_NOISE = /"[^"]*"|\\.|[_*].|\[[^\]]*\]/g;

/** What a number format shows of a date (first section: serials are positive). */
export function formatParts(format: string | undefined): FormatParts {
  const code = format ?? "General";
  const cached = formatCache.get(code);
  if (cached) return cached;
  const first = code.replace(FORMAT_NOISE, "").split(";")[0].toLowerCase().replace("general", "");
  const day = first.includes("d");
  const year = first.includes("y");
  // "m" is minutes next to hours or seconds ("h:mm", "mm:ss"); "mmm" is always a month
  const month = first.includes("mmm") || (first.includes("m") && !first.includes("h") && !first.includes("s"));
  const parts = { date: day || month || year, day, month, year };
  if (formatCache.size < 500) formatCache.set(code, parts);
  return parts;
}
