/** @jest-environment jsdom */
// The pane's newer promises, through the mounted pane: what it says about undo,
// hidden plan sheets, and failed operations (with "Try again").
import { act } from "react";
import type { Grid } from "../../src/engine/grid";
import type { HostCapabilities } from "../../src/engine/host";
import { hostCapabilities, operationsFor } from "../../src/taskpane/backend";
import { FakeBackend, RecordingHost, button, click, corpusGrids, heading, installDomShims, mount, text, unmount, waitFor } from "./harness";

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

/** A RecordingHost that says what it can do (the harness's own has no capabilities method). */
class CapableHost extends RecordingHost {
  constructor(
    grids: Grid[],
    private readonly can: HostCapabilities,
  ) {
    super(grids);
  }
  capabilities(): HostCapabilities {
    return this.can;
  }
}

async function setUp(host: RecordingHost) {
  const backend = new FakeBackend(host);
  mounted = await mount(backend, { asAt: AS_AT });
  return { host, backend, root: mounted.container };
}

/** The words under the buttons that change the workbook. */
function buttonsHint(root: HTMLElement): string {
  const group = root.querySelector('[role="group"][aria-label="Change the workbook"]')!;
  return text(group.nextElementSibling);
}

describe("undo", () => {
  test("a host with undo: the pane says each button is one undo step, Ctrl+Z in Excel", async () => {
    const { root } = await setUp(new CapableHost(grids, { undo: true }));
    expect(buttonsHint(root)).toContain("Colour RAG, Clear colours and Build summary sheets are each one undo step: Ctrl+Z in Excel");
    await click(button(root, "Colour RAG"));
    await waitFor(() => expect(text(root)).toContain("RAG colours applied"));
    expect(text(root)).toContain("press Ctrl+Z in Excel (one step)");
    await click(button(root, "Build summary sheets"));
    await waitFor(() => expect(text(root)).toContain("Summary sheets built"));
    expect(text(root)).toContain("Ctrl+Z in Excel undoes this in one step.");
  });

  for (const [name, host] of [
    ["without the capabilities method", () => new RecordingHost(grids)],
    ["that says it cannot undo", () => new CapableHost(grids, { undo: false })],
  ] as const) {
    test(`a host ${name}: Clear colours is the way back, summary sheets are Plan Monitor's own`, async () => {
      const { root } = await setUp(host());
      const hint = buttonsHint(root);
      expect(hint).not.toContain("Ctrl+Z");
      expect(hint).toContain("To take the colours off, use Clear colours");
      expect(hint).toContain("Summary sheets are Plan Monitor’s own sheets, rebuilt in place each time; building them never changes your sheets.");
      await click(button(root, "Colour RAG"));
      await waitFor(() => expect(text(root)).toContain("RAG colours applied"));
      expect(text(root)).toContain("“Clear colours” takes them off again");
      expect(text(root)).not.toContain("Ctrl+Z");
    });
  }

  test("a host whose capabilities call fails is taken to have no undo", () => {
    const host = new RecordingHost(grids) as RecordingHost & { capabilities(): HostCapabilities };
    host.capabilities = () => {
      throw new Error("Office is not ready");
    };
    expect(hostCapabilities(new FakeBackend(host))).toEqual({ undo: false });
    expect(hostCapabilities(new FakeBackend(new CapableHost(grids, { undo: true })))).toEqual({ undo: true });
    expect(hostCapabilities(new FakeBackend(new RecordingHost(grids)))).toEqual({ undo: false });
  });
});

describe("hidden plan sheets", () => {
  /** The plan twice, on a visible, a hidden and a very hidden sheet. */
  function threeSheets(): Grid[] {
    const [plan] = grids;
    return [
      { ...plan, name: "Plan 1" },
      { ...plan, name: "Plan 2", visibility: "hidden" },
      { ...plan, name: "Plan 3", visibility: "veryHidden" },
    ];
  }

  test("the sheets panel names hidden and very hidden plan sheets in plain words; visible ones get no note", async () => {
    const sheets = threeSheets();
    const host = new RecordingHost(sheets);
    const backend = new FakeBackend(host);
    // The report's visibility comes from the grid (the engine copies it); this fills it in the same way.
    const base = operationsFor(backend);
    const operations = {
      ...base,
      scan: async (...args: Parameters<typeof base.scan>) => {
        const report = await base.scan(...args);
        for (const s of report.sheets) s.visibility ??= sheets.find((g) => g.name === s.name)?.visibility;
        return report;
      },
    };
    mounted = await mount(backend, { asAt: AS_AT, operations });
    const root = mounted.container;
    await click(button(root, "Check this workbook"));
    await waitFor(() => heading(root, 3, "Plan 3"));

    const card = (name: string) => heading(root, 3, name).closest("article") as HTMLElement;
    expect(card("Plan 1").querySelector("[data-visibility]")).toBeNull();
    expect(text(card("Plan 1"))).not.toMatch(/hidden/);
    expect(text(card("Plan 2").querySelector("[data-visibility]"))).toBe(
      "“Plan 2” is hidden. It is checked like the others; unhide it in Excel (right-click a sheet tab, then Unhide) to see its colours and go to its cells.",
    );
    expect(text(card("Plan 3").querySelector("[data-visibility]"))).toBe(
      "“Plan 3” is very hidden, so Excel’s Unhide does not list it. It is checked like the others; to see its colours and go to its cells, ask whoever set up the workbook to make it visible.",
    );
    // Checked like the others: all three read in full and counted.
    const actions = (name: string) => text([...card(name).querySelectorAll("dt")].find((d) => text(d) === "Actions")!.nextElementSibling);
    expect(Number(actions("Plan 1"))).toBeGreaterThan(0);
    expect([actions("Plan 2"), actions("Plan 3")]).toEqual([actions("Plan 1"), actions("Plan 1")]);
    expect(text(root.querySelector('[role="status"]'))).toContain(`: 3 plan sheets, ${3 * Number(actions("Plan 1"))} actions,`);

    // The notes keep the pane accessible (jsdom does no layout, so contrast cannot be judged).
    const axe = (await import("axe-core")).default;
    const result = await axe.run(root, { rules: { "color-contrast": { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  }, 30_000);
});

describe("failed operations", () => {
  const enabled = (b: HTMLButtonElement) => b.getAttribute("aria-disabled") !== "true";

  test("an operation that rejects: the reason, a “Try again” that runs it again, and the buttons free", async () => {
    const { root, host } = await setUp(new RecordingHost(grids));
    host.failNext = { method: "applyColours", error: new Error("Excel did not answer within 60 seconds. Nothing was lost.") };
    await click(button(root, "Colour RAG"));
    await waitFor(() => expect(text(root)).toContain("The RAG colours could not be applied"));
    expect(text(root)).toContain("In plain words: Excel did not answer within 60 seconds. Nothing was lost.");
    expect(root.querySelector('[role="progressbar"]')).toBeNull();
    for (const label of [/^Check (this workbook|again)$/, "Colour RAG", "Clear colours", "Build summary sheets"]) expect(enabled(button(root, label))).toBe(true);
    expect(host.colourPlans).toHaveLength(0);

    await click(button(root, "Try again"));
    await waitFor(() => expect(text(root)).toContain("RAG colours applied"));
    expect(host.colourPlans).toHaveLength(1);
    expect(text(root)).not.toContain("could not be applied");
    expect(() => button(root, "Try again")).toThrow();
  });

  test("an operation that hangs, then rejects: busy while it hangs, then free, and “Try again” works", async () => {
    const host = new RecordingHost(grids);
    const { root } = await setUp(host);
    const read = host.readGrids.bind(host);
    let fail!: (e: Error) => void;
    host.readGrids = () => new Promise((_, reject) => (fail = reject));
    await click(button(root, "Check this workbook"));
    expect(root.querySelector('[role="progressbar"]')).not.toBeNull();
    expect(enabled(button(root, "Checking…"))).toBe(false);
    expect(enabled(button(root, "Build summary sheets"))).toBe(false);

    await act(async () => fail(new Error("Excel did not answer within 60 seconds.")));
    await waitFor(() => expect(text(root)).toContain("The workbook could not be checked"));
    expect(root.querySelector('[role="progressbar"]')).toBeNull();
    expect(enabled(button(root, "Check this workbook"))).toBe(true);
    expect(enabled(button(root, "Build summary sheets"))).toBe(true);
    expect(text(root.querySelector('[role="status"]'))).toBe("The workbook could not be checked");

    host.readGrids = read;
    await click(button(root, "Try again"));
    await waitFor(() => heading(root, 2, "What was found"));
    expect(text(root.querySelector('[role="status"]'))).toMatch(/^Checked as at 12 October 2015/);
  });

  test("a problem can be dismissed without trying again", async () => {
    const { root, host } = await setUp(new RecordingHost(grids));
    host.failNext = { method: "clearColours", error: new Error("Excel is busy.") };
    await click(button(root, "Clear colours"));
    await waitFor(() => expect(text(root)).toContain("The colours could not be cleared"));
    await click(button(root, "Dismiss"));
    expect(() => button(root, "Try again")).toThrow();
    // The status line (for screen readers and the eye) still says what happened last.
    expect(text(root.querySelector('[role="status"]'))).toBe("The colours could not be cleared");
    expect(host.calls.filter((c) => c === "clearColours")).toHaveLength(1);
  });
});

describe("the hook", () => {
  test("settings are read once on mount, even under React's StrictMode double mount", async () => {
    const backend = new FakeBackend(new RecordingHost(grids));
    let loads = 0;
    const load = backend.loadSettings.bind(backend);
    backend.loadSettings = () => {
      loads++;
      return load();
    };
    mounted = await mount(backend, { asAt: AS_AT });
    await waitFor(() => expect(text(mounted!.container)).toContain("Save settings"));
    expect(loads).toBe(1);
  });

  test("closing the pane while an operation runs: the operation ends quietly", async () => {
    const host = new RecordingHost(grids);
    const { root } = await setUp(host);
    let finish!: (g: Grid[]) => void;
    host.readGrids = () => new Promise((resolve) => (finish = resolve));
    await click(button(root, "Check this workbook"));
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      await unmount(mounted!);
      mounted = null;
      await act(async () => finish(grids));
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});
