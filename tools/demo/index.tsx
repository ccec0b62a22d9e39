// The demo page: the real task pane (mountTaskpane + createOfficeBackend, exactly as
// in Excel) beside a read-only grid of a workbook held in memory. Requests go from
// the pane through OfficePlanHost and the real Office.js Excel client to the
// simulated Excel (src/sim) in this page; nothing leaves the browser.
//
// URL parameters (for trying things and for the browser tests):
//   theme=light|dark   force the theme (default: the system's)
//   asAt=YYYY-MM-DD    the pane's as-at date (default: the sample's report date, or today for a file)
//   paneWidth=320      the task pane's width in pixels (Excel's narrowest is about 320)
import "../../src/taskpane/strict-csp";
import { useSyncExternalStore } from "react";
import { createRoot } from "react-dom/client";
import type { Area } from "../excel-sim/address";
import type { SheetModel } from "../excel-sim/model";
import { createOfficeBackend } from "../../src/taskpane/backend";
import { mountTaskpane, type MountedTaskpane } from "../../src/taskpane/mount";
import type { ThemeChoice } from "../../src/taskpane/theme";
import { WorkbookGrid } from "./Grid";
import { DemoHeader } from "./Header";
import { installDemoOffice, type DemoOffice } from "./office";
import { SAMPLES, sampleUrl, type Sample } from "./samples";
import { DemoSimBackend, DemoStore, type OpenWorkbook } from "./store";

const params = new URLSearchParams(window.location.search);
const themeParam = params.get("theme");
const THEME: ThemeChoice = themeParam === "light" || themeParam === "dark" ? themeParam : "auto";
const AS_AT = /^\d{4}-\d{2}-\d{2}$/.test(params.get("asAt") ?? "") ? params.get("asAt")! : undefined;
const PANE_WIDTH = Number(params.get("paneWidth"));
const SAMPLE: Sample = SAMPLES[0];

/** The page's own colours follow the same theme as the pane. */
function applyPageTheme(): void {
  const html = document.documentElement;
  if (THEME !== "auto") {
    html.dataset.theme = THEME;
    return;
  }
  const q = typeof window.matchMedia === "function" ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  const set = () => (html.dataset.theme = q?.matches ? "dark" : "light");
  set();
  q?.addEventListener?.("change", set);
}

function WorkbookView({ store }: { store: DemoStore }) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const wb = state.workbook;
  if (!wb) return <p className="grid-empty">{state.loading ? `Opening ${state.loading}…` : "No workbook is open."}</p>;
  // The user's own clicks change Excel's view state directly, as clicking in Excel does.
  const onActivate = (sheet: SheetModel) => wb.model.activate(sheet);
  const onSelect = (sheet: SheetModel, area: Area) => wb.model.select(sheet, area);
  return <WorkbookGrid model={wb.model} version={state.version} onActivate={onActivate} onSelect={onSelect} />;
}

function layout(root: HTMLElement): { header: HTMLElement; workbook: HTMLElement; pane: HTMLElement } {
  const header = document.createElement("div");
  header.className = "demo-header";
  const main = document.createElement("div");
  main.className = "demo-main";
  const workbook = document.createElement("section");
  workbook.className = "demo-workbook";
  workbook.setAttribute("aria-label", "Workbook (read-only view of the in-memory Excel)");
  const pane = document.createElement("div");
  pane.id = "taskpane";
  pane.className = "demo-taskpane";
  if (Number.isFinite(PANE_WIDTH) && PANE_WIDTH >= 200) root.style.setProperty("--pane-width", `${Math.round(PANE_WIDTH)}px`);
  main.append(workbook, pane);
  root.replaceChildren(header, main);
  return { header, workbook, pane };
}

function start(): void {
  const root = document.getElementById("demo-root");
  if (!root) return;
  applyPageTheme();
  const { header, workbook, pane } = layout(root);
  const store = new DemoStore();
  let office: DemoOffice | null = null;
  let mounted: MountedTaskpane | null = null;

  async function open(name: string, source: OpenWorkbook["source"], read: () => Promise<ArrayBuffer>, asAt: string | undefined): Promise<void> {
    store.set({ loading: name, error: null });
    try {
      const bytes = await read();
      // exceljs (its browser build) is its own chunk, loaded from this origin when first needed.
      const { workbookModelFromXlsx } = await import(/* webpackChunkName: "xlsx" */ "../excel-sim/xlsx");
      const model = await workbookModelFromXlsx(bytes);
      const backend = new DemoSimBackend(model);
      if (office) office.bind(backend);
      else office = installDemoOffice(window, backend);
      mounted?.unmount();
      const paneBackend = createOfficeBackend({ excel: office.runtime.Excel, isSetSupported: office.runtime.isSetSupported });
      mounted = mountTaskpane(pane, paneBackend, { theme: THEME, asAt });
      root!.dataset.workbook = name;
      store.set({ workbook: { name, source, model, backend }, loading: null });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      store.set({ loading: null, error: `${name} could not be opened: ${why}` });
    }
  }

  const openSample = () =>
    open(
      SAMPLE.file,
      "sample",
      async () => {
        const res = await fetch(sampleUrl(SAMPLE));
        if (!res.ok) throw new Error(`the demo server answered ${res.status} ${res.statusText}`);
        return res.arrayBuffer();
      },
      AS_AT ?? SAMPLE.asAt,
    );
  const openFile = (file: File) => open(file.name, "file", () => file.arrayBuffer(), AS_AT);

  createRoot(header).render(<DemoHeader store={store} sample={SAMPLE} onOpenFile={(f) => void openFile(f)} onOpenSample={() => void openSample()} />);
  createRoot(workbook).render(<WorkbookView store={store} />);
  void openSample();
}

start();
