// `plan-monitor check FILE.xlsx`: the engine on .xlsx files, in a terminal.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { analyseWorkbook } from "../engine/analyse";
import { PlanReportSchema, type PlanReport } from "../engine/report";
import { parseSettings, type Settings } from "../engine/settings";
import { readWorkbookBuffer, WorkbookReadError } from "../xlsx/read";
import { HELP, parseCommand, UsageError, type CheckOptions } from "./args";
import { formatReport } from "./format";

/** The sample plan shipped with the package, checked when no file is given. */
export const SAMPLE_WORKBOOK = path.resolve(__dirname, "../../samples/cqc-monitoring-form.xlsx");

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const processIo: Io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };

/** Runs the command; returns the exit status (0 read, 2 usage, 3 unreadable or no plan). */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let command;
  try {
    command = parseCommand(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`plan-monitor: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (command.kind === "help") {
    io.stdout(HELP);
    return 0;
  }
  return check(command.options, io);
}

async function check(options: CheckOptions, io: Io): Promise<number> {
  const files = options.files.length ? options.files : [SAMPLE_WORKBOOK];
  let settings: Settings;
  try {
    settings = await loadSettings(options);
  } catch (e) {
    io.stderr(`plan-monitor: ${(e as Error).message}\n`);
    return 2;
  }
  let status = 0;
  for (const file of files) {
    try {
      const report = await checkFile(file, options, settings);
      if (options.json) io.stdout(JSON.stringify(PlanReportSchema.parse(report), null, files.length > 1 ? undefined : 2) + "\n");
      else io.stdout(formatReport(report, { color: options.color && process.stdout.isTTY === true, file }));
      if (report.sheets.length === 0) {
        const reasons = report.skipped.map((s) => `"${s.name}": ${s.reason}`).join("; ");
        io.stderr(`plan-monitor: ${file}: no plan found (${reasons || "the workbook has no sheets"})\n`);
        if (report.skipped.length)
          io.stderr(`plan-monitor: to point Plan Monitor at a plan's header row, pass --settings FILE.json with {"sheets": {"${report.skipped[0].name}": {"headerRow": 3, "columns": {"action": "B", "owner": "E", "due": "D"}}}}\n`);
        status = 3;
      }
    } catch (e) {
      io.stderr(`plan-monitor: ${file}: ${reasonFor(e)}\n`);
      status = 3;
    }
  }
  return status;
}

/** Settings from --settings FILE.json (validated), with --amber-days on top. */
async function loadSettings(options: CheckOptions): Promise<Settings> {
  let raw: unknown = {};
  if (options.settingsFile) {
    let text: string;
    try {
      text = await readFile(options.settingsFile, "utf8");
    } catch (e) {
      throw new Error(`--settings ${options.settingsFile}: ${reasonFor(e)}`);
    }
    try {
      raw = JSON.parse(text);
    } catch {
      throw new Error(`--settings ${options.settingsFile}: not valid JSON`);
    }
  }
  const settings = parseSettings(raw);
  return options.amberDays !== undefined ? { ...settings, amberDays: options.amberDays } : settings;
}

export async function checkFile(file: string, options: Pick<CheckOptions, "asAt" | "out">, settings: Settings): Promise<PlanReport> {
  const data = await readFile(file);
  const { grids } = await readWorkbookBuffer(data);
  return analyseWorkbook(grids, { asAt: options.asAt, settings });
}

function reasonFor(e: unknown): string {
  if (e instanceof WorkbookReadError) return e.message;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === "ENOENT") return "no such file";
  if (err?.code === "EISDIR") return "this is a folder, not a workbook";
  if (err?.code === "EACCES") return "permission denied";
  return err instanceof Error ? err.message.split("\n")[0] : String(e);
}
