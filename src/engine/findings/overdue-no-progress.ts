import type { ItemFinding } from "./finding";

// Without a progress column no item could have a note: say nothing rather than flag every late item.
export const overdueNoProgress: ItemFinding = {
  code: "overdue-no-progress",
  severity: "warning",
  heading: "Overdue with no progress note",
  role: () => "progress",
  check: (item) => (item.rag === "amber" || item.rag === "red") && !item.progress && item.columns.progress !== undefined,
  message: ({ late }) => `${late} day${late === 1 ? "" : "s"} overdue and no progress note. Add an update on what has happened.`,
};
