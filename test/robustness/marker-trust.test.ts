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
import { ownedSheets } from "../../src/xlsx/owned-sheets";
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

describe("a workbook whose markers were lost (every PlanMonitor_* name removed from a check --out output)", () => {
  const lostReason = (sheet: string) => `looks like one of Plan Monitor's summary sheets (${sheet}) whose marker was lost; it is not read as a plan`;
  const SUMMARIES = ["PM Summary – Themes", "PM Summary – Owners", "PM Exceptions", "PM Portfolio", "PM History"];
  let original: ReturnType<typeof PlanReportSchema.parse>;
  let stripped: string;
  let second: { code: number; stdout: string; stderr: string };
  let out: string;

  beforeAll(async () => {
    // Two plan sheets, so the output holds every kind of summary (the portfolio too).
    const wb = new ExcelJS.Workbook();
    for (const name of ["Plan", "Plan B"]) {
      const ws = wb.addWorksheet(name);
      ws.addRow(HEADER);
      for (const r of ACTIONS) ws.addRow(r);
    }
    const plan = path.join(dir, "lost-plan.xlsx");
    fs.writeFileSync(plan, Buffer.from(await wb.xlsx.writeBuffer()));
    const first = path.join(dir, "lost-first.xlsx");
    const r = await run(plan, "--out", first);
    expect(r.code).toBe(0);
    original = PlanReportSchema.parse(JSON.parse(r.stdout));

    const output = new ExcelJS.Workbook();
    await output.xlsx.readFile(first);
    expect(output.worksheets.map((w) => w.name)).toEqual(["Plan", "Plan B", ...SUMMARIES]);
    expect(output.definedNames.model.filter((n) => n.name.startsWith("PlanMonitor_")).length).toBe(5);
    output.definedNames.model = output.definedNames.model.filter((n) => !n.name.toLowerCase().startsWith("planmonitor_"));
    stripped = path.join(dir, "lost-stripped.xlsx");
    await output.xlsx.writeFile(stripped);
    out = path.join(dir, "lost-again.xlsx");
    second = await run(stripped, "--out", out, "--force");
  }, 60_000);

  test("the counts equal the original plan's: the old summaries are not read as plans", () => {
    expect(second.code).toBe(0);
    const again = PlanReportSchema.parse(JSON.parse(second.stdout));
    expect(again.sheets.map((s) => [s.name, s.items.length])).toEqual(original.sheets.map((s) => [s.name, s.items.length]));
    expect(again.sheets.map((s) => s.items.map((i) => [i.ref, i.rag]))).toEqual(original.sheets.map((s) => s.items.map((i) => [i.ref, i.rag])));
  });

  test("each old summary is skipped with the plain reason", () => {
    const again = PlanReportSchema.parse(JSON.parse(second.stdout));
    expect(again.skipped).toEqual(SUMMARIES.map((name) => ({ name, reason: lostReason(name) })));
  });

  test("the old summaries are not trusted as ours: left as they were, the new ones go to fresh sheets", async () => {
    const input = new ExcelJS.Workbook();
    await input.xlsx.readFile(stripped);
    const output = new ExcelJS.Workbook();
    await output.xlsx.readFile(out);
    for (const ws of input.worksheets) {
      const kept = output.getWorksheet(ws.name)!;
      expect(values(kept)).toEqual(values(ws));
      // Never coloured: no rule added to any of the old sheets.
      const rules = (w: ExcelJS.Worksheet) => (w as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings?.length ?? 0;
      if (SUMMARIES.includes(ws.name)) expect(rules(kept)).toBe(rules(ws));
    }
    expect(output.worksheets.map((w) => w.name)).toEqual(["Plan", "Plan B", ...SUMMARIES, ...SUMMARIES.map((n) => `${n} (2)`)]);
    expect([...ownedSheets(output)].map(([kind, ws]) => [kind, ws.name]).sort()).toEqual(
      [["themes", 0], ["owners", 1], ["exceptions", 2], ["portfolio", 3], ["history", 4]].map(([k, i]) => [k, `${SUMMARIES[i as number]} (2)`]).sort(),
    );
    expect(second.stderr).toContain("PM Summary – Themes (2)");
  });

  test("a plan whose A1 merely has Plan Monitor's title, over a real plan table, is still read", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Exceptions plan");
    ws.addRow(["Plan Monitor – Exceptions"]);
    ws.addRow(HEADER);
    for (const r of ACTIONS) ws.addRow(r);
    const file = path.join(dir, "titled-plan.xlsx");
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const report = PlanReportSchema.parse(JSON.parse((await run(file)).stdout));
    expect(report.sheets.map((s) => [s.name, s.items.length])).toEqual([["Exceptions plan", 3]]);
    expect(report.skipped).toEqual([]);
  });
});
