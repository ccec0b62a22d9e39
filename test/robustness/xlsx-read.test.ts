// The .xlsx reader's own robustness: merged areas load in linear time (exceljs
// alone is quadratic in them) and give exactly the grids exceljs alone gives;
// overlapping merged areas, which Excel itself calls damaged, are refused in
// plain words.
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { analyseWorkbook } from "../../src/engine/analyse";
import { gridsFromWorkbook, readWorkbookBuffer, WorkbookReadError } from "../../src/xlsx/read";
import { handWrittenXlsx, mergedPlan } from "../helpers/fixtures";
import { tempDir } from "../helpers/tempDir";

test("a plan with 4,000 merged areas reads as exceljs alone reads it, and in linear time", async () => {
  const data = await mergedPlan(4000);
  // exceljs on its own first (the reader's fix applies from its first use in this file).
  const plain = new ExcelJS.Workbook();
  const start = performance.now();
  await plain.xlsx.load(data as unknown as ArrayBuffer);
  const plainMs = performance.now() - start;
  const expected = gridsFromWorkbook(plain);

  const t = performance.now();
  const { grids } = await readWorkbookBuffer(data);
  const ms = performance.now() - t;
  expect(grids).toEqual(expected);
  expect(grids[0].merges).toHaveLength(4000);
  const report = analyseWorkbook(grids, { asAt: "2020-06-15" });
  expect(report.sheets[0].items).toHaveLength(8000);
  // Sub-action rows take the action merged down over them.
  expect(report.sheets[0].items[1].cells.text).toBe("C3");
  // Loading 4,000 merges costs exceljs ~8 million comparisons; the reader does not make them.
  expect(ms).toBeLessThan(Math.max(plainMs, 1000));
}, 60_000);

test("overlapping merged areas: the workbook is damaged (Excel offers to repair it)", async () => {
  await expect(readWorkbookBuffer(handWrittenXlsx('<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>'))).rejects.toEqual(
    new WorkbookReadError(
      "the workbook is damaged or not a valid .xlsx file (two merged areas on one sheet overlap); open it in Excel to repair it, or get a fresh copy, and try again",
    ),
  );
});

test("merged areas that only touch, a one-cell merge and a merge across a whole row all load", async () => {
  const { grids } = await readWorkbookBuffer(
    handWrittenXlsx('<mergeCells count="4"><mergeCell ref="A5:B6"/><mergeCell ref="C5:D6"/><mergeCell ref="E5"/><mergeCell ref="A7:XFD7"/></mergeCells>'),
  );
  expect(grids[0].merges).toEqual([
    { top: 4, left: 0, bottom: 5, right: 1 },
    { top: 4, left: 2, bottom: 5, right: 3 },
    { top: 4, left: 4, bottom: 4, right: 4 },
    { top: 6, left: 0, bottom: 6, right: 16383 },
  ]);
  const report = analyseWorkbook(grids, { asAt: "2020-06-15" });
  expect(report.sheets[0].items.map((i) => [i.row, i.owners, i.due])).toEqual([[2, ["Jo Bloggs"], "2020-09-30"]]);
});

test("a hand-written minimal workbook is read by the command line", async () => {
  const { writeFileSync } = await import("node:fs");
  const { default: path } = await import("node:path");
  const file = path.join(tempDir("xlsx"), "minimal.xlsx");
  writeFileSync(file, handWrittenXlsx());
  let out = "";
  let err = "";
  const code = await main(["check", file, "--json", "--as-at", "2020-06-15"], { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  expect([code, err]).toEqual([0, ""]);
  expect(JSON.parse(out).sheets[0].items).toHaveLength(1);
});
