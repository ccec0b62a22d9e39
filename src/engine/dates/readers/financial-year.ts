// UK financial years: "2019/20", "2019-2020", "2019/20 Q3".
import { financialYearTail, isYearLike, makePiece, type Piece } from "../pieces";
import { isMark, type Tok } from "../tokens";
import { readQuarterToken } from "./quarter";

/** "2019/20", "2019-2020", "2019/20 Q3": a UK financial year, or a quarter of one. */
export function readFinancialYear(toks: readonly Tok[], i: number): Piece | null {
  const t = toks[i];
  if (t.len !== 4 || !isYearLike(t.n)) return null;
  const end = financialYearTail(toks, i, t.n);
  if (!end) return null;
  const k = isMark(toks[end], "-") || isMark(toks[end], ",") ? end + 1 : end;
  const q = readQuarterToken(toks, k);
  return q ? makePiece(i, q.end, "quarter", t.n, q.q, 0, true) : makePiece(i, end, "fy", t.n, 0);
}
