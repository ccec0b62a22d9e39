// What a copy written by `--out` does not have of the input, and how the user
// is told. The copy is the input's package with Plan Monitor's changes
// (write-package.ts), so the one thing it can lack is an .xlsm's macros in an
// .xlsx copy (an .xlsx cannot hold macros); the CLI refuses that without --force.

/** Something the copy will not have, for the message: "2 pivot tables (on "Pivot")". */
export interface NotKept {
  /** Singular and plural words for it. */
  one: string;
  many: string;
  count: number;
  /** The sheets it is on, or the files it names (external links). */
  where: string[];
  /** "on" sheets, "to" files, or "" (the names alone). */
  preposition?: "on" | "to" | "";
  /** The words to use instead of a count (the macros of an .xlsx copy). */
  text?: string;
}

/** The macros an .xlsx copy of an .xlsm leaves out. */
export const macrosNotKept = (): NotKept => ({
  one: "macro project",
  many: "macro projects",
  count: 1,
  where: [],
  text: "its macros (an .xlsx file cannot hold macros; name the copy .xlsm to keep them)",
});

/** "2 pivot tables (on "Pivot") and 1 chart (on "Plan")". */
export function describeNotKept(list: readonly NotKept[]): string {
  const words = list.map((n) => {
    if (n.text) return n.text;
    const what = `${n.count} ${n.count === 1 ? n.one : n.many}`;
    if (n.one === "other part Plan Monitor cannot copy") return `${what} (${n.where.join(", ")})`;
    const preposition = n.preposition === "" ? "" : `${n.preposition ?? "on"} `;
    return n.where.length ? `${what} (${preposition}${n.where.map((w) => `"${w}"`).join(", ")})` : what;
  });
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}` : (words[0] ?? "");
}
