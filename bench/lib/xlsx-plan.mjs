// Writes a generated plan (lib/plan.mjs) to an .xlsx file with exceljs: text as
// text, date cells as real dates in their number format, merges as merges.
// Files are cached in the system temp folder by size, seed and a hash of the
// generator's source, so the 50,000-row workbook is made once (about 10 s) and
// remade only when the generator changes.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { makePlanGrid } from "./plan.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const VERSION = createHash("sha256")
  .update(readFileSync(path.join(here, "plan.mjs")))
  .update(readFileSync(path.join(here, "xlsx-plan.mjs")))
  .digest("hex")
  .slice(0, 10);
const MS_PER_DAY = 86_400_000;

const colLetter = (c) => {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** Path of an .xlsx file holding a generated plan of `rows` rows, made if missing. */
export async function planWorkbook(rows, { seed = 1 } = {}) {
  const dir = path.join(os.tmpdir(), "plan-monitor-bench");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `plan-${rows}-s${seed}-${VERSION}.xlsx`);
  if (existsSync(file)) return file;

  const require = createRequire(import.meta.url);
  const ExcelJS = require("exceljs");
  const grid = makePlanGrid(rows, { seed });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(grid.name);
  grid.rows.forEach((cells, r) => {
    if (!cells) return;
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => {
      if (!cell) return;
      const target = row.getCell(c + 1);
      const v = cell.value;
      if (typeof v === "number" && cell.format && cell.format !== "General") {
        target.value = new Date(Math.round((v - 25569) * MS_PER_DAY));
        target.numFmt = cell.format;
      } else if (v && typeof v === "object" && "error" in v) {
        target.value = { error: v.error };
      } else {
        target.value = v;
      }
    });
    row.commit?.();
  });
  for (const m of grid.merges) ws.mergeCells(`${colLetter(m.left)}${m.top + 1}:${colLetter(m.right)}${m.bottom + 1}`);
  const tmp = `${file}.${process.pid}.tmp`;
  await wb.xlsx.writeFile(tmp);
  renameSync(tmp, file);
  return file;
}
