// The A1 address codec the engine and both hosts share.
import {
  absoluteAddress,
  absoluteRef,
  areaA1,
  cellAddress,
  columnIndex,
  columnLetter,
  parseAddressList,
  parseArea,
  parseRef,
  quotedSheet,
  quoteSheet,
} from "../../src/engine/a1";

describe("columns", () => {
  test("letters and indexes are each other's inverse, up to Excel's last column XFD", () => {
    for (const [i, l] of [[0, "A"], [25, "Z"], [26, "AA"], [701, "ZZ"], [702, "AAA"], [16383, "XFD"]] as const) {
      expect(columnLetter(i)).toBe(l);
      expect(columnIndex(l)).toBe(i);
    }
    for (let i = 0; i < 2000; i += 37) expect(columnIndex(columnLetter(i))).toBe(i);
    expect(columnIndex("xfd")).toBe(16383);
  });
});

describe("addresses", () => {
  test("cells and areas, 0-based in, 1-based out", () => {
    expect(cellAddress(11, 2)).toBe("C12");
    expect(absoluteAddress(0, 0)).toBe("$A$1");
    expect(areaA1({ top: 1, left: 1, bottom: 4, right: 3 })).toBe("B2:D5");
    expect(areaA1({ top: 1, left: 1, bottom: 1, right: 1 })).toBe("B2");
  });

  test("sheet names are quoted where Excel needs it, apostrophes doubled", () => {
    expect(quoteSheet("Sheet1")).toBe("Sheet1");
    expect(quoteSheet("PM Summary – Themes")).toBe("'PM Summary – Themes'");
    expect(quoteSheet("A1")).toBe("'A1'"); // would read as a cell
    expect(quoteSheet("R2C3")).toBe("'R2C3'");
    expect(quotedSheet("Sheet1")).toBe("'Sheet1'");
    expect(quotedSheet("O'Brien's plan")).toBe("'O''Brien''s plan'");
    expect(absoluteRef("O'Brien", 0, 0)).toBe("'O''Brien'!$A$1");
  });

  test("references read back to what wrote them", () => {
    expect(parseRef("'O''Brien''s plan'!$B$2:$D$5")).toEqual({ sheet: "O'Brien's plan", area: { top: 1, left: 1, bottom: 4, right: 3 } });
    expect(parseRef("=Sheet1!C12")).toEqual({ sheet: "Sheet1", area: { top: 11, left: 2, bottom: 11, right: 2 } });
    expect(parseRef("d4:b2")?.area).toEqual({ top: 1, left: 1, bottom: 3, right: 3 }); // corners put in order
    expect(parseRef("not an address")).toBeNull();
  });

  test("parseArea keeps the corners as written", () => {
    expect(parseArea("A1:G167")).toEqual({ top: 0, left: 0, bottom: 166, right: 6 });
    expect(parseArea("G167:A1")).toEqual({ top: 166, left: 6, bottom: 0, right: 0 });
    expect(parseArea("Sheet1!A1")).toBeNull();
  });

  test("an address list splits on commas outside quoted sheet names", () => {
    expect(parseAddressList("'a, b'!A1:B2, 'a, b'!D4")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 3, left: 3, bottom: 3, right: 3 },
    ]);
  });
});
