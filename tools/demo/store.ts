// The demo's state: which workbook is open, in the simulated Excel that the real
// Office.js Excel client talks to, and a version number that changes whenever the
// workbook may look different (after each request the task pane sends, and when
// the active sheet or the selection changes), for the grid to re-render.
import { ExcelSimBackend } from "../excel-sim/backend";
import type { WorkbookModel } from "../excel-sim/model";

/** The simulated Excel, telling the demo after each request it answered. */
export class DemoSimBackend extends ExcelSimBackend {
  private readonly listeners = new Set<() => void>();

  override handle(requestText: string): string {
    try {
      return super.handle(requestText);
    } finally {
      for (const l of [...this.listeners]) l();
    }
  }

  /** Call listener after each request (each context.sync()); returns the unsubscribe function. */
  onRequest(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export interface OpenWorkbook {
  /** File name, e.g. "cqc-monitoring-form.xlsx". */
  name: string;
  /** "sample" for a workbook shipped with Plan Monitor, "file" for one the user opened. */
  source: "sample" | "file";
  model: WorkbookModel;
  backend: DemoSimBackend;
}

export interface DemoState {
  workbook: OpenWorkbook | null;
  /** What is being opened, while it is. */
  loading: string | null;
  /** Why the last workbook could not be opened. */
  error: string | null;
  /** Changes whenever anything above or the open workbook's content or view changes. */
  version: number;
}

export class DemoStore {
  private state: DemoState = { workbook: null, loading: null, error: null, version: 0 };
  private readonly listeners = new Set<() => void>();
  private unwatch: (() => void) | null = null;
  private pending: ReturnType<typeof setTimeout> | null = null;

  getState = (): DemoState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(patch: Partial<Omit<DemoState, "version">>): void {
    if (patch.workbook !== undefined && patch.workbook !== this.state.workbook) this.watch(patch.workbook);
    this.state = { ...this.state, ...patch, version: this.state.version + 1 };
    this.emit();
  }

  private watch(workbook: OpenWorkbook | null): void {
    this.unwatch?.();
    this.unwatch = null;
    if (!workbook) return;
    const offRequest = workbook.backend.onRequest(() => this.changedSoon());
    const offView = workbook.model.onViewChange(() => this.changedSoon());
    this.unwatch = () => {
      offRequest();
      offView();
    };
  }

  /** One re-render for a burst of requests (a long operation sends several), at most every 50 ms. */
  private changedSoon(): void {
    if (this.pending !== null) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      this.state = { ...this.state, version: this.state.version + 1 };
      this.emit();
    }, 50);
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}
