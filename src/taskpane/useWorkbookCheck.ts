// The task pane's hook: one store (state.ts's reducer), the effects that work on
// it (effects.ts), and the settings read once on mount. It keeps no state of its
// own: React renders from the store, the effects read and dispatch to it.
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { operationsFor, type TaskpaneBackend, type TaskpaneOperations } from "./backend";
import { createPaneEffects, type PaneEffects } from "./effects";
import { initialState, reducer, reportIsStale, type CheckState } from "./state";
import { createStore } from "./store";

export interface WorkbookCheck extends Omit<PaneEffects, "load" | "perform"> {
  state: CheckState;
  stale: boolean;
  setAsAt(asAt: string): void;
  dismissProblem(): void;
  dismissNotice(): void;
}

export interface WorkbookCheckOptions {
  /** The as-at date to start with (default today). */
  asAt?: string;
  /** Operations to use instead of the backend's defaults (tests, demo). */
  operations?: TaskpaneOperations;
}

export function useWorkbookCheck(backend: TaskpaneBackend, options: WorkbookCheckOptions = {}): WorkbookCheck {
  const [store] = useState(() => createStore(reducer, initialState(options.asAt)));
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const ops = useMemo(() => options.operations ?? operationsFor(backend), [backend, options.operations]);
  const effects = useMemo(() => createPaneEffects(store, backend, ops), [store, backend, ops]);

  useEffect(() => {
    // A second run (React's StrictMode mounts twice) finds the load under way and does nothing.
    void effects.load();
  }, [effects]);

  const { capabilities, check, colour, clear, buildSummaries, saveSettings, correctSheet, selectCell, takeSelectedRow, retry } = effects;
  return {
    state,
    stale: reportIsStale(state),
    capabilities,
    check,
    colour,
    clear,
    buildSummaries,
    saveSettings,
    correctSheet,
    selectCell,
    takeSelectedRow,
    retry,
    setAsAt: (asAt) => store.dispatch({ type: "asAt", asAt }),
    dismissProblem: () => store.dispatch({ type: "dismissProblem" }),
    dismissNotice: () => store.dispatch({ type: "dismissNotice" }),
  };
}
