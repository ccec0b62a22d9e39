// Pure helpers of the task pane's components (no DOM).
import { defaultSettings } from "../../src/engine/settings";
import type { SheetReport } from "../../src/engine/report";
import { isIsoDate } from "../../src/taskpane/components/ActionsBar";
import { groupFindings } from "../../src/taskpane/components/FindingsPanel";
import { applyDraft, splitWords } from "../../src/taskpane/components/SettingsPanel";
import { letterChoices } from "../../src/taskpane/components/SheetCorrection";

test("findings group by kind, most serious first, then most frequent, cells in sheet order", () => {
  const f = (code: string, column: string, row: number, severity: string) => ({ code, column, row, severity, message: `${code} at ${column}${row}` });
  const sheet = {
    name: "Plan",
    findings: [f("repeated-header", "A", 10, "info")],
    items: [
      { ref: "2", findings: [f("no-owner", "F", 12, "error"), f("rag-mismatch", "I", 12, "warning")] },
      { ref: "1", findings: [f("no-owner", "F", 5, "error")] },
      { ref: "3", findings: [f("rag-mismatch", "I", 14, "warning"), f("rag-mismatch", "I", 13, "warning")] },
    ],
  } as unknown as SheetReport;
  const groups = groupFindings(sheet);
  expect(groups.map((g) => [g.code, g.findings.length])).toEqual([
    ["no-owner", 2],
    ["rag-mismatch", 3],
    ["repeated-header", 1],
  ]);
  expect(groups[0].findings.map((p) => [`${p.finding.column}${p.finding.row}`, p.ref])).toEqual([
    ["F5", "1"],
    ["F12", "2"],
  ]);
  expect(groups[2].findings[0].ref).toBe("");
});

test("settings drafts are checked by the engine's schema", () => {
  const base = defaultSettings();
  expect(splitWords(" done, Complete ,,closed\nsigned off;ok ")).toEqual(["done", "Complete", "closed", "signed off", "ok"]);
  const ok = applyDraft(base, { amberDays: "14", completeWords: "done" });
  expect(ok).toEqual({ ok: true, settings: { ...base, amberDays: 14, completeWords: ["done"] } });
  expect(applyDraft(base, { amberDays: "", completeWords: "done" })).toMatchObject({ ok: false, amberDays: expect.stringMatching(/whole number/) });
  expect(applyDraft(base, { amberDays: "2.5", completeWords: "done" })).toMatchObject({ ok: false });
  expect(applyDraft(base, { amberDays: "99999", completeWords: "done" })).toMatchObject({ ok: false, amberDays: "Give a whole number of days (at most 3650)." });
  // Sheet corrections and other settings are kept.
  const withSheets = { ...base, sheets: { Plan: { headerRow: 4 } } };
  expect(applyDraft(withSheets, { amberDays: "30", completeWords: "done" })).toMatchObject({ ok: true, settings: { sheets: { Plan: { headerRow: 4 } } } });
});

test("column letters offered run to Z, further when the plan uses later columns", () => {
  expect(letterChoices({ owner: "F" })).toHaveLength(26);
  const wide = letterChoices({ owner: "AC" });
  expect(wide[wide.length - 1]).toBe("AH");
});

test("dates typed in the as-at field", () => {
  expect(isIsoDate("2026-02-03")).toBe(true);
  expect(isIsoDate("12/10/2015")).toBe(false);
  expect(isIsoDate("")).toBe(false);
});
