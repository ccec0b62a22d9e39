// The pass before assessment that settles whether a due column can be month-first.
import { mayBeMonthFirst } from "../../../src/engine/layout/date-order";
import { findHeaderRow } from "../../../src/engine/layout/header";
import { grid, type Raw } from "../../helpers/grid";

const HEADER = ["Action", "Owner", "Target date", "Revised date", "Status"];
const plan = (rows: Raw[][], above: Raw[][] = []) => {
  const g = grid("Plan", [...above, HEADER, ...rows]);
  return mayBeMonthFirst(g, findHeaderRow(g).header!);
};

describe("mayBeMonthFirst", () => {
  test("day-first dates, month names and dates valid either way cannot make a column month-first", () => {
    expect(plan([["Review the policy", "Jo", "31/03/2020", "", ""], ["Train the staff", "Sam", "03/04/2020", "", ""], ["Audit files", "Ali", "June 2020", "", ""]])).toBe(false);
  });

  test("a date only month-first can read, in the due or the revised column, means it may be", () => {
    expect(plan([["Review the policy", "Jo", "08/31/2020", "", ""], ["Train the staff", "Sam", "June 2020", "", ""]])).toBe(true);
    expect(plan([["Review the policy", "Jo", "June 2020", "12-13-2020", ""], ["Train the staff", "Sam", "July 2020", "", ""]])).toBe(true);
  });

  test("such a date elsewhere (another column, above the header) does not count", () => {
    expect(plan([["Review by 08/31/2020", "Jo", "June 2020", "", "08/31/2020"], ["Train the staff", "Sam", "July 2020", "", ""]], [["Printed 08/31/2020"]])).toBe(false);
  });
});
