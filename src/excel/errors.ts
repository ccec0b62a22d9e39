// Office.js failures in words a council officer can act on.

/** An error whose message is already fit to show the user. */
export class PlanMonitorError extends Error {
  override name = "PlanMonitorError";
  /** The Office.js error code behind it, when there was one. */
  readonly code?: string;
  constructor(message: string, options: { code?: string; cause?: unknown } = {}) {
    super(message);
    this.code = options.code;
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** What Plan Monitor was doing, for the protected-sheet message. */
export type OfficeAction = "colour" | "update" | "clear" | "read" | "save" | "select";

const VERB: Record<OfficeAction, string> = {
  colour: "colour it",
  update: "update it",
  clear: "remove its colours",
  read: "read it",
  save: "save to it",
  select: "select cells on it",
};

export function protectedSheetMessage(sheet: string, action: OfficeAction = "colour"): string {
  return `The sheet '${sheet}' is protected. Unprotect it (Review > Unprotect Sheet) to let Plan Monitor ${VERB[action]}.`;
}

export function unsupportedMessage(what: string, apiSet = "1.9"): string {
  return `This version of Excel does not support ${what} (needs ExcelApi ${apiSet}). Use Excel 2021, Microsoft 365 or Excel on the web.`;
}

/** What the user is told when Excel did not answer in time, by what Plan Monitor was doing: the part that is done, and how to finish. */
const NO_ANSWER: Record<OfficeAction, { doing: string; then: string }> = {
  colour: { doing: "colouring the plan", then: "Nothing may have changed, or only part: press Colour RAG again, which redoes it from the start." },
  clear: { doing: "removing Plan Monitor's colours", then: "Nothing may have changed, or only part: press Clear colours again, which finishes the job." },
  update: { doing: "writing the summary sheets", then: "Nothing may have changed, or only part: press Build summary sheets again, which rewrites them from the start." },
  read: { doing: "reading the workbook", then: "Nothing was changed: try again." },
  save: { doing: "saving Plan Monitor's settings", then: "They may not have been saved: save them again." },
  select: { doing: "selecting cells", then: "Nothing was changed: try again." },
};

/** "60 seconds", "1 second", "250 milliseconds". */
function duration(ms: number): string {
  if (ms < 1000) return `${ms} millisecond${ms === 1 ? "" : "s"}`;
  const s = Math.round(ms / 1000);
  return `${s} second${s === 1 ? "" : "s"}`;
}

export function noAnswerMessage(action: OfficeAction, ms: number): string {
  const { doing, then } = NO_ANSWER[action];
  return `Excel did not answer within ${duration(ms)} while ${doing}. ${then}`;
}

/**
 * Excel did not answer an operation in time (Excel on the web can leave a request
 * unanswered for ever, office-js issue #6678). Every operation is safe to run
 * again, so the pane can offer "Try again"; `retry` is that promise.
 */
export class ExcelTimeoutError extends PlanMonitorError {
  override name = "ExcelTimeoutError";
  readonly retry = true;
  constructor(
    readonly action: OfficeAction,
    readonly timeoutMs: number,
  ) {
    super(noAnswerMessage(action, timeoutMs), { code: "Timeout" });
  }
}

/** Whether an error is Excel not answering in time (the operation can simply be run again). */
export const isTimeout = (e: unknown): e is ExcelTimeoutError => e instanceof ExcelTimeoutError;

export const CELL_EDIT_MESSAGE = "Excel is editing a cell. Press Enter or Esc, then try again.";

interface OfficeLikeError {
  code?: string;
  message?: string;
  debugInfo?: { errorLocation?: string; message?: string };
}

/**
 * A plain-words explanation of an Office.js error (or any error).
 * `context.sheet` names the sheet being written, when known.
 */
export function explainOfficeError(e: unknown, context: { sheet?: string; action?: OfficeAction; what?: string } = {}): string {
  if (e instanceof PlanMonitorError) return e.message;
  const err = (typeof e === "object" && e !== null ? e : { message: String(e) }) as OfficeLikeError;
  const code = err.code ?? "";
  const message = err.message ?? "";
  const sheetFromMessage = /protected sheet \('([^']+(?:''[^']*)*)'\)/.exec(message)?.[1]?.replace(/''/g, "'");
  switch (code) {
    case "AccessDenied":
      // Office.js reports AccessDenied for writes to a protected sheet (documented for
      // protection-related operations; also what Microsoft Graph returns).
      if (context.sheet || sheetFromMessage) return protectedSheetMessage(context.sheet ?? sheetFromMessage!, context.action);
      return "Excel refused the change: the sheet or workbook is protected, or you may only view this workbook. Unprotect it (Review > Unprotect Sheet) or ask for edit access, then try again.";
    case "InvalidOperationInCellEditMode":
      return CELL_EDIT_MESSAGE;
    case "ApiNotFound":
    case "ApiNotAvailable":
    case "NotImplemented":
    case "UnsupportedOperation":
      return unsupportedMessage(context.what ?? "a feature Plan Monitor needs");
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return "The workbook is too large to handle in one go here (Excel on the web limits each exchange to 5 MB). Try the desktop version of Excel, or split the plan into smaller sheets.";
    case "RangeExceedsLimit":
      return "A sheet is too large to read (Excel reads at most 5 million cells at once). Delete unused rows and columns at the end of the sheet, then try again.";
    case "ItemNotFound":
      return "Part of the workbook Plan Monitor expected is no longer there (was a sheet renamed or deleted?). Read the workbook again, then retry.";
    case "InvalidArgument":
    case "InvalidReference":
    case "GeneralException":
    default: {
      if (/protected/i.test(message) && (context.sheet || sheetFromMessage))
        return protectedSheetMessage(context.sheet ?? sheetFromMessage!, context.action);
      const detail = message ? `: ${message}` : "";
      const label = code ? ` (${code})` : "";
      return `Excel could not complete the request${label}${detail} Try again; if it keeps happening, save the workbook, reopen it and retry.`.replace(/([^.])\s+Try again/, "$1. Try again");
    }
  }
}
