// One reader per date form, tried in order at each token.
import type { Piece } from "../pieces";
import { MARK, NUM, type Tok, WORD } from "../tokens";
import { readBareYear } from "./bare-year";
import { readDayFirst } from "./day-first";
import { readFinancialYear } from "./financial-year";
import { readFyWord } from "./fy-word";
import { readMonthFirst } from "./month-first";
import { readNumericDate } from "./numeric-date";
import { readNumericMonth } from "./numeric-month";
import { readQuarter } from "./quarter";
import { readSeason } from "./season";

/** Is the number at i the tail of a dotted or slashed number ("8.1.1", "1/2")? Tokens of earlier dates don't count. */
function continuesNumber(toks: readonly Tok[], i: number, from: number): boolean {
  if (i - 2 < from) return false;
  const sep = toks[i - 1];
  return sep.k === MARK && !sep.gap && !toks[i].gap && toks[i - 2].k === NUM && (sep.s === "." || sep.s === "/" || sep.s === "-" || sep.s === ",");
}


/** The date piece starting at token i, if any. `from` is the first token not used by an earlier piece. */
export function readPiece(toks: readonly Tok[], i: number, from: number, monthFirst: boolean): Piece | null {
  const t = toks[i];
  if (t.k === WORD) {
    return readMonthFirst(toks, i) ?? readQuarter(toks, i) ?? readSeason(toks, i) ?? readFyWord(toks, i);
  }
  if (t.k !== NUM || continuesNumber(toks, i, from)) return null;
  return (
    readNumericDate(toks, i, monthFirst) ??
    readFinancialYear(toks, i) ??
    readNumericMonth(toks, i) ??
    readDayFirst(toks, i, from) ??
    readQuarter(toks, i) ??
    readBareYear(toks, i, from)
  );
}
