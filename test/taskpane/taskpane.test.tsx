/** @jest-environment jsdom */
// The task pane against a fake backend over the SCR action plan from the corpus.
import type { Grid } from "../../src/engine/grid";
import { defaultSettings } from "../../src/engine/settings";
import {
  FakeBackend,
  RecordingHost,
  button,
  click,
  corpusGrids,
  heading,
  installDomShims,
  labelled,
  mount,
  setValue,
  text,
  unmount,
  waitFor,
} from "./harness";

const SHEET = "SCR Action Plan";
/** The corpus labels' as-at date for this plan. */
const AS_AT = "2015-10-12";

let grids: Grid[];
beforeAll(async () => {
  installDomShims();
  grids = await corpusGrids("scr-action-plan.xlsx");
});

let mounted: Awaited<ReturnType<typeof mount>> | null = null;
afterEach(async () => {
  if (mounted) await unmount(mounted);
  mounted = null;
});

async function setUp(options: { asAt?: string } = {}) {
  const host = new RecordingHost(grids);
  const backend = new FakeBackend(host);
  mounted = await mount(backend, options);
  return { host, backend, root: mounted.container };
}

async function checkWorkbook(root: HTMLElement) {
  await click(button(root, /^Check (this workbook|again)$/));
  await waitFor(() => heading(root, 2, "What was found"));
  await waitFor(() => expect(text(root.querySelector('[role="status"]'))).toMatch(/^Checked as at/));
}

/** The <dd> after the <dt> with this text, within a sheet card. */
function fact(card: HTMLElement, term: string): string {
  const dt = [...card.querySelectorAll("dt")].find((d) => text(d) === term);
  if (!dt) throw new Error(`No fact "${term}"`);
  return text(dt.nextElementSibling);
}

test("starts with today's date, a labelled Check button and the settings loaded", async () => {
  const { root } = await setUp();
  const date = labelled(root, "RAG as at");
  expect(date.type).toBe("date");
  expect(date.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(heading(root, 1, "Plan Monitor")).toBeTruthy();
  expect(labelled(root, "Days overdue that are still amber").value).toBe("30");
  expect(button(root, "Check this workbook").getAttribute("aria-disabled")).not.toBe("true");
  expect(text(root)).not.toMatch(/could not/i);
});

test("Check shows the sheet with header row 3, 17 actions and its column roles in plain words", async () => {
  const { root, host } = await setUp({ asAt: AS_AT });
  await checkWorkbook(root);

  expect(host.calls).toContain("readGrids");
  expect(host.progressSeen).toEqual(["Reading sheet 1 of 1…"]);
  const card = heading(root, 3, SHEET).closest("article") as HTMLElement;
  expect(fact(card, "Header row")).toBe("3");
  expect(fact(card, "Actions")).toBe("17");
  expect(fact(card, "How sure")).toBe("100%");
  const roles = [...card.querySelectorAll("li")].map(text);
  // Each role with its column and why it has that role.
  expect(roles).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Owner: column F“Lead officer” names the owner; names, initials or teams in \d+ of \d+ cells$/),
      expect.stringMatching(/^Due date: column E“.+” names a due date; dates/),
      expect.stringMatching(/^Status: column I“.+” names a status/),
    ]),
  );
  expect(text(root.querySelector('[role="status"]'))).toBe("Checked as at 12 October 2015: 1 plan sheet, 17 actions, 6 things to look at.");
});

test("findings are grouped by sheet and kind with counts; a finding selects its cell", async () => {
  const { root, backend } = await setUp({ asAt: AS_AT });
  await checkWorkbook(root);

  expect(heading(root, 2, "Things to look at (6)")).toBeTruthy();
  const sheetHeading = heading(root, 3, `${SHEET} (6)`);
  const groups = [...(sheetHeading.closest("article") as HTMLElement).querySelectorAll("h4")].map((h) => text(h).replace(/,.*$/, ""));
  // Counts first, warnings before information.
  expect(groups).toEqual(["Status disagrees with RAG (2)", "Header row repeated (4)"]);

  const mismatch = heading(root, 4, /^Status disagrees with RAG \(2\)/);
  const toggle = mismatch.querySelector("button") as HTMLButtonElement;
  expect(toggle.getAttribute("aria-expanded")).toBe("false");
  await click(toggle);
  expect(toggle.getAttribute("aria-expanded")).toBe("true");

  const entry = button(root, /^Cell I31/);
  expect(text(entry)).toMatch(/The status says/);
  await click(entry);
  expect(backend.selected).toEqual([{ sheet: SHEET, address: "I31" }]);
});

test("RAG counts per theme and per owner, with RAG words in the headings", async () => {
  const { root } = await setUp({ asAt: AS_AT });
  await checkWorkbook(root);
  const tables = [...root.querySelectorAll("table")];
  expect(tables.map((t) => text(t.querySelector("caption")))).toEqual(["By theme", "By owner"]);
  const headings = [...tables[0].querySelectorAll("thead th")].map(text);
  expect(headings).toEqual(["Theme", "Blue", "Green", "Amber", "Red", "Grey", "All", "Health"]);
  const totalRow = tables[0].querySelector("tfoot tr") as HTMLElement;
  expect(text(totalRow.querySelector("th"))).toBe("Total");
  expect(text(totalRow.children[6])).toBe("17");
  // Plan health per theme, in words (the owners table has none).
  const healthCells = [...tables[0].querySelectorAll("[data-health]")];
  expect(healthCells.length).toBe(tables[0].querySelectorAll("tbody tr").length + 1);
  for (const c of healthCells) expect(["On track", "At risk", "Off track"]).toContain(text(c));
  expect([...tables[1].querySelectorAll("thead th")].map(text)).not.toContain("Health");
});

test("Colour RAG, Clear colours and Build summary sheets call the host and say what happened", async () => {
  const { root, host } = await setUp({ asAt: AS_AT });
  await checkWorkbook(root);

  await click(button(root, "Colour RAG"));
  await waitFor(() => expect(host.colourPlans).toHaveLength(1));
  const plan = host.colourPlans[0];
  expect(plan.sheets.map((s) => s.name)).toEqual([SHEET]);
  expect(plan.sheets[0].cells).toHaveLength(17);
  await waitFor(() => expect(text(root)).toContain("RAG colours applied"));
  // The report was fresh: no second read.
  expect(host.calls.filter((c) => c === "readGrids")).toHaveLength(1);

  await click(button(root, "Clear colours"));
  await waitFor(() => expect(host.calls).toContain("clearColours"));
  await waitFor(() => expect(text(root)).toContain("Colours cleared"));

  await click(button(root, "Build summary sheets"));
  await waitFor(() => expect(host.writtenSpecs).toHaveLength(1));
  expect(host.calls).toContain("readOwnedSheet");
  const names = host.writtenSpecs[0].map((s) => s.name);
  expect(names.length).toBeGreaterThan(0);
  await waitFor(() => expect(text(root)).toContain("Summary sheets built"));
  expect(text(root)).toContain(names[0]);
  expect(text(root)).toContain("A test notice from the host.");
});

test("a changed as-at date makes the results stale; Colour RAG checks again first", async () => {
  const { root, host } = await setUp({ asAt: AS_AT });
  await checkWorkbook(root);
  await setValue(labelled(root, "RAG as at"), "2016-01-31");
  expect(text(root)).toContain("Results are as at 12 October 2015");
  await click(button(root, "Colour RAG"));
  await waitFor(() => expect(host.colourPlans).toHaveLength(1));
  expect(host.calls.filter((c) => c === "readGrids")).toHaveLength(2);
  await waitFor(() => expect(text(root)).not.toContain("Results are as at"));
});

test("a settings change is saved through the backend and the workbook is checked again", async () => {
  const { root, backend, host } = await setUp({ asAt: AS_AT });
  await checkWorkbook(root);

  await setValue(labelled(root, "Days overdue that are still amber"), "14");
  await setValue(labelled<HTMLTextAreaElement>(root, "Status words that mean complete"), "complete, done,, signed off ");
  expect(text(root)).toContain("Not saved yet.");
  await click(button(root, "Save settings"));

  await waitFor(() => expect(backend.saves).toHaveLength(1));
  expect(backend.saves[0]).toEqual({ ...defaultSettings(), amberDays: 14, completeWords: ["complete", "done", "signed off"] });
  await waitFor(() => expect(host.calls.filter((c) => c === "readGrids")).toHaveLength(2));
  expect(text(root)).not.toContain("Not saved yet.");
});

test("invalid settings are explained and not saved", async () => {
  const { root, backend } = await setUp();
  await setValue(labelled(root, "Days overdue that are still amber"), "-3");
  await click(button(root, "Save settings"));
  expect(text(root)).toContain("Give a whole number of days (at least 0).");
  expect(backend.saves).toHaveLength(0);
});

test("correcting the header row saves it for the sheet and checks again", async () => {
  const { root, backend, host } = await setUp({ asAt: AS_AT });
  await checkWorkbook(root);

  const correct = button(root, "Correct header row or columns");
  await click(correct);
  expect(correct.getAttribute("aria-expanded")).toBe("true");
  const form = root.querySelector(`form[aria-label="Correct “${SHEET}”"]`) as HTMLElement;
  expect(labelled(form, "Header row").value).toBe("3");
  await setValue(labelled<HTMLSelectElement>(form, "Owner"), "G");
  await click(button(form, "Save and check again"));

  await waitFor(() => expect(backend.saves).toHaveLength(1));
  const override = backend.saves[0].sheets[SHEET];
  expect(override.headerRow).toBeUndefined();
  expect(override.columns).toMatchObject({ owner: "G", due: "E", status: "I" });
  await waitFor(() => expect(host.calls.filter((c) => c === "readGrids")).toHaveLength(2));
  await waitFor(() => expect(text(root)).toContain("Owner: column G"));
  expect(text(root)).toContain("Owner: column Gyou chose this column in the settings");
  expect(text(root)).toContain("Your sheet corrections");
});

test("errors are shown in plain words and the pane stays usable", async () => {
  const { root, host } = await setUp({ asAt: AS_AT });
  host.failNext = { method: "readGrids", error: new Error("Excel is busy editing a cell.") };
  await click(button(root, "Check this workbook"));
  await waitFor(() => expect(text(root)).toContain("The workbook could not be checked"));
  expect(text(root)).toContain("In plain words: Excel is busy editing a cell.");
  expect(button(root, "Check this workbook").getAttribute("aria-disabled")).not.toBe("true");
  await checkWorkbook(root);
});

test("every form control has a label", async () => {
  const { root } = await setUp({ asAt: AS_AT });
  await checkWorkbook(root);
  await click(button(root, "Correct header row or columns"));
  for (const el of root.querySelectorAll<HTMLElement>("input, select, textarea")) {
    const id = el.id;
    const named = (id && root.querySelector(`label[for="${id}"]`)) || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby") || el.closest("label");
    expect(named ? "labelled" : `unlabelled ${el.outerHTML}`).toBe("labelled");
  }
});

test("a long scan shows a progress bar with the host's words and disables the buttons", async () => {
  const host = new RecordingHost(grids);
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const read = host.readGrids.bind(host);
  host.readGrids = async (progress) => {
    progress?.(2, 5, "Reading sheet 2 of 5…");
    await gate;
    return read(progress);
  };
  mounted = await mount(new FakeBackend(host), { asAt: AS_AT });
  const root = mounted.container;
  await click(button(root, "Check this workbook"));

  const bar = root.querySelector('[role="progressbar"]');
  expect(bar).not.toBeNull();
  expect(bar!.getAttribute("aria-valuenow")).toBe("0.4");
  expect(text(root)).toContain("Reading sheet 2 of 5…");
  expect(button(root, "Checking…").getAttribute("aria-disabled")).toBe("true");
  expect(button(root, "Colour RAG").getAttribute("aria-disabled")).toBe("true");
  expect(text(root.querySelector('[role="status"]'))).toBe("Checking the workbook…");

  release();
  await waitFor(() => heading(root, 2, "What was found"));
  expect(root.querySelector('[role="progressbar"]')).toBeNull();
  expect(button(root, "Colour RAG").getAttribute("aria-disabled")).not.toBe("true");
});

test("sheets left out are listed with their reason, and a header row can be given for one", async () => {
  const notes: Grid = { name: "Notes", rows: [[{ value: "Read me first", text: "Read me first" }]], merges: [] };
  const host = new RecordingHost([...grids, notes]);
  const backend = new FakeBackend(host);
  mounted = await mount(backend, { asAt: AS_AT });
  const root = mounted.container;
  await checkWorkbook(root);

  const left = heading(root, 3, "Left out (1 sheet)").closest("article") as HTMLElement;
  expect(text(left)).toMatch(/^Left out \(1 sheet\)Notes: \S/);
  await click(button(left, "This sheet has a plan: give its header row"));
  const form = left.querySelector('form[aria-label="Correct “Notes”"]') as HTMLElement;
  await setValue(labelled(form, "Header row"), "1");
  await click(button(form, "Save and check again"));
  await waitFor(() => expect(backend.saves).toHaveLength(1));
  expect(backend.saves[0].sheets).toEqual({ Notes: { headerRow: 1 } });
});

test("a sheet left out shows its closest row with the evidence, and “Use row N” accepts it with the roles filled in", async () => {
  const cell = (v: string) => ({ value: v, text: v });
  const birthdays: Grid = {
    name: "Birthdays",
    rows: [
      [cell("Staff birthdays")],
      [cell("Name"), cell("Team"), cell("Date")],
      [cell("Jo Bloggs"), cell("Adults"), cell("12/03/2020")],
      [cell("Sam Smith"), cell("Children"), cell("01/06/2020")],
      [cell("Ann Jones"), cell("Finance"), cell("23/09/2020")],
    ],
    merges: [],
  };
  const host = new RecordingHost([...grids, birthdays]);
  const backend = new FakeBackend(host);
  mounted = await mount(backend, { asAt: AS_AT });
  const root = mounted.container;
  await checkWorkbook(root);

  const left = heading(root, 3, "Left out (1 sheet)").closest("article") as HTMLElement;
  expect(text(left)).toContain("Closest to a header: row 2");
  expect(text(left)).toContain("Due date: column C“Date” names a due date; dates in 3 of 3 cells");
  await click(button(left, "Use row 2"));
  const form = left.querySelector('form[aria-label="Correct “Birthdays”"]') as HTMLElement;
  expect(labelled(form, "Header row").value).toBe("2");
  expect(labelled<HTMLSelectElement>(form, "Due date").value).toBe("C");
  expect(text(form)).toContain("“Date” names a due date; dates in 3 of 3 cells");
  await setValue(labelled<HTMLSelectElement>(form, "Action"), "B");
  await click(button(form, "Save and check again"));
  await waitFor(() => expect(backend.saves).toHaveLength(1));
  expect(backend.saves[0].sheets.Birthdays).toMatchObject({ headerRow: 2, columns: { action: "B", due: "C" } });
  await waitFor(() => expect(heading(root, 3, "Birthdays")).toBeTruthy());
});

test("“Use the row I have selected” takes the selected cell's row, and says so when the selection is on another sheet", async () => {
  const notes: Grid = { name: "Notes", rows: [[{ value: "Read me first", text: "Read me first" }]], merges: [] };
  const host = new RecordingHost([...grids, notes]);
  const backend = new FakeBackend(host);
  mounted = await mount(backend, { asAt: AS_AT });
  const root = mounted.container;
  await checkWorkbook(root);

  backend.selection = { sheet: SHEET, row: 3 };
  await click(button(heading(root, 3, "Left out (1 sheet)").closest("article") as HTMLElement, "Use the row I have selected"));
  await waitFor(() => expect(text(root)).toContain("Select a cell in the header row of “Notes” first"));
  expect(backend.saves).toHaveLength(0);

  backend.selection = { sheet: "Notes", row: 1 };
  await click(button(heading(root, 3, "Left out (1 sheet)").closest("article") as HTMLElement, "Use the row I have selected"));
  await waitFor(() => expect(backend.saves).toHaveLength(1));
  expect(backend.saves[0].sheets).toEqual({ Notes: { headerRow: 1 } });
});

test("a sheet can be left out and included again", async () => {
  const { root, backend } = await setUp({ asAt: AS_AT });
  await checkWorkbook(root);
  await click(button(root, "Correct header row or columns"));
  await click(root.querySelector<HTMLInputElement>('input[type="checkbox"]')!);
  await click(button(root, "Save and check again"));
  await waitFor(() => expect(text(root)).toContain("you chose to leave this sheet out"));
  expect(backend.saved.sheets[SHEET]).toEqual({ ignore: true });
  expect(text(root)).toContain("No sheet of this workbook looks like an action plan.");

  await click(button(root, `Include “${SHEET}” again`));
  await waitFor(() => heading(root, 3, SHEET));
  expect(backend.saved.sheets).toEqual({});
});

test("the theme follows a dark Office theme and can be forced by a demo page", async () => {
  const { detectTheme, luminance } = await import("../../src/taskpane/theme");
  expect(luminance("#ffffff")).toBeCloseTo(1);
  expect(luminance("#000000")).toBe(0);
  expect(detectTheme()).toBe("light"); // no Office, system light (the matchMedia shim)

  (globalThis as { Office?: unknown }).Office = { context: { officeTheme: { bodyBackgroundColor: "#262626" } } };
  try {
    expect(detectTheme()).toBe("dark");
  } finally {
    delete (globalThis as { Office?: unknown }).Office;
  }

  mounted = await mount(new FakeBackend(new RecordingHost(grids)), { theme: "dark" });
  expect(mounted.container.querySelector("[data-theme]")!.getAttribute("data-theme")).toBe("dark");
});

test("axe finds no accessibility violations in the checked pane (light and dark)", async () => {
  const axe = (await import("axe-core")).default;
  for (const theme of ["light", "dark"] as const) {
    const host = new RecordingHost(grids);
    mounted = await mount(new FakeBackend(host), { asAt: AS_AT, theme });
    const root = mounted.container;
    await checkWorkbook(root);
    await click(heading(root, 4, /^Status disagrees with RAG/).querySelector("button")!);
    await click(button(root, "Correct header row or columns"));
    // jsdom does no layout, so colour contrast cannot be judged here.
    const result = await axe.run(root, { rules: { "color-contrast": { enabled: false } } });
    expect(result.passes.length).toBeGreaterThan(10);
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await unmount(mounted);
    mounted = null;
  }
  // Two full axe runs: about 3 s alone, more than jest's default 5 s when the whole suite runs in parallel.
}, 30_000);

test("the host's warnings and unusable saved settings are told to the user", async () => {
  const host = new RecordingHost(grids);
  const backend = new FakeBackend(host);
  backend.loadWarning = "Plan Monitor could not use the settings saved in this workbook, so it is using the standard settings.";
  mounted = await mount(backend, { asAt: AS_AT });
  const root = mounted.container;
  await waitFor(() => expect(text(root)).toContain("Standard settings in use"));
  expect(text(root)).toContain(backend.loadWarning);

  backend.hostWarnings = ["This version of Excel cannot report merged cells (needs ExcelApi 1.13)."];
  await checkWorkbook(root);
  expect(text(root)).toContain("Please note");
  expect(text(root)).toContain("cannot report merged cells");
  await click(button(root, "Colour RAG"));
  await waitFor(() => expect(text(root)).toContain("RAG colours applied"));
  expect(text(root)).toContain("cannot report merged cells");
});
