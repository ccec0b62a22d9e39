// Texts in a workbook holding terminal control sequences (OSC 52 clipboard
// writes, OSC 8 links, CSI screen clears, BEL, C1 controls, bidi overrides) never
// reach the terminal raw: the text report shows them as \xHH, with and without
// colour; stderr too; --json escapes them and still gives the exact texts.
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { main } from "../../src/cli/main";
import { formatReport, terminalSafe } from "../../src/cli/format";
import { PlanReportSchema } from "../../src/engine/report";
import { tempDir } from "../helpers/tempDir";

const OSC52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07";
const OSC8 = "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\";
const CLEAR = "\x1b[2J\x1b[H";
const C1 = "\u009b31m";
const BIDI = "\u202eevil\u202c";

const dir = tempDir("escapes");
const file = path.join(dir, "escapes.xlsx");
const sha = (f: string): string => createHash("sha256").update(fs.readFileSync(f)).digest("hex");

beforeAll(async () => {
  // exceljs writes the control characters (as _xHHHH_) instead of dropping them: test/helpers/exceljs-write-fixes.ts.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Plan");
  ws.addRow(["Theme", "Action", "Lead officer", "Target date", "RAG"]);
  ws.addRow([`Safety ${CLEAR}`, `Publish ${OSC8}`, `Jo ${OSC52}`, "September 2020", "Green"]);
  ws.addRow([`Staff${C1}`, `Audit \x07\x07 files ${BIDI}`, "Head of Service\r\nX", `\x1b[31mtomorrow`, `Amber${CLEAR}`]);
  ws.addRow(["Staff", "Train all staff", "JF", "Jan-20", "Complete"]);
  const notes = wb.addWorksheet("Notes\x07");
  notes.addRow([`nothing here ${OSC52}`]);
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
});

/** Raw control characters left once our own colour codes (ESC [ n m) are taken out. */
// The test is about control characters, so its patterns name them.
// eslint-disable-next-line no-control-regex
const rawControls = (s: string): string[] => s.replace(/\x1b\[[0-9;]*m/g, "").replace(/\n/g, "").match(/[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g) ?? [];

async function run(...more: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const before = sha(file);
  let stdout = "";
  let stderr = "";
  const code = await main(["check", file, "--as-at", "2020-06-15", ...more], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  expect(sha(file)).toBe(before);
  return { code, stdout, stderr };
}

test("terminalSafe shows control characters instead of sending them", () => {
  expect(terminalSafe(OSC52)).toBe("\\x1B]52;c;ZWNobyBwd25lZA==\\x07");
  expect(terminalSafe(`a${C1}b\r\n\t`)).toBe("a\\x9B31mb\\x0D\\x0A\\x09");
  expect(terminalSafe(BIDI)).toBe("\\u202Eevil\\u202C");
  expect(terminalSafe("Café – naïve ✓")).toBe("Café – naïve ✓");
});

test("the text report with --no-color holds no raw control character", async () => {
  const r = await run("--no-color");
  expect(r.code).toBe(0);
  expect(rawControls(r.stdout)).toEqual([]);
  expect(rawControls(r.stderr)).toEqual([]);
  expect(r.stdout).toContain("ZWNobyBwd25lZA==\\x07");
  expect(r.stdout).toContain("The due date “\\x1B[31mtomorrow”");
  expect(r.stdout).toContain("“Amber\\x1B[2J\\x1B[H”");
  expect(r.stdout).not.toContain("\x1b");
});

test("the text report in colour holds only Plan Monitor's own colour codes", async () => {
  const r = await run("--json");
  const report = PlanReportSchema.parse(JSON.parse(r.stdout));
  const text = formatReport(report, { color: true, file: `${file}${CLEAR}` });
  // eslint-disable-next-line no-control-regex
  expect(text).toMatch(/\x1b\[1m/); // colour is on
  expect(rawControls(text)).toEqual([]);
  expect(text).toContain("\\x1B[2J\\x1B[H");
});

test("--json escapes every control character and keeps the exact texts", async () => {
  const r = await run("--json");
  expect(rawControls(r.stdout)).toEqual([]);
  const report = PlanReportSchema.parse(JSON.parse(r.stdout));
  const texts = JSON.stringify(report);
  expect(JSON.parse(texts)).toEqual(report);
  const messages = report.sheets[0].items.flatMap((i) => i.findings.map((f) => f.message)).join("\n");
  expect(messages).toContain("\x1b[31mtomorrow");
  expect(messages).toContain(`Amber${CLEAR}`);
});

test("stderr (no plan found, with a sheet name and file name holding escapes) shows them", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet(`Sheet\x1b`).addRow([`hello ${OSC52}`]);
  const bad = path.join(dir, `bad\x1b[2J.xlsx`);
  fs.writeFileSync(bad, Buffer.from(await wb.xlsx.writeBuffer()));
  let stderr = "";
  let stdout = "";
  const code = await main(["check", bad, "--no-color"], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  expect(code).toBe(3);
  expect(stderr).toContain("no plan found");
  expect(rawControls(stderr)).toEqual([]);
  expect(rawControls(stdout)).toEqual([]);
  expect(stderr).toContain("bad\\x1B[2J.xlsx");
});
