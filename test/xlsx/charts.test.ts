// Real charts in the .xlsx copy (src/xlsx/charts.ts): on every corpus workbook
// the output opens in openpyxl (a second, independent reader), openpyxl keeps
// the charts, every series refers to the summary sheet's cells, and the cached
// figures equal those cells and the engine's counts, cell by cell.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { allItems, countByOwner, countByTheme } from "../../src/engine/counts";
import { defaultSettings } from "../../src/engine/settings";
import { RAG_ORDER } from "../../src/engine/summary/common";
import { SUMMARY_SHEET_NAMES } from "../../src/engine/summary";
import { RAG_FILL, type SheetSpec } from "../../src/engine/writeback";
import { chartData, chartXml, quoteSheet, rangeFormula } from "../../src/xlsx/charts";
import { writeCopy } from "../../src/xlsx/host";
import { corpusEntries } from "../helpers/corpus";
import { hostOf, load, valueAt } from "./summary-helpers";
import { describeWithOpenpyxl, PYTHON, testWithOpenpyxl } from "../helpers/requires";

const READER = path.join(__dirname, "chart-reader.py");

interface SeriesRead {
  nameRef: string;
  nameCache: string[];
  nameCells: unknown[];
  catRef: string;
  catCache: string[];
  catSheet: string;
  catCells: unknown[];
  valRef: string;
  valCache: number[];
  valCells: unknown[];
  colour: string | null;
}
interface ChartRead {
  type: string;
  grouping: string | null;
  title: string | null;
  series: SeriesRead[];
}
type Read = Record<string, Record<string, ChartRead[]>>;

function readWithOpenpyxl(files: string[]): Read {
  return JSON.parse(execFileSync(PYTHON, [READER, ...files], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
}

const RAG_WORDS = ["Blue", "Green", "Amber", "Red", "Grey"];
const RAG_HEX = RAG_ORDER.map((rag) => RAG_FILL[rag].slice(1).toUpperCase());

describe("formulas and parts", () => {
  test("sheet names are always quoted, apostrophes doubled", () => {
    expect(quoteSheet("PM Summary – Themes")).toBe("'PM Summary – Themes'");
    expect(quoteSheet("O'Brien's plan")).toBe("'O''Brien''s plan'");
    expect(rangeFormula("PM Summary – Themes", 1, 1, 5, 1)).toBe("'PM Summary – Themes'!$B$2:$B$6");
    expect(rangeFormula("A & B", 0, 0, 0, 0)).toBe("'A & B'!$A$1");
  });

  const spec: SheetSpec = {
    name: "T",
    kind: "t",
    rows: [
      [{ value: "Theme" }, { value: "Blue" }, { value: "Red" }],
      [{ value: "One <&>" }, { value: 1 }, { value: 2 }],
      [{ value: "Two" }, { value: 3 }, null],
    ],
    charts: [{ kind: "barStacked", title: "Actions", range: { top: 0, left: 0, bottom: 2, right: 2 }, seriesBy: "columns", colours: ["#9DC3E6", "#F4B084"], anchor: { row: 4, col: 0 } }],
  };

  test("chart data come from the spec's cells: categories down the first column, a series per column", () => {
    const data = chartData(spec, spec.charts![0])!;
    expect(data.categories).toEqual(["One <&>", "Two"]);
    expect(data.categoriesRef).toBe("'T'!$A$2:$A$3");
    expect(data.series.map((s) => [s.name, s.nameRef, s.valuesRef, s.values, s.colour])).toEqual([
      ["Blue", "'T'!$B$1", "'T'!$B$2:$B$3", [1, 3], "#9DC3E6"],
      ["Red", "'T'!$C$1", "'T'!$C$2:$C$3", [2, 0], "#F4B084"],
    ]);
  });

  test("a table with no rows has nothing to draw", () => {
    const empty = { ...spec, rows: [spec.rows[0]], charts: [{ ...spec.charts![0], range: { top: 0, left: 0, bottom: 0, right: 2 } }] };
    expect(chartData(empty, empty.charts[0])).toBeNull();
  });

  test("the chart part is escaped and its elements are in the schema's order", () => {
    const whole = chartXml(chartData(spec, spec.charts![0])!);
    expect(whole).toContain("<c:v>One &lt;&amp;&gt;</c:v>");
    const xml = whole.slice(whole.indexOf("<c:barChart>"), whole.indexOf("</c:barChart>"));
    const order = ["<c:barDir", "<c:grouping", "<c:varyColors", "<c:ser>", "<c:gapWidth", "<c:overlap", "<c:axId"].map((t) => xml.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const ser = ["<c:idx", "<c:order", "<c:tx>", "<c:spPr>", "<c:invertIfNegative", "<c:cat>", "<c:val>"].map((t) => xml.indexOf(t));
    expect([...ser].sort((a, b) => a - b)).toEqual(ser);
  });

  testWithOpenpyxl("a sheet whose name has an apostrophe and an ampersand: openpyxl resolves every reference to the right cells", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pm-charts-"));
    try {
      const wb = new (await import("exceljs")).default.Workbook();
      wb.addWorksheet("Plan");
      const host = await hostOf(wb);
      await host.writeSheets([{ ...spec, name: "O'Brien & Co's <plan>" }]);
      const file = path.join(dir, "quoted.xlsx");
      writeFileSync(file, await host.toBuffer());
      const charts = readWithOpenpyxl([file])[file]["O'Brien & Co's <plan>"];
      expect(charts).toHaveLength(1);
      const [blue, red] = charts[0].series;
      expect(blue.valRef).toBe("'O''Brien & Co''s <plan>'!$B$2:$B$3");
      expect(blue.catSheet).toBe("O'Brien & Co's <plan>");
      expect(blue.catCells).toEqual(["One <&>", "Two"]);
      expect(blue.valCells).toEqual([1, 3]);
      expect(red.valCache).toEqual([2, 0]);
      expect(red.valCells).toEqual([2, null]); // an empty cell: the chart shows it as 0, and so does the cache
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("alongside what the workbook already has", () => {
  testWithOpenpyxl("a picture on the plan sheet and a user sheet already called “PM Summary – Themes”: both kept, charts on our renamed sheet", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pm-charts-image-"));
    try {
      const ExcelJS = (await import("exceljs")).default;
      const source = new ExcelJS.Workbook();
      const plan = source.addWorksheet("Plan");
      plan.addRow(["Ref", "Action", "Owner", "Due", "Status", "Theme"]);
      plan.addRow(["1", "Do the first thing", "Ann", new Date(Date.UTC(2020, 0, 31)), "", "Theme A"]);
      plan.addRow(["2", "Do the second thing", "Bob", new Date(Date.UTC(2020, 5, 30)), "Complete", "Theme B"]);
      const logo = source.addImage({ buffer: readFileSync(path.join(__dirname, "../../assets/icon-32.png")) as never, extension: "png" });
      plan.addImage(logo, { tl: { col: 7, row: 1 }, ext: { width: 32, height: 32 } });
      source.addWorksheet(SUMMARY_SHEET_NAMES.themes).getCell("A1").value = "my own notes";
      const input = Buffer.from(await source.xlsx.writeBuffer());

      const { buffer, notices, report } = await writeCopy(input, { asAt: "2020-03-01", settings: defaultSettings() });
      expect(notices.join(" ")).toContain(`${SUMMARY_SHEET_NAMES.themes} (2)`);
      const zip = await JSZip.loadAsync(buffer);
      const drawings = Object.keys(zip.files).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f));
      expect(drawings.length).toBe(3); // the picture's, the themes sheet's, the owners sheet's
      expect(Object.keys(zip.files).some((f) => f.startsWith("xl/media/"))).toBe(true);
      const file = path.join(dir, "with-image.xlsx");
      writeFileSync(file, buffer);
      const sheets = readWithOpenpyxl([file])[file];
      expect(sheets[SUMMARY_SHEET_NAMES.themes]).toEqual([]);
      const ours = sheets[`${SUMMARY_SHEET_NAMES.themes} (2)`];
      expect(ours.map((c) => c.type)).toEqual(["BarChart", "LineChart"]);
      expect(ours[0].series[0].valRef.startsWith(`'${SUMMARY_SHEET_NAMES.themes} (2)'!`)).toBe(true);
      expect(ours[0].series[0].catCells).toEqual(countByTheme(allItems(report).map((e) => e.item)).map((r) => r.label));
      expect(ours[0].series[0].catCache).toEqual(ours[0].series[0].catCells);
      // The picture's parts are as exceljs wrote them for the input (openpyxl cannot read exceljs's picture anchors, so compare the parts).
      const inZip = await JSZip.loadAsync(input);
      for (const part of ["xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/media/image1.png", "xl/worksheets/_rels/sheet1.xml.rels"])
        expect(await zip.file(part)!.async("base64")).toBe(await inZip.file(part)!.async("base64"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeWithOpenpyxl("charts on every corpus workbook", () => {
  const settings = defaultSettings();
  const entries = corpusEntries();
  const dir = mkdtempSync(path.join(os.tmpdir(), "pm-charts-corpus-"));
  const outputs = new Map<string, { file: string; buffer: Buffer; report: Awaited<ReturnType<typeof writeCopy>>["report"] }>();
  let read: Read;

  beforeAll(async () => {
    for (const e of entries) {
      const { buffer, report } = await writeCopy(readFileSync(e.workbook), { asAt: e.asAt, settings });
      const file = path.join(dir, `${e.name}.xlsx`);
      writeFileSync(file, buffer);
      outputs.set(e.name, { file, buffer, report });
    }
    read = readWithOpenpyxl([...outputs.values()].map((o) => o.file));
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(entries.map((e) => [e.name]))("%s: openpyxl loads it and keeps the charts, whose figures equal the tables", async (name) => {
    const { file, buffer, report } = outputs.get(name)!;
    const sheets = read[file];
    const items = allItems(report).map((e) => e.item);
    const themes = countByTheme(items);
    const owners = countByOwner(items);
    const themeCharts = sheets[SUMMARY_SHEET_NAMES.themes];
    const ownerCharts = sheets[SUMMARY_SHEET_NAMES.owners];
    for (const [sheet, charts] of Object.entries(sheets)) {
      if (sheet !== SUMMARY_SHEET_NAMES.themes && sheet !== SUMMARY_SHEET_NAMES.owners) expect(charts).toEqual([]);
    }

    // The themes bar, the trend line and the owners bar, as the add-in draws them.
    const expectedThemeTypes = themes.length ? ["BarChart", "LineChart"] : ["LineChart"];
    expect(themeCharts.map((c) => c.type)).toEqual(expectedThemeTypes);
    expect(ownerCharts.map((c) => c.type)).toEqual(owners.length ? ["BarChart"] : []);

    for (const [sheet, charts] of [[SUMMARY_SHEET_NAMES.themes, themeCharts], [SUMMARY_SHEET_NAMES.owners, ownerCharts]] as const) {
      for (const chart of charts) {
        expect(chart.series.map((s) => s.nameCache[0])).toEqual(RAG_WORDS);
        expect(chart.series.map((s) => s.colour)).toEqual(RAG_HEX);
        for (const s of chart.series) {
          expect(s.catSheet).toBe(sheet);
          expect(s.nameRef.startsWith(`'${sheet}'!$`)).toBe(true);
          // Cached values equal the cells the references point at, cell by cell.
          expect(s.nameCache).toEqual(s.nameCells);
          expect(s.catCache).toEqual(s.catCells.map((v) => String(v)));
          expect(s.valCache).toEqual(s.valCells.map((v) => (typeof v === "number" ? v : 0)));
          expect(s.valCells.every((v) => typeof v === "number")).toBe(true);
        }
      }
    }

    // ...and the bars equal the engine's counts.
    const bar = (charts: ChartRead[], rows: typeof themes) => {
      if (!rows.length) return;
      const c = charts.find((x) => x.type === "BarChart")!;
      expect(c.grouping).toBe("stacked");
      expect(c.series[0].catCache).toEqual(rows.map((r) => r.label));
      RAG_ORDER.forEach((rag, i) => expect(c.series[i].valCache).toEqual(rows.map((r) => r.counts[rag])));
    };
    bar(themeCharts, themes);
    bar(ownerCharts, owners);
    const line = themeCharts.find((c) => c.type === "LineChart")!;
    expect(line.series[0].catCache).toHaveLength(1); // one report recorded so far
    RAG_ORDER.forEach((rag, i) => expect(line.series[i].valCache).toEqual([items.filter((it) => it.rag === rag).length]));

    // The chart parts read with a plain XML parse agree with the sheet as exceljs reads it.
    const zip = await JSZip.loadAsync(buffer);
    const wb = await load(buffer);
    const chartParts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(chartParts).toHaveLength(themeCharts.length + ownerCharts.length);
    for (const part of chartParts) {
      const xml = await zip.file(part)!.async("string");
      for (const m of xml.matchAll(/<c:numRef><c:f>([^<]*)<\/c:f><c:numCache>(.*?)<\/c:numCache>/g)) {
        const ref = /^'((?:[^']|'')*)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(m[1].replace(/&amp;/g, "&"))!;
        expect(ref).not.toBeNull();
        const ws = wb.getWorksheet(ref[1].replace(/''/g, "'"))!;
        const col = ws.getColumn(ref[2]).number;
        const cached = [...m[2].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => Number(v[1]));
        const cells = Array.from({ length: Number(ref[5] ?? ref[3]) - Number(ref[3]) + 1 }, (_, i) => valueAt(ws, Number(ref[3]) + i, col));
        expect(cached).toEqual(cells);
      }
    }

    // No sheet still says that charts cannot be drawn.
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => expect(String(c.value)).not.toMatch(/not drawn|cannot hold charts/)));
  });

  test("running again on the output replaces the charts instead of adding more", async () => {
    const e = entries.find((x) => x.name === "scr-action-plan") ?? entries[0];
    const { buffer } = outputs.get(e.name)!;
    const again = await writeCopy(buffer, { asAt: e.asAt, settings });
    const zip = await JSZip.loadAsync(again.buffer);
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(3);
    const file = path.join(dir, "again.xlsx");
    writeFileSync(file, again.buffer);
    const sheets = readWithOpenpyxl([file])[file];
    expect(sheets[SUMMARY_SHEET_NAMES.themes].map((c) => c.type)).toEqual(["BarChart", "LineChart"]);
    expect(sheets[SUMMARY_SHEET_NAMES.owners].map((c) => c.type)).toEqual(["BarChart"]);
  });
});
