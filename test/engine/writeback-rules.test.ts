// The write-back rules both hosts follow (engine/owned.ts, engine/sheet-names.ts,
// engine/writeback.ts): markers, the proof that a marked sheet is ours, sheet
// names Excel accepts, and which conditional formats are Plan Monitor's.
import { MARKER_PREFIX, markedSheet, markerKind, markerName, markerRef, provesOwned, sheetNameOfRef } from "../../src/engine/owned";
import { cleanSheetName, freeSheetName, nameClashNotice, nameNewSheet } from "../../src/engine/sheet-names";
import { OWNED_TITLES, SUMMARY_SHEET_NAMES } from "../../src/engine/summary/names";
import { COLOUR_MARKER, RAG_FILL, colourFormula, isPlanMonitorRule } from "../../src/engine/writeback";

describe("ownership markers", () => {
  test("one name per kind, read back to its kind; other names are not markers", () => {
    expect(markerName("themes")).toBe("PlanMonitor_themes");
    expect(markerName("my kind!")).toBe("PlanMonitor_my_kind_");
    expect(markerKind(markerName("history"))).toBe("history");
    expect(markerKind("planmonitor_owners")).toBe("owners"); // Excel's names ignore case
    expect(markerKind("Budget")).toBeNull();
    expect(MARKER_PREFIX).toBe("PlanMonitor_");
  });

  test("a marker points at A1 of one sheet; anything else is not a marker", () => {
    for (const name of ["PM History", "It's here", "Sheet1", "PM Summary – Themes"]) {
      expect(markedSheet(markerRef(name))).toBe(name);
      expect(markedSheet(`=${markerRef(name)}`)).toBe(name);
    }
    expect(markedSheet("Sheet1!A1")).toBe("Sheet1");
    expect(markedSheet("='Plan'!$B$2")).toBeNull();
    expect(markedSheet("'Plan'!$A$1:$C$3")).toBeNull();
    expect(markedSheet("#REF!")).toBeNull();
    expect(markedSheet("=42")).toBeNull();
    expect(sheetNameOfRef("'O''Brien'!$C$4")).toBe("O'Brien");
  });

  test("the proof: A1 holds Plan Monitor's title for exactly that kind", () => {
    for (const [kind, title] of Object.entries(OWNED_TITLES)) {
      expect(provesOwned(kind, title)).toBe(true);
      expect(provesOwned(kind, `${title} `)).toBe(false);
      expect(provesOwned(kind, "Action")).toBe(false);
      expect(provesOwned(kind, null)).toBe(false);
    }
    expect(provesOwned("themes", OWNED_TITLES.history)).toBe(false);
    expect(provesOwned("budget", OWNED_TITLES.themes)).toBe(false);
    expect(provesOwned("toString", "function toString() { [native code] }")).toBe(false);
  });
});

describe("sheet names", () => {
  test("Excel's rules: no forbidden characters, 31 characters at most, never empty or 'History'", () => {
    expect(cleanSheetName("Q1/Q2 [draft]: what? *")).toBe("Q1-Q2 -draft-- what- -");
    expect(cleanSheetName("'quoted'")).toBe("quoted");
    expect(cleanSheetName("x".repeat(40))).toHaveLength(31);
    expect(cleanSheetName("  ")).toBe("Plan Monitor");
    expect(cleanSheetName("History")).toBe("History (2)");
    for (const name of Object.values(SUMMARY_SHEET_NAMES)) expect(cleanSheetName(name)).toBe(name);
  });

  test("unique ignoring case, with a number that still fits in 31 characters", () => {
    expect(freeSheetName("PM History", new Set())).toBe("PM History");
    expect(freeSheetName("PM History", new Set(["pm history"]))).toBe("PM History (2)");
    expect(freeSheetName("PM History", new Set(["pm history", "pm history (2)"]))).toBe("PM History (3)");
    const long = "A very long summary sheet name indeed";
    const first = cleanSheetName(long);
    const second = freeSheetName(long, new Set([first.toLowerCase()]));
    expect(second).toHaveLength(31);
    expect(second.endsWith(" (2)")).toBe(true);
    expect(nameClashNotice("PM Exceptions", second)).toBe(`A sheet of yours is already called “PM Exceptions”, so Plan Monitor named its new sheet “${second}” instead. Your sheet was not changed.`);
  });
});

test("a new sheet's name: a notice only when a sheet of the user's took the name", () => {
  expect(nameNewSheet("PM Exceptions", new Set(["plan"]))).toEqual({ name: "PM Exceptions" });
  expect(nameNewSheet("Q1/Q2", new Set())).toEqual({ name: "Q1-Q2" }); // cleaned, nothing of the user's in the way
  expect(nameNewSheet("Q1/Q2", new Set(["q1-q2"]))).toEqual({ name: "Q1-Q2 (2)", notice: nameClashNotice("Q1-Q2", "Q1-Q2 (2)") });
  expect(nameNewSheet("PM Exceptions", new Set(["pm exceptions"])).notice).toBe(nameClashNotice("PM Exceptions", "PM Exceptions (2)"));
});

describe("Plan Monitor's colouring rules", () => {
  test("the .xlsx host's marked formula and the add-in's shape are ours; a user's rule is not", () => {
    expect(colourFormula("red")).toBe(`ISTEXT("${COLOUR_MARKER}: red")`);
    expect(isPlanMonitorRule({ custom: true, formulas: [colourFormula("amber")], fill: "FF123456" })).toBe(true);
    expect(isPlanMonitorRule({ custom: true, formulas: [`=istext( "plan monitor rag: red" )`] })).toBe(true);
    for (const fill of Object.values(RAG_FILL)) {
      expect(isPlanMonitorRule({ custom: true, formulas: ["=TRUE"], fill, stopIfTrue: true })).toBe(true);
      expect(isPlanMonitorRule({ custom: true, formulas: ["TRUE"], fill: `FF${fill.slice(1)}` })).toBe(true); // exceljs: stop-if-true unknown
      expect(isPlanMonitorRule({ custom: true, formulas: ["=TRUE"], fill, stopIfTrue: false })).toBe(false);
      expect(isPlanMonitorRule({ custom: false, formulas: ["=TRUE"], fill, stopIfTrue: true })).toBe(false);
    }
    expect(isPlanMonitorRule({ custom: true, formulas: ["=TRUE"], fill: "#FFFF00", stopIfTrue: true })).toBe(false);
    expect(isPlanMonitorRule({ custom: true, formulas: ['=$B4="x"'], fill: RAG_FILL.red, stopIfTrue: true })).toBe(false);
  });
});
