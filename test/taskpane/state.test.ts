// The pane's reducer and store, without React.
import { defaultSettings } from "../../src/engine/settings";
import type { PlanReport } from "../../src/engine/report";
import { initialState, reducer, reportIsStale, settingsOf, todayIso, withSheetCorrection, type CheckState } from "../../src/taskpane/state";
import { createStore } from "../../src/taskpane/store";

const report = (asAt: string): PlanReport => ({ asAt, sheets: [], skipped: [] });

test("the initial state: the date given (or today), nothing loaded, nothing running", () => {
  expect(initialState("2015-10-12")).toEqual({
    asAt: "2015-10-12",
    settings: null,
    report: null,
    reportMadeWith: null,
    busy: null,
    problem: null,
    notice: null,
    status: "",
  });
  expect(initialState().asAt).toBe(todayIso());
  expect(todayIso(new Date(2026, 0, 5))).toBe("2026-01-05");
});

test("start clears the last problem, notice and status; progress only counts while busy", () => {
  let s: CheckState = { ...initialState("2015-10-12"), problem: { title: "Old", text: "old" }, notice: { intent: "info", title: "N", text: "n" }, status: "Done." };
  expect(reducer(s, { type: "progress", done: 1, total: 2, what: "x" })).toBe(s);
  s = reducer(s, { type: "start", task: "check" });
  expect(s).toMatchObject({ busy: { task: "check", done: 0, total: 0, what: "" }, problem: null, notice: null, status: "" });
  s = reducer(s, { type: "progress", done: 2, total: 5, what: "Reading sheet 2 of 5…" });
  expect(s.busy).toEqual({ task: "check", done: 2, total: 5, what: "Reading sheet 2 of 5…" });
});

test("finish and fail both end the work; fail keeps the operation to try again", () => {
  const busy = reducer(initialState("2015-10-12"), { type: "start", task: "colour" });
  const done = reducer(busy, { type: "finish", status: "Coloured 3 actions.", notice: { intent: "success", title: "T", text: "t" } });
  expect(done).toMatchObject({ busy: null, status: "Coloured 3 actions.", notice: { title: "T" } });
  // A finish without words keeps what was there.
  expect(reducer({ ...busy, status: "before" }, { type: "finish" })).toMatchObject({ busy: null, status: "before", notice: null });

  const failed = reducer(busy, { type: "fail", problem: { title: "The RAG colours could not be applied", text: "Excel said no.", retry: { kind: "colour" } } });
  expect(failed.busy).toBeNull();
  expect(failed.status).toBe("The RAG colours could not be applied");
  expect(failed.problem?.retry).toEqual({ kind: "colour" });
  expect(reducer(failed, { type: "dismissProblem" }).problem).toBeNull();
});

test("a problem outside a long task leaves the busy state as it is", () => {
  const busy = reducer(initialState("2015-10-12"), { type: "start", task: "check" });
  const s = reducer(busy, { type: "problem", problem: { title: "That cell could not be selected", text: "x" } });
  expect(s.busy).toEqual(busy.busy);
  expect(s.problem?.title).toBe("That cell could not be selected");
});

test("dismissing nothing changes nothing (no re-render)", () => {
  const s = initialState("2015-10-12");
  expect(reducer(s, { type: "dismissProblem" })).toBe(s);
  expect(reducer(s, { type: "dismissNotice" })).toBe(s);
});

test("the report goes stale when the date or the settings change", () => {
  const settings = defaultSettings();
  let s = reducer(initialState("2015-10-12"), { type: "settings", settings });
  expect(reportIsStale(s)).toBe(false);
  s = reducer(s, { type: "report", report: report("2015-10-12"), asAt: "2015-10-12", settings });
  expect(reportIsStale(s)).toBe(false);
  expect(reportIsStale(reducer(s, { type: "asAt", asAt: "2016-01-01" }))).toBe(true);
  expect(reportIsStale(reducer(s, { type: "settings", settings: { ...settings, amberDays: 7 } }))).toBe(true);
});

test("settingsOf: as saved, or the standard ones before they are loaded", () => {
  expect(settingsOf(initialState("2015-10-12"))).toEqual(defaultSettings());
  const saved = { ...defaultSettings(), amberDays: 3 };
  expect(settingsOf({ ...initialState("2015-10-12"), settings: saved })).toBe(saved);
});

test("a sheet correction is saved without empty parts, and removed by null or an empty one", () => {
  const base = { ...defaultSettings(), sheets: { Other: { headerRow: 2 } } };
  const withPlan = withSheetCorrection(base, "Plan", { headerRow: 4, columns: undefined, ignore: undefined });
  expect(withPlan.sheets).toEqual({ Other: { headerRow: 2 }, Plan: { headerRow: 4 } });
  expect(base.sheets).toEqual({ Other: { headerRow: 2 } }); // not changed in place
  expect(withSheetCorrection(withPlan, "Plan", null).sheets).toEqual({ Other: { headerRow: 2 } });
  expect(withSheetCorrection(withPlan, "Plan", { ignore: undefined }).sheets).toEqual({ Other: { headerRow: 2 } });
});

test("the store: getState is the reducer's newest result at once; listeners hear only changes", () => {
  const store = createStore(reducer, initialState("2015-10-12"));
  const heard: string[] = [];
  const stop = store.subscribe(() => heard.push(store.getState().asAt));
  store.dispatch({ type: "asAt", asAt: "2016-01-01" });
  expect(store.getState().asAt).toBe("2016-01-01");
  store.dispatch({ type: "dismissNotice" }); // no change: nobody is told
  expect(heard).toEqual(["2016-01-01"]);
  stop();
  store.dispatch({ type: "asAt", asAt: "2017-01-01" });
  expect(heard).toEqual(["2016-01-01"]);
});
