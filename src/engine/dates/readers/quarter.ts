// Quarters: "Q3 2019/20", "Qtr 3", "3rd quarter".
import { makePiece, type Piece, readYear } from "../pieces";
import { isWord, NUM, type Tok, WORD } from "../tokens";
import { QUARTER_WORDS } from "../words";

/** A quarter token: "Q3", "Qtr 3", "Quarter 3", "3rd quarter". */
export function readQuarterToken(toks: readonly Tok[], k: number): { q: number; end: number } | null {
  const t = toks[k];
  const n = toks[k + 1];
  if (!t || !n) return null;
  const isQ = (x: Tok): boolean => x.k === NUM && x.len === 1 && x.n >= 1 && x.n <= 4;
  if (t.k === WORD && t.s === "q" && isQ(n) && !n.gap) return { q: n.n, end: k + 2 };
  if (isWord(t, QUARTER_WORDS) && isQ(n)) return { q: n.n, end: k + 2 };
  if (isQ(t) && t.ord && isWord(n, QUARTER_WORDS)) return { q: t.n, end: k + 2 };
  return null;
}

export function readQuarter(toks: readonly Tok[], i: number): Piece | null {
  const q = readQuarterToken(toks, i);
  if (!q) return null;
  const ys = readYear(toks, q.end, { shortYear: false, shortFy: true });
  if (!ys) return makePiece(i, q.end, "quarter", 0, q.q); // "by end Q2": waits for a year
  return makePiece(i, ys.end, "quarter", ys.y, q.q, 0, ys.fy);
}
