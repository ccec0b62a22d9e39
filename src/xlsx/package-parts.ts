// Parts of the user's workbook that exceljs 4.4 does not write back. One job:
// list what the input package holds that exceljs would drop, and carry back into
// the package exceljs wrote what can be carried safely.
//
// Carried back (the part copied byte for byte, with its relationships and
// content types): the macros (xl/vbaProject.bin and its signature, into an
// .xlsm only: an .xlsx cannot hold macros; never run or read), custom document
// properties (docProps/custom.xml: "Classification: OFFICIAL-SENSITIVE"), the
// task panes the workbook opens with (xl/webextensions: add-ins' settings),
// customXml items (SharePoint metadata), workbook structure protection and file
// sharing settings (copied elements of xl/workbook.xml), the macros' code names,
// and autofilter criteria and sort state (exceljs keeps only the filter's range).
//
// Not carried, so `--out` refuses without --force: pivot tables (their caches
// refer to the workbook's sheets and exceljs renumbers sheets and styles), charts
// and shapes on user sheets and chart sheets (exceljs rewrites every drawing for
// its pictures, so two drawings would have to be merged), links to other
// workbooks (formulas hold [1]-style indexes into the workbook's list of links,
// whose order exceljs does not keep), sparklines, and any part of a kind Plan
// Monitor does not know.
import JSZip from "jszip";
import { addRelationship, attr, contentTypes, readText, relationships, relativeTarget, relsPathOf, REL_NS, setContentType, sheetParts } from "./opc";

const REL_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject";
const REL_CUSTOM_PROPERTIES = `${REL_NS}/custom-properties`;
const REL_CUSTOM_XML = `${REL_NS}/customXml`;
/** The task panes (add-ins, Plan Monitor's own among them) the workbook opens with, and their settings. */
const REL_TASK_PANES = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes";
/** Package-level parts carried back: each self-contained, pointed at from _rels/.rels. */
const ROOT_CARRIED = [REL_CUSTOM_PROPERTIES, REL_TASK_PANES];
const CT_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const CT_WORKBOOK_MACROS = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

/** Something the copy will not have, for the message: "2 pivot tables (on "Pivot")". */
export interface NotKept {
  /** Singular and plural words for it. */
  one: string;
  many: string;
  count: number;
  /** The sheets it is on, or the files it names (external links). */
  where: string[];
  /** "on" sheets, "to" files, or "" (the names alone). */
  preposition?: "on" | "to" | "";
  /** The words to use instead of a count (the macros of an .xlsx copy). */
  text?: string;
}

/** What the input holds that Plan Monitor carries back, and what it cannot. */
export interface SourcePackage {
  zip: JSZip;
  macros: string | null;
  /** Package-level parts carried back (custom properties, task panes), with their relationship type. */
  rootParts: { type: string; part: string }[];
  customXml: string[];
  /** <fileSharing> and <workbookProtection>, verbatim. */
  workbookElements: string[];
  workbookCodeName?: string;
  /** Per user sheet: its <autoFilter> with criteria (and <sortState>), and its code name. */
  sheets: Map<string, { filter?: string; codeName?: string }>;
  notKept: NotKept[];
}

// Content types exceljs writes back itself (or Excel rebuilds: calcChain), so their loss is not a loss.
const KEPT_BY_EXCELJS =
  /(\.worksheet|\.sharedStrings|\.styles|\.theme|core-properties|extended-properties|\.drawing|vmlDrawing|\.comments|\.table|relationships|\.sheet\.main|\.template\.main|macroEnabled\.main|\.calcChain)\+xml$|^image\/|printerSettings$|vmlDrawing$/;
// Parts counted with the thing they belong to (a pivot table's cache, a chart's style).
const COUNTED_WITH_OTHERS = /pivotCache|chartstyle|chartcolorstyle|chartshapes|themeOverride|slicerCache|timelineCache|person\+xml|vbaProjectSignature|customXmlProperties|custom-properties|vbaProject$/i;
// Part kinds exceljs drops, in words; `sheetRel` says the sheet holding it points at it.
const DROPPED: { type: RegExp; one: string; many: string }[] = [
  { type: /pivotTable\+xml$/, one: "pivot table", many: "pivot tables" },
  { type: /drawingml\.chart\+xml$/, one: "chart", many: "charts" },
  { type: /chartsheet\+xml$/, one: "chart sheet", many: "chart sheets" },
  { type: /externalLink\+xml$/, one: "link to another workbook", many: "links to other workbooks" },
  { type: /slicer\+xml$/, one: "slicer", many: "slicers" },
  { type: /timeline\+xml$/, one: "timeline", many: "timelines" },
  { type: /threadedComment/, one: "threaded comment list", many: "threaded comment lists" },
  { type: /connections\+xml$/, one: "data connection list", many: "data connection lists" },
  { type: /queryTable\+xml$/, one: "query table", many: "query tables" },
  { type: /ctrlProp\+xml$/, one: "form control", many: "form controls" },
  { type: /activeX/i, one: "ActiveX control part", many: "ActiveX control parts" },
  { type: /macrosheet|dialogsheet/, one: "Excel 4 macro or dialog sheet", many: "Excel 4 macro or dialog sheets" },
];

const text = async (zip: JSZip, part: string): Promise<string> => (await readText(zip, part)) ?? "";

/** The head (before <sheetData>) and tail (after </sheetData>) of a sheet part: a 200,000-row sheet's rows are never made a string. */
async function sheetEnds(zip: JSZip, part: string): Promise<{ head: string; tail: string }> {
  const file = zip.file(part);
  if (!file) return { head: "", tail: "" };
  const bytes = Buffer.from(await file.async("uint8array"));
  const open = bytes.indexOf("<sheetData");
  const close = bytes.lastIndexOf("</sheetData>");
  if (open < 0) return { head: bytes.toString("utf8"), tail: "" };
  return { head: bytes.toString("utf8", 0, open), tail: close < 0 ? "" : bytes.toString("utf8", close) };
}

/** The filter element with what it filters on (null when it has only a range: exceljs keeps that). */
const filterOf = (tail: string): string | undefined => {
  const m = /<autoFilter\b[^>]*>[\s\S]*?<\/autoFilter>(?:\s*<sortState\b[\s\S]*?(?:<\/sortState>|\/>))?|<autoFilter\b[^>]*\/>\s*<sortState\b[\s\S]*?(?:<\/sortState>|\/>)/.exec(tail);
  return m?.[0];
};

function addNotKept(list: NotKept[], one: string, many: string, where?: string, preposition: NotKept["preposition"] = "on"): void {
  let item = list.find((n) => n.one === one);
  if (!item) list.push((item = { one, many, count: 0, where: [], preposition }));
  item.count++;
  if (where !== undefined && !item.where.includes(where)) item.where.push(where);
}

/**
 * Reads what the input package holds beyond what exceljs writes. `ownSheets`
 * are Plan Monitor's own summary sheets, rewritten whole (their charts are
 * written again), so nothing on them counts as lost.
 */
export async function readSourcePackage(input: Uint8Array, ownSheets: ReadonlySet<string>): Promise<SourcePackage> {
  const zip = await JSZip.loadAsync(input);
  const typeOf = await contentTypes(zip);
  const workbookRels = await relationships(zip, "xl/workbook.xml");
  const workbook = await text(zip, "xl/workbook.xml");
  const source: SourcePackage = {
    zip,
    macros: workbookRels.find((r) => r.type === REL_VBA)?.part ?? null,
    rootParts: (await relationships(zip, "")).filter((r) => ROOT_CARRIED.includes(r.type) && r.part).map((r) => ({ type: r.type, part: r.part! })),
    customXml: workbookRels.filter((r) => r.type === REL_CUSTOM_XML && r.part).map((r) => r.part!),
    workbookElements: [...workbook.matchAll(/<(?:fileSharing|workbookProtection)\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:fileSharing|workbookProtection)>)/g)].map((m) => m[0]),
    workbookCodeName: attr(/<workbookPr\b[^>]*>/.exec(workbook)?.[0] ?? "", "codeName"),
    sheets: new Map(),
    notKept: [],
  };
  const sheetOf = new Map<string, string>();
  for (const [name, part] of await sheetParts(zip)) {
    sheetOf.set(part, name);
    if (ownSheets.has(name) || !/worksheet\+xml$/.test(typeOf(part) ?? "")) continue;
    const { head, tail } = await sheetEnds(zip, part);
    const info: { filter?: string; codeName?: string } = {};
    const filter = filterOf(tail);
    if (filter && !/^<autoFilter\b[^>]*\/>$/.test(filter)) info.filter = filter;
    const codeName = attr(/<sheetPr\b[^>]*>/.exec(head)?.[0] ?? "", "codeName");
    if (codeName) info.codeName = codeName;
    source.sheets.set(name, info);
    if (/<x14:sparklineGroup\b/.test(tail)) addNotKept(source.notKept, "set of sparklines", "sets of sparklines", name);
    // Pictures come back (exceljs keeps them); charts are counted by their parts below; shapes and text boxes here.
    for (const rel of await relationships(zip, part)) {
      if (!rel.part || !/\/drawing$/.test(rel.type)) continue;
      const drawing = await text(zip, rel.part);
      for (const anchor of drawing.matchAll(/<xdr:(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/xdr:(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)>/g))
        if (!/<xdr:pic\b|<xdr:graphicFrame\b/.test(anchor[0])) addNotKept(source.notKept, "shape or text box", "shapes or text boxes", name);
    }
  }
  // The parts carried back, with every part they point at.
  const carried = new Set<string>();
  const collect = async (part: string): Promise<void> => {
    if (carried.has(part)) return;
    carried.add(part);
    for (const rel of await relationships(zip, part)) if (rel.part) await collect(rel.part);
  };
  for (const part of [...source.rootParts.map((r) => r.part), ...source.customXml, ...(source.macros ? [source.macros] : [])]) await collect(part);
  // Which sheet each part hangs from (a chart from its drawing from its sheet), for the message.
  const ownerSheet = new Map<string, string>();
  const sheetPartOf = new Map([...sheetOf].map(([part, name]) => [name, part]));
  for (const [part, name] of sheetOf) {
    ownerSheet.set(part, name);
    for (const rel of await relationships(zip, part)) {
      if (!rel.part) continue;
      ownerSheet.set(rel.part, name);
      for (const sub of await relationships(zip, rel.part)) if (sub.part) ownerSheet.set(sub.part, name);
    }
  }
  for (const part of Object.keys(zip.files).sort()) {
    if (zip.files[part].dir || part === "[Content_Types].xml" || part.endsWith(".rels")) continue;
    const type = typeOf(part) ?? "";
    if (KEPT_BY_EXCELJS.test(type) || COUNTED_WITH_OTHERS.test(type) || carried.has(part) || part.startsWith("customXml/")) continue;
    const sheet = ownerSheet.get(part);
    if (sheet !== undefined && ownSheets.has(sheet)) continue;
    const kind = DROPPED.find((d) => d.type.test(type));
    // A chart sheet's chart is counted as the chart sheet.
    if (kind?.one === "chart" && sheet !== undefined && /chartsheet\+xml$/.test(typeOf(sheetPartOf.get(sheet) ?? "") ?? "")) continue;
    if (kind?.one === "chart sheet") addNotKept(source.notKept, "chart sheet", "chart sheets", sheetOf.get(part), "");
    else if (kind?.one === "link to another workbook") {
      const target = (await relationships(zip, part)).find((r) => r.part === null)?.target;
      addNotKept(source.notKept, kind.one, kind.many, target ? decodeURIComponent(target).replace(/^.*[/\\]/, "") : undefined, "to");
    } else if (kind) addNotKept(source.notKept, kind.one, kind.many, sheet);
    else addNotKept(source.notKept, "other part Plan Monitor cannot copy", "other parts Plan Monitor cannot copy", part, "on");
  }
  // In the order of DROPPED (pivot tables first), the unknown parts last.
  const rank = (n: NotKept): number => {
    const i = DROPPED.findIndex((d) => d.one === n.one);
    return i < 0 ? DROPPED.length : i;
  };
  source.notKept.sort((a, b) => rank(a) - rank(b));
  return source;
}

/** What the copy would not have: for an .xlsx copy, the macros too. */
export function notKeptIn(source: SourcePackage, macroEnabled: boolean): NotKept[] {
  if (!source.macros || macroEnabled) return source.notKept;
  return [{ one: "macro project", many: "macro projects", count: 1, where: [], text: "its macros (an .xlsx file cannot hold macros; name the copy .xlsm to keep them)" }, ...source.notKept];
}

/** "2 pivot tables (on "Pivot") and 1 chart (on "Plan")". */
export function describeNotKept(list: readonly NotKept[]): string {
  const words = list.map((n) => {
    if (n.text) return n.text;
    const what = `${n.count} ${n.count === 1 ? n.one : n.many}`;
    if (n.one === "other part Plan Monitor cannot copy") return `${what} (${n.where.join(", ")})`;
    const preposition = n.preposition === "" ? "" : `${n.preposition ?? "on"} `;
    return n.where.length ? `${what} (${preposition}${n.where.map((w) => `"${w}"`).join(", ")})` : what;
  });
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}` : (words[0] ?? "");
}

/** Copies a part, its relationships and the parts they point at, and their content types; false if any is there already. */
async function copyPartTree(source: SourcePackage, zip: JSZip, part: string, seen = new Set<string>()): Promise<boolean> {
  if (seen.has(part)) return true;
  seen.add(part);
  const file = source.zip.file(part);
  if (!file || zip.file(part)) return false;
  zip.file(part, await file.async("uint8array"));
  const type = (await contentTypes(source.zip))(part);
  if (type && (await contentTypes(zip))(part) !== type) await setContentType(zip, part, type);
  const rels = source.zip.file(relsPathOf(part));
  if (!rels) return true;
  zip.file(relsPathOf(part), await rels.async("uint8array"));
  for (const rel of await relationships(source.zip, part)) if (rel.part && !(await copyPartTree(source, zip, rel.part, seen))) return false;
  return true;
}

async function editText(zip: JSZip, part: string, change: (xml: string) => string): Promise<void> {
  const xml = await readText(zip, part);
  if (xml !== null) zip.file(part, change(xml));
}

/** A start tag given an attribute it lacks (or the element made, right after the root's start tag). */
function withAttribute(xml: string, element: string, name: string, value: string, rootTag: string): string {
  const escaped = value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const tag = new RegExp(`<${element}\\b([^>]*?)(/?)>`).exec(xml);
  if (tag) return tag[1].includes(` ${name}=`) ? xml : xml.replace(tag[0], `<${element}${tag[1]} ${name}="${escaped}"${tag[2]}>`);
  const root = new RegExp(`<${rootTag}\\b[^>]*>`).exec(xml);
  return root ? xml.replace(root[0], `${root[0]}<${element} ${name}="${escaped}"/>`) : xml;
}

/**
 * Carries back into the package exceljs wrote what the input held and exceljs
 * dropped, where that is safe; sets the workbook's content type for an .xlsm.
 * Returns what could not be carried after all (the caller says so).
 */
export async function carryParts(zip: JSZip, source: SourcePackage | null, macroEnabled: boolean): Promise<NotKept[]> {
  const failed: NotKept[] = [];
  if (macroEnabled) await setContentType(zip, "xl/workbook.xml", CT_WORKBOOK_MACROS);
  else await setContentType(zip, "xl/workbook.xml", CT_WORKBOOK);
  if (!source) return failed;
  if (macroEnabled && source.macros) {
    if (await copyPartTree(source, zip, source.macros)) await addRelationship(zip, "xl/workbook.xml", REL_VBA, relativeTarget("xl/workbook.xml", source.macros));
    else addNotKept(failed, "macro project", "macro projects");
  }
  for (const { type, part } of source.rootParts) {
    if (await copyPartTree(source, zip, part)) await addRelationship(zip, "", type, part);
    else if (type === REL_CUSTOM_PROPERTIES) addNotKept(failed, "set of custom document properties", "sets of custom document properties");
    else addNotKept(failed, "other part Plan Monitor cannot copy", "other parts Plan Monitor cannot copy", part);
  }
  for (const item of source.customXml) {
    if (await copyPartTree(source, zip, item)) await addRelationship(zip, "xl/workbook.xml", REL_CUSTOM_XML, relativeTarget("xl/workbook.xml", item));
    else addNotKept(failed, "other part Plan Monitor cannot copy", "other parts Plan Monitor cannot copy", item);
  }
  await editText(zip, "xl/workbook.xml", (xml) => {
    let out = xml;
    // CT_Workbook order: fileVersion, fileSharing, workbookPr, workbookProtection, bookViews, sheets.
    for (const element of source.workbookElements) {
      const name = /^<(\w+)/.exec(element)![1];
      if (new RegExp(`<${name}\\b`).test(out)) continue;
      const before = name === "fileSharing" ? /<(?:workbookPr|workbookProtection|bookViews|sheets)\b/ : /<(?:bookViews|sheets)\b/;
      out = out.replace(before, (m) => `${element}${m}`);
    }
    if (macroEnabled && source.workbookCodeName) out = withAttribute(out, "workbookPr", "codeName", source.workbookCodeName, "workbook");
    return out;
  });
  const parts = await sheetParts(zip);
  for (const [name, info] of source.sheets) {
    const part = parts.get(name);
    if (!part || (!info.filter && !(macroEnabled && info.codeName))) continue;
    let carried = !info.filter;
    await editText(zip, part, (xml) => {
      let out = xml;
      if (info.filter) {
        const ref = attr(/<autoFilter\b[^>]*>/.exec(info.filter)![0], "ref");
        const written = /<autoFilter\b[^>]*\/>/.exec(out);
        if (written && attr(written[0], "ref") === ref) {
          out = out.replace(written[0], info.filter);
          carried = true;
        }
      }
      if (macroEnabled && info.codeName) out = withAttribute(out, "sheetPr", "codeName", info.codeName, "worksheet");
      return out;
    });
    if (!carried) addNotKept(failed, "filter's settings", "filters' settings", name);
  }
  return failed;
}
