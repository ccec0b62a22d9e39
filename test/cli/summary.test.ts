// `plan-monitor summary A.xlsx B.xlsx --out board.xlsx`: one portfolio sheet
// whose figures are the sum of the single reports (`check --out` on each file,
// read back from their own summary sheets), exceptions naming file, sheet and
// row, and the inputs' bytes unchanged.
import type ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { PYTHON, testWithOpenpyxl } from "../helpers/requires";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { main } from "../../src/cli/main";
import { defaultSettings } from "../../src/engine/settings";
import { ALL_THEMES, PORTFOLIO_SHEET_NAME, PORTFOLIO_TOTAL } from "../../src/engine/summary/portfolio";
import { textKey } from "../../src/engine/text";
import { writeCopy } from "../../src/xlsx/host";
import { CORPUS } from "../helpers/corpus";
import { findRow, findRowStarting, load, ownedSheet, valueAt } from "../xlsx/summary-helpers";
import { tempDir } from "../helpers/tempDir";

const AS_AT = "2016-11-30";
const NAMES = ["scr-action-plan", "peer-challenge-action-plan", "cqc-monitoring-form"];
const FILES = NAMES.map((n) => path.join(CORPUS, `${n}.xlsx`));
const tmp = tempDir("summary");
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

/** Columns B..I (Blue..% complete) of a row, or of the first row matching. */
const figures = (ws: ExcelJS.Worksheet, r: number, from: number) => Array.from({ length: 7 }, (_, c) => valueAt(ws, r, from + c));

/** A count table's rows (label → Blue..% complete) under the header starting with `label`, up to the totals line. */
function singleTable(ws: ExcelJS.Worksheet, label: string, totalPrefix: string): { rows: Map<string, unknown[]>; total: unknown[] } {
  const header = findRow(ws, label, "Blue");
  const rows = new Map<string, unknown[]>();
  let r = header + 1;
  for (; !String(valueAt(ws, r, 1)).startsWith(totalPrefix); r++) rows.set(String(valueAt(ws, r, 1)), figures(ws, r, 2));
  return { rows, total: figures(ws, r, 2) };
}

/** Rows of a portfolio table under the header (A, B, "Blue"): [A, B, Blue..% complete, Health, Slipped], up to a blank row. */
function portfolioTable(ws: ExcelJS.Worksheet, a: string, b: string, from = 1): unknown[][] {
  let header = -1;
  for (let r = from; r <= ws.rowCount && header < 0; r++) if (valueAt(ws, r, 1) === a && valueAt(ws, r, 2) === b && valueAt(ws, r, 3) === "Blue") header = r;
  expect(header).toBeGreaterThan(0);
  const rows: unknown[][] = [];
  for (let r = header + 1; valueAt(ws, r, 1) !== null; r++) rows.push(Array.from({ length: 11 }, (_, c) => valueAt(ws, r, c + 1)));
  return rows;
}

const sum = (rows: unknown[][]): number[] => [0, 1, 2, 3, 4, 5].map((i) => rows.reduce((n, r) => n + (r[i] as number), 0));

describe("plan-monitor summary", () => {
  const out = path.join(tmp, "board.xlsx");
  let before: string[];
  let board: ExcelJS.Worksheet;
  const singles: { file: string; themes: ExcelJS.Worksheet; owners: ExcelJS.Worksheet; exceptions: ExcelJS.Worksheet; report: Awaited<ReturnType<typeof writeCopy>>["report"] }[] = [];

  beforeAll(async () => {
    before = FILES.map(sha);
    const r = await run("summary", ...FILES, "--as-at", AS_AT, "--out", out);
    expect(r.stderr).toContain(`wrote ${out}`);
    expect(r.code).toBe(0);
    const wb = await load(readFileSync(out));
    board = ownedSheet(wb, "portfolio");
    for (const file of FILES) {
      const { buffer, report } = await writeCopy(readFileSync(file), { asAt: AS_AT, settings: defaultSettings() });
      const single = await load(buffer);
      singles.push({ file: path.basename(file), themes: ownedSheet(single, "themes"), owners: ownedSheet(single, "owners"), exceptions: ownedSheet(single, "exceptions"), report });
    }
  }, 120_000);

  test("the inputs' bytes are unchanged, and the board has one sheet", () => {
    expect(FILES.map(sha)).toEqual(before);
    expect(board.name).toBe(PORTFOLIO_SHEET_NAME);
    expect(board.workbook.worksheets).toHaveLength(1);
  });

  testWithOpenpyxl("openpyxl opens the board", () => {
    const titles = execFileSync(PYTHON, ["-c", "import openpyxl,sys; print(openpyxl.load_workbook(sys.argv[1]).sheetnames)", out], { encoding: "utf8" });
    expect(titles.trim()).toBe(`['${PORTFOLIO_SHEET_NAME}']`);
  });

  test("a row per plan equals that plan's own totals line, and All plans is their sum", () => {
    const plans = portfolioTable(board, "Plan", "Themes");
    expect(plans.map((r) => r[0])).toEqual([...singles.map((s) => s.file), PORTFOLIO_TOTAL]);
    singles.forEach((s, i) => {
      const { rows, total } = singleTable(s.themes, "Theme", "Total");
      expect(plans[i][1]).toBe(`${ALL_THEMES} (${rows.size})`);
      expect(plans[i].slice(2, 9)).toEqual(total);
      // Slipped: the single report's totals line, last column of PM Summary – Themes.
      expect(valueAt(s.themes, findRow(s.themes, "Theme", "Blue"), 15)).toBe("Slipped");
      expect(plans[i][10]).toBe(valueAt(s.themes, findRow(s.themes, "Total"), 15));
    });
    const all = plans[plans.length - 1];
    const summed = sum(singles.map((s) => singleTable(s.themes, "Theme", "Total").total));
    expect(all.slice(2, 8)).toEqual(summed);
    expect(all[8]).toBeCloseTo(summed[0] / summed[5], 10);
    expect(["On track", "At risk", "Off track"]).toContain(all[9]);
    expect(all[10]).toBe(plans.slice(0, -1).reduce((n, r) => n + (r[10] as number), 0));
  });

  test("a row per plan and theme equals that plan's theme row, with its health", () => {
    const rows = portfolioTable(board, "Plan", "Theme");
    let i = 0;
    for (const s of singles) {
      const { rows: themes } = singleTable(s.themes, "Theme", "Total");
      const healthCol = findRow(s.themes, "Theme", "Blue");
      for (const [theme, figs] of themes) {
        expect(rows[i].slice(0, 9)).toEqual([s.file, theme, ...figs]);
        // The single report's Plan health column says the same.
        let r = healthCol + 1;
        while (valueAt(s.themes, r, 1) !== theme) r++;
        expect(rows[i][9]).toBe(valueAt(s.themes, r, 14));
        expect(rows[i][10]).toBe(valueAt(s.themes, r, 15));
        i++;
      }
    }
    expect(rows).toHaveLength(i);
  });

  test("owners across plans: each owner's figures are the sum of that owner's rows in the single reports", () => {
    const start = findRowStarting(board, "Owners across plans");
    const rows = portfolioTable(board, "Owner", "Plans", start);
    const expected = new Map<string, { counts: number[]; files: string[] }>();
    for (const s of singles) {
      for (const [owner, figs] of singleTable(s.owners, "Owner", "Total").rows) {
        const e = expected.get(textKey(owner)) ?? { counts: [0, 0, 0, 0, 0, 0], files: [] };
        figs.slice(0, 6).forEach((v, k) => (e.counts[k] += v as number));
        e.files.push(s.file);
        expected.set(textKey(owner), e);
      }
    }
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) {
      const e = expected.get(textKey(String(row[0])))!;
      expect(row.slice(2, 8)).toEqual(e.counts);
      expect(row[1]).toBe(e.files.join("; "));
    }
  });

  test("every red and amber action of every plan is listed, naming its file, sheet and row", () => {
    const header = findRow(board, "File", "Action", "RAG", "Days overdue");
    expect(header).toBeGreaterThan(0);
    const listed: string[] = [];
    for (let r = header + 1; valueAt(board, r, 1) !== null; r++) listed.push([valueAt(board, r, 1), valueAt(board, r, 8), valueAt(board, r, 7), valueAt(board, r, 3)].join(" | "));
    const expected = singles.flatMap((s) =>
      s.report.sheets.flatMap((sh) => sh.items.filter((it) => it.rag === "red" || it.rag === "amber").map((it) => [s.file, sh.name, it.row, it.rag === "red" ? "Red" : "Amber"].join(" | "))),
    );
    expect([...listed].sort()).toEqual([...expected].sort());
    const redAmber = singles.reduce((n, s) => n + (singleTable(s.themes, "Theme", "Total").total[2] as number) + (singleTable(s.themes, "Theme", "Total").total[3] as number), 0);
    expect(listed).toHaveLength(redAmber);
    const days = Array.from({ length: listed.length }, (_, i) => valueAt(board, header + 1 + i, 4) as number);
    expect([...days].sort((a, b) => b - a)).toEqual(days);
  });
});

describe("plan-monitor summary: usage and failures", () => {
  test.each([
    [["summary", "--out", "b.xlsx"], "summary needs at least one FILE.xlsx"],
    [["summary", "a.xlsx"], "summary needs --out BOARD.xlsx"],
    [["summary", "a.xlsx", "b.xlsx", "--out", "./b.xlsx"], "--out must name a new file"],
  ])("%j → exit 2", async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  test("a file that cannot be read stops it: exit 3, nothing written", async () => {
    const out = path.join(tmp, "not-written.xlsx");
    const r = await run("summary", FILES[0], path.join(tmp, "missing.xlsx"), "--as-at", AS_AT, "--out", out);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("missing.xlsx: no such file");
    expect(existsSync(out)).toBe(false);
  });

  test("a device such as /dev/zero is refused before it is read, and an input as --out is refused", async () => {
    const out = path.join(tmp, "zero-board.xlsx");
    const r = await run("summary", "/dev/zero", FILES[0], "--out", out, "--as-at", AS_AT);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("/dev/zero: this is not a regular file");
    expect(existsSync(out)).toBe(false);
    const before = sha(FILES[0]);
    const same = await run("summary", FILES[1], FILES[0], "--out", path.join(path.dirname(FILES[0]), ".", path.basename(FILES[0])), "--as-at", AS_AT);
    expect(same.code).toBe(2);
    expect(sha(FILES[0])).toBe(before);
  });
});
