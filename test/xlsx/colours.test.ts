// RAG colouring in .xlsx files is conditional formatting Plan Monitor can take
// away again: values, fills and fonts are never touched, colouring twice is
// colouring once, and a user's own conditional formats come back as they were.
import type ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { colourPlanFor } from "../../src/engine/colour";
import { columnLetter } from "../../src/engine/grid";
import { defaultSettings } from "../../src/engine/settings";
import { colourWorkbook, scanWorkbook } from "../../src/engine/workflow";
import { RAG_FILL } from "../../src/engine/writeback";
import { XlsxHost } from "../../src/xlsx/host";
import { COLOUR_MARKER } from "../../src/engine/writeback";
import { compactRanges } from "../../src/xlsx/colour-part";
import { corpusEntries } from "../helpers/corpus";
import { cellFormats, conditionalFormats, edited, load, reopen } from "./summary-helpers";

type Rule = { type: string; formulae?: string[]; priority?: number; style?: { fill?: { bgColor?: { argb?: string } } } };
type Entry = { ref: string; rules: Rule[] };
const entries = (ws: ExcelJS.Worksheet): Entry[] => (ws as unknown as { conditionalFormattings: Entry[] }).conditionalFormattings ?? [];
const ours = (ws: ExcelJS.Worksheet): Entry[] => entries(ws).filter((e) => e.rules.some((r) => (r.formulae ?? []).some((f) => f.includes(COLOUR_MARKER))));

/** Does an sqref like "E5:E9 E12" cover this cell? */
function covers(sqref: string, col: string, row: number): boolean {
  return sqref.split(" ").some((part) => {
    const [a, b = a] = part.split(":");
    const [, c1, r1] = /^([A-Z]+)(\d+)$/.exec(a)!;
    const [, , r2] = /^([A-Z]+)(\d+)$/.exec(b)!;
    return c1 === col && row >= Number(r1) && row <= Number(r2);
  });
}

describe.each(corpusEntries())("colouring: $name", ({ workbook, asAt }) => {
  const settings = defaultSettings();

  test("each item's status cell gets its RAG fill, from a rule that is marked as Plan Monitor's", async () => {
    const host = await XlsxHost.fromBuffer(readFileSync(workbook));
    const report = await scanWorkbook(host, { asAt, settings });
    await colourWorkbook(host, report);
    const wb = await load(await host.toBuffer());
    const plan = colourPlanFor(report);
    for (const sheet of plan.sheets) {
      const rules = ours(wb.getWorksheet(sheet.name)!);
      expect(rules.length).toBeGreaterThan(0);
      for (const cell of sheet.cells) {
        const col = columnLetter(cell.col);
        const hit = rules.filter((e) => covers(e.ref, col, cell.row + 1));
        expect(hit).toHaveLength(1);
        expect(hit[0].rules[0].style?.fill?.bgColor?.argb).toBe(`FF${RAG_FILL[cell.rag].slice(1)}`);
      }
    }
  });

  test("colour then clear leaves every cell's value, fill and font exactly as before", async () => {
    const original = await load(readFileSync(workbook));
    const host = await XlsxHost.fromBuffer(readFileSync(workbook));
    await colourWorkbook(host, await scanWorkbook(host, { asAt, settings }));
    const coloured = await reopen(host);
    await coloured.clearColours();
    const cleared = await load(await coloured.toBuffer());
    expect(cellFormats(cleared)).toEqual(cellFormats(original));
    expect(conditionalFormats(cleared)).toEqual(conditionalFormats(original));
  });

  test("colouring twice is the same as colouring once", async () => {
    const host = await XlsxHost.fromBuffer(readFileSync(workbook));
    const report = await scanWorkbook(host, { asAt, settings });
    await colourWorkbook(host, report);
    const once = await load(await host.toBuffer());
    const again = await reopen(host);
    await colourWorkbook(again, report);
    const twice = await load(await again.toBuffer());
    expect(conditionalFormats(twice)).toEqual(conditionalFormats(once));
    expect(cellFormats(twice)).toEqual(cellFormats(once));
  });
});

describe("a user's own conditional formats", () => {
  const { workbook, asAt } = corpusEntries().find((e) => e.name === "scr-action-plan")!;

  test("ours take priority while applied; clearing gives the user's rules back exactly", async () => {
    const host = await XlsxHost.fromBuffer(readFileSync(workbook));
    const report = await scanWorkbook(host, { asAt, settings: defaultSettings() });
    const status = report.sheets[0].columns.status!;
    const withUsers = await edited(host, (wb) =>
      wb.getWorksheet(report.sheets[0].name)!.addConditionalFormatting({
        ref: `${status}1:${status}200`,
        rules: [{ type: "containsText", operator: "containsText", text: "Green", priority: 1, style: { font: { bold: true } } } as ExcelJS.ConditionalFormattingRule],
      }),
    );
    const before = conditionalFormats(await load(await withUsers.toBuffer()));

    await colourWorkbook(withUsers, report);
    const coloured = await reopen(withUsers);
    const sheet = (await load(await coloured.toBuffer())).getWorksheet(report.sheets[0].name)!;
    const ourPriorities = ours(sheet).flatMap((e) => e.rules.map((r) => r.priority!));
    const theirs = entries(sheet).flatMap((e) => e.rules).filter((r) => r.type === "containsText");
    expect(Math.max(...ourPriorities)).toBeLessThan(theirs[0].priority!);

    await coloured.clearColours();
    expect(conditionalFormats(await load(await coloured.toBuffer()))).toEqual(before);
  });
});

test("compactRanges joins consecutive rows of a column", () => {
  expect(compactRanges([{ row: 4, col: 4 }, { row: 5, col: 4 }, { row: 6, col: 4 }, { row: 9, col: 4 }, { row: 2, col: 0 }])).toEqual(["A3", "E5:E7", "E10"]);
});

test("rules the add-in wrote (=TRUE with a RAG fill) are replaced, not doubled; other =TRUE rules are the user's", async () => {
  const { workbook, asAt } = corpusEntries().find((e) => e.name === "scr-action-plan")!;
  const host = await XlsxHost.fromBuffer(readFileSync(workbook));
  const report = await scanWorkbook(host, { asAt, settings: defaultSettings() });
  const addIns = { type: "expression", formulae: ["TRUE"], stopIfTrue: true, priority: 1, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${RAG_FILL.red.slice(1)}` } } } };
  const users = { type: "expression", formulae: ["TRUE"], priority: 2, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FF00B0F0" } } } };
  const reopened = await edited(host, (wb) => {
    const ws = wb.getWorksheet(report.sheets[0].name)!;
    ws.addConditionalFormatting({ ref: "I5:I9", rules: [addIns as ExcelJS.ConditionalFormattingRule] });
    ws.addConditionalFormatting({ ref: "A1", rules: [users as ExcelJS.ConditionalFormattingRule] });
  });
  await reopened.clearColours();
  const left = entries((await load(await reopened.toBuffer())).getWorksheet(report.sheets[0].name)!);
  expect(left.map((e) => e.ref)).toEqual(["A1"]);
});
