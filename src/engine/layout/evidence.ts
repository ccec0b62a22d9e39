// What a column holds: each filled cell under a header is put in one class
// (a date, a status word, a name, a number, a statement, other), and a column
// is summed up by how many cells of each class it has. Plan rules §1: "where
// the words do not settle it, the cells do".
import { parseDueCell } from "../dates";
import { isCellError, type Cell } from "../grid";
import { GROUP_WORDS, isOwnerPlaceholder, isStatusWord, PERSON_ROLE_WORDS, saysNoDate } from "../lexicon";
import { plainText } from "../text";

export const CellClass = { Date: 1, NoDate: 2, Status: 3, Name: 4, Number: 5, Statement: 6, Other: 7 } as const;
export type CellClass = (typeof CellClass)[keyof typeof CellClass];

export interface ColumnProfile {
  /** Filled cells looked at. */
  filled: number;
  dates: number;
  /** Dates written within a few more words ("Peer review, June 2019"): a date, or a text that mentions one. */
  wordyDates: number;
  noDates: number;
  statuses: number;
  names: number;
  numbers: number;
  statements: number;
  /** Words per filled cell, on average. */
  meanWords: number;
  /** Sampled rows (0-based) where the column is filled: which rows a second text column fills that the action column leaves blank. */
  rows: number[];
}

export const emptyProfile = (): ColumnProfile => ({ filled: 0, dates: 0, wordyDates: 0, noDates: 0, statuses: 0, names: 0, numbers: 0, statements: 0, meanWords: 0, rows: [] });

// "1", "2a", "3.1", "13.", "(a)", "iv", "01.05", "R12", "A1.2": numbering, not quantities.
const DOTTED_DATE = /^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$/;
const NUMBERING = /^\(?(?:\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?|[a-z]|[ivx]{1,5}|\p{Lu}{1,3}\s?\d{1,3}(?:\.\d{1,3})*[a-z]?)[.)]?$/iu;
const INITIALS_RUN = /^\p{Lu}{2,4}(?:\s*[/,&+;]\s*\p{Lu}{2,4}|\s+\p{Lu}{2,4})*$/u;
const LINK_WORDS = new Set(["of", "and", "for", "the", "to", "&", "de", "van", "von", "le", "la", "in", "on", "with", "/"]);
// Due texts are short ("Dec-10 – Mar-11 for specifications"); a longer text mentioning a month is a note.
const MAX_DATE_WORDS = 8;
const MAX_NAME_WORDS = 8;
/** More words than this around a date and the cell may be a text that mentions one. */
const WORDY_DATE = 3;
const STATEMENT_WORDS = 5;
const STATEMENT_LENGTH = 35;

const wordCount = (s: string): number => {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = s.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
};

/** The class of one filled cell, and its words. */
export function classifyCell(cell: Cell): { cls: CellClass; words: number } {
  const value = cell.value;
  if (isCellError(value)) return { cls: CellClass.Other, words: 1 };
  const text = plainText(cell);
  const words = wordCount(text);
  if (typeof value === "number") {
    // A percentage ("% complete": 50%, 100%) is a measure, not numbering.
    if (cell.format?.includes("%")) return { cls: CellClass.Other, words };
    const reading = parseDueCell(cell);
    if (reading.kind === "date" && !/^general$/i.test(cell.format ?? "General")) return { cls: CellClass.Date, words };
    return { cls: Number.isInteger(value) && value > 0 && value < 10000 ? CellClass.Number : CellClass.Other, words };
  }
  if (typeof value === "boolean") return { cls: CellClass.Other, words };
  // "17.7.12" is a date (dots separate like slashes), "3.1" and "1.2.3" are numbering.
  if (NUMBERING.test(text) && !(DOTTED_DATE.test(text) && parseDueCell(cell).kind === "date")) return { cls: CellClass.Number, words };
  // "Ongoing", "By next meeting": a due column's way of saying no date, before it is a status word.
  if (words <= 5 && saysNoDate(text)) return { cls: CellClass.NoDate, words };
  if (isStatusWord(text)) return { cls: CellClass.Status, words };
  if (words <= MAX_DATE_WORDS) {
    const reading = parseDueCell(cell);
    if (reading.kind === "date" || reading.kind === "month-no-year") return { cls: CellClass.Date, words };
    if (words <= 5 && (reading.kind === "no-date" || saysNoDate(text))) return { cls: CellClass.NoDate, words };
  }
  if (looksLikeOwner(text, words)) return { cls: CellClass.Name, words };
  if (words >= STATEMENT_WORDS || text.length >= STATEMENT_LENGTH) return { cls: CellClass.Statement, words };
  return { cls: CellClass.Other, words };
}

/**
 * Names, initials, job titles and teams: short, no sentence, every word
 * capitalised but the small linking words, or holding a role or group word.
 */
export function looksLikeOwner(text: string, words = wordCount(text)): boolean {
  if (words === 0 || text.length > 80 || /\d/.test(text) || isOwnerPlaceholder(text)) return false;
  const lines = text.split(/\r?\n/);
  if (lines.length > 5) return false;
  for (const line of lines) {
    const t = line.trim();
    if (!t) continue;
    if (wordCount(t) > MAX_NAME_WORDS || /[.!?]$/.test(t.replace(/\b\p{Lu}\.$/u, ""))) return false;
    if (INITIALS_RUN.test(t)) continue;
    let roleWord = false;
    let capitalised = 0;
    let plain = 0;
    for (const raw of t.replace(/\([^)]*\)/g, " ").split(/[\s,;/&+]+/)) {
      const w = raw.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
      if (!w) continue;
      const key = w.toLowerCase();
      if (PERSON_ROLE_WORDS.has(key) || GROUP_WORDS.has(key)) roleWord = true;
      if (LINK_WORDS.has(key)) continue;
      if (/^\p{Lu}/u.test(w)) capitalised++;
      else plain++;
    }
    // "Head of Service", "Learning and Development Team", "the clerk" are owners; "Review it with every team" is not.
    if (!((roleWord && plain <= 1) || (capitalised > 0 && plain === 0))) return false;
  }
  return true;
}

/** Adds one cell to a column's profile. */
export function addToProfile(p: ColumnProfile, cls: CellClass, words: number, row: number): void {
  p.rows.push(row);
  p.meanWords = (p.meanWords * p.filled + words) / (p.filled + 1);
  p.filled++;
  switch (cls) {
    case CellClass.Date:
      p.dates++;
      if (words > WORDY_DATE) p.wordyDates++;
      break;
    case CellClass.NoDate:
      p.noDates++;
      break;
    case CellClass.Status:
      p.statuses++;
      break;
    case CellClass.Name:
      p.names++;
      break;
    case CellClass.Number:
      p.numbers++;
      break;
    case CellClass.Statement:
      p.statements++;
      break;
  }
}

/** What the cells say a column is, with the share of cells that say so. */
export type CellRole = "due" | "status" | "owner" | "ref" | "text";

export interface CellVerdict {
  role: CellRole;
  share: number;
  /** "dates in 12 of 13 cells". */
  because: string;
}

const MIN_SHARE: Record<CellRole, number> = { due: 0.5, status: 0.5, owner: 0.6, ref: 0.6, text: 0.5 };

const of = (n: number, p: ColumnProfile, what: string): string => `${what} in ${n} of ${p.filled} cell${p.filled === 1 ? "" : "s"}`;

/** The role a column's cells point to, if they point clearly to one. */
export function cellVerdict(p: ColumnProfile): CellVerdict | null {
  if (p.filled === 0) return null;
  const candidates: CellVerdict[] = [
    { role: "due", share: (p.dates + p.noDates * 0.75) / p.filled, because: of(p.dates + p.noDates, p, p.noDates ? "dates or date texts" : "dates") },
    { role: "status", share: (p.statuses + p.noDates * 0.5) / p.filled, because: of(p.statuses + p.noDates, p, "status words") },
    { role: "owner", share: p.names / p.filled, because: of(p.names, p, "names, initials or teams") },
    { role: "ref", share: p.numbers / p.filled, because: of(p.numbers, p, "numbers") },
    { role: "text", share: p.statements / p.filled, because: of(p.statements, p, "statements") },
  ];
  if (p.dates === 0) candidates[0].share = 0; // "Ongoing" alone is not a date column
  let best: CellVerdict | null = null;
  for (const c of candidates) if (c.share >= MIN_SHARE[c.role] && (!best || c.share > best.share)) best = c;
  return best;
}
