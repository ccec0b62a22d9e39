// Small grids written by hand for unit tests.
import type { Cell, Grid, MergedArea } from "../../src/engine/grid";

export type Raw = string | number | null | undefined | Cell;

const toCell = (v: Raw): Cell | undefined => {
  if (v === null || v === undefined || v === "") return undefined;
  if (typeof v === "object") return v;
  return { value: v, text: String(v) };
};

/** A date cell: an Excel serial shown in a number format. */
export const dateCell = (serial: number, format: string, text = ""): Cell => ({ value: serial, text, format });

/** Parse "A1:C2" into a 0-based merge. */
export function merge(ref: string): MergedArea {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref)!;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { top: Number(m[2]) - 1, left: col(m[1]), bottom: Number(m[4]) - 1, right: col(m[3]) };
}

export function grid(name: string, rows: Raw[][], merges: string[] = [], extra: Partial<Grid> = {}): Grid {
  return { name, rows: rows.map((r) => r.map(toCell)), merges: merges.map(merge), ...extra };
}
