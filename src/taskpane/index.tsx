// The task pane's entry in Excel: wait for Office, build the Office backend,
// mount the pane. A demo page imports mountTaskpane from "./mount" instead.
import "./strict-csp";
import { createOfficeBackend } from "./backend";
import { NO_OFFICE_SCRIPT, NOT_IN_EXCEL, startupProblem } from "./messages";
import { mountTaskpane } from "./mount";

export { mountTaskpane } from "./mount";
export type { MountOptions, MountedTaskpane } from "./mount";
export type { LoadedSettings, TaskpaneBackend } from "./backend";

const ROOT_ID = "plan-monitor";

function showStartupProblem(element: Element, text: string): void {
  // Plain DOM: React may be what failed. No inline script or style needed.
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.textContent = startupProblem(text);
  element.replaceChildren(p);
}

async function start(): Promise<void> {
  const element = document.getElementById(ROOT_ID);
  if (!element) return;
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) {
    showStartupProblem(element, NOT_IN_EXCEL);
    return;
  }
  try {
    mountTaskpane(element, createOfficeBackend());
  } catch (e) {
    showStartupProblem(element, e instanceof Error ? e.message : String(e));
  }
}

if (typeof document !== "undefined") {
  if (typeof Office !== "undefined") void start();
  else {
    const element = document.getElementById(ROOT_ID);
    // office.js comes from Microsoft's CDN: without it (offline, blocked) nothing can work.
    if (element)
      showStartupProblem(element, NO_OFFICE_SCRIPT);
  }
}
