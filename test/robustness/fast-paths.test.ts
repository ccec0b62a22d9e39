// The engine's speed-ups must answer exactly as the plain code they replace:
// normalise's "already normal" test, textKeyFirst, the column-letter cache and
// the merge index (clamped to the data, per-row maps) against a naive reference.
import fc from "fast-check";
import { columnIndex, columnLetter, type Cell, type Grid, type MergedArea } from "../../src/engine/grid";
import { indexMerges } from "../../src/engine/layout/merges";
import { normalise, textKey, textKeyFirst } from "../../src/engine/text";

/** normalise as first written: two replaces and a trim on every call. */
const slowNormalise = (s: string): string => s.replace(/[\u2010-\u2015\u2212]/g, "-").replace(/[\s\u00a0]+/g, " ").trim();

test("normalise gives the same text as the two replaces, for every UTF-16 code unit in every position", () => {
  const wrong: string[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    const ch = String.fromCharCode(code);
    for (const s of [ch, `a${ch}b`, `${ch}a`, `a${ch}`, `a${ch}${ch}b`, `a ${ch}b`, `a${ch} b`, ` ${ch} `]) {
      if (normalise(s) !== slowNormalise(s)) wrong.push(`U+${code.toString(16).padStart(4, "0")} in ${JSON.stringify(s)}`);
    }
  }
  expect(wrong).toEqual([]);
});

test("normalise and textKeyFirst agree with the plain code on random text", () => {
  const text = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ maxLength: 40 }), fc.stringMatching(/^[ \t\u00a0\u2013a-zA-Z-]{0,12}$/));
  fc.assert(
    fc.property(text, (s) => {
      expect(normalise(s)).toBe(slowNormalise(s));
      const first = textKeyFirst(s);
      // When it claims to know, it is the first character of the key; -1 only means "ask textKey".
      if (first >= 0) expect(textKey(s).charCodeAt(0)).toBe(first);
    }),
    { numRuns: 20_000 },
  );
});

test("column letters: every Excel column, both ways, and no endless loop on nonsense", () => {
  const slow = (index: number): string => {
    let s = "";
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  for (let i = 0; i < 16384; i++) {
    const letters = columnLetter(i);
    if (letters !== slow(i) || columnIndex(letters) !== i) throw new Error(`column ${i}: ${letters}`);
  }
  expect(columnLetter(16383)).toBe("XFD");
  expect(columnLetter(18277)).toBe("ZZZ");
  expect(columnLetter(Infinity)).toBe("");
  expect(columnLetter(-1)).toBe("");
  expect(columnLetter(NaN)).toBe("");
});

/** The merge index as first written: every merge walked in full, no clamping. */
function slowMerges(grid: Grid) {
  const COLS = 16384;
  const key = (r: number, c: number) => r * COLS + c;
  const down = new Map<number, number>();
  const covered = new Set<number>();
  for (const m of grid.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        covered.add(key(r, c));
        if (r > m.top && c === m.left) down.set(key(r, c), m.top);
      }
    }
  }
  return {
    inherited: (r: number, c: number) => {
      const top = down.get(key(r, c));
      return top === undefined ? undefined : grid.rows[top]?.[c];
    },
    mergeTop: (r: number, c: number) => down.get(key(r, c)),
    covered: (r: number, c: number) => covered.has(key(r, c)),
    startsAcross: (r: number, c: number) => grid.merges.some((m) => m.top === r && m.left === c && m.right > m.left),
  };
}

test("the merge index answers as walking every merge would, for every cell that can hold data", () => {
  const cell: Cell = { value: "x", text: "x" };
  const area: fc.Arbitrary<MergedArea> = fc
    // Inverted areas included; negative rows and columns are not (no host makes them, and the index ignores them).
    .record({ top: fc.nat(14), left: fc.nat(8), h: fc.integer({ min: -1, max: 5 }), w: fc.integer({ min: -1, max: 5 }) })
    .map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w }));
  const wide: fc.Arbitrary<MergedArea> = fc.oneof(
    fc.nat(12).map((r) => ({ top: r, left: 0, bottom: r, right: 40 })), // far past the data (whole rows are the same, only slower to walk)
    fc.nat(6).map((c) => ({ top: 0, left: c, bottom: 200, right: c })),
  );
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 12 }),
      fc.integer({ min: 0, max: 6 }),
      fc.array(fc.oneof({ weight: 4, arbitrary: area }, { weight: 1, arbitrary: wide }), { maxLength: 6 }),
      (rowCount, width, merges) => {
        const grid: Grid = { name: "S", rows: Array.from({ length: rowCount }, () => new Array<Cell>(width).fill(cell)), merges };
        const fast = indexMerges(grid);
        const slow = slowMerges(grid);
        const answers = (m: typeof slow) => {
          const out: unknown[] = [];
          for (let r = 0; r < rowCount; r++) {
            for (let c = 0; c < width; c++) out.push([r, c, m.covered(r, c), m.mergeTop(r, c), m.inherited(r, c) === undefined]);
            for (let c = 0; c < width + 3; c++) out.push([r, c, m.startsAcross(r, c)]);
          }
          return JSON.stringify(out);
        };
        expect(answers(fast)).toBe(answers(slow));
      },
    ),
    { numRuns: 3000 },
  );
});

test("a merge over a whole row or column of a big sheet is indexed in a moment", () => {
  const rows = Array.from({ length: 50_000 }, (_, r) => [{ value: `row ${r}`, text: `row ${r}` }, undefined, { value: "x", text: "x" }]);
  const grid: Grid = {
    name: "S",
    rows,
    merges: [
      { top: 0, left: 0, bottom: 0, right: 16383 }, // A1:XFD1
      { top: 0, left: 5, bottom: 1_048_575, right: 5 }, // F:F
      { top: 0, left: 0, bottom: 1_048_575, right: 16383 }, // the whole sheet
    ],
  };
  const start = performance.now();
  const merges = indexMerges(grid);
  expect(performance.now() - start).toBeLessThan(2000);
  expect(merges.covered(0, 1)).toBe(true);
  expect(merges.covered(49_999, 2)).toBe(true);
  expect(merges.mergeTop(49_999, 0)).toBe(0);
});
