// Charts: the collection on a sheet, each chart, its title and series colours.
import { type Area, formatArea } from "../address";
import { type SheetModel, type SimChart, STANDARD_WIDTH_POINTS } from "../model";
import { apiNotFound, invalidArg, notFound } from "./errors";
import { type Ctx, type Handle, type PropDef, scalar, type TypeDef } from "./typeDef";
import { int, rangeArg, sheetOf, writable, writableSheet } from "./access";
import { colour } from "./cells";

function chartOf(ctx: Ctx, h: Handle): { sheet: SheetModel; chart: SimChart } {
  const sheet = sheetOf(ctx, h);
  const chart = sheet.charts.find((c) => c.id === h.id);
  if (!chart) throw notFound(`chart ${h.id}`);
  return { sheet, chart };
}

/** Series Excel makes from a block whose first row and column are labels. */
export function seriesCount(source: Area, seriesBy: string): number {
  const rows = source.bottom - source.top + 1;
  const cols = source.right - source.left + 1;
  const byColumns = seriesBy === "Columns" || (seriesBy !== "Rows" && rows >= cols);
  const n = byColumns ? cols - 1 : rows - 1;
  return Math.max(1, n);
}

const CHART_TYPES = new Set(["BarStacked", "BarClustered", "ColumnStacked", "ColumnClustered", "Line", "Pie", "Doughnut", "BarStacked100", "ColumnStacked100", "LineMarkers", "Area"]);

const chartHandle = (s: SheetModel, c: SimChart): Handle => ({ t: "Chart", sheet: s.id, id: c.id });
export const ChartCollection: TypeDef = {
  props: { Count: scalar((ctx, h) => sheetOf(ctx, h).charts.length) },
  items: (ctx, h) => {
    const s = sheetOf(ctx, h);
    return s.charts.map((c) => chartHandle(s, c));
  },
  creating: new Set(["Add"]),
  objects: {
    Add: (ctx, h, [type, source, seriesBy]) => {
      const s = writableSheet(ctx, h);
      if (typeof type !== "string" || !CHART_TYPES.has(type)) throw apiNotFound(`charts.add("${String(type)}")`);
      const area = rangeArg(ctx, s, source, "sourceData");
      const by = seriesBy === undefined || seriesBy === null ? "Auto" : String(seriesBy);
      if (!["Auto", "Columns", "Rows"].includes(by)) throw invalidArg("seriesBy");
      let i = s.charts.length + 1;
      while (s.charts.some((c) => c.name === `Chart ${i}`)) i++;
      const chart: SimChart = {
        id: ctx.model.newId(4),
        name: `Chart ${i}`,
        chartType: type,
        source: area,
        seriesBy: by,
        title: null,
        titleVisible: false,
        seriesColours: Array(seriesCount(area, by)).fill(null),
        top: 0,
        left: 0,
        width: 360,
        height: 216,
        anchor: null,
      };
      s.charts.push(chart);
      return chartHandle(s, chart);
    },
    GetItem: (ctx, h, [name]) => {
      const s = sheetOf(ctx, h);
      const c = s.charts.find((x) => x.name === name || x.id === name);
      if (!c) throw notFound(`chart "${String(name)}"`);
      return chartHandle(s, c);
    },
    GetItemOrNullObject: (ctx, h, [name]) => {
      const s = sheetOf(ctx, h);
      const c = s.charts.find((x) => x.name === name || x.id === name);
      return c ? chartHandle(s, c) : null;
    },
    GetItemAt: (ctx, h, [i]) => {
      const s = sheetOf(ctx, h);
      const c = s.charts[int(i, "index")];
      if (!c) throw invalidArg("index");
      return chartHandle(s, c);
    },
  },
  methods: { GetCount: (ctx, h) => sheetOf(ctx, h).charts.length },
};
const chartProp = <K extends "name" | "chartType" | "top" | "left" | "width" | "height">(k: K, check: (v: unknown) => SimChart[K]): PropDef => ({
  get: (ctx, h) => chartOf(ctx, h).chart[k],
  set: (ctx, h, v) => {
    const { sheet, chart } = chartOf(ctx, h);
    writable(ctx, sheet);
    chart[k] = check(v);
  },
});
const num = (v: unknown) => {
  if (typeof v !== "number" || v < 0) throw invalidArg("chart size or position");
  return v;
};
export const Chart: TypeDef = {
  props: {
    Id: scalar((ctx, h) => chartOf(ctx, h).chart.id),
    Name: chartProp("name", (v) => {
      if (typeof v !== "string" || !v) throw invalidArg("name");
      return v;
    }),
    ChartType: chartProp("chartType", (v) => {
      if (typeof v !== "string" || !CHART_TYPES.has(v)) throw apiNotFound(`chartType "${String(v)}"`);
      return v;
    }),
    Top: chartProp("top", num),
    Left: chartProp("left", num),
    Width: chartProp("width", num),
    Height: chartProp("height", num),
  },
  nav: {
    Title: (_c, h) => ({ t: "ChartTitle", sheet: h.sheet, id: h.id }),
    Series: (_c, h) => ({ t: "ChartSeriesCollection", sheet: h.sheet, id: h.id }),
    Worksheet: (_c, h) => ({ t: "Worksheet", sheet: h.sheet }),
  },
  methods: {
    Delete: (ctx, h) => {
      const { sheet, chart } = chartOf(ctx, h);
      writable(ctx, sheet);
      sheet.charts = sheet.charts.filter((c) => c !== chart);
      return null;
    },
    SetPosition: (ctx, h, [start, end]) => {
      const { sheet, chart } = chartOf(ctx, h);
      writable(ctx, sheet);
      const a = rangeArg(ctx, sheet, start, "startCell");
      chart.anchor = formatArea({ top: a.top, left: a.left, bottom: a.top, right: a.left });
      chart.top = a.top * 15;
      chart.left = a.left * STANDARD_WIDTH_POINTS;
      if (end !== undefined && end !== null) {
        const b = rangeArg(ctx, sheet, end, "endCell");
        chart.height = Math.max(15, (b.bottom - a.top + 1) * 15);
        chart.width = Math.max(STANDARD_WIDTH_POINTS, (b.right - a.left + 1) * STANDARD_WIDTH_POINTS);
      }
      return null;
    },
    SetData: (ctx, h, [source, seriesBy]) => {
      const { sheet, chart } = chartOf(ctx, h);
      writable(ctx, sheet);
      chart.source = rangeArg(ctx, sheet, source, "sourceData");
      chart.seriesBy = typeof seriesBy === "string" ? seriesBy : "Auto";
      chart.seriesColours = Array(seriesCount(chart.source, chart.seriesBy)).fill(null);
      return null;
    },
  },
};
export const ChartTitle: TypeDef = {
  props: {
    Text: scalar(
      (ctx, h) => chartOf(ctx, h).chart.title ?? "",
      (ctx, h, v) => {
        const { sheet, chart } = chartOf(ctx, h);
        writable(ctx, sheet);
        if (typeof v !== "string") throw invalidArg("title.text");
        chart.title = v;
        chart.titleVisible = true;
      },
    ),
    Visible: scalar(
      (ctx, h) => chartOf(ctx, h).chart.titleVisible,
      (ctx, h, v) => {
        const { sheet, chart } = chartOf(ctx, h);
        writable(ctx, sheet);
        chart.titleVisible = Boolean(v);
      },
    ),
  },
};
const seriesOf = (ctx: Ctx, h: Handle) => {
  const { sheet, chart } = chartOf(ctx, h);
  if (h.index === undefined || h.index < 0 || h.index >= chart.seriesColours.length) throw invalidArg("series index");
  return { sheet, chart, index: h.index };
};
export const ChartSeriesCollection: TypeDef = {
  props: { Count: scalar((ctx, h) => chartOf(ctx, h).chart.seriesColours.length) },
  items: (ctx, h) => chartOf(ctx, h).chart.seriesColours.map((_c, index) => ({ t: "ChartSeries", sheet: h.sheet, id: h.id, index })),
  objects: {
    GetItemAt: (ctx, h, [i]) => {
      const index = int(i, "index");
      seriesOf(ctx, { ...h, index });
      return { t: "ChartSeries", sheet: h.sheet, id: h.id, index };
    },
  },
  methods: { GetCount: (ctx, h) => chartOf(ctx, h).chart.seriesColours.length },
};
export const ChartSeries: TypeDef = {
  props: { Name: scalar((ctx, h) => `Series${seriesOf(ctx, h).index + 1}`) },
  nav: { Format: (_c, h) => ({ ...h, t: "ChartSeriesFormat" }) },
};
export const ChartSeriesFormat: TypeDef = { nav: { Fill: (_c, h) => ({ ...h, t: "ChartFill" }) } };
export const ChartFill: TypeDef = {
  methods: {
    SetSolidColor: (ctx, h, [c]) => {
      const { sheet, chart, index } = seriesOf(ctx, h);
      writable(ctx, sheet);
      chart.seriesColours[index] = colour(c, "color");
      return null;
    },
    Clear: (ctx, h) => {
      const { chart, index } = seriesOf(ctx, h);
      chart.seriesColours[index] = null;
      return null;
    },
  },
};
