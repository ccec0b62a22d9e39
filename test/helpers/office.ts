// Jest helper: run code against the real Office.js Excel client talking to the
// simulated Excel. The client script comes from node_modules/@microsoft/office-js
// (dev dependency, pinned; never copied into src).
import * as fs from "fs";
import * as path from "path";
import { ExcelSimBackend, type BackendOptions } from "../../tools/excel-sim/backend";
import type { WorkbookModel } from "../../tools/excel-sim/model";
import { installOfficeRuntime, type OfficeRuntime, type OfficeWindow } from "../../tools/excel-sim/officeRuntime";

export const CLIENT_SCRIPT_PATH = path.resolve(__dirname, "../../node_modules/@microsoft/office-js/dist/excel-web-16.00.js");

let clientScript: string | null = null;
export function excelClientScript(): string {
  if (clientScript === null) clientScript = fs.readFileSync(CLIENT_SCRIPT_PATH, "utf8");
  return clientScript;
}

let ownWindow: OfficeWindow | null = null;
/** The window the client runs in: jest's jsdom window when there is one, else a private jsdom. */
export function officeWindow(): OfficeWindow {
  const g = globalThis as unknown as { window?: OfficeWindow & { document?: unknown } };
  if (g.window && typeof g.window.eval === "function" && g.window.document) return g.window;
  if (!ownWindow) {
    // Loaded lazily: jsdom cannot be imported inside jest's own jsdom environment.
    const { JSDOM } = require("jsdom") as typeof import("jsdom");
    const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", { runScripts: "outside-only", url: "https://localhost/" });
    ownWindow = dom.window as unknown as OfficeWindow;
  }
  return ownWindow;
}

export interface WithOfficeOptions extends BackendOptions {
  /** Reuse a backend (keeps its request log) instead of making one for the model. */
  backend?: ExcelSimBackend;
}

/** The runtime bound to a (new or given) backend for the model. */
export function officeRuntime(model: WorkbookModel, options: WithOfficeOptions = {}): OfficeRuntime {
  const backend = options.backend ?? new ExcelSimBackend(model, options);
  return installOfficeRuntime(officeWindow(), excelClientScript(), backend);
}

/** Run fn with the real `Excel` namespace answering from the model. */
export async function withOffice<T>(
  model: WorkbookModel,
  fn: (excel: typeof Excel, runtime: OfficeRuntime) => Promise<T>,
  options: WithOfficeOptions = {},
): Promise<T> {
  const runtime = officeRuntime(model, options);
  return fn(runtime.Excel, runtime);
}
