// WorkbookPart (src/xlsx/workbook-part.ts): xl/workbook.xml as Plan Monitor
// edits it (a sheet added, shown or hidden; a defined name set). Everything it
// does not edit stays byte for byte as written; what it adds sits where the
// schema wants it, escaped, in the part's own prefixes; the result is
// well-formed XML (checked by libxml2).
import { WorkbookPart } from "../../src/xlsx/workbook-part";
import { xmlErrors } from "../helpers/wellFormed";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PROTECTION = '<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="aA==" workbookSaltValue="cw==" workbookSpinCount="100000" lockStructure="1"/>';
const VIEWS = '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="1"/></bookViews>';
const CALC = '<calcPr calcId="191029" fullCalcOnLoad="1"/>';
const PIVOTS = '<pivotCaches><pivotCache cacheId="1" r:id="rId9"/></pivotCaches>';
const EXT = '<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>';
const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><fileVersion appName="xl"/><workbookPr defaultThemeVersion="166925"/>${PROTECTION}${VIEWS}`;
const SHEETS = '<sheet name="Plan" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="4" state="hidden" r:id="rId2"/>';
const workbook = (names = "", sheets = SHEETS, tail = `${CALC}${PIVOTS}${EXT}`): string => `${HEAD}<sheets>${sheets}</sheets>${names}${tail}</workbook>`;

/** The definedName elements of a part, as written. */
const definedNames = (xml: string): string[] => [...xml.matchAll(/<(?:\w+:)?definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?definedName>)/g)].map((m) => m[0]);

describe("sheets()", () => {
  test("name, sheetId, relationship and whether hidden (hidden or very hidden), in workbook order, names unescaped", () => {
    const part = new WorkbookPart(workbook("", `${SHEETS}<sheet name="R&amp;D &quot;Q1&quot; &lt;x&gt;" sheetId="2" state="veryHidden" r:id="rId3"/><sheet name="Shown" sheetId="7" state="visible" r:id="rId4"/>`));
    expect(part.sheets()).toEqual([
      { name: "Plan", sheetId: 1, relId: "rId1", hidden: false },
      { name: "Notes", sheetId: 4, relId: "rId2", hidden: true },
      { name: `R&D "Q1" <x>`, sheetId: 2, relId: "rId3", hidden: true },
      { name: "Shown", sheetId: 7, relId: "rId4", hidden: false },
    ]);
  });

  test("untouched, toXml() is the part exactly as it was", () => {
    expect(new WorkbookPart(workbook()).toXml()).toBe(workbook());
    const names = '<definedNames><definedName name="Budget">Plan!$H$2</definedName></definedNames>';
    expect(new WorkbookPart(workbook(names)).toXml()).toBe(workbook(names));
  });
});

describe("addSheet", () => {
  test("at the end of the list with sheetId one more than the largest, hidden when asked; returns its position", async () => {
    const part = new WorkbookPart(workbook());
    expect(part.addSheet("PM Exceptions", "rIdPmSheet1", false)).toBe(2);
    expect(part.addSheet("PM History", "rIdPmSheet2", true)).toBe(3);
    const xml = part.toXml();
    expect(xml).toContain(`${SHEETS}<sheet name="PM Exceptions" sheetId="5" r:id="rIdPmSheet1"/><sheet name="PM History" sheetId="6" state="hidden" r:id="rIdPmSheet2"/></sheets>`);
    expect(part.sheets().map((s) => [s.name, s.sheetId, s.hidden])).toEqual([
      ["Plan", 1, false],
      ["Notes", 4, true],
      ["PM Exceptions", 5, false],
      ["PM History", 6, true],
    ]);
    expect(await xmlErrors(xml)).toBe("");
  });

  test("a name with & ' < > \" is escaped in the attribute and reads back as given", async () => {
    const name = `R&D's "Q1" <draft>`;
    const part = new WorkbookPart(workbook());
    part.addSheet(name, `rId&"x"`, false);
    const xml = part.toXml();
    expect(xml).toContain(`<sheet name="R&amp;D's &quot;Q1&quot; &lt;draft&gt;" sheetId="5" r:id="rId&amp;&quot;x&quot;"/>`);
    expect(new WorkbookPart(xml).sheets()[2]).toEqual({ name, sheetId: 5, relId: `rId&"x"`, hidden: false });
    expect(await xmlErrors(xml)).toBe("");
  });

  test("an empty <sheets/> (a new workbook) gets the sheet, sheetId 1, position 0", async () => {
    for (const empty of ["<sheets/>", "<sheets />"]) {
      const part = new WorkbookPart(`${HEAD}${empty}${CALC}</workbook>`);
      expect(part.sheets()).toEqual([]);
      expect(part.addSheet("PM Portfolio", "rId9", false)).toBe(0);
      expect(part.addSheet("PM History", "rId10", true)).toBe(1);
      const xml = part.toXml();
      expect(xml).toBe(`${HEAD}<sheets><sheet name="PM Portfolio" sheetId="1" r:id="rId9"/><sheet name="PM History" sheetId="2" state="hidden" r:id="rId10"/></sheets>${CALC}</workbook>`);
      expect(await xmlErrors(xml)).toBe("");
    }
  });

  test("everything else stays byte for byte: what comes before <sheets> and after it", () => {
    const before = workbook();
    const part = new WorkbookPart(before);
    part.addSheet("PM Exceptions", "rId7", false);
    const after = part.toXml();
    const open = before.indexOf("</sheets>");
    expect(after.slice(0, open)).toBe(before.slice(0, open));
    expect(after.endsWith(before.slice(open))).toBe(true);
  });
});

describe("setHidden", () => {
  test("hides with state=\"hidden\" (never very hidden); showing removes the state; other sheets are left alone", async () => {
    const part = new WorkbookPart(workbook("", '<sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" state="veryHidden" r:id="rId2"/><sheet name="C" sheetId="3" state="hidden" r:id="rId3"/>'));
    part.setHidden("A", true);
    part.setHidden("B", false);
    expect(part.toXml()).toContain('<sheets><sheet state="hidden" name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" r:id="rId2"/><sheet name="C" sheetId="3" state="hidden" r:id="rId3"/></sheets>');
    // Hiding a very hidden sheet makes it (merely) hidden, never very hidden, and never twice.
    const very = new WorkbookPart(workbook("", '<sheet name="V" sheetId="1" state="veryHidden" r:id="rId1"/>'));
    very.setHidden("V", true);
    very.setHidden("V", true);
    expect(very.toXml()).toContain('<sheet state="hidden" name="V" sheetId="1" r:id="rId1"/>');
    expect(very.toXml().match(/state=/g)).toHaveLength(1);
    expect(very.sheets()[0].hidden).toBe(true);
    expect(await xmlErrors(part.toXml())).toBe("");
  });

  test("matches the sheet by its unescaped name, exactly (not another sheet whose name contains it)", () => {
    const part = new WorkbookPart(workbook("", '<sheet name="R&amp;D" sheetId="1" r:id="rId1"/><sheet name="R&amp;D 2" sheetId="2" r:id="rId2"/>'));
    part.setHidden("R&D", true);
    expect(part.sheets().map((s) => s.hidden)).toEqual([true, false]);
    part.setHidden("R&D", false);
    expect(part.toXml()).toBe(workbook("", '<sheet name="R&amp;D" sheetId="1" r:id="rId1"/><sheet name="R&amp;D 2" sheetId="2" r:id="rId2"/>'));
  });

  test("a name no sheet has changes nothing", () => {
    const part = new WorkbookPart(workbook());
    part.setHidden("Nowhere", true);
    part.setHidden("Notes ", false);
    expect(part.toXml()).toBe(workbook());
  });
});

describe("setName", () => {
  test("with no <definedNames>, it is made after <sheets> and before calcPr, in schema order; the formula is escaped", async () => {
    const part = new WorkbookPart(workbook());
    part.setName("PlanMonitor_themes", "'PM Summary – Themes'!$A$1");
    part.setName("_xlnm.Print_Titles", "'R&D <1>'!$1:$3", 2);
    part.setName("Check", `IF(Plan!A1<>"",1,0)`);
    const xml = part.toXml();
    expect(xml).toBe(
      workbook(
        `<definedNames><definedName name="PlanMonitor_themes">'PM Summary – Themes'!$A$1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="2">'R&amp;D &lt;1&gt;'!$1:$3</definedName>` +
          `<definedName name="Check">IF(Plan!A1&lt;&gt;"",1,0)</definedName></definedNames>`,
      ),
    );
    expect(await xmlErrors(xml)).toBe("");
  });

  test("with no calcPr, before the first later element the part has (pivotCaches, then extLst), else before </workbook>", async () => {
    for (const [tail, next] of [
      [`${PIVOTS}${EXT}`, "<pivotCaches>"],
      [EXT, "<extLst>"],
      ['<fileRecoveryPr repairLoad="1"/>', "<fileRecoveryPr "],
      ["", "</workbook>"],
    ]) {
      const part = new WorkbookPart(workbook("", SHEETS, tail));
      part.setName("X", "Plan!$A$1");
      const xml = part.toXml();
      expect(xml).toBe(`${HEAD}<sheets>${SHEETS}</sheets><definedNames><definedName name="X">Plan!$A$1</definedName></definedNames>${tail}</workbook>`);
      expect(xml.indexOf("</definedNames>") + "</definedNames>".length).toBe(xml.indexOf(next));
      expect(await xmlErrors(xml)).toBe("");
    }
  });

  test("a name after <externalReferences> (which the schema puts before definedNames) stays after it", () => {
    const refs = '<externalReferences><externalReference r:id="rIdExt1"/></externalReferences>';
    const part = new WorkbookPart(workbook(refs));
    part.setName("X", "Plan!$A$1");
    expect(part.toXml()).toContain(`</sheets>${refs}<definedNames><definedName name="X">Plan!$A$1</definedName></definedNames>${CALC}`);
  });

  test("replaces the name of the same name and scope, ignoring case; other scopes and other names stay as written", async () => {
    const names =
      '<definedNames><definedName name="planmonitor_THEMES">Old!$A$1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">Plan!$1:$1</definedName>' +
      '<definedName name="Budget" comment="the user&apos;s">Plan!$H$2</definedName><definedName name="PlanMonitor_themes" localSheetId="1">Local!$A$1</definedName></definedNames>';
    const part = new WorkbookPart(workbook(names));
    part.setName("PlanMonitor_themes", "New!$A$1");
    part.setName("_xlnm.Print_Titles", "New!$1:$2", 2);
    part.setName("_XLNM.PRINT_TITLES", "Plan!$1:$4", 0);
    const xml = part.toXml();
    expect(definedNames(xml)).toEqual([
      '<definedName name="Budget" comment="the user&apos;s">Plan!$H$2</definedName>',
      '<definedName name="PlanMonitor_themes" localSheetId="1">Local!$A$1</definedName>',
      '<definedName name="PlanMonitor_themes">New!$A$1</definedName>',
      '<definedName name="_xlnm.Print_Titles" localSheetId="2">New!$1:$2</definedName>',
      '<definedName name="_XLNM.PRINT_TITLES" localSheetId="0">Plan!$1:$4</definedName>',
    ]);
    expect(await xmlErrors(xml)).toBe("");
  });

  test("setting a name again replaces it: one entry, the latest formula", () => {
    const part = new WorkbookPart(workbook());
    for (const n of [1, 2, 3]) part.setName("PlanMonitor_history", `'PM History ${n}'!$A$1`);
    expect(definedNames(part.toXml())).toEqual([`<definedName name="PlanMonitor_history">'PM History 3'!$A$1</definedName>`]);
  });

  test("a workbook-wide name does not replace one scoped to a sheet of the same name, nor the other way round", () => {
    const part = new WorkbookPart(workbook('<definedNames><definedName name="X" localSheetId="0">A!$A$1</definedName></definedNames>'));
    part.setName("X", "B!$A$1");
    part.setName("X", "C!$A$1", 1);
    expect(definedNames(part.toXml())).toEqual([
      '<definedName name="X" localSheetId="0">A!$A$1</definedName>',
      '<definedName name="X">B!$A$1</definedName>',
      '<definedName name="X" localSheetId="1">C!$A$1</definedName>',
    ]);
  });

  test("a self-closed <definedName/> is replaced by its own name alone; the names around it stay", () => {
    const names = '<definedNames><definedName name="Empty"/><definedName name="Budget">Plan!$H$2</definedName></definedNames>';
    const replaced = new WorkbookPart(workbook(names));
    replaced.setName("Empty", "Plan!$A$1");
    expect(definedNames(replaced.toXml())).toEqual(['<definedName name="Budget">Plan!$H$2</definedName>', '<definedName name="Empty">Plan!$A$1</definedName>']);
    const other = new WorkbookPart(workbook(names));
    other.setName("Budget", "Plan!$H$3");
    expect(definedNames(other.toXml())).toEqual(['<definedName name="Empty"/>', '<definedName name="Budget">Plan!$H$3</definedName>']);
  });

  test("an empty <definedNames/> is filled in place", async () => {
    const part = new WorkbookPart(workbook("<definedNames/>"));
    part.setName("PlanMonitor_history", "'PM History'!$A$1");
    const xml = part.toXml();
    expect(xml).toBe(workbook(`<definedNames><definedName name="PlanMonitor_history">'PM History'!$A$1</definedName></definedNames>`));
    expect(await xmlErrors(xml)).toBe("");
  });

  test("everything but the names stays byte for byte (protection, views, sheets, calcPr, pivot caches, extLst)", () => {
    const before = workbook('<definedNames><definedName name="Budget">Plan!$H$2</definedName></definedNames>');
    const part = new WorkbookPart(before);
    part.setName("PlanMonitor_exceptions", "'PM Exceptions'!$A$1");
    const after = part.toXml();
    const open = before.indexOf("<definedNames>");
    const close = before.indexOf("</definedNames>");
    expect(after.slice(0, open)).toBe(before.slice(0, open));
    expect(after.endsWith(before.slice(close))).toBe(true);
    for (const kept of [PROTECTION, VIEWS, CALC, PIVOTS, EXT]) expect(after).toContain(kept);
  });
});

describe("text with $ (Excel allows it in sheet names; formulas are full of it)", () => {
  // String.replace reads $&, $', $` and $$ in a replacement string as patterns: a name must come out as given.
  const NAME = "Cost $& Value $' and $` and $$";
  const FORMULA = `'Budget $'!$A$1`;

  test("addSheet and setName, into lists that exist and into empty ones, write the text as given", async () => {
    for (const [sheets, names] of [
      [SHEETS, '<definedNames><definedName name="Budget">Plan!$H$2</definedName></definedNames>'],
      ["", "<definedNames/>"],
    ]) {
      const before = workbook(names, sheets).replace("<sheets></sheets>", "<sheets/>");
      const part = new WorkbookPart(before);
      part.addSheet(NAME, "rId7", false);
      part.setName("PlanMonitor_x", FORMULA);
      const xml = part.toXml();
      expect(part.sheets().at(-1)?.name).toBe(NAME);
      expect(xml).toContain(`<sheet name="Cost $&amp; Value $' and $\` and $$" sheetId="${sheets ? 5 : 1}" r:id="rId7"/></sheets>`);
      expect(xml).toContain(`<definedName name="PlanMonitor_x">'Budget $'!$A$1</definedName></definedNames>${CALC}`);
      expect(xml.match(/<\/workbook>/g)).toHaveLength(1);
      expect(await xmlErrors(xml)).toBe("");
    }
  });
});

describe("toXml", () => {
  test("drops a <definedNames> list left empty (the schema wants at least one name)", async () => {
    for (const empty of ["<definedNames></definedNames>", "<definedNames>\n  </definedNames>"]) {
      const xml = new WorkbookPart(workbook(empty)).toXml();
      expect(xml).toBe(workbook());
      expect(await xmlErrors(xml)).toBe("");
    }
  });
});

describe("namespaces", () => {
  test("relationships bound to another prefix than r: are read and written with that prefix", async () => {
    const part = new WorkbookPart(`<workbook xmlns="${MAIN}" xmlns:rel="${REL}" xmlns:r="urn:not-relationships"><sheets><sheet name="Plan" sheetId="1" rel:id="rId1" r:id="wrong"/></sheets></workbook>`);
    expect(part.sheets()).toEqual([{ name: "Plan", sheetId: 1, relId: "rId1", hidden: false }]);
    part.addSheet("PM Exceptions", "rId7", false);
    const xml = part.toXml();
    expect(xml).toContain('<sheet name="PM Exceptions" sheetId="2" rel:id="rId7"/>');
    expect(xml.match(/xmlns:/g)).toHaveLength(2);
    expect(part.sheets()[1].relId).toBe("rId7");
    expect(await xmlErrors(xml)).toBe("");
  });

  test("relationships not bound at all: r: is bound on the root (self-closed or not), so the added sheet's r:id is well-formed", async () => {
    const part = new WorkbookPart(`<workbook xmlns="${MAIN}"><sheets/></workbook>`);
    part.addSheet("PM Portfolio", "rId1", false);
    const xml = part.toXml();
    expect(xml).toBe(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="PM Portfolio" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    expect(part.sheets()[0].relId).toBe("rId1");
    expect(await xmlErrors(xml)).toBe("");
  });

  test("a prefixed workbook (<x:workbook>): sheets read, and what is added uses the prefix", async () => {
    const part = new WorkbookPart(
      `<?xml version="1.0" encoding="UTF-8"?>\n<x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}"><x:bookViews><x:workbookView/></x:bookViews><x:sheets><x:sheet name="Plan" sheetId="3" r:id="rId1"/></x:sheets><x:calcPr/></x:workbook>`,
    );
    expect(part.sheets()).toEqual([{ name: "Plan", sheetId: 3, relId: "rId1", hidden: false }]);
    expect(part.addSheet("PM Exceptions", "rId2", true)).toBe(1);
    part.setHidden("Plan", true);
    part.setName("PlanMonitor_exceptions", "'PM Exceptions'!$A$1");
    part.setName("_xlnm.Print_Titles", "'PM Exceptions'!$1:$2", 1);
    part.setName("PlanMonitor_exceptions", "'PM Exceptions'!$A$1");
    const xml = part.toXml();
    expect(xml).toContain(
      '<x:sheets><x:sheet state="hidden" name="Plan" sheetId="3" r:id="rId1"/><x:sheet name="PM Exceptions" sheetId="4" state="hidden" r:id="rId2"/></x:sheets>' +
        `<x:definedNames><x:definedName name="_xlnm.Print_Titles" localSheetId="1">'PM Exceptions'!$1:$2</x:definedName><x:definedName name="PlanMonitor_exceptions">'PM Exceptions'!$A$1</x:definedName></x:definedNames><x:calcPr/>`,
    );
    expect(await xmlErrors(xml)).toBe("");
  });

  test("a prefixed, empty <x:sheets/> and <x:definedNames/> are filled with prefixed elements", async () => {
    const part = new WorkbookPart(`<x:workbook xmlns:x="${MAIN}"><x:sheets/><x:definedNames/></x:workbook>`);
    part.addSheet("PM Portfolio", "rId1", false);
    part.setName("PlanMonitor_portfolio", "'PM Portfolio'!$A$1");
    const xml = part.toXml();
    expect(xml).toBe(
      `<x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}"><x:sheets><x:sheet name="PM Portfolio" sheetId="1" r:id="rId1"/></x:sheets>` +
        `<x:definedNames><x:definedName name="PlanMonitor_portfolio">'PM Portfolio'!$A$1</x:definedName></x:definedNames></x:workbook>`,
    );
    expect(await xmlErrors(xml)).toBe("");
  });
});
