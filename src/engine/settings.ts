// Settings a user can change; saved in the workbook by the add-in and validated
// on load. Defaults are the rules' defaults (../shared/docs/plan-rules.md).
import { z } from "zod";
import { ROLES, RoleSchema } from "./report";

/** Excel's last row and last column (XFD). */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

const columnNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** A column letter Excel has: A to XFD. */
const ColumnLetterSchema = z
  .string()
  .regex(/^[A-Z]{1,3}$/, { message: "a column is written as capital letters, A to XFD" })
  .refine((c) => columnNumber(c) <= MAX_COLUMN, { message: "Excel's last column is XFD" });

export const DEFAULT_COMPLETE_WORDS = [
  "complete",
  "completed",
  "done",
  "achieved",
  "fully achieved",
  "delivered",
  "closed",
  "implemented",
  "blue",
] as const;

/** A correction the user made to what the recogniser found on one sheet. */
// Strict: a misspelt key ("colums") is an error, not a setting silently ignored.
export const SheetOverrideSchema = z.strictObject({
  /** 1-based header row to use instead of the one found. */
  headerRow: z.number().int().positive().max(MAX_ROW, { message: `Excel's last row is ${MAX_ROW.toLocaleString("en-GB")}` }).optional(),
  /** role → column letter, replacing the roles found. */
  columns: z.partialRecord(RoleSchema, ColumnLetterSchema).optional(),
  /** Leave this sheet out. */
  ignore: z.boolean().optional(),
});
export type SheetOverride = z.infer<typeof SheetOverrideSchema>;

export const SettingsSchema = z.strictObject({
  /** Days past due that are still amber; more is red. */
  amberDays: z.number().int().min(0).max(3650).default(30),
  /** Status words that mean an item is complete (a negation or partial qualifier still wins). */
  completeWords: z.array(z.string().min(1)).default([...DEFAULT_COMPLETE_WORDS]),
  /** Escalation: red in this many consecutive snapshots. */
  escalateRedSnapshots: z.number().int().min(1).max(24).default(2),
  /** Escalation: more than this many days overdue. */
  escalateDaysOverdue: z.number().int().min(0).max(3650).default(90),
  /** Per-sheet corrections, by sheet name. */
  sheets: z.record(z.string(), SheetOverrideSchema).default({}),
  /** Plan health: a theme is At risk when at least this share of its actions is overdue (amber or red), 0..1. */
  healthAtRiskShare: z.number().min(0).max(1).default(0.1),
  /** Plan health: Off track when at least this share of its actions is overdue; not below healthAtRiskShare. */
  healthOffTrackShare: z.number().min(0).max(1).default(0.3),
}).refine((s) => s.healthOffTrackShare >= s.healthAtRiskShare, {
  message: "the Off track share must not be below the At risk share",
  path: ["healthOffTrackShare"],
});
export type Settings = z.infer<typeof SettingsSchema>;

export const defaultSettings = (): Settings => SettingsSchema.parse({});

/** Parse settings from untrusted input (a workbook, a file); throws a readable error naming every problem. */
export function parseSettings(input: unknown): Settings {
  const result = SettingsSchema.safeParse(input ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const where = issue.path.length ? ` (${issue.path.join(".")})` : "";
      if (issue.code === "unrecognized_keys") return issue.keys.map((key) => unknownKey(key, issue.path)).join("; ");
      if (issue.code === "invalid_key" && issue.path.at(-2) === "columns") return unknownKey(String(issue.path.at(-1)), issue.path.slice(0, -1));
      return `${where.trim() ? `${where.trim()} ` : ""}${issue.message}`;
    });
    throw new Error(`The Plan Monitor settings are not valid: ${problems.join("; ")}.`);
  }
  return result.data;
}

/** Known keys at a place in the settings: the top level, one sheet's corrections, or its columns. */
function knownKeys(path: readonly PropertyKey[]): readonly string[] {
  if (path.length === 0) return Object.keys(SettingsSchema.shape);
  if (path.at(-1) === "columns") return ROLES;
  return Object.keys(SheetOverrideSchema.shape);
}

function unknownKey(key: string, path: readonly PropertyKey[]): string {
  const where = path.length ? ` in ${path.join(".")}` : "";
  const known = knownKeys(path);
  const nearest = nearestWord(key, known);
  return `unknown setting "${key}"${where}${nearest ? ` (did you mean "${nearest}"?)` : ""}; the settings there are ${known.map((k) => `"${k}"`).join(", ")}`;
}

/** The known word closest to a misspelling (edit distance, ignoring case), if it is close enough to be meant. */
export function nearestWord(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(word.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
