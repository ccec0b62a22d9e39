// Command-line arguments for `plan-monitor`.
import path from "node:path";
import { parseArgs } from "node:util";
import { isIsoDate } from "../engine/dates";

export const HELP = `plan-monitor — check improvement and action plans kept in Excel

Usage:
  plan-monitor check [FILE.xlsx ...] [options]
  plan-monitor summary FILE.xlsx [FILE.xlsx ...] --out BOARD.xlsx [options]
  plan-monitor --help

With no FILE it checks a sample plan shipped with Plan Monitor. summary writes one
portfolio sheet for several plans (a row per plan and theme, owners across plans,
red and amber actions naming file, sheet and row); the FILEs are only read.

Options:
  --as-at YYYY-MM-DD   date the RAG is worked out against (default: today)
  --amber-days N       days past due that are still amber; more is red (default: 30)
  --json               print the plan report as JSON (one report per line for several files)
  --settings FILE.json settings as JSON: amberDays, completeWords, healthAtRiskShare
                       and healthOffTrackShare (plan health, shares 0-1), and per-sheet
                       corrections, e.g. {"sheets": {"Plan": {"headerRow": 4}}}
  --out OUT.xlsx       check: also write a copy of FILE with RAG colours, summary sheets
                       and charts (FILE itself is never changed; only with one FILE);
                       summary: the portfolio workbook to write (required). OUT must
                       end .xlsx or .xlsm and is written whole or not at all
  --force              let --out replace an existing file Plan Monitor did not write,
                       or write an .xlsx copy of an .xlsm without its macros; an OUT
                       ending .xlsm keeps them (every other part of FILE is kept)
  --no-color           plain output without terminal colours
  -h, --help           show this help

Exit status: 0 the plan was read; 2 usage error; 3 a file could not be read or holds no plan.
`;

export class UsageError extends Error {
  override name = "UsageError";
}

export interface CheckOptions {
  files: string[];
  asAt: string;
  amberDays: number | undefined;
  json: boolean;
  out: string | undefined;
  settingsFile: string | undefined;
  color: boolean;
  /** --out may replace an existing file that is not a Plan Monitor output. */
  force: boolean;
}

export type Command = { kind: "help" } | { kind: "check"; options: CheckOptions } | { kind: "summary"; options: CheckOptions & { out: string } };

/** Today in the local time zone, as an ISO date. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function parseCommand(argv: readonly string[], now = new Date()): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        "as-at": { type: "string" },
        "amber-days": { type: "string" },
        json: { type: "boolean", default: false },
        out: { type: "string" },
        settings: { type: "string" },
        "no-color": { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.split("\n")[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  const [command, ...files] = positionals;
  if (command === undefined) throw new UsageError("say what to do: plan-monitor check FILE.xlsx (see --help)");
  if (command === "help") return { kind: "help" };
  if (command !== "check" && command !== "summary") throw new UsageError(`unknown command "${command}" (the commands are: check, summary)`);

  const asAt = values["as-at"] ?? today(now);
  if (!isIsoDate(asAt)) throw new UsageError(`--as-at wants a date as YYYY-MM-DD, not "${asAt}"`);
  let amberDays: number | undefined;
  if (values["amber-days"] !== undefined) {
    amberDays = Number(values["amber-days"]);
    if (!/^\d+$/.test(values["amber-days"]) || amberDays > 3650) throw new UsageError(`--amber-days wants a whole number of days from 0 to 3650, not "${values["amber-days"]}"`);
  }
  if (command === "summary") {
    if (!files.length) throw new UsageError("summary needs at least one FILE.xlsx");
    if (values.out === undefined) throw new UsageError("summary needs --out BOARD.xlsx");
    if (values.json) throw new UsageError("summary writes a workbook; --json is for check");
    if (files.some((f) => path.resolve(f) === path.resolve(values.out!)))
      throw new UsageError("--out must name a new file: Plan Monitor never changes the workbooks it reads");
    return { kind: "summary", options: { files, asAt, amberDays, json: false, out: values.out, settingsFile: values.settings, color: !values["no-color"], force: values.force ?? false } };
  }
  if (values.out !== undefined && files.length > 1) throw new UsageError("--out works with one FILE at a time");
  if (values.out !== undefined && files.length === 1 && path.resolve(values.out) === path.resolve(files[0]))
    throw new UsageError("--out must name a new file: Plan Monitor never changes the workbook it checks");
  return {
    kind: "check",
    options: { files, asAt, amberDays, json: values.json ?? false, out: values.out, settingsFile: values.settings, color: !values["no-color"], force: values.force ?? false },
  };
}
