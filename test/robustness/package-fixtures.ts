// Workbooks holding parts exceljs 4.4 does not model: macros, custom document
// properties, workbook structure protection, autofilter criteria, a list
// validation over a range, pivot tables, a chart, a link to another workbook,
// Excel 2010's extensions (data bars, sparklines).
// exceljs writes the plan; jszip then adds each part as Excel stores it (the
// part, its relationship and its content type), so the tests see what a user's
// file really holds.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { chartXml } from "../../src/xlsx/charts";
import { ACTIONS, HEADER } from "../helpers/fixtures";

export type Extra =
  | "macros"
  | "customProperties"
  | "structureProtection"
  | "autoFilterCriteria"
  | "listValidation"
  | "pivot"
  | "chart"
  | "externalLink"
  | "taskPane"
  | "customXml"
  | "extensions";

/** Stands for a VBA project: Plan Monitor copies it, never reads or runs it, so any bytes do. */
export const VBA_BYTES = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
export const CUSTOM_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Classification"><vt:lpwstr>OFFICIAL-SENSITIVE</vt:lpwstr></property></Properties>';
export const STRUCTURE_PROTECTION = '<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="aGFzaA==" workbookSaltValue="c2FsdA==" workbookSpinCount="100000" lockStructure="1"/>';
/**
 * The sheet's extLst as Excel 2010+ writes it: a data bar on A2:A4 (an x14
 * conditional format, priority 1) and sparklines in G2:G4.
 */
export const EXTENSIONS_XML =
  '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings>' +
  '<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" priority="1" id="{00000000-0000-0000-0000-0000000000A1}"><x14:dataBar minLength="0" maxLength="100"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/></x14:dataBar></x14:cfRule><xm:sqref>A2:A4</xm:sqref></x14:conditionalFormatting>' +
  '</x14:conditionalFormattings></ext><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
  '<x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>Plan!A2:A2</xm:f><xm:sqref>G2</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup>' +
  "</x14:sparklineGroups></ext></extLst>";
/** Rows whose RAG is "Green" shown; the filter on column E (the 5th, colId 4). */
export const FILTER_COLUMN = '<filterColumn colId="4"><filters><filter val="Green"/></filters></filterColumn>';

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const TASK_PANES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><wetp:taskpane dockstate="right" visibility="1" width="350" row="4"><wetp:webextensionref r:id="rId1"/></wetp:taskpane></wetp:taskpanes>';
export const CT_MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

const rels = (list: [string, string, string, string?][]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  list.map(([id, type, target, mode]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"${mode ? ` TargetMode="${mode}"` : ""}/>`).join("") +
  "</Relationships>";

async function edit(zip: JSZip, part: string, change: (xml: string) => string): Promise<void> {
  zip.file(part, change(await zip.file(part)!.async("string")));
}
const addRel = (zip: JSZip, part: string, rel: string): Promise<void> =>
  zip.file(part) ? edit(zip, part, (x) => x.replace("</Relationships>", `${rel}</Relationships>`)) : Promise.resolve(void zip.file(part, rels([]).replace("</Relationships>", `${rel}</Relationships>`)));
const addType = (zip: JSZip, entry: string): Promise<void> => edit(zip, "[Content_Types].xml", (x) => x.replace("</Types>", `${entry}</Types>`));

/** A plan on "Plan" (and a "Pivot" sheet when asked) with the extras asked for. */
export async function workbookWith(extras: readonly Extra[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2020, 0, 1));
  const ws = wb.addWorksheet("Plan");
  ws.addRow(HEADER);
  for (const r of ACTIONS) ws.addRow(r);
  if (extras.includes("autoFilterCriteria")) ws.autoFilter = `A1:F${ACTIONS.length + 1}`;
  if (extras.includes("externalLink")) ws.getCell("H2").value = { formula: "[1]Budget!$B$2", result: 1250 } as ExcelJS.CellFormulaValue;
  if (extras.includes("pivot")) {
    const p = wb.addWorksheet("Pivot");
    p.getCell("A3").value = "Row Labels";
    p.getCell("B3").value = "Count of Action";
  }
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const sheet = "xl/worksheets/sheet1.xml";

  if (extras.includes("listValidation")) {
    // A drop-down on E2:E20, as Excel stores it: one range.
    const dv = '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="E2:E20"><formula1>"Green,Amber,Red,Complete"</formula1></dataValidation></dataValidations>';
    await edit(zip, sheet, (x) => x.replace(/(<pageMargins)/, `${dv}$1`));
  }
  if (extras.includes("autoFilterCriteria")) await edit(zip, sheet, (x) => x.replace(/<autoFilter ref="([^"]+)"\/>/, `<autoFilter ref="$1">${FILTER_COLUMN}</autoFilter>`));
  if (extras.includes("macros")) {
    zip.file("xl/vbaProject.bin", VBA_BYTES);
    await addRel(zip, "xl/_rels/workbook.xml.rels", `<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`);
    await addType(zip, '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');
    await edit(zip, "[Content_Types].xml", (x) => x.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", CT_MACRO_WORKBOOK));
  }
  if (extras.includes("customProperties")) {
    zip.file("docProps/custom.xml", CUSTOM_XML);
    await addRel(zip, "_rels/.rels", `<Relationship Id="rIdCustom" Type="${R}/custom-properties" Target="docProps/custom.xml"/>`);
    await addType(zip, '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>');
  }
  if (extras.includes("structureProtection")) await edit(zip, "xl/workbook.xml", (x) => x.replace("<sheets>", `${STRUCTURE_PROTECTION}<sheets>`));
  if (extras.includes("chart")) {
    zip.file(
      "xl/drawings/drawing1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}">` +
        `<xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="My chart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
    );
    zip.file("xl/drawings/_rels/drawing1.xml.rels", rels([["rId1", `${R}/chart`, "../charts/chart1.xml"]]));
    zip.file(
      "xl/charts/chart1.xml",
      chartXml({
        title: "My chart",
        kind: "barStacked",
        categories: ["1", "2", "3"],
        categoriesRef: "'Plan'!$A$2:$A$4",
        series: [{ name: "Ref", nameRef: "'Plan'!$A$1", values: [1, 2, 3], valuesRef: "'Plan'!$A$2:$A$4" }],
      }),
    );
    await addRel(zip, "xl/worksheets/_rels/sheet1.xml.rels", `<Relationship Id="rIdDrawing" Type="${R}/drawing" Target="../drawings/drawing1.xml"/>`);
    await edit(zip, sheet, (x) => x.replace("</worksheet>", '<drawing r:id="rIdDrawing"/></worksheet>').replace(/<worksheet\b([^>]*)>/, (m, a: string) => (a.includes("xmlns:r=") ? m : `<worksheet${a} xmlns:r="${R}">`)));
    await addType(zip, '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    await addType(zip, '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
  }
  if (extras.includes("extensions")) await edit(zip, sheet, (x) => x.replace("</worksheet>", `${EXTENSIONS_XML}</worksheet>`));
  if (extras.includes("pivot")) {
    for (const n of [1, 2]) {
      zip.file(`xl/pivotCache/pivotCacheDefinition${n}.xml`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" recordCount="3"><cacheSource type="worksheet"><worksheetSource ref="A1:F4" sheet="Plan"/></cacheSource><cacheFields count="0"/></pivotCacheDefinition>`);
      zip.file(`xl/pivotTables/pivotTable${n}.xml`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="${MAIN}" name="PivotTable${n}" cacheId="${n}" dataCaption="Values"><location ref="A3:B7" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/></pivotTableDefinition>`);
      zip.file(`xl/pivotTables/_rels/pivotTable${n}.xml.rels`, rels([["rId1", `${R}/pivotCacheDefinition`, `../pivotCache/pivotCacheDefinition${n}.xml`]]));
      await addRel(zip, "xl/worksheets/_rels/sheet2.xml.rels", `<Relationship Id="rIdPivot${n}" Type="${R}/pivotTable" Target="../pivotTables/pivotTable${n}.xml"/>`);
      await addRel(zip, "xl/_rels/workbook.xml.rels", `<Relationship Id="rIdCache${n}" Type="${R}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition${n}.xml"/>`);
      await addType(zip, `<Override PartName="/xl/pivotTables/pivotTable${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/>`);
      await addType(zip, `<Override PartName="/xl/pivotCache/pivotCacheDefinition${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>`);
    }
    await edit(zip, "xl/workbook.xml", (x) => x.replace(/(<calcPr[^>]*\/>)/, '$1<pivotCaches><pivotCache cacheId="1" r:id="rIdCache1"/><pivotCache cacheId="2" r:id="rIdCache2"/></pivotCaches>'));
  }
  if (extras.includes("externalLink")) {
    zip.file(
      "xl/externalLinks/externalLink1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="${MAIN}" xmlns:r="${R}"><externalBook r:id="rId1"><sheetNames><sheetName val="Budget"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="2"><cell r="B2"><v>1250</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
    );
    zip.file("xl/externalLinks/_rels/externalLink1.xml.rels", rels([["rId1", `${R}/externalLinkPath`, "budget%202020.xlsx", "External"]]));
    await addRel(zip, "xl/_rels/workbook.xml.rels", `<Relationship Id="rIdExt1" Type="${R}/externalLink" Target="externalLinks/externalLink1.xml"/>`);
    await addType(zip, '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>');
    await edit(zip, "xl/workbook.xml", (x) => x.replace("</sheets>", '</sheets><externalReferences><externalReference r:id="rIdExt1"/></externalReferences>'));
  }
  if (extras.includes("customXml")) {
    // SharePoint's document metadata, as Excel stores it.
    zip.file("customXml/item1.xml", '<?xml version="1.0" encoding="UTF-8" standalone="no"?><p:properties xmlns:p="http://schemas.microsoft.com/office/2006/metadata/properties"><documentManagement/></p:properties>');
    zip.file("customXml/itemProps1.xml", '<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{A1B2C3D4-0000-0000-0000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>');
    zip.file("customXml/_rels/item1.xml.rels", rels([["rId1", `${R}/customXmlProps`, "itemProps1.xml"]]));
    await addRel(zip, "xl/_rels/workbook.xml.rels", `<Relationship Id="rIdCx1" Type="${R}/customXml" Target="../customXml/item1.xml"/>`);
    await addType(zip, '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>');
  }
  if (extras.includes("taskPane")) {
    zip.file("xl/webextensions/taskpanes.xml", TASK_PANES_XML);
    zip.file("xl/webextensions/_rels/taskpanes.xml.rels", rels([["rId1", "http://schemas.microsoft.com/office/2011/relationships/webextension", "webextension1.xml"]]));
    zip.file(
      "xl/webextensions/webextension1.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{11111111-2222-3333-4444-555555555555}"><we:reference id="wa000000000" version="1.0.0.0" store="en-GB" storeType="OMEX"/><we:properties/><we:bindings/><we:snapshot/></we:webextension>',
    );
    await addRel(zip, "_rels/.rels", '<Relationship Id="rIdPanes" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/>');
    await addType(zip, '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>');
    await addType(zip, '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>');
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
