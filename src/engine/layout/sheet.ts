// Reading the layout of one sheet: preamble, header, section (theme) rows,
// theme-lead rows, repeated headers and titles, continuation rows and items.
import { columnCount, type Grid } from "../grid";
import type { Role } from "../report";
import { leadingRef, normalise, plainText, startsMidSentence, textKey, textKeyFirst } from "../text";
import { THEME_HEADING, THEME_LEAD } from "../lexicon";
import { findHeaderRow, HEADER_SEARCH_ROWS, headerAt, isRepeatedHeader, type HeaderGuess } from "./header";
import { indexMerges, type MergeIndex } from "./merges";
import { hasMergedValue, ownTexts, roleValues, RowReader, type SourcedCell } from "./rows";
import { headerRepeatsBelow, isProse, isSectionRow, SectionTracker } from "./sections";

export type { SourcedCell } from "./rows";

/** What a row above the header is (rows below it are told apart as they are read). */
type RowKind = "preamble" | "header" | "section" | "theme-lead" | "blank";

/** An item as laid out on the sheet, before its values are interpreted. */
export interface LaidOutItem {
  /** 0-based row. */
  row: number;
  theme: string;
  ref: string;
  values: Partial<Record<Role, SourcedCell>>;
  /** Text of continuation rows that belongs to this item, by role. */
  carriedOver: Partial<Record<Role, string[]>>;
}

export interface SheetLayout {
  header: HeaderGuess;
  /** Texts of the preamble rows (above the header), for the plan period and "updated" date. */
  preamble: string[];
  /**
   * The items in row order, each yielded as soon as it is complete (when the next
   * item starts or the sheet ends, since a continuation row below may still add
   * text to it), so a big plan's items can be assessed and let go while the sheet
   * is read rather than all held until the end. Read once.
   */
  items: Generator<LaidOutItem, void, undefined>;
  /** Rows repeating the header, 0-based: complete once `items` has been read to the end. */
  repeatedHeaderRows: number[];
}

export type LayoutResult = { ok: true; layout: SheetLayout } | { ok: false; reason: string; candidate: HeaderGuess | null };


const ITEM_TEXT_ROLES: readonly Role[] = ["subAction", "action"];
const INHERITED_ROLES: readonly Role[] = ["owner", "due", "revised", "action"];

/** The roles and columns a user chose for a sheet, replacing what was found. */
export interface LayoutOverride {
  headerRow?: number; // 0-based
  columns?: Partial<Record<Role, number>>;
}

/**
 * The sheet's header and preamble, and its items to read. A sheet whose items
 * turn out to be none is not a plan either (noItemsReason): that is known only
 * once they have been read.
 */
export function recogniseSheet(grid: Grid, override: LayoutOverride = {}): LayoutResult {
  const width = columnCount(grid);
  if (grid.rows.length === 0 || width === 0) return { ok: false, reason: "the sheet is empty", candidate: null };
  let header: HeaderGuess | null;
  let candidate: HeaderGuess | null = null;
  if (override.headerRow !== undefined) header = candidate = headerAt(grid, override.headerRow, width);
  else ({ header, candidate } = findHeaderRow(grid, width));
  if (header && override.columns) header = withChosenColumns(header, override.columns);
  if (!header)
    return {
      ok: false,
      candidate,
      reason: `no header row found in the first ${HEADER_SEARCH_ROWS} rows: no row names an action column together with an owner, due date, status or progress column`,
    };
  if (header.columns.action === undefined && header.columns.subAction === undefined)
    return { ok: false, candidate: header, reason: `the header row ${header.row + 1} has no action column` };
  return { ok: true, layout: layOut(grid, header, width) };
}

/** Why a sheet with a header but no items is not read as a plan. */
export const noItemsReason = (header: HeaderGuess): string =>
  `a header was found at row ${header.row + 1}, but no rows below it state an action with an owner, due date, status or progress note`;

function layOut(grid: Grid, header: HeaderGuess, width: number): SheetLayout {
  const merges = indexMerges(grid);
  const firstCol = Math.min(...header.keys.keys());
  const rowKinds: RowKind[] = new Array(grid.rows.length).fill("blank");
  const repeatedHeaderRows: number[] = [];

  // Preamble: rows above the header. Their texts may repeat at page breaks further down.
  const preamble: string[] = [];
  const preambleKeys = new Map<string, boolean>(); // text key → is a theme heading
  const preambleFirsts = new Set<number>(); // first character codes of those keys
  const sections = new SectionTracker(grid.name);
  for (let r = 0; r < header.row; r++) {
    const texts = ownTexts(grid, merges, r, width);
    if (texts.length === 0) continue;
    rowKinds[r] = "preamble";
    const joined = texts.map((t) => t.text).join(" ");
    preamble.push(joined);
    const isTheme = texts.length === 1 && THEME_HEADING.test(texts[0].text);
    const key = textKey(joined);
    preambleKeys.set(key, isTheme);
    preambleFirsts.add(key.charCodeAt(0));
    if (isTheme) {
      rowKinds[r] = "section";
      sections.add(texts[0].text);
    } else if (texts.length === 1 && THEME_LEAD.test(texts[0].text)) rowKinds[r] = "theme-lead";
  }
  rowKinds[header.row] = "header";
  // A heading above the header, its notes between, and the header repeated under
  // each later heading: the first heading names the theme of the first items too.
  const heading = headingAboveHeader(grid, merges, header, width, rowKinds);
  if (heading !== null && !sections.justAdded() && headerRepeatsBelow(grid, header, firstCol)) {
    sections.add(heading);
  }
  const below = { merges, repeatedHeaderRows, preambleKeys, preambleFirsts, sections, firstCol };
  return { header, preamble, repeatedHeaderRows, items: itemsBelow(grid, header, width, below) };
}

/** What reading the rows below the header needs from the rows above it. */
interface Above {
  merges: MergeIndex;
  repeatedHeaderRows: number[];
  /** Text key of each preamble row → is it a theme heading (its repeats further down are section rows). */
  preambleKeys: ReadonlyMap<string, boolean>;
  /** First character codes of those keys. */
  preambleFirsts: ReadonlySet<number>;
  sections: SectionTracker;
  firstCol: number;
}

/** The rows below the header, read one by one: each item yielded once complete. */
function* itemsBelow(grid: Grid, header: HeaderGuess, width: number, above: Above): Generator<LaidOutItem, void, undefined> {
  const { merges, repeatedHeaderRows, preambleKeys, preambleFirsts, sections, firstCol } = above;
  const cols = header.columns;
  const roleList = Object.keys(cols) as Role[];
  const totalsRows = new Set((grid.tables ?? []).filter((t) => t.hasTotals).map((t) => t.bottom));
  let parent: ParentRow | null = null;
  let lastItem: LaidOutItem | null = null;
  const row = new RowReader(grid, merges, width);
  const all = row.all;
  for (let r = header.row + 1; r < grid.rows.length; r++) {
    row.read(r);
    const count = row.count;
    const firstText = count ? row.own[row.first] : "";
    const anyValue = count > 0 || hasMergedValue(merges, grid, r, cols);
    if (!anyValue) continue; // blank
    if (totalsRows.has(r)) continue; // a table's totals row
    if (isRepeatedHeader(all, header, row.length)) {
      repeatedHeaderRows.push(r);
      continue;
    }
    // Build the row's key only when its first letter could start a preamble text's key.
    const first = count ? textKeyFirst(firstText) : -1;
    const mayRepeat = preambleKeys.size > 0 && (first < 0 || preambleFirsts.has(first));
    const repeatOfTheme = mayRepeat ? preambleKeys.get(textKey(row.joined())) : undefined;
    if (repeatOfTheme === false) continue; // the preamble repeated at a page break
    if (count === 1 && THEME_LEAD.test(firstText)) continue; // a theme-lead row
    if (count === 1 && sections.justAdded() && isProse(firstText)) continue; // a description under a heading: not part of the theme
    if (repeatOfTheme || (count === 1 && isSectionRow(merges, row.first, firstText, firstCol, cols, r))) {
      sections.add(firstText);
      parent = null;
      continue;
    }
    const values = roleValues(grid, merges, r, cols, roleList, all);
    const isItem = isItemRow(values);
    if (!isItem && isParentAction(grid, merges, r, cols, header.extraRefs, values)) {
      // An action written once, its steps on the rows below with the action cell left blank.
      sections.interrupt();
      parent = { values, ref: refOf(values, cols, null, ownRef(row, header.extraRefs)) };
      continue;
    }
    if (!isItem) {
      // A continuation row: what it holds belongs to the item above.
      if (lastItem) carryOver(lastItem, values);
      sections.interrupt();
      continue;
    }
    sections.interrupt();
    const startsAction = startsAnAction(values, cols.action !== undefined);
    if (!startsAction && parent) inheritFrom(parent, values);
    const item: LaidOutItem = { row: r, theme: sections.theme(), ref: refOf(values, cols, startsAction ? null : parent, ownRef(row, header.extraRefs)), values, carriedOver: NOTHING_CARRIED };
    if (startsAction) parent = { values, ref: item.ref };
    if (lastItem) yield lastItem;
    lastItem = item;
  }
  if (lastItem) yield lastItem;
}

/** The text of the one-text row nearest above the header, with only prose notes (or blank rows) between. */
function headingAboveHeader(grid: Grid, merges: MergeIndex, header: HeaderGuess, width: number, kinds: readonly RowKind[]): string | null {
  for (let r = header.row - 1; r >= 0; r--) {
    if (kinds[r] === "blank") continue;
    const texts = ownTexts(grid, merges, r, width);
    if (texts.length !== 1) return null;
    const text = texts[0].text;
    if (isProse(text)) continue; // a note between the heading and the header
    // The sheet's title (its first row of text) is not a heading of the first section.
    const title = kinds.findIndex((k) => k !== "blank") === r;
    return title ? null : text;
  }
  return null;
}

const textOf = (v: SourcedCell | undefined): string => (v ? v.text : "");

/**
 * An item states an action or sub-action and has a due date, owner, status or
 * progress note. A row whose only action text carries on a sentence from the
 * row above, with no owner, date or status of its own, is a continuation.
 */
function isItemRow(values: Partial<Record<Role, SourcedCell>>): boolean {
  // Runs on every row: no arrays built.
  let anyText = false;
  let fresh = false;
  for (const role of ITEM_TEXT_ROLES) {
    const v = values[role];
    if (!v) continue;
    anyText = true;
    if (v.how === "own" && !startsMidSentence(v.text)) fresh = true;
  }
  if (!anyText) return false;
  if (values.owner?.how === "own" || values.due?.how === "own" || values.status?.how === "own") return true;
  return fresh && (values.owner !== undefined || values.due !== undefined || values.status !== undefined || values.progress !== undefined);
}

interface ParentRow {
  values: Partial<Record<Role, SourcedCell>>;
  ref: string;
}

/** Does this row start an action (its own action text, not carried on from above)? */
function startsAnAction(values: Partial<Record<Role, SourcedCell>>, hasActionColumn: boolean): boolean {
  // Plans without an action column: every sub-action stands alone.
  if (!hasActionColumn) return true;
  const action = values.action;
  return Boolean(action && action.how === "own" && !startsMidSentence(action.text));
}

/** A sub-action row whose owner, due or action is empty takes its action row's. */
function inheritFrom(parent: ParentRow, values: Partial<Record<Role, SourcedCell>>): void {
  for (const role of INHERITED_ROLES) {
    const from = parent.values[role];
    if (!values[role] && from) values[role] = { ...from, how: "inherited" };
  }
}

/** A step's own number in a numbering column right of the ref column ("2a" beside "2"). */
function ownRef(row: RowReader, extraRefs: readonly number[]): string {
  for (let i = extraRefs.length - 1; i >= 0; i--) {
    const t = row.own[extraRefs[i]];
    if (t) return t;
  }
  return "";
}

/**
 * A row with its own action text and nothing to track, whose steps follow on
 * the rows below with the action cell blank: it has its own number, or the
 * next row holds a step and no action of its own.
 */
function isParentAction(grid: Grid, merges: MergeIndex, r: number, cols: Partial<Record<Role, number>>, extraRefs: readonly number[], values: Partial<Record<Role, SourcedCell>>): boolean {
  const action = values.action;
  if (!action || action.how !== "own" || cols.subAction === undefined || values.subAction?.how === "own") return false;
  if (values.ref?.how === "own" && extraRefs.length > 0) return true;
  if (startsMidSentence(action.text)) return false;
  const next = grid.rows[r + 1];
  const nextAction = next?.[cols.action!];
  const stepText = plainText(next?.[cols.subAction]);
  return Boolean(stepText) && !merges.covered(r + 1, cols.subAction) && (!plainText(nextAction) || merges.covered(r + 1, cols.action!));
}

/** A step's own number, else the ref column, else the number a sub-action or action text starts with, else the parent's. */
function refOf(values: Partial<Record<Role, SourcedCell>>, cols: Partial<Record<Role, number>>, parent: ParentRow | null, own = ""): string {
  if (own) return normalise(own).replace(/\.$/, "");
  if (cols.ref !== undefined) {
    const ref = textOf(values.ref);
    if (ref) return normalise(ref).replace(/\.$/, "");
  }
  const fromText = leadingRef(textOf(values.subAction)) || (values.action?.how !== "inherited" ? leadingRef(textOf(values.action)) : "");
  if (fromText) return fromText;
  return parent?.ref ?? leadingRef(textOf(values.action));
}

/** Items share this until a continuation row carries text over to them (most never get one). */
const NOTHING_CARRIED: Readonly<Partial<Record<Role, string[]>>> = Object.freeze({});

function carryOver(item: LaidOutItem, values: Partial<Record<Role, SourcedCell>>): void {
  for (const role of Object.keys(values) as Role[]) {
    const v = values[role]!;
    if (v.how !== "own") continue;
    if (item.carriedOver === NOTHING_CARRIED) item.carriedOver = {};
    (item.carriedOver[role] ??= []).push(v.text);
  }
}

/** The user's own choice of columns: found evidence kept where it agrees, the rest said to be the user's. */
function withChosenColumns(header: HeaderGuess, columns: Partial<Record<Role, number>>): HeaderGuess {
  const evidence = (Object.entries(columns) as [Role, number][]).map(([role, column]) => {
    const found = header.evidence.find((e) => e.role === role && e.column === column);
    const text = header.keys.has(column) ? (header.evidence.find((e) => e.column === column)?.header ?? "") : "";
    return found ?? { column, role, header: text, because: "you chose this column in the settings", confidence: 1 };
  });
  return { ...header, columns: { ...columns }, extraRefs: [], evidence, isPlan: true };
}
