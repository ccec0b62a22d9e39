// The header row of the first table on each sheet Plan Monitor writes, by kind:
// with the title in A1, the proof that a sheet has Plan Monitor's layout even when
// its marker was lost (engine/owned.ts). The writers build their headers from these
// words (exceptions.ts) or from the same parts (count-table.ts, portfolio.ts);
// test/robustness/marker-trust.test.ts checks every kind written against them.
import { PORTFOLIO_SHEET_NAME, SUMMARY_SHEET_NAMES, type SummaryKind } from "./names";
import { COUNT_HEADER } from "./history";
import { RAG_NAME, RAG_ORDER } from "./common";

/** The exceptions table's columns, as PM Exceptions heads them. */
export const EXCEPTION_HEADERS = ["RAG", "Theme", "Ref", "Action", "Owner(s)", "Due", "Days overdue", "Latest progress note / reason", "Go to"] as const;

/** Label, Blue … Grey, Total, % complete: the count table's first columns (themes, owners). */
const countWords = (label: string): string[] => [label, ...RAG_ORDER.map((r) => RAG_NAME[r]), "Total", "% complete"];

/** The first cells of the first table's header row, by the kind a sheet is marked with. */
export const OWNED_LAYOUTS: Readonly<Record<SummaryKind | "portfolio", readonly string[]>> = {
  themes: countWords("Theme"),
  owners: countWords("Owner"),
  exceptions: EXCEPTION_HEADERS,
  history: COUNT_HEADER,
  portfolio: ["Plan", ...countWords("Themes"), "Health", "Slipped"],
};

/** The name each kind's sheet is first given, as a user knows it. */
export const OWNED_SHEET_NAMES: Readonly<Record<SummaryKind | "portfolio", string>> = { ...SUMMARY_SHEET_NAMES, portfolio: PORTFOLIO_SHEET_NAME };
