// Seasons: "Autumn 2016", "Winter 2019/20", "Autumn-16".
import { makePiece, type Piece, readYear } from "../pieces";
import { MARK, tight, type Tok } from "../tokens";
import { SEASON_NEEDS_YEAR, SEASONS } from "../words";

export function readSeason(toks: readonly Tok[], i: number): Piece | null {
  const t = toks[i];
  const season = SEASONS.get(t.s);
  if (!season) return null;
  // a two-digit year only when joined: "Autumn-16", "Autumn '16"
  const ys = readYear(toks, i + 1, { shortYear: tight(toks[i + 1]) && toks[i + 1].k === MARK, shortFy: true });
  if (!ys) return SEASON_NEEDS_YEAR.has(t.s) ? null : makePiece(i, i + 1, "season", 0, season.order);
  // A season of a financial year is that season in its first year ("Winter 2019/20" is Dec 2019–Feb 2020).
  return makePiece(i, ys.end, "season", ys.y, season.order);
}
