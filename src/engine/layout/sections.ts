// Section (theme) rows: telling a heading from a note, and the theme in force.
import type { Grid } from "../grid";
import { THEME_HEADING } from "../lexicon";
import type { Role } from "../report";
import { plainText, startsMidSentence, textKey } from "../text";
import { isRepeatedHeader, rowTexts, type HeaderGuess } from "./header";
import type { MergeIndex } from "./merges";

/** Does the header row appear again further down (plans pasted from Word repeat it under each heading)? */
export function headerRepeatsBelow(grid: Grid, header: HeaderGuess, firstCol: number): boolean {
  const key = header.keys.get(firstCol);
  if (key === undefined) return false;
  const width = Math.max(...header.keys.keys()) + 1;
  for (let r = header.row + 1; r < grid.rows.length; r++) {
    const t = plainText(grid.rows[r]?.[firstCol]);
    if (t && textKey(t) === key && isRepeatedHeader(rowTexts(grid, r, width), header)) return true;
  }
  return false;
}

/** The theme in force: the nearest section rows above, joined when they stand together. */
export class SectionTracker {
  private texts: string[] = [];
  private together = false;
  private joined: string | null = null;
  constructor(private readonly sheetName: string) {}
  add(text: string): void {
    if (!this.together) this.texts = [];
    this.texts.push(text.trim());
    this.together = true;
    this.joined = null;
  }
  /** Was the last content row a section row? */
  justAdded(): boolean {
    return this.together;
  }
  /** An item or other content row ends a run of section rows. */
  interrupt(): void {
    this.together = false;
  }
  theme(): string {
    return (this.joined ??= this.texts.length ? this.texts.join(" / ") : this.sheetName);
  }
}

/** A heading on its own: one text, in the table's first column or merged across it. */
export function isSectionRow(merges: MergeIndex, col: number, text: string, firstCol: number, cols: Partial<Record<Role, number>>, r: number): boolean {
  if (startsMidSentence(text)) return false;
  const mergedAcross = merges.startsAcross(r, col);
  if (col > firstCol && !mergedAcross) return false;
  // A lone date, owner or status in the first column is data, not a heading.
  const role = (Object.keys(cols) as Role[]).find((k) => cols[k] === col);
  return !role || role === "action" || role === "ref" || mergedAcross || THEME_HEADING.test(text);
}

/** A description paragraph, not a heading: a long sentence that no theme word opens. */
export function isProse(text: string): boolean {
  if (THEME_HEADING.test(text)) return false;
  const words = text.split(/\s+/).length;
  return words >= 15 || (words >= 8 && /[.!?:]$/.test(text.trim()));
}
