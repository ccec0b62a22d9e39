// Reading the cells of one row: its own texts, and the value of each role's
// column (the row's own cell or the vertical merge's).
import { cellAddress } from "../a1";
import type { Cell, Grid } from "../grid";
import type { Role } from "../report";
import { plainText } from "../text";
import type { MergeIndex } from "./merges";

/** Where an item's value for one role was read from. */
export interface SourcedCell {
  cell: Cell;
  /** The cell's text as the engine reads it (plainText), never "". */
  text: string;
  /** 0-based row and column of the cell the value is in (a row above when merged or inherited). */
  row: number;
  col: number;
  how: "own" | "merged" | "inherited";
}

export interface OwnText {
  col: number;
  text: string;
}

/** Non-empty texts of the cells a row holds itself (not those covered by a merge). */
export function ownTexts(grid: Grid, merges: MergeIndex, r: number, width: number): OwnText[] {
  const out: OwnText[] = [];
  const row = grid.rows[r];
  if (!row) return out;
  const last = Math.min(width, row.length);
  for (let c = 0; c < last; c++) {
    const t = plainText(row[c]);
    if (t && !merges.covered(r, c)) out.push({ col: c, text: t });
  }
  return out;
}

/**
 * Reads one row at a time into buffers it reuses, so each cell is read once and
 * a big plan's rows allocate nothing here: `all` holds every cell's text by
 * column (covered cells included, "" when empty), `own` the texts the row holds
 * itself (ownTexts), `count` how many and `first` the column of the first.
 */
export class RowReader {
  readonly all: string[];
  readonly own: string[];
  count = 0;
  first = -1;
  /** Columns read on the current row (the buffers hold "" from here on). */
  length = 0;
  constructor(
    private readonly grid: Grid,
    private readonly merges: MergeIndex,
    private readonly width: number,
  ) {
    this.all = new Array<string>(width).fill("");
    this.own = new Array<string>(width).fill("");
  }
  read(r: number): void {
    const row = this.grid.rows[r];
    const last = row ? Math.min(this.width, row.length) : 0;
    // Clear only what the previous row left: a stray cell far to the right must not make every row cost the full width.
    if (this.length > last) {
      this.all.fill("", last, this.length);
      this.own.fill("", last, this.length);
    }
    this.length = last;
    this.count = 0;
    this.first = -1;
    for (let c = 0; c < last; c++) {
      const t = plainText(row![c]);
      this.all[c] = t;
      const own = t && !this.merges.covered(r, c) ? t : "";
      this.own[c] = own;
      if (own) {
        if (this.count++ === 0) this.first = c;
      }
    }
  }
  /** The row's own texts joined by spaces (as ownTexts(…).map(text).join(" ")). */
  joined(): string {
    return this.own.filter(Boolean).join(" ");
  }
}

export function hasMergedValue(merges: MergeIndex, grid: Grid, r: number, cols: Partial<Record<Role, number>>): boolean {
  for (const c of Object.values(cols)) if (c !== undefined && plainText(merges.inherited(r, c))) return true;
  return false;
}

/** The value of each role column on row r: the row's own cell, or the vertical merge's. */
export function roleValues(grid: Grid, merges: MergeIndex, r: number, cols: Partial<Record<Role, number>>, roles: readonly Role[], texts: readonly string[]): Partial<Record<Role, SourcedCell>> {
  const values: Partial<Record<Role, SourcedCell>> = {};
  for (const role of roles) {
    const c = cols[role]!;
    const own = grid.rows[r]?.[c];
    const ownText = own ? (c < texts.length ? texts[c] : plainText(own)) : "";
    if (ownText && !merges.covered(r, c)) {
      values[role] = { cell: own!, text: ownText, row: r, col: c, how: "own" };
      continue;
    }
    const merged = merges.inherited(r, c);
    const mergedText = merged ? plainText(merged) : "";
    if (mergedText) values[role] = { cell: merged!, text: mergedText, row: merges.mergeTop(r, c)!, col: c, how: "merged" };
  }
  return values;
}

export const addressOf = (v: SourcedCell | undefined): string | null => (v ? cellAddress(v.row, v.col) : null);
