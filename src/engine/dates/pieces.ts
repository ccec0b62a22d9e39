// A piece of date text (a day, month, season, quarter or year) and the years that
// complete it: what every reader builds.
import { daysIn, endOfMonth, iso } from "./calendar";
import { isMark, MARK, NUM, tight, type Tok, WORD } from "./tokens";
import { FY_QUARTER_END, SEASON_BY_ORDER } from "./words";

/** What a piece of date text names; "day" and "month" share a year the same way. */
export type Unit = "day" | "month" | "season" | "quarter" | "fy" | "year";

export interface Piece {
  start: number; // first token
  end: number; // token after the last
  unit: Unit;
  y: number; // calendar year (financial-year start for "fy" and FY quarters); 0 while unknown
  m: number; // month 1..12, season order 0..3, or quarter 1..4
  d: number; // day of month for "day"
  fy: boolean; // a quarter of a UK financial year
  iso: string | null; // the last day it names; null while the year is unknown
}

export interface YearSpec {
  y: number;
  fy: boolean;
  end: number;
}

/** Excel's rule for two-digit years: 00–29 → 2000s, 30–99 → 1900s. */
export const fullYear = (yy: number): number => (yy < 30 ? 2000 + yy : 1900 + yy);
export const isYearLike = (n: number): boolean => n >= 1990 && n <= 2099; // a year standing on its own
export const isYearNear = (n: number): boolean => n >= 1900 && n <= 2199; // a year next to a month, season or quarter


/** The last day a piece names, once its year is known. */
export function pieceEnd(p: Piece): string {
  switch (p.unit) {
    case "day":
      return p.d <= daysIn(p.y, p.m) ? iso(p.y, p.m, p.d) : endOfMonth(p.y, p.m);
    case "month":
      return endOfMonth(p.y, p.m);
    case "season": {
      const s = SEASON_BY_ORDER[p.m];
      return endOfMonth(s.endsNextYear ? p.y + 1 : p.y, s.lastMonth);
    }
    case "quarter": {
      if (!p.fy) return endOfMonth(p.y, p.m * 3);
      const q = FY_QUARTER_END[p.m - 1];
      return endOfMonth(q.nextYear ? p.y + 1 : p.y, q.month);
    }
    case "fy":
      return iso(p.y + 1, 3, 31);
    case "year":
      return p.m ? endOfMonth(p.y, p.m) : iso(p.y, 12, 31); // m = 6 for "mid 2020"
  }
}

export function makePiece(start: number, end: number, unit: Unit, y: number, m: number, d = 0, fy = false): Piece {
  const p: Piece = { start, end, unit, y, m, d, fy, iso: null };
  if (y) p.iso = pieceEnd(p);
  return p;
}

/** "/20" or "-2020" after a year that make it a financial year (the next year, short or full). Returns the token after, or 0. */
export function financialYearTail(toks: readonly Tok[], k: number, startYear: number): number {
  const sep = toks[k + 1];
  const next = toks[k + 2];
  if (!sep || !next || next.k !== NUM) return 0;
  // "2019/20", "2019 / 20" and "2019-20" (a dash only when tight: "2019 – 2020" is two years)
  const joined = isMark(sep, "/") || (isMark(sep, "-") && !sep.gap && !next.gap);
  if (!joined) return 0;
  const follows = (next.len === 2 && next.n === (startYear + 1) % 100) || (next.len === 4 && next.n === startYear + 1);
  if (!follows) return 0;
  // "2019/20/21" is not a financial year
  if (tight(toks[k + 3]) && (isMark(toks[k + 3], "/") || isMark(toks[k + 3], "-")) && toks[k + 4]?.k === NUM) return 0;
  return k + 3;
}

/**
 * A year after a month, season or quarter, skipping separators: "-10", " 2020",
 * ", 2020", " '20", " of 2019/20", " FY19/20". Two-digit years only where the
 * caller allows them (and never after a comma: "Jan, 12 staff").
 */
export function readYear(toks: readonly Tok[], j: number, opts: { shortYear: boolean; shortFy: boolean }): YearSpec | null {
  let k = j;
  let apostrophe = false;
  let comma = false;
  for (let skipped = 0; skipped < 3 && k < toks.length; skipped++) {
    const t = toks[k];
    if (t.k === MARK && (t.s === "-" || t.s === "/" || t.s === "." || t.s === ",")) comma ||= t.s === ",";
    else if (t.k === MARK && t.s === "'") apostrophe = true;
    else if (t.k === WORD && (t.s === "of" || t.s === "fy")) {
      /* "Q1 of 2019/20", "Q3 FY2019/20" */
    } else break;
    k++;
  }
  const t = toks[k];
  if (!t || t.k !== NUM || t.ord) return null;
  if (t.len === 4 && isYearNear(t.n)) {
    const fyEnd = financialYearTail(toks, k, t.n);
    return fyEnd ? { y: t.n, fy: true, end: fyEnd } : { y: t.n, fy: false, end: k + 1 };
  }
  if (t.len !== 2) return null;
  if (apostrophe && !t.gap) return { y: fullYear(t.n), fy: false, end: k + 1 }; // "June '20"
  if (opts.shortFy) {
    const fyEnd = financialYearTail(toks, k, fullYear(t.n)); // "Q3 19/20"
    if (fyEnd) return { y: fullYear(t.n), fy: true, end: fyEnd };
  }
  if (opts.shortYear && !comma && !isMark(toks[k + 1], ":")) return { y: fullYear(t.n), fy: false, end: k + 1 };
  return null;
}
