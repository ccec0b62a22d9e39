// Slipped dates through the .xlsx host, as a user meets them: `check --out` on a
// plan, the plan's due date moved later in that output, `check --out` again a
// month on, reading the first run's PM History; then `summary` over two plans.
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { main } from "../../src/cli/main";
import { EXCEPTION_SECTIONS } from "../../src/engine/summary";
import { PORTFOLIO_COLUMNS } from "../../src/engine/summary/portfolio";
import { findRow, findRowStarting, load, ownedSheet, valueAt } from "../xlsx/summary-helpers";
import { tempDir } from "../helpers/tempDir";

const tmp = tempDir("slipped");
const MARCH = "2026-03-01";
const APRIL = "2026-04-01";
const MOVED = "Due date moved from 31 March 2026 to 30 June 2026 since the report of 1 March 2026.";

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A plan with two themes; due dates as real dates. */
async function planFile(name: string, dues: string[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Action plan");
  ws.addRow(["Ref", "Action", "Lead", "Target date", "Status"]);
  const rows: (string | Date)[][] = [
    ["Carers"],
    ["1.1", "Publish the carers strategy", "Jo Bloggs", utc(dues[0]), "In progress"],
    ["1.2", "Audit the case files", "Jo Bloggs", utc(dues[1]), "In progress"],
    ["Workforce"],
    ["2.1", "Train the staff", "Sam Smith", utc(dues[2]), "In progress"],
  ];
  for (const r of rows) ws.addRow(r);
  ws.mergeCells("A2:E2");
  ws.mergeCells("A5:E5");
  ws.getColumn(4).numFmt = "dd/mm/yyyy";
  const file = path.join(tmp, name);
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return file;
}

/** The plan in a written file, edited as its owner would for the next report: one due date moved. */
async function moveDue(from: string, to: string, row: number, iso: string): Promise<void> {
  const wb = await load(readFileSync(from));
  wb.getWorksheet("Action plan")!.getCell(row, 4).value = utc(iso);
  writeFileSync(to, new Uint8Array(await wb.xlsx.writeBuffer()));
}

describe("check --out twice, a due date moved later in between", () => {
  const first = path.join(tmp, "march.xlsx");
  const edited = path.join(tmp, "april-plan.xlsx");
  const second = path.join(tmp, "april.xlsx");
  let firstRun: Awaited<ReturnType<typeof run>>;
  let secondRun: Awaited<ReturnType<typeof run>>;
  let json: { sheets: { items: { ref: string; findings: { code: string; message: string; column: string; row: number }[] }[] }[] };
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    const plan = await planFile("plan.xlsx", ["2026-03-31", "2026-04-30", "2026-05-31"]);
    firstRun = await run("check", plan, "--as-at", MARCH, "--out", first);
    await moveDue(first, edited, 3, "2026-06-30");
    secondRun = await run("check", edited, "--as-at", APRIL, "--out", second);
    json = JSON.parse((await run("check", edited, "--as-at", APRIL, "--json")).stdout);
    wb = await load(readFileSync(second));
  }, 60_000);

  test("the first run says nothing slipped; the second gives the finding, in the terminal and in --json", () => {
    expect([firstRun.code, secondRun.code]).toEqual([0, 0]);
    expect(firstRun.stdout).not.toContain("Due date moved");
    expect(secondRun.stdout).toContain(MOVED);
    const slips = json.sheets.flatMap((s) => s.items.flatMap((i) => i.findings.filter((f) => f.code === "date-slipped").map((f) => ({ ref: i.ref, ...f }))));
    expect(slips).toEqual([{ ref: "1.1", code: "date-slipped", column: "D", row: 3, severity: "warning", message: MOVED }]);
  });

  test("PM History holds both reports with each action's due date", () => {
    const ws = ownedSheet(wb, "history");
    const header = findRow(ws, "As at", "Sheet", "Row", "Ref", "Action (start)", "RAG", "Due");
    expect(header).toBeGreaterThan(0);
    const rows: unknown[][] = [];
    for (let r = header + 1; valueAt(ws, r, 1) !== null; r++) rows.push([valueAt(ws, r, 1), valueAt(ws, r, 4), valueAt(ws, r, 7)]);
    expect(rows).toEqual([
      [MARCH, "1.1", "2026-03-31"],
      [MARCH, "1.2", "2026-04-30"],
      [MARCH, "2.1", "2026-05-31"],
      [APRIL, "1.1", "2026-06-30"],
      [APRIL, "1.2", "2026-04-30"],
      [APRIL, "2.1", "2026-05-31"],
    ]);
  });

  test("PM Exceptions has a Slipped section listing the action and how its date moved", () => {
    const ws = ownedSheet(wb, "exceptions");
    const start = findRowStarting(ws, EXCEPTION_SECTIONS.slipped);
    expect(valueAt(ws, start, 1)).toBe(`${EXCEPTION_SECTIONS.slipped} – due date moved later (1)`);
    expect([valueAt(ws, start + 1, 3), valueAt(ws, start + 1, 6), valueAt(ws, start + 1, 8), valueAt(ws, start + 1, 9)]).toEqual([
      "1.1",
      "30 Jun 2026",
      MOVED,
      "Action plan, row 3",
    ]);
  });

  test("PM Summary – Themes counts the slipped action under its theme and in the total", () => {
    const ws = ownedSheet(wb, "themes");
    const header = findRow(ws, "Theme", "Blue");
    expect(valueAt(ws, header, 15)).toBe("Slipped");
    expect([1, 2, 3].map((i) => [valueAt(ws, header + i, 1), valueAt(ws, header + i, 15)])).toEqual([
      ["Carers", 1],
      ["Workforce", 0],
      ["Total", 1],
    ]);
  });

  test("plan-monitor summary shows Slipped per plan and theme, and a progress line per file", async () => {
    const other = await planFile("other.xlsx", ["2026-03-31", "2026-04-30", "2026-05-31"]);
    const board = path.join(tmp, "board.xlsx");
    const r = await run("summary", second, other, "--as-at", APRIL, "--out", board);
    expect(r.code).toBe(0);
    expect(r.stderr.split("\n").filter((l) => l.startsWith("plan-monitor: reading"))).toEqual([
      `plan-monitor: reading ${second} (1 of 2)`,
      `plan-monitor: reading ${other} (2 of 2)`,
    ]);
    const ws = ownedSheet(await load(readFileSync(board)), "portfolio");
    const col = PORTFOLIO_COLUMNS.slipped + 1;
    const plans = findRow(ws, "Plan", "Themes", "Blue");
    expect(valueAt(ws, plans, col)).toBe("Slipped");
    expect([1, 2, 3].map((i) => [valueAt(ws, plans + i, 1), valueAt(ws, plans + i, col)])).toEqual([
      ["april.xlsx", 1],
      ["other.xlsx", 0],
      ["All plans", 1],
    ]);
    const byTheme = findRow(ws, "Plan", "Theme", "Blue");
    expect([1, 2, 3, 4].map((i) => [valueAt(ws, byTheme + i, 1), valueAt(ws, byTheme + i, 2), valueAt(ws, byTheme + i, col)])).toEqual([
      ["april.xlsx", "Carers", 1],
      ["april.xlsx", "Workforce", 0],
      ["other.xlsx", "Carers", 0],
      ["other.xlsx", "Workforce", 0],
    ]);
  });

  test("one file: no progress line", async () => {
    const r = await run("summary", second, "--as-at", APRIL, "--out", path.join(tmp, "one.xlsx"));
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("plan-monitor: reading");
  });
});
