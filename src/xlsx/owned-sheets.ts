// Which sheets of an exceljs workbook are Plan Monitor's own, by the rule both
// hosts follow (engine/owned.ts): a PlanMonitor_<kind> name pointing at A1 of a
// sheet, trusted only when that sheet's A1 holds Plan Monitor's title for the
// kind. Otherwise the sheet is the user's: it is read as data, and the summary is
// written as a new sheet under a free name (write-package.ts), the marker then
// pointing at that.
import type ExcelJS from "exceljs";
import { MARKER_PREFIX, markedSheet, markerKind, provesOwned } from "../engine/owned";
import { plainValue } from "./cells";

/** The marker names' prefix (the CLI recognises a Plan Monitor output by it). */
export const OWNED_NAME_PREFIX = MARKER_PREFIX;

/** Does this sheet carry Plan Monitor's own layout for the kind: its title in A1? */
export function looksOwned(ws: ExcelJS.Worksheet, kind: string): boolean {
  return provesOwned(kind, plainValue(ws.getCell("A1").value));
}

/**
 * kind → the worksheet marked as Plan Monitor's sheet of that kind: only markers
 * that point at A1 of an existing sheet that has Plan Monitor's title there.
 */
export function ownedSheets(wb: ExcelJS.Workbook): Map<string, ExcelJS.Worksheet> {
  const owned = new Map<string, ExcelJS.Worksheet>();
  for (const { name, ranges } of wb.definedNames.model) {
    const kind = markerKind(name);
    if (kind === null || ranges.length !== 1) continue;
    const sheetName = markedSheet(ranges[0]);
    const ws = sheetName === null ? undefined : wb.getWorksheet(sheetName);
    if (ws && looksOwned(ws, kind)) owned.set(kind, ws);
  }
  return owned;
}
