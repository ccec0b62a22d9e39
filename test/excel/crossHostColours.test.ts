// A workbook coloured by the command line (the .xlsx host, `--out`) is cleared by
// the add-in, and one coloured by the add-in is cleared by the command line: in
// both directions clearing removes exactly Plan Monitor's rules, and the user's
// own conditional formats stay, in their order, with the priorities they had.
import ExcelJS from "exceljs";
import type { ColourPlan } from "../../src/engine/writeback";
import { gridsFromWorkbook } from "../../src/xlsx/read";
import { COLOUR_MARKER } from "../../src/engine/writeback";
import { clearedByCli, colouredByCli } from "../xlsx/summary-helpers";
import { workbookModelFromExcelJs, workbookModelToExcelJs } from "../../tools/excel-sim/xlsx";
import { exportSnapshot, loadCorpus, simHost } from "../helpers/officeHost";

type Rule = ExcelJS.ConditionalFormattingRule & { priority?: number; formulae?: string[] };
type Entry = { ref: string; rules: Rule[] };
const entriesOf = (ws: ExcelJS.Worksheet): Entry[] => (ws as unknown as { conditionalFormattings: Entry[] }).conditionalFormattings ?? [];
/** Every rule of a sheet as [ref, type, priority], highest priority first. */
const rulesOf = (ws: ExcelJS.Worksheet) =>
  entriesOf(ws)
    .flatMap((e) => e.rules.map((r) => ({ ref: e.ref, type: r.type, priority: r.priority ?? 0, formulae: r.formulae ?? [] })))
    .sort((a, b) => a.priority - b.priority);

const SHEET = "SCR Action Plan";

/** The corpus plan with two rules of the user's own: a cell-value rule (priority 1) and a formula rule (priority 2). */
async function userWorkbook(): Promise<ExcelJS.Workbook> {
  const { workbook } = await loadCorpus("scr-action-plan.xlsx");
  const ws = workbook.getWorksheet(SHEET)!;
  ws.addConditionalFormatting({
    ref: "I4:I40",
    rules: [{ type: "cellIs", operator: "equal", formulae: ['"Complete"'], priority: 1, style: { font: { color: { argb: "FF006100" } } } } as Rule],
  });
  ws.addConditionalFormatting({
    ref: "A4:A40",
    rules: [{ type: "expression", formulae: ['$B4="x"'], priority: 2, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FF00B0F0" } } } } as Rule],
  });
  // As saved and opened again, the way the command line and Excel see it.
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load(await workbook.xlsx.writeBuffer());
  return reread;
}

function planFor(wb: ExcelJS.Workbook): ColourPlan {
  const grid = gridsFromWorkbook(wb).find((g) => g.name === SHEET)!;
  const cells = [];
  for (let r = 3; r < grid.rows.length; r++) if (grid.rows[r]?.[8]) cells.push({ row: r, col: 8, rag: (["red", "amber", "green"] as const)[r % 3] });
  return { sheets: [{ name: SHEET, cells }] };
}

const USER_RULES = [
  { ref: "I4:I40", type: "cellIs", priority: 1, formulae: ['"Complete"'] },
  { ref: "A4:A40", type: "expression", priority: 2, formulae: ['$B4="x"'] },
];

test("coloured by the command line, cleared by the add-in", async () => {
  const users = await userWorkbook();
  const untouched = exportSnapshot(workbookModelFromExcelJs(users));
  expect(rulesOf(users.getWorksheet(SHEET)!)).toEqual(USER_RULES);

  const wb = await colouredByCli(users, planFor(users));
  const coloured = rulesOf(wb.getWorksheet(SHEET)!);
  const ours = coloured.filter((r) => r.formulae.some((f) => f.includes(COLOUR_MARKER)));
  expect(ours.length).toBe(3);
  expect(coloured.slice(0, 3)).toEqual(ours); // on top while applied
  expect(coloured.slice(3).map((r) => r.priority)).toEqual([4, 5]);

  const model = workbookModelFromExcelJs(wb);
  await simHost(model).host.clearColours();
  const sheet = model.sheetByName(SHEET)!;
  expect(sheet.conditionalFormats.map((cf) => cf.sourceRule?.type)).toEqual(["cellIs", "expression"]);
  // What Excel would save: the user's two rules, priorities 1 and 2, nothing else changed.
  expect(rulesOf(workbookModelToExcelJs(model).getWorksheet(SHEET)!)).toEqual(USER_RULES);
  expect(exportSnapshot(model)).toEqual(untouched);
});

test("coloured by the add-in, cleared by the command line", async () => {
  const wb = await userWorkbook();
  const model = workbookModelFromExcelJs(wb);
  const untouched = exportSnapshot(model);
  await simHost(model).host.applyColours(planFor(wb));
  const sheet = model.sheetByName(SHEET)!;
  expect(sheet.conditionalFormats.length).toBe(5);
  expect(sheet.conditionalFormats.slice(0, 3).every((cf) => cf.formula === "=TRUE" && cf.stopIfTrue)).toBe(true);

  // Saved by Excel, opened by the command line.
  const opened = new ExcelJS.Workbook();
  await opened.xlsx.load(await workbookModelToExcelJs(model).xlsx.writeBuffer());
  expect(rulesOf(opened.getWorksheet(SHEET)!).map((r) => r.priority)).toEqual([1, 2, 3, 4, 5]);
  const saved = await clearedByCli(opened);
  expect(rulesOf(saved.getWorksheet(SHEET)!)).toEqual(USER_RULES);
  expect(exportSnapshot(workbookModelFromExcelJs(saved))).toEqual(untouched);
});
