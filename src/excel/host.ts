// The Office.js host: reads the workbook open in Excel into grids and applies
// the engine's write-back plan, using only Office.js (target ExcelApi 1.9; merged
// areas need 1.13 and are skipped, with a warning, where Excel is older).
//
// Round trips. Every operation uses a fixed number of context.sync() calls as
// long as its data fits the payload budget (and no more requests than syncs:
// every range is untracked, so Excel.run has nothing to release when it ends):
//   readGrids      3 syncs (sheets and names; used ranges and a small sample of
//                  each sheet's values; cells and merges) up to
//                  `singlePassCellLimit` cells; above that 4: values first, then
//                  the displayed text and number formats of the cells that hold
//                  numbers (strings display as themselves). The sample sizes the
//                  reads, so e.g. a 50,000-row plan (5.7 MB in all) still takes 4;
//   applyColours   3 syncs (+1 if an earlier colouring touched a sheet not in the plan);
//   clearColours   3 syncs (it looks at every sheet);
//   writeSheets    2 syncs: values and formulas (links are =HYPERLINK formulas) go
//                  one Range.formulas per block of rows, number formats one
//                  rectangle per run of equal formats, other formats one RangeAreas
//                  per distinct style: requests grow with bytes, not with cells;
//   readOwnedSheet 3 syncs;  selectCell 1;  selectedCell 1.
// Data larger than the budget (default 4 MB per exchange; Excel on the web refuses
// above 5 MB) is spread over as many more syncs as it needs: the number of round
// trips then grows with the bytes, never with the number of objects or rows (work
//
// This file is the facade: each operation is one Excel.run (see `run`), its work
// in a module of its own: read-grids.ts, colours.ts, write-sheets.ts, owned.ts
// (markers and readOwnedSheet), settings-store.ts, selection.ts; batching.ts
// packs requests under the payload budget.
import type { Grid } from "../engine/grid";
import type { HostCapabilities, PlanHost, Progress, WriteSheetsResult } from "../engine/host";
import { MARKER_PREFIX, markerName } from "../engine/owned";
import type { Settings } from "../engine/settings";
import { COLOUR_MARKER, type ColourPlan, type SheetCellValue, type SheetSpec } from "../engine/writeback";
import { errorCode } from "./batching";
import { applyColours, clearColours } from "./colours";
import { ExcelTimeoutError, PlanMonitorError, explainOfficeError, unsupportedMessage, type OfficeAction } from "./errors";
import { DEFAULT_TIMEOUT_MS, sizeOptions, type OfficeHostOptions, type SizeOptions } from "./options";
import { readOwnedSheet } from "./owned";
import { readGrids } from "./read-grids";
import { selectCell, selectedCell } from "./selection";
import { checkedSettings, readSavedSettings, settingsFrom, writeSettings } from "./settings-store";
import { writeSheets } from "./write-sheets";

export { COLOURING_KEY, type ColouringRecord } from "./colours";
export type { OfficeHostOptions } from "./options";
export { SETTINGS_KEY } from "./settings-store";
export { charsToPoints } from "./write-sheets";
/** The marker rules are the engine's (engine/owned.ts), shared with the .xlsx host. */
export { MARKER_PREFIX, markerName };
/** The text in the rule formulas the .xlsx host writes (engine/writeback.ts, COLOUR_MARKER). */
export const XLSX_COLOUR_MARKER = COLOUR_MARKER;

/** The operations that change the workbook: each is one undo step where Excel can group it. */
const UNDOABLE: ReadonlySet<OfficeAction> = new Set(["colour", "clear", "update"]);

export class OfficePlanHost implements PlanHost {
  /** Things the last operation wants the user told (e.g. merged cells could not be read). */
  warnings: string[] = [];
  private readonly options: SizeOptions;
  /** Excel refused to group an operation into one undo step (UndoNotSupported). */
  private undoRefused = false;

  constructor(private readonly hostOptions: OfficeHostOptions = {}) {
    this.options = sizeOptions(hostOptions);
  }

  private get excel(): typeof Excel {
    const excel = this.hostOptions.excel ?? (globalThis as { Excel?: typeof Excel }).Excel;
    if (!excel) throw new PlanMonitorError("Plan Monitor is not running inside Excel (Office.js is not loaded).");
    return excel;
  }

  /** true / false, or undefined when Excel cannot say. */
  private supports(version: string): boolean | undefined {
    if (this.hostOptions.isSetSupported) return this.hostOptions.isSetSupported("ExcelApi", version);
    const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: (n: string, v: string) => boolean } } } }).Office;
    const check = office?.context?.requirements?.isSetSupported;
    return typeof check === "function" ? Boolean(check.call(office!.context!.requirements, "ExcelApi", version)) : undefined;
  }

  private requireApi(version: string, what: string): void {
    if (this.supports(version) === false) throw new PlanMonitorError(unsupportedMessage(what, version), { code: "ApiNotFound" });
  }

  /**
   * One operation: one Excel.run, bounded by the timeout. When Excel does not
   * answer in time the operation is abandoned (its Excel.run may still finish
   * later) and an ExcelTimeoutError says so; every operation is safe to run again:
   * reads change nothing, colouring replaces earlier colouring (rules recognised by
   * their shape even when their ids were not recorded), clearing finishes what is
   * left, writeSheets rewrites its sheets in place (each sheet's title goes in the
   * same request as the sheet or its clearing, so a half-written sheet is still
   * recognised as ours), saving settings replaces them.
   */
  private async run<T>(action: OfficeAction, what: string, body: (context: Excel.RequestContext, undoable: boolean) => Promise<T>): Promise<T> {
    const ms = this.hostOptions.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ExcelTimeoutError(action, ms)), ms);
    });
    try {
      return await Promise.race([this.excelRun(action, body), timeout]);
    } catch (e) {
      if (e instanceof PlanMonitorError) throw e;
      throw new PlanMonitorError(explainOfficeError(e, { action, what }), { code: errorCode(e) || undefined, cause: e });
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Colour, clear and summary run as one undo group where Excel can (ExcelApi 1.20,
   * Excel.run's mergeUndoGroup): the user's Undo then takes back the whole
   * operation, however many requests it took. Should Excel refuse to group
   * (UndoNotSupported: a call in the group it cannot undo), the operation runs
   * again ungrouped, which is safe (every operation can be re-run), and undo is
   * no longer promised. The client this project's tests run (@microsoft/office-js,
   * pinned) predates mergeUndoGroup and ignores it, and the in-memory Excel has no
   * undo: that Undo really takes the operation back in one step only real Excel
   * can show.
   */
  private async excelRun<T>(action: OfficeAction, body: (context: Excel.RequestContext, undoable: boolean) => Promise<T>): Promise<T> {
    const grouped = UNDOABLE.has(action) && this.capabilities().undo;
    if (!grouped) return this.excel.run((context) => body(context, false));
    try {
      return await this.excel.run({ mergeUndoGroup: true }, (context) => body(context, true));
    } catch (e) {
      if (errorCode(e) !== "UndoNotSupported") throw e;
      this.undoRefused = true;
      return this.excel.run((context) => body(context, false));
    }
  }

  /** Undo: where Excel supports ExcelApi 1.20 (and has not refused to group Plan Monitor's changes in this session). */
  capabilities(): HostCapabilities {
    return { undo: !this.undoRefused && this.supports("1.20") === true };
  }

  async readGrids(progress?: Progress): Promise<Grid[]> {
    this.warnings = [];
    const mergesSupported = this.supports("1.13") === true;
    if (!mergesSupported)
      this.warnings.push(
        "This version of Excel cannot report merged cells (needs ExcelApi 1.13), so Plan Monitor reads every cell on its own; headings merged across or down may be recognised less well.",
      );
    return this.run("read", "reading the workbook", (context) => readGrids(context, this.options, mergesSupported, progress));
  }

  async applyColours(plan: ColourPlan, progress?: Progress): Promise<void> {
    this.warnings = [];
    this.requireApi("1.9", "colouring cells by RAG");
    await this.run("colour", "colouring cells (conditional formats on several ranges)", (context) => applyColours(context, plan, this.options, progress));
  }

  /**
   * Remove every rule of Plan Monitor's: the ones the last colouring recorded and,
   * on every sheet, rules that are unmistakably Plan Monitor's, so colouring done by
   * the command-line tool or before Excel renumbered its rules goes too. The user's
   * own rules and cells are untouched.
   */
  async clearColours(): Promise<void> {
    this.warnings = [];
    await this.run("clear", "removing Plan Monitor's colours", (context) => clearColours(context));
  }

  async writeSheets(specs: SheetSpec[], progress?: Progress): Promise<WriteSheetsResult> {
    this.warnings = [];
    this.requireApi("1.9", "writing summary sheets (page layout, formatting several ranges)");
    return this.run("update", "writing Plan Monitor's summary sheets", (context, undoable) => writeSheets(context, specs, this.options, progress, undoable));
  }

  async readOwnedSheet(kind: string): Promise<SheetCellValue[][] | null> {
    this.warnings = [];
    return this.run("read", "reading Plan Monitor's own sheet", (context) => readOwnedSheet(context, kind, this.options));
  }

  /**
   * Show a cell to the user: activate its sheet and select it (an A1 address such as
   * "I31" or "B4:C6"), in one Excel.run and one round trip.
   */
  async selectCell(sheetName: string, address: string): Promise<void> {
    // Leaves `warnings` alone: they still describe the last read or write.
    await this.run("select", `selecting ${address} on the sheet '${sheetName}'`, (context) => selectCell(context, sheetName, address));
  }

  /** The sheet and 1-based row of the cell the user has selected (the top row of a larger selection). */
  async selectedCell(): Promise<{ sheet: string; row: number }> {
    return this.run("select", "reading which cell is selected", (context) => selectedCell(context));
  }

  /** The saved settings, or the defaults (with a warning in plain words when what was saved is not valid). */
  async loadSettings(): Promise<{ settings: Settings; warning?: string }> {
    this.warnings = [];
    const loaded = settingsFrom(await this.run("read", "reading Plan Monitor's settings", (context) => readSavedSettings(context)));
    if (loaded.warning) this.warnings.push(loaded.warning);
    return loaded;
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.warnings = [];
    const checked = checkedSettings(settings);
    await this.run("save", "saving Plan Monitor's settings", (context) => writeSettings(context, checked));
  }
}
