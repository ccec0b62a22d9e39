// The words dates are written in, as data: month names, seasons, quarters and the
// words that join or label them.
import { MONTH_NAMES, shortMonth } from "../vocabulary";

/** Month names as plans write them, lower-cased, → 1..12: full, short ("sep") and "sept". */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ...MONTH_NAMES.flatMap((name, i): [string, number][] => [
    [name.toLowerCase(), i + 1],
    [shortMonth(name).toLowerCase(), i + 1],
  ]),
  ["sept", 9],
]);

// Month names that are also ordinary words: without a year they count only when
// written with a capital ("in May" is a month, "this may slip" is not).
export const COMMON_WORD_MONTHS: ReadonlySet<string> = new Set(["may", "march"]);

/** Seasons in the order they fall in a year; Winter runs Dec–Feb into the next year. */
interface Season {
  order: number;
  lastMonth: number;
  endsNextYear: boolean;
}
export const SEASONS: ReadonlyMap<string, Season> = new Map([
  ["spring", { order: 0, lastMonth: 5, endsNextYear: false }],
  ["summer", { order: 1, lastMonth: 8, endsNextYear: false }],
  ["autumn", { order: 2, lastMonth: 11, endsNextYear: false }],
  ["fall", { order: 2, lastMonth: 11, endsNextYear: false }],
  ["winter", { order: 3, lastMonth: 2, endsNextYear: true }],
]);
export const SEASON_BY_ORDER: readonly Season[] = [SEASONS.get("spring")!, SEASONS.get("summer")!, SEASONS.get("autumn")!, SEASONS.get("winter")!];
// "fall" is a common verb: it is a season only with a year.
export const SEASON_NEEDS_YEAR: ReadonlySet<string> = new Set(["fall"]);

/** UK financial-year quarters (April start): last month and whether it is in the second calendar year. */
export const FY_QUARTER_END: ReadonlyArray<{ month: number; nextYear: boolean }> = [
  { month: 6, nextYear: false },
  { month: 9, nextYear: false },
  { month: 12, nextYear: false },
  { month: 3, nextYear: true },
];

export const QUARTER_WORDS: ReadonlySet<string> = new Set(["quarter", "qtr", "qr"]);

// Words and marks that join months sharing one year ("Sept/Oct 2016", "September to December 2016").
export const JOINING_WORDS: ReadonlySet<string> = new Set(["and", "to", "or", "until", "till", "til", "through", "thru"]);
export const JOINING_MARKS: ReadonlySet<string> = new Set(["/", "-", ",", "&", "+"]);
// Only these make a range for the plan period ("August 2019 to July 2020").
export const RANGE_WORDS: ReadonlySet<string> = new Set(["to", "until", "till", "til", "through", "thru"]);

// A number straight after these is a label, not a day ("Phase 2 May 2020" is May 2020).
export const LABEL_WORDS: ReadonlySet<string> = new Set([
  "phase", "stage", "step", "action", "actions", "item", "items", "part", "section", "priority", "tier",
  "level", "no", "number", "ref", "ni", "recommendation", "objective", "area", "theme", "point", "para",
  "paragraph", "page", "version", "v", "appendix", "annex", "year", "week", "wave", "round", "cohort",
]);
