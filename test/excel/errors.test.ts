// Office.js failures explained in plain words, and the budget that keeps every
// request under Excel on the web's 5 MB.
import { CELL_EDIT_MESSAGE, explainOfficeError, PlanMonitorError } from "../../src/excel";
import { OWNED_TITLES } from "../../src/engine/summary/names";
import type { SheetSpec } from "../../src/engine/writeback";
import { WorkbookModel } from "../../tools/excel-sim/model";
import { simHost } from "../helpers/officeHost";

describe("explainOfficeError", () => {
  test("known Office.js codes", () => {
    expect(explainOfficeError({ code: "AccessDenied", message: "x" }, { sheet: "Theme 1", action: "colour" })).toBe(
      "The sheet 'Theme 1' is protected. Unprotect it (Review > Unprotect Sheet) to let Plan Monitor colour it.",
    );
    expect(explainOfficeError({ code: "InvalidOperationInCellEditMode" })).toBe(CELL_EDIT_MESSAGE);
    expect(explainOfficeError({ code: "ApiNotFound" }, { what: "colouring several ranges at once" })).toBe(
      "This version of Excel does not support colouring several ranges at once (needs ExcelApi 1.9). Use Excel 2021, Microsoft 365 or Excel on the web.",
    );
    expect(explainOfficeError({ code: "RequestPayloadSizeLimitExceeded" })).toMatch(/too large .* 5 MB/);
    expect(explainOfficeError({ code: "GeneralException", message: "Boom." })).toBe(
      "Excel could not complete the request (GeneralException): Boom. Try again; if it keeps happening, save the workbook, reopen it and retry.",
    );
    expect(explainOfficeError(new PlanMonitorError("Already plain."))).toBe("Already plain.");
    expect(explainOfficeError("weird")).toMatch(/^Excel could not complete the request: weird\. Try again/);
  });

  test("an older Excel is told what it lacks before anything is sent", async () => {
    const model = new WorkbookModel();
    model.addSheet("Plan").setValue(0, 0, "x");
    const { host, backend } = simHost(model, { excelApiVersion: "1.8" });
    await expect(host.applyColours({ sheets: [{ name: "Plan", cells: [{ row: 0, col: 0, rag: "red" }] }] })).rejects.toThrow(
      "This version of Excel does not support colouring cells by RAG (needs ExcelApi 1.9). Use Excel 2021, Microsoft 365 or Excel on the web.",
    );
    expect(backend.requestCount).toBe(0);
  });
});

test("a summary larger than one request is spread over several, none above 5 MB", async () => {
  const model = new WorkbookModel();
  model.addSheet("Plan").setValue(0, 0, "x");
  // About 7 MB of values and number formats: more than one request can carry.
  const rows = Array.from({ length: 100_000 }, (_, i) => [{ value: `Snapshot ${i} of the plan` }, { value: 45000 + i, style: { numberFormat: "dd/mm/yyyy" } }, { value: "green" }, { value: i % 7 }]);
  // Its title in A1, as every sheet Plan Monitor writes: the proof that reads it back as ours.
  const spec: SheetSpec = { name: "PM History", kind: "history", rows: [[{ value: OWNED_TITLES.history }], ...rows] };
  const { host, backend } = simHost(model);
  await host.writeSheets([spec]);
  expect(backend.requestCount).toBeGreaterThan(2);
  // Round trips grow with the bytes (one per ~4 MB budget), not with cells or objects.
  const bytes = backend.requests.reduce((n, r) => n + r.requestBytes, 0);
  expect(backend.requestCount).toBeLessThanOrEqual(2 + Math.ceil(bytes / 4_000_000));
  expect(backend.maxRequestBytes).toBeLessThanOrEqual(5_000_000);
  expect(backend.requests.every((r) => !r.error)).toBe(true);
  console.log(`writeSheets of a 100,000-row history: ${backend.requestCount} requests, largest ${backend.maxRequestBytes} bytes`);
  const s = model.sheetByName("PM History")!;
  expect(s.textAt(100_000, 1)).toBe("27/12/2296");
  expect(s.getCell(100_000, 0)?.value).toBe("Snapshot 99999 of the plan");
  const back = await host.readOwnedSheet("history");
  expect(back).toHaveLength(100_001);
  expect(back![124]).toEqual(["Snapshot 123 of the plan", 45123, "green", 123 % 7]);
});
