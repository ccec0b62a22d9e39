// Month and year in numbers: "03/2020".
import { isYearNear, makePiece, type Piece } from "../pieces";
import { MARK, NUM, type Tok } from "../tokens";

/** "03/2020", "3-2020": month and year. */
export function readNumericMonth(toks: readonly Tok[], i: number): Piece | null {
  const a = toks[i];
  const s = toks[i + 1];
  const b = toks[i + 2];
  if (a.len > 2 || a.n < 1 || a.n > 12 || !s || !b || s.k !== MARK || s.gap || b.gap || b.k !== NUM) return null;
  if (!(s.s === "/" || s.s === "-" || s.s === ".") || b.len !== 4 || !isYearNear(b.n)) return null;
  if (s.s === "." && a.len !== 2) return null; // "3.2020" reads as a decimal
  return makePiece(i, i + 3, "month", b.n, a.n);
}
