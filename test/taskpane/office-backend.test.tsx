/** @jest-environment jsdom */
// The task pane on the real Office.js Excel client talking to the simulated
// Excel (tools/excel-sim), through createOfficeBackend: the wiring Excel itself uses.
import { COLOURING_KEY, SETTINGS_KEY } from "../../src/excel";
import type { WorkbookModel } from "../../tools/excel-sim/model";
import { ExcelSimBackend } from "../../tools/excel-sim/backend";
import { createOfficeBackend } from "../../src/taskpane/backend";
import { officeRuntime } from "../helpers/office";
import { loadCorpus } from "../helpers/officeHost";
import { button, click, heading, installDomShims, labelled, mount, setValue, text, unmount, waitFor } from "./harness";

const SHEET = "SCR Action Plan";

beforeAll(() => installDomShims());

let mounted: Awaited<ReturnType<typeof mount>> | null = null;
afterEach(async () => {
  if (mounted) await unmount(mounted);
  mounted = null;
});

async function setUp(): Promise<{ model: WorkbookModel; sim: ExcelSimBackend; root: HTMLElement }> {
  const { model } = await loadCorpus("scr-action-plan.xlsx");
  const sim = new ExcelSimBackend(model);
  const runtime = officeRuntime(model, { backend: sim });
  const backend = createOfficeBackend({ excel: runtime.Excel, isSetSupported: (n, v) => sim.isSetSupported(n, v) });
  mounted = await mount(backend, { asAt: "2015-10-12" });
  return { model, sim, root: mounted.container };
}

test("check, select a finding's cell, colour, clear, summaries and settings, all through Office.js", async () => {
  const { model, sim, root } = await setUp();
  await click(button(root, "Check this workbook"));
  await waitFor(() => heading(root, 3, SHEET), 10_000);
  const card = heading(root, 3, SHEET).closest("article") as HTMLElement;
  expect(text(card)).toContain("Header row3");
  expect(text(card)).toContain("Actions17");

  // Selecting a cell is one Excel.run that succeeds (the simulator accepts activate + select).
  await click(heading(root, 4, /^Status disagrees with RAG/).querySelector("button")!);
  sim.resetStats();
  await click(button(root, /^Cell I31/));
  await waitFor(() => expect(sim.requestCount).toBeGreaterThan(0));
  expect(text(root)).not.toContain("could not be selected");

  await click(button(root, "Colour RAG"));
  await waitFor(() => expect(text(root)).toContain("RAG colours applied"), 10_000);
  expect(model.settings.has(COLOURING_KEY)).toBe(true);

  await click(button(root, "Clear colours"));
  await waitFor(() => expect(text(root)).toContain("Colours cleared"), 10_000);
  expect(model.settings.has(COLOURING_KEY)).toBe(false);

  const before = model.sheets.length;
  await click(button(root, "Build summary sheets"));
  await waitFor(() => expect(text(root)).toContain("Summary sheets built"), 10_000);
  expect(model.sheets.length).toBeGreaterThan(before);

  await setValue(labelled(root, "Days overdue that are still amber"), "21");
  await click(button(root, "Save settings"));
  await waitFor(() => expect(model.settings.has(SETTINGS_KEY)).toBe(true), 10_000);
  const saved = model.settings.get(SETTINGS_KEY);
  expect((typeof saved === "string" ? JSON.parse(saved) : saved).amberDays).toBe(21);
});

test("Excel errors reach the user in plain words", async () => {
  const { sim, root } = await setUp();
  sim.cellEditMode = true;
  await click(button(root, "Check this workbook"));
  await waitFor(() => expect(text(root)).toContain("The workbook could not be checked"), 10_000);
  expect(text(root)).toContain("Excel is editing a cell. Press Enter or Esc, then try again.");
  sim.cellEditMode = false;
});
