// Day first: "12th October 2015", "1-Sep-16".
import { daysIn } from "../calendar";
import { makePiece, type Piece, readYear } from "../pieces";
import { isMark, isWord, MARK, tight, type Tok, WORD } from "../tokens";
import { COMMON_WORD_MONTHS, LABEL_WORDS, MONTHS } from "../words";
import { yearOfMonth } from "./month-first";

/** A number straight after a label word ("Phase 2", "No. 3") is not a day. */
function afterLabel(toks: readonly Tok[], i: number, from: number): boolean {
  let p = i - 1;
  if (p >= from && (isMark(toks[p], ".") || isMark(toks[p], ":"))) p--;
  return p >= from && isWord(toks[p], LABEL_WORDS);
}


/** Day first: "12th October 2015", "1 Sept 2016", "1-Sep-16", "1st of May 2020", "12 October". */
export function readDayFirst(toks: readonly Tok[], i: number, from: number): Piece | null {
  const t = toks[i];
  if (t.len > 2 || t.n < 1 || t.n > 31 || afterLabel(toks, i, from)) return null;
  let k = i + 1;
  const sep = toks[k];
  if (sep && sep.k === MARK && (sep.s === "-" || sep.s === "/" || sep.s === ".") && !sep.gap && tight(toks[k + 1])) k++;
  else if (sep && sep.k === WORD && sep.s === "of") k++;
  const monthTok = toks[k];
  const m = monthTok && monthTok.k === WORD ? MONTHS.get(monthTok.s) : undefined;
  if (m === undefined) return null;
  const ys = readYear(toks, k + 1, { shortYear: true, shortFy: false });
  if (ys) {
    const y = yearOfMonth(ys, m);
    return makePiece(i, ys.end, t.n <= daysIn(y, m) ? "day" : "month", y, m, t.n);
  }
  if (COMMON_WORD_MONTHS.has(monthTok.s) && !monthTok.cap) return null;
  return t.n <= daysIn(2000, m) ? makePiece(i, k + 1, "day", 0, m, t.n) : null;
}
