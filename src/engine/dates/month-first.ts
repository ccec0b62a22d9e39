// Does a due column write its numeric dates month first?

// a/b/y, a-b-y or a.b.y with the same separator; a and b of one or two digits.
const NUMERIC_DATE = /(?<![\d./-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d])/g;

/**
 * Does the column's numeric dates only make sense month-first? True when at least
 * one a/b/y has b > 12 (so b must be the day) and none has a > 12.
 */
export function columnIsMonthFirst(texts: readonly string[]): boolean {
  let monthFirstSeen = false;
  for (const text of texts) {
    if (typeof text !== "string" || text.length < 6) continue;
    NUMERIC_DATE.lastIndex = 0;
    for (let m = NUMERIC_DATE.exec(text); m; m = NUMERIC_DATE.exec(text)) {
      const a = Number(m[1]);
      const b = Number(m[3]);
      if (a > 12) return false;
      if (b > 12 && b <= 31 && a >= 1) monthFirstSeen = true;
    }
  }
  return monthFirstSeen;
}

/**
 * Could this text make its column month-first: has it an a/b/y with a ≤ 12 < b ≤ 31?
 * A column none of whose texts can is read day-first without looking further.
 */
export function suggestsMonthFirst(text: string): boolean {
  if (text.length < 6) return false;
  NUMERIC_DATE.lastIndex = 0;
  for (let m = NUMERIC_DATE.exec(text); m; m = NUMERIC_DATE.exec(text)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a >= 1 && a <= 12 && b > 12 && b <= 31) return true;
  }
  return false;
}
