// The words Plan Monitor writes: RAG names, month names and dates.
import { parseDueText } from "../../src/engine/dates";
import { RAGS } from "../../src/engine/report";
import { longDate, MONTH_NAMES, RAG_NAME, shortDate, shortMonth } from "../../src/engine/vocabulary";

describe("vocabulary", () => {
  test("dates written the British way, long and short", () => {
    expect(longDate("2026-03-31")).toBe("31 March 2026");
    expect(shortDate("2026-03-31")).toBe("31 Mar 2026");
    expect(longDate("2010-09-01")).toBe("1 September 2010");
    expect(shortDate("2010-09-01")).toBe("1 Sep 2010");
  });

  test("every month name Plan Monitor writes, long or short, reads back as that month", () => {
    MONTH_NAMES.forEach((name, i) => {
      const month = String(i + 1).padStart(2, "0");
      for (const written of [name, shortMonth(name)]) expect(parseDueText(`${written} 2020`).due?.slice(0, 7)).toBe(`2020-${month}`);
    });
    expect(parseDueText("Sept 2020").due).toBe("2020-09-30");
  });

  test("a name for every RAG, none twice", () => {
    expect(Object.keys(RAG_NAME).sort()).toEqual([...RAGS].sort());
    expect(new Set(Object.values(RAG_NAME)).size).toBe(RAGS.length);
  });
});
