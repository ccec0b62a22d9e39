// The Office host reads the corpus workbooks, through the real Office.js client and
// the in-process Excel, into the same grids as the .xlsx host.
import ExcelJS from "exceljs";
import { gridsFromWorkbook } from "../../src/xlsx/read";
import { workbookModelFromExcelJs } from "../../tools/excel-sim/xlsx";
import { corpusFiles } from "../helpers/corpus";
import { largePlanModel } from "../helpers/largePlan";
import { gridCells, loadCorpus, mergeKeys, simHost } from "../helpers/officeHost";

describe("OfficePlanHost.readGrids on the corpus", () => {
  test.each(corpusFiles())("%s: same values, text, merges and tables as the .xlsx host", async (file) => {
    const { workbook, model } = await loadCorpus(file);
    const expected = gridsFromWorkbook(workbook);
    const { host, backend } = simHost(model);
    const grids = await host.readGrids();

    expect(grids.map((g) => g.name)).toEqual(expected.map((g) => g.name));
    for (const [i, grid] of grids.entries()) {
      const want = expected[i];
      expect(Object.fromEntries(gridCells(grid))).toEqual(Object.fromEntries(gridCells(want)));
      expect(mergeKeys(grid)).toEqual(mergeKeys(want));
      expect((grid.tables ?? []).map((t) => ({ ...t }))).toEqual((want.tables ?? []).map((t) => ({ ...t })));
      expect(grid.ownedByPlanMonitor).toBeUndefined();
    }
    // 3 syncs; nothing is left tracked, so Excel.run sends no release request at the end.
    expect(backend.requestCount).toBe(3);
    expect(host.warnings).toEqual([]);
  });

  test("cells of every kind show the same value and text through both hosts (each host has its own display text)", async () => {
    const written = new ExcelJS.Workbook();
    const ws = written.addWorksheet("Plan");
    const cells: [ExcelJS.CellValue, string?][] = [
      [42],
      [1234.5, "General"],
      [0.25, "0%"],
      [0.125, "0.0%"],
      [1234.567, "#,##0.00"],
      [7, "000"],
      [new Date(Date.UTC(2024, 2, 31)), "dd/mm/yyyy"],
      [new Date(Date.UTC(2023, 8, 5)), "d mmmm yyyy"],
      [new Date(Date.UTC(2025, 0, 1)), "mmm-yy"],
      [45000, "yyyy-mm-dd"],
      [45000.5, "dd/mm/yyyy hh:mm"],
      [true],
      [false],
      [{ error: "#N/A" } as ExcelJS.CellErrorValue],
      [{ formula: "1/0", result: { error: "#DIV/0!" } } as unknown as ExcelJS.CellFormulaValue],
      [{ formula: "A1*2", result: 84 } as ExcelJS.CellFormulaValue, "0.00"],
      [{ richText: [{ text: "Due " }, { font: { bold: true }, text: "March" }] }],
      [{ text: "the policy", hyperlink: "https://example.org/" }],
      ["On track"],
      ["12", "@"],
    ];
    cells.forEach(([value, format], i) => {
      const cell = ws.getCell(i + 1, 1);
      cell.value = value;
      if (format) cell.numFmt = format;
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await written.xlsx.writeBuffer());
    const [expected] = gridsFromWorkbook(wb);
    const { host } = simHost(workbookModelFromExcelJs(wb));
    const [grid] = await host.readGrids();
    expect(gridCells(expected).size).toBe(cells.length);
    expect(Object.fromEntries(gridCells(grid))).toEqual(Object.fromEntries(gridCells(expected)));
  });

  test("a workbook using the 1904 date system is recognised from the dates Excel displays", async () => {
    const written = new ExcelJS.Workbook();
    written.properties.date1904 = true;
    const ws = written.addWorksheet("Plan");
    ws.addRow(["Action", "Due"]);
    for (let i = 0; i < 5; i++) ws.addRow([`Action ${i}`, new Date(Date.UTC(2024, i, 15))]);
    ws.getColumn(2).numFmt = "dd/mm/yyyy";
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await written.xlsx.writeBuffer());
    const expected = gridsFromWorkbook(wb)[0];
    expect(expected.date1904).toBe(true);
    const { host } = simHost(workbookModelFromExcelJs(wb));
    const [grid] = await host.readGrids();
    expect(grid.date1904).toBe(true);
    const values = (g: typeof grid) => [...gridCells(g)].map(([k, c]) => [k, c.value, c.format]);
    expect(values(grid)).toEqual(values(expected));
    // The text is what Excel shows. (The .xlsx host's text for 1904 dates is not
    // shifted and reads "14/01/2020" here: reported, not compared.)
    expect(grid.rows[1]?.[1]?.text).toBe("15/01/2024");
  });

  test("without ExcelApi 1.13 merges are skipped with a warning, not a failure", async () => {
    const { model } = await loadCorpus("scr-action-plan.xlsx");
    const { host } = simHost(model, { excelApiVersion: "1.9" });
    const grids = await host.readGrids();
    expect(grids[0].merges).toEqual([]);
    expect(grids[0].rows.length).toBeGreaterThan(10);
    expect(host.warnings.join(" ")).toMatch(/merged cells/);
  });

  test("two-pass read of a 50,000-row plan: text and formats only for numbers, no request or response above 5 MB", async () => {
    const model = largePlanModel(50_000);
    const { host, backend } = simHost(model);
    const grids = await host.readGrids();
    const g = grids[0];
    expect(g.rows.length).toBe(50_002);
    expect(g.rows[3]?.[3]).toEqual({ value: 45001, text: "16/03/2023", format: "dd/mm/yyyy" });
    expect(g.rows[3]?.[1]).toEqual({ value: "Review the process 1", text: "Review the process 1" });
    expect(g.merges.length).toBe(1 + 2000);
    expect(backend.maxRequestBytes).toBeLessThanOrEqual(5_000_000);
    expect(backend.maxResponseBytes).toBeLessThanOrEqual(5_000_000);
    expect(backend.requests.every((r) => !r.error)).toBe(true);
    // 4 requests: sheets; used ranges (and a sample that sizes the reads); all values
    // and merged areas (about 2 MB); text and formats of the cells holding numbers.
    expect(backend.requestCount).toBe(4);
    const bytes = backend.requests.reduce((n, r) => n + r.responseBytes, 0);
    expect(backend.requestCount).toBeLessThanOrEqual(4 + Math.ceil(bytes / 4_000_000));
    console.log(`readGrids 50,000 rows: ${backend.requestCount} requests, largest request ${backend.maxRequestBytes} bytes, largest response ${backend.maxResponseBytes} bytes`);
  });

  test("when Excel refuses a batch as too large, the host splits it and still reads everything", async () => {
    const model = largePlanModel(20_000);
    // An Excel with a 300 kB limit, a host that believes 4 MB: many refusals, then success.
    const { host, backend } = simHost(model, { payloadLimitBytes: 300_000 });
    const grids = await host.readGrids();
    expect(grids[0].rows.length).toBe(20_002);
    expect(grids[0].rows[20_001]?.[1]?.value).toBe("Review the process 19999");
    expect(grids[0].merges.length).toBe(1 + 800);
    const refused = backend.requests.filter((r) => r.error);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.error === "RequestPayloadSizeLimitExceeded" || r.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
  });
});

test("hidden and very hidden sheets are read as any other and say so (Grid.visibility), in the same 3 requests", async () => {
  const written = new ExcelJS.Workbook();
  for (const [name, state] of [["Open plan", "visible"], ["Hidden plan", "hidden"], ["Very hidden plan", "veryHidden"]] as const) {
    const ws = written.addWorksheet(name, { state });
    ws.addRow(["Action", "Owner", "Status"]);
    ws.addRow([`Review ${name}`, "JF", "On track"]);
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await written.xlsx.writeBuffer());
  const { host, backend } = simHost(workbookModelFromExcelJs(wb));
  const grids = await host.readGrids();
  expect(grids.map((g) => [g.name, g.visibility])).toEqual([
    ["Open plan", undefined],
    ["Hidden plan", "hidden"],
    ["Very hidden plan", "veryHidden"],
  ]);
  expect(grids.every((g) => g.rows[1]?.[0]?.value === `Review ${g.name}`)).toBe(true);
  expect(grids[0]).not.toHaveProperty("visibility");
  expect(backend.requestCount).toBe(3);
});
