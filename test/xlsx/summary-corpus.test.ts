// On every corpus workbook, through the .xlsx host: the summary sheets' figures
// equal the engine's counts cell by cell, the exceptions list every red and
// amber action with a working link to its row, and the copy leaves the plan alone.
import type ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { analyseWorkbook } from "../../src/engine/analyse";
import { allItems, countByOwner, countByTheme, totalCounts, type CountRow } from "../../src/engine/counts";
import type { PlanReport } from "../../src/engine/report";
import { defaultSettings } from "../../src/engine/settings";
import { EXCEPTION_SECTIONS, SUMMARY_SHEET_NAMES } from "../../src/engine/summary";
import { scanWorkbook } from "../../src/engine/workflow";
import { XlsxHost, writeCopy } from "../../src/xlsx/host";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import { corpusEntries } from "../helpers/corpus";
import { findRow, findRowStarting, linkAt, load, ownedSheet, valueAt } from "./summary-helpers";

const RAG_COLUMNS = ["blue", "green", "amber", "red", "grey"] as const;
const LONG_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const longDate = (iso: string) => `${Number(iso.slice(8))} ${LONG_MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

/** The count table under a header row starting with `label`, "Blue": rows up to the totals line. */
function countTableRows(ws: ExcelJS.Worksheet, label: string, totalLabel: string): { rows: unknown[][]; total: unknown[] } {
  const header = findRow(ws, label, "Blue", "Green", "Amber", "Red", "Grey", "Total", "% complete");
  expect(header).toBeGreaterThan(0);
  const rows: unknown[][] = [];
  let r = header + 1;
  for (; valueAt(ws, r, 1) !== totalLabel; r++) {
    expect(r).toBeLessThan(header + 5000);
    rows.push(Array.from({ length: 8 }, (_, c) => valueAt(ws, r, c + 1)));
  }
  return { rows, total: Array.from({ length: 8 }, (_, c) => valueAt(ws, r, c + 1)) };
}

const expectedRow = (row: CountRow, label = row.label): unknown[] => [label, ...RAG_COLUMNS.map((rag) => row.counts[rag]), row.counts.total, row.complete];

/** Rows of the exceptions section whose title starts with `prefix`, up to the next section. */
function sectionRows(ws: ExcelJS.Worksheet, prefix: string): number[] {
  const start = findRowStarting(ws, prefix);
  expect(start).toBeGreaterThan(0);
  const rows: number[] = [];
  for (let r = start + 1; r <= ws.rowCount; r++) {
    if (ws.getCell(r, 1).isMerged) break; // the next section's banner
    if (valueAt(ws, r, 2) === "None.") continue;
    if (valueAt(ws, r, 1) === null) break;
    rows.push(r);
  }
  return rows;
}

describe.each(corpusEntries())("summary sheets: $name", ({ workbook, asAt }) => {
  const settings = defaultSettings();
  let input: Buffer;
  let report: PlanReport;
  let wb: ExcelJS.Workbook;
  let notices: string[];

  beforeAll(async () => {
    input = readFileSync(workbook);
    const result = await writeCopy(input, { asAt, settings });
    report = result.report;
    notices = result.notices;
    wb = await load(result.buffer);
  });

  test("the input bytes are not changed and the report is the engine's report", async () => {
    expect(Buffer.compare(input, readFileSync(workbook))).toBe(0);
    const { grids } = await readWorkbookBuffer(input);
    expect(report).toEqual(analyseWorkbook(grids, { asAt, settings }));
    expect(notices).toEqual([]);
  });

  test("the plan scan of the written copy ignores the summary sheets", async () => {
    const again = await scanWorkbook(await XlsxHost.fromBuffer(await wb.xlsx.writeBuffer()), { asAt, settings });
    expect(again.sheets).toEqual(report.sheets);
    const skipped = again.skipped.map((s) => s.name);
    for (const name of Object.values(SUMMARY_SHEET_NAMES)) expect(skipped).toContain(name);
  });

  test("themes: each figure equals countByTheme and totalCounts, as numbers", () => {
    const items = allItems(report).map((e) => e.item);
    const ws = ownedSheet(wb, "themes");
    expect(ws.name).toBe("PM Summary – Themes");
    const { rows, total } = countTableRows(ws, "Theme", "Total");
    expect(rows).toEqual(countByTheme(items).map((row) => expectedRow(row)));
    expect(total).toEqual(expectedRow(totalCounts(items)));
    for (const row of [...rows, total]) for (const v of row.slice(1)) expect(typeof v).toBe("number");
  });

  test("owners: each figure equals countByOwner, the total counts every action once", () => {
    const items = allItems(report).map((e) => e.item);
    const ws = ownedSheet(wb, "owners");
    const { rows, total } = countTableRows(ws, "Owner", "Total (each action once)");
    expect(rows).toEqual(countByOwner(items).map((row) => expectedRow(row)));
    expect(total).toEqual(expectedRow(totalCounts(items), "Total (each action once)"));
  });

  test("exceptions: every red and amber action, most overdue first, each linked to its row", () => {
    const ws = ownedSheet(wb, "exceptions");
    const expected = allItems(report)
      .filter(({ item }) => item.rag === "red" || item.rag === "amber")
      .sort((a, b) => b.item.daysOverdue - a.item.daysOverdue);
    const rows = sectionRows(ws, EXCEPTION_SECTIONS.redAmber);
    expect(rows.map((r) => [valueAt(ws, r, 1), valueAt(ws, r, 3), valueAt(ws, r, 7)])).toEqual(
      expected.map(({ item }) => [item.rag === "red" ? "Red" : "Amber", item.ref || null, item.daysOverdue]),
    );
    rows.forEach((r, i) => expectLinkToItem(wb, linkAt(ws, r, 9), expected[i].sheet, expected[i].item.row));
  });

  test("exceptions: every grey action, with the reason", () => {
    const ws = ownedSheet(wb, "exceptions");
    const expected = allItems(report).filter(({ item }) => item.rag === "grey");
    const rows = sectionRows(ws, EXCEPTION_SECTIONS.grey);
    expect(rows).toHaveLength(expected.length);
    rows.forEach((r, i) => {
      expect(valueAt(ws, r, 1)).toBe("Grey");
      expect(String(valueAt(ws, r, 8))).toMatch(/due date|date|year/i);
      expectLinkToItem(wb, linkAt(ws, r, 9), expected[i].sheet, expected[i].item.row);
    });
  });

  test("every summary sheet carries the as-at date, its sources and settings, and prints landscape one page wide", () => {
    for (const kind of ["themes", "owners", "exceptions"]) {
      const ws = ownedSheet(wb, kind);
      expect(valueAt(ws, 2, 1)).toBe(`As at ${longDate(asAt)}`);
      const text = JSON.stringify(Array.from({ length: ws.rowCount }, (_, r) => valueAt(ws, r + 1, 1)));
      for (const sheet of report.sheets) expect(text).toContain(`Sheet ‘${sheet.name}’: header row ${sheet.headerRow}`);
      expect(text).toContain(`amber up to ${settings.amberDays} days`);
      expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.pageSetup.printTitlesRow).toMatch(/^1:\d+$/);
      expect(ws.headerFooter.oddFooter).toMatch(/&P of &N/);
      expect(ws.views[0]).toMatchObject({ state: "frozen" });
    }
  });
});

/** A link "#'Sheet'!C12" that names an existing sheet and the item's row. */
function expectLinkToItem(wb: ExcelJS.Workbook, link: string | undefined, sheet: string, row: number): void {
  const m = /^#'((?:[^']|'')+)'!([A-Z]+)(\d+)$/.exec(link ?? "");
  expect(m).not.toBeNull();
  const [, quoted, , r] = m!;
  expect(quoted.replace(/''/g, "'")).toBe(sheet);
  expect(wb.getWorksheet(sheet)).toBeDefined();
  expect(Number(r)).toBe(row);
}
