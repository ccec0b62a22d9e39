// Settings a user can change; saved in the workbook by the add-in and validated
// on load. Defaults are the rules' defaults (../shared/docs/plan-rules.md).
import { z } from "zod";
import { RoleSchema } from "./report";

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
export const SheetOverrideSchema = z.object({
  /** 1-based header row to use instead of the one found. */
  headerRow: z.number().int().positive().optional(),
  /** role → column letter, replacing the roles found. */
  columns: z.partialRecord(RoleSchema, z.string().regex(/^[A-Z]{1,3}$/)).optional(),
  /** Leave this sheet out. */
  ignore: z.boolean().optional(),
});
export type SheetOverride = z.infer<typeof SheetOverrideSchema>;

export const SettingsSchema = z.object({
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

/** Parse settings from untrusted input (a workbook, a file); throws a readable error. */
export function parseSettings(input: unknown): Settings {
  const result = SettingsSchema.safeParse(input ?? {});
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first?.path.length ? ` (${first.path.join(".")})` : "";
    throw new Error(`The Plan Monitor settings are not valid${where}: ${first?.message ?? "unknown problem"}.`);
  }
  return result.data;
}
