// All-number dates: "03/04/2020", "31.03.2020", "2020-04-03".
import { daysIn } from "../calendar";
import { fullYear, isYearNear, makePiece, type Piece } from "../pieces";
import { MARK, NUM, type Tok } from "../tokens";

/** a/b/c with one separator, tight: "03/04/2020", "3/4/20", "31.03.2020", "2020-04-03", "08-31-2024". */
export function readNumericDate(toks: readonly Tok[], i: number, monthFirst: boolean): Piece | null {
  const a = toks[i];
  const s1 = toks[i + 1];
  const b = toks[i + 2];
  const s2 = toks[i + 3];
  const c = toks[i + 4];
  if (!s1 || !b || !s2 || !c || s1.k !== MARK || s1.s !== s2.s || b.k !== NUM || c.k !== NUM) return null;
  if (s1.gap || b.gap || s2.gap || c.gap || !(s1.s === "/" || s1.s === "-" || s1.s === ".")) return null;
  // "1.2.10.5" and "3/4/2020/21" are not dates
  const after = toks[i + 5];
  if (after && !after.gap && after.k === MARK && (after.s === s1.s || after.s === ".") && toks[i + 6]?.k === NUM) return null;
  if (a.len === 4) {
    // ISO order: yyyy-mm-dd
    if (b.len > 2 || c.len > 2 || !isYearNear(a.n)) return null;
    return validDay(a.n, b.n, c.n) ? makePiece(i, i + 5, "day", a.n, b.n, c.n) : null;
  }
  if (a.len > 2 || b.len > 2 || (c.len !== 2 && c.len !== 4)) return null;
  // Dots separate like slashes (plan rules §3): "17.7.12" is 17 July 2012.
  const y = c.len === 4 ? c.n : fullYear(c.n);
  if (c.len === 4 && !isYearNear(c.n)) return null;
  let [d, m] = monthFirst ? [b.n, a.n] : [a.n, b.n];
  // a date that only makes sense the other way round is read that way (08-31-2024 without monthFirst)
  if (!validDay(y, m, d)) [d, m] = [m, d];
  return validDay(y, m, d) ? makePiece(i, i + 5, "day", y, m, d) : null;
}

const validDay = (y: number, m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
