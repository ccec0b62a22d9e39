// Tests that need a program the machine may not have (Chromium, LibreOffice).
//
// describeWithChromium / describeWithLibreOffice run their block when the program is
// installed. When it is not:
//   - Chromium: in CI (CI=true) the block runs anyway, so its own check fails the run;
//     elsewhere the block is replaced by ONE test.todo named "NOT RUN: ...", which says how
//     to install it. A todo neither passes nor fails: jest lists it as "todo", and
//     test/summary-reporter.js counts it as "not run" and prints one line for it.
//   - LibreOffice: the same todo everywhere, CI included (CI does not install LibreOffice).
// Never a silent skip, never a test that passes without running.
//
// To see the "not run" path on a machine that has the programs, point the overrides at
// nothing:  PLAN_MONITOR_CHROMIUM=/nonexistent PLAN_MONITOR_LIBREOFFICE=/nonexistent npm test
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/** The prefix test/summary-reporter.js looks for. */
export const NOT_RUN = "NOT RUN:";

export const inCI = (): boolean => process.env.CI === "true";

/** Chromium's path: PLAN_MONITOR_CHROMIUM, else CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.PLAN_MONITOR_CHROMIUM || process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

/** LibreOffice's command: PLAN_MONITOR_LIBREOFFICE (a path or a command name), else `libreoffice`. */
export function libreOfficeCommand(): string {
  return process.env.PLAN_MONITOR_LIBREOFFICE || "libreoffice";
}

/** Whether a command runs: `cmd flag` exits 0. A path that does not exist never runs. */
export function runs(cmd: string, flag: string): boolean {
  if (path.isAbsolute(cmd) && !existsSync(cmd)) return false;
  return spawnSync(cmd, [flag], { stdio: "ignore", timeout: 60_000 }).status === 0;
}

export const hasChromium = (): boolean => existsSync(chromiumPath());
/** LibreOffice and pdftotext (poppler-utils), which the render test reads the PDF with. */
export const hasLibreOffice = (): boolean => runs(libreOfficeCommand(), "--version") && runs("pdftotext", "-v");

export const CHROMIUM_NOT_RUN = `${NOT_RUN} Chromium not installed (apt-get install -y chromium; or set PLAN_MONITOR_CHROMIUM to its path)`;
export const LIBREOFFICE_NOT_RUN =
  `${NOT_RUN} LibreOffice not installed (apt-get install -y libreoffice-calc poppler-utils); ` + "CI does not install it, so this test is not required there";

/** A block that needs Chromium: it runs when Chromium is there, and always in CI. */
export function describeWithChromium(name: string, fn: () => void): void {
  if (hasChromium() || inCI()) describe(name, fn);
  else describe(name, () => test.todo(CHROMIUM_NOT_RUN));
}

/** A block that needs LibreOffice and pdftotext; not required in CI. */
export function describeWithLibreOffice(name: string, fn: () => void): void {
  if (hasLibreOffice()) describe(name, fn);
  else describe(name, () => test.todo(LIBREOFFICE_NOT_RUN));
}

/** Python with openpyxl, the second, independent reader of written workbooks. */
export const PYTHON = process.env.PLAN_MONITOR_PYTHON || "/usr/bin/python3";
let openpyxlThere: boolean | undefined;
export const hasOpenpyxl = (): boolean => (openpyxlThere ??= !path.isAbsolute(PYTHON) || existsSync(PYTHON) ? spawnSync(PYTHON, ["-c", "import openpyxl"], { stdio: "ignore", timeout: 60_000 }).status === 0 : false);
export const OPENPYXL_NOT_RUN = `${NOT_RUN} openpyxl not installed (apt-get install -y python3-openpyxl; or set PLAN_MONITOR_PYTHON)`;

/** A block that reads written files back with openpyxl: runs where it is installed, and always in CI (which installs it). */
export function describeWithOpenpyxl(name: string, fn: () => void): void {
  if (hasOpenpyxl() || inCI()) describe(name, fn);
  else describe(name, () => test.todo(OPENPYXL_NOT_RUN));
}

/** One test that needs openpyxl, the same way. */
export function testWithOpenpyxl(name: string, fn: () => Promise<unknown> | void, timeout?: number): void {
  if (hasOpenpyxl() || inCI()) test(name, fn as () => Promise<void>, timeout);
  else test.todo(`${OPENPYXL_NOT_RUN}: ${name}`);
}

/** A test that means nothing for root (root may write anywhere): said, not silently skipped. */
export function testUnlessRoot(name: string, fn: () => Promise<unknown> | void, timeout?: number): void {
  if (process.getuid?.() !== 0) test(name, fn as () => Promise<void>, timeout);
  else test.todo(`${NOT_RUN} runs as root, who may write to any folder: ${name}`);
}
