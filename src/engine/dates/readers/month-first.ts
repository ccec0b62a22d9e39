// Month first: "Jun-10", "March 2015", "October 12, 2015".
import { daysIn } from "../calendar";
import { isYearNear, makePiece, type Piece, readYear, type YearSpec } from "../pieces";
import { isMark, MARK, NUM, tight, type Tok } from "../tokens";
import { COMMON_WORD_MONTHS, MONTHS } from "../words";

/** The calendar year of a month written with a year or a financial year ("March 2019/20" is March 2020). */
export const yearOfMonth = (ys: YearSpec, m: number): number => (ys.fy && m < 4 ? ys.y + 1 : ys.y);

/** A 4-digit year after a day: "October 12, 2015", "Jun-10-2020", "12th October 2015". */
function yearAfterDay(toks: readonly Tok[], k: number): YearSpec | null {
  let j = k;
  const sep = toks[j];
  if (isMark(sep, ",")) j++;
  else if (sep && sep.k === MARK && (sep.s === "-" || sep.s === "/" || sep.s === ".") && !sep.gap && tight(toks[j + 1])) j++;
  const t = toks[j];
  return t && t.k === NUM && t.len === 4 && isYearNear(t.n) ? { y: t.n, fy: false, end: j + 1 } : null;
}

/** Month first: "Jun-10", "March 2015", "June '20", "October 12, 2015", "Sept" (no year). */
export function readMonthFirst(toks: readonly Tok[], i: number): Piece | null {
  const t = toks[i];
  const m = MONTHS.get(t.s);
  if (m === undefined) return null;
  // a day straight after the month, then a full year: "October 12, 2015", "October 12th 2015", "Jun-10-2020"
  let j = i + 1;
  if (toks[j] && toks[j].k === MARK && (toks[j].s === "-" || toks[j].s === "/" || toks[j].s === ".") && !toks[j].gap && tight(toks[j + 1])) j++;
  const dayTok = toks[j];
  const isDay = dayTok !== undefined && dayTok.k === NUM && dayTok.len <= 2 && dayTok.n >= 1 && dayTok.n <= 31;
  if (isDay) {
    const ys = yearAfterDay(toks, j + 1);
    if (ys) return makePiece(i, ys.end, "day", ys.y, m, dayTok.n);
  }
  const ys = readYear(toks, i + 1, { shortYear: true, shortFy: false });
  if (ys) return makePiece(i, ys.end, "month", yearOfMonth(ys, m), m);
  if (COMMON_WORD_MONTHS.has(t.s) && !t.cap) return null;
  // "October 12th", "August 5": a day with no year
  if (isDay && (dayTok.ord || dayTok.len === 1) && dayTok.n <= daysIn(2000, m)) return makePiece(i, j + 1, "day", 0, m, dayTok.n);
  return makePiece(i, i + 1, "month", 0, m);
}
