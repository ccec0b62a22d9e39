// A hand-written workbook whose cells hold values exceljs 4.4 did not write back
// as they were: numbers beyond the date range in date-formatted cells, control
// characters, carriage returns and literal "_x0041_" text (see
// src/xlsx/exceljs-fixes.ts). Written by hand because exceljs cannot write them.
import { minimalXlsx } from "../helpers/xlsxPackage";

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Text cells as stored in the file (OOXML escapes) and what they mean. */
export const HOSTILE_TEXTS: { stored: string; text: string }[] = [
  { stored: "Line one_x000D_\nline two", text: "Line one\r\nline two" },
  { stored: "bell_x0007_ and escape _x001B_[2J clear", text: "bell\x07 and escape \x1b[2J clear" },
  { stored: "_x001B_]52;c;cHduZWQ=_x0007_ copy to clipboard", text: "\x1b]52;c;cHduZWQ=\x07 copy to clipboard" },
  { stored: "_x001B_]8;;https://evil.example/_x001B_\\link_x001B_]8;;_x001B_\\", text: "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\" },
  { stored: "literal _x005F_x0041_ here", text: "literal _x0041_ here" },
  { stored: "nul _x0000_ and unit sep _x001F_ and del \x7f", text: "nul \x00 and unit sep \x1f and del \x7f" },
  { stored: "C1 \u009b2J and \u0085 next line", text: "C1 \u009b2J and \u0085 next line" },
];

/** Numbers in "dd/mm/yyyy" cells that no date can be. */
export const HOSTILE_NUMBERS = [123456789, 1e308, -5, 45000.123456789, 2958466];

export function hostileValues(): Buffer {
  const header = ["Action", "Owner", "Due", "Status"];
  const inline = (ref: string, stored: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(stored)}</t></is></c>`;
  const rows: string[] = [`<row r="1">${header.map((h, i) => inline(`${"ABCD"[i]}1`, h)).join("")}</row>`];
  const n = Math.max(HOSTILE_TEXTS.length, HOSTILE_NUMBERS.length);
  for (let i = 0; i < n; i++) {
    const r = i + 2;
    const text = HOSTILE_TEXTS[i % HOSTILE_TEXTS.length].stored;
    const num = HOSTILE_NUMBERS[i % HOSTILE_NUMBERS.length];
    rows.push(`<row r="${r}">${inline(`A${r}`, text)}${inline(`B${r}`, "Jo Bloggs")}<c r="C${r}" s="1"><v>${num}</v></c>${inline(`D${r}`, "Green")}</row>`);
  }
  return minimalXlsx({
    sheetName: "Plan",
    rows: rows.join(""),
    styles:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
      '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
      "</styleSheet>",
  });
}
