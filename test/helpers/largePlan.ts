// The one generator of large plans, for the tests and the benchmarks (bench/
// runs it compiled into dist-bench/, not copied). A plan is made once as cells
// (GeneratedPlan: the engine's grid shape) and written where it is needed: as a
// sheet of the simulated Excel (planModel) or as an .xlsx file (planFile).
//
// Three recipes, each exactly the plan its tests and recorded bench figures were made with:
//   sectionedPlan  the Office host's budgets: a title, a header, section rows merged every 25, date cells;
//   knownRagPlan   the command line on big input: text due dates and statuses cycling so each row's RAG is known;
//   realisticPlan  the benchmarks: the mix real plans have, seeded.
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CellValue, MergedArea } from "../../src/engine/grid";
import { WorkbookModel } from "../../tools/excel-sim/model";
import { HEADER } from "./fixtures";

/** One generated cell: its value, number format and (where a recipe knows it) display text. */
export interface PlanCell {
  value: CellValue;
  text?: string;
  format?: string;
  bold?: boolean;
}

/** A generated plan sheet: rows of cells (undefined: an empty cell; rows may be sparse) and 0-based merges. */
export interface GeneratedPlan {
  name: string;
  rows: (PlanCell | undefined)[][];
  merges: MergedArea[];
}

// ---------------------------------------------------------------- writers

/** The plan as the only sheet of a simulated Excel workbook. */
export function planModel(plan: GeneratedPlan): WorkbookModel {
  const m = new WorkbookModel();
  const s = m.addSheet(plan.name);
  plan.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell) return;
      s.setValue(r, c, cell.value, cell.format);
      if (cell.bold) s.cell(r, c).font = { bold: true };
    }),
  );
  for (const area of plan.merges) s.merges.push({ ...area });
  return m;
}

/** Fixed document dates, so a file's bytes do not depend on when it was made. */
const MADE = new Date(Date.UTC(2020, 0, 1));
const MS_PER_DAY = 86_400_000;
const colLetter = (c: number): string => {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/**
 * The plan as an .xlsx file (exceljs): text as text, numbers in a date format as
 * real dates, errors as errors, merges as merges. Written once into the system
 * temp folder, named by a hash of the plan itself, and reused by later runs
 * (exceljs takes seconds for 50,000 rows).
 */
export async function planFile(plan: GeneratedPlan): Promise<string> {
  const dir = path.join(os.tmpdir(), "plan-monitor-plans");
  mkdirSync(dir, { recursive: true });
  const hash = createHash("sha256").update(JSON.stringify(plan)).update(planFile.toString()).digest("hex").slice(0, 12);
  const file = path.join(dir, `${plan.name.replace(/\W+/g, "-")}-${plan.rows.length}-${hash}.xlsx`);
  if (existsSync(file)) return file;
  const wb = new ExcelJS.Workbook();
  wb.creator = "Plan Monitor tests";
  wb.created = MADE;
  wb.modified = MADE;
  const ws = wb.addWorksheet(plan.name);
  plan.rows.forEach((cells, r) => {
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
        target.value = { error: v.error } as ExcelJS.CellErrorValue;
      } else {
        target.value = v;
      }
      if (cell.bold) target.font = { bold: true };
    });
    row.commit?.();
  });
  for (const m of plan.merges) ws.mergeCells(`${colLetter(m.left)}${m.top + 1}:${colLetter(m.right)}${m.bottom + 1}`);
  const tmp = `${file}.${process.pid}.tmp`;
  await wb.xlsx.writeFile(tmp);
  renameSync(tmp, file);
  return file;
}

// ---------------------------------------------------------------- sectionedPlan

/**
 * A plan sheet of `rows` item rows in the shape of the corpus plans: ref, action,
 * owner, due date (a real date), status; a title merged across, section rows merged
 * across every 25 rows.
 */
export function sectionedPlan(rows: number): GeneratedPlan {
  const out: (PlanCell | undefined)[][] = [[{ value: "Improvement Action Plan 2025/26" }]];
  const merges: MergedArea[] = [{ top: 0, left: 0, bottom: 0, right: 4 }];
  out.push(["Ref", "Action", "Lead", "Due", "Status"].map((h) => ({ value: h, bold: true })));
  const statuses = ["Complete", "On track", "Delayed", "Not started", ""];
  const owners = ["JF", "SK", "Head of Service", "NT JU PF"];
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    if (i % 25 === 0) {
      out.push([{ value: `Theme ${i / 25 + 1}` }]);
      merges.push({ top: r, left: 0, bottom: r, right: 4 });
      continue;
    }
    out.push([
      { value: `${Math.floor(i / 25) + 1}.${i % 25}` },
      { value: `Review the process ${i}` },
      { value: owners[i % owners.length] },
      { value: 45000 + (i % 400), format: "dd/mm/yyyy" },
      { value: statuses[i % statuses.length] },
    ]);
  }
  return { name: "Action Plan", rows: out, merges };
}

/** sectionedPlan(rows) in a simulated Excel workbook, for the Office host's tests and bench. */
export const largePlanModel = (rows: number): WorkbookModel => planModel(sectionedPlan(rows));

// ---------------------------------------------------------------- knownRagPlan

/** Row i of knownRagPlan: the due date and status cycle so the RAG counts are known. */
export function bigPlanRow(i: number): (string | number)[] {
  const dues = ["September 2020", "March 2020", "June 2020", "Ongoing"];
  const statuses = ["", "Green", "Complete", "Amber"];
  return [String(i + 1), `Action number ${i + 1}: review and report`, i % 7 === 0 ? "" : `Officer ${i % 50}`, dues[i % 4], statuses[(i >> 2) % 4], i % 3 ? "Update given" : ""];
}

/** A plan of `items` rows of bigPlanRow under the small fixtures' header, on a sheet "Plan". */
export function knownRagPlan(items: number): GeneratedPlan {
  const rows = [HEADER, ...Array.from({ length: items }, (_, i) => bigPlanRow(i))];
  return { name: "Plan", rows: rows.map((row) => row.map((value) => ({ value }))), merges: [] };
}

/** knownRagPlan(items) as an .xlsx file, for the command line's big-input tests. */
export const bigPlanFile = (items: number): Promise<string> => planFile(knownRagPlan(items));

// ---------------------------------------------------------------- realisticPlan

/** Small, fast, seeded PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REALISTIC_HEADER = ["Ref", "Recommendation", "Actions", "Lead Officer", "Target Date", "RAG", "Update on Progress", "Outcome"];
const WIDTH = REALISTIC_HEADER.length;
const COL = { ref: 0, action: 1, sub: 2, owner: 3, due: 4, status: 5, progress: 6, outcome: 7 };

const THEMES = [
  "Leadership and governance",
  "Safeguarding adults at risk",
  "Personalisation and self-directed support",
  "Workforce development",
  "Commissioning and market shaping",
  "Performance and quality assurance",
  "Carers and communities",
  "Information, advice and advocacy",
];
const VERBS = ["Review", "Agree", "Publish", "Develop", "Implement", "Audit", "Deliver", "Establish", "Train", "Report on"];
const OBJECTS = [
  "the safeguarding procedures with partner agencies",
  "a workforce plan for social work and occupational therapy",
  "the quality assurance framework for commissioned services",
  "personal budgets for all eligible people",
  "the carers' strategy and its action plan",
  "monthly performance reports to the Board",
  "the information and advice offer on the council website",
  "case file audits across all teams",
];
const OWNERS = [
  "Jo Bloggs",
  "JF SK",
  "GK/DKE/PA/SL",
  "Head of Adult Social Care",
  "Angela Woodhouse, Head of Policy and Communications",
  "Director of Public Health / CCG Chief Nurse",
  "Safeguarding Adults Board",
  "Tracey Abdy",
  "NT JU PF",
  "Service Manager (tbc)",
];
const TEXT_DATES = ["Jun-10", "Sept 2016", "March 2015", "Q3 2019/20", "Q1 2020/21", "2019/20", "Autumn 2019", "end of March 2020", "Jul-10 Aug-10", "Ongoing", "tbc", "31/03/2020", "Phase I: May-10 Phase II: Oct-10", "Sept", "Jan"];
const STATUSES = ["Complete", "Completed", "Green", "Amber – slipping", "Red", "Not started", "In progress", "Partial complete", "", "Blue"];
const PROGRESS = ["", "Workshop held in June; actions agreed.", "Draft circulated to partners for comment.", "Delayed: awaiting Board sign-off.", "Complete – evidence held on file."];
const OUTCOMES = ["", "People report better outcomes", "Audits show improved practice", "Reduced waiting times"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const text = (s: string): PlanCell => ({ value: s, text: s, format: "General" });

/** Excel serial of the last day of a month (1900 system), and its "mmm-yy" text. */
function monthCell(year: number, month: number): PlanCell {
  const ms = Date.UTC(year, month, 0); // day 0 of the next month: last day of this one
  const serial = ms / 86_400_000 + 25569;
  return { value: serial, text: `${MONTHS[month - 1]}-${String(year).slice(2)}`, format: "mmm-yy" };
}

/**
 * A plan of about `targetRows` rows (exactly that many grid rows) with the mix real
 * plans have: a preamble (title merged across, "Updated:", a plan period), section
 * rows merged across, actions merged down over their sub-action rows, sub-actions
 * that inherit the owner or due date, continuation rows, blank rows, the header
 * repeated at page breaks, owners written many ways, due dates as date cells and as
 * text, and statuses. Deterministic for a given seed; in the engine's grid shape
 * (every cell has its text). The benchmarks' plan.
 */
export function realisticPlan(targetRows: number, { seed = 1, name = "Action Plan" }: { seed?: number; name?: string } = {}): GeneratedPlan {
  const rnd = prng(seed);
  const pick = <T>(arr: T[]): T => arr[Math.floor(rnd() * arr.length)];
  const rows: (PlanCell | undefined)[][] = [];
  const merges: MergedArea[] = [];
  const mergeAcross = (r: number) => merges.push({ top: r, left: 0, bottom: r, right: WIDTH - 1 });
  const blankRow = (): (PlanCell | undefined)[] => new Array(WIDTH).fill(undefined);

  rows.push([text("Adult Social Care Improvement Plan 2019/20")]);
  mergeAcross(0);
  rows.push([text("Updated: 12th October 2019")]);
  rows.push([text("The Action Plan will be for the period August 2019 to July 2020")]);
  rows.push([]);
  rows.push(REALISTIC_HEADER.map(text));

  let theme = 0;
  let action = 0;
  let sinceHeader = 0;
  while (rows.length < targetRows) {
    // A section row every 8 to 20 actions.
    if (action === 0 || rnd() < 0.08) {
      theme++;
      const r = rows.length;
      rows.push([text(`Improvement Area ${theme} – ${pick(THEMES)}`)]);
      mergeAcross(r);
      if (rnd() < 0.3) rows.push([text(`Theme Lead: ${pick(OWNERS)}`)]);
    }
    action++;
    const subs = 1 + Math.floor(rnd() * 4);
    const top = rows.length;
    const owner = pick(OWNERS);
    const due = rnd() < 0.5 ? monthCell(2019 + Math.floor(rnd() * 3), 1 + Math.floor(rnd() * 12)) : text(pick(TEXT_DATES));
    for (let s = 0; s < subs && rows.length < targetRows; s++) {
      const row = blankRow();
      row[COL.ref] = text(`${theme}.${action}.${s + 1}`);
      if (s === 0) row[COL.action] = text(`${action}. ${pick(VERBS)} ${pick(OBJECTS)}`);
      row[COL.sub] = text(`${pick(VERBS)} ${pick(OBJECTS)}${rnd() < 0.1 ? " <p>pasted</p>" : ""}`);
      // Sub-actions often leave the owner or date to the action row.
      if (s === 0 || rnd() < 0.5) row[COL.owner] = text(s === 0 ? owner : pick(OWNERS));
      if (s === 0 || rnd() < 0.6) row[COL.due] = s === 0 ? due : rnd() < 0.5 ? monthCell(2020, 1 + Math.floor(rnd() * 12)) : text(pick(TEXT_DATES));
      const status = pick(STATUSES);
      if (status) row[COL.status] = text(status);
      const progress = pick(PROGRESS);
      if (progress) row[COL.progress] = text(progress);
      const outcome = pick(OUTCOMES);
      if (outcome) row[COL.outcome] = text(outcome);
      if (rnd() < 0.01) row[COL.status] = { value: { error: "#REF!" }, text: "#REF!", format: "General" };
      rows.push(row);
      sinceHeader++;
      // Text split at a page break: a row that only carries on the sentence.
      if (rnd() < 0.04 && rows.length < targetRows) {
        const cont = blankRow();
        cont[COL.sub] = text("and report the results to the Board");
        rows.push(cont);
      }
    }
    if (subs > 1 && rows.length - 1 > top) merges.push({ top, left: COL.action, bottom: rows.length - 1, right: COL.action });
    if (rnd() < 0.03 && rows.length < targetRows) rows.push([]);
    // The header repeated at a page break, as plans pasted from Word have it.
    if (sinceHeader > 40 && rows.length < targetRows) {
      rows.push(REALISTIC_HEADER.map(text));
      sinceHeader = 0;
    }
  }
  rows.length = targetRows;
  // Merges must stay inside the grid.
  const kept = merges.filter((m) => m.bottom < targetRows);
  return { name, rows, merges: kept };
}
