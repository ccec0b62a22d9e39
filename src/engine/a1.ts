// The A1 address codec, one for the engine and both hosts: column letters, cell
// and area addresses, sheet-qualified references and address lists as Excel
// writes them ("'My sheet'!A1:B2, 'My sheet'!D4"). The simulated Excel
// (tools/excel-sim/address.ts) keeps its own parser on purpose, so neither hides
// the other's mistakes.
import type { MergedArea } from "./grid";

/** A rectangle of cells, 0-based and inclusive. */
export type Area = MergedArea;

const LETTERS: string[] = [];

/** Column letter(s) for a 0-based index: 0 → "A", 26 → "AA". */
export function columnLetter(index: number): string {
  // Every item names a few cells: remember the letters of Excel's 16,384 columns.
  if (index >= 0 && index < 16384 && Number.isInteger(index)) return (LETTERS[index] ??= lettersOf(index));
  return lettersOf(index);
}

function lettersOf(index: number): string {
  let s = "";
  let n = Number.isFinite(index) ? index + 1 : 0; // Infinity would never end
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based index of a column letter: "A" → 0, "AA" → 26. */
export function columnIndex(letter: string): number {
  let n = 0;
  for (const ch of letter.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "C12" for (11, 2). */
export const cellAddress = (r: number, c: number): string => `${columnLetter(c)}${r + 1}`;

/** "$C$12" for (11, 2). */
export const absoluteAddress = (r: number, c: number): string => `$${columnLetter(c)}$${r + 1}`;

/** "B2:D5", or "B2" for a single cell. */
export function areaA1(a: Area): string {
  const tl = `${columnLetter(a.left)}${a.top + 1}`;
  return a.top === a.bottom && a.left === a.right ? tl : `${tl}:${columnLetter(a.right)}${a.bottom + 1}`;
}

/** A sheet name as a formula writes it, always quoted, apostrophes doubled: 'O''Brien''s plan'. */
export const quotedSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** "'PM Summary – Themes'" or "Sheet1": a sheet name before "!", quoted only where Excel needs it. */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : quotedSheet(name);
}

/** "'Sheet'!$A$1" (absolute), for defined names. */
export const absoluteRef = (sheet: string, row: number, col: number): string => `${quoteSheet(sheet)}!${absoluteAddress(row, col)}`;

const AREA = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i;

/** "A1:G167" or "$B$2" as an area, corners as written (a reversed "G167:A1" stays reversed). */
export function parseArea(ref: string): Area | null {
  const m = AREA.exec(ref);
  if (!m) return null;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? columnIndex(m[3]) : left };
}

/** Parse "Sheet!$A$1:$B$2" or "A1" into a sheet name (or null) and an area, corners in order. */
export function parseRef(text: string): { sheet: string | null; area: Area } | null {
  const t = text.trim().replace(/^=/, "");
  const bang = t.lastIndexOf("!");
  let sheet: string | null = null;
  let ref = t;
  if (bang >= 0) {
    sheet = t.slice(0, bang);
    ref = t.slice(bang + 1);
    if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  const a = parseArea(ref);
  if (!a) return null;
  return { sheet, area: { top: Math.min(a.top, a.bottom), left: Math.min(a.left, a.right), bottom: Math.max(a.top, a.bottom), right: Math.max(a.left, a.right) } };
}

/** Split an address list on commas outside quotes. */
function splitList(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") {
      if (quoted && text[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === "," && !quoted) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** Every area of an address list such as a RangeAreas.address. */
export function parseAddressList(text: string): Area[] {
  const out: Area[] = [];
  for (const part of splitList(text)) {
    const ref = parseRef(part);
    if (ref) out.push(ref.area);
  }
  return out;
}
