// Merged cells: a cell covered by a vertical merge has the merge's value on
// every row it covers (hosts give the value to the top-left cell only).
import type { Cell, Grid } from "../grid";

// Keys pack (row, col) into one number; Excel has at most 16,384 columns.
const COLS = 16384;
const key = (r: number, c: number): number => r * COLS + c;

export interface MergeIndex {
  /** The cell a vertical merge gives to (r, c) on a row below its top, if any. */
  inherited(r: number, c: number): Cell | undefined;
  /** The 0-based row where the vertical merge covering (r, c) starts, if any. */
  mergeTop(r: number, c: number): number | undefined;
  /** Is (r, c) inside a merge but not its top-left cell? */
  covered(r: number, c: number): boolean;
  /** Is (r, c) the top-left cell of a merge more than one column wide? */
  startsAcross(r: number, c: number): boolean;
}

export function indexMerges(grid: Grid): MergeIndex {
  // Per row: covered column → the master's row for a vertical cover of a merge's
  // first column, else -1. Rows without merges stay undefined (the usual case).
  const byRow: (Map<number, number> | undefined)[] = [];
  const across = new Set<number>();
  // Only cells that can hold data matter: a merge over whole rows or columns
  // (A1:XFD1, A:A) or reaching past the sheet is indexed over the data only.
  let width = 0;
  for (const row of grid.rows) if (row && row.length > width) width = row.length;
  const lastRow = Math.min(grid.rows.length, 1_048_576) - 1;
  const lastCol = Math.min(width, COLS) - 1;
  for (const m of grid.merges) {
    if (m.right > m.left && m.left < COLS) across.add(key(m.top, m.left));
    if (!(m.top >= 0 && m.left >= 0)) continue;
    const bottom = Math.min(m.bottom, lastRow);
    const right = Math.min(m.right, lastCol);
    for (let r = m.top; r <= bottom; r++) {
      for (let c = m.left; c <= right; c++) {
        if (r === m.top && c === m.left) continue;
        const row = (byRow[r] ??= new Map());
        const down = r > m.top && c === m.left ? m.top : -1;
        // Where merges overlap, a vertical cover wins (as it did when kept apart).
        if (down >= 0 || !row.has(c)) row.set(c, down);
      }
    }
  }
  const downOf = (r: number, c: number): number | undefined => {
    const top = byRow[r]?.get(c);
    return top === undefined || top < 0 ? undefined : top;
  };
  return {
    inherited(r, c) {
      const top = downOf(r, c);
      return top === undefined ? undefined : grid.rows[top]?.[c];
    },
    mergeTop: downOf,
    covered: (r, c) => byRow[r]?.has(c) ?? false,
    startsAcross: (r, c) => across.has(key(r, c)),
  };
}
