// Names Plan Monitor gives the sheets it adds: the rule both hosts follow, so a
// summary gets the same name in Excel and in a file written by the command line.

/** Excel keeps at most this many characters of a sheet name. */
export const MAX_SHEET_NAME = 31;

/** Characters Excel refuses in a sheet name. */
const FORBIDDEN = /[:\\/?*[\]]/g;

/** Excel reserves this name for its own use (change tracking). */
const RESERVED = "history";

/**
 * A name Excel accepts: forbidden characters replaced by "-", no apostrophe at
 * either end, at most 31 characters, never empty or Excel's reserved "History".
 */
export function cleanSheetName(name: string): string {
  const cleaned = name.replace(FORBIDDEN, "-").replace(/^'+|'+$/g, "").trim().slice(0, MAX_SHEET_NAME).trim();
  if (!cleaned) return "Plan Monitor";
  return cleaned.toLowerCase() === RESERVED ? `${cleaned} (2)` : cleaned;
}

/**
 * The name, cleaned; or "name (2)", "name (3)"… (cut to fit 31 characters): the
 * first that no sheet has. `taken` holds the existing names in lower case
 * (Excel compares sheet names ignoring case).
 */
export function freeSheetName(wanted: string, taken: ReadonlySet<string>): string {
  const base = cleanSheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** What the user is told when a sheet of theirs already has the name a summary would get. */
export const nameClashNotice = (wanted: string, given: string): string =>
  `A sheet of yours is already called “${wanted}”, so Plan Monitor named its new sheet “${given}” instead. Your sheet was not changed.`;

/** The name a new sheet of Plan Monitor's gets, and what to tell the user when a sheet of theirs already had the wanted one. */
export function nameNewSheet(wanted: string, taken: ReadonlySet<string>): { name: string; notice?: string } {
  const name = freeSheetName(wanted, taken);
  const clean = cleanSheetName(wanted);
  return name === clean ? { name } : { name, notice: nameClashNotice(clean, name) };
}
