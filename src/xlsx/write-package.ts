// `check --out` and `summary --out` write a package: the input's package, every
// part of it copied byte for byte (pivot tables, charts, links to other
// workbooks, macros in an .xlsm, custom properties, filters…), with only what
// Plan Monitor owns changed: the conditional formats of the RAG colouring on the
// plan sheets (colour-part.ts), its own summary sheets (write-sheet-part.ts,
// charts.ts), their markers and print titles in the workbook part
// (workbook-part.ts) and their styles (styles-part.ts). Nothing of the user's is
// parsed into a model and written back, so nothing can be lost on the way, and
// the cost is that of copying the file. The one thing an .xlsx copy cannot hold
// is an .xlsm's macros: those are left out only with --force (cli/main.ts).
import JSZip from "jszip";
import { markerName, markerRef, quoteSheetName } from "../engine/owned";
import type { ColourPlan, SheetSpec } from "../engine/writeback";
import { addChartsToZip, type SheetCharts } from "./charts";
import { recolourSheetPart } from "./colour-part";
import { addRelationship, contentTypes, readText, relationships, relativeTarget, relsPathOf, REL_NS, setContentType } from "./opc";
import { EMPTY_STYLES, StylesPart } from "./styles-part";
import { WorkbookPart } from "./workbook-part";
import { sheetPartXml } from "./write-sheet-part";
import { escapeXmlAttr } from "./xml";

export const REL_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject";
const REL_WORKSHEET = `${REL_NS}/worksheet`;
const REL_STYLES = `${REL_NS}/styles`;
const REL_CALC_CHAIN = `${REL_NS}/calcChain`;
const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const CT_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const CT_WORKBOOK_MACROS = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const WORKBOOK = "xl/workbook.xml";

/** A summary sheet to write: under this name, in place of Plan Monitor's sheet of that name when `replaces`. */
export interface SheetWrite {
  spec: SheetSpec;
  name: string;
  replaces: boolean;
}

export interface PackageEdits {
  /** The RAG colouring to put on the plan sheets (replacing Plan Monitor's earlier one); null leaves the sheets as they are. */
  colours: ColourPlan | null;
  sheets: readonly SheetWrite[];
  /** The copy is an .xlsm: it keeps the macros and has the macro-enabled content type. Else macros are left out. */
  macroEnabled: boolean;
}

/** The input package with the edits, as the bytes of the copy. `source` null: a new workbook (the board paper). */
export async function writePackage(source: Uint8Array | null, edits: PackageEdits): Promise<Buffer> {
  const zip = source ? await JSZip.loadAsync(source) : emptyPackage();
  const workbook = new WorkbookPart((await readText(zip, WORKBOOK)) ?? "");
  const rels = await relationships(zip, WORKBOOK);
  const partOf = new Map(rels.map((r) => [r.id, r.part]));
  const stylesPart = await ensureStyles(zip, rels);
  const styles = new StylesPart((await readText(zip, stylesPart)) ?? EMPTY_STYLES);
  const replaced = new Set(edits.sheets.filter((s) => s.replaces).map((s) => s.name));

  if (edits.colours) {
    const cellsOf = new Map(edits.colours.sheets.map((s) => [s.name, s.cells]));
    const typeOf = await contentTypes(zip);
    for (const sheet of workbook.sheets()) {
      const part = partOf.get(sheet.relId);
      if (!part || replaced.has(sheet.name) || typeOf(part) !== CT_WORKSHEET) continue;
      const file = zip.file(part);
      if (!file) continue;
      const changed = recolourSheetPart(Buffer.from(await file.async("uint8array")), cellsOf.get(sheet.name) ?? [], styles);
      if (changed) zip.file(part, changed);
    }
  }

  const written: SheetCharts[] = [];
  for (const { spec, name, replaces } of edits.sheets) {
    const existing = replaces ? workbook.sheets().find((s) => s.name === name) : undefined;
    let part = existing && partOf.get(existing.relId);
    if (existing && part) {
      await removeRelatedParts(zip, part);
      workbook.setHidden(name, Boolean(spec.hidden));
    } else {
      part = freePart(zip, "xl/worksheets/sheet", ".xml");
      const relId = await addRelationship(zip, WORKBOOK, REL_WORKSHEET, relativeTarget(WORKBOOK, part), "rIdPmSheet");
      workbook.addSheet(name, relId, Boolean(spec.hidden));
      await setContentType(zip, part, CT_WORKSHEET);
    }
    const { xml, printTitles } = sheetPartXml(spec, styles);
    zip.file(part, xml);
    const position = workbook.sheets().findIndex((s) => s.name === name);
    workbook.setName(markerName(spec.kind), markerRef(name));
    if (printTitles) workbook.setName("_xlnm.Print_Titles", `${quoteSheetName(name)}!${printTitles}`, position);
    written.push({ sheetName: name, part, spec });
  }
  // Excel rebuilds the calculation chain; an old one naming cells of a rewritten sheet would make it repair the file.
  if (edits.sheets.length) await removeRelationshipsOfType(zip, WORKBOOK, REL_CALC_CHAIN);
  if (!edits.macroEnabled) await removeRelationshipsOfType(zip, WORKBOOK, REL_VBA);
  await setContentType(zip, WORKBOOK, edits.macroEnabled ? CT_WORKBOOK_MACROS : CT_WORKBOOK);

  zip.file(WORKBOOK, workbook.toXml());
  if (styles.changed || !zip.file(stylesPart)) zip.file(stylesPart, styles.toXml());
  await addChartsToZip(zip, written);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** Does this package hold a macro project? */
export async function hasMacros(zip: JSZip): Promise<boolean> {
  return (await relationships(zip, WORKBOOK)).some((r) => r.type === REL_VBA && r.part !== null && zip.file(r.part) !== null);
}

/** The style sheet's part, made (with its relationship and content type) when the package has none. */
async function ensureStyles(zip: JSZip, rels: Awaited<ReturnType<typeof relationships>>): Promise<string> {
  const found = rels.find((r) => r.type === REL_STYLES && r.part)?.part;
  if (found) return found;
  const part = "xl/styles.xml";
  if (!zip.file(part)) {
    await addRelationship(zip, WORKBOOK, REL_STYLES, relativeTarget(WORKBOOK, part), "rIdPmStyles");
    await setContentType(zip, part, CT_STYLES);
  }
  return part;
}

/** A part name no part has: stem1.xml, stem2.xml, … */
function freePart(zip: JSZip, stem: string, ext: string): string {
  const taken = new Set(Object.keys(zip.files).map((n) => n.toLowerCase()));
  let n = 1;
  while (taken.has(`${stem}${n}${ext}`.toLowerCase())) n++;
  return `${stem}${n}${ext}`;
}

/** Removes what a part points at (a summary's old drawing and its charts), its relationships and their content types. */
async function removeRelatedParts(zip: JSZip, part: string, seen = new Set<string>()): Promise<void> {
  for (const rel of await relationships(zip, part)) {
    if (!rel.part || seen.has(rel.part)) continue;
    seen.add(rel.part);
    await removeRelatedParts(zip, rel.part, seen);
    zip.remove(rel.part);
    await removeContentType(zip, rel.part);
  }
  zip.remove(relsPathOf(part));
}

/** Removes a part's relationships of one type, and the parts they point at (with everything those point at). */
async function removeRelationshipsOfType(zip: JSZip, part: string, type: string): Promise<void> {
  const gone = (await relationships(zip, part)).filter((r) => r.type === type);
  if (!gone.length) return;
  for (const rel of gone) {
    if (!rel.part) continue;
    await removeRelatedParts(zip, rel.part);
    zip.remove(rel.part);
    await removeContentType(zip, rel.part);
  }
  const ids = new Set(gone.map((r) => r.id));
  const xml = (await readText(zip, relsPathOf(part)))!;
  zip.file(relsPathOf(part), xml.replace(/<Relationship\b[^>]*?(?:\/>|>\s*<\/Relationship>)/g, (tag) => (ids.has(/\sId="([^"]*)"/.exec(tag)?.[1] ?? "") ? "" : tag)));
}

async function removeContentType(zip: JSZip, part: string): Promise<void> {
  const xml = await readText(zip, "[Content_Types].xml");
  if (xml === null) return;
  const name = escapeXmlAttr(`/${part}`).toLowerCase();
  zip.file("[Content_Types].xml", xml.replace(/<Override\b[^>]*>/g, (tag) => ((/\sPartName="([^"]*)"/.exec(tag)?.[1] ?? "").toLowerCase() === name ? "" : tag)));
}

/** A workbook with no sheets yet: what a board paper starts from. */
function emptyPackage(): JSZip {
  const zip = new JSZip();
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
  const pkgRels = "http://schemas.openxmlformats.org/package/2006/relationships";
  zip.file(
    "[Content_Types].xml",
    `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/${WORKBOOK}" ContentType="${CT_WORKBOOK}"/><Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `${head}<Relationships xmlns="${pkgRels}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="${WORKBOOK}"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  );
  zip.file(
    "docProps/core.xml",
    `${head}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Plan Monitor</dc:creator></cp:coreProperties>`,
  );
  zip.file("docProps/app.xml", `${head}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Plan Monitor</Application></Properties>`);
  zip.file(
    WORKBOOK,
    `${head}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView/></bookViews><sheets/></workbook>`,
  );
  zip.file(`xl/_rels/workbook.xml.rels`, `${head}<Relationships xmlns="${pkgRels}"><Relationship Id="rId1" Type="${REL_STYLES}" Target="styles.xml"/></Relationships>`);
  zip.file("xl/styles.xml", EMPTY_STYLES);
  return zip;
}
