// Property-based tests of the engine on random grids (test/robustness/arbitraries.ts):
// whatever a host hands it, analyseWorkbook never throws, never changes its
// input, and returns a report the schema accepts and the rules agree with.
//
// 10,000 workbooks per run by default. To repeat a failure, run with the seed
// and path fast-check prints: FC_SEED=… FC_PATH=… npx jest test/robustness.
// FC_RUNS=100000 runs more.
import fc from "fast-check";
import { analyseWorkbook } from "../../src/engine/analyse";
import { daysOverdue, ragAsAt } from "../../src/engine/rag";
import { PlanReportSchema, RAGS, type PlanReport } from "../../src/engine/report";
import { defaultSettings, type Settings } from "../../src/engine/settings";
import { deepFreeze, gridsArb, isoDateArb, settingsArb } from "./arbitraries";

const RUNS = Number(process.env.FC_RUNS ?? 10_000);
const params = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns,
  seed: process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined,
  path: process.env.FC_PATH,
  endOnFailure: true,
});

// Default settings most of the time, random valid ones (overrides included) otherwise.
const maybeSettings: fc.Arbitrary<Settings> = fc.oneof({ weight: 3, arbitrary: fc.constant(defaultSettings()) }, { weight: 1, arbitrary: settingsArb });

/** Throws (failing the property) unless the condition holds; cheaper than expect() on every item. */
function must(condition: boolean, what: string, detail?: unknown): void {
  if (!condition) throw new Error(`${what}${detail === undefined ? "" : `: ${JSON.stringify(detail).slice(0, 500)}`}`);
}

/** The rules every report must keep, whatever the grids. */
function checkReport(report: PlanReport, gridCount: number, asAt: string, settings: Settings): void {
  must(report.asAt === asAt, "the report is as at the date asked for");
  // Every sheet is either read or skipped with a reason, never lost.
  must(report.sheets.length + report.skipped.length === gridCount, "every sheet is read or skipped");
  for (const s of report.skipped) must(s.reason.length > 0, "a skipped sheet says why", s);
  for (const sheet of report.sheets) {
    must(sheet.items.length > 0, "a sheet read as a plan has items", sheet.name);
    const rows = new Set<number>();
    for (const it of sheet.items) {
      must(!rows.has(it.row), "one item per row", it.row);
      rows.add(it.row);
      must(it.row > sheet.headerRow, "items stand below the header row", { row: it.row, header: sheet.headerRow });
      must((RAGS as readonly string[]).includes(it.rag), "the rag is one of blue..grey", it.rag);
      // The rag is the rule's, for the item's own due date and completeness.
      const rag = ragAsAt({ complete: it.complete, due: it.due }, asAt, settings.amberDays);
      must(it.rag === rag, "the rag follows the rule for the item's due date", { item: it, expected: rag });
      must(it.daysOverdue === (it.complete ? 0 : daysOverdue(it.due, asAt)), "days overdue follow the due date", it);
      must(it.text.length <= 200 && it.progress.length <= 300, "texts are shortened", it.text.length);
    }
    for (const r of sheet.repeatedHeaderRows) must(r > sheet.headerRow, "repeated headers stand below the header row", r);
  }
}

test(`analyseWorkbook never throws and its report always passes the schema and the rules (${RUNS} random workbooks)`, () => {
  fc.assert(
    fc.property(gridsArb, isoDateArb, maybeSettings, (grids, asAt, settings) => {
      deepFreeze(grids); // any change to the input would throw here
      const report = analyseWorkbook(grids, { asAt, settings });
      PlanReportSchema.parse(report);
      checkReport(report, grids.length, asAt, settings);
    }),
    params(RUNS),
  );
}, 120_000);

test("analysing the same grids twice gives the same report (determinism)", () => {
  fc.assert(
    fc.property(gridsArb, isoDateArb, maybeSettings, (grids, asAt, settings) => {
      const first = analyseWorkbook(grids, { asAt, settings });
      // A second pass over structurally equal but separate grids, after other work in between.
      analyseWorkbook(structuredClone(grids).reverse(), { asAt, settings });
      const second = analyseWorkbook(structuredClone(grids), { asAt, settings });
      expect(second).toEqual(first);
      expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    }),
    params(Math.max(100, Math.round(RUNS / 5))),
  );
}, 120_000);

test("sheets are independent: a sheet reads the same alone as beside others", () => {
  fc.assert(
    fc.property(gridsArb, isoDateArb, (grids, asAt) => {
      const together = analyseWorkbook(grids, { asAt });
      for (const g of grids) {
        if (grids.filter((o) => o.name === g.name).length !== 1) continue;
        const alone = analyseWorkbook([g], { asAt });
        expect(together.sheets.find((s) => s.name === g.name) ?? null).toEqual(alone.sheets[0] ?? null);
        expect(together.skipped.find((s) => s.name === g.name) ?? null).toEqual(alone.skipped[0] ?? null);
      }
    }),
    params(Math.max(100, Math.round(RUNS / 10))),
  );
}, 120_000);

test("the random workbooks reach the rules: plans are read, every RAG and most findings occur", () => {
  // Guards the properties above against passing on nothing: a fixed sample of the same generators.
  const samples = fc.sample(fc.tuple(gridsArb, isoDateArb), { numRuns: 2000, seed: 20201 });
  let grids = 0;
  let read = 0;
  const rags = new Set<string>();
  const codes = new Set<string>();
  for (const [workbook, asAt] of samples) {
    const report = analyseWorkbook(workbook, { asAt });
    grids += workbook.length;
    read += report.sheets.length;
    for (const sheet of report.sheets) {
      for (const f of sheet.findings) codes.add(f.code);
      for (const it of sheet.items) {
        rags.add(it.rag);
        for (const f of it.findings) codes.add(f.code);
      }
    }
  }
  expect(read / grids).toBeGreaterThan(0.3);
  expect([...rags].sort()).toEqual([...RAGS].sort());
  expect([...codes].sort()).toEqual(
    expect.arrayContaining(["error-value", "html-in-text", "month-no-year", "no-due", "no-owner", "overdue-no-progress", "rag-mismatch", "several-dates", "unreadable-due"]),
  );
});
