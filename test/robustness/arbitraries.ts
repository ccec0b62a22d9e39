// fast-check arbitraries for worksheet grids as hosts hand them to the engine:
// mostly plan-like (a header of role words somewhere near the top, rows of
// actions, owners, dates and statuses) and the rest anything at all — garbage
// text, numbers that look like dates or serials, error values, huge strings,
// empty rows and columns, merged areas valid, overlapping and out of range,
// tables with totals rows, 1904 dates, hidden rows.
import fc from "fast-check";
import type { Cell, CellValue, Grid, MergedArea, TableArea } from "../../src/engine/grid";
import { ROLE_WORDS } from "../../src/engine/lexicon";
import { SettingsSchema, type Settings } from "../../src/engine/settings";

export const MAX_ROWS = 30;
export const MAX_COLS = 10;

const HEADER_WORDS = ROLE_WORDS.flatMap((w) => w.phrases);

const ERRORS = ["#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!", "#CALC!", "#GETTING_DATA"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "January", "March", "June", "September", "December", "may", "march"];
const DATE_TEXTS = [
  "Jun-10", "Sept", "Jan", "Q3 2019/20", "Q1 2020/21", "Q4 2019/20", "Q3 2019", "Q5 2019", "2019/20", "2019-2020",
  "Autumn 2016", "Winter 2016", "Spring", "fall 2020", "mid 2020", "March 2015", "Sept/Oct 2016", "Dec/Jan 2020",
  "Jul-10 Aug-10", "Phase I: May-10 Phase II: Oct-10", "Dec-10 – Mar-11 for specifications", "July 2016 then ongoing",
  "end of March 2020", "12th October 2015", "03/04/2020", "08-31-2024", "31/02/2020", "32/13/2020", "2020-04-03",
  "1.2.10", "Ongoing", "tbc", "TBC", "Every quarter", "n/a", "-", "?", "10:30", "2020", "1985", "Feb 2100", "June '20",
  "by end Q2", "3 months", "Phase 2", "Complete", "2020.5", "2,000 staff", "31.03.20", "9999-12-31", "0000-01-01",
];
const STATUS_TEXTS = [
  "Complete", "Completed", "complete", "Done", "Achieved", "Fully achieved", "Delivered", "Closed", "Implemented", "Blue",
  "Green – completed", "Green Completed", "Partial complete", "Phase I completed", "partially implemented", "not yet delivered",
  "Not started", "In progress", "Green", "Amber", "Red", "Amber - slipping", "RAG: Red", "On track", "Overdue", "",
];
const OWNER_TEXTS = [
  "Jo Bloggs", "JF SK", "NT JU PF", "GK/DKE/PA/SL", "Andrew Errington Gemma Tate Janice White", "Head of Service (tbc)",
  "Angela Woodhouse, Head of Policy and Communications", "Director of Public Health / CCG Chief Nurse", "tbc", "All staff",
  "Chair of Q & A sub Group", "Service Manager\nTeam Leader", "NHS England; CCG", "(unclosed note", "Jane & John and Jim",
];
const THEME_TEXTS = [
  "Improvement Area 3 – Safeguarding", "THEME 2 – Embedding personalisation in practice", "Theme: Key performance outcomes",
  "Coventry City Council should", "Theme Lead: Director of Finance", "Section 1.", "Priority II - Workforce",
  "Updated: 12th October 2015", "The Action Plan will be for the period August 2019 to July 2020", "for the period 2019/20",
  "PLEASE NOTE the actions below should be SMART", "As at 1 September 2010",
];
const HTML_TEXTS = ["<p>September 2016</p>", "<div class='x'>Jo Bloggs</div>", "line<br/>break", "a&nbsp;b", "<b>Complete</b>", "x < 5 & y > 3"];
const FORMATS = ["General", "mmm-yy", "dd/mm/yyyy", "d mmmm yyyy", "yyyy", "mmmm", "h:mm", "[$-809]dd mmmm yyyy", "0.00", "@", '"Due "mmm', ";;;", "[Red]0"];

/** Words with random capitals: "tARGET dATE". */
const recased = (words: readonly string[]) =>
  fc.tuple(fc.constantFrom(...words), fc.integer({ min: 0, max: 3 })).map(([w, how]) => (how === 0 ? w : how === 1 ? w.toUpperCase() : how === 2 ? ` ${w}: ` : w[0]?.toUpperCase() + w.slice(1)));

const garbage = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom(" ", "\u00a0", "\n", "\t \r", "–", "—", "‐", "\u2028", "\ufeff", "…", "1.", "1.2 ", "10)", "a", "and"),
);

const dateText = fc.oneof(
  fc.constantFrom(...DATE_TEXTS),
  fc.tuple(fc.constantFrom(...MONTHS), fc.constantFrom("-", " ", "/", " '"), fc.integer({ min: 0, max: 99 })).map(([m, sep, y]) => `${m}${sep}${String(y).padStart(2, "0")}`),
  fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1985, max: 2105 })).map(([q, y]) => `Q${q} ${y}/${String((y + 1) % 100).padStart(2, "0")}`),
  fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 2200 })).map(([d, m, y]) => `${d}/${m}/${y}`),
  fc.tuple(fc.constantFrom(...MONTHS), fc.integer({ min: 1800, max: 2200 })).map(([m, y]) => `${m} ${y}`),
);

/** A cell's value with the text a host would show for it (sometimes none, sometimes odd). */
const valueAndText: fc.Arbitrary<[CellValue, string, string?]> = fc.oneof(
  { weight: 5, arbitrary: garbage.map((s): [CellValue, string] => [s, s]) },
  { weight: 3, arbitrary: recased(HEADER_WORDS).map((s): [CellValue, string] => [s, s]) },
  { weight: 4, arbitrary: dateText.map((s): [CellValue, string] => [s, s]) },
  { weight: 3, arbitrary: fc.constantFrom(...STATUS_TEXTS).map((s): [CellValue, string] => [s, s]) },
  { weight: 3, arbitrary: fc.constantFrom(...OWNER_TEXTS).map((s): [CellValue, string] => [s, s]) },
  { weight: 2, arbitrary: fc.constantFrom(...THEME_TEXTS).map((s): [CellValue, string] => [s, s]) },
  { weight: 1, arbitrary: fc.constantFrom(...HTML_TEXTS).map((s): [CellValue, string] => [s, s]) },
  // Date serials in a date format, shown as Excel would (or as a host that gave no text).
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.integer({ min: 30000, max: 50000 }), fc.constantFrom(...FORMATS), fc.constantFrom("", "Jun-10", "30/06/2010", "40359"))
      .map(([n, f, t]): [CellValue, string, string] => [n, t, f]),
  },
  // Numbers of every kind, including ones no sheet holds (negative, huge, fractions, NaN, infinities).
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.oneof(fc.integer({ min: -100, max: 3_000_000 }), fc.double(), fc.constantFrom(0, 1, 59, 60, 61, 2958465, 2958466, 1990, 2020, 2099)), fc.constantFrom(...FORMATS))
      .map(([n, f]): [CellValue, string, string] => [n, String(n), f]),
  },
  { weight: 2, arbitrary: fc.constantFrom(...ERRORS).map((e): [CellValue, string] => [{ error: e }, e]) },
  { weight: 1, arbitrary: fc.boolean().map((b): [CellValue, string] => [b, b ? "TRUE" : "FALSE"]) },
  // A value with no text, or text with no value (hosts differ).
  { weight: 1, arbitrary: garbage.map((s): [CellValue, string] => [null, s]) },
  { weight: 1, arbitrary: dateText.map((s): [CellValue, string] => [s, ""]) },
  // Huge strings, sparingly: up to 30,000 characters.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("Review the plan. ", "x", "<p>", "Jun-10 ", " ", "a  b\n", "1.2.3."), fc.integer({ min: 1000, max: 30000 }))
      .map(([chunk, n]): [CellValue, string] => {
        const s = chunk.repeat(Math.ceil(n / chunk.length)).slice(0, n);
        return [s, s];
      }),
  },
);

export const cellArb: fc.Arbitrary<Cell> = valueAndText.map(([value, text, format]) => {
  const cell: Cell = { value, text };
  if (format !== undefined) cell.format = format;
  return cell;
});

/** A row: missing, empty, sparse (holes), or with explicit undefined cells. */
const rowArb = (cols: number): fc.Arbitrary<(Cell | undefined)[] | undefined> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant<(Cell | undefined)[] | undefined>(undefined) },
    { weight: 1, arbitrary: fc.constant<(Cell | undefined)[] | undefined>([]) },
    { weight: 6, arbitrary: fc.sparseArray(cellArb, { maxLength: cols }) as fc.Arbitrary<(Cell | undefined)[] | undefined> },
    { weight: 3, arbitrary: fc.array(fc.option(cellArb, { nil: undefined, freq: 3 }), { maxLength: cols }) as fc.Arbitrary<(Cell | undefined)[] | undefined> },
  );

/** A header row made of role names (and some noise), in a random order. */
const headerRowArb = (cols: number): fc.Arbitrary<(Cell | undefined)[]> =>
  fc
    .array(fc.oneof({ weight: 8, arbitrary: recased(HEADER_WORDS) }, { weight: 1, arbitrary: garbage }, { weight: 1, arbitrary: fc.constant("") }), {
      minLength: Math.min(2, cols),
      maxLength: cols,
    })
    .map((words) => words.map((w) => (w ? { value: w, text: w } : undefined)));

/** Merged areas: mostly inside the grid, some overlapping, inverted, negative or enormous. */
const mergeArb: fc.Arbitrary<MergedArea> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ top: fc.nat(MAX_ROWS), left: fc.nat(MAX_COLS), h: fc.nat(4), w: fc.nat(4) }).map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w })) },
  { weight: 2, arbitrary: fc.record({ top: fc.integer({ min: -3, max: 40 }), left: fc.integer({ min: -3, max: 20 }), bottom: fc.integer({ min: -3, max: 40 }), right: fc.integer({ min: -3, max: 20 }) }) },
  // Whole rows and whole columns (A1:XFD1, A:A), as Excel can store them.
  { weight: 1, arbitrary: fc.nat(MAX_ROWS).map((r) => ({ top: r, left: 0, bottom: r, right: 16383 })) },
  { weight: 1, arbitrary: fc.nat(MAX_COLS).map((c) => ({ top: 0, left: c, bottom: 1_048_575, right: c })) },
);

const tableArb: fc.Arbitrary<TableArea> = fc
  .record({ top: fc.nat(MAX_ROWS), left: fc.nat(3), h: fc.nat(MAX_ROWS), w: fc.nat(MAX_COLS), hasTotals: fc.boolean(), name: fc.string({ maxLength: 8 }) })
  .map(({ top, left, h, w, hasTotals, name }) => ({ top, left, bottom: top + h, right: left + w, hasTotals, name }));

const sheetName = fc.oneof(fc.constantFrom("Plan", "Action Plan", "Theme 1", "Lookups", "", "PM Summary – Themes", "Sheet1"), fc.string({ maxLength: 31 }));

const ROLES = ["ref", "action", "subAction", "owner", "due", "start", "status", "progress", "outcome", "source"] as const;
type RoleName = (typeof ROLES)[number];
const namesOf = (role: RoleName): string[] => ROLE_WORDS.find((w) => w.role === role)!.phrases.slice();

const textCell = (s: string): Cell => ({ value: s, text: s });
const ACTION_TEXTS = [
  "1. Agree the safeguarding procedures", "1.2 Hold discussions with partners", "3.3. Publish the list", "10) Review case files",
  "Develop a workforce plan", "and report the results to the Board", "to feedback their audit findings", "“Safeguarding” reports",
  "<p>Review the policy</p>", "Recommendation 4: train staff", "2010 review of services",
];

/** A value for a cell in a column of this role, as plans write them (or anything, sometimes). */
const roleCellArb = (role: RoleName): fc.Arbitrary<Cell> => {
  const typed: fc.Arbitrary<Cell> =
    role === "action" || role === "subAction"
      ? fc.oneof(fc.constantFrom(...ACTION_TEXTS), garbage).map(textCell)
      : role === "owner"
        ? fc.constantFrom(...OWNER_TEXTS).map(textCell)
        : role === "due" || role === "start"
          ? fc.oneof(dateText.map(textCell), fc.tuple(fc.integer({ min: 36000, max: 48000 }), fc.constantFrom("mmm-yy", "dd/mm/yyyy", "General", "d mmmm yyyy")).map(([n, f]): Cell => ({ value: n, text: "", format: f })))
          : role === "status"
            ? fc.constantFrom(...STATUS_TEXTS).map(textCell)
            : role === "ref"
              ? fc.constantFrom("1", "1.1", "2.", "3.3.", "A", "#", "").map(textCell)
              : garbage.map(textCell);
  return fc.oneof({ weight: 6, arbitrary: typed }, { weight: 1, arbitrary: cellArb });
};

/** A plan: preamble rows, a header of role names, then items, sections, continuations, blanks and repeated headers. */
const planGridArb: fc.Arbitrary<Grid> = fc
  .record({
    name: sheetName,
    roles: fc.shuffledSubarray([...ROLES], { minLength: 2, maxLength: MAX_COLS }),
    preamble: fc.array(fc.oneof(fc.constantFrom(...THEME_TEXTS), garbage), { maxLength: 4 }),
    bodyRows: fc.integer({ min: 0, max: MAX_ROWS - 5 }),
  })
  .chain(({ name, roles, preamble, bodyRows }) => {
    const header = fc.tuple(...roles.map((role) => recased(namesOf(role)))).map((names) => names.map(textCell));
    const itemRow = fc.tuple(...roles.map((role) => fc.option(roleCellArb(role), { nil: undefined, freq: 4 })));
    const anyRow = fc.oneof(
      { weight: 10, arbitrary: itemRow },
      { weight: 1, arbitrary: fc.constantFrom(...THEME_TEXTS).map((t) => [textCell(t)]) },
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: rowArb(roles.length) },
      { weight: 1, arbitrary: header },
      { weight: 1, arbitrary: fc.constantFrom("and the rest of the sentence", "; then report", "(see above)").map((t) => [undefined, textCell(t)]) },
    );
    const top = preamble.length;
    return fc.record({
      name: fc.constant(name),
      preamble: fc.constant(preamble.map((t) => [textCell(t)])),
      header,
      body: fc.array(anyRow, { minLength: bodyRows, maxLength: bodyRows }),
      merges: fc.array(
        fc.oneof(
          // an action merged down over its sub-actions; a section merged across; anything
          fc.record({ r: fc.nat(bodyRows + 1), c: fc.nat(roles.length), h: fc.integer({ min: 1, max: 4 }) }).map(({ r, c, h }) => ({ top: top + 1 + r, left: c, bottom: top + 1 + r + h, right: c })),
          fc.nat(bodyRows + top + 1).map((r) => ({ top: r, left: 0, bottom: r, right: roles.length - 1 })),
          mergeArb,
        ),
        { maxLength: 6 },
      ),
      tables: fc.option(fc.array(tableArb, { maxLength: 1 }), { nil: undefined, freq: 2 }),
      date1904: fc.boolean(),
    });
  })
  .map(({ name, preamble, header, body, merges, tables, date1904 }): Grid => {
    const grid: Grid = { name, rows: [...preamble, header, ...body], merges, date1904 };
    if (tables !== undefined) grid.tables = tables;
    return grid;
  });

/** Any grid at all: random rows, sometimes with a header of role names among the first rows. */
const randomGridArb: fc.Arbitrary<Grid> = fc
  .record({
    name: sheetName,
    cols: fc.integer({ min: 1, max: MAX_COLS }),
    planLike: fc.boolean(),
    headerAt: fc.nat(5),
    rows: fc.integer({ min: 0, max: MAX_ROWS }),
  })
  .chain(({ name, cols, planLike, headerAt, rows }) =>
    fc.record({
      name: fc.constant(name),
      rows: fc.array(rowArb(cols), { minLength: rows, maxLength: rows }).chain((body) =>
        planLike && body.length > headerAt ? headerRowArb(cols).map((header) => body.map((r, i) => (i === headerAt ? header : r))) : fc.constant(body),
      ),
      merges: fc.array(mergeArb, { maxLength: 6 }),
      tables: fc.option(fc.array(tableArb, { maxLength: 2 }), { nil: undefined }),
      date1904: fc.option(fc.boolean(), { nil: undefined }),
      ownedByPlanMonitor: fc.oneof({ weight: 19, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    }),
  )
  .map((g) => {
    const grid: Grid = { name: g.name, rows: g.rows, merges: g.merges };
    if (g.tables !== undefined) grid.tables = g.tables;
    if (g.date1904 !== undefined) grid.date1904 = g.date1904;
    if (g.ownedByPlanMonitor) grid.ownedByPlanMonitor = true;
    return grid;
  });

/** One grid: two in three plan-like, the rest anything at all. */
export const gridArb: fc.Arbitrary<Grid> = fc.oneof({ weight: 2, arbitrary: planGridArb }, { weight: 1, arbitrary: randomGridArb });

/** A workbook: one to three grids (names may repeat, as hosts never allow but the engine must survive). */
export const gridsArb: fc.Arbitrary<Grid[]> = fc.array(gridArb, { minLength: 1, maxLength: 3 });

const isoBetween = (from: number, to: number): fc.Arbitrary<string> =>
  fc.date({ min: new Date(Date.UTC(from, 0, 1)), max: new Date(Date.UTC(to, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** An ISO date from 1900 to 2100, mostly near the dates plans hold (so items come out amber too). */
export const isoDateArb: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: isoBetween(2009, 2022) }, { weight: 1, arbitrary: isoBetween(1900, 2100) });

const letters = fc.constantFrom("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "Z", "AA", "XFD", "XFC"); // XFD is Excel's last column: beyond it the settings are refused

/** Valid settings, including per-sheet overrides that point at nonsense (rows past the end, empty columns). */
export const settingsArb: fc.Arbitrary<Settings> = fc
  .record(
    {
      amberDays: fc.integer({ min: 0, max: 3650 }),
      completeWords: fc.array(fc.oneof(fc.constantFrom("complete", "done", "blue", "green", ".*", "(", "a|b", "\\"), fc.string({ minLength: 1, maxLength: 8 })), { maxLength: 5 }),
      sheets: fc.dictionary(
        fc.constantFrom("Plan", "Action Plan", "Theme 1", "Lookups", "", "Sheet1"),
        fc.record(
          {
            headerRow: fc.integer({ min: 1, max: 40 }),
            columns: fc.dictionary(fc.constantFrom("ref", "action", "subAction", "owner", "due", "start", "status", "progress", "outcome", "source"), letters, { maxKeys: 5 }),
            ignore: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
        { maxKeys: 2 },
      ),
    },
    { requiredKeys: [] },
  )
  .map((raw) => SettingsSchema.parse(raw));

/** Deep-freezes a value so any attempt by the engine to change its input throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
