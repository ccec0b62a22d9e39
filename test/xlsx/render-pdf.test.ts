// The summary as a person prints it: LibreOffice (when installed) renders the
// themes sheet to PDF, and the page reads in plain text, RAG words included.
// scripts/render-summary.mjs does the same and keeps a PNG of the page.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { defaultSettings } from "../../src/engine/settings";
import { RAG_FILL } from "../../src/engine/writeback";
import { buildSummaries, scanWorkbook } from "../../src/engine/workflow";
import { writeCopy } from "../../src/xlsx/host";
import { ownedSheets } from "../../src/xlsx/owned-sheets";
import { CORPUS } from "../helpers/corpus";
import { hostOf, load } from "./summary-helpers";
import { describeWithLibreOffice, libreOfficeCommand, runs } from "../helpers/requires";

const canRaster = runs("pdftoppm", "-v");

/**
 * A print copy of a written workbook: every sheet but the themes summary hidden
 * (in exceljs, as a user would in Excel), then the summary written again so the
 * copy has its charts.
 */
async function themesAlone(buffer: Buffer, asAt: string): Promise<Buffer> {
  const wb = await load(buffer);
  const themes = ownedSheets(wb).get("themes")!;
  for (const ws of wb.worksheets) ws.state = ws === themes ? "visible" : "hidden";
  const index = wb.worksheets.indexOf(themes);
  wb.views = [{ activeTab: index, firstSheet: index, visibility: "visible" } as never];
  const host = await hostOf(wb);
  await buildSummaries(host, await scanWorkbook(host, { asAt, settings: defaultSettings() }), defaultSettings());
  return host.toBuffer();
}

/** The themes summary of a corpus workbook, alone in a print copy, rendered to PDF in `dir`. */
async function themesPdf(dir: string, name: string, asAt: string): Promise<string> {
  const { buffer } = await writeCopy(readFileSync(path.join(CORPUS, `${name}.xlsx`)), { asAt, settings: defaultSettings() });
  const file = path.join(dir, "summary.xlsx");
  writeFileSync(file, await themesAlone(buffer, asAt));
  execFileSync(libreOfficeCommand(), [`-env:UserInstallation=${pathToFileURL(path.join(dir, "profile")).href}`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { stdio: "ignore", timeout: 120_000 });
  return path.join(dir, "summary.pdf");
}

/** Pixels of exactly this colour on one page, rasterised by pdftoppm. */
function pixelsOf(pdf: string, page: number, hex: string): number {
  const out = path.join(path.dirname(pdf), `page${page}`);
  execFileSync("pdftoppm", ["-r", "50", "-f", String(page), "-l", String(page), "-singlefile", pdf, out]);
  const ppm = readFileSync(`${out}.ppm`);
  // P6 header: magic, width, height, maxval, each followed by one whitespace byte.
  let at = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    let s = "";
    while (/\s/.test(String.fromCharCode(ppm[at]))) at++;
    while (!/\s/.test(String.fromCharCode(ppm[at]))) s += String.fromCharCode(ppm[at++]);
    fields.push(s);
  }
  at++;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = at; i + 2 < ppm.length; i += 3) if (Math.abs(ppm[i] - r) < 6 && Math.abs(ppm[i + 1] - g) < 6 && Math.abs(ppm[i + 2] - b) < 6) n++;
  return n;
}

describeWithLibreOffice("printing the summary with LibreOffice", () => {
test(
  "the themes summary prints as a readable page",
  async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pm-render-"));
    try {
      const { buffer } = await writeCopy(readFileSync(path.join(CORPUS, "scr-action-plan.xlsx")), { asAt: "2015-10-12", settings: defaultSettings() });
      const file = path.join(dir, "summary.xlsx");
      writeFileSync(file, await themesAlone(buffer, "2015-10-12"));
      execFileSync(libreOfficeCommand(), [`-env:UserInstallation=${pathToFileURL(path.join(dir, "profile")).href}`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { stdio: "ignore", timeout: 120_000 });
      const pdf = path.join(dir, "summary.pdf");
      expect(existsSync(pdf)).toBe(true);
      const text = execFileSync("pdftotext", ["-layout", "-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" });
      expect(text).toContain("Plan Monitor – Summary by theme");
      expect(text).toContain("As at 12 October 2015");
      expect(text).toMatch(/Blue\s+Green\s+Amber\s+Red\s+Grey\s+Total/);
      expect(text).toMatch(/as at 12 Oct 2015 – page 1 of \d+/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  150_000,
);

test(
  "the charts print on their own pages: the themes bar and the trend line, titled, with the RAG legend and colours",
  async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pm-render-charts-"));
    try {
      const pdf = await themesPdf(dir, "peer-challenge-action-plan", "2016-11-30");
      const page = (n: number) => execFileSync("pdftotext", ["-layout", "-f", String(n), "-l", String(n), pdf, "-"], { encoding: "utf8" });
      const bar = page(2);
      expect(bar).toContain("Actions by theme and RAG, as at 30 Nov 2016");
      expect(bar).toMatch(/Blue\s+Green\s+Amber\s+Red\s+Grey/);
      expect(page(3)).toContain("Trend across reports");
      if (canRaster) {
        // Pages 2 and 3 repeat the same header rows; page 2 also has the red bars (21 red actions), page 3 only a red line.
        const red = RAG_FILL.red;
        expect(pixelsOf(pdf, 2, red)).toBeGreaterThan(2 * pixelsOf(pdf, 3, red));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  150_000,
);
});
