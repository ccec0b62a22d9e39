// Showing a finding's cell: the sheet is activated and the cell selected, in one
// Excel.run and one round trip; the simulated Excel records both in the model
// (a demo grid listens through model.onViewChange).
import { PlanMonitorError } from "../../src/excel";
import { loadCorpus, simHost } from "../helpers/officeHost";

describe("OfficePlanHost.selectCell", () => {
  test("activates the sheet and selects the cell in one request", async () => {
    const { model } = await loadCorpus("peer-challenge-action-plan.xlsx");
    const target = model.sheetByName("Theme 3")!;
    expect(model.activeSheet()).toBe(model.sheets[0]);
    const { host, backend } = simHost(model);
    const seen: { sheet: string; selection: unknown }[] = [];
    const stop = model.onViewChange(() => seen.push({ sheet: model.activeSheet()!.name, selection: model.selectionOf(model.activeSheet()!) }));
    await host.selectCell("Theme 3", "C12");
    stop();
    expect(backend.requestCount).toBe(1);
    expect(model.activeSheet()).toBe(target);
    expect(model.selectionOf(target)).toEqual({ top: 11, left: 2, bottom: 11, right: 2 });
    expect(seen.at(-1)).toEqual({ sheet: "Theme 3", selection: { top: 11, left: 2, bottom: 11, right: 2 } });
    // Nothing in the workbook itself changes.
    expect(model.sheets.every((s) => s.conditionalFormats.length === 0)).toBe(true);
  });

  test("a sheet that is no longer there is explained in plain words; warnings of the last read are kept", async () => {
    const { model } = await loadCorpus("scr-action-plan.xlsx");
    const { host } = simHost(model);
    host.warnings = ["from the last read"];
    const error = await host.selectCell("Deleted sheet", "A1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanMonitorError);
    expect((error as Error).message).toMatch(/no longer there \(was a sheet renamed or deleted\?\)/);
    expect(host.warnings).toEqual(["from the last read"]);
  });
});
