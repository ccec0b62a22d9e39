// `plan-monitor check FILE.xlsx`: the engine on .xlsx files, in a terminal.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { PlanReportSchema, type PlanReport } from "../engine/report";
import { parseSettings, type Settings } from "../engine/settings";
import { scanWorkbook } from "../engine/workflow";
import { planNames, portfolioSheet, type PortfolioPlan } from "../engine/summary/portfolio";
import { writeCopy, XlsxHost } from "../xlsx/host";
import { WorkbookReadError } from "../xlsx/read";
import { HELP, parseCommand, UsageError, type CheckOptions } from "./args";
import { formatReport, settingsAccepting, terminalSafe, terminalSafeJson } from "./format";
import { checkOut, MACRO_EXTENSION, notKeptRefusal, OutError, writeOutAtomically } from "./out";
import { describeNotKept, type NotKept } from "../xlsx/package-parts";

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
  const safe = terminalSafeErrors(io);
  if (command.kind === "summary") return summary(command.options, safe);
  return check(command.options, safe);
}

/** stderr with every control character in a message shown, not acted on (file and sheet names come from users). */
function terminalSafeErrors(io: Io): Io {
  return { stdout: io.stdout, stderr: (s) => io.stderr(s.endsWith("\n") ? terminalSafe(s.slice(0, -1)) + "\n" : terminalSafe(s)) };
}

/**
 * `plan-monitor summary A.xlsx B.xlsx --out board.xlsx`: every file read (never
 * written), one portfolio sheet out. A file that cannot be read or holds no plan
 * stops it (exit 3), so a board paper never leaves a plan out without saying so.
 */
async function summary(options: CheckOptions & { out: string }, io: Io): Promise<number> {
  const settings = await settingsOrSay(options, io);
  if (!settings) return 2;
  // OUT is checked against every input as `check --out` checks it: never an input, a link to one, or someone else's file.
  try {
    for (const file of options.files) await checkOut(file, options.out, options.force);
  } catch (e) {
    if (!(e instanceof OutError)) throw e;
    io.stderr(`plan-monitor: ${e.message}\n`);
    return e.status;
  }
  const names = planNames(options.files, (f) => path.basename(f));
  const plans: PortfolioPlan[] = [];
  let status = 0;
  for (const [i, file] of options.files.entries()) {
    // Several files take a while: say which one is being read (stderr, so stdout stays the result).
    if (options.files.length > 1) io.stderr(`plan-monitor: reading ${file} (${i + 1} of ${options.files.length})\n`);
    try {
      await refuseNonFile(file);
      const report = await scanWorkbook(await XlsxHost.fromBuffer(await readFile(file)), { asAt: options.asAt, settings });
      if (report.sheets.length === 0) {
        io.stderr(`plan-monitor: ${file}: no plan found\n`);
        status = 3;
      }
      plans.push({ file: names[i], report });
    } catch (e) {
      io.stderr(`plan-monitor: ${file}: ${reasonFor(e)}\n`);
      status = 3;
    }
  }
  if (status !== 0) {
    io.stderr(`plan-monitor: ${options.out} not written\n`);
    return status;
  }
  const host = XlsxHost.empty();
  await host.writeSheets([portfolioSheet(plans, options.asAt, settings)]);
  await writeOutAtomically(options.out, await host.toBuffer({ macroEnabled: MACRO_EXTENSION.test(options.out) }));
  const actions = plans.reduce((n, p) => n + p.report.sheets.reduce((m, s) => m + s.items.length, 0), 0);
  io.stdout(`Portfolio as at ${options.asAt}: ${plans.length} plan(s), ${actions} action(s).\n`);
  io.stderr(`plan-monitor: wrote ${options.out} (the portfolio sheet; ${options.files.join(", ")} unchanged)\n`);
  return 0;
}

async function check(options: CheckOptions, io: Io): Promise<number> {
  const files = options.files.length ? options.files : [SAMPLE_WORKBOOK];
  const settings = await settingsOrSay(options, io);
  if (!settings) return 2;
  let status = 0;
  for (const file of files) {
    try {
      const report = await checkFile(file, options, settings, io);
      warnUnknownSheets(file, report, settings, io);
      if (options.json) io.stdout(terminalSafeJson(JSON.stringify(PlanReportSchema.parse(report), null, files.length > 1 ? undefined : 2)) + "\n");
      else io.stdout(formatReport(report, { color: options.color && process.stdout.isTTY === true, file }));
      if (report.sheets.length === 0) {
        const reasons = report.skipped.map((s) => `"${s.name}": ${s.reason}`).join("; ");
        io.stderr(`plan-monitor: ${file}: no plan found (${reasons || "the workbook has no sheets"})\n`);
        // Settings help only where a sheet has content but no header Plan Monitor knows (not an empty sheet).
        for (const skipped of report.skipped) {
          const accept = settingsAccepting(skipped);
          if (accept) {
            const noAction = skipped.candidate!.columns.action === undefined && skipped.candidate!.columns.subAction === undefined;
            io.stderr(
              `plan-monitor: if row ${skipped.candidate!.headerRow} of "${skipped.name}" is its header, pass --settings FILE.json holding ${accept}` +
                (noAction ? `, adding "action" with the letter of the column that states each action` : "") +
                `; change a row number or column letter where it is wrong\n`,
            );
          } else if (/\bheader\b/.test(skipped.reason)) {
            const example = JSON.stringify({ sheets: { [skipped.name]: { headerRow: 2, columns: { action: "A", owner: "B", due: "C", status: "D" } } } });
            io.stderr(`plan-monitor: if "${skipped.name}" holds a plan, say which row names its columns and which column is which: pass --settings FILE.json holding ${example}, with your own row number and column letters\n`);
          }
        }
        status = 3;
      }
    } catch (e) {
      if (e instanceof OutError) {
        io.stderr(`plan-monitor: ${e.message}\n`);
        status = e.status;
        continue;
      }
      io.stderr(`plan-monitor: ${file}: ${reasonFor(e)}\n`);
      status = 3;
    }
  }
  return status;
}

const MAX_SETTINGS_BYTES = 1_048_576;

/** Settings from --settings FILE.json (validated), with --amber-days on top. */
async function loadSettings(options: CheckOptions): Promise<Settings> {
  let raw: unknown = {};
  if (options.settingsFile) {
    let text: string;
    try {
      const info = await stat(options.settingsFile);
      if (info.isDirectory()) throw new Error("this is a folder, not a settings file; name the .json file inside it");
      if (!info.isFile()) throw new Error("this is not a regular file, so it cannot be a settings file");
      if (info.size > MAX_SETTINGS_BYTES) throw new Error(`this file is ${Math.round(info.size / 1_048_576)} MB; a settings file is a few lines of JSON`);
      // Windows editors (Notepad) save UTF-8 with a byte order mark, which JSON.parse does not accept.
      text = (await readFile(options.settingsFile, "utf8")).replace(/^\uFEFF/, "");
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

/** The settings, or null once the reason they cannot be used is on stderr. */
async function settingsOrSay(options: CheckOptions, io: Io): Promise<Settings | null> {
  try {
    return await loadSettings(options);
  } catch (e) {
    io.stderr(`plan-monitor: ${(e as Error).message}\n`);
    return null;
  }
}

/** The largest FILE Plan Monitor reads: ten times a 200,000-row plan (about 8 MB), well below what would exhaust memory. */
export const MAX_FILE_BYTES = 100 * 1_048_576;

/** A device (/dev/zero), a pipe or a folder is not a workbook; reading one could run forever. Nor is a file over MAX_FILE_BYTES read. */
async function refuseNonFile(file: string): Promise<void> {
  const info = await stat(file);
  if (info.isDirectory()) throw new WorkbookReadError("this is a folder, not a workbook");
  if (!info.isFile()) throw new WorkbookReadError("this is not a regular file (a device, pipe or socket), so it cannot be a workbook");
  if (info.size > MAX_FILE_BYTES) {
    const mb = (n: number): string => `${Math.ceil(n / 1_048_576).toLocaleString("en-GB")} MB`;
    throw new WorkbookReadError(`this file is ${mb(info.size)}, more than the ${mb(MAX_FILE_BYTES)} Plan Monitor reads (a plan of 200,000 rows is under 10 MB), so it was not opened`);
  }
}

/** Reads and checks one workbook; with --out also writes the coloured copy with summary sheets. */
export async function checkFile(
  file: string,
  options: Pick<CheckOptions, "asAt" | "out"> & { force?: boolean },
  settings: Settings,
  io: Io = processIo,
): Promise<PlanReport> {
  await refuseNonFile(file);
  // --out is always a new file, never FILE: checked before any work.
  if (options.out) await checkOut(file, options.out, options.force ?? false);
  const data = await readFile(file);
  if (!options.out) return scanWorkbook(await XlsxHost.fromBuffer(data), { asAt: options.asAt, settings });
  const out = options.out;
  const force = options.force ?? false;
  // What the copy cannot keep (an .xlsm's macros in an .xlsx) is known once FILE is loaded: refused then, before the work, unless --force.
  const refuseLoss = (notKept: NotKept[]): void => {
    if (notKept.length && !force) throw new OutError(notKeptRefusal(out, notKept), 2);
  };
  const { report, buffer, notices, notKept } = await writeCopy(data, { asAt: options.asAt, settings, macroEnabled: MACRO_EXTENSION.test(out), beforeWork: refuseLoss });
  if (report.sheets.length > 0) {
    // Checked again just before writing: OUT may have appeared or changed meanwhile.
    await checkOut(file, out, force);
    await writeOutAtomically(out, buffer);
    for (const notice of notices) io.stderr(`plan-monitor: note: ${notice}\n`);
    if (notKept.length) io.stderr(`plan-monitor: note: as --force asked, ${out} was written without ${describeNotKept(notKept)}\n`);
    io.stderr(`plan-monitor: wrote ${options.out} (RAG colours, summary sheets and their charts; ${file} is unchanged)\n`);
  }
  return report;
}

/** A warning for each sheet the settings correct that the workbook does not have, naming the sheets it has. */
function warnUnknownSheets(file: string, report: PlanReport, settings: Settings, io: Io): void {
  const names = [...report.sheets.map((s) => s.name), ...report.skipped.map((s) => s.name)];
  for (const wanted of Object.keys(settings.sheets)) {
    if (names.includes(wanted)) continue;
    const sameButCase = names.find((n) => n.toLowerCase() === wanted.toLowerCase());
    const has = names.length ? `its sheets are ${names.map((n) => `"${n}"`).join(", ")}` : "it has no sheets";
    io.stderr(
      `plan-monitor: warning: the settings correct a sheet "${wanted}", which ${file} does not have${sameButCase ? ` (did you mean "${sameButCase}"? sheet names must match exactly)` : ""}; ${has}\n`,
    );
  }
}

function reasonFor(e: unknown): string {
  if (e instanceof WorkbookReadError) return e.message;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === "ENOENT") return "no such file";
  if (err?.code === "EISDIR") return "this is a folder, not a workbook";
  if (err?.code === "EACCES") return "permission denied";
  return err instanceof Error ? err.message.split("\n")[0] : String(e);
}
