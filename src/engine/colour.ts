// Which cells to colour: each item's status cell, or its due cell where the
// plan has no status column (and its first text cell where it has neither).
import { columnIndex } from "./a1";
import type { PlanReport, Role } from "./report";
import type { ColourPlan } from "./writeback";

const TARGET_ROLES: readonly Role[] = ["status", "due", "subAction", "action"];

export function colourPlanFor(report: PlanReport): ColourPlan {
  return {
    sheets: report.sheets.map((sheet) => {
      const role = TARGET_ROLES.find((r) => sheet.columns[r] !== undefined);
      const col = role ? columnIndex(sheet.columns[role]!) : 0;
      return { name: sheet.name, cells: sheet.items.map((it) => ({ row: it.row - 1, col, rag: it.rag })) };
    }),
  };
}
