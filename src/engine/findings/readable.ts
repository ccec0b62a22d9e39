// Dates and cell text as findings show them.
import { excerpt } from "../text";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2011-03-31" → "31 Mar 2011". */
export function readableDate(iso: string): string {
  // Plans share a few dozen dates across thousands of findings: each is written once.
  let out = READABLE.get(iso);
  if (out === undefined) {
    const [y, m, d] = iso.split("-").map(Number);
    out = `${d} ${MONTHS[m - 1]} ${y}`;
    if (READABLE.size < 10_000) READABLE.set(iso, out);
  }
  return out;
}
const READABLE = new Map<string, string>();

/** The due text quoted, cut to fit in a message. */
export const quotedDue = (dueText: string): string => `“${excerpt(dueText, 60)}”`;
