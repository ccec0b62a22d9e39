#!/usr/bin/env node
// Renders Plan Monitor's summary sheets to PDF, the first page of the themes
// summary to docs/images/summary-themes.png and its chart page to
// docs/images/summary-charts.png, so a person can look at the pages a board would see.
//
//   npm run build:cli && node scripts/render-summary.mjs [NAME] [--as-at YYYY-MM-DD] [--previous YYYY-MM-DD] [--out DIR]
//
// NAME is a corpus workbook (default: peer-challenge-action-plan) in ../shared/corpus
// ($PLAN_MONITOR_SHARED/corpus when set),
// or a path to an .xlsx file. Two reports are run, as at --previous (default:
// a month before) and then --as-at (default: the corpus label's asAt), so the
// page shows a change column and a trend. Needs LibreOffice (apt-get install
// libreoffice-calc) and pdftoppm (poppler-utils); fonts-crosextra-carlito gives
// Calibri's metrics.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The shared folder as the tests find it (test/helpers/corpus.ts): $PLAN_MONITOR_SHARED, else ../shared.
const corpus = path.join(process.env.PLAN_MONITOR_SHARED ?? path.resolve(root, "../shared"), "corpus");

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "as-at": { type: "string" }, previous: { type: "string" }, out: { type: "string" } },
});

const dist = path.join(root, "dist");
if (!existsSync(path.join(dist, "xlsx/host.js"))) fail("dist/ is missing: run `npm run build:cli` first.");
const { XlsxHost } = require(path.join(dist, "xlsx/host.js"));
const { WorkbookPart } = require(path.join(dist, "xlsx/workbook-part.js"));
const { markerKind, markedSheet } = require(path.join(dist, "engine/owned.js"));
const JSZip = require("jszip");
const { buildSummaries, colourWorkbook, scanWorkbook } = require(path.join(dist, "engine/workflow.js"));
const { defaultSettings } = require(path.join(dist, "engine/settings.js"));

const name = positionals[0] ?? "peer-challenge-action-plan";
const input = name.endsWith(".xlsx") ? path.resolve(name) : path.join(corpus, `${name}.xlsx`);
const labels = input.replace(/\.xlsx$/, ".expected.json");
const asAt = values["as-at"] ?? (existsSync(labels) ? JSON.parse(readFileSync(labels, "utf8")).asAt : new Date().toISOString().slice(0, 10));
const previous = values.previous ?? monthBefore(asAt);
const outDir = path.resolve(values.out ?? path.join(root, "test-output/render"));
const imageDir = path.join(root, "docs/images");

mkdirSync(outDir, { recursive: true });
mkdirSync(imageDir, { recursive: true });

const settings = defaultSettings();
// Two reports, the copy of the first opened again for the second, as a user would run them.
let bytes = readFileSync(input);
for (const date of [previous, asAt]) {
  const host = await XlsxHost.fromBuffer(bytes);
  const report = await scanWorkbook(host, { asAt: date, settings });
  await colourWorkbook(host, report);
  const { notices } = await buildSummaries(host, report, settings);
  for (const n of notices) console.log(`notice: ${n}`);
  bytes = await host.toBuffer();
}
const base = path.basename(input, ".xlsx");
const copy = path.join(outDir, `${base}-summary.xlsx`);
writeFileSync(copy, bytes);
console.log(`wrote ${path.relative(root, copy)} (reports as at ${previous} and ${asAt})`);

// Print only the summary sheets: hide the others in a print copy (in its workbook part), themes first and active.
const zip = await JSZip.loadAsync(bytes);
const workbook = new WorkbookPart(await zip.file("xl/workbook.xml").async("string"));
const xml = await zip.file("xl/workbook.xml").async("string");
const owned = new Map([...xml.matchAll(/<definedName\b[^>]*name="([^"]*)"[^>]*>([^<]*)</g)].map((m) => [markerKind(m[1]), markedSheet(m[2].replace(/&apos;/g, "'"))]));
const summaryNames = ["themes", "owners", "exceptions"].map((k) => owned.get(k)).filter(Boolean);
const sheets = workbook.sheets();
for (const sheet of sheets) workbook.setHidden(sheet.name, !summaryNames.includes(sheet.name));
const themesIndex = sheets.findIndex((sheet) => sheet.name === summaryNames[0]);
const view = `<workbookView activeTab="${themesIndex}" firstSheet="${themesIndex}"/>`;
const edited = workbook.toXml();
zip.file("xl/workbook.xml", /<bookViews\b/.test(edited) ? edited.replace(/<bookViews\b[\s\S]*?<\/bookViews>/, `<bookViews>${view}</bookViews>`) : edited.replace(/<sheets\b/, `<bookViews>${view}</bookViews><sheets`));
const printCopy = path.join(outDir, `${base}-summary-print.xlsx`);
writeFileSync(printCopy, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));

const pdf = toPdf(printCopy, outDir);
const png = path.join(imageDir, "summary-themes");
execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, png]);
// Each chart starts a printed page of its own: page 2 is the themes bar chart.
const chartsPng = path.join(imageDir, "summary-charts");
execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "2", "-l", "2", "-singlefile", pdf, chartsPng]);
console.log(`wrote ${path.relative(root, pdf)}, ${path.relative(root, png)}.png and ${path.relative(root, chartsPng)}.png`);

function toPdf(file, dir) {
  // A private LibreOffice profile, so a running LibreOffice does not swallow the conversion.
  const profile = mkdtempSync(path.join(os.tmpdir(), "pm-lo-"));
  try {
    execFileSync(
      "libreoffice",
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--convert-to", "pdf", "--outdir", dir, file],
      { stdio: ["ignore", "ignore", "inherit"], timeout: 180_000 },
    );
  } catch (e) {
    fail(`LibreOffice could not convert ${file} (${e.code === "ENOENT" ? "libreoffice is not installed: apt-get install -y libreoffice-calc" : e.message})`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const out = path.join(dir, `${path.basename(file, ".xlsx")}.pdf`);
  if (!existsSync(out)) fail(`LibreOffice wrote no PDF for ${file}`);
  return out;
}

function monthBefore(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 10);
}

function fail(message) {
  console.error(`render-summary: ${message}`);
  process.exit(1);
}
