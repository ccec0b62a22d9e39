// A year on its own: "2020", "mid 2020", "2020 Q1".
import { isYearLike, makePiece, type Piece } from "../pieces";
import { isMark, MARK, NUM, type Tok, WORD } from "../tokens";
import { readQuarterToken } from "./quarter";

/** A year on its own: "2020" → 31 Dec, "mid 2020" / "mid-2020" → 30 Jun, "2020 Q1" → calendar quarter. */
export function readBareYear(toks: readonly Tok[], i: number, from: number): Piece | null {
  const t = toks[i];
  if (t.len !== 4 || !isYearLike(t.n) || t.ord) return null;
  const next = toks[i + 1];
  // "2020.5", "2020,000", "2020%" are not years
  if (next && !next.gap && next.k === MARK && (next.s === "." || next.s === "," || next.s === "%") && (next.s === "%" || toks[i + 2]?.k === NUM)) return null;
  const k = isMark(next, "-") || isMark(next, ",") ? i + 2 : i + 1;
  const q = readQuarterToken(toks, k);
  if (q) return makePiece(i, q.end, "quarter", t.n, q.q);
  let p = i - 1;
  if (p >= from && isMark(toks[p], "-")) p--;
  if (p >= from && toks[p].k === WORD && toks[p].s === "of") p--;
  const mid = p >= from && toks[p].k === WORD && (toks[p].s === "mid" || toks[p].s === "middle");
  return makePiece(i, i + 1, "year", t.n, mid ? 6 : 0);
}
