// The computed RAG as at a date (plan-rules.md §4).
import { daysOverdue, ragAsAt } from "../../src/engine/rag";

const AS_AT = "2020-06-15";

describe("ragAsAt", () => {
  test("complete is blue whatever its date, even long overdue or undated", () => {
    expect(ragAsAt({ complete: true, due: "2019-01-31" }, AS_AT, 14)).toBe("blue");
    expect(ragAsAt({ complete: true, due: null }, AS_AT, 14)).toBe("blue");
  });

  test("no due date cannot be assessed: grey", () => {
    expect(ragAsAt({ complete: false, due: null }, AS_AT, 14)).toBe("grey");
  });

  test("due on or after the as-at date is green", () => {
    expect(ragAsAt({ complete: false, due: AS_AT }, AS_AT, 14)).toBe("green");
    expect(ragAsAt({ complete: false, due: "2020-12-31" }, AS_AT, 14)).toBe("green");
  });

  test("overdue within the amber window is amber, beyond it red", () => {
    expect(ragAsAt({ complete: false, due: "2020-06-14" }, AS_AT, 14)).toBe("amber");
    expect(ragAsAt({ complete: false, due: "2020-06-01" }, AS_AT, 14)).toBe("amber"); // 14 days: still inside
    expect(ragAsAt({ complete: false, due: "2020-05-31" }, AS_AT, 14)).toBe("red"); // 15 days
  });

  test("with no amber window every overdue item is red", () => {
    expect(ragAsAt({ complete: false, due: "2020-06-14" }, AS_AT, 0)).toBe("red");
  });
});

describe("daysOverdue", () => {
  test("whole days past due, across month and leap-year ends", () => {
    expect(daysOverdue("2020-06-14", AS_AT)).toBe(1);
    expect(daysOverdue("2020-02-28", "2020-03-01")).toBe(2); // 2020 has 29 February
    expect(daysOverdue("2019-12-31", "2020-01-01")).toBe(1);
  });

  test("not yet due, due today or undated is 0", () => {
    expect(daysOverdue("2020-07-01", AS_AT)).toBe(0);
    expect(daysOverdue(AS_AT, AS_AT)).toBe(0);
    expect(daysOverdue(null, AS_AT)).toBe(0);
  });
});
