// recolourSheetPart: Plan Monitor's RAG rules in a user's worksheet part. The
// rows are never touched, rules go where the schema puts them, colouring is
// idempotent, clearing gives the user's rules back their priorities, and a
// rule that only looks like ours stays.
import { colourFormula, RAG_FILL, type ColourCell } from "../../src/engine/writeback";
import { compactRanges, recolourSheetPart } from "../../src/xlsx/colour-part";
import { EMPTY_STYLES, StylesPart } from "../../src/xlsx/styles-part";
import { xmlErrors } from "../helpers/wellFormed";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const ROWS = '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="E2" t="inlineStr"><is><t>Green &amp; on track</t></is></c></row></sheetData>';
const sheet = (tail: string, rows = ROWS): Buffer => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><dimension ref="A1:E3"/>${rows}${tail}</worksheet>`);
const rowsOf = (b: Buffer): string => b.toString("utf8").slice(0, b.toString("utf8").indexOf("</sheetData>") + "</sheetData>".length);
const cells: ColourCell[] = [
  { row: 1, col: 4, rag: "green" },
  { row: 2, col: 4, rag: "green" },
  { row: 3, col: 4, rag: "red" },
];
const USER_RULE = '<conditionalFormatting sqref="B2:B9"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>5</formula></cfRule></conditionalFormatting>';
const USER_DXF = '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>';
const stylesWith = (dxfs = USER_DXF): StylesPart => new StylesPart(EMPTY_STYLES.replace('<dxfs count="0"/>', dxfs));

describe("recolourSheetPart", () => {
  test("adds one rule per RAG, after the rows and before pageMargins; the rows are byte for byte as they were", async () => {
    const input = sheet('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
    const styles = stylesWith();
    const out = recolourSheetPart(input, cells, styles)!;
    const xml = out.toString("utf8");
    expect(rowsOf(out)).toBe(rowsOf(input));
    const green = styles.fillFormat(RAG_FILL.green);
    const red = styles.fillFormat(RAG_FILL.red);
    expect(xml).toContain(
      `</sheetData><conditionalFormatting sqref="E2:E3"><cfRule type="expression" dxfId="${green}" priority="1"><formula>${colourFormula("green").replace(/&/g, "&amp;")}</formula></cfRule></conditionalFormatting>` +
        `<conditionalFormatting sqref="E4"><cfRule type="expression" dxfId="${red}" priority="2">`,
    );
    expect(xml.indexOf("<conditionalFormatting")).toBeLessThan(xml.indexOf("<pageMargins"));
    expect(await xmlErrors(out)).toBe("");
  });

  test.each([
    ["dataValidations", '<dataValidations count="1"><dataValidation type="list" sqref="E2:E9"><formula1>"A,B"</formula1></dataValidation></dataValidations>'],
    ["hyperlinks", '<hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks>'],
    ["drawing", '<drawing r:id="rId2"/>'],
    ["tableParts", '<tableParts count="1"><tablePart r:id="rId3"/></tableParts>'],
    ["extLst", '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"/></extLst>'],
  ])("goes before %s, which the schema puts later", (name, element) => {
    const xml = recolourSheetPart(sheet(element), cells, stylesWith())!.toString("utf8");
    expect(xml).toMatch(new RegExp(`</conditionalFormatting><${name}\\b`));
  });

  test("with the user's own conditional formats: ours first (priorities 1..n), theirs moved down by n, then back when cleared", async () => {
    const input = sheet(`${USER_RULE}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
    const coloured = recolourSheetPart(input, cells, stylesWith())!;
    const xml = coloured.toString("utf8");
    expect(xml).toContain(`</conditionalFormatting>${USER_RULE.replace('priority="1"', 'priority="3"')}<pageMargins`);
    const cleared = recolourSheetPart(coloured, [], stylesWith())!;
    expect(cleared.equals(input)).toBe(true);
  });

  test("x14 rules in the extLst are moved down and back too", () => {
    const ext =
      '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
      '<x14:cfRule type="dataBar" priority="1" id="{A}"><x14:dataBar/></x14:cfRule><xm:sqref>A2:A4</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>';
    const input = sheet(ext);
    const coloured = recolourSheetPart(input, cells, stylesWith())!;
    expect(coloured.toString("utf8")).toContain('<x14:cfRule type="dataBar" priority="3" id="{A}">');
    expect(recolourSheetPart(coloured, [], stylesWith())!.equals(input)).toBe(true);
  });

  test("colouring its own output again gives the same bytes; changed RAGs replace the old rules", () => {
    const styles = stylesWith();
    const once = recolourSheetPart(sheet(USER_RULE), cells, styles)!;
    const twice = recolourSheetPart(once, cells, styles)!;
    expect(twice.equals(once)).toBe(true);
    const changed = recolourSheetPart(once, [{ row: 1, col: 4, rag: "amber" }], styles)!.toString("utf8");
    expect(changed.match(/Plan Monitor RAG/g)).toHaveLength(1);
    expect(changed).toContain(colourFormula("amber").replace(/&/g, "&amp;"));
    expect(changed).toContain(USER_RULE.replace('priority="1"', 'priority="2"'));
  });

  test("a user's rule that only looks like ours is never removed", () => {
    const styles = stylesWith(`<dxfs count="2"><dxf><fill><patternFill patternType="solid"><bgColor rgb="FF${RAG_FILL.green.slice(1)}"/></patternFill></fill></dxf><dxf><fill><patternFill patternType="solid"><bgColor rgb="FF123456"/></patternFill></fill></dxf></dxfs>`);
    // Our fill with another formula; our formula's words with another fill.
    const lookalikes =
      '<conditionalFormatting sqref="E2"><cfRule type="expression" dxfId="0" priority="1"><formula>$E2="Green"</formula></cfRule></conditionalFormatting>' +
      '<conditionalFormatting sqref="F2"><cfRule type="expression" dxfId="1" priority="2"><formula>TRUE</formula></cfRule></conditionalFormatting>';
    const input = sheet(lookalikes);
    expect(recolourSheetPart(input, [], styles)).toBeNull();
    const coloured = recolourSheetPart(input, cells, styles)!.toString("utf8");
    expect(coloured).toContain(lookalikes.replace('priority="1"', 'priority="3"').replace('priority="2"', 'priority="4"'));
  });

  test("nothing to clear and nothing to add: null (the part is left as it is)", () => {
    expect(recolourSheetPart(sheet(USER_RULE), [], stylesWith())).toBeNull();
  });

  test("an empty <sheetData/> and a sheet with nothing after the rows", () => {
    const xml = recolourSheetPart(sheet("", "<sheetData/>"), cells, stylesWith())!.toString("utf8");
    expect(xml).toMatch(/<sheetData\/><conditionalFormatting sqref="E2:E3">[\s\S]*<\/conditionalFormatting><\/worksheet>$/);
  });

  test("a worksheet written with a namespace prefix gets prefixed rules, and clearing finds them", async () => {
    const prefixed = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="E2" t="inlineStr"><x:is><x:t>Green</x:t></x:is></x:c></x:row></x:sheetData><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>',
    );
    const styles = stylesWith();
    const out = recolourSheetPart(prefixed, cells, styles)!;
    expect(out.toString("utf8")).toMatch(/<\/x:sheetData><x:conditionalFormatting sqref="E2:E3"><x:cfRule type="expression" dxfId="\d+" priority="1"><x:formula>/);
    expect(await xmlErrors(out)).toBe("");
    expect(recolourSheetPart(out, [], styles)!.equals(prefixed)).toBe(true);
  });

  test("a part with no rows at all is left alone", () => {
    expect(recolourSheetPart(Buffer.from(`<worksheet ${NS}/>`), cells, stylesWith())).toBeNull();
  });
});

describe("compactRanges", () => {
  test("consecutive rows of a column are one range; columns in order; repeated cells once", () => {
    const at = (row: number, col: number) => ({ row, col });
    expect(compactRanges([at(11, 4), at(4, 4), at(5, 4), at(6, 4), at(7, 4), at(8, 4), at(5, 4), at(0, 1)])).toEqual(["B1", "E5:E9", "E12"]);
    expect(compactRanges([])).toEqual([]);
    expect(compactRanges([at(0, 26)])).toEqual(["AA1"]);
  });
});

// --- Sheets as Excel writes them, and the edge cases: what is before and after
// the rules, whose rules are whose, escaping, and the prefixed form. ---

/** The names of the root element's children, in document order (a depth count over the tags). */
function topLevel(xml: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const m of xml.matchAll(/<(\/?)([\w:.-]+)(?:"[^"]*"|'[^']*'|[^>"'])*?(\/?)>/g)) {
    if (m[1]) depth--;
    else {
      if (depth === 1) names.push(m[2]);
      if (!m[3]) depth++;
    }
  }
  return names;
}
/** Our conditional formats as written: sqref, dxfId, priority and the formula's text (entities decoded). */
const oursIn = (xml: string): { sqref: string; dxf: number; priority: number; formula: string }[] =>
  [...xml.matchAll(/<(?:x:)?conditionalFormatting sqref="([^"]*)"><(?:x:)?cfRule type="expression" dxfId="(\d+)" priority="(\d+)"><(?:x:)?formula>([^<]*Plan Monitor RAG[^<]*)<\/(?:x:)?formula>/g)].map((m) => ({
    sqref: m[1],
    dxf: Number(m[2]),
    priority: Number(m[3]),
    formula: m[4].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"),
  }));
const rowsEnd = (b: Buffer): number => b.lastIndexOf("</sheetData>") + "</sheetData>".length;
const argb = (hex: string): string => `FF${hex.slice(1).toUpperCase()}`;

const MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
/** An action plan as Excel saves it: UTF-8 text in the rows, an autofilter, merged cells, page setup and a table. */
const EXCEL_SHEET = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    `<worksheet ${NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:E4"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="E2" sqref="E2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="1" width="40.7109375" customWidth="1"/></cols>' +
    '<sheetData><row r="1" spans="1:5" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="E1" t="s"><v>1</v></c></row>' +
    '<row r="2" spans="1:5" x14ac:dyDescent="0.25"><c r="A2" t="inlineStr"><is><t>Zoë’s café review – £5k</t></is></c><c r="D2" s="1"><v>46022</v></c><c r="E2" t="str"><f>IF(D2&lt;TODAY(),"Late","On track")</f><v>Late</v></c></row>' +
    '<row r="3" spans="1:5" x14ac:dyDescent="0.25"><c r="A3" t="inlineStr"><is><t>&lt;/sheetData&gt; in a cell</t></is></c><c r="E3" t="s"><v>2</v></c></row>' +
    '<row r="4" spans="1:5" x14ac:dyDescent="0.25"><c r="A4" t="s"><v>3</v></c><c r="E4" t="s"><v>4</v></c></row></sheetData>' +
    '<autoFilter ref="A1:E4"/><mergeCells count="1"><mergeCell ref="B4:C4"/></mergeCells><phoneticPr fontId="2" type="noConversion"/>' +
    `${MARGINS}<pageSetup paperSize="9" scale="71" fitToHeight="0" orientation="landscape" r:id="rId1"/><headerFooter><oddFooter>&amp;LPlan&amp;RPage &amp;P</oddFooter></headerFooter>` +
    '<tableParts count="1"><tablePart r:id="rId2"/></tableParts></worksheet>',
);
const PLAN: ColourCell[] = [
  { row: 1, col: 4, rag: "red" },
  { row: 2, col: 4, rag: "amber" },
  { row: 3, col: 4, rag: "red" },
  { row: 3, col: 0, rag: "grey" },
];

describe("recolourSheetPart: a sheet as Excel writes it", () => {
  test("the bytes up to </sheetData> and after the insertion point are the input's; our blocks sit between phoneticPr and pageMargins", async () => {
    const styles = stylesWith();
    const out = recolourSheetPart(EXCEL_SHEET, PLAN, styles)!;
    const at = rowsEnd(EXCEL_SHEET);
    expect(out.subarray(0, at).equals(EXCEL_SHEET.subarray(0, at))).toBe(true);
    // Only our blocks were added: the input is the output with them cut out.
    const xml = out.toString("utf8");
    const start = xml.indexOf("<conditionalFormatting");
    const stop = xml.indexOf("<pageMargins");
    expect(Buffer.from(xml.slice(0, start) + xml.slice(stop), "utf8").equals(EXCEL_SHEET)).toBe(true);
    expect(topLevel(xml)).toEqual([
      "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "autoFilter", "mergeCells", "phoneticPr",
      "conditionalFormatting", "conditionalFormatting", "conditionalFormatting",
      "pageMargins", "pageSetup", "headerFooter", "tableParts",
    ]);
    expect(await xmlErrors(out)).toBe("");
  });

  test("one rule per RAG, in the order the RAGs first come, priorities 1..n; each dxfId is a dxf with that RAG's fill", () => {
    const styles = stylesWith();
    const rules = oursIn(recolourSheetPart(EXCEL_SHEET, PLAN, styles)!.toString("utf8"));
    expect(rules.map(({ sqref, priority, formula }) => ({ sqref, priority, formula }))).toEqual([
      { sqref: "E2 E4", priority: 1, formula: colourFormula("red") },
      { sqref: "E3", priority: 2, formula: colourFormula("amber") },
      { sqref: "A4", priority: 3, formula: colourFormula("grey") },
    ]);
    // The styles as the package writer saves them, read back.
    const saved = new StylesPart(styles.toXml());
    expect(rules.map((r) => saved.existingFill(r.dxf))).toEqual([argb(RAG_FILL.red), argb(RAG_FILL.amber), argb(RAG_FILL.grey)]);
    expect(saved.existingFill(0)).toBeNull(); // the user's own dxf (bold, no fill) is untouched
  });

  test("a second run, with the styles read back from the first run's output, gives the same bytes and no new dxf", () => {
    const first = stylesWith();
    const once = recolourSheetPart(EXCEL_SHEET, PLAN, first)!;
    const second = new StylesPart(first.toXml());
    const twice = recolourSheetPart(once, PLAN, second)!;
    expect(twice.equals(once)).toBe(true);
    expect(second.changed).toBe(false);
    // And clearing that gives the sheet back as it was.
    expect(recolourSheetPart(twice, [], new StylesPart(first.toXml()))!.equals(EXCEL_SHEET)).toBe(true);
  });

  test("custom views: a customSheetView's own pageMargins (and an autoFilter's extLst) are not where the rules go", async () => {
    const views =
      '<autoFilter ref="A1:E4"><filterColumn colId="4"><filters><filter val="Late"/></filters></filterColumn><sortState ref="A2:E4"><sortCondition ref="D2:D4"/></sortState>' +
      '<extLst><ext uri="{FA1D6B73-EB05-4EA3-A8B4-6CB5E5D5B6C2}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"/></extLst></autoFilter>' +
      '<customSheetViews><customSheetView guid="{6F1B3E0A-2C4D-4E5F-8A9B-0C1D2E3F4A5B}" filter="1" showAutoFilter="1"><selection activeCell="E2" sqref="E2"/>' +
      `${MARGINS}<pageSetup paperSize="9" orientation="landscape"/><autoFilter ref="A1:E4"/></customSheetView></customSheetViews>`;
    for (const after of [MARGINS, ""]) {
      const input = sheet(`${views}<mergeCells count="1"><mergeCell ref="B4:C4"/></mergeCells>${after}`);
      const out = recolourSheetPart(input, cells, stylesWith())!;
      const xml = out.toString("utf8");
      expect(topLevel(xml)).toEqual(["dimension", "sheetData", "autoFilter", "customSheetViews", "mergeCells", "conditionalFormatting", "conditionalFormatting", ...(after ? ["pageMargins"] : [])]);
      expect(xml.slice(xml.indexOf("<customSheetViews"), xml.indexOf("</customSheetViews>"))).not.toContain("conditionalFormatting");
      expect(await xmlErrors(out)).toBe("");
      expect(recolourSheetPart(out, [], stylesWith())!.equals(input)).toBe(true);
    }
  });

  test("nothing after the rows but the end of the worksheet: the rules go just before </worksheet>", () => {
    const xml = recolourSheetPart(sheet(""), cells, stylesWith())!.toString("utf8");
    expect(xml).toMatch(/<\/sheetData><conditionalFormatting sqref="E2:E3">.*<\/conditionalFormatting><\/worksheet>$/);
  });

  test("an empty <sheetData/> with nothing to clear and no cells: null; with cells, the rules follow it", async () => {
    const empty = sheet(MARGINS, "<sheetData/>");
    expect(recolourSheetPart(empty, [], stylesWith())).toBeNull();
    const out = recolourSheetPart(empty, [{ row: 0, col: 0, rag: "blue" }], stylesWith())!;
    expect(out.toString("utf8")).toContain(`<sheetData/><conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="1" priority="1"><formula>${colourFormula("blue")}</formula></cfRule></conditionalFormatting>${MARGINS}</worksheet>`);
    expect(await xmlErrors(out)).toBe("");
    expect(recolourSheetPart(out, [], stylesWith())!.equals(empty)).toBe(true);
  });
});

describe("recolourSheetPart: the user's rules and their priorities", () => {
  const DATA_BAR_ID = "{3B7E1F4A-9C2D-4E8B-A5F6-1D2C3B4A5E6F}";
  const USER_RULES =
    '<conditionalFormatting sqref="C2:C9"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>100</formula></cfRule></conditionalFormatting>' +
    '<conditionalFormatting sqref="D2:D9"><cfRule type="dataBar" priority="2"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>' +
    `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>${DATA_BAR_ID}</x14:id></ext></extLst></cfRule></conditionalFormatting>`;
  const X14 =
    '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings>' +
    `<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="${DATA_BAR_ID}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>D2:D9</xm:sqref></x14:conditionalFormatting>` +
    '<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="iconSet" priority="3" id="{7A6B5C4D-3E2F-4011-8899-AABBCCDDEEFF}"><x14:iconSet iconSet="3Stars"><x14:cfvo type="percent"><xm:f>0</xm:f></x14:cfvo><x14:cfvo type="percent"><xm:f>33</xm:f></x14:cfvo><x14:cfvo type="percent"><xm:f>67</xm:f></x14:cfvo></x14:iconSet></x14:cfRule><xm:sqref>F2:F9</xm:sqref></x14:conditionalFormatting>' +
    "</x14:conditionalFormattings></ext></extLst>";
  const input = sheet(`${USER_RULES}${MARGINS}${X14}`);
  const priorities = (xml: string): number[] => [...xml.matchAll(/<(?:x14:)?cfRule\b[^>]*\spriority="(\d+)"/g)].map((m) => Number(m[1]));

  test("ours first (1..n), every user rule n further down (x14 ones in the extLst too), and exactly back when cleared", async () => {
    const coloured = recolourSheetPart(input, PLAN, stylesWith())!;
    const xml = coloured.toString("utf8");
    // Three RAGs: ours are 1..3; the user's 1, 2 and the x14 3 become 4, 5, 6.
    expect(priorities(xml)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(xml).toContain('<x14:cfRule type="iconSet" priority="6" ');
    expect(xml).toContain(`<x14:cfRule type="dataBar" id="${DATA_BAR_ID}">`); // no priority: none added
    expect(xml.indexOf("Plan Monitor RAG")).toBeLessThan(xml.indexOf('sqref="C2:C9"'));
    expect(await xmlErrors(coloured)).toBe("");
    const cleared = recolourSheetPart(coloured, [], stylesWith())!;
    expect(cleared.equals(input)).toBe(true);
  });

  test("recolouring with fewer RAGs moves the user's rules up by the difference; with none they are back at 1", () => {
    const three = recolourSheetPart(input, PLAN, stylesWith())!;
    const one = recolourSheetPart(three, [{ row: 1, col: 4, rag: "green" }], stylesWith())!.toString("utf8");
    expect(priorities(one)).toEqual([1, 2, 3, 4]);
    expect(oursIn(one).map((r) => r.formula)).toEqual([colourFormula("green")]);
  });

  test("a rule the user added at the top while ours were on keeps the order of all the user's rules when cleared", () => {
    const coloured = recolourSheetPart(sheet(USER_RULE), cells, stylesWith())!.toString("utf8");
    // In Excel: a new rule at the top, the rest renumbered below it (ours 2, 3; the older user rule 4).
    const edited = coloured
      .replace('priority="3"', 'priority="4"')
      .replace('priority="2"', 'priority="3"')
      .replace('priority="1"', 'priority="2"')
      .replace("<conditionalFormatting", '<conditionalFormatting sqref="A2"><cfRule type="containsBlanks" dxfId="0" priority="1"><formula>LEN(TRIM(A2))=0</formula></cfRule></conditionalFormatting><conditionalFormatting');
    const cleared = recolourSheetPart(Buffer.from(edited), [], stylesWith())!.toString("utf8");
    expect(cleared).not.toContain("Plan Monitor RAG");
    expect(priorities(cleared)).toEqual([1, 4]);
    expect(cleared).toContain('sqref="A2"><cfRule type="containsBlanks" dxfId="0" priority="1">');
  });

  test("a block holding one of ours and one of the user's: only ours goes, the block and the user's rule stay", () => {
    const mixed = sheet(
      `<conditionalFormatting sqref="E2:E9"><cfRule type="expression" dxfId="0" priority="1"><formula>${colourFormula("red")}</formula></cfRule>` +
        '<cfRule type="containsText" dxfId="0" priority="2" operator="containsText" text="Done"><formula>NOT(ISERROR(SEARCH("Done",E2)))</formula></cfRule></conditionalFormatting>',
    );
    const cleared = recolourSheetPart(mixed, [], stylesWith())!.toString("utf8");
    expect(cleared).toContain('<conditionalFormatting sqref="E2:E9"><cfRule type="containsText" dxfId="0" priority="1" operator="containsText" text="Done"><formula>NOT(ISERROR(SEARCH("Done",E2)))</formula></cfRule></conditionalFormatting>');
    expect(cleared).not.toContain("Plan Monitor RAG");
  });
});

describe("recolourSheetPart: whose rule is whose", () => {
  // dxf 0: the user's bold font; dxf 1: a fill in exactly a RAG colour; dxf 2: another fill.
  const styles = (): StylesPart =>
    stylesWith(
      `<dxfs count="3"><dxf><font><b/></font></dxf><dxf><fill><patternFill><bgColor rgb="${argb(RAG_FILL.red)}"/></patternFill></fill></dxf>` +
        '<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>',
    );
  const block = (sqref: string, rule: string): string => `<conditionalFormatting sqref="${sqref}">${rule}</conditionalFormatting>`;

  test.each([
    ["a TRUE rule with a RAG fill that does not stop", '<cfRule type="expression" dxfId="1" priority="1" stopIfTrue="0"><formula>TRUE</formula></cfRule>'],
    ["a TRUE rule with a fill that is not a RAG colour", '<cfRule type="expression" dxfId="2" priority="1" stopIfTrue="1"><formula>TRUE</formula></cfRule>'],
    ["a TRUE rule with no format", '<cfRule type="expression" priority="1" stopIfTrue="1"><formula>TRUE</formula></cfRule>'],
    ["another formula with a RAG fill", '<cfRule type="expression" dxfId="1" priority="1" stopIfTrue="1"><formula>$D2&lt;TODAY()</formula></cfRule>'],
    ["words like ours but not the marker", '<cfRule type="expression" dxfId="1" priority="1"><formula>ISTEXT("Plan Monitor")</formula></cfRule>'],
    ["the marker in a cell-value rule (not a formula rule)", '<cfRule type="cellIs" dxfId="1" priority="1" operator="equal"><formula>"Plan Monitor RAG: red"</formula></cfRule>'],
    ["a self-closed rule", '<cfRule type="duplicateValues" dxfId="1" priority="1"/>'],
  ])("kept: %s", (_, rule) => {
    const input = sheet(block("E2:E9", rule) + MARGINS);
    expect(recolourSheetPart(input, [], styles())).toBeNull();
    const coloured = recolourSheetPart(input, cells, styles())!;
    expect(coloured.toString("utf8")).toContain(block("E2:E9", rule.replace('priority="1"', 'priority="3"')));
    expect(recolourSheetPart(coloured, [], styles())!.equals(input)).toBe(true);
  });

  test.each([
    ["the Office.js host's rule: TRUE, stop if true, a RAG fill", '<cfRule type="expression" dxfId="1" priority="1" stopIfTrue="1"><formula>TRUE</formula></cfRule>'],
    ["the Office.js host's rule as exceljs saves it (no stopIfTrue)", '<cfRule type="expression" dxfId="1" priority="1"><formula>TRUE</formula></cfRule>'],
    ["our marker with the quotes as entities, other case and spaces", '<cfRule type="expression" dxfId="0" priority="1"><formula>ISTEXT( &quot;plan monitor rag: red&quot; )</formula></cfRule>'],
  ])("removed as ours: %s", (_, rule) => {
    const input = sheet(block("E2:E9", rule) + USER_RULE.replace('priority="1"', 'priority="2"') + MARGINS);
    const cleared = recolourSheetPart(input, [], styles())!.toString("utf8");
    expect(cleared).toBe(sheet(USER_RULE + MARGINS).toString("utf8"));
  });
});

describe("recolourSheetPart: escaping and prefixes", () => {
  test("the formula is XML-escaped as element text (and read back as ours next time)", async () => {
    // colourFormula's text has nothing to escape, so a version of it that has is put in its place.
    let recolour: typeof recolourSheetPart = recolourSheetPart;
    jest.isolateModules(() => {
      jest.doMock("../../src/engine/writeback", () => {
        const actual = jest.requireActual("../../src/engine/writeback");
        return { ...actual, colourFormula: (rag: string) => `AND(ISTEXT("Plan Monitor RAG: ${rag}"),1<2,"a&b">"")` };
      });
      recolour = require("../../src/xlsx/colour-part").recolourSheetPart;
    });
    const out = recolour(sheet(MARGINS), [{ row: 1, col: 4, rag: "red" }], stylesWith())!;
    expect(out.toString("utf8")).toContain('<formula>AND(ISTEXT("Plan Monitor RAG: red"),1&lt;2,"a&amp;b"&gt;"")</formula>');
    expect(await xmlErrors(out)).toBe("");
    expect(recolour(out, [{ row: 1, col: 4, rag: "red" }], stylesWith())!.equals(out)).toBe(true);
    expect(recolour(out, [], stylesWith())!.equals(sheet(MARGINS))).toBe(true);
  });

  const X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const prefixed = (tail: string, rows = '<x:sheetData><x:row r="2"><x:c r="E2" t="inlineStr"><x:is><x:t>Late – ½ done</x:t></x:is></x:c></x:row></x:sheetData>'): Buffer =>
    Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:worksheet xmlns:x="${X}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:dimension ref="A1:E2"/>${rows}${tail}</x:worksheet>`);
  const X_MARGINS = '<x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  const X_USER = '<x:conditionalFormatting sqref="B2:B9"><x:cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><x:formula>0</x:formula></x:cfRule></x:conditionalFormatting>';

  test("prefixed: ours (prefixed) before the user's prefixed rule, which moves down and back", async () => {
    const input = prefixed(X_USER + X_MARGINS);
    const out = recolourSheetPart(input, PLAN, stylesWith())!;
    const xml = out.toString("utf8");
    expect(out.subarray(0, rowsEnd(input) + 2).equals(input.subarray(0, rowsEnd(input) + 2))).toBe(true);
    expect(topLevel(xml)).toEqual(["x:dimension", "x:sheetData", "x:conditionalFormatting", "x:conditionalFormatting", "x:conditionalFormatting", "x:conditionalFormatting", "x:pageMargins"]);
    expect(oursIn(xml).map((r) => r.priority)).toEqual([1, 2, 3]);
    expect(xml).toContain(X_USER.replace('priority="1"', 'priority="4"'));
    expect(xml).not.toMatch(/<(?!x:|\?xml)[a-zA-Z]/); // every element is in the x: prefix
    expect(await xmlErrors(out)).toBe("");
    expect(recolourSheetPart(out, PLAN, stylesWith())!.equals(out)).toBe(true);
    expect(recolourSheetPart(out, [], stylesWith())!.equals(input)).toBe(true);
  });

  test("prefixed: before <x:pageMargins> when there are no rules yet, and after an empty <x:sheetData/>", async () => {
    for (const input of [prefixed(X_MARGINS), prefixed(X_MARGINS, "<x:sheetData/>")]) {
      const out = recolourSheetPart(input, cells, stylesWith())!;
      expect(topLevel(out.toString("utf8"))).toEqual(["x:dimension", "x:sheetData", "x:conditionalFormatting", "x:conditionalFormatting", "x:pageMargins"]);
      expect(await xmlErrors(out)).toBe("");
      expect(recolourSheetPart(out, [], stylesWith())!.equals(input)).toBe(true);
    }
  });
});

describe("compactRanges: more", () => {
  const at = (row: number, col: number) => ({ row, col });
  test("the brief's example, from unordered cells with repeats", () => {
    expect(compactRanges([at(8, 4), at(11, 4), at(4, 4), at(6, 4), at(5, 4), at(7, 4), at(11, 4), at(4, 4)])).toEqual(["E5:E9", "E12"]);
  });
  test("columns by index, not by letters (E before AB before AAA); rows joined only when consecutive", () => {
    expect(compactRanges([at(0, 702), at(2, 27), at(1, 27), at(0, 4), at(2, 4), at(3, 27)])).toEqual(["E1", "E3", "AB2:AB4", "AAA1"]);
  });
  test("a run that starts at the first row, and one-cell runs between longer ones", () => {
    expect(compactRanges([0, 1, 2, 4, 6, 7].map((r) => at(r, 0)))).toEqual(["A1:A3", "A5", "A7:A8"]);
  });
});
