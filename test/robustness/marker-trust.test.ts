// A user's workbook holding Plan Monitor's marker names (PlanMonitor_themes,
// PlanMonitor_exceptions…) pointing at the user's own plan: the plan is still
// read, is not emptied to make room for a summary, and the summaries are written
// under their own names. A marker is trusted only on a sheet with Plan Monitor's
// title in A1.
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { main } from "../../src/cli/main";
import { isPlanMonitorOutput } from "../../src/cli/out";
import { PlanReportSchema } from "../../src/engine/report";
import { ownedSheets } from "../../src/xlsx/write-owned";
import { ACTIONS, HEADER } from "../helpers/fixtures";
import { tempDir } from "../helpers/tempDir";

const dir = tempDir("markers");
const sha = (f: string): string => createHash("sha256").update(fs.readFileSync(f)).digest("hex");

async function hostileMarkers(kinds: string[], target = "Plan", cell = "$A$1"): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(target);
  ws.addRow(HEADER);
  for (const r of ACTIONS) ws.addRow(r);
  for (const kind of kinds) wb.definedNames.add(`'${target}'!${cell}`, `PlanMonitor_${kind}`);
  const file = path.join(dir, `markers-${kinds.join("-")}-${cell.replace(/\$/g, "")}.xlsx`);
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

async function run(file: string, ...more: string[]) {
  const before = sha(file);
  let stdout = "";
  let stderr = "";
  const code = await main(["check", file, "--as-at", "2020-06-15", "--no-color", "--json", ...more], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  expect(sha(file)).toBe(before);
  return { code, stdout, stderr };
}

const values = (ws: ExcelJS.Worksheet): unknown[][] => {
  const rows: unknown[][] = [];
  ws.eachRow((row, r) => (rows[r - 1] = (row.values as unknown[]).slice(1)));
  return rows;
};

test.each([[["themes"]], [["exceptions"]], [["themes", "owners", "exceptions", "history"]]])("markers %j on the user's plan do not hide or overwrite it", async (kinds) => {
  const file = await hostileMarkers(kinds);
  const out = path.join(dir, `out-${kinds.join("-")}.xlsx`);
  const r = await run(file, "--out", out);
  expect(r.code).toBe(0);
  const report = PlanReportSchema.parse(JSON.parse(r.stdout));
  expect(report.sheets.map((s) => s.name)).toEqual(["Plan"]);
  expect(report.sheets[0].items).toHaveLength(3);

  const input = new ExcelJS.Workbook();
  await input.xlsx.readFile(file);
  const output = new ExcelJS.Workbook();
  await output.xlsx.readFile(out);
  expect(values(output.getWorksheet("Plan")!)).toEqual(values(input.getWorksheet("Plan")!));
  expect(output.worksheets.map((w) => w.name)).toEqual(["Plan", "PM Summary – Themes", "PM Summary – Owners", "PM Exceptions", "PM History"]);
  // The markers now point at Plan Monitor's own sheets, not at the plan.
  const owned = ownedSheets(output);
  expect([...owned.values()].map((w) => w.name)).not.toContain("Plan");
  expect(owned.get("themes")?.name).toBe("PM Summary – Themes");
  expect(output.definedNames.model.filter((n) => n.ranges.some((ref) => ref.startsWith("'Plan'!") || ref.startsWith("Plan!")))).toEqual([]);

  // And a second run on the output reuses the summaries in place.
  const again = path.join(dir, `again-${kinds.join("-")}.xlsx`);
  expect((await run(out, "--out", again)).code).toBe(0);
  const twice = new ExcelJS.Workbook();
  await twice.xlsx.readFile(again);
  expect(twice.worksheets.map((w) => w.name)).toEqual(output.worksheets.map((w) => w.name));
});

test("a marker that does not point at A1 is not trusted either", async () => {
  const file = await hostileMarkers(["themes"], "Plan", "$B$2");
  const r = await run(file);
  expect(PlanReportSchema.parse(JSON.parse(r.stdout)).sheets.map((s) => s.name)).toEqual(["Plan"]);
});

test("a user's file holding only a marker name is not taken for a Plan Monitor output (--out needs --force)", async () => {
  const file = await hostileMarkers(["themes"], "Other");
  expect(isPlanMonitorOutput(fs.readFileSync(file))).toBe(false);
  const plan = await hostileMarkers([]);
  const r = await run(plan, "--out", file);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/was not written by Plan Monitor; pass --force/);
});
