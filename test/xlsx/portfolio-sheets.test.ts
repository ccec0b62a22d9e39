// A corpus workbook with five plan sheets (peer-challenge: one sheet per theme of
// the peer challenge) gets PM Portfolio from the summary, with each sheet a plan:
// its figures equal, cell by cell, the summary of each sheet on its own (the
// workbook with the other sheets removed), and the Office host on the in-memory
// Excel writes the same portfolio as `check --out`.
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { defaultSettings } from "../../src/engine/settings";
import { PORTFOLIO_COLUMNS, PORTFOLIO_TOTAL } from "../../src/engine/summary/portfolio";
import type { SheetCellValue } from "../../src/engine/writeback";
import { buildSummaries, colourWorkbook, scanWorkbook } from "../../src/engine/workflow";
import { writeCopy, XlsxHost } from "../../src/xlsx/host";
import { CORPUS } from "../helpers/corpus";
import { loadCorpus, simHost } from "../helpers/officeHost";

const FILE = "peer-challenge-action-plan.xlsx";
const AS_AT = "2016-11-30";
const settings = defaultSettings();

async function owned(buffer: Buffer, kind: string): Promise<SheetCellValue[][]> {
  const values = await (await XlsxHost.fromBuffer(buffer)).readOwnedSheet(kind);
  if (!values) throw new Error(`no ${kind} sheet`);
  return values;
}

/** The workbook with only this sheet left: the plan on its own. */
async function only(sheet: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path.join(CORPUS, FILE)) as unknown as ArrayBuffer);
  for (const ws of [...wb.worksheets]) if (ws.name !== sheet) wb.removeWorksheet(ws.id);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const rowWith = (values: SheetCellValue[][], ...cells: SheetCellValue[]): number => values.findIndex((r) => cells.every((c, i) => r[i] === c));
const trimEnd = (row: SheetCellValue[]): SheetCellValue[] => {
  const out = row.map((v) => (v === "" ? null : v));
  while (out.length && out[out.length - 1] === null) out.pop();
  return out;
};

describe(`${FILE}: five plan sheets, one portfolio`, () => {
  let portfolio: SheetCellValue[][];
  let sheets: string[];
  const alone = new Map<string, SheetCellValue[][]>();

  beforeAll(async () => {
    const { buffer, report } = await writeCopy(readFileSync(path.join(CORPUS, FILE)), { asAt: AS_AT, settings });
    sheets = report.sheets.map((s) => s.name);
    portfolio = await owned(buffer, "portfolio");
    for (const sheet of sheets) alone.set(sheet, await owned((await writeCopy(await only(sheet), { asAt: AS_AT, settings })).buffer, "themes"));
  }, 120_000);

  /** A table of the portfolio under (first, second, "Blue"), down to a blank row. */
  function table(first: string, second: string): SheetCellValue[][] {
    const header = rowWith(portfolio, first, second, "Blue");
    expect(header).toBeGreaterThan(0);
    const rows: SheetCellValue[][] = [];
    for (let r = header + 1; portfolio[r]?.[0]; r++) rows.push(portfolio[r].slice(0, PORTFOLIO_COLUMNS.slipped + 1));
    return rows;
  }

  /** A sheet's own theme rows and totals line, in the portfolio's columns: Blue..% complete, Health, Slipped. */
  function ownRows(sheet: string): [SheetCellValue, SheetCellValue[]][] {
    const themes = alone.get(sheet)!;
    const header = rowWith(themes, "Theme", "Blue");
    expect([themes[header][13], themes[header][14]]).toEqual(["Health", "Slipped"]);
    const rows: [SheetCellValue, SheetCellValue[]][] = [];
    for (let r = header + 1; themes[r]?.[0]; r++) rows.push([themes[r][0], [...themes[r].slice(1, 8), themes[r][13], themes[r][14]]]);
    return rows;
  }

  test("a row per sheet: that sheet's own totals line, cell by cell; All plans their sum", () => {
    const plans = table("Plan", "Themes");
    expect(sheets).toHaveLength(5);
    expect(plans.map((r) => r[0])).toEqual([...sheets, PORTFOLIO_TOTAL]);
    sheets.forEach((sheet, i) => {
      const rows = ownRows(sheet);
      expect(rows[rows.length - 1][0]).toBe("Total");
      expect(plans[i].slice(PORTFOLIO_COLUMNS.firstRag)).toEqual(rows[rows.length - 1][1]);
    });
    for (let c = PORTFOLIO_COLUMNS.firstRag; c <= PORTFOLIO_COLUMNS.total; c++)
      expect(plans[sheets.length][c]).toBe(plans.slice(0, -1).reduce((n, r) => n + (r[c] as number), 0));
  });

  test("a row per sheet and theme: that sheet's own theme row, cell by cell", () => {
    const expected = sheets.flatMap((sheet) => ownRows(sheet).slice(0, -1).map(([theme, figs]) => [sheet, theme, ...figs]));
    expect(expected.length).toBeGreaterThanOrEqual(sheets.length);
    expect(table("Plan", "Theme")).toEqual(expected);
  });

  test("the Office host writes the same portfolio", async () => {
    const { model } = await loadCorpus(FILE);
    const { host } = simHost(model);
    const report = await scanWorkbook(host, { asAt: AS_AT, settings });
    await colourWorkbook(host, report);
    const result = await buildSummaries(host, report, settings);
    expect(result.written.map((w) => w.kind)).toEqual(["themes", "owners", "exceptions", "portfolio", "history"]);
    const office = await host.readOwnedSheet("portfolio");
    expect(office!.map(trimEnd)).toEqual(portfolio.map(trimEnd));
  }, 60_000);
});
