// The demo's bar: what is open, a file picker for any local .xlsx (read in the
// browser, never uploaded), and a way back to the sample.
import { useId, useSyncExternalStore, type ChangeEvent } from "react";
import type { Sample } from "./samples";
import type { DemoStore } from "./store";

export interface HeaderProps {
  store: DemoStore;
  sample: Sample;
  onOpenFile(file: File): void;
  onOpenSample(): void;
}

function longDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

export function DemoHeader({ store, sample, onOpenFile, onOpenSample }: HeaderProps) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const inputId = useId();
  const hintId = useId();
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) onOpenFile(file);
    e.target.value = ""; // choosing the same file again opens it again
  };
  const wb = state.workbook;
  return (
    <header className="demo-bar">
      <div className="demo-brand">
        <img src="assets/icon-32.png" alt="" width={32} height={32} />
        <div>
          <h1>Plan Monitor demo</h1>
          <p className="demo-sub">The real task pane on an in-memory Excel, in this browser. No Excel needed.</p>
        </div>
      </div>
      <div className="demo-open">
        <div className="demo-open-row">
          <input
            id={inputId}
            className="file-input"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={hintId}
            onChange={onChange}
          />
          <label htmlFor={inputId} className="demo-button">
            Open a workbook (.xlsx)…
          </label>
          {wb?.source === "file" && (
            <button type="button" className="demo-button" onClick={onOpenSample}>
              Open the sample again
            </button>
          )}
        </div>
        <p id={hintId} className="demo-hint">
          The file is read in this browser only; nothing is uploaded. Changes stay in this page.
        </p>
      </div>
      <p className="demo-status" role="status">
        {state.loading ? (
          <>Opening {state.loading}…</>
        ) : wb ? (
          <>
            Open: <strong>{wb.name}</strong>
            {wb.source === "sample" ? ` (sample plan; RAG as at ${longDate(sample.asAt)})` : ""}
          </>
        ) : (
          "No workbook is open."
        )}
      </p>
      {state.error && (
        <p className="demo-error" role="alert">
          {state.error}
        </p>
      )}
    </header>
  );
}
