// Finding the header row and the role of each column.
import type { Grid } from "../grid";
import type { Role } from "../report";
import { rolesOfHeader } from "../roles";
import { plainText, textKey, textKeyFirst } from "../text";

/** Rows searched for a header: plans put a title, a date and notes above it, rarely more. */
export const HEADER_SEARCH_ROWS = 60;

export interface HeaderGuess {
  /** 0-based row. */
  row: number;
  /** role → 0-based column. */
  columns: Partial<Record<Role, number>>;
  /** 0..1: how clearly this row names a plan's columns. */
  confidence: number;
  /** normalised texts of the header cells by column, for spotting repeats. */
  keys: Map<number, string>;
}

const ACTION_ROLES: readonly Role[] = ["action", "subAction"];
const TRACKING_ROLES: readonly Role[] = ["owner", "due", "status", "progress"];

/** Roles of each column of one row, one column per role (the best-scoring, then leftmost). */
export function columnRoles(texts: readonly string[]): { columns: Partial<Record<Role, number>>; score: number } {
  const best = new Map<Role, { col: number; score: number }>();
  texts.forEach((text, col) => {
    for (const m of rolesOfHeader(text)) {
      const seen = best.get(m.role);
      if (!seen || m.score > seen.score) best.set(m.role, { col, score: m.score });
    }
  });
  // "Actions" after an Objectives/Recommendation column are that objective's sub-actions.
  const action = best.get("action");
  if (action && !best.has("subAction")) {
    const later = texts.findIndex((t, col) => col > action.col && /^actions?$/i.test(t.trim()));
    if (later >= 0 && !/^actions?$/i.test(texts[action.col]?.trim() ?? "")) best.set("subAction", { col: later, score: 1 });
  }
  const columns: Partial<Record<Role, number>> = {};
  let score = 0;
  for (const [role, { col, score: s }] of best) {
    columns[role] = col;
    score += s;
  }
  return { columns, score };
}

/** Is this set of roles enough to be a plan's header? */
export function isPlanHeader(columns: Partial<Record<Role, number>>): boolean {
  const hasAction = ACTION_ROLES.some((r) => columns[r] !== undefined);
  const tracking = TRACKING_ROLES.filter((r) => columns[r] !== undefined).length;
  return hasAction && tracking >= 1 && Object.keys(columns).length >= 3;
}

export function rowTexts(grid: Grid, r: number, width: number): string[] {
  const out: string[] = new Array(width);
  const row = grid.rows[r];
  for (let c = 0; c < width; c++) out[c] = plainText(row?.[c]);
  return out;
}

/** The best header row in the first rows of a sheet, or null when none names a plan's columns. */
export function findHeaderRow(grid: Grid, width: number): HeaderGuess | null {
  let best: HeaderGuess | null = null;
  let bestScore = 0;
  const last = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const guess = headerAt(grid, r, width);
    if (!guess) continue;
    const score = guess.confidence;
    if (score > bestScore) {
      best = guess;
      bestScore = score;
    }
  }
  return best;
}

/** Read row r as a header (used for the found row and for a row the user chose). */
export function headerAt(grid: Grid, r: number, width: number, force = false): HeaderGuess | null {
  const texts = rowTexts(grid, r, width);
  const { columns, score } = columnRoles(texts);
  if (!force && !isPlanHeader(columns)) return null;
  const keys = new Map<number, string>();
  texts.forEach((t, c) => {
    if (t) keys.set(c, textKey(t));
  });
  // Five or more clearly named roles is as sure as a header gets.
  const confidence = Math.min(1, score / 5);
  return { row: r, columns, confidence, keys };
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
