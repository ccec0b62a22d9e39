/** @jest-environment jsdom */
// The simulated Excel and the Office host run in a browser-like window (the demo
// page will load them there), with no Node APIs.
import * as fs from "fs";
import * as path from "path";
import { OfficePlanHost } from "../../src/excel/host";
import { ExcelSimBackend } from "../../tools/excel-sim/backend";
import { WorkbookModel } from "../../tools/excel-sim/model";
import { installOfficeRuntime, type OfficeWindow } from "../../tools/excel-sim/officeRuntime";
import { excelClientScript } from "../helpers/office";

test("the client, the simulated Excel and the host work in a jsdom window", async () => {
  const model = new WorkbookModel();
  const s = model.addSheet("Plan");
  s.setValue(0, 0, "Status");
  s.setValue(1, 0, "Complete");
  const backend = new ExcelSimBackend(model);
  const runtime = installOfficeRuntime(window as unknown as OfficeWindow, excelClientScript(), backend);
  expect((window as unknown as { Excel?: unknown }).Excel).toBe(runtime.Excel);
  const host = new OfficePlanHost({ excel: runtime.Excel });
  const grids = await host.readGrids();
  expect(grids[0].rows[1]?.[0]).toEqual({ value: "Complete", text: "Complete", format: "General" });
  await host.applyColours({ sheets: [{ name: "Plan", cells: [{ row: 1, col: 0, rag: "blue" }] }] });
  expect(s.effectiveFill(1, 0)).toBe("#9DC3E6");
});

test("tools/excel-sim and src/excel use no Node APIs", () => {
  const root = path.resolve(__dirname, "../..");
  for (const dir of ["tools/excel-sim", "src/excel"])
    for (const file of fs.readdirSync(path.join(root, dir), { recursive: true }).map(String).filter((f) => f.endsWith(".ts"))) {
      const text = fs.readFileSync(path.join(root, dir, file), "utf8");
      expect({ file, nodeApis: text.match(/from "(fs|path|os|child_process|node:[a-z_]+)"|\brequire\(|\bBuffer\b|\bprocess\.|__dirname/g) }).toEqual({ file, nodeApis: null });
    }
});
