// Text into the XML of an .xlsx package: the one place it is escaped.

/** An attribute value (or element text outside a cell): &, <, > and " escaped. */
export const escapeXmlAttr = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Text for a chart's title or label: escaped, the control characters XML 1.0 forbids dropped. */
export const escapeChartText = (s: string): string =>
  // eslint-disable-next-line no-control-regex
  escapeXmlAttr(s).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "");

// Characters written as _xHHHH_: C0 controls but tab and line feed, CR, DEL, and
// U+FFFE/U+FFFF (not XML characters). An existing _xHHHH_ gets its "_" escaped.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\x00-\x08\x0B-\x1F\x7F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;

/** Text as OOXML stores it in a cell: forbidden characters and a literal _xHHHH_ escaped, so Excel shows it as typed. */
export function escapeOoxmlText(text: string): string {
  return text.replace(NEEDS_ESCAPE, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** Element content (a formula, a defined name): &, < and > escaped. */
export const escapeXmlText = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A cell's text as element content: OOXML-escaped, then XML-escaped. */
export const cellText = (s: string): string => escapeXmlText(escapeOoxmlText(s));
