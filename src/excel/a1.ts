// The Office host's side of addresses: Excel on the web's limit on address
// strings, chunking under it, and covering cells with few rectangles. The A1 codec
// itself is the engine's (engine/a1.ts), shared with the .xlsx host.
import { type Area } from "../engine/a1";

export { absoluteRef, areaA1, parseAddressList, parseRef, quoteSheet, type Area } from "../engine/a1";

/** Excel on the web refuses address strings longer than this. */
export const ADDRESS_LIMIT = 8_192;

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
