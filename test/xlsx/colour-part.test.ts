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
