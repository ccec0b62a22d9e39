// Small text helpers shared by the recogniser.
import { cellText, type Cell } from "./grid";

const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /[\s\u00a0]+/g;

/**
 * Does the text need normalising: leading, trailing or double spaces, other
 * whitespace (everything \s matches) or a dash other than "-"? Most cell texts
 * do not, and one test is much cheaper than the two replaces (this runs on
 * several cells of every row).
 */
const NOT_NORMAL = /[\t-\r\u00a0\u1680\u2000-\u200a\u2010-\u2015\u2028\u2029\u202f\u205f\u2212\u3000\ufeff]| {2}|^ | $/;
const isNormal = (s: string): boolean => !NOT_NORMAL.test(s);

/** Trim, collapse whitespace and treat – — - alike (how themes and headers are compared). */
export const normalise = (s: string): string => (isNormal(s) ? s : s.replace(DASHES, "-").replace(SPACES, " ").trim());

/** normalise + lower case: the key two texts are compared by. */
export const textKey = (s: string): string => normalise(s).toLowerCase();

/**
 * The first character code of textKey(s) when it is cheap to know (an ASCII
 * character after leading spaces), else -1. Lets a caller skip building a key
 * that cannot match.
 */
export function textKeyFirst(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c >= 0x80) return -1;
    return c >= 65 && c <= 90 ? c + 32 : c;
  }
  return -1;
}

/** Does the text start like the middle of a sentence (carried on from the row above)? */
export function startsMidSentence(s: string): boolean {
  const first = s.trimStart().charAt(0);
  if (!first) return false;
  if (first >= "a" && first <= "z") return true;
  return first === "," || first === ";" || first === ")" || first === "…";
}

/** The leading number of a text, as a plan writes refs: "3. Agree…" → "3", "1.2 Hold…" → "1.2". */
export function leadingRef(s: string): string {
  const m = LEADING_REF.exec(s);
  if (!m) return "";
  return m[1] ?? m[2] ?? "";
}
// "1.2 x", "3.3. x", "1.The x" (a dot then no space) and "10) x"; not "3 months" or "2010 review".
const LEADING_REF = /^\s*(?:(\d{1,3}(?:\.\d{1,3})+)\.?(?=\s|$|[A-Za-z])|(\d{1,3})[.)](?!\d))/;

/** The first `max` characters of a text on one line. */
export function excerpt(s: string, max = 120): string {
  const one = normalise(s);
  return one.length <= max ? one : `${cutText(one, max - 1).trimEnd()}…`;
}

/** The first `max` UTF-16 units of a text (Excel's limits count those), never half an emoji: a cut pair is dropped whole. */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  const last = s.charCodeAt(max - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

const HTML_TAG = /<\/?(?:p|div|br|span|b|i|u|strong|em|ul|ol|li|table|tr|td|th|font|h[1-6])\b[^>]*>|&(?:nbsp|amp|lt|gt|quot);/i;

/** Text pasted from a web page or Word with HTML tags left in it. */
export const hasHtml = (s: string): boolean => s.includes("<") || s.includes("&") ? HTML_TAG.test(s) : false;

const BLOCK_END = /<\/(?:p|div|li|tr|h[1-6])>|<br\s*\/?>/gi;
const ANY_TAG = /<\/?[a-z][^>]*>/gi;
const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"' };

/** Text with pasted HTML tags removed (block ends become line breaks), for reading values. */
export function stripHtml(s: string): string {
  if (!hasHtml(s)) return s;
  return s
    .replace(BLOCK_END, "\n")
    .replace(ANY_TAG, " ")
    .replace(/&(nbsp|amp|lt|gt|quot);/g, (_, e: string) => ENTITIES[e])
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n+ */g, "\n")
    .trim();
}

/** A cell's text as the engine reads it: trimmed, pasted HTML removed. */
export const plainText = (cell: Cell | undefined): string => stripHtml(cellText(cell));
