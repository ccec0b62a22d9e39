// End to end through the Office host on the in-process Excel: the same report as
// the .xlsx host, colouring and the real summary sheets, and a second scan that
// is not disturbed by them.
import * as fs from "fs";
import { defaultSettings } from "../../src/engine/settings";
import { cellFormula } from "../../src/engine/writeback";
import { buildSummaries, colourWorkbook, scanWorkbook } from "../../src/engine/workflow";
import { XlsxHost } from "../../src/xlsx/host";
import { SpecKeepingHost } from "../helpers/specKeepingHost";
import { corpusFile, corpusFiles } from "../helpers/corpus";
import { exportSnapshot, loadCorpus, simHost } from "../helpers/officeHost";

describe.each(corpusFiles())("%s through the Office host", (file) => {
  test("same report as the .xlsx host; colour and summaries leave the plan's cells alone", async () => {
    const { asAt } = JSON.parse(fs.readFileSync(corpusFile(file.replace(/\.xlsx$/, ".expected.json")), "utf8")) as { asAt: string };
    const settings = defaultSettings();
    const xlsx = await XlsxHost.fromBuffer(fs.readFileSync(corpusFile(file)));
    const expected = await scanWorkbook(xlsx, { asAt, settings });

    const { model } = await loadCorpus(file);
    const userSheets = model.sheets.map((s) => s.name);
    const cellsOf = () => (exportSnapshot(model, userSheets) as { sheets: { cells: unknown }[] }).sheets.map((s) => s.cells);
    const before = cellsOf();
    const { host, backend } = simHost(model);
    const report = await scanWorkbook(host, { asAt, settings });
    expect(report).toEqual(expected);

    await colourWorkbook(host, report);
    const result = await buildSummaries(host, report, settings);
    expect(result.notices).toEqual([]);
    expect(cellsOf()).toEqual(before);
    expect(backend.maxRequestBytes).toBeLessThanOrEqual(5_000_000);

    // The summary sheets hold exactly the values of the specs the engine built; links
    // and formulas hold the formula both hosts write (the simulated Excel does not
    // calculate, so they read back without a value).
    const memory = new SpecKeepingHost();
    await buildSummaries(memory, report, settings);
    for (const [kind, spec] of memory.sheets) {
      const written = await host.readOwnedSheet(kind);
      expect(written).not.toBeNull();
      const sheet = model.sheetByName(result.written.find((w) => w.kind === kind)!.name)!;
      spec.rows.forEach((row, r) =>
        row.forEach((c, col) => {
          const formula = cellFormula(c);
          if (formula) expect([r, col, sheet.getCell(r, col)?.formula]).toEqual([r, col, formula]);
          // Excel keeps no empty string: a cell written "" reads back empty.
          else expect([r, col, written![r]?.[col] ?? null]).toEqual([r, col, c?.value === "" ? null : (c?.value ?? null)]);
        }),
      );
    }
    // A second scan skips Plan Monitor's own sheets (marked ownedByPlanMonitor): same items.
    const again = await scanWorkbook(host, { asAt, settings });
    expect(again.sheets).toEqual(expected.sheets);
    expect(again.skipped.map((s) => s.name).sort()).toEqual([...memory.sheets.values()].map((s) => s.name).sort());
    // And a second run of the summaries rewrites them in place.
    const names = model.sheets.map((s) => s.name);
    await buildSummaries(host, report, settings);
    expect(model.sheets.map((s) => s.name)).toEqual(names);
  });
});
