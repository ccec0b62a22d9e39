import type { ItemFinding } from "./finding";

export const noOwner: ItemFinding = {
  code: "no-owner",
  severity: "error",
  heading: "No owner",
  role: () => "owner",
  check: (item) => item.owners.length === 0,
  message: (item) =>
    item.columns.owner !== undefined
      ? "No owner: nobody is named for this action, here or on its action row. Name the person or team responsible."
      : "No owner: the plan has no owner or lead column, so nobody is named for this action.",
};
