import type { RowFinding } from "./finding";

export const repeatedHeader: RowFinding = {
  code: "repeated-header",
  severity: "info",
  heading: "Header row repeated",
  message: (at) => `Row ${at.row} repeats the header row (left from pasting at a page break). Plan Monitor skips it; delete the row to tidy the table.`,
};
