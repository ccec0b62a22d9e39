// Finding the header row: a row of role words over columns that hold what those roles hold.
import { findHeaderRow, HEADER_SEARCH_ROWS, headerAt, isPlanHeader, isRepeatedHeader, rowTexts } from "../../../src/engine/layout/header";
import { grid } from "../../helpers/grid";

const HEADER = ["Ref", "Action", "Lead officer", "Target date", "Status", "Progress update"];
const ROWS = [
  ["1", "Review the safeguarding policy", "Jo Bloggs", "March 2020", "Complete", "Reviewed and agreed by the board"],
  ["2", "Train all staff in the new procedure", "Sam Smith", "June 2020", "On track", "Half of the teams trained"],
  ["3", "Audit case files each quarter", "Ali Khan", "Sept 2020", "Not started", ""],
];

describe("findHeaderRow", () => {
  test("below a title and notes, the row naming the plan's columns, each role on its column", () => {
    const g = grid("Plan", [["Improvement Plan 2019/20"], ["Updated: 12th October 2019"], [], HEADER, ...ROWS]);
    const { header } = findHeaderRow(g);
    expect(header?.row).toBe(3);
    expect(header?.columns).toEqual({ ref: 0, action: 1, owner: 2, due: 3, status: 4, progress: 5 });
    expect(header?.isPlan).toBe(true);
    expect(header?.confidence).toBeGreaterThan(0.5);
    expect(header?.evidence.find((e) => e.role === "owner")?.header).toBe("Lead officer");
  });

  test("a sheet of reference data has no plan header, but its best row is offered as a candidate", () => {
    const g = grid("Lookups", [
      ["Code", "Description"],
      ["A", "Adults"],
      ["C", "Children"],
    ]);
    const { header, candidate } = findHeaderRow(g);
    expect(header).toBeNull();
    expect(candidate === null || !candidate.isPlan).toBe(true);
  });

  test("only the first rows are searched", () => {
    const padding = Array.from({ length: HEADER_SEARCH_ROWS }, (_, i) => [`Note ${i + 1}`]);
    expect(findHeaderRow(grid("Late", [...padding, HEADER, ...ROWS])).header).toBeNull();
  });

  test("a row the user chose is read as the header even when it names no plan", () => {
    const lookups = grid("Lookups", [
      ["Code", "Description"],
      ["A", "Adults"],
    ]);
    expect(findHeaderRow(lookups).header).toBeNull();
    const chosen = headerAt(lookups, 0);
    expect(chosen.row).toBe(0);
    expect([...chosen.keys.keys()]).toEqual([0, 1]);
    expect(headerAt(grid("Plan", [["Title"], HEADER, ...ROWS]), 1).columns.action).toBe(1);
  });
});

describe("isPlanHeader", () => {
  test("an action column and something to track it by", () => {
    expect(isPlanHeader({ action: 1, owner: 2 })).toBe(true);
    expect(isPlanHeader({ subAction: 1, progress: 3 })).toBe(true);
    expect(isPlanHeader({ action: 1, ref: 0 })).toBe(false);
    expect(isPlanHeader({ owner: 2, due: 3 })).toBe(false);
  });
});

describe("isRepeatedHeader", () => {
  test("the header's words again further down, however spaced or cased, but not a data row", () => {
    const g = grid("Plan", [HEADER, ...ROWS, ["REF", " Action ", "Lead Officer", "Target Date", "Status", "Progress update"]]);
    const header = findHeaderRow(g).header!;
    const width = HEADER.length;
    expect(isRepeatedHeader(rowTexts(g, ROWS.length + 1, width), header)).toBe(true);
    expect(isRepeatedHeader(rowTexts(g, 1, width), header)).toBe(false);
  });
});
