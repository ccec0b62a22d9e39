// Which sheets are Plan Monitor's own. The marker is a workbook-level defined
// name `PlanMonitor_<kind>` pointing at A1 of the sheet (the Office.js host
// uses the same marker), so it follows the sheet when a user renames it and a
// user's sheet that merely has the same name is never mistaken for ours.
import type ExcelJS from "exceljs";

export const OWNED_NAME_PREFIX = "PlanMonitor_";

export const ownedNameFor = (kind: string): string => `${OWNED_NAME_PREFIX}${kind}`;

/** "'It''s here'!$A$1" → "It's here"; "Sheet1!$A$1" → "Sheet1"; null for "#REF!" and the like. */
export function sheetNameOfRef(ref: string): string | null {
  const quoted = /^'((?:[^']|'')+)'!/.exec(ref);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^([^'!#][^!]*)!/.exec(ref);
  return plain ? plain[1] : null;
}

export const quoteSheetName = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** kind → the worksheet marked as Plan Monitor's sheet of that kind (only markers that point at an existing sheet). */
export function ownedSheets(wb: ExcelJS.Workbook): Map<string, ExcelJS.Worksheet> {
  const owned = new Map<string, ExcelJS.Worksheet>();
  for (const { name, ranges } of wb.definedNames.model) {
    if (!name.startsWith(OWNED_NAME_PREFIX) || ranges.length !== 1) continue;
    const sheetName = sheetNameOfRef(ranges[0]);
    const ws = sheetName === null ? undefined : wb.getWorksheet(sheetName);
    if (ws) owned.set(name.slice(OWNED_NAME_PREFIX.length), ws);
  }
  return owned;
}

/** Point the kind's marker at this sheet (replacing any earlier marker of that kind). */
export function markOwned(wb: ExcelJS.Workbook, kind: string, sheetName: string): void {
  const name = ownedNameFor(kind);
  wb.definedNames.model = wb.definedNames.model.filter((n) => n.name !== name);
  wb.definedNames.add(`${quoteSheetName(sheetName)}!$A$1`, name);
}
