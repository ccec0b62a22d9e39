// Mistakes in --settings FILE.json: misspelt keys, sheets the workbook does not
// have, a byte order mark, rows and columns beyond Excel's, a folder. Each with
// the words the user sees; the workbook is never changed.
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { main } from "../../src/cli/main";
import { nearestWord, parseSettings } from "../../src/engine/settings";
import { ACTIONS, HEADER } from "../helpers/fixtures";
import { tempDir } from "../helpers/tempDir";

const dir = tempDir("settings");
const file = path.join(dir, "plan.xlsx");
const sha = (f: string): string => createHash("sha256").update(fs.readFileSync(f)).digest("hex");

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Plan");
  ws.addRow(HEADER);
  for (const r of ACTIONS) ws.addRow(r);
  wb.addWorksheet("Notes").addRow(["nothing"]);
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
});

let n = 0;
function settingsFile(content: string | Buffer): string {
  const f = path.join(dir, `settings-${++n}.json`);
  fs.writeFileSync(f, content);
  return f;
}

async function run(...more: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const before = sha(file);
  let stdout = "";
  let stderr = "";
  const code = await main(["check", file, "--as-at", "2020-06-15", "--no-color", "--json", ...more], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  expect(sha(file)).toBe(before);
  return { code, stdout, stderr };
}

describe("unknown keys are errors naming the key and the nearest known one", () => {
  test('"amberdays" at the top level', async () => {
    const s = settingsFile(JSON.stringify({ amberdays: 10 }));
    const r = await run("--settings", s);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `plan-monitor: The Plan Monitor settings are not valid: unknown setting "amberdays" (did you mean "amberDays"?); the settings there are "amberDays", "completeWords", "escalateRedSnapshots", "escalateDaysOverdue", "sheets", "healthAtRiskShare", "healthOffTrackShare".\n`,
    );
  });

  test('"colums" in a sheet\'s corrections', () => {
    expect(() => parseSettings({ sheets: { Plan: { headerRow: 1, colums: { action: "B" } } } })).toThrow(
      'The Plan Monitor settings are not valid: unknown setting "colums" in sheets.Plan (did you mean "columns"?); the settings there are "headerRow", "columns", "ignore".',
    );
  });

  test("a misspelt role in columns", () => {
    expect(() => parseSettings({ sheets: { Plan: { columns: { acton: "B" } } } })).toThrow(/unknown setting "acton" in sheets\.Plan\.columns \(did you mean "action"\?\)/);
  });

  test("every problem is named, not only the first", () => {
    expect(() => parseSettings({ amberdays: 1, escalateDays: 3 })).toThrow(/"amberdays".*"amberDays".*"escalateDays".*"escalateDaysOverdue"/);
  });

  test("nothing is suggested for a key nothing like a setting", () => {
    expect(nearestWord("zzzzzzzz", ["amberDays", "sheets"])).toBeUndefined();
  });
});

describe("rows and columns Excel does not have", () => {
  test("headerRow beyond 1,048,576", () => {
    expect(() => parseSettings({ sheets: { Plan: { headerRow: 1_048_577 } } })).toThrow("(sheets.Plan.headerRow) Excel's last row is 1,048,576");
    expect(parseSettings({ sheets: { Plan: { headerRow: 1_048_576 } } }).sheets.Plan.headerRow).toBe(1_048_576);
  });

  test("a column letter beyond XFD", () => {
    expect(() => parseSettings({ sheets: { Plan: { columns: { action: "XFE" } } } })).toThrow("(sheets.Plan.columns.action) Excel's last column is XFD");
    expect(() => parseSettings({ sheets: { Plan: { columns: { action: "ZZZ" } } } })).toThrow(/last column is XFD/);
    expect(() => parseSettings({ sheets: { Plan: { columns: { action: "AAAA" } } } })).toThrow(/capital letters, A to XFD/);
    expect(parseSettings({ sheets: { Plan: { columns: { action: "XFD" } } } }).sheets.Plan.columns?.action).toBe("XFD");
  });
});

describe("settings files", () => {
  test("a UTF-8 byte order mark is accepted", async () => {
    const s = settingsFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ amberDays: 5 }))]));
    const r = await run("--settings", s);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  test("a folder says so", async () => {
    const r = await run("--settings", dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`plan-monitor: --settings ${dir}: this is a folder, not a settings file; name the .json file inside it\n`);
  });

  test("/dev/zero is refused, not read for ever", async () => {
    const r = await run("--settings", "/dev/zero");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("plan-monitor: --settings /dev/zero: this is not a regular file, so it cannot be a settings file\n");
  });

  test("a sheet the workbook does not have is a warning naming the sheets it has", async () => {
    const s = settingsFile(JSON.stringify({ sheets: { Plann: { headerRow: 1 }, plan: { ignore: false } } }));
    const r = await run("--settings", s);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `plan-monitor: warning: the settings correct a sheet "Plann", which ${file} does not have; its sheets are "Plan", "Notes"\n` +
        `plan-monitor: warning: the settings correct a sheet "plan", which ${file} does not have (did you mean "Plan"? sheet names must match exactly); its sheets are "Plan", "Notes"\n`,
    );
  });
});
