// A1 addresses as the simulated Excel parses and prints them. Written separately
// from the Office host's own helpers (src/excel/a1.ts) on purpose: when the host
// builds an address the sim must parse it independently, so a quoting bug in one
// is not hidden by the same bug in the other.

/** A rectangle of cells, 0-based and inclusive (the engine's MergedArea shape). */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Excel on the web refuses longer address strings. */
export const MAX_ADDRESS_LENGTH = 8_192;

export function columnName(index: number): string {
  let s = "";
  let n = index + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export const areaCellCount = (a: Area): number => (a.bottom - a.top + 1) * (a.right - a.left + 1);

export const areasIntersect = (a: Area, b: Area): boolean =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

export const areaContains = (outer: Area, inner: Area): boolean =>
  inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;

export function intersection(a: Area, b: Area): Area | null {
  if (!areasIntersect(a, b)) return null;
  return {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
}

/** "A1", "A1:C3", "A:C" (whole columns) or "2:4" (whole rows). */
export function formatArea(a: Area, absolute = false): string {
  const d = absolute ? "$" : "";
  const wholeColumns = a.top === 0 && a.bottom === MAX_ROWS - 1;
  const wholeRows = a.left === 0 && a.right === MAX_COLUMNS - 1;
  if (wholeColumns && !wholeRows) return `${d}${columnName(a.left)}:${d}${columnName(a.right)}`;
  if (wholeRows && !wholeColumns) return `${d}${a.top + 1}:${d}${a.bottom + 1}`;
  const tl = `${d}${columnName(a.left)}${d}${a.top + 1}`;
  if (a.top === a.bottom && a.left === a.right) return tl;
  return `${tl}:${d}${columnName(a.right)}${d}${a.bottom + 1}`;
}

/** Whether Excel prints this sheet name in quotes in a reference. */
export function sheetNeedsQuotes(name: string): boolean {
  if (!/^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name)) return true;
  // Names that read as a cell (A1, XFD1048576) or an R1C1 reference must be quoted.
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return true;
  if (/^[Rr](\d*)([Cc](\d*))?$/.test(name) || /^[Cc]\d*$/.test(name)) return true;
  return false;
}

export function quoteSheetName(name: string): string {
  return sheetNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

export class AddressError extends Error {}

/** One cell reference part: column letters and/or row digits, each maybe with "$". */
const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parsePart(s: string): { col?: number; row?: number } | null {
  const m = PART.exec(s);
  if (!m || (!m[1] && !m[2])) return null;
  const col = m[1] ? columnNumber(m[1]) : undefined;
  const row = m[2] ? Number(m[2]) - 1 : undefined;
  if (col !== undefined && (col < 0 || col >= MAX_COLUMNS)) return null;
  if (row !== undefined && (row < 0 || row >= MAX_ROWS)) return null;
  return { col, row };
}

/** Parse one rectangle without a sheet: "A1", "$A$1:$C$3", "A:C", "2:4". */
export function parseArea(text: string): Area {
  const t = text.trim();
  const pieces = t.split(":");
  if (pieces.length > 2 || t === "") throw new AddressError(`"${text}" is not a valid cell reference`);
  const a = parsePart(pieces[0]);
  const b = pieces.length === 2 ? parsePart(pieces[1]) : a;
  if (!a || !b) throw new AddressError(`"${text}" is not a valid cell reference`);
  const colsOnly = a.row === undefined && b.row === undefined;
  const rowsOnly = a.col === undefined && b.col === undefined;
  if (pieces.length === 1 && (colsOnly || rowsOnly)) throw new AddressError(`"${text}" is not a valid cell reference`);
  if (colsOnly && a.col !== undefined && b.col !== undefined) {
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
  }
  if (rowsOnly && a.row !== undefined && b.row !== undefined) {
    return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: 0, right: MAX_COLUMNS - 1 };
  }
  if (a.col === undefined || a.row === undefined || b.col === undefined || b.row === undefined)
    throw new AddressError(`"${text}" is not a valid cell reference`);
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.col, b.col),
    right: Math.max(a.col, b.col),
  };
}

export interface SheetAreas {
  /** The sheet named in the reference, unquoted, or null when none was given. */
  sheet: string | null;
  area: Area;
}

/** Split on commas that are outside quoted sheet names. */
export function splitAddressList(text: string): string[] {
  const parts: string[] = [];
  let cur = "";
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") {
      if (inQuote && text[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      inQuote = !inQuote;
      cur += ch;
    } else if (ch === "," && !inQuote) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (inQuote) throw new AddressError(`"${text}" has an unclosed quote`);
  parts.push(cur);
  return parts.map((p) => p.trim());
}

/** Parse "Sheet1!A1:B2", "'My sheet'!A1" or "A1" (sheet null). */
export function parseSheetArea(text: string): SheetAreas {
  const t = text.trim().replace(/^=/, "");
  const bang = t.lastIndexOf("!");
  if (bang < 0) return { sheet: null, area: parseArea(t) };
  let sheet = t.slice(0, bang);
  if (sheet.startsWith("'")) {
    if (!sheet.endsWith("'") || sheet.length < 2) throw new AddressError(`"${text}" has a badly quoted sheet name`);
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  } else if (sheetNeedsQuotes(sheet) && /[\s'!,()\-–]/.test(sheet)) {
    throw new AddressError(`the sheet name in "${text}" must be in single quotes`);
  }
  return { sheet, area: parseArea(t.slice(bang + 1)) };
}

/** Parse an address list such as "A1:B2, D4" or "Sheet1!A1,Sheet1!C3". */
export function parseAddressList(text: string): SheetAreas[] {
  if (text.trim() === "") throw new AddressError("the address is empty");
  return splitAddressList(text).map(parseSheetArea);
}

/** "Sheet1!A1:B2" or "'My sheet'!A1", as Range.address prints it. */
export const sheetAddress = (sheet: string, area: Area, absolute = false): string =>
  `${quoteSheetName(sheet)}!${formatArea(area, absolute)}`;
