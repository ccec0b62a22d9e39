// "FY 2019/20", "FY19/20".
import { makePiece, type Piece, readYear } from "../pieces";
import type { Tok } from "../tokens";

/** "Financial year 2019/20" style: "FY 2019/20", "FY19/20". A bare "FY2020" is left to the year reader. */
export function readFyWord(toks: readonly Tok[], i: number): Piece | null {
  if (toks[i].s !== "fy") return null;
  const ys = readYear(toks, i + 1, { shortYear: false, shortFy: true });
  return ys && ys.fy ? makePiece(i, ys.end, "fy", ys.y, 0) : null;
}
