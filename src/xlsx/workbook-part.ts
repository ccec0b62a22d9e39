// The workbook part (xl/workbook.xml) as Plan Monitor edits it: its list of
// sheets (a summary sheet added, or shown or hidden) and its defined names (the
// markers of Plan Monitor's sheets, the rows a summary prints on every page).
// Everything else in it is kept as written.
import { attr } from "./opc";
import { escapeXmlAttr, escapeXmlText } from "./xml";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  relId: string;
  hidden: boolean;
}

/** CT_Workbook's elements that come after definedNames, in order. */
const AFTER_NAMES = ["calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

export class WorkbookPart {
  private xml: string;
  private readonly p: string;
  /** The prefix bound to the relationships namespace ("r:"). */
  private readonly r: string;

  constructor(xml: string) {
    this.xml = xml;
    const root = /<(\w+:)?workbook\b[^>]*>/.exec(xml);
    this.p = root?.[1] ?? "";
    const bound = root && new RegExp(`\\sxmlns:(\\w+)="${REL_NS}"`).exec(root[0]);
    this.r = bound ? `${bound[1]}:` : "r:";
    if (root && !bound) this.xml = xml.replace(root[0], root[0].replace(/(\/?)>$/, ` xmlns:r="${REL_NS}"$1>`));
  }

  /** The sheets in workbook order. */
  sheets(): WorkbookSheet[] {
    return [...this.xml.matchAll(new RegExp(`<${this.p}sheet\\b[^>]*>`, "g"))].map((m) => ({
      name: attr(m[0], "name") ?? "",
      sheetId: Number(attr(m[0], "sheetId") ?? 0),
      relId: attr(m[0], `${this.r}id`) ?? "",
      hidden: /\sstate="(hidden|veryHidden)"/.test(m[0]),
    }));
  }

  /** Adds a sheet at the end of the list; returns its position. */
  addSheet(name: string, relId: string, hidden: boolean): number {
    const sheets = this.sheets();
    const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
    const tag = `<${this.p}sheet name="${escapeXmlAttr(name)}" sheetId="${sheetId}"${hidden ? ` state="hidden"` : ""} ${this.r}id="${escapeXmlAttr(relId)}"/>`;
    const p = this.p;
    // Replacements are functions: a "$&" or "$'" in a name or formula ('Budget $'!$A$1) is text, not a replacement pattern.
    if (new RegExp(`<${p}sheets\\s*/>`).test(this.xml)) this.xml = this.xml.replace(new RegExp(`<${p}sheets\\s*/>`), () => `<${p}sheets>${tag}</${p}sheets>`);
    else this.xml = this.xml.replace(`</${p}sheets>`, () => `${tag}</${p}sheets>`);
    return sheets.length;
  }

  /** Shows or hides a sheet (a hidden one is hidden, never very hidden). */
  setHidden(name: string, hidden: boolean): void {
    this.xml = this.xml.replace(new RegExp(`<${this.p}sheet\\b[^>]*>`, "g"), (tag) => {
      if (attr(tag, "name") !== name) return tag;
      const plain = tag.replace(/\sstate="[^"]*"/, "");
      return hidden ? plain.replace(/^(<\S+)/, `$1 state="hidden"`) : plain;
    });
  }

  /** Sets a defined name (workbook-wide, or for one sheet by position), replacing one of that name and scope (names ignore case). */
  setName(name: string, formula: string, localSheetId?: number): void {
    const p = this.p;
    const scope = (tag: string): number | undefined => {
      const local = attr(tag, "localSheetId");
      return local === undefined ? undefined : Number(local);
    };
    // A self-closed <definedName/> first: else it would run on to the next name's end tag, taking that name with it.
    const same = new RegExp(`<${p}definedName\\b[^>]*/>|<${p}definedName\\b[^>]*>[\\s\\S]*?</${p}definedName>`, "g");
    this.xml = this.xml.replace(same, (whole) => {
      const tag = /^<[^>]*>/.exec(whole)![0];
      return (attr(tag, "name") ?? "").toLowerCase() === name.toLowerCase() && scope(tag) === localSheetId ? "" : whole;
    });
    const entry = `<${p}definedName name="${escapeXmlAttr(name)}"${localSheetId === undefined ? "" : ` localSheetId="${localSheetId}"`}>${escapeXmlText(formula)}</${p}definedName>`;
    const empty = new RegExp(`<${p}definedNames\\s*/>`);
    if (empty.test(this.xml)) {
      this.xml = this.xml.replace(empty, () => `<${p}definedNames>${entry}</${p}definedNames>`);
      return;
    }
    if (this.xml.includes(`</${p}definedNames>`)) {
      this.xml = this.xml.replace(`</${p}definedNames>`, () => `${entry}</${p}definedNames>`);
      return;
    }
    const later = AFTER_NAMES.map((n) => new RegExp(`<${p}${n}\\b`).exec(this.xml)).filter((m) => m !== null);
    const at = later.length ? Math.min(...later.map((m) => m!.index)) : this.xml.lastIndexOf(`</${p}workbook>`);
    this.xml = `${this.xml.slice(0, at)}<${p}definedNames>${entry}</${p}definedNames>${this.xml.slice(at)}`;
  }

  toXml(): string {
    // A definedNames list left empty is not allowed by the schema.
    return this.xml.replace(new RegExp(`<${this.p}definedNames>\\s*</${this.p}definedNames>`), "");
  }
}
