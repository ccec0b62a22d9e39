// The words Plan Monitor writes for people, one set for the engine and both hosts:
// RAG names, month names and dates ("31 March 2026", "31 Mar 2026"). The words
// plans are read in are the lexicon's (lexicon/words.ts); month names are read
// back from the list here (dates/words.ts).
import type { Rag } from "./report";

/** The months, January first. */
export const MONTH_NAMES: readonly string[] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A month's short name: "Sep" for "September". */
export const shortMonth = (name: string): string => name.slice(0, 3);

/** Each RAG's name as a heading or a cell shows it. */
export const RAG_NAME: Readonly<Record<Rag, string>> = { blue: "Blue", green: "Green", amber: "Amber", red: "Red", grey: "Grey" };

/** "2010-09-01" → "1 September 2010". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** "2010-09-01" → "1 Sep 2010". */
export function shortDate(iso: string): string {
  // Plans share a few dozen dates across thousands of findings: each is written once.
  let out = SHORT.get(iso);
  if (out === undefined) {
    const [y, m, d] = iso.split("-").map(Number);
    out = `${d} ${shortMonth(MONTH_NAMES[m - 1])} ${y}`;
    if (SHORT.size < 10_000) SHORT.set(iso, out);
  }
  return out;
}
const SHORT = new Map<string, string>();
