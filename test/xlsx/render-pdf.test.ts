// The summary as a person prints it: LibreOffice (when installed) renders the
// themes sheet to PDF, and the page reads in plain text, RAG words included.
// scripts/render-summary.mjs does the same and keeps a PNG of the page.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { defaultSettings } from "../../src/engine/settings";
import { XlsxHost, writeCopy } from "../../src/xlsx/host";
import { ownedSheets } from "../../src/xlsx/write-owned";
import { CORPUS } from "../helpers/corpus";
import { describeWithLibreOffice, libreOfficeCommand } from "../helpers/requires";

describeWithLibreOffice("printing the summary with LibreOffice", () => {
  test(
    "the themes summary prints as a readable page",
    async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "pm-render-"));
      try {
        const { buffer } = await writeCopy(readFileSync(path.join(CORPUS, "scr-action-plan.xlsx")), { asAt: "2015-10-12", settings: defaultSettings() });
        const host = await XlsxHost.fromBuffer(buffer);
        const themes = ownedSheets(host.workbook).get("themes")!;
        for (const ws of host.workbook.worksheets) ws.state = ws === themes ? "visible" : "hidden";
        const index = host.workbook.worksheets.indexOf(themes);
        host.workbook.views = [{ activeTab: index, firstSheet: index, visibility: "visible" } as never];
        const file = path.join(dir, "summary.xlsx");
        writeFileSync(file, await host.toBuffer());
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
});
