// The plan report, defined once (see ../shared/docs/report-contract.md).
// The command line prints it with --json; the add-in shows it; the scorer reads it.
import { z } from "zod";

export const RAGS = ["blue", "green", "amber", "red", "grey"] as const;
export const RagSchema = z.enum(RAGS);
export type Rag = z.infer<typeof RagSchema>;

export const ROLES = [
  "ref",
  "action",
  "subAction",
  "owner",
  "due",
  "revised",
  "start",
  "status",
  "progress",
  "outcome",
  "source",
] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const FINDING_CODES = [
  "no-owner",
  "no-due",
  "unreadable-due",
  "several-dates",
  "month-no-year",
  "rag-mismatch",
  "overdue-no-progress",
  "html-in-text",
  "repeated-header",
  "error-value",
  "date-slipped",
] as const;
export const FindingCodeSchema = z.enum(FINDING_CODES);
export type FindingCode = z.infer<typeof FindingCodeSchema>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "an ISO date (YYYY-MM-DD)");
const ColumnLetter = z.string().regex(/^[A-Z]{1,3}$/);

export const FindingSchema = z.object({
  code: FindingCodeSchema,
  /** Column letter of the cell the finding is about. */
  column: ColumnLetter,
  /** 1-based row of that cell; the item's row unless the value was inherited. */
  row: z.number().int().positive(),
  severity: z.enum(["error", "warning", "info"]),
  message: z.string().min(1),
});
export type Finding = z.infer<typeof FindingSchema>;

export const ItemSchema = z.object({
  row: z.number().int().positive(),
  theme: z.string(),
  ref: z.string(),
  owners: z.array(z.string()),
  due: IsoDate.nullable(),
  status: z.string(),
  rag: RagSchema,
  complete: z.boolean(),
  /** Start of the action or sub-action text, for lists and summaries. */
  text: z.string(),
  /** Latest progress note, "" when none. */
  progress: z.string(),
  /** Raw text of the due cell, "" when none. */
  dueText: z.string(),
  /** Days past due as at the report date (0 when not overdue or no date). */
  daysOverdue: z.number().int().nonnegative(),
  /** Cells the item's values were read from (A1 addresses). */
  cells: z.object({
    text: z.string().nullable(),
    owner: z.string().nullable(),
    due: z.string().nullable(),
    status: z.string().nullable(),
  }),
  findings: z.array(FindingSchema),
});
export type Item = z.infer<typeof ItemSchema>;

/** Why a column got its role: the header's words and what its cells hold (plan rules §1). */
export const ColumnEvidenceSchema = z.object({
  column: ColumnLetter,
  role: RoleSchema,
  /** The header cell's text ("" when the column has none). */
  header: z.string(),
  /** In plain words: “When” names a due date; dates in 12 of 13 cells. */
  because: z.string().min(1),
  confidence: z.number().min(0).max(1),
});
export type ColumnEvidence = z.infer<typeof ColumnEvidenceSchema>;

/** The best header row on a sheet left out, with its evidence, for the user to accept. */
export const HeaderCandidateSchema = z.object({
  headerRow: z.number().int().positive(),
  columns: z.partialRecord(RoleSchema, ColumnLetter),
  evidence: z.array(ColumnEvidenceSchema),
});
export type HeaderCandidate = z.infer<typeof HeaderCandidateSchema>;

export const SheetReportSchema = z.object({
  name: z.string(),
  headerRow: z.number().int().positive(),
  columns: z.partialRecord(RoleSchema, ColumnLetter),
  /** Other header rows found further down (repeated headers), 1-based. */
  repeatedHeaderRows: z.array(z.number().int().positive()),
  /** How sure the recogniser is of the header row, 0..1. */
  confidence: z.number().min(0).max(1),
  /** Why each column got its role. */
  evidence: z.array(ColumnEvidenceSchema),
  planPeriod: z.object({ start: IsoDate, end: IsoDate }).nullable(),
  /** The "Updated: ..." / "as at" date found in the preamble, if any. */
  updated: IsoDate.nullable(),
  items: z.array(ItemSchema),
  /** Findings about the sheet, not one item (e.g. a repeated header row). */
  findings: z.array(FindingSchema),
  /** Set when the plan is on a sheet the user hid, so hosts can say so. */
  visibility: z.enum(["hidden", "veryHidden"]).optional(),
});
export type SheetReport = z.infer<typeof SheetReportSchema>;

export const SkippedSheetSchema = z.object({
  name: z.string(),
  reason: z.string(),
  /** The row that came closest to a plan's header, when one did. */
  candidate: HeaderCandidateSchema.optional(),
});
export type SkippedSheet = z.infer<typeof SkippedSheetSchema>;

export const PlanReportSchema = z.object({
  asAt: IsoDate,
  sheets: z.array(SheetReportSchema),
  /** Sheets with no plan on them, and why. */
  skipped: z.array(SkippedSheetSchema),
});
export type PlanReport = z.infer<typeof PlanReportSchema>;
