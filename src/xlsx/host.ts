// The .xlsx file host: PlanHost over a workbook file's bytes. It reads the
// grids once (read.ts), then records what the engine asks for (the RAG
// colouring, the summary sheets) and writes it into a copy of the input's
// package (write-package.ts): every part of the user's workbook is copied as it
// was, only what Plan Monitor owns is changed. The input is never written.
import type { Grid } from "../engine/grid";
import type { PlanHost, Progress, WriteSheetsResult } from "../engine/host";
import { ownedGridValues } from "../engine/owned";
import type { PlanReport } from "../engine/report";
import type { Settings } from "../engine/settings";
import { nameNewSheet } from "../engine/sheet-names";
import { buildSummaries, colourWorkbook, scanWorkbook } from "../engine/workflow";
import type { ColourPlan, SheetCellValue } from "../engine/writeback";
import { macrosNotKept, type NotKept } from "./package-parts";
import { readWorkbookBuffer } from "./read";
import { writePackage, type SheetWrite } from "./write-package";
import { ownedSheets } from "./owned-sheets";
import { workbookFacts } from "./workbook-facts";

export class XlsxHost implements PlanHost {
  /** The colouring to write: null leaves the sheets' conditional formats as they are. */
  private colours: ColourPlan | null = null;
  /** The summary sheets to write, by kind (a later write of a kind replaces an earlier one). */
  private readonly writes = new Map<string, SheetWrite>();

  private constructor(
    /** The file's bytes (null: a new workbook, as the board paper starts). */
    private readonly source: Uint8Array | null,
    private readonly grids: Grid[],
    /** kind → the name of Plan Monitor's trusted sheet of that kind in the file. */
    private readonly owned: ReadonlyMap<string, string>,
    /** Every sheet's name (chart sheets too), for naming new sheets. */
    private readonly sheetNames: readonly string[],
    private readonly macros: boolean,
  ) {}

  /** Load an .xlsx file's bytes; throws WorkbookReadError with a plain reason. */
  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<XlsxHost> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const { workbook, grids } = await readWorkbookBuffer(bytes);
    const owned = new Map([...ownedSheets(workbook)].map(([kind, ws]) => [kind, ws.name]));
    const kindOf = new Map([...owned].map(([kind, name]) => [name, kind]));
    const marked = grids.map((g) => {
      const kind = kindOf.get(g.name);
      return kind === undefined ? g : { ...g, ownedByPlanMonitor: true, ownedKind: kind };
    });
    const facts = workbookFacts(bytes);
    return new XlsxHost(bytes, marked, owned, facts.sheetNames.length ? facts.sheetNames : grids.map((g) => g.name), facts.macros);
  }

  /** A new workbook with no sheets: what `plan-monitor summary` builds the board paper in. */
  static empty(): XlsxHost {
    return new XlsxHost(null, [], new Map(), [], false);
  }

  /** What a copy would not have of the loaded file: an .xlsx copy cannot hold an .xlsm's macros. */
  notKept(macroEnabled: boolean): NotKept[] {
    return this.macros && !macroEnabled ? [macrosNotKept()] : [];
  }

  /** The workbook as .xlsx bytes, with what this session wrote. */
  async toBuffer(options: { macroEnabled?: boolean } = {}): Promise<Buffer> {
    return (await this.toPackage(options)).buffer;
  }

  /** The copy's bytes, and what it does not have of the loaded file (notKept). */
  async toPackage({ macroEnabled = false }: { macroEnabled?: boolean } = {}): Promise<{ buffer: Buffer; notKept: NotKept[] }> {
    const buffer = await writePackage(this.source, { colours: this.colours, sheets: [...this.writes.values()], macroEnabled });
    return { buffer, notKept: this.notKept(macroEnabled) };
  }

  async readGrids(progress?: Progress): Promise<Grid[]> {
    progress?.(this.grids.length, this.grids.length, "read");
    return this.grids;
  }

  async applyColours(plan: ColourPlan, progress?: Progress): Promise<void> {
    this.colours = plan;
    progress?.(plan.sheets.length, plan.sheets.length, "coloured");
  }

  async clearColours(): Promise<void> {
    this.colours = { sheets: [] };
  }

  async writeSheets(specs: Parameters<PlanHost["writeSheets"]>[0], progress?: Progress): Promise<WriteSheetsResult> {
    const result: WriteSheetsResult = { written: [], notices: [] };
    specs.forEach((spec, i) => {
      const ours = this.writes.get(spec.kind)?.name ?? this.owned.get(spec.kind);
      let name = ours;
      if (name === undefined) {
        const taken = new Set([...this.sheetNames, ...[...this.writes.values()].map((w) => w.name)].map((n) => n.toLowerCase()));
        const given = nameNewSheet(spec.name, taken);
        if (given.notice) result.notices.push(given.notice);
        name = given.name;
      }
      this.writes.set(spec.kind, { spec, name, replaces: this.owned.get(spec.kind) === name });
      result.written.push({ kind: spec.kind, name });
      progress?.(i + 1, specs.length, name);
    });
    return result;
  }

  async readOwnedSheet(kind: string): Promise<SheetCellValue[][] | null> {
    const written = this.writes.get(kind);
    if (written) return written.spec.rows.map((row) => Array.from(row, (c) => c?.value ?? null));
    return ownedGridValues(this.grids, kind);
  }
}

export interface WriteCopyOptions {
  asAt: string;
  settings: Settings;
  /** The copy is an .xlsm: it keeps the macros and has the macro-enabled content type. */
  macroEnabled?: boolean;
  /** Told what the copy would not have, once the file is loaded and before any work; may throw to stop. */
  beforeWork?: (notKept: NotKept[]) => void;
}

/**
 * `plan-monitor check FILE --out OUT`: the input's bytes in, a copy with the
 * RAG colouring and the summary sheets out. The input is only read. notKept:
 * what the copy does not have of the input (package-parts.ts).
 */
export async function writeCopy(
  input: ArrayBuffer | Uint8Array,
  options: WriteCopyOptions,
): Promise<{ report: PlanReport; buffer: Buffer; notices: string[]; notKept: NotKept[] }> {
  const host = await XlsxHost.fromBuffer(input);
  options.beforeWork?.(host.notKept(options.macroEnabled ?? false));
  const report = await scanWorkbook(host, options);
  await colourWorkbook(host, report);
  const { notices } = await buildSummaries(host, report, options.settings);
  const { buffer, notKept } = await host.toPackage({ macroEnabled: options.macroEnabled });
  return { report, buffer, notices, notKept };
}
