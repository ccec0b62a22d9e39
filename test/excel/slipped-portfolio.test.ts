// Slipped dates and the portfolio through the Office host on the in-memory Excel
// (the real Office.js client), by the shared workflow: two reports a month apart
// with a due date moved later in between; a workbook holding two plan sheets gets
// the portfolio, whose figures equal each sheet's own report cell by cell, and
// equal what the .xlsx host writes for the same workbook.
import ExcelJS from "exceljs";
import { defaultSettings } from "../../src/engine/settings";
import { EXCEPTION_SECTIONS, parseHistory } from "../../src/engine/summary";
import { ownedGridValues } from "../../src/engine/owned";
import { PORTFOLIO_COLUMNS, PORTFOLIO_TOTAL } from "../../src/engine/summary/portfolio";
import type { PlanHost } from "../../src/engine/host";
import type { PlanReport } from "../../src/engine/report";
import type { SheetCellValue } from "../../src/engine/writeback";
import { buildSummaries, colourWorkbook, scanWorkbook } from "../../src/engine/workflow";
import { XlsxHost } from "../../src/xlsx/host";
import { workbookModelFromExcelJs } from "../../tools/excel-sim/xlsx";
import type { WorkbookModel } from "../../tools/excel-sim/model";
import { simHost } from "../helpers/officeHost";
import { hostOf } from "../xlsx/summary-helpers";

const MARCH = "2026-03-01";
const APRIL = "2026-04-01";
const settings = defaultSettings();
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const serial = (iso: string) => utc(iso).getTime() / 86_400_000 + 25569;

interface PlanSheet {
  name: string;
  /** [theme, [ref, action, due ISO, status][]] */
  themes: [string, [string, string, string, string][]][];
}

const CARERS: PlanSheet = {
  name: "Carers plan",
  themes: [
    ["Carers", [["1.1", "Publish the carers strategy", "2026-03-31", "In progress"], ["1.2", "Audit the case files", "2026-02-15", "Delayed"]]],
    ["Young carers", [["2.1", "Survey young carers", "2026-05-31", "Complete"], ["2.2", "Open a drop-in", "2026-01-31", ""]]],
  ],
};
const WORKFORCE: PlanSheet = {
  name: "Workforce plan",
  themes: [["Training", [["1.1", "Train the staff", "2026-02-28", "In progress"], ["1.2", "Appoint a lead", "2026-06-30", "In progress"], ["1.3", "Review supervision", "2026-03-20", ""]]]],
};

/** Row (1-based) of an action in its sheet, as the workbook below lays it out. */
function rowOf(sheet: PlanSheet, ref: string): number {
  let r = 1; // the header
  for (const [, actions] of sheet.themes) {
    r++; // the theme's row
    for (const [own] of actions) {
      r++;
      if (own === ref) return r;
    }
  }
  throw new Error(ref);
}

async function workbook(sheets: PlanSheet[]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow(["Ref", "Action", "Lead", "Target date", "Status"]);
    for (const [theme, actions] of s.themes) {
      ws.addRow([theme]);
      ws.mergeCells(ws.rowCount, 1, ws.rowCount, 5);
      for (const [ref, action, due, status] of actions) ws.addRow([ref, action, "Jo Bloggs", utc(due), status]);
    }
    ws.getColumn(4).numFmt = "dd/mm/yyyy";
  }
  // Through a saved file, as a user's workbook arrives.
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(await wb.xlsx.writeBuffer());
  return loaded;
}

async function report(host: PlanHost, asAt: string): Promise<PlanReport> {
  const r = await scanWorkbook(host, { asAt, settings });
  await colourWorkbook(host, r);
  await buildSummaries(host, r, settings);
  return r;
}

/** March, then Carers 1.1 moved from 31 March to 30 June, then April: on the in-memory Excel. */
async function officeRuns(sheets: PlanSheet[]): Promise<{ model: WorkbookModel; host: PlanHost; april: PlanReport }> {
  const model = workbookModelFromExcelJs(await workbook(sheets));
  const { host } = simHost(model);
  await report(host, MARCH);
  const carers = sheets.find((s) => s === CARERS);
  if (carers) model.sheetByName(carers.name)!.setValue(rowOf(carers, "1.1") - 1, 3, serial("2026-06-30"), "dd/mm/yyyy");
  return { model, host, april: await report(host, APRIL) };
}

/** The same on the .xlsx host, saved and reopened between the runs and after them. */
async function xlsxRuns(sheets: PlanSheet[]): Promise<XlsxHost> {
  const host = await hostOf(await workbook(sheets));
  await report(host, MARCH);
  const later = await XlsxHost.fromBuffer(await host.toBuffer());
  const carers = sheets.find((s) => s === CARERS);
  if (carers) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await later.toBuffer()) as unknown as ArrayBuffer);
    wb.getWorksheet(carers.name)!.getCell(rowOf(carers, "1.1"), 4).value = utc("2026-06-30");
    const edited = await hostOf(wb);
    await report(edited, APRIL);
    return XlsxHost.fromBuffer(await edited.toBuffer());
  }
  await report(later, APRIL);
  // The copy as the next run opens it (the host reads the file as it was loaded).
  return XlsxHost.fromBuffer(await later.toBuffer());
}

const owned = async (host: PlanHost, kind: string): Promise<SheetCellValue[][]> => {
  const values = await host.readOwnedSheet(kind);
  if (!values) throw new Error(`no ${kind} sheet`);
  return values;
};
const rowStarting = (values: SheetCellValue[][], prefix: string): number => values.findIndex((r) => typeof r[0] === "string" && r[0].startsWith(prefix));
const rowWith = (values: SheetCellValue[][], ...cells: SheetCellValue[]): number => values.findIndex((r) => cells.every((c, i) => r[i] === c));
const trimEnd = (row: SheetCellValue[]): SheetCellValue[] => {
  let end = row.length;
  while (end > 0 && row[end - 1] === null) end--;
  return row.slice(0, end);
};
const MOVED = "Due date moved from 31 March 2026 to 30 June 2026 since the report of 1 March 2026.";

describe("slipped dates through the Office host", () => {
  let run: Awaited<ReturnType<typeof officeRuns>>;
  beforeAll(async () => {
    run = await officeRuns([CARERS]);
  }, 60_000);

  test("the second scan reads the history and gives the finding on the due cell", () => {
    const slips = run.april.sheets[0].items.flatMap((i) => i.findings.filter((f) => f.code === "date-slipped").map((f) => [i.ref, f.column, f.row, f.message]));
    expect(slips).toEqual([["1.1", "D", rowOf(CARERS, "1.1"), MOVED]]);
  });

  test("PM History records each action's due date in each report", async () => {
    const values = await owned(run.host, "history");
    const header = rowWith(values, "As at", "Sheet", "Row", "Ref", "Action (start)", "RAG", "Due");
    expect(header).toBeGreaterThan(0);
    const firstOf = (asAt: string) => values.slice(header + 1).find((r) => r[0] === asAt && r[3] === "1.1")?.[6];
    expect([firstOf(MARCH), firstOf(APRIL)]).toEqual(["2026-03-31", "2026-06-30"]);
  });

  test("PM Exceptions lists it under Slipped; PM Summary – Themes counts it for its theme", async () => {
    const exceptions = await owned(run.host, "exceptions");
    const start = rowStarting(exceptions, EXCEPTION_SECTIONS.slipped);
    expect(exceptions[start][0]).toBe(`${EXCEPTION_SECTIONS.slipped} – due date moved later (1)`);
    expect([exceptions[start + 1][2], exceptions[start + 1][7]]).toEqual(["1.1", MOVED]);
    const themes = await owned(run.host, "themes");
    const header = rowWith(themes, "Theme", "Blue");
    expect(themes[header][14]).toBe("Slipped");
    expect([1, 2, 3].map((i) => [themes[header + i][0], themes[header + i][14]])).toEqual([
      ["Carers", 1],
      ["Young carers", 0],
      ["Total", 1],
    ]);
  });

  test("one plan sheet: no portfolio", async () => {
    expect(await run.host.readOwnedSheet("portfolio")).toBeNull();
  });
});

describe("the scan takes the history from the grids it reads: the same as readOwnedSheet gives", () => {
  test.each([
    ["Office", async () => (await officeRuns([CARERS])).host],
    ["xlsx", () => xlsxRuns([CARERS])],
  ] as [string, () => Promise<PlanHost>][])("%s host", async (_name, runs) => {
    const host = await runs();
    const grids = await host.readGrids();
    expect(grids.filter((g) => g.ownedByPlanMonitor).map((g) => g.ownedKind).sort()).toEqual(["exceptions", "history", "owners", "themes"]);
    const fromGrids = ownedGridValues(grids, "history");
    const fromSheet = await owned(host, "history");
    // Value for value (dates as serials or ISO text, numbers as numbers), trailing empty cells aside.
    expect(fromGrids?.map(trimEnd)).toEqual(fromSheet.map(trimEnd));
    const reading = parseHistory(fromGrids);
    expect(reading).toEqual(parseHistory(fromSheet));
    expect(reading.ok && reading.history.snapshots.map((s) => s.asAt)).toEqual([MARCH, APRIL]);
    expect(ownedGridValues(grids, "portfolio")).toBeNull();
  }, 60_000);
});

describe("a workbook with two plan sheets gets the portfolio", () => {
  let portfolio: SheetCellValue[][];
  const singles = new Map<string, SheetCellValue[][]>();
  let xlsxPortfolio: SheetCellValue[][];

  beforeAll(async () => {
    const both = await officeRuns([CARERS, WORKFORCE]);
    portfolio = await owned(both.host, "portfolio");
    for (const sheet of [CARERS, WORKFORCE]) singles.set(sheet.name, await owned((await officeRuns([sheet])).host, "themes"));
    xlsxPortfolio = await owned(await xlsxRuns([CARERS, WORKFORCE]), "portfolio");
  }, 120_000);

  /** Rows of a portfolio table under its header (first, second, "Blue"), down to a blank row. */
  const table = (first: string, second: string): SheetCellValue[][] => {
    const header = rowWith(portfolio, first, second, "Blue");
    expect(portfolio[header][PORTFOLIO_COLUMNS.slipped]).toBe("Slipped");
    const rows: SheetCellValue[][] = [];
    for (let r = header + 1; portfolio[r]?.[0]; r++) rows.push(portfolio[r]);
    return rows;
  };
  /** A single report's theme rows and totals line, as portfolio figures: Blue..% complete, health, slipped. */
  const singleRows = (sheet: string): [SheetCellValue, SheetCellValue[]][] => {
    const themes = singles.get(sheet)!;
    const header = rowWith(themes, "Theme", "Blue");
    const out: [SheetCellValue, SheetCellValue[]][] = [];
    for (let r = header + 1; themes[r]?.[0]; r++) out.push([themes[r][0], [...themes[r].slice(1, 8), themes[r][13], themes[r][14]]]);
    return out;
  };
  const figures = (row: SheetCellValue[]) => row.slice(PORTFOLIO_COLUMNS.firstRag, PORTFOLIO_COLUMNS.slipped + 1);

  test("a row per sheet equals that sheet's own totals line, cell by cell", () => {
    const plans = table("Plan", "Themes");
    expect(plans.map((r) => r[0])).toEqual([CARERS.name, WORKFORCE.name, PORTFOLIO_TOTAL]);
    for (const [i, sheet] of [CARERS, WORKFORCE].entries()) {
      const rows = singleRows(sheet.name);
      const [label, total] = rows[rows.length - 1];
      expect(label).toBe("Total");
      expect(figures(plans[i])).toEqual(total);
    }
    expect(figures(plans[2])[PORTFOLIO_COLUMNS.slipped - PORTFOLIO_COLUMNS.firstRag]).toBe(1);
  });

  test("a row per sheet and theme equals that sheet's theme row, cell by cell", () => {
    const expected = [CARERS, WORKFORCE].flatMap((sheet) => singleRows(sheet.name).slice(0, -1).map(([theme, figs]) => [sheet.name, theme, ...figs]));
    expect(table("Plan", "Theme").map((r) => r.slice(0, PORTFOLIO_COLUMNS.slipped + 1))).toEqual(expected);
  });

  test("the exceptions across plans name the sheet as the plan", () => {
    const header = rowWith(portfolio, "Plan", "Action", "RAG");
    expect(header).toBeGreaterThan(0);
    const late = portfolio.slice(header + 1).filter((r) => r[0] === CARERS.name || r[0] === WORKFORCE.name);
    expect(late.every((r) => r[7] === r[0])).toBe(true);
    expect(late.length).toBeGreaterThan(0);
  });

  test("the .xlsx host writes the same portfolio, cell by cell", () => {
    // Hosts differ only in how a row's empty end reads back (Excel reports the used width; exceljs stops at the last value).
    const cells = (values: SheetCellValue[][]) => values.map((row) => trimEnd(row.map((v) => (v === "" ? null : v))));
    expect(cells(xlsxPortfolio)).toEqual(cells(portfolio));
    expect(portfolio.length).toBeGreaterThan(20);
  });
});
