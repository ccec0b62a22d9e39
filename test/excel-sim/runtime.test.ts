// Smoke tests for the in-process Excel: the real Office.js client must reach the
// simulated backend through OfficeExtension.SessionBase._overrideSession (a private
// hook; @microsoft/office-js is pinned for it). If these fail after an upgrade of
// the package, the whole Office host test suite is no longer testing anything.
import * as fs from "fs";
import { WorkbookModel } from "../../tools/excel-sim/model";
import { ExcelSimBackend } from "../../tools/excel-sim/backend";
import { overrideSessionHookPresent } from "../../tools/excel-sim/officeRuntime";
import { CLIENT_SCRIPT_PATH, officeWindow, withOffice } from "../helpers/office";

function smallModel(): WorkbookModel {
  const m = new WorkbookModel();
  const s = m.addSheet("Plan");
  s.setValue(0, 0, "Ref");
  s.setValue(0, 1, "Due");
  s.setValue(1, 0, "1.1");
  s.setValue(1, 1, 40359, "mmm-yy");
  m.addSheet("Other sheet");
  return m;
}

describe("Office.js client against the simulated Excel", () => {
  test("the pinned client is the one the hook was verified with", () => {
    const pkg = JSON.parse(fs.readFileSync(CLIENT_SCRIPT_PATH.replace(/dist\/excel-web-16\.00\.js$/, "package.json"), "utf8"));
    expect(pkg.version).toBe("1.1.110");
    expect(fs.readFileSync(CLIENT_SCRIPT_PATH, "utf8")).toContain("_overrideSession");
  });

  test("context.sync() goes through _overrideSession to the backend", async () => {
    const model = smallModel();
    const backend = new ExcelSimBackend(model);
    await withOffice(
      model,
      async (Excel) => {
        await Excel.run(async (ctx) => {
          const sheets = ctx.workbook.worksheets;
          sheets.load("items/name");
          const r = sheets.getItem("Plan").getRange("A1:B2");
          r.load("values,text,address,numberFormat");
          await ctx.sync();
          expect(sheets.items.map((s) => s.name)).toEqual(["Plan", "Other sheet"]);
          expect(r.address).toBe("Plan!A1:B2");
          expect(r.values).toEqual([["Ref", "Due"], ["1.1", 40359]]);
          expect(r.text).toEqual([["Ref", "Due"], ["1.1", "Jun-10"]]);
          expect(r.numberFormat).toEqual([["General", "General"], ["General", "mmm-yy"]]);
        });
      },
      { backend },
    );
    expect(overrideSessionHookPresent(officeWindow())).toBe(true);
    // One sync plus the request Excel.run makes when it ends (it releases tracked objects).
    expect(backend.requestCount).toBe(2);
    expect(backend.maxRequestBytes).toBeGreaterThan(0);
  });

  test("reading a property that was not loaded throws the real PropertyNotLoaded", async () => {
    const model = smallModel();
    await withOffice(model, async (Excel) => {
      await Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Plan");
        ws.load("name");
        await ctx.sync();
        expect(ws.name).toBe("Plan");
        let code = "";
        try {
          void ws.position;
        } catch (e) {
          code = (e as { code?: string }).code ?? "";
        }
        expect(code).toBe("PropertyNotLoaded");
      });
    });
  });

  test("an unmodelled API answers ApiNotFound as a real RichApi error", async () => {
    const model = smallModel();
    const error = await withOffice(model, async (Excel) =>
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Plan").getRange("A1").getSurroundingRegion().load("address");
        await ctx.sync();
      }).catch((e: unknown) => e),
    );
    expect((error as { code?: string }).code).toBe("ApiNotFound");
    expect((error as { name?: string }).name).toBe("RichApi.Error");
  });

  test("writes to a protected sheet fail with AccessDenied; cell edit mode fails every request", async () => {
    const model = smallModel();
    model.sheetByName("Plan")!.protected = true;
    const backend = new ExcelSimBackend(model);
    const denied = await withOffice(
      model,
      async (Excel) =>
        Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Plan").getRange("A1").values = [["x"]];
          await ctx.sync();
        }).catch((e: unknown) => e),
      { backend },
    );
    expect((denied as { code?: string }).code).toBe("AccessDenied");
    expect(model.sheetByName("Plan")!.getCell(0, 0)!.value).toBe("Ref");

    backend.cellEditMode = true;
    const editing = await withOffice(
      model,
      async (Excel) =>
        Excel.run(async (ctx) => {
          ctx.workbook.worksheets.load("items/name");
          await ctx.sync();
        }).catch((e: unknown) => e),
      { backend },
    );
    expect((editing as { code?: string }).code).toBe("InvalidOperationInCellEditMode");
  });

  test("requests above 5 MB are refused with RequestPayloadSizeLimitExceeded; addresses above 8,192 characters too", async () => {
    const model = smallModel();
    const big = Array.from({ length: 60_000 }, (_, i) => [`row ${i} `.padEnd(90, "x")]);
    const tooBig = await withOffice(model, async (Excel) =>
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Plan").getRange(`A1:A${big.length}`).values = big;
        await ctx.sync();
      }).catch((e: unknown) => e),
    );
    expect((tooBig as { code?: string }).code).toBe("RequestPayloadSizeLimitExceeded");
    expect(model.sheetByName("Plan")!.getCell(2, 0)).toBeUndefined();

    const address = Array.from({ length: 1600 }, (_, i) => `A${i * 2 + 1}`).join(",");
    expect(address.length).toBeGreaterThan(8192);
    const tooLong = await withOffice(model, async (Excel) =>
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Plan").getRanges(address).load("areaCount");
        await ctx.sync();
      }).catch((e: unknown) => e),
    );
    expect((tooLong as { code?: string }).code).toBe("InvalidArgument");
  });

  test("an older Excel answers ApiNotFound for APIs above its ExcelApi version and says so in isSetSupported", async () => {
    const model = smallModel();
    const error = await withOffice(
      model,
      async (Excel) =>
        Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Plan").getRange("A1:B2").getMergedAreasOrNullObject().load("address");
          await ctx.sync();
        }).catch((e: unknown) => e),
      { excelApiVersion: "1.9" },
    );
    expect((error as { code?: string }).code).toBe("ApiNotFound");
    const office = (officeWindow() as unknown as { Office: typeof Office }).Office;
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
  });
});
