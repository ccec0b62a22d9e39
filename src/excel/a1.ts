// A1 helpers for the Office host: building addresses to send and reading the
// addresses Excel sends back ("'My sheet'!A1:B2, 'My sheet'!D4"). Kept apart from
// the simulated Excel's own parser (tools/excel-sim/address.ts) so neither hides the
// other's mistakes.
import { columnIndex, columnLetter, type MergedArea } from "../engine/grid";

export type Area = MergedArea;

/** Excel on the web refuses address strings longer than this. */
export const ADDRESS_LIMIT = 8_192;

export function areaA1(a: Area): string {
  const tl = `${columnLetter(a.left)}${a.top + 1}`;
  return a.top === a.bottom && a.left === a.right ? tl : `${tl}:${columnLetter(a.right)}${a.bottom + 1}`;
}

/** "'PM Summary – Themes'" or "Sheet1", as a sheet name must appear before "!". */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "'Sheet'!$A$1" (absolute), for defined names. */
export const absoluteRef = (sheet: string, row: number, col: number): string => `${quoteSheet(sheet)}!$${columnLetter(col)}$${row + 1}`;

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

/** Parse "Sheet!$A$1:$B$2" or "A1" into a sheet name (or null) and an area. */
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
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref);
  if (!m) return null;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? columnIndex(m[3]) : left;
  return { sheet, area: { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) } };
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

/**
 * Join area addresses into comma-separated lists of at most `limit` characters
 * (Excel on the web refuses longer addresses).
 */
export function chunkAddresses(areas: string[], limit = ADDRESS_LIMIT - 192): string[] {
  const chunks: string[] = [];
  let cur = "";
  for (const a of areas) {
    if (cur && cur.length + 1 + a.length > limit) {
      chunks.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) chunks.push(cur);
  return chunks;
}

/**
 * Cover cells with few rectangles: runs along each row, then runs of identical
 * column spans down consecutive rows. Cells are 0-based (row, col) pairs.
 */
export function cellsToAreas(cells: { row: number; col: number }[]): Area[] {
  const byRow = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const cols = byRow.get(row) ?? [];
    cols.push(col);
    byRow.set(row, cols);
  }
  const runs: Area[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    let start = cols[0];
    let prev = cols[0];
    for (let i = 1; i <= cols.length; i++) {
      if (i < cols.length && cols[i] === prev + 1) {
        prev = cols[i];
        continue;
      }
      runs.push({ top: row, bottom: row, left: start, right: prev });
      start = cols[i];
      prev = cols[i];
    }
  }
  // Extend runs downwards when the next row has exactly the same span.
  const open = new Map<string, Area>();
  const out: Area[] = [];
  for (const run of runs) {
    const key = `${run.left}:${run.right}`;
    const prev = open.get(key);
    if (prev && prev.bottom === run.top - 1) prev.bottom = run.top;
    else {
      const area = { ...run };
      open.set(key, area);
      out.push(area);
    }
  }
  return out;
}
