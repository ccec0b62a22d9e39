// The command line, in process: arguments, exit codes, messages, --json, --out.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { main, SAMPLE_WORKBOOK } from "../../src/cli/main";
import { PlanReportSchema } from "../../src/engine/report";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import { corpusEntries } from "../helpers/corpus";
import { tempDir } from "../helpers/tempDir";

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const scr = corpusEntries().find((e) => e.name === "scr-action-plan")!;
const tmp = tempDir("cli");
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

test("--help prints the usage and exits 0", async () => {
  const r = await run("--help");
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/plan-monitor check \[FILE\.xlsx \.\.\.\]/);
  expect(r.stdout).toMatch(/--as-at YYYY-MM-DD/);
});

test.each([
  [[], "say what to do"],
  [["frobnicate"], 'unknown command "frobnicate"'],
  [["check", "--as-at", "31/03/2020"], '--as-at wants a date as YYYY-MM-DD, not "31/03/2020"'],
  [["check", "--amber-days", "soon"], "--amber-days wants a whole number"],
  [["check", "--bogus"], "Unknown option '--bogus'"],
  [["check", "a.xlsx", "b.xlsx", "--out", "c.xlsx"], "--out works with one FILE at a time"],
  [["check", "a.xlsx", "--out", "./a.xlsx"], "--out must name a new file"],
])("usage error %j → exit 2 with a one-line reason", async (argv, message) => {
  const r = await run(...argv);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(message);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
});

test("no file checks the sample plan shipped with the package", async () => {
  expect(readFileSync(SAMPLE_WORKBOOK).length).toBeGreaterThan(0);
  const r = await run("check", "--as-at", "2010-09-01", "--no-color");
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Sheet "Improvement Plan"');
  expect(r.stdout).toContain("Header row 3");
  expect(r.stdout).toContain("147 item(s)");
  expect(r.stdout).toMatch(/Findings \(\d+\)/);
});

test("--json prints exactly the report the engine makes, valid against the schema", async () => {
  const r = await run("check", scr.workbook, "--json", "--as-at", scr.asAt);
  expect(r.code).toBe(0);
  const report = PlanReportSchema.parse(JSON.parse(r.stdout));
  expect(report.asAt).toBe(scr.asAt);
  expect(report.sheets[0]).toMatchObject({ name: "SCR Action Plan", headerRow: 3 });
});

test("--amber-days changes the RAG", async () => {
  const base = PlanReportSchema.parse(JSON.parse((await run("check", scr.workbook, "--json", "--as-at", "2016-12-31")).stdout));
  const wide = PlanReportSchema.parse(JSON.parse((await run("check", scr.workbook, "--json", "--as-at", "2016-12-31", "--amber-days", "1000")).stdout));
  const reds = (rep: typeof base) => rep.sheets[0].items.filter((i) => i.rag === "red").length;
  expect(reds(base)).toBeGreaterThan(0);
  expect(reds(wide)).toBe(0);
});

test("a missing file or a non-workbook exits 3 with a reason, never a stack trace", async () => {
  const missing = await run("check", path.join(tmp, "nope.xlsx"));
  expect(missing.code).toBe(3);
  expect(missing.stderr).toBe(`plan-monitor: ${path.join(tmp, "nope.xlsx")}: no such file\n`);
  const notXlsx = await run("check", path.resolve(__dirname, "../../package.json"));
  expect(notXlsx.code).toBe(3);
  expect(notXlsx.stderr).toMatch(/not an Excel \.xlsx workbook/);
  expect(notXlsx.stderr).not.toMatch(/\n\s+at /);
});

test("--out writes a coloured copy with summary sheets and leaves FILE unchanged", async () => {
  const before = sha(scr.workbook);
  const out = path.join(tmp, "scr-out.xlsx");
  const r = await run("check", scr.workbook, "--as-at", scr.asAt, "--out", out, "--json");
  expect(r.code).toBe(0);
  expect(sha(scr.workbook)).toBe(before);
  expect(r.stderr).toContain(`wrote ${out}`);
  const { grids } = await readWorkbookBuffer(readFileSync(out));
  expect(grids.map((g) => g.name)).toEqual(expect.arrayContaining(["SCR Action Plan", "PM Summary – Themes", "PM Summary – Owners", "PM Exceptions", "PM History"]));
  // The copy still reads as the same plan, and the summary sheets are not taken for plans.
  const again = await run("check", out, "--json", "--as-at", scr.asAt);
  expect(JSON.parse(again.stdout).sheets).toEqual(JSON.parse(r.stdout).sheets);
});
