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
