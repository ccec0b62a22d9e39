// RAG colouring in a user's worksheet part, reversibly: conditional formats
// (one rule per RAG), never a change to a cell's value or its own format. Only
// the part after <sheetData> is edited; the rows are copied byte for byte.
// Plan Monitor's rules (engine/writeback.ts isPlanMonitorRule: the marker in
// the formula, or the add-in's TRUE rule with a RAG fill) are removed first, so
// colouring twice is colouring once and clearing removes exactly them. While
// ours are on, they come first (priorities 1..n) and the user's own rules move
// down by n; clearing gives the user's rules their priorities back.
import type { Rag } from "../engine/report";
import { columnLetter } from "../engine/grid";
import { RAG_FILL, colourFormula, isPlanMonitorRule, type ColourCell } from "../engine/writeback";
import { unescapeXml } from "./opc";
import type { StylesPart } from "./styles-part";
import { escapeXmlAttr, escapeXmlText } from "./xml";

/** CT_Worksheet's elements that come after conditionalFormatting, in order. */
const AFTER = [
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties",
  "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
  "webPublishItems", "tableParts", "extLst",
];
/** CT_Worksheet's elements before conditionalFormatting whose children can share a name with one of AFTER. */
const NESTING = ["autoFilter", "sortState", "customSheetViews"];

/** Where the rows end: the tail (from there on) is all that is edited. */
function splitAtRows(bytes: Buffer, p: string): number {
  const close = bytes.lastIndexOf(`</${p}sheetData>`);
  if (close >= 0) return close + `</${p}sheetData>`.length;
  const empty = bytes.indexOf(`<${p}sheetData/>`);
  return empty >= 0 ? empty + `<${p}sheetData/>`.length : -1;
}

/** Is this cfRule Plan Monitor's? */
function isOurs(rule: string, styles: StylesPart): boolean {
  const tag = /^<[^>]*>/.exec(rule)![0];
  const formulas = [...rule.matchAll(/<(?:\w+:)?formula\b[^>]*>([\s\S]*?)<\/(?:\w+:)?formula>/g)].map((m) => unescapeXml(m[1]));
  const dxf = /\sdxfId="(\d+)"/.exec(tag)?.[1];
  const stop = /\sstopIfTrue="([^"]*)"/.exec(tag)?.[1];
  return isPlanMonitorRule({
    custom: /\stype="expression"/.test(tag),
    formulas,
    fill: dxf === undefined ? null : styles.existingFill(Number(dxf)),
    // Absent: unknown, as some programs (exceljs among them) do not write it back.
    stopIfTrue: stop === undefined ? undefined : stop === "1" || stop === "true",
  });
}

/**
 * The worksheet part with Plan Monitor's earlier rules removed and these cells'
 * rules added (none: clearing); null when nothing changes.
 */
export function recolourSheetPart(bytes: Buffer, cells: readonly ColourCell[], styles: StylesPart): Buffer | null {
  const head = bytes.toString("utf8", 0, Math.min(bytes.length, 4096));
  const p = /<(\w+:)?worksheet\b/.exec(head)?.[1] ?? "";
  const at = splitAtRows(bytes, p);
  if (at < 0) return null;
  const tail = bytes.toString("utf8", at);
  const block = new RegExp(`<${p}conditionalFormatting\\b[^>]*>[\\s\\S]*?</${p}conditionalFormatting>`, "g");
  const rule = new RegExp(`<${p}cfRule\\b(?:[^>]*?/>|[\\s\\S]*?</${p}cfRule>)`, "g");

  // Remove ours; a block left without rules goes with them.
  let removed = 0;
  let kept = tail.replace(block, (whole: string) => {
    const rules = whole.match(rule) ?? [];
    const theirs = rules.filter((r) => !isOurs(r, styles));
    removed += rules.length - theirs.length;
    if (theirs.length === rules.length) return whole;
    return theirs.length ? whole.replace(rule, (r) => (theirs.includes(r) ? r : "")) : "";
  });
  if (!removed && !cells.length) return null;

  // The user's rules (x14 ones in extLst too) get back their place, or make room for ours.
  const priorities = [...kept.matchAll(/<(?:\w+:)?cfRule\b[^>]*\spriority="(\d+)"/g)].map((m) => Number(m[1]));
  const groups = byRag(cells);
  let shift = groups.size;
  if (removed && priorities.every((n) => n > removed)) shift -= removed;
  if (shift) kept = kept.replace(/(<(?:\w+:)?cfRule\b[^>]*\spriority=")(\d+)"/g, (_, start: string, n: string) => `${start}${Number(n) + shift}"`);

  const ours = [...groups].map(([rag, group], i) => {
    const dxf = styles.fillFormat(RAG_FILL[rag]);
    return (
      `<${p}conditionalFormatting sqref="${escapeXmlAttr(compactRanges(group).join(" "))}">` +
      `<${p}cfRule type="expression" dxfId="${dxf}" priority="${i + 1}"><${p}formula>${escapeXmlText(colourFormula(rag))}</${p}formula></${p}cfRule>` +
      `</${p}conditionalFormatting>`
    );
  });
  if (ours.length) {
    const existing = new RegExp(`<${p}conditionalFormatting\\b`).exec(kept);
    // autoFilter, sortState and customSheetViews come earlier but can hold elements named like
    // later ones (a custom view's pageMargins, an extLst): the later ones are looked for after them.
    const from = Math.max(0, ...NESTING.map((name) => kept.lastIndexOf(`</${p}${name}>`)));
    const later = AFTER.map((name) => new RegExp(`<${p}${name}\\b`).exec(kept.slice(from))).filter((m) => m !== null);
    const end = kept.lastIndexOf(`</${p}worksheet>`);
    const insertAt = existing ? existing.index : later.length ? from + Math.min(...later.map((m) => m!.index)) : end;
    if (insertAt < 0) return null;
    kept = `${kept.slice(0, insertAt)}${ours.join("")}${kept.slice(insertAt)}`;
  }
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(kept, "utf8")]);
}

function byRag(cells: readonly ColourCell[]): Map<Rag, ColourCell[]> {
  const groups = new Map<Rag, ColourCell[]>();
  for (const c of cells) {
    const group = groups.get(c.rag);
    if (group) group.push(c);
    else groups.set(c.rag, [c]);
  }
  return groups;
}

/** Cells as A1 ranges, consecutive rows of a column joined: ["E5:E9", "E12"]. */
export function compactRanges(cells: readonly { row: number; col: number }[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const rows = byCol.get(col);
    if (rows) rows.push(row);
    else byCol.set(col, [row]);
  }
  const ranges: string[] = [];
  for (const [col, rows] of [...byCol].sort((a, b) => a[0] - b[0])) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let start = sorted[0];
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
      const end = sorted[i - 1];
      const letter = columnLetter(col);
      ranges.push(start === end ? `${letter}${start + 1}` : `${letter}${start + 1}:${letter}${end + 1}`);
      start = sorted[i];
    }
  }
  return ranges;
}
