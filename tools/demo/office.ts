// Office.js on the demo page: the real Excel client (office/excel-web-16.00.js,
// loaded by demo.html before this bundle) bound to the simulated Excel, and a shim
// for the little of `Office` a task pane asks outside Excel's own client
// (onReady, HostType, context.requirements.isSetSupported). The real office.js is
// not loaded: outside Office it never reports Excel as the host.
import type { ExcelSimBackend } from "../excel-sim/backend";
import { installOfficeRuntime, type OfficeRuntime, type OfficeWindow } from "../excel-sim/officeRuntime";

export interface DemoOffice {
  runtime: OfficeRuntime;
  /** Answer from this backend (another workbook) from now on. */
  bind(backend: ExcelSimBackend): void;
}

const READY = { host: "Excel", platform: "OfficeOnline" } as const;

export function installDemoOffice(win: Window, backend: ExcelSimBackend): DemoOffice {
  const w = win as unknown as OfficeWindow;
  if (!w.Excel || !w.OfficeExtension)
    throw new Error("The Office.js Excel client (office/excel-web-16.00.js) did not load, so the in-memory Excel cannot start.");
  // null: the client is already loaded by its <script> tag (the page's CSP forbids eval).
  const runtime = installOfficeRuntime(w, null, backend);
  shimOffice(w);
  return { runtime, bind: (b) => runtime.bind(b) };
}

function shimOffice(w: OfficeWindow): void {
  const office = w.Office as Record<string, unknown>;
  const define = (name: string, value: unknown) => Object.defineProperty(office, name, { value, configurable: true, writable: true });
  define("onReady", (callback?: (info: typeof READY) => void) => {
    const ready = Promise.resolve(READY);
    if (callback) void ready.then(callback);
    return ready;
  });
  const hostType = (office.HostType as Record<string, string> | undefined) ?? {};
  if (hostType.Excel !== "Excel") define("HostType", { ...hostType, Excel: "Excel" });
  const platform = (office.PlatformType as Record<string, string> | undefined) ?? {};
  if (platform.OfficeOnline !== "OfficeOnline") define("PlatformType", { ...platform, OfficeOnline: "OfficeOnline" });
}
