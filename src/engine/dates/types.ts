// What reading a due date gives (plan-rules.md §3): the types callers see.

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
