// Fixes to how exceljs 4.4 *writes*, for the test fixtures only (Plan Monitor
// itself never writes with exceljs). Installed for every test (jest setupFiles),
// so a fixture holds what a user's file would:
// - Text that XML cannot hold: exceljs drops control characters (ESC, BEL) and
//   writes a literal "_x0041_" as is (Excel then shows "A"). Here text and
//   formulas' text results are escaped the OOXML way first (_x001B_, _x005F_x0041_).
// - Data validations: exceljs merges single-cell validations back into
//   rectangles in text order (E10 before E2), not skipping cells already merged,
//   so a list on E2:E20 became two overlapping ones. Merged here in row order.
import { exceljsPrototype, installExceljsFixes } from "../../src/xlsx/exceljs-fixes";
import { escapeOoxmlText } from "../../src/xlsx/xml";

interface Renderer<T> {
  render(xmlStream: unknown, model: T): void;
}

const CELL = /^([A-Z]{1,3})(\d+)$/;
const columnNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const columnLetters = (n: number): string => {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

/** Single-cell validations merged into rectangles of the same validation, in row order, each cell in one rectangle; range keys as they are. */
export function mergeValidationCells(model: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const cells = new Map<string, unknown>();
  for (const [address, dv] of Object.entries(model)) {
    if (CELL.test(address)) cells.set(address, dv);
    else out[address] = dv;
  }
  const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);
  const at = (row: number, col: number): string => `${columnLetters(col)}${row}`;
  const taken = new Set<string>();
  const ordered = [...cells.keys()].map((a) => {
    const m = CELL.exec(a)!;
    return { address: a, row: Number(m[2]), col: columnNumber(m[1]) };
  });
  ordered.sort((a, b) => a.row - b.row || a.col - b.col);
  const free = (row: number, col: number, dv: unknown): boolean => {
    const a = at(row, col);
    return !taken.has(a) && cells.has(a) && same(cells.get(a), dv);
  };
  for (const { address, row, col } of ordered) {
    if (taken.has(address)) continue;
    const dv = cells.get(address);
    let height = 1;
    while (free(row + height, col, dv)) height++;
    let width = 1;
    while (Array.from({ length: height }, (_, i) => free(row + i, col + width, dv)).every(Boolean)) width++;
    for (let i = 0; i < height; i++) for (let j = 0; j < width; j++) taken.add(at(row + i, col + j));
    out[height > 1 || width > 1 ? `${address}:${at(row + height - 1, col + width - 1)}` : address] = dv;
  }
  return out;
}

function wrapRender<T>(module: string, change: (model: T) => T): void {
  const proto = exceljsPrototype<Renderer<T>>(module);
  if (!proto || typeof proto.render !== "function") throw new Error(`exceljs has changed: ${module} has no render (the test fixtures' write fixes need updating)`);
  const render = proto.render;
  proto.render = function (xmlStream, model) {
    render.call(this, xmlStream, change(model));
  };
}

let installed = false;

export function installExceljsWriteFixes(): void {
  if (installed) return;
  installed = true;
  installExceljsFixes();
  wrapRender<unknown>("exceljs/lib/xlsx/xform/strings/text-xform", (model) => (typeof model === "string" ? escapeOoxmlText(model) : model));
  wrapRender<{ result?: unknown } | undefined>("exceljs/lib/xlsx/xform/sheet/cell-xform", (model) =>
    model && typeof model.result === "string" ? { ...model, result: escapeOoxmlText(model.result) } : model,
  );
  wrapRender<Record<string, unknown> | undefined>("exceljs/lib/xlsx/xform/sheet/data-validations-xform", (model) => model && mergeValidationCells(model));
}

installExceljsWriteFixes();
