// Nothing lost: on every corpus workbook, through both hosts, check + colour +
// summary + clear leaves every user sheet exactly as it was, and running
// everything twice gives the same workbook as running it once.
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { defaultSettings } from "../src/engine/settings";
import { buildSummaries, colourWorkbook, scanWorkbook } from "../src/engine/workflow";
import { writeCopy, XlsxHost } from "../src/xlsx/host";
import { corpusEntries } from "./helpers/corpus";
import { exportSnapshot, loadCorpus, simHost } from "./helpers/officeHost";

jest.setTimeout(60_000);
const settings = defaultSettings();

type Snapshot = { sheets: { name: string; cells: unknown; merges: unknown; conditionalFormats: unknown; columns: unknown }[]; names: unknown };

/** Every cell's value and style, merges, conditional formats and widths of the named sheets of an exceljs workbook. */
function excelJsSnapshot(wb: ExcelJS.Workbook, sheets: string[]): unknown {
  return wb.worksheets
    .filter((ws) => sheets.includes(ws.name))
    .map((ws) => {
      const cells: Record<string, unknown> = {};
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (c) => {
          cells[c.address] = JSON.parse(JSON.stringify({ value: c.value, style: c.style ?? {} }));
        }),
      );
      const cfs = (ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? [];
      return { name: ws.name, cells, merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(), cfs: JSON.parse(JSON.stringify(cfs)) };
    });
}

async function loadExcelJs(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

describe.each(corpusEntries())("$name", ({ name, workbook, asAt }) => {
  test("add-in on the in-memory Excel: check + colour + summary + clear leaves every user sheet as it was", async () => {
    const { model } = await loadCorpus(`${name}.xlsx`);
    const userSheets = model.sheets.map((s) => s.name);
    const before = exportSnapshot(model, userSheets) as Snapshot;
    const { host } = simHost(model);

    const report = await scanWorkbook(host, { asAt, settings });
    await colourWorkbook(host, report);
    await buildSummaries(host, report, settings);
    await host.clearColours();

    const after = exportSnapshot(model, userSheets) as Snapshot;
    expect(after.sheets).toEqual(before.sheets);
    // User sheets keep their names and order; Plan Monitor's come after them.
    expect(model.sheets.map((s) => s.name).slice(0, userSheets.length)).toEqual(userSheets);
  });

  test("add-in on the in-memory Excel: running everything twice gives the same workbook as once", async () => {
    const { model } = await loadCorpus(`${name}.xlsx`);
    const { host } = simHost(model);
    const runAll = async () => {
      const report = await scanWorkbook(host, { asAt, settings });
      await colourWorkbook(host, report);
      await buildSummaries(host, report, settings);
      return report;
    };
    const first = await runAll();
    const once = exportSnapshot(model);
    const second = await runAll();
    expect(second.sheets).toEqual(first.sheets);
    expect(exportSnapshot(model)).toEqual(once);
  });

  test("command line --out: the copy's user sheets are the original's, FILE is untouched, twice = once, clear restores", async () => {
    const original = readFileSync(workbook);
    const hash = createHash("sha256").update(original).digest("hex");
    const source = await loadExcelJs(original);
    const userSheets = source.worksheets.map((ws) => ws.name);

    const once = await writeCopy(original, { asAt, settings });
    expect(createHash("sha256").update(readFileSync(workbook)).digest("hex")).toBe(hash);
    const copy = await loadExcelJs(once.buffer);
    expect(copy.worksheets.map((ws) => ws.name).slice(0, userSheets.length)).toEqual(userSheets);
    const withoutCfs = (snap: unknown) => (snap as { cfs: unknown }[]).map((s) => ({ ...s, cfs: undefined }));
    expect(withoutCfs(excelJsSnapshot(copy, userSheets))).toEqual(withoutCfs(excelJsSnapshot(source, userSheets)));

    // Running on its own output again changes nothing (same as-at: the snapshot is replaced).
    const twice = await writeCopy(once.buffer, { asAt, settings });
    const all = copy.worksheets.map((ws) => ws.name);
    expect(excelJsSnapshot(await loadExcelJs(twice.buffer), all)).toEqual(excelJsSnapshot(copy, all));

    // Clearing the colours of the copy gives back the original's sheets exactly, conditional formats included.
    const host = await XlsxHost.fromBuffer(once.buffer);
    await host.clearColours();
    const cleared = await loadExcelJs(await host.toBuffer());
    expect(excelJsSnapshot(cleared, userSheets)).toEqual(excelJsSnapshot(source, userSheets));
  });
});
