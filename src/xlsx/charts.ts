// Real Excel charts in the .xlsx copy. exceljs writes no charts, so after it
// has written the package this module adds the DrawingML parts for each
// summary sheet's ChartSpec: xl/charts/chartN.xml (c:chartSpace), one
// xl/drawings/drawingN.xml per sheet (a twoCellAnchor + graphicFrame per
// chart), their relationships, the sheet's <drawing r:id> and the content
// types. Series refer to the sheet's own cells (c:strRef / c:numRef) and carry
// the table's figures as their cached values, so a reader that does not
// recalculate (or never opens the cells) shows the same numbers as the table.
import { escapeChartText } from "./xml";
import type JSZip from "jszip";
import { cellAddress } from "../engine/grid";
import { relsPathOf } from "./opc";
import type { ChartSpec, SheetCell, SheetSpec } from "../engine/writeback";
import { quotedSheet } from "../engine/a1";

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
} as const;
const REL_DRAWING = `${NS.rel}/drawing`;
const REL_CHART = `${NS.rel}/chart`;
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/** Rows and columns a chart covers when nothing below limits it. */
const CHART_COLUMNS = 8;
const MIN_CHART_ROWS = 16;
const MAX_CHART_ROWS = 60;


/** A sheet name as a formula writes it: always quoted, apostrophes doubled ('O''Brien''s plan'). */
export const quoteSheet = quotedSheet;

const absolute = (row: number, col: number): string => cellAddress(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");

/** 'Sheet'!$B$2:$B$6 (0-based inclusive rows, one column), or one cell. */
export function rangeFormula(sheet: string, top: number, left: number, bottom: number, right: number): string {
  const from = absolute(top, left);
  return `${quoteSheet(sheet)}!${top === bottom && left === right ? from : `${from}:${absolute(bottom, right)}`}`;
}

export interface ChartSeries {
  name: string;
  nameRef: string;
  values: number[];
  valuesRef: string;
  colour?: string;
}

/** The data of one chart as read from its sheet spec: what the cells hold and where. */
export interface ChartData {
  title: string;
  kind: ChartSpec["kind"];
  categories: string[];
  categoriesRef: string;
  series: ChartSeries[];
}

const valueOf = (rows: SheetSpec["rows"], r: number, c: number): SheetCell["value"] => rows[r]?.[c]?.value ?? null;
const text = (v: SheetCell["value"]): string => (v === null ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v));
const number = (v: SheetCell["value"]): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/**
 * A chart's categories and series from the spec's cells: headers in the first
 * row and column of its range. Null when the range has no data row or no
 * series (nothing to draw, e.g. a workbook with no plan).
 */
export function chartData(spec: SheetSpec, chart: ChartSpec, sheetName = spec.name): ChartData | null {
  const { top, left, bottom, right } = chart.range;
  const byColumns = chart.seriesBy === "columns";
  const catCount = byColumns ? bottom - top : right - left;
  const serCount = byColumns ? right - left : bottom - top;
  if (catCount < 1 || serCount < 1) return null;
  const at = (cat: number, ser: number): [number, number] => (byColumns ? [top + 1 + cat, left + 1 + ser] : [top + 1 + ser, left + 1 + cat]);
  const categories = Array.from({ length: catCount }, (_, i) => text(byColumns ? valueOf(spec.rows, top + 1 + i, left) : valueOf(spec.rows, top, left + 1 + i)));
  const categoriesRef = byColumns ? rangeFormula(sheetName, top + 1, left, bottom, left) : rangeFormula(sheetName, top, left + 1, top, right);
  const series = Array.from({ length: serCount }, (_, s): ChartSeries => {
    const [nr, nc] = byColumns ? [top, left + 1 + s] : [top + 1 + s, left];
    const [r0, c0] = at(0, s);
    const [r1, c1] = at(catCount - 1, s);
    return {
      name: text(valueOf(spec.rows, nr, nc)),
      nameRef: rangeFormula(sheetName, nr, nc, nr, nc),
      values: Array.from({ length: catCount }, (_, i) => number(valueOf(spec.rows, ...at(i, s)))),
      valuesRef: rangeFormula(sheetName, r0, c0, r1, c1),
      colour: chart.colours?.[s],
    };
  });
  return { title: chart.title, kind: chart.kind, categories, categoriesRef, series };
}

const hex = (colour: string): string => colour.replace(/^#/, "").toUpperCase();
const solid = (colour: string): string => `<a:solidFill><a:srgbClr val="${hex(colour)}"/></a:solidFill>`;

function strRef(f: string, values: readonly string[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeChartText(v)}</c:v></c:pt>`).join("");
  return `<c:strRef><c:f>${escapeChartText(f)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(f: string, values: readonly number[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("");
  return `<c:numRef><c:f>${escapeChartText(f)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`;
}

function series(data: ChartData, s: ChartSeries, i: number): string {
  const colour = s.colour ?? "#808080";
  const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx>${strRef(s.nameRef, [s.name])}</c:tx>`;
  const cat = `<c:cat>${strRef(data.categoriesRef, data.categories)}</c:cat><c:val>${numRef(s.valuesRef, s.values)}</c:val>`;
  if (data.kind === "barStacked") {
    // A thin grey outline keeps the light RAG fills apart, also in greyscale print.
    const spPr = `<c:spPr>${solid(colour)}<a:ln w="6350">${solid("#7F7F7F")}</a:ln></c:spPr>`;
    return `<c:ser>${head}${spPr}<c:invertIfNegative val="0"/>${cat}</c:ser>`;
  }
  const spPr = `<c:spPr><a:ln w="28575" cap="rnd">${solid(colour)}<a:round/></a:ln></c:spPr>`;
  const marker = `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${solid(colour)}<a:ln w="6350">${solid("#7F7F7F")}</a:ln></c:spPr></c:marker>`;
  return `<c:ser>${head}${spPr}${marker}${cat}<c:smooth val="0"/></c:ser>`;
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;

function axes(kind: ChartSpec["kind"]): string {
  const bar = kind === "barStacked";
  const catAx =
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${bar ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${bar ? "b" : "l"}"/><c:majorGridlines><c:spPr><a:ln w="6350">${solid("#D9D9D9")}</a:ln></c:spPr></c:majorGridlines>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900" b="0"/></a:pPr><a:r><a:rPr lang="en-GB" sz="900" b="0"/><a:t>Actions</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return catAx + valAx;
}

/** The c:chartSpace part for one chart. */
export function chartXml(data: ChartData): string {
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" sz="1200" b="1"/><a:t>${escapeChartText(data.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const sers = data.series.map((s, i) => series(data, s, i)).join("");
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  const plot =
    data.kind === "barStacked"
      ? `<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>${sers}<c:gapWidth val="60"/><c:overlap val="100"/>${axIds}</c:barChart>`
      : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${sers}<c:marker val="1"/>${axIds}</c:lineChart>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${axes(data.kind)}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:latin typeface="Calibri"/></a:defRPr></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

export interface PlacedChart {
  data: ChartData;
  /** 0-based cells: from (inclusive) and to (the cell the chart's bottom-right corner is in, at its top-left). */
  from: { row: number; col: number };
  to: { row: number; col: number };
}

/** Where each drawable chart of a sheet stands: at its anchor, down to the next chart below it. */
export function placeCharts(spec: SheetSpec, sheetName = spec.name): PlacedChart[] {
  const charts = (spec.charts ?? []).map((chart) => ({ chart, data: chartData(spec, chart, sheetName) }));
  return charts.flatMap(({ chart, data }) => {
    if (!data) return [];
    const { row, col } = chart.anchor;
    const below = charts.map((c) => c.chart.anchor.row).filter((r) => r > row);
    const wanted = Math.min(MAX_CHART_ROWS, Math.max(MIN_CHART_ROWS, data.kind === "barStacked" ? Math.ceil(data.categories.length * 1.3) + 6 : MIN_CHART_ROWS));
    const end = below.length ? Math.min(row + wanted, Math.min(...below) - 1) : row + wanted;
    return [{ data, from: { row, col }, to: { row: end, col: col + CHART_COLUMNS } }];
  });
}

/** The drawing part holding a sheet's charts; chart i is relationship rId{i+1}. */
export function drawingXml(placed: readonly PlacedChart[]): string {
  const anchors = placed.map((p, i) => {
    const cell = (tag: string, at: { row: number; col: number }) =>
      `<xdr:${tag}><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    const descr = `Chart: ${p.data.title}. Data in ${p.data.categoriesRef} and the columns beside it.`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${cell("from", p.from)}${cell("to", p.to)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}" descr="${escapeChartText(descr)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}">${anchors.join("")}</xdr:wsDr>`;
}

const relsXml = (rels: readonly { id: string; type: string; target: string }[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">` +
  rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeChartText(r.target)}"/>`).join("") +
  `</Relationships>`;

/** CT_Worksheet elements that come after <drawing>: it goes before the first of them. */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

function insertDrawing(sheetXml: string, rId: string): string {
  let at = sheetXml.lastIndexOf("</worksheet>");
  for (const tag of AFTER_DRAWING) {
    const i = sheetXml.search(new RegExp(`<${tag}[\\s/>]`));
    if (i >= 0 && i < at) at = i;
  }
  let xml = `${sheetXml.slice(0, at)}<drawing r:id="${rId}"/>${sheetXml.slice(at)}`;
  const root = /<worksheet\b[^>]*>/.exec(xml)!;
  if (!/\sxmlns:r=/.test(root[0])) xml = xml.replace(root[0], root[0].replace(/>$/, ` xmlns:r="${NS.rel}">`));
  return xml;
}

function freeNumber(zip: JSZip, folder: string, stem: string): () => number {
  let n = 0;
  return () => {
    do n++;
    while (zip.file(`${folder}/${stem}${n}.xml`));
    return n;
  };
}

export interface SheetCharts {
  /** The sheet's name in the workbook (which may differ from the spec's when a user sheet had that name). */
  sheetName: string;
  /** Its worksheet part ("xl/worksheets/sheet4.xml"), just written. */
  part: string;
  spec: SheetSpec;
}

/**
 * Adds the charts of these summary sheets to the package (in place). A sheet
 * that already has a drawing (it cannot: our sheets are written fresh) is left
 * as it is rather than given a second one. Returns the charts written, per sheet.
 */
export async function addChartsToZip(zip: JSZip, sheets: readonly SheetCharts[]): Promise<{ sheet: string; titles: string[] }[]> {
  const todo = sheets.map((s) => ({ ...s, placed: placeCharts(s.spec, s.sheetName) })).filter((s) => s.placed.length);
  if (!todo.length) return [];
  let types = await zip.file("[Content_Types].xml")!.async("string");
  const nextDrawing = freeNumber(zip, "xl/drawings", "drawing");
  const nextChart = freeNumber(zip, "xl/charts", "chart");
  const overrides: string[] = [];
  const written: { sheet: string; titles: string[] }[] = [];
  for (const { sheetName, part, placed } of todo) {
    const sheetFile = zip.file(part);
    if (!sheetFile) continue;
    let sheetXml = await sheetFile.async("string");
    if (/<drawing[\s/>]/.test(sheetXml)) continue;

    const d = nextDrawing();
    const drawingPart = `xl/drawings/drawing${d}.xml`;
    const chartRels = placed.map((p, i) => {
      const n = nextChart();
      const chartPart = `xl/charts/chart${n}.xml`;
      zip.file(chartPart, chartXml(p.data), { createFolders: false });
      overrides.push(`<Override PartName="/${chartPart}" ContentType="${CT_CHART}"/>`);
      return { id: `rId${i + 1}`, type: REL_CHART, target: `../charts/chart${n}.xml` };
    });
    zip.file(drawingPart, drawingXml(placed), { createFolders: false });
    zip.file(relsPathOf(drawingPart), relsXml(chartRels), { createFolders: false });
    overrides.push(`<Override PartName="/${drawingPart}" ContentType="${CT_DRAWING}"/>`);

    const sheetRelsPath = relsPathOf(part);
    const existing = zip.file(sheetRelsPath) ? await zip.file(sheetRelsPath)!.async("string") : relsXml([]);
    const ids = new Set([...existing.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
    let k = 1;
    while (ids.has(`rIdPmDrawing${k}`)) k++;
    const rId = `rIdPmDrawing${k}`;
    const rel = `<Relationship Id="${rId}" Type="${REL_DRAWING}" Target="../drawings/drawing${d}.xml"/>`;
    zip.file(sheetRelsPath, existing.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`).replace(/<Relationships([^>]*)\/>\s*$/, `<Relationships$1>${rel}</Relationships>`));
    sheetXml = insertDrawing(sheetXml, rId);
    zip.file(part, sheetXml);
    written.push({ sheet: sheetName, titles: placed.map((p) => p.data.title) });
  }
  types = types.replace(/<\/Types>\s*$/, `${overrides.join("")}</Types>`);
  zip.file("[Content_Types].xml", types);
  return written;
}
