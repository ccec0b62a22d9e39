// Finding the header row and the role of each column. Every row near the top
// is a candidate, scored on both kinds of evidence: its cells' words, and how
// well the columns under it hold what those roles hold. A row of unknown
// words over well-typed columns is a header; a title row of role words over
// nothing, or a data row over more data, is not. (Pytheas and Hypoparsr score
// rows this way.)
import { columnCount, isCellError, type Grid } from "../grid";
import { looksLikeHeaderText, rolesOfHeader } from "../lexicon";
import type { Role } from "../report";
import { plainText, textKey, textKeyFirst } from "../text";
import { assignRoles, type ColumnEvidence, type HeaderCell } from "./columns";
import { addToProfile, CellClass, classifyCell, emptyProfile, type ColumnProfile } from "./evidence";
import { indexMerges, type MergeIndex } from "./merges";

/** Rows searched for a header: plans put a title, a date and notes above it, rarely more. */
export const HEADER_SEARCH_ROWS = 60;
/** A plan header this sure ends the search (confidence is score / 4). */
const CLEAR_HEADER = 0.75;
/** Rows under a candidate whose cells are looked at. */
const SAMPLE_ROWS = 40;
/** Columns a header can have (a stray cell far to the right must not make every candidate cost the full width). */
const MAX_HEADER_COLUMNS = 256;

export interface HeaderGuess {
  /** 0-based row. */
  row: number;
  /** role → 0-based column. */
  columns: Partial<Record<Role, number>>;
  /** Numbering columns right of the ref column: a step's own number ("2a" beside "2"). */
  extraRefs: number[];
  /** 0..1: how clearly this row names a plan's columns. */
  confidence: number;
  /** normalised texts of the header cells by column, for spotting repeats. */
  keys: Map<number, string>;
  /** Why each column got its role. */
  evidence: ColumnEvidence[];
  /** Does it name an action and something to track it by (plan rules §1, "A plan")? */
  isPlan: boolean;
}

const ACTION_ROLES: readonly Role[] = ["action", "subAction"];
const TRACKING_ROLES: readonly Role[] = ["owner", "due", "status", "progress", "revised"];

/** Is this set of roles enough to be a plan? An action column and one owner, due, status or progress column. */
export function isPlanHeader(columns: Partial<Record<Role, number>>): boolean {
  return ACTION_ROLES.some((r) => columns[r] !== undefined) && TRACKING_ROLES.some((r) => columns[r] !== undefined);
}

type Classified = { cls: CellClass; words: number } | null;

/** Reads the top of a sheet once: each cell classified at most once for every candidate that looks at it. */
class TopOfSheet {
  private readonly classes: (Classified[] | undefined)[] = [];
  readonly merges: MergeIndex;
  readonly width: number;
  constructor(
    readonly grid: Grid,
    width: number,
  ) {
    this.merges = indexMerges(grid);
    this.width = Math.min(width, MAX_HEADER_COLUMNS);
  }
  /** The class of (r, c), or null when empty, covered by a merge or merged across (a heading, not a column's value). */
  cls(r: number, c: number): Classified {
    let row = this.classes[r];
    if (!row) row = this.classes[r] = new Array<Classified>(this.width);
    if (row[c] !== undefined) return row[c];
    const cell = this.grid.rows[r]?.[c];
    let out: Classified = null;
    if (cell && !this.merges.covered(r, c) && !this.merges.startsAcross(r, c) && plainText(cell)) out = classifyCell(cell);
    row[c] = out;
    return out;
  }
}

/** The header cells of row r: own texts, and a header cell merged across gives its text to every column it spans. */
function headerCells(top: TopOfSheet, r: number): HeaderCell[] {
  const cells: HeaderCell[] = [];
  const row = top.grid.rows[r];
  for (let c = 0; c < top.width; c++) {
    const cell = row?.[c];
    const covered = top.merges.covered(r, c);
    cells.push({ text: cell && !covered ? plainText(cell) : "", shared: false });
  }
  for (const m of top.grid.merges) {
    if (m.top !== r || m.right <= m.left || m.left >= top.width) continue;
    const text = cells[m.left]?.text ?? "";
    if (!text) continue;
    for (let c = m.left; c <= Math.min(m.right, top.width - 1); c++) cells[c] = { text, shared: true };
  }
  return cells;
}

/** Profiles of the columns under row r: the next rows' own cells, lone cells (headings, carried-on text) left out. */
function profilesUnder(top: TopOfSheet, r: number, headers: readonly HeaderCell[]): ColumnProfile[] {
  const profiles = headers.map(() => emptyProfile());
  const keys = headers.map((h) => (h.text ? textKey(h.text) : ""));
  const last = Math.min(top.grid.rows.length, r + 1 + SAMPLE_ROWS);
  for (let rr = r + 1; rr < last; rr++) {
    let filled = 0;
    for (let c = 0; c < headers.length && filled < 2; c++) if (top.cls(rr, c)) filled++;
    if (filled < 2) continue;
    const row = top.grid.rows[rr];
    for (let c = 0; c < headers.length; c++) {
      const k = top.cls(rr, c);
      if (!k) continue;
      if (keys[c] && textKey(plainText(row?.[c])) === keys[c]) continue; // the header repeated at a page break
      addToProfile(profiles[c], k.cls, k.words, rr);
    }
  }
  return profiles;
}

/** Share of a column's filled rows on which the action column is blank (an action written once above its steps). */
function stepShareOf(profiles: readonly ColumnProfile[]) {
  return (col: number, actionCol: number): number => {
    const rows = profiles[col]?.rows ?? [];
    if (rows.length === 0) return 0;
    const actionRows = new Set(profiles[actionCol]?.rows ?? []);
    return rows.filter((r) => !actionRows.has(r)).length / rows.length;
  };
}

/** Read row r as a header. With `force` (a row the user chose) it is read even when it names no plan. */
function readCandidate(top: TopOfSheet, r: number, force: boolean): (HeaderGuess & { score: number }) | null {
  const headers = headerCells(top, r);
  const distinct = new Set<string>();
  let dataLike = 0;
  headers.forEach((h, c) => {
    if (!h.text) return;
    const cell = top.grid.rows[r]?.[c];
    const value = cell?.value;
    if (typeof value === "number" || typeof value === "boolean" || (value !== null && value !== undefined && isCellError(value))) dataLike++;
    else if (looksLikeHeaderText(h.text)) distinct.add(textKey(h.text));
    else dataLike++;
  });
  if (!force && (distinct.size < 2 || dataLike > distinct.size)) return null;
  const profiles = profilesUnder(top, r, headers);
  const assignment = assignRoles(headers, profiles, stepShareOf(profiles));
  // A data row over more data: its own cells are what the column holds, and no word names them.
  let penalty = dataLike * 0.5;
  for (const e of assignment.evidence) {
    const h = headers[e.column];
    if (!h.text || rolesOfHeader(h.text).length) continue;
    const own = top.cls(r, e.column);
    if (own && own.cls !== CellClass.Other && sameKind(own.cls, e.role)) penalty += 1;
  }
  const keys = new Map<number, string>();
  const row = top.grid.rows[r];
  for (let c = 0; c < top.width; c++) {
    const t = plainText(row?.[c]);
    if (t && !top.merges.covered(r, c)) keys.set(c, textKey(t));
  }
  const score = assignment.score - penalty;
  return {
    row: r,
    columns: assignment.columns,
    extraRefs: assignment.extraRefs,
    confidence: Number(Math.max(0, Math.min(1, score / 4)).toFixed(2)),
    keys,
    evidence: assignment.evidence,
    isPlan: isPlanHeader(assignment.columns),
    score,
  };
}

function sameKind(cls: CellClass, role: Role): boolean {
  switch (cls) {
    case CellClass.Date:
    case CellClass.NoDate:
      return role === "due" || role === "start" || role === "revised";
    case CellClass.Name:
      return role === "owner";
    case CellClass.Number:
      return role === "ref";
    case CellClass.Status:
      return role === "status";
    case CellClass.Statement:
      return role === "action" || role === "subAction" || role === "progress";
    default:
      return false;
  }
}

export interface HeaderSearch {
  /** The best row that reads as a plan's header, or null. */
  header: HeaderGuess | null;
  /** The best row of all, plan or not: what to offer the user when no header passes. */
  candidate: HeaderGuess | null;
}

/** The header row in the first rows of a sheet, and the best candidate when none names a plan. */
export function findHeaderRow(grid: Grid, width = columnCount(grid)): HeaderSearch {
  const top = new TopOfSheet(grid, width);
  let header: (HeaderGuess & { score: number }) | null = null;
  let candidate: (HeaderGuess & { score: number }) | null = null;
  const last = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    // A clear plan header has been found and this row lies in the table under it: rows
    // further down are its data (or its header repeated), never a better header.
    if (header && header.confidence >= CLEAR_HEADER && r > header.row + 1) break;
    const guess = readCandidate(top, r, false);
    if (!guess) continue;
    // The same header again further down (a page break): the first one is the header.
    if (header && isRepeatedHeader(rowTexts(grid, r, top.width), header)) continue;
    if (!candidate || guess.score > candidate.score) candidate = guess;
    if (guess.isPlan && (!header || guess.score > header.score)) header = guess;
  }
  return { header, candidate };
}

/** Row r read as the header, whatever it holds (a row the user chose). */
export function headerAt(grid: Grid, r: number, width = columnCount(grid)): HeaderGuess {
  return readCandidate(new TopOfSheet(grid, width), r, true)!;
}

export function rowTexts(grid: Grid, r: number, width: number): string[] {
  const out: string[] = new Array(width);
  const row = grid.rows[r];
  for (let c = 0; c < width; c++) out[c] = plainText(row?.[c]);
  return out;
}

/** A row further down that repeats the header (a plan pasted from Word repeats it at each page break). */
export function isRepeatedHeader(texts: readonly string[], header: HeaderGuess, end = texts.length): boolean {
  let same = 0;
  let filled = 0;
  for (let c = 0; c < end; c++) {
    const t = texts[c];
    if (!t) continue;
    filled++;
    const key = header.keys.get(c);
    if (key !== undefined && sameKey(t, key)) same++;
  }
  const needed = Math.max(2, Math.ceil(header.keys.size * 0.6));
  return same >= needed && same >= filled * 0.6;
}

/**
 * textKey(t) === key for a trimmed text, without building textKey(t) when the
 * first letters already differ (this runs on every filled cell of every row).
 */
function sameKey(t: string, key: string): boolean {
  const first = textKeyFirst(t);
  if (first >= 0 && first !== key.charCodeAt(0)) return false;
  return textKey(t) === key;
}
