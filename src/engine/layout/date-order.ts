// The cheap pass before assessment that settles most sheets' date order: a due
// column is month-first only if one of its items' own due texts has an a/b/y
// that reads only month-first (08/31/2024). Those texts are among the due and
// revised cells below the header, so when none of those cells has one, the
// sheet reads day-first (UK order) and every item can be assessed as it is laid out.
import { suggestsMonthFirst } from "../dates";
import type { Grid } from "../grid";
import { plainText } from "../text";
import type { HeaderGuess } from "./header";

/** Might the sheet's due dates be month-first? False means they are not. */
export function mayBeMonthFirst(grid: Grid, header: HeaderGuess): boolean {
  const cols = [header.columns.due, header.columns.revised].filter((c): c is number => c !== undefined);
  if (cols.length === 0) return false;
  for (let r = header.row + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (!row) continue;
    for (const c of cols) {
      const cell = row[c];
      if (cell && suggestsMonthFirst(plainText(cell))) return true;
    }
  }
  return false;
}
