// The sheets Plan Monitor owns: their kinds (the stable identity a host marks
// them with) and the names they are given when first written.

export const SUMMARY_KINDS = ["themes", "owners", "exceptions", "history"] as const;
export type SummaryKind = (typeof SUMMARY_KINDS)[number];

export const SUMMARY_SHEET_NAMES: Readonly<Record<SummaryKind, string>> = {
  themes: "PM Summary – Themes",
  owners: "PM Summary – Owners",
  exceptions: "PM Exceptions",
  history: "PM History",
};

export const SUMMARY_TITLES: Readonly<Record<SummaryKind, string>> = {
  themes: "Plan Monitor – Summary by theme",
  owners: "Plan Monitor – Summary by owner",
  exceptions: "Plan Monitor – Exceptions",
  history: "Plan Monitor – History of reports",
};

/** The portfolio sheet's name when first written. */
export const PORTFOLIO_SHEET_NAME = "PM Portfolio";

/** A1 of the portfolio sheet that `plan-monitor summary` writes (one board workbook for several plans). */
export const PORTFOLIO_TITLE = "Plan Monitor – Portfolio of plans";

/** Every title Plan Monitor writes in A1 of a sheet it owns, by the kind it marks the sheet with. */
export const OWNED_TITLES: Readonly<Record<SummaryKind | "portfolio", string>> = { ...SUMMARY_TITLES, portfolio: PORTFOLIO_TITLE };
