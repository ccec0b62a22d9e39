// The pane's work without React: a store, the effects, a fake backend over the
// SCR action plan. Every failure ends the work and offers to try it again.
import type { Grid } from "../../src/engine/grid";
import { defaultSettings } from "../../src/engine/settings";
import { operationsFor } from "../../src/taskpane/backend";
import { createPaneEffects, type PaneEffects } from "../../src/taskpane/effects";
import { initialState, reducer, type Operation } from "../../src/taskpane/state";
import { createStore } from "../../src/taskpane/store";
import { FakeBackend, RecordingHost, corpusGrids } from "./harness";

const SHEET = "SCR Action Plan";
const AS_AT = "2015-10-12";

let grids: Grid[];
beforeAll(async () => {
  grids = await corpusGrids("scr-action-plan.xlsx");
});

function setUp() {
  const host = new RecordingHost(grids);
  const backend = new FakeBackend(host);
  const store = createStore(reducer, initialState(AS_AT));
  const effects = createPaneEffects(store, backend, operationsFor(backend));
  return { host, backend, store, effects };
}

/** A promise the test settles when it chooses: an Excel call that hangs until the host's timeout rejects it. */
function gate<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

test("load reads the saved settings; a check then uses them", async () => {
  const { backend, store, effects } = setUp();
  backend.saved = { ...defaultSettings(), amberDays: 7 };
  await effects.load();
  expect(store.getState().settings?.amberDays).toBe(7);
  await effects.check();
  const s = store.getState();
  expect(s.busy).toBeNull();
  expect(s.reportMadeWith?.settings.amberDays).toBe(7);
  expect(s.report?.sheets.map((x) => x.name)).toEqual([SHEET]);
  expect(s.status).toMatch(/^Checked as at 12 October 2015: 1 plan sheet, 17 actions/);
});

test("saving settings checks again with the settings just saved, not the ones before", async () => {
  const { host, store, effects } = setUp();
  await effects.load();
  await effects.check();
  await effects.saveSettings({ ...defaultSettings(), amberDays: 3 });
  expect(host.calls.filter((c) => c === "readGrids")).toHaveLength(2);
  expect(store.getState().reportMadeWith?.settings.amberDays).toBe(3);
  expect(store.getState().status).toMatch(/^Checked as at/);
});

test("a correction is saved on top of the newest settings and the sheet checked again", async () => {
  const { backend, store, effects } = setUp();
  await effects.load();
  await effects.saveSettings({ ...defaultSettings(), amberDays: 3 });
  await effects.correctSheet(SHEET, { headerRow: 3 });
  expect(backend.saved).toMatchObject({ amberDays: 3, sheets: { [SHEET]: { headerRow: 3 } } });
  expect(store.getState().report?.sheets[0].headerRow).toBe(3);
});

test("one long task at a time: a second click while one runs does nothing", async () => {
  const { host, store, effects } = setUp();
  await effects.load();
  const reading = gate<Grid[]>();
  host.readGrids = () => reading.promise;
  const first = effects.check();
  expect(store.getState().busy?.task).toBe("check");
  await effects.colour(); // refused at once
  expect(store.getState().busy?.task).toBe("check");
  reading.resolve(grids);
  await first;
  expect(store.getState().busy).toBeNull();
  expect(host.calls).not.toContain("applyColours");
});

// Each operation, the host or backend call that fails under it, and what "Try again" runs.
const failing: { op: Operation; fail: (f: ReturnType<typeof setUp>, e: Error) => () => number; title: RegExp }[] = [
  { op: { kind: "check" }, fail: ({ host }, e) => failHostOnce(host, "readGrids", e), title: /^The workbook could not be checked$/ },
  { op: { kind: "colour" }, fail: ({ host }, e) => failHostOnce(host, "applyColours", e), title: /^The RAG colours could not be applied$/ },
  { op: { kind: "clear" }, fail: ({ host }, e) => failHostOnce(host, "clearColours", e), title: /^The colours could not be cleared$/ },
  { op: { kind: "summaries" }, fail: ({ host }, e) => failHostOnce(host, "writeSheets", e), title: /^The summary sheets could not be built$/ },
  { op: { kind: "saveSettings", settings: { ...defaultSettings(), amberDays: 9 } }, fail: ({ backend }, e) => failOnce(backend, "saveSettings", e), title: /^Your settings could not be saved$/ },
  { op: { kind: "correctSheet", sheet: SHEET, override: { headerRow: 3 } }, fail: ({ backend }, e) => failOnce(backend, "saveSettings", e), title: /^Your settings could not be saved$/ },
  { op: { kind: "selectCell", sheet: SHEET, address: "I31" }, fail: ({ backend }, e) => failOnce(backend, "selectCell", e), title: /^That cell could not be selected \(I31 on “SCR Action Plan”\)$/ },
  { op: { kind: "takeSelectedRow", sheet: SHEET }, fail: ({ backend }, e) => failOnce(backend, "selectedCell", e), title: /^The selected cell could not be read$/ },
  { op: { kind: "load" }, fail: ({ backend }, e) => failOnce(backend, "loadSettings", e), title: /^Your saved settings could not be read$/ },
];

/** Make the next call of a host method fail; returns how many times it has been called since. */
function failHostOnce(host: RecordingHost, method: "readGrids" | "applyColours" | "clearColours" | "writeSheets", error: Error): () => number {
  const before = host.calls.length;
  host.failNext = { method, error };
  return () => host.calls.slice(before).filter((c) => c === method).length;
}

/** Make the next call of a backend method fail; returns how many times it has been called since. */
function failOnce(backend: FakeBackend, method: "saveSettings" | "selectCell" | "selectedCell" | "loadSettings", error: Error): () => number {
  const real = backend[method].bind(backend) as (...a: unknown[]) => Promise<unknown>;
  let calls = 0;
  (backend as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
    calls++;
    return calls === 1 ? Promise.reject(error) : real(...args);
  };
  return () => calls;
}

async function readyWithReport(f: ReturnType<typeof setUp>): Promise<PaneEffects> {
  await f.effects.load();
  await f.effects.check();
  f.backend.selection = { sheet: SHEET, row: 3 };
  return f.effects;
}

test.each(failing)("$op.kind: a rejected call ends the work, says why, and “Try again” runs it again", async ({ op, fail, title }) => {
  const f = setUp();
  const effects = await readyWithReport(f);
  const calls = fail(f, new Error("Excel did not answer in time."));
  await effects.perform(op);
  expect(calls()).toBe(1);
  let s = f.store.getState();
  expect(s.busy).toBeNull();
  expect(s.problem?.title).toMatch(title);
  expect(s.problem?.text).toContain("Excel did not answer in time.");
  expect(s.problem?.retry).toEqual(op);

  await effects.retry();
  expect(calls()).toBe(2);
  s = f.store.getState();
  expect(s.busy).toBeNull();
  expect(s.problem).toBeNull();
});

test("an Excel call that hangs, then rejects: busy while it hangs, free and retryable after", async () => {
  const f = setUp();
  const effects = await readyWithReport(f);
  const writing = gate<never>();
  const realWrite = f.host.writeSheets.bind(f.host);
  f.host.writeSheets = () => writing.promise;
  const running = effects.buildSummaries();
  await new Promise((r) => setTimeout(r, 0));
  expect(f.store.getState().busy?.task).toBe("summaries");
  await effects.retry(); // nothing to retry while it runs
  expect(f.store.getState().busy?.task).toBe("summaries");

  writing.reject(new Error("Excel did not answer within 60 seconds."));
  await running;
  const s = f.store.getState();
  expect(s.busy).toBeNull();
  expect(s.problem).toMatchObject({ title: "The summary sheets could not be built", text: "In plain words: Excel did not answer within 60 seconds.", retry: { kind: "summaries" } });

  f.host.writeSheets = realWrite;
  await effects.retry();
  expect(f.store.getState().problem).toBeNull();
  expect(f.store.getState().notice?.title).toBe("Summary sheets built");
});

test("saved settings that cannot be read: the standard ones are used, and the reason is said once", async () => {
  const f = setUp();
  failOnce(f.backend, "loadSettings", new Error("The settings store is locked."));
  await f.effects.load();
  const s = f.store.getState();
  expect(s.settings).toEqual(defaultSettings());
  expect(s.problem?.text).toBe("In plain words: The settings store is locked. Plan Monitor is using its standard settings until you save yours again.");
});

test("a selection on another sheet is explained, with nothing to retry", async () => {
  const f = setUp();
  const effects = await readyWithReport(f);
  f.backend.selection = { sheet: "Elsewhere", row: 2 };
  await effects.takeSelectedRow(SHEET);
  expect(f.store.getState().problem).toMatchObject({ title: `Select a cell in the header row of “${SHEET}” first` });
  expect(f.store.getState().problem?.retry).toBeUndefined();
  expect(f.backend.saves).toHaveLength(0);
});

test("progress from an operation that already failed does not move the next one's progress", async () => {
  const f = setUp();
  await f.effects.load();
  const reading = gate<Grid[]>();
  let lateProgress: ((done: number, total: number, what: string) => void) | undefined;
  f.host.readGrids = (progress) => {
    lateProgress = progress;
    return reading.promise;
  };
  const first = f.effects.check();
  reading.reject(new Error("Excel did not answer in time."));
  await first;

  const second = gate<Grid[]>();
  f.host.readGrids = () => second.promise;
  const again = f.effects.retry();
  expect(f.store.getState().busy).toEqual({ task: "check", done: 0, total: 0, what: "" });
  lateProgress!(3, 4, "Reading sheet 3 of 4…"); // the first, timed-out read calling back
  expect(f.store.getState().busy).toEqual({ task: "check", done: 0, total: 0, what: "" });
  second.resolve(grids);
  await again;
  expect(f.store.getState().busy).toBeNull();
  expect(f.store.getState().report?.sheets.map((s) => s.name)).toEqual([SHEET]);
});
