// The escapes of text written into an .xlsx package (src/xlsx/xml.ts):
// escapeXmlAttr, escapeXmlText, escapeChartText, escapeOoxmlText and cellText,
// each table-driven, and each result checked to be text libxml2 accepts.
import { cellText, escapeChartText, escapeOoxmlText, escapeXmlAttr, escapeXmlText } from "../../src/xlsx/xml";
import { xmlErrors } from "../helpers/wellFormed";

describe("escapeXmlAttr, escapeXmlText, escapeChartText", () => {
  test.each([
    // input, attribute, element text, chart text
    ["plain", "plain", "plain", "plain"],
    ["", "", "", ""],
    [`R&D <"Q1"> 'a'`, "R&amp;D &lt;&quot;Q1&quot;&gt; 'a'", `R&amp;D &lt;"Q1"&gt; 'a'`, "R&amp;D &lt;&quot;Q1&quot;&gt; 'a'"],
    // Already-escaped text is escaped again: the & is text.
    ["&amp; &lt;", "&amp;amp; &amp;lt;", "&amp;amp; &amp;lt;", "&amp;amp; &amp;lt;"],
    ["a]]>b", "a]]&gt;b", "a]]&gt;b", "a]]&gt;b"],
    // Only a chart's text drops the control characters XML 1.0 forbids (tab, LF and CR are allowed and kept).
    ["bell\x07 esc\x1b vt\x0b ff\x0c nul\x00 us\x1f", "bell\x07 esc\x1b vt\x0b ff\x0c nul\x00 us\x1f", "bell\x07 esc\x1b vt\x0b ff\x0c nul\x00 us\x1f", "bell esc vt ff nul us"],
    ["tab\t lf\n cr\r", "tab\t lf\n cr\r", "tab\t lf\n cr\r", "tab\t lf\n cr\r"],
    ["del\x7f é 🙂 – ‘x’", "del\x7f é 🙂 – ‘x’", "del\x7f é 🙂 – ‘x’", "del\x7f é 🙂 – ‘x’"],
    ["$& $' $$", "$&amp; $' $$", "$&amp; $' $$", "$&amp; $' $$"],
  ])("%j: attribute %j, text %j, chart text %j", (input, attr, text, chart) => {
    expect(escapeXmlAttr(input)).toBe(attr);
    expect(escapeXmlText(input)).toBe(text);
    expect(escapeChartText(input)).toBe(chart);
  });

  test("an attribute escaped by escapeXmlAttr and a chart text by escapeChartText are well-formed XML", async () => {
    const special = `R&D <"Q1"> 'a' ]]> end`;
    const hostile = `${special} \x07\x1b\x00`;
    expect(await xmlErrors(`<a v="${escapeXmlAttr(special)}">${escapeXmlText(special)}</a>`)).toBe("");
    expect(await xmlErrors(`<c:v xmlns:c="urn:c" title="${escapeChartText(hostile)}">${escapeChartText(hostile)}</c:v>`)).toBe("");
  });
});

describe("escapeOoxmlText", () => {
  test.each([
    ["as typed", "as typed"],
    ["", ""],
    // A literal _xHHHH_ gets its "_" escaped, so Excel shows it as typed (either case of hex digit).
    ["_x0041_", "_x005F_x0041_"],
    ["_x00aB_", "_x005F_x00aB_"],
    ["_x0041__x0042_", "_x005F_x0041__x005F_x0042_"],
    ["_x005F_", "_x005F_x005F_"],
    // Not an escape: left alone.
    ["_x00zz_ and _x41_ and _x0041 and x0041_ and _X0041_", "_x00zz_ and _x41_ and _x0041 and x0041_ and _X0041_"],
    // C0 controls (not tab or line feed), CR and DEL as _xHHHH_, upper-case hex, four digits.
    ["esc\x1b bel\x07 nul\x00", "esc_x001B_ bel_x0007_ nul_x0000_"],
    ["vt\x0b ff\x0c us\x1f", "vt_x000B_ ff_x000C_ us_x001F_"],
    ["cr\r\nlf", "cr_x000D_\nlf"],
    ["tab\t", "tab\t"],
    ["del\x7f", "del_x007F_"],
    // U+FFFE and U+FFFF are not XML characters.
    ["\uffff\ufffe", "_xFFFF__xFFFE_"],
    // XML's own specials are not its business.
    ["<b>&amp;</b>", "<b>&amp;</b>"],
    ["emoji 🙂 and é and \u00a0", "emoji 🙂 and é and \u00a0"],
  ])("escapeOoxmlText(%j) is %j", (input, stored) => expect(escapeOoxmlText(input)).toBe(stored));
});

describe("cellText", () => {
  test.each([
    ["plain", "plain"],
    // OOXML escapes first, then XML's: the "_" of an escape is never doubled, the & of an XML escape never read as OOXML.
    ["<b>_x0041_ & \x1b</b>", "&lt;b&gt;_x005F_x0041_ &amp; _x001B_&lt;/b&gt;"],
    ["R&D > 5 < 7", "R&amp;D &gt; 5 &lt; 7"],
    [`"quoted" 'single'`, `"quoted" 'single'`],
    ["line 1\r\nline 2\ttab", "line 1_x000D_\nline 2\ttab"],
    ["&#x1B;", "&amp;#x1B;"],
    ["\uffff", "_xFFFF_"],
  ])("cellText(%j) is %j", (input, stored) => expect(cellText(input)).toBe(stored));

  test("every character from U+0000 to U+00FF, and U+FFFE/U+FFFF, as a cell's text is well-formed XML", async () => {
    const all = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join("") + "\ufffe\uffff";
    expect(await xmlErrors(`<t xml:space="preserve">${cellText(all)}</t>`)).toBe("");
  });
});
