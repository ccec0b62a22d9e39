// RAG counts per theme and per owner, as every view shows them.
import { allItems, countByOwner, countByTheme, NO_OWNER, totalCounts } from "../../src/engine/counts";
import type { Item, PlanReport, Rag } from "../../src/engine/report";

const item = (rag: Rag, theme: string, owners: string[] = ["Jo Bloggs"]): Item => ({
  row: 2,
  theme,
  ref: "",
  owners,
  due: null,
  status: "",
  rag,
  complete: rag === "blue",
  text: "Do the thing",
  progress: "",
  dueText: "",
  daysOverdue: 0,
  cells: { text: null, owner: null, due: null, status: null },
  findings: [],
});

describe("counts", () => {
  test("per theme in the order themes first appear, themes written differently counted together", () => {
    const rows = countByTheme([item("red", "Money"), item("blue", "Leadership"), item("green", "money "), item("blue", "MONEY")]);
    expect(rows.map((r) => r.label)).toEqual(["Money", "Leadership"]);
    expect(rows[0].counts).toEqual({ blue: 1, green: 1, amber: 0, red: 1, grey: 0, total: 3 });
    expect(rows[0].complete).toBeCloseTo(1 / 3);
    expect(rows[1].complete).toBe(1);
  });

  test("per owner: each of an item's owners counts it once; no owner has its own line", () => {
    const rows = countByOwner([item("amber", "T", ["Jo", "Sam"]), item("amber", "T", ["Jo", "Jo"]), item("grey", "T", [])]);
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r.counts.total]));
    expect(byLabel).toEqual({ Jo: 2, Sam: 1, [NO_OWNER]: 1 });
  });

  test("the totals line counts every item once, however many owners it has", () => {
    const items = [item("amber", "T", ["Jo", "Sam"]), item("blue", "T"), item("grey", "U", [])];
    const total = totalCounts(items);
    expect(total.label).toBe("Total");
    expect(total.counts.total).toBe(items.length);
    expect(total.counts.amber + total.counts.blue + total.counts.grey).toBe(3);
    expect(totalCounts([]).complete).toBe(0);
  });

  test("allItems keeps each item's sheet", () => {
    const report: PlanReport = {
      asAt: "2020-06-15",
      skipped: [],
      sheets: ["Plan A", "Plan B"].map((name, i) => ({
        name,
        headerRow: 1,
        columns: { action: "A" },
        repeatedHeaderRows: [],
        confidence: 1,
        evidence: [],
        planPeriod: null,
        updated: null,
        items: Array.from({ length: i + 1 }, () => item("green", name)),
        findings: [],
      })),
    };
    expect(allItems(report).map((e) => e.sheet)).toEqual(["Plan A", "Plan B", "Plan B"]);
  });
});
