// Which sheets are Plan Monitor's own: the rule both hosts follow.
//
// The marker is a workbook-level defined name `PlanMonitor_<kind>` pointing at
// A1 of the sheet, so it follows the sheet when a user renames it and a user's
// sheet that merely has the same name is never mistaken for ours.
//
// A marker alone is not trusted: a user's workbook may hold a name
// PlanMonitor_themes (copied from another workbook, or made on purpose) pointing
// at the user's own plan, which would then be left out of the check and emptied
// to make room for the summary. A marker counts only when it points at A1 of a
// sheet whose A1 holds Plan Monitor's own title for that kind of sheet (every
// sheet Plan Monitor writes starts with it; see summary/names.ts). Otherwise the
// sheet is the user's: it is read as data, and the summary is written as a new
// sheet under a free name, the marker then pointing at that.
import { cellText, isCellError, type Grid } from "./grid";
import { OWNED_LAYOUTS, OWNED_SHEET_NAMES } from "./summary/layouts";
import { OWNED_TITLES } from "./summary/names";
import type { SheetCellValue } from "./writeback";

export const MARKER_PREFIX = "PlanMonitor_";

/** The workbook-level name that marks the sheet of a kind as Plan Monitor's own. */
export const markerName = (kind: string): string => `${MARKER_PREFIX}${kind.replace(/[^A-Za-z0-9_.]/g, "_")}`;

/** The comment a host may give the marker name, where names carry one (Excel's Name Manager shows it). */
export const MARKER_COMMENT = "Plan Monitor's own sheet: rewritten on every run. Delete the sheet to stop it.";

/** The kind a marker name stands for, or null when it is not one of Plan Monitor's names. */
export function markerKind(name: string): string | null {
  return name.toLowerCase().startsWith(MARKER_PREFIX.toLowerCase()) ? name.slice(MARKER_PREFIX.length) : null;
}

/** "'It''s here'" for a sheet name as it must appear before "!" (always quoted: valid for every name). */
export const quoteSheetName = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** What a marker points at: A1 of the sheet, absolute ("'PM History'!$A$1"). */
export const markerRef = (sheetName: string): string => `${quoteSheetName(sheetName)}!$A$1`;

/** "'It''s here'!$A$1" → "It's here"; "Sheet1!$A$1" → "Sheet1"; null for "#REF!" and the like. */
export function sheetNameOfRef(ref: string): string | null {
  const t = ref.trim().replace(/^=/, "");
  const quoted = /^'((?:[^']|'')+)'!/.exec(t);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^([^'!#=][^!]*)!/.exec(t);
  return plain ? plain[1] : null;
}

/**
 * The sheet a marker's reference names, when it points at A1 of a single sheet
 * (with or without "$" and a leading "="); null otherwise (another cell, a range,
 * "#REF!", a constant).
 */
export function markedSheet(ref: string): string | null {
  const t = ref.trim().replace(/^=/, "");
  if (!/!\$?A\$?1$/i.test(t)) return null;
  return sheetNameOfRef(t);
}

/** The title Plan Monitor writes in A1 of its sheet of this kind, if it writes such a sheet. */
export const ownedTitle = (kind: string): string | undefined =>
  Object.hasOwn(OWNED_TITLES, kind) ? OWNED_TITLES[kind as keyof typeof OWNED_TITLES] : undefined;

/** The proof that a marked sheet is Plan Monitor's: its A1 holds Plan Monitor's title for the kind. */
export function provesOwned(kind: string, a1: unknown): boolean {
  const title = ownedTitle(kind);
  return title !== undefined && a1 === title;
}

/** How far down a summary's first table header may be (below the title, the as-at stamp and notes). */
const LAYOUT_ROWS = 40;

/**
 * The kind of Plan Monitor sheet a sheet with no trusted marker still is by its
 * layout, or null: its A1 holds Plan Monitor's title for the kind AND one of its
 * first rows is the header row Plan Monitor writes there (summary/layouts.ts).
 * Such a sheet lost its marker (copied to another workbook, names deleted): it is
 * not read as a plan, and not trusted as ours either (never cleared, rewritten or
 * coloured; a new summary goes to a new sheet). A user's plan that merely has a
 * similar title in A1 has its own table, not ours, and is read as usual.
 */
export function lostMarkerKind(grid: Grid): string | null {
  if (grid.ownedByPlanMonitor) return null;
  const a1 = grid.rows[0]?.[0]?.value;
  const kind = Object.keys(OWNED_TITLES).find((k) => provesOwned(k, a1));
  if (kind === undefined) return null;
  const header = OWNED_LAYOUTS[kind as keyof typeof OWNED_LAYOUTS];
  for (let r = 1; r < Math.min(grid.rows.length, LAYOUT_ROWS); r++) {
    const row = grid.rows[r];
    if (row && header.every((word, c) => cellText(row[c]) === word)) return kind;
  }
  return null;
}

/** Why a sheet is left out of the check when it is one of Plan Monitor's summaries whose marker was lost; null otherwise. */
export function lostMarkerReason(grid: Grid): string | null {
  const kind = lostMarkerKind(grid);
  if (kind === null) return null;
  const sheet = OWNED_SHEET_NAMES[kind as keyof typeof OWNED_SHEET_NAMES];
  return `looks like one of Plan Monitor's summary sheets (${sheet}) whose marker was lost; it is not read as a plan`;
}

/**
 * The values of Plan Monitor's sheet of this kind among the grids a host read
 * (the one its trusted marker names), as readOwnedSheet gives them: dates as
 * serials, errors as their text, empty cells null; null when there is none. The
 * scan takes the history from here, so it costs no request of its own.
 */
export function ownedGridValues(grids: readonly Grid[], kind: string): SheetCellValue[][] | null {
  const grid = grids.find((g) => g.ownedByPlanMonitor && g.ownedKind === kind);
  if (!grid) return null;
  return Array.from(grid.rows, (row) =>
    Array.from(row ?? [], (cell): SheetCellValue => {
      const v = cell?.value;
      if (v === undefined || v === null) return null;
      return isCellError(v) ? v.error : v;
    }),
  );
}
