// Due dates (plan-rules.md §3): reading the target-date cell of an action plan
// as the last day the item is due by, plus the calendar helpers the engine uses.
//
// Text is read by a small tokenizer and a left-to-right grammar rather than
// one big regex: plans write dates in dozens of ways ("Jun-10", "Sept/Oct 2016",
// "Q3 2019/20", "12th October 2015", "Phase I: May-10 Phase II: Oct-10"), the
// pieces combine (a month waiting for the year written once after it), and a
// token scan stays linear on long notes pasted into a date column.
//
// Pure TypeScript: no Node, DOM or Office imports.
//
// Note on numfmt: the installed numfmt 4.0.1 cannot be loaded by Node or jest
// here (its package.json names dist/index.cjs, which the package does not ship),
// so the few facts needed from a number format (does it show a day, a month, a
// year?) are read by `formatParts` below.

import { type Cell, isCellError } from "./grid";
import { saysNoDate } from "./lexicon";

// ───────────────────────────── public types ─────────────────────────────

/** A plan's period: first day of its first month to last day of its last month (ISO). */
export interface PlanPeriod {
  start: string;
  end: string;
}

export type DueKind = "date" | "blank" | "no-date" | "unreadable" | "month-no-year";

export interface DueReading {
  /** ISO date: the latest of all dates found; null when none. */
  due: string | null;
  /** Every date found (each resolved to its last day), in text order. */
  dates: string[];
  /** More than one distinct date was found (the latest was taken). */
  several: boolean;
  kind: DueKind;
}

export interface DueOptions {
  /** The plan period, for months written without a year ("Sept", "Jan"). */
  period?: PlanPeriod | null;
  /** Read a/b/yyyy as month/day/year (the column only makes sense that way). */
  monthFirst?: boolean;
  /** The workbook uses the 1904 date system. */
  date1904?: boolean;
}

// ───────────────────────────── calendar helpers ─────────────────────────────

const MAX_SERIAL = 2958465; // 9999-12-31 in the 1900 system
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ISO_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number): number => (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]);
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => (n < 10 ? `000${n}` : n < 100 ? `00${n}` : n < 1000 ? `0${n}` : String(n));
const iso = (y: number, m: number, d: number): string => `${pad4(y)}-${pad2(m)}-${pad2(d)}`;

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's
// algorithms): integer arithmetic only, so no time zones, DST or Date objects.
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** "yyyy-mm-dd" that is a real calendar date. */
export function isIsoDate(s: string): boolean {
  if (typeof s !== "string") return false;
  const m = ISO_SHAPE.exec(s);
  if (!m) return false;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(Number(m[1]), mo);
}

/** The last day of a month (1..12) as ISO. */
export function endOfMonth(year: number, month: number): string {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12 || year < 0 || year > 9999)
    throw new RangeError(`endOfMonth: no month ${year}-${month}`);
  return iso(year, month, daysIn(year, month));
}

// Splits an ISO-shaped string; throws on anything else so a bad input is loud.
function isoParts(s: string, fn: string): [number, number, number] {
  const m = ISO_SHAPE.exec(s);
  if (!m) throw new RangeError(`${fn}: not an ISO date: ${JSON.stringify(s)}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Whole days from `fromIso` to `toIso` (positive when `toIso` is later). */
export function daysBetween(fromIso: string, toIso: string): number {
  const [y1, m1, d1] = isoParts(fromIso, "daysBetween");
  const [y2, m2, d2] = isoParts(toIso, "daysBetween");
  return daysFromCivil(y2, m2, d2) - daysFromCivil(y1, m1, d1);
}

const EPOCH_1900 = daysFromCivil(1899, 12, 30); // serial 61 and on count from here
const EPOCH_1904 = daysFromCivil(1904, 1, 1); // serial 0 in the 1904 system

/**
 * An Excel serial as an ISO date. The 1900 system keeps Lotus's fake leap day:
 * serial 60 is "1900-02-29", so 1..59 count from 1899-12-31 and 61.. from 1899-12-30.
 * A time fraction is dropped.
 */
export function serialToIso(serial: number, date1904 = false): string {
  if (!Number.isFinite(serial)) throw new RangeError(`serialToIso: not a number: ${serial}`);
  const whole = Math.floor(serial);
  if (!date1904 && whole === 60) return "1900-02-29";
  const days = date1904 ? EPOCH_1904 + whole : EPOCH_1900 + whole + (whole < 60 ? 1 : 0);
  const [y, m, d] = civilFromDays(days);
  return iso(y, m, d);
}

/** An ISO date as an Excel serial (the inverse of serialToIso, "1900-02-29" → 60). */
export function isoToSerial(isoDate: string, date1904 = false): number {
  const [y, m, d] = isoParts(isoDate, "isoToSerial");
  if (!date1904 && isoDate === "1900-02-29") return 60;
  if (!isIsoDate(isoDate)) throw new RangeError(`isoToSerial: not a calendar date: ${isoDate}`);
  const days = daysFromCivil(y, m, d);
  if (date1904) return days - EPOCH_1904;
  const serial = days - EPOCH_1900;
  return serial <= 60 ? serial - 1 : serial; // before the fake leap day the count is one less
}

// ───────────────────────────── rules as data ─────────────────────────────

const MONTHS: ReadonlyMap<string, number> = new Map([
  ["jan", 1], ["january", 1], ["feb", 2], ["february", 2], ["mar", 3], ["march", 3],
  ["apr", 4], ["april", 4], ["may", 5], ["jun", 6], ["june", 6], ["jul", 7], ["july", 7],
  ["aug", 8], ["august", 8], ["sep", 9], ["sept", 9], ["september", 9], ["oct", 10], ["october", 10],
  ["nov", 11], ["november", 11], ["dec", 12], ["december", 12],
]);

// Month names that are also ordinary words: without a year they count only when
// written with a capital ("in May" is a month, "this may slip" is not).
const COMMON_WORD_MONTHS: ReadonlySet<string> = new Set(["may", "march"]);

/** Seasons in the order they fall in a year; Winter runs Dec–Feb into the next year. */
interface Season {
  order: number;
  lastMonth: number;
  endsNextYear: boolean;
}
const SEASONS: ReadonlyMap<string, Season> = new Map([
  ["spring", { order: 0, lastMonth: 5, endsNextYear: false }],
  ["summer", { order: 1, lastMonth: 8, endsNextYear: false }],
  ["autumn", { order: 2, lastMonth: 11, endsNextYear: false }],
  ["fall", { order: 2, lastMonth: 11, endsNextYear: false }],
  ["winter", { order: 3, lastMonth: 2, endsNextYear: true }],
]);
const SEASON_BY_ORDER: readonly Season[] = [SEASONS.get("spring")!, SEASONS.get("summer")!, SEASONS.get("autumn")!, SEASONS.get("winter")!];
// "fall" is a common verb: it is a season only with a year.
const SEASON_NEEDS_YEAR: ReadonlySet<string> = new Set(["fall"]);

/** UK financial-year quarters (April start): last month and whether it is in the second calendar year. */
const FY_QUARTER_END: ReadonlyArray<{ month: number; nextYear: boolean }> = [
  { month: 6, nextYear: false },
  { month: 9, nextYear: false },
  { month: 12, nextYear: false },
  { month: 3, nextYear: true },
];

const QUARTER_WORDS: ReadonlySet<string> = new Set(["quarter", "qtr", "qr"]);

// Words and marks that join months sharing one year ("Sept/Oct 2016", "September to December 2016").
const JOINING_WORDS: ReadonlySet<string> = new Set(["and", "to", "or", "until", "till", "til", "through", "thru"]);
const JOINING_MARKS: ReadonlySet<string> = new Set(["/", "-", ",", "&", "+"]);
// Only these make a range for the plan period ("August 2019 to July 2020").
const RANGE_WORDS: ReadonlySet<string> = new Set(["to", "until", "till", "til", "through", "thru"]);

// A number straight after these is a label, not a day ("Phase 2 May 2020" is May 2020).
const LABEL_WORDS: ReadonlySet<string> = new Set([
  "phase", "stage", "step", "action", "actions", "item", "items", "part", "section", "priority", "tier",
  "level", "no", "number", "ref", "ni", "recommendation", "objective", "area", "theme", "point", "para",
  "paragraph", "page", "version", "v", "appendix", "annex", "year", "week", "wave", "round", "cohort",
]);


// ───────────────────────────── tokenizer ─────────────────────────────

const WORD = 0;
const NUM = 1;
const MARK = 2;

interface Tok {
  k: number; // WORD | NUM | MARK
  s: string; // lower-cased word, digits, or the mark ("-" for every dash, "'" for every apostrophe)
  n: number; // value of a number
  len: number; // digits in a number
  ord: boolean; // number carried an ordinal suffix: 1st 2nd 3rd 12th
  gap: boolean; // whitespace stood before it
  cap: boolean; // word began with a capital
}

const isSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const isDash = (c: number): boolean => c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe58 || c === 0xfe63 || c === 0xff0d;
const isQuote = (c: number): boolean => c === 39 || c === 0x2018 || c === 0x2019 || c === 0x60 || c === 0xb4 || c === 0x2032;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/** Splits text into words, numbers and marks; whitespace only sets `gap` on the next token. */
function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  const n = text.length;
  let gap = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      gap = true;
      i++;
      continue;
    }
    const start = i;
    if (isLetter(c)) {
      while (i < n && isLetter(text.charCodeAt(i))) i++;
      toks.push({ k: WORD, s: text.slice(start, i).toLowerCase(), n: 0, len: 0, ord: false, gap, cap: c <= 90 });
    } else if (isDigit(c)) {
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      const digits = text.slice(start, i);
      let ord = false;
      if (i + 1 < n && !(i + 2 < n && isLetter(text.charCodeAt(i + 2)))) {
        const a = lower(text.charCodeAt(i));
        const b = lower(text.charCodeAt(i + 1));
        // st nd rd th
        if ((a === 115 && b === 116) || (a === 110 && b === 100) || (a === 114 && b === 100) || (a === 116 && b === 104)) {
          ord = true;
          i += 2;
        }
      }
      toks.push({ k: NUM, s: digits, n: digits.length > 9 ? Number.MAX_SAFE_INTEGER : Number(digits), len: digits.length, ord, gap, cap: false });
    } else {
      i++;
      const s = isDash(c) ? "-" : isQuote(c) ? "'" : text.charAt(start);
      toks.push({ k: MARK, s, n: 0, len: 0, ord: false, gap, cap: false });
    }
    gap = false;
  }
  return toks;
}

// ───────────────────────────── grammar ─────────────────────────────

/** What a piece of date text names; "day" and "month" share a year the same way. */
type Unit = "day" | "month" | "season" | "quarter" | "fy" | "year";

interface Piece {
  start: number; // first token
  end: number; // token after the last
  unit: Unit;
  y: number; // calendar year (financial-year start for "fy" and FY quarters); 0 while unknown
  m: number; // month 1..12, season order 0..3, or quarter 1..4
  d: number; // day of month for "day"
  fy: boolean; // a quarter of a UK financial year
  iso: string | null; // the last day it names; null while the year is unknown
}

interface YearSpec {
  y: number;
  fy: boolean;
  end: number;
}

/** Excel's rule for two-digit years: 00–29 → 2000s, 30–99 → 1900s. */
const fullYear = (yy: number): number => (yy < 30 ? 2000 + yy : 1900 + yy);
const isYearLike = (n: number): boolean => n >= 1990 && n <= 2099; // a year standing on its own
const isYearNear = (n: number): boolean => n >= 1900 && n <= 2199; // a year next to a month, season or quarter

const isMark = (t: Tok | undefined, s: string): boolean => t !== undefined && t.k === MARK && t.s === s;
const isWord = (t: Tok | undefined, set: ReadonlySet<string>): boolean => t !== undefined && t.k === WORD && set.has(t.s);
const tight = (t: Tok | undefined): boolean => t !== undefined && !t.gap;

/** The last day a piece names, once its year is known. */
function pieceEnd(p: Piece): string {
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

function makePiece(start: number, end: number, unit: Unit, y: number, m: number, d = 0, fy = false): Piece {
  const p: Piece = { start, end, unit, y, m, d, fy, iso: null };
  if (y) p.iso = pieceEnd(p);
  return p;
}

/** "/20" or "-2020" after a year that make it a financial year (the next year, short or full). Returns the token after, or 0. */
function financialYearTail(toks: readonly Tok[], k: number, startYear: number): number {
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
function readYear(toks: readonly Tok[], j: number, opts: { shortYear: boolean; shortFy: boolean }): YearSpec | null {
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

/** A number straight after a label word ("Phase 2", "No. 3") is not a day. */
function afterLabel(toks: readonly Tok[], i: number, from: number): boolean {
  let p = i - 1;
  if (p >= from && (isMark(toks[p], ".") || isMark(toks[p], ":"))) p--;
  return p >= from && isWord(toks[p], LABEL_WORDS);
}

/** Is the number at i the tail of a dotted or slashed number ("8.1.1", "1/2")? Tokens of earlier dates don't count. */
function continuesNumber(toks: readonly Tok[], i: number, from: number): boolean {
  if (i - 2 < from) return false;
  const sep = toks[i - 1];
  return sep.k === MARK && !sep.gap && !toks[i].gap && toks[i - 2].k === NUM && (sep.s === "." || sep.s === "/" || sep.s === "-" || sep.s === ",");
}

/** A quarter token: "Q3", "Qtr 3", "Quarter 3", "3rd quarter". */
function readQuarterToken(toks: readonly Tok[], k: number): { q: number; end: number } | null {
  const t = toks[k];
  const n = toks[k + 1];
  if (!t || !n) return null;
  const isQ = (x: Tok): boolean => x.k === NUM && x.len === 1 && x.n >= 1 && x.n <= 4;
  if (t.k === WORD && t.s === "q" && isQ(n) && !n.gap) return { q: n.n, end: k + 2 };
  if (isWord(t, QUARTER_WORDS) && isQ(n)) return { q: n.n, end: k + 2 };
  if (isQ(t) && t.ord && isWord(n, QUARTER_WORDS)) return { q: t.n, end: k + 2 };
  return null;
}

function readQuarter(toks: readonly Tok[], i: number): Piece | null {
  const q = readQuarterToken(toks, i);
  if (!q) return null;
  const ys = readYear(toks, q.end, { shortYear: false, shortFy: true });
  if (!ys) return makePiece(i, q.end, "quarter", 0, q.q); // "by end Q2": waits for a year
  return makePiece(i, ys.end, "quarter", ys.y, q.q, 0, ys.fy);
}

function readSeason(toks: readonly Tok[], i: number): Piece | null {
  const t = toks[i];
  const season = SEASONS.get(t.s);
  if (!season) return null;
  // a two-digit year only when joined: "Autumn-16", "Autumn '16"
  const ys = readYear(toks, i + 1, { shortYear: tight(toks[i + 1]) && toks[i + 1].k === MARK, shortFy: true });
  if (!ys) return SEASON_NEEDS_YEAR.has(t.s) ? null : makePiece(i, i + 1, "season", 0, season.order);
  // A season of a financial year is that season in its first year ("Winter 2019/20" is Dec 2019–Feb 2020).
  return makePiece(i, ys.end, "season", ys.y, season.order);
}

/** "Financial year 2019/20" style: "FY 2019/20", "FY19/20". A bare "FY2020" is left to the year reader. */
function readFyWord(toks: readonly Tok[], i: number): Piece | null {
  if (toks[i].s !== "fy") return null;
  const ys = readYear(toks, i + 1, { shortYear: false, shortFy: true });
  return ys && ys.fy ? makePiece(i, ys.end, "fy", ys.y, 0) : null;
}

/** The calendar year of a month written with a year or a financial year ("March 2019/20" is March 2020). */
const yearOfMonth = (ys: YearSpec, m: number): number => (ys.fy && m < 4 ? ys.y + 1 : ys.y);

/** A 4-digit year after a day: "October 12, 2015", "Jun-10-2020", "12th October 2015". */
function yearAfterDay(toks: readonly Tok[], k: number): YearSpec | null {
  let j = k;
  const sep = toks[j];
  if (isMark(sep, ",")) j++;
  else if (sep && sep.k === MARK && (sep.s === "-" || sep.s === "/" || sep.s === ".") && !sep.gap && tight(toks[j + 1])) j++;
  const t = toks[j];
  return t && t.k === NUM && t.len === 4 && isYearNear(t.n) ? { y: t.n, fy: false, end: j + 1 } : null;
}

/** Month first: "Jun-10", "March 2015", "June '20", "October 12, 2015", "Sept" (no year). */
function readMonthFirst(toks: readonly Tok[], i: number): Piece | null {
  const t = toks[i];
  const m = MONTHS.get(t.s);
  if (m === undefined) return null;
  // a day straight after the month, then a full year: "October 12, 2015", "October 12th 2015", "Jun-10-2020"
  let j = i + 1;
  if (toks[j] && toks[j].k === MARK && (toks[j].s === "-" || toks[j].s === "/" || toks[j].s === ".") && !toks[j].gap && tight(toks[j + 1])) j++;
  const dayTok = toks[j];
  const isDay = dayTok !== undefined && dayTok.k === NUM && dayTok.len <= 2 && dayTok.n >= 1 && dayTok.n <= 31;
  if (isDay) {
    const ys = yearAfterDay(toks, j + 1);
    if (ys) return makePiece(i, ys.end, "day", ys.y, m, dayTok.n);
  }
  const ys = readYear(toks, i + 1, { shortYear: true, shortFy: false });
  if (ys) return makePiece(i, ys.end, "month", yearOfMonth(ys, m), m);
  if (COMMON_WORD_MONTHS.has(t.s) && !t.cap) return null;
  // "October 12th", "August 5": a day with no year
  if (isDay && (dayTok.ord || dayTok.len === 1) && dayTok.n <= daysIn(2000, m)) return makePiece(i, j + 1, "day", 0, m, dayTok.n);
  return makePiece(i, i + 1, "month", 0, m);
}

/** Day first: "12th October 2015", "1 Sept 2016", "1-Sep-16", "1st of May 2020", "12 October". */
function readDayFirst(toks: readonly Tok[], i: number, from: number): Piece | null {
  const t = toks[i];
  if (t.len > 2 || t.n < 1 || t.n > 31 || afterLabel(toks, i, from)) return null;
  let k = i + 1;
  const sep = toks[k];
  if (sep && sep.k === MARK && (sep.s === "-" || sep.s === "/" || sep.s === ".") && !sep.gap && tight(toks[k + 1])) k++;
  else if (sep && sep.k === WORD && sep.s === "of") k++;
  const monthTok = toks[k];
  const m = monthTok && monthTok.k === WORD ? MONTHS.get(monthTok.s) : undefined;
  if (m === undefined) return null;
  const ys = readYear(toks, k + 1, { shortYear: true, shortFy: false });
  if (ys) {
    const y = yearOfMonth(ys, m);
    return makePiece(i, ys.end, t.n <= daysIn(y, m) ? "day" : "month", y, m, t.n);
  }
  if (COMMON_WORD_MONTHS.has(monthTok.s) && !monthTok.cap) return null;
  return t.n <= daysIn(2000, m) ? makePiece(i, k + 1, "day", 0, m, t.n) : null;
}

/** a/b/c with one separator, tight: "03/04/2020", "3/4/20", "31.03.2020", "2020-04-03", "08-31-2024". */
function readNumericDate(toks: readonly Tok[], i: number, monthFirst: boolean): Piece | null {
  const a = toks[i];
  const s1 = toks[i + 1];
  const b = toks[i + 2];
  const s2 = toks[i + 3];
  const c = toks[i + 4];
  if (!s1 || !b || !s2 || !c || s1.k !== MARK || s1.s !== s2.s || b.k !== NUM || c.k !== NUM) return null;
  if (s1.gap || b.gap || s2.gap || c.gap || !(s1.s === "/" || s1.s === "-" || s1.s === ".")) return null;
  // "1.2.10.5" and "3/4/2020/21" are not dates
  const after = toks[i + 5];
  if (after && !after.gap && after.k === MARK && (after.s === s1.s || after.s === ".") && toks[i + 6]?.k === NUM) return null;
  if (a.len === 4) {
    // ISO order: yyyy-mm-dd
    if (b.len > 2 || c.len > 2 || !isYearNear(a.n)) return null;
    return validDay(a.n, b.n, c.n) ? makePiece(i, i + 5, "day", a.n, b.n, c.n) : null;
  }
  if (a.len > 2 || b.len > 2 || (c.len !== 2 && c.len !== 4)) return null;
  // Dots separate like slashes (plan rules §3): "17.7.12" is 17 July 2012.
  const y = c.len === 4 ? c.n : fullYear(c.n);
  if (c.len === 4 && !isYearNear(c.n)) return null;
  let [d, m] = monthFirst ? [b.n, a.n] : [a.n, b.n];
  // a date that only makes sense the other way round is read that way (08-31-2024 without monthFirst)
  if (!validDay(y, m, d)) [d, m] = [m, d];
  return validDay(y, m, d) ? makePiece(i, i + 5, "day", y, m, d) : null;
}

const validDay = (y: number, m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);

/** "03/2020", "3-2020": month and year. */
function readNumericMonth(toks: readonly Tok[], i: number): Piece | null {
  const a = toks[i];
  const s = toks[i + 1];
  const b = toks[i + 2];
  if (a.len > 2 || a.n < 1 || a.n > 12 || !s || !b || s.k !== MARK || s.gap || b.gap || b.k !== NUM) return null;
  if (!(s.s === "/" || s.s === "-" || s.s === ".") || b.len !== 4 || !isYearNear(b.n)) return null;
  if (s.s === "." && a.len !== 2) return null; // "3.2020" reads as a decimal
  return makePiece(i, i + 3, "month", b.n, a.n);
}

/** "2019/20", "2019-2020", "2019/20 Q3": a UK financial year, or a quarter of one. */
function readFinancialYear(toks: readonly Tok[], i: number): Piece | null {
  const t = toks[i];
  if (t.len !== 4 || !isYearLike(t.n)) return null;
  const end = financialYearTail(toks, i, t.n);
  if (!end) return null;
  const k = isMark(toks[end], "-") || isMark(toks[end], ",") ? end + 1 : end;
  const q = readQuarterToken(toks, k);
  return q ? makePiece(i, q.end, "quarter", t.n, q.q, 0, true) : makePiece(i, end, "fy", t.n, 0);
}

/** A year on its own: "2020" → 31 Dec, "mid 2020" / "mid-2020" → 30 Jun, "2020 Q1" → calendar quarter. */
function readBareYear(toks: readonly Tok[], i: number, from: number): Piece | null {
  const t = toks[i];
  if (t.len !== 4 || !isYearLike(t.n) || t.ord) return null;
  const next = toks[i + 1];
  // "2020.5", "2020,000", "2020%" are not years
  if (next && !next.gap && next.k === MARK && (next.s === "." || next.s === "," || next.s === "%") && (next.s === "%" || toks[i + 2]?.k === NUM)) return null;
  const k = isMark(next, "-") || isMark(next, ",") ? i + 2 : i + 1;
  const q = readQuarterToken(toks, k);
  if (q) return makePiece(i, q.end, "quarter", t.n, q.q);
  let p = i - 1;
  if (p >= from && isMark(toks[p], "-")) p--;
  if (p >= from && toks[p].k === WORD && toks[p].s === "of") p--;
  const mid = p >= from && toks[p].k === WORD && (toks[p].s === "mid" || toks[p].s === "middle");
  return makePiece(i, i + 1, "year", t.n, mid ? 6 : 0);
}

/** The date piece starting at token i, if any. `from` is the first token not used by an earlier piece. */
function readPiece(toks: readonly Tok[], i: number, from: number, monthFirst: boolean): Piece | null {
  const t = toks[i];
  if (t.k === WORD) {
    return readMonthFirst(toks, i) ?? readQuarter(toks, i) ?? readSeason(toks, i) ?? readFyWord(toks, i);
  }
  if (t.k !== NUM || continuesNumber(toks, i, from)) return null;
  return (
    readNumericDate(toks, i, monthFirst) ??
    readFinancialYear(toks, i) ??
    readNumericMonth(toks, i) ??
    readDayFirst(toks, i, from) ??
    readQuarter(toks, i) ??
    readBareYear(toks, i, from)
  );
}

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
function scanPieces(toks: readonly Tok[], monthFirst: boolean): Piece[] {
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
function placeInPeriod(p: Piece, period: PlanPeriod): string | null {
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

// ───────────────────────────── due readings ─────────────────────────────

const BLANK: DueReading = Object.freeze({ due: null, dates: [], several: false, kind: "blank" }) as DueReading;
const reading = (kind: DueKind): DueReading => ({ due: null, dates: [], several: false, kind });

const isBlank = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
};

/** Reads the text of a due-date cell (plan-rules.md §3). */
export function parseDueText(text: string, opts: DueOptions = {}): DueReading {
  if (typeof text !== "string") text = text === null || text === undefined ? "" : String(text);
  if (text === "" || isBlank(text)) return { ...BLANK, dates: [] };
  const pieces = scanPieces(tokenize(text), Boolean(opts.monthFirst));
  const dates: string[] = [];
  let yearless = false;
  for (const p of pieces) {
    if (p.iso !== null) dates.push(p.iso);
    else if (p.unit !== "quarter") {
      const placed = opts.period ? placeInPeriod(p, opts.period) : null;
      if (placed) dates.push(placed);
      else yearless = true;
    }
  }
  if (dates.length === 0) return reading(yearless ? "month-no-year" : saysNoDate(text) ? "no-date" : "unreadable");
  let due = dates[0];
  let several = false;
  for (const d of dates) {
    if (d !== due) several = true;
    if (d > due) due = d;
  }
  return { due, dates, several, kind: "date" };
}

// ───────────────────────────── date cells ─────────────────────────────

interface FormatParts {
  date: boolean;
  day: boolean;
  month: boolean;
  year: boolean;
}

const formatCache = new Map<string, FormatParts>();
// Literal text, escapes, fill/skip characters and [colour]/[$-809]/[h] brackets carry no date codes.
const FORMAT_NOISE = /"[^"]*"|\\.|[_*].|\[[^\]]*\]/g;

/** What a number format shows of a date (first section: serials are positive). */
function formatParts(format: string | undefined): FormatParts {
  const code = format ?? "General";
  const cached = formatCache.get(code);
  if (cached) return cached;
  const first = code.replace(FORMAT_NOISE, "").split(";")[0].toLowerCase().replace("general", "");
  const day = first.includes("d");
  const year = first.includes("y");
  // "m" is minutes next to hours or seconds ("h:mm", "mm:ss"); "mmm" is always a month
  const month = first.includes("mmm") || (first.includes("m") && !first.includes("h") && !first.includes("s"));
  const parts = { date: day || month || year, day, month, year };
  if (formatCache.size < 500) formatCache.set(code, parts);
  return parts;
}

/** A number in a due cell: an Excel serial, read to the precision its format shows. */
function readSerial(value: number, format: string | undefined, date1904: boolean): DueReading {
  if (!Number.isFinite(value) || value < 1 || value > MAX_SERIAL) return reading("unreadable");
  const shows = formatParts(format);
  // A year typed as a plain number (General "2020") is that year, not a day in 1905.
  if (!shows.date && Number.isInteger(value) && isYearLike(value)) {
    const d = iso(value, 12, 31);
    return { due: d, dates: [d], several: false, kind: "date" };
  }
  if (date1904 && value > MAX_SERIAL - 1462) return reading("unreadable"); // past 9999-12-31
  if (!date1904 && Math.floor(value) === 60) return reading("unreadable"); // 1900-02-29: Lotus's leap day, no real date
  const day = serialToIso(value, date1904);
  let due = day;
  if (shows.date && !shows.day) {
    const y = Number(day.slice(0, 4));
    const m = Number(day.slice(5, 7));
    due = shows.month ? (day === "1900-02-29" ? day : endOfMonth(y, m)) : iso(y, 12, 31);
  }
  return { due, dates: [due], several: false, kind: "date" };
}

/** Reads a due-date cell: a date serial, text, or nothing. */
export function parseDueCell(cell: Cell | undefined, opts: DueOptions = {}): DueReading {
  if (!cell) return { ...BLANK, dates: [] };
  const v = cell.value;
  if (typeof v === "number") return readSerial(v, cell.format, Boolean(opts.date1904));
  if (typeof v === "string") return parseDueText(v === "" && cell.text ? cell.text : v, opts);
  if (typeof v === "boolean" || isCellError(v)) return reading("unreadable");
  // No value: a host that only gave the displayed text.
  return typeof cell.text === "string" && cell.text !== "" ? parseDueText(cell.text, opts) : { ...BLANK, dates: [] };
}

// ───────────────────────────── columns and preambles ─────────────────────────────

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
