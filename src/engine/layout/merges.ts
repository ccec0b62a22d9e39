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
}

export function indexMerges(grid: Grid): MergeIndex {
  const down = new Map<number, number>(); // covered key → master row (vertical cover of the first column)
  const covered = new Set<number>();
  for (const m of grid.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        covered.add(key(r, c));
        if (r > m.top && c === m.left) down.set(key(r, c), m.top);
      }
    }
  }
  return {
    inherited(r, c) {
      const top = down.get(key(r, c));
      return top === undefined ? undefined : grid.rows[top]?.[c];
    },
    mergeTop: (r, c) => down.get(key(r, c)),
    covered: (r, c) => covered.has(key(r, c)),
  };
}
