// Mount the task pane on any element with any backend: Excel (index.tsx), the
// demo page, tests. Importing it only sets zod to jitless (see strict-csp.ts).
import "./strict-csp";
import { StrictMode } from "react";
import { createRoot, type Root } from "react-dom/client";
import type { TaskpaneBackend, TaskpaneOperations } from "./backend";
import { App } from "./components/App";
import type { ThemeChoice } from "./theme";

export interface MountOptions {
  /** "auto" (default) follows Office's theme, else the system's. */
  theme?: ThemeChoice;
  /** As-at date to start with (default today). */
  asAt?: string;
  /** Operations instead of the engine workflow on backend.host. */
  operations?: TaskpaneOperations;
}

export interface MountedTaskpane {
  root: Root;
  unmount(): void;
}

export function mountTaskpane(element: Element, backend: TaskpaneBackend, options: MountOptions = {}): MountedTaskpane {
  const root = createRoot(element);
  root.render(
    <StrictMode>
      <App backend={backend} theme={options.theme} asAt={options.asAt} operations={options.operations} />
    </StrictMode>,
  );
  return { root, unmount: () => root.unmount() };
}
