// The rows above a plan's header: the plan period and the "updated" date.
import { endOfMonth, iso } from "./calendar";
import type { Piece } from "./pieces";
import { scanPieces } from "./scan";
import { isMark, isWord, type Tok, tokenize, WORD } from "./tokens";
import type { PlanPeriod } from "./types";
import { RANGE_WORDS } from "./words";

const PERIOD_WORD = /\bperiod\b/i;
const MAX_PERIOD_MONTHS = 60;

const isMonthPrecise = (p: Piece): boolean => p.iso !== null && (p.unit === "day" || p.unit === "month");

/** Are the tokens between two pieces a range: "to", "until", "-", "–"? ("and" only after "between".) */
function isRangeBetween(toks: readonly Tok[], a: Piece, b: Piece): boolean {
  if (b.start <= a.end) return false;
  for (let k = a.end; k < b.start; k++) {
    const t = toks[k];
    const ok = isMark(t, "-") || isWord(t, RANGE_WORDS) || (t.k === WORD && t.s === "and" && a.start > 0 && toks[a.start - 1].s === "between");
    if (!ok) return false;
  }
  return true;
}

/**
 * The plan period stated in the preamble: "for the period August 2019 to July 2020",
 * "from April 2020 to March 2021", "period: Sept 2019 – Aug 2020",
 * "01/04/2020 to 31/03/2021", or "for the period 2019/20". Only an explicit
 * range (or a financial year called a period); a title's "(2019/2020)" is not one.
 */
export function findPlanPeriod(lines: readonly string[]): PlanPeriod | null {
  let fyPeriod: PlanPeriod | null = null;
  for (const line of lines) {
    if (typeof line !== "string" || line.length < 4) continue;
    const toks = tokenize(line);
    const pieces = scanPieces(toks, false);
    for (let i = 0; i + 1 < pieces.length; i++) {
      const a = pieces[i];
      const b = pieces[i + 1];
      if (!isMonthPrecise(a) || !isMonthPrecise(b) || !isRangeBetween(toks, a, b)) continue;
      const months = (b.y - a.y) * 12 + (b.m - a.m);
      if (months < 0 || months >= MAX_PERIOD_MONTHS) continue;
      return { start: iso(a.y, a.m, 1), end: endOfMonth(b.y, b.m) };
    }
    if (!fyPeriod && PERIOD_WORD.test(line)) {
      const fy = pieces.find((p) => p.unit === "fy");
      if (fy) fyPeriod = { start: iso(fy.y, 4, 1), end: iso(fy.y + 1, 3, 31) };
    }
  }
  return fyPeriod;
}

const UPDATED = /\b(?:last\s+updated|updated|last\s+revised|revised|as\s+at|as\s+of|date\s+of\s+update|update\s+date)\b/i;

/** The first date in a text, day-precise where it gives a day (UK order). */
function firstDate(text: string): string | null {
  for (const p of scanPieces(tokenize(text), false)) if (p.iso !== null) return p.iso;
  return null;
}

/**
 * The "updated" date in the preamble: "Updated: 12th October 2015", "As at
 * 1 September 2010", "Last updated: 03/04/2020" (UK order); a month alone is its
 * last day. The date may stand on the line after a bare "Updated:".
 */
export function findUpdatedDate(lines: readonly string[]): string | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (typeof line !== "string") continue;
    const m = UPDATED.exec(line);
    if (!m) continue;
    const rest = line.slice(m.index + m[0].length);
    const found = firstDate(rest);
    if (found) return found;
    const next = lines[i + 1];
    if (/^[\s:\-–—.]*$/.test(rest) && typeof next === "string") {
      const onNext = firstDate(next);
      if (onNext) return onNext;
    }
  }
  return null;
}
