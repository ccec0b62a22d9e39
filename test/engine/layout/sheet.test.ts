// Reading a sheet's layout: header, preamble, themes, items and what they carry.
import { noItemsReason, recogniseSheet, type LaidOutItem } from "../../../src/engine/layout/sheet";
import { grid } from "../../helpers/grid";

const HEADER = ["Ref", "Action", "Sub-action", "Lead officer", "Target date", "Status", "Progress"];

function laidOut(g: ReturnType<typeof grid>) {
  const result = recogniseSheet(g);
  if (!result.ok) throw new Error(result.reason);
  const items: LaidOutItem[] = [...result.layout.items];
  return { layout: result.layout, items };
}

describe("recogniseSheet", () => {
  test("items in row order under the preamble, each naming its row, ref and values", () => {
    const { layout, items } = laidOut(
      grid("Plan", [
        ["Improvement plan"],
        ["for the period April 2019 to March 2020"],
        HEADER,
        ["1", "Review the policy", "", "Jo Bloggs", "March 2020", "Complete", "Done"],
        ["2", "Train the staff", "", "Sam Smith", "June 2020", "On track", ""],
      ]),
    );
    expect(layout.header.row).toBe(2);
    expect(layout.preamble).toEqual(["Improvement plan", "for the period April 2019 to March 2020"]);
    expect(items.map((it) => [it.row, it.ref, it.values.owner?.text])).toEqual([
      [3, "1", "Jo Bloggs"],
      [4, "2", "Sam Smith"],
    ]);
    expect(items[0].values.due).toMatchObject({ text: "March 2020", row: 3, col: 4, how: "own" });
  });

  test("section rows name the theme of the items below them; before any, the sheet's name", () => {
    const { items } = laidOut(
      grid("Plan", [
        HEADER,
        ["1", "First action", "", "Jo", "May 2020", "", ""],
        ["Theme 2 – Money"],
        ["2", "Second action", "", "Sam", "June 2020", "", ""],
      ]),
    );
    expect(items.map((it) => it.theme)).toEqual(["Plan", "Theme 2 – Money"]);
  });

  test("steps under an action take its owner and due date where theirs are blank", () => {
    const { items } = laidOut(
      grid("Plan", [
        HEADER,
        ["1", "Improve training", "Write the course", "Jo Bloggs", "May 2020", "", ""],
        ["", "", "Run the course", "", "", "Started", ""],
      ]),
    );
    expect(items).toHaveLength(2);
    expect(items[1].values.owner).toMatchObject({ text: "Jo Bloggs", row: 1, how: "inherited" });
    expect(items[1].values.due).toMatchObject({ text: "May 2020", how: "inherited" });
    expect(items[1].ref).toBe("1");
  });

  test("a continuation row's text is carried over to the item above, not made an item", () => {
    const { items } = laidOut(
      grid("Plan", [
        HEADER,
        ["1", "Review the policy", "", "Jo Bloggs", "March 2020", "On track", "Draft written"],
        ["", "", "", "", "", "", "and sent to the board"],
      ]),
    );
    expect(items).toHaveLength(1);
    expect(items[0].carriedOver.progress).toEqual(["and sent to the board"]);
  });

  test("the header repeated further down is recorded once the items are read, and is not an item", () => {
    const result = recogniseSheet(
      grid("Plan", [
        HEADER,
        ["1", "Review the policy", "", "Jo Bloggs", "March 2020", "", ""],
        HEADER,
        ["2", "Train the staff", "", "Sam Smith", "June 2020", "", ""],
      ]),
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.layout.repeatedHeaderRows).toEqual([]); // nothing read yet: the items are read lazily
    const items = [...result.layout.items];
    expect(items.map((it) => it.row)).toEqual([1, 3]);
    expect(result.layout.repeatedHeaderRows).toEqual([2]);
  });

  test("a table's totals row is not an item", () => {
    const { items } = laidOut(
      grid(
        "Plan",
        [HEADER, ["1", "Review the policy", "", "Jo", "March 2020", "", ""], ["", "Total actions", "", "2", "", "", ""]],
        [],
        { tables: [{ name: "T", top: 0, left: 0, bottom: 2, right: 6, hasTotals: true }] },
      ),
    );
    expect(items.map((it) => it.row)).toEqual([1]);
  });

  test("an empty sheet, a sheet with no header and a header without an action column are not plans", () => {
    expect(recogniseSheet(grid("Empty", []))).toMatchObject({ ok: false, reason: "the sheet is empty" });
    const none = recogniseSheet(grid("Notes", [["Some notes"], ["More notes"]]));
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.reason).toMatch(/^no header row found/);
    const noAction = recogniseSheet(grid("Plan", [HEADER, ["1", "Do it", "", "Jo", "May 2020", "", ""]]), { headerRow: 0, columns: { owner: 3, due: 4 } });
    expect(noAction).toMatchObject({ ok: false, reason: "the header row 1 has no action column" });
  });

  test("a header with nothing under it yields no items; the reason names its row", () => {
    const result = recogniseSheet(grid("Plan", [["Title"], HEADER]), { headerRow: 1 });
    if (!result.ok) throw new Error(result.reason);
    expect([...result.layout.items]).toEqual([]);
    expect(noItemsReason(result.layout.header)).toMatch(/^a header was found at row 2, but no rows below it state an action/);
  });
});
