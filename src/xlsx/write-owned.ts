// Which sheets are Plan Monitor's own. The marker is a workbook-level defined
// name `PlanMonitor_<kind>` pointing at A1 of the sheet (the Office.js host
// uses the same marker), so it follows the sheet when a user renames it and a
// user's sheet that merely has the same name is never mistaken for ours.
//
// A marker alone is not trusted: a user's workbook may hold a name
// PlanMonitor_themes (copied from another workbook, or made on purpose) pointing
// at the user's own plan, which would then be left out of the check and emptied to
// make room for the summary. A marker counts only when it points at A1 of a sheet
// whose A1 holds Plan Monitor's own title for that kind of sheet (every sheet
// Plan Monitor writes starts with it; see engine/summary/names.ts). Otherwise the
// sheet is the user's: it is read as data, and the summary is written as a new
// sheet under a free name, the marker then pointing at that.
import type ExcelJS from "exceljs";
import { OWNED_TITLES } from "../engine/summary/names";
import { plainValue } from "./cells";

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

/** The title Plan Monitor writes in A1 of its sheet of this kind, if it writes such a sheet. */
const titleOf = (kind: string): string | undefined => (Object.hasOwn(OWNED_TITLES, kind) ? OWNED_TITLES[kind as keyof typeof OWNED_TITLES] : undefined);

/** Does this sheet carry Plan Monitor's own layout for the kind: its title in A1? */
export function looksOwned(ws: ExcelJS.Worksheet, kind: string): boolean {
  const title = titleOf(kind);
  return title !== undefined && plainValue(ws.getCell("A1").value) === title;
}

/**
 * kind → the worksheet marked as Plan Monitor's sheet of that kind: only markers
 * that point at A1 of an existing sheet that has Plan Monitor's title there.
 */
export function ownedSheets(wb: ExcelJS.Workbook): Map<string, ExcelJS.Worksheet> {
  const owned = new Map<string, ExcelJS.Worksheet>();
  for (const { name, ranges } of wb.definedNames.model) {
    if (!name.startsWith(OWNED_NAME_PREFIX) || ranges.length !== 1) continue;
    if (!/!\$?A\$?1$/.test(ranges[0])) continue;
    const kind = name.slice(OWNED_NAME_PREFIX.length);
    const sheetName = sheetNameOfRef(ranges[0]);
    const ws = sheetName === null ? undefined : wb.getWorksheet(sheetName);
    if (ws && looksOwned(ws, kind)) owned.set(kind, ws);
  }
  return owned;
}

/** Point the kind's marker at this sheet (replacing any earlier marker of that kind). */
export function markOwned(wb: ExcelJS.Workbook, kind: string, sheetName: string): void {
  const name = ownedNameFor(kind);
  wb.definedNames.model = wb.definedNames.model.filter((n) => n.name !== name);
  wb.definedNames.add(`${quoteSheetName(sheetName)}!$A$1`, name);
}
