// Scanning text for date pieces: months waiting for a year get the one written
// after them, and yearless pieces can be placed in the plan period.
import { ISO_SHAPE } from "./calendar";
import { type Piece, pieceEnd, type Unit } from "./pieces";
import { readPiece } from "./readers";
import { MARK, type Tok, WORD } from "./tokens";
import type { PlanPeriod } from "./types";
import { JOINING_MARKS, JOINING_WORDS, SEASON_BY_ORDER } from "./words";

/** Which pieces share a year with each other when it is written once after them. */
const family = (u: Unit): number => (u === "day" || u === "month" ? 0 : u === "season" ? 1 : u === "quarter" ? 2 : 3);

/**
 * Gives yearless pieces the year of the dated piece they run into: "Sept/Oct 2016"
 * → Sept 2016. One that comes later in the year than the dated piece belongs to
 * the year before: "Dec/Jan 2020" → Dec 2019, "Winter/Spring 2017" → Winter 2016.
 */
function shareYear(pending: readonly Piece[], anchor: Piece): void {
  const fam = family(anchor.unit);
  for (const p of pending) {
    if (family(p.unit) !== fam) continue;
    p.fy = anchor.fy;
    p.y = p.m > anchor.m ? anchor.y - 1 : anchor.y;
    p.iso = pieceEnd(p);
  }
}

const joins = (t: Tok): boolean => (t.k === MARK ? JOINING_MARKS.has(t.s) : t.k === WORD && JOINING_WORDS.has(t.s));

/** Every date piece in the tokens, in text order. */
export function scanPieces(toks: readonly Tok[], monthFirst: boolean): Piece[] {
  const pieces: Piece[] = [];
  const pending: Piece[] = [];
  let from = 0;
  let i = 0;
  while (i < toks.length) {
    const p = readPiece(toks, i, from, monthFirst);
    if (p) {
      if (p.iso === null) pending.push(p);
      else {
        if (pending.length) shareYear(pending, p);
        pending.length = 0;
      }
      pieces.push(p);
      i = from = p.end;
      continue;
    }
    // Anything but a joining word or mark ends the run of months waiting for a year.
    if (!joins(toks[i])) pending.length = 0;
    i++;
  }
  return pieces;
}

/** Places a yearless month, day or season in the plan period: its first occurrence from the period's start. */
export function placeInPeriod(p: Piece, period: PlanPeriod): string | null {
  const start = ISO_SHAPE.exec(period.start);
  if (!start) return null;
  const sy = Number(start[1]);
  const sm = Number(start[2]);
  if (p.unit === "day" || p.unit === "month") {
    p.y = p.m >= sm ? sy : sy + 1;
    return pieceEnd(p);
  }
  if (p.unit === "season") {
    const s = SEASON_BY_ORDER[p.m];
    const endYear = s.lastMonth >= sm ? sy : sy + 1;
    p.y = s.endsNextYear ? endYear - 1 : endYear;
    return pieceEnd(p);
  }
  return null; // a quarter with no year is not placed: Q2 of what?
}
