// Test harness for the task pane: an in-memory PlanHost over corpus grids, a
// fake backend that records what the pane asks for, jsdom shims Fluent UI needs,
// and small DOM helpers (react-dom/client + act, no testing-library).
import { readFileSync } from "node:fs";
import { act } from "react";
import type { Grid } from "../../src/engine/grid";
import type { PlanHost, Progress, WriteSheetsResult } from "../../src/engine/host";
import { defaultSettings, type Settings } from "../../src/engine/settings";
import type { ColourPlan, SheetCellValue, SheetSpec } from "../../src/engine/writeback";
import type { LoadedSettings, TaskpaneBackend } from "../../src/taskpane/backend";
import { mountTaskpane, type MountOptions, type MountedTaskpane } from "../../src/taskpane/mount";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import { corpusFile } from "../helpers/corpus";

export async function corpusGrids(name: string): Promise<Grid[]> {
  const { grids } = await readWorkbookBuffer(readFileSync(corpusFile(name)));
  return grids;
}

/** window.matchMedia and ResizeObserver: Fluent UI asks for them, jsdom has neither. */
export function installDomShims(): void {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        addListener: () => undefined,
        removeListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!("ResizeObserver" in window)) {
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
}

/** jsdom has no structuredClone; settings are plain JSON anyway. */
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A PlanHost over fixed grids that records every call. */
export class RecordingHost implements PlanHost {
  readonly calls: string[] = [];
  readonly colourPlans: ColourPlan[] = [];
  readonly writtenSpecs: SheetSpec[][] = [];
  readonly progressSeen: string[] = [];
  /** Make the next call of this method fail with this error. */
  failNext: { method: keyof PlanHost; error: Error } | null = null;

  constructor(private readonly grids: Grid[]) {}

  private maybeFail(method: keyof PlanHost): void {
    this.calls.push(method);
    if (this.failNext?.method === method) {
      const { error } = this.failNext;
      this.failNext = null;
      throw error;
    }
  }

  async readGrids(progress?: Progress): Promise<Grid[]> {
    this.maybeFail("readGrids");
    const n = this.grids.length;
    for (let i = 0; i < n; i++) {
      const what = `Reading sheet ${i + 1} of ${n}…`;
      this.progressSeen.push(what);
      progress?.(i + 1, n, what);
      await tick();
    }
    return this.grids;
  }

  async applyColours(plan: ColourPlan, progress?: Progress): Promise<void> {
    this.maybeFail("applyColours");
    this.colourPlans.push(plan);
    progress?.(1, 1, "Colouring…");
    await tick();
  }

  async clearColours(): Promise<void> {
    this.maybeFail("clearColours");
    await tick();
  }

  async writeSheets(specs: SheetSpec[], progress?: Progress): Promise<WriteSheetsResult> {
    this.maybeFail("writeSheets");
    this.writtenSpecs.push(specs);
    progress?.(specs.length, specs.length, "Writing…");
    await tick();
    return { written: specs.map((s) => ({ kind: s.kind, name: s.name })), notices: ["A test notice from the host."] };
  }

  async readOwnedSheet(_kind: string): Promise<SheetCellValue[][] | null> {
    this.calls.push("readOwnedSheet");
    return null;
  }
}

/** A backend over a RecordingHost whose settings live in memory. */
export class FakeBackend implements TaskpaneBackend {
  saved: Settings;
  readonly saves: Settings[] = [];
  readonly selected: { sheet: string; address: string }[] = [];

  constructor(
    readonly host: RecordingHost,
    settings: Settings = defaultSettings(),
  ) {
    this.saved = settings;
  }

  /** Warnings the host "reports" after each operation. */
  hostWarnings: string[] = [];
  /** A warning loadSettings gives (settings saved in the workbook not usable). */
  loadWarning: string | undefined;

  async loadSettings(): Promise<LoadedSettings> {
    return { settings: clone(this.saved), ...(this.loadWarning ? { warning: this.loadWarning } : {}) };
  }

  warnings(): readonly string[] {
    return this.hostWarnings;
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.saves.push(settings);
    this.saved = clone(settings);
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.selected.push({ sheet, address });
  }

  /** The cell the "user" has selected, as Excel would report it. */
  selection = { sheet: "Plan", row: 1 };

  async selectedCell(): Promise<{ sheet: string; row: number }> {
    return { ...this.selection };
  }

  explainError(error: unknown): string {
    return `In plain words: ${(error as Error).message}`;
  }
}

// ---- DOM helpers ----

export async function mount(backend: TaskpaneBackend, options: MountOptions = {}): Promise<{ container: HTMLElement; pane: MountedTaskpane }> {
  const container = document.createElement("div");
  document.body.appendChild(container);
  let pane!: MountedTaskpane;
  await act(async () => {
    pane = mountTaskpane(container, backend, options);
  });
  await settle();
  return { container, pane };
}

export async function unmount(m: { container: HTMLElement; pane: MountedTaskpane }): Promise<void> {
  await act(async () => m.pane.unmount());
  m.container.remove();
}

/** Let pending promises and timers run inside act. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await tick();
    });
  }
}

/** Poll until the check passes (or fail with its last error). */
export async function waitFor<T>(check: () => T, timeoutMs = 3000): Promise<T> {
  const start = Date.now();
  let last: unknown;
  for (;;) {
    try {
      return check();
    } catch (e) {
      last = e;
    }
    if (Date.now() - start > timeoutMs) throw last;
    await settle(1);
  }
}

export const text = (el: Element | null | undefined): string => (el?.textContent ?? "").replace(/\s+/g, " ").trim();

export function button(root: ParentNode, label: string | RegExp): HTMLButtonElement {
  const all = [...root.querySelectorAll("button")];
  const found = all.find((b) => (typeof label === "string" ? text(b) === label : label.test(text(b))));
  if (!found) throw new Error(`No button "${label}" among: ${all.map((b) => `"${text(b)}"`).join(", ")}`);
  return found;
}

/** The control a visible label names (label[for] → element). */
export function labelled<T extends HTMLElement = HTMLInputElement>(root: ParentNode, label: string): T {
  const labels = [...root.querySelectorAll("label")];
  const l = labels.find((x) => text(x).replace(/\s*\*$/, "") === label);
  if (!l) throw new Error(`No label "${label}" among: ${labels.map((x) => `"${text(x)}"`).join(", ")}`);
  const id = l.getAttribute("for");
  const el = id ? (document.getElementById(id) as T | null) : (l.querySelector("input,select,textarea") as T | null);
  if (!el) throw new Error(`Label "${label}" names no control`);
  return el;
}

export function heading(root: ParentNode, level: number, label: string | RegExp): HTMLElement {
  const all = [...root.querySelectorAll<HTMLElement>(`h${level}`)];
  const found = all.find((h) => (typeof label === "string" ? text(h) === label : label.test(text(h))));
  if (!found) throw new Error(`No h${level} "${label}" among: ${all.map((h) => `"${text(h)}"`).join(", ")}`);
  return found;
}

export async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.click();
  });
  await settle();
}

/** Type a value into a controlled input/textarea/select the way React listens for it. */
export async function setValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): Promise<void> {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, "value")!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
  });
  await settle(1);
}
