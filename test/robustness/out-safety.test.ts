// `check FILE --out OUT` when OUT is hostile or mistaken: the same file by another
// path or link, a hard link, a folder, someone else's workbook, a missing folder,
// a failing disk. Each run checks FILE is byte for byte unchanged, and that no
// temporary file is left behind.
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { main } from "../../src/cli/main";
import { isPlanMonitorOutput } from "../../src/cli/out";
import { ACTIONS, HEADER } from "../helpers/fixtures";
import { testUnlessRoot } from "../helpers/requires";
import { tempDir } from "../helpers/tempDir";

const AS_AT = "2020-06-15";
let dir: string;
let plan: Buffer;

async function planBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Plan");
  ws.addRow(HEADER);
  for (const r of ACTIONS) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  plan = await planBytes();
});
beforeEach(() => {
  dir = tempDir("out");
});
afterEach(() => {
  jest.restoreAllMocks();
  // No temporary file of ours is ever left next to OUT.
  const leftovers = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? leftovers(path.join(d, e.name)) : e.name.endsWith(".tmp") ? [e.name] : []));
  expect(leftovers(dir)).toEqual([]);
});

const sha = (file: string): string => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

function planFile(name = "plan.xlsx"): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, plan);
  return file;
}

async function run(file: string, ...more: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const before = fs.existsSync(file) && fs.statSync(file).isFile() ? sha(file) : null;
  let stdout = "";
  let stderr = "";
  const code = await main(["check", file, "--as-at", AS_AT, "--no-color", ...more], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  if (before !== null) expect(sha(file)).toBe(before);
  return { code, stdout, stderr };
}

describe("--out is never the workbook being checked", () => {
  test("the same file by another path is refused", async () => {
    const file = planFile();
    const r = await run(file, "--out", path.join(dir, "sub", "..", "plan.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out must name a new file/);
  });

  test("OUT a symbolic link to FILE is refused, naming OUT", async () => {
    const file = planFile();
    const out = path.join(dir, "copy.xlsx");
    fs.symlinkSync(file, out);
    const r = await run(file, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`plan-monitor: --out ${out}: this is the workbook being checked (${file}), by another name or link; Plan Monitor never changes the workbook it checks, so name a new file\n`);
    expect(fs.lstatSync(out).isSymbolicLink()).toBe(true);
  });

  test("FILE a symbolic link to OUT is refused", async () => {
    const out = planFile("real.xlsx");
    const file = path.join(dir, "link.xlsx");
    fs.symlinkSync(out, file);
    const r = await run(file, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/this is the workbook being checked/);
    expect(sha(out)).toBe(createHash("sha256").update(plan).digest("hex"));
  });

  test("OUT a symbolic link to a folder holding FILE under the same name is refused", async () => {
    const file = planFile();
    fs.symlinkSync(dir, path.join(dir, "alias"));
    const r = await run(file, "--out", path.join(dir, "alias", "plan.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/this is the workbook being checked/);
  });

  test("OUT a hard link to FILE is refused", async () => {
    const file = planFile();
    const out = path.join(dir, "hard.xlsx");
    fs.linkSync(file, out);
    const r = await run(file, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^plan-monitor: --out .*hard\.xlsx: this is the workbook being checked/);
  });

  test("OUT a symbolic link to some other file is refused (it would replace the link, not the file)", async () => {
    const file = planFile();
    const other = planFile("other.xlsx");
    const out = path.join(dir, "link.xlsx");
    fs.symlinkSync(other, out);
    const r = await run(file, "--out", out, "--force");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/this is a symbolic link/);
  });
});

describe("--out does not replace what it should not", () => {
  test("an existing workbook Plan Monitor did not write is kept unless --force", async () => {
    const file = planFile();
    const out = planFile("mine.xlsx");
    const before = sha(out);
    const r = await run(file, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`plan-monitor: --out ${out}: a file of that name exists and was not written by Plan Monitor; pass --force to replace it, or name a new file\n`);
    expect(sha(out)).toBe(before);
    const forced = await run(file, "--out", out, "--force");
    expect(forced.code).toBe(0);
    expect(isPlanMonitorOutput(fs.readFileSync(out))).toBe(true);
  });

  test("a Plan Monitor output is replaced without --force", async () => {
    const file = planFile();
    const out = path.join(dir, "out.xlsx");
    expect((await run(file, "--out", out)).code).toBe(0);
    expect(isPlanMonitorOutput(fs.readFileSync(out))).toBe(true);
    const again = await run(file, "--out", out);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/wrote .*out\.xlsx/);
  });

  test("a non-workbook file (a CSV renamed .xlsx) is not replaced without --force", async () => {
    const file = planFile();
    const out = path.join(dir, "notes.xlsx");
    fs.writeFileSync(out, "a,b\n1,2\n");
    expect((await run(file, "--out", out)).code).toBe(2);
    expect(fs.readFileSync(out, "utf8")).toBe("a,b\n1,2\n");
  });

  test.each(["copy.csv", "copy.xls", "copy", "copy.xlsx.txt"])("OUT %s (not .xlsx/.xlsm) is refused", async (name) => {
    const file = planFile();
    const out = path.join(dir, name);
    const r = await run(file, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`plan-monitor: --out ${out}: the copy must be an Excel workbook whose name ends .xlsx or .xlsm\n`);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("OUT.XLSM and .XLSX in capitals are accepted", async () => {
    const file = planFile();
    expect((await run(file, "--out", path.join(dir, "COPY.XLSX"))).code).toBe(0);
  });
});

describe("write errors name OUT, not FILE", () => {
  test("a missing folder", async () => {
    const file = planFile();
    const out = path.join(dir, "nowhere", "copy.xlsx");
    const r = await run(file, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`plan-monitor: --out ${out}: the folder ${path.join(dir, "nowhere")} does not exist; make it first or choose another place for the copy\n`);
  });

  test("OUT is a folder", async () => {
    const file = planFile();
    const out = path.join(dir, "folder.xlsx");
    fs.mkdirSync(out);
    const r = await run(file, "--out", out, "--force");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^plan-monitor: --out ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: this is a folder`));
    expect(r.stderr).not.toContain(`${file}:`);
  });

  test("a path through a file (not a folder)", async () => {
    const file = planFile();
    const out = path.join(file, "copy.xlsx");
    const r = await run(file, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^plan-monitor: --out .*plan\.xlsx\/copy\.xlsx: .*is not a folder\n$/);
  });

  testUnlessRoot("a folder without write permission", async () => {
    const file = planFile();
    const locked = path.join(dir, "locked");
    fs.mkdirSync(locked, 0o555);
    const out = path.join(locked, "copy.xlsx");
    const r = await run(file, "--out", out);
    fs.chmodSync(locked, 0o755);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/--out .*copy\.xlsx: could not write the copy \(permission denied/);
  });

  test("a full disk while writing: the old OUT is untouched and the temporary file removed", async () => {
    const file = planFile();
    const out = path.join(dir, "out.xlsx");
    expect((await run(file, "--out", out)).code).toBe(0);
    const before = sha(out);
    const full = Object.assign(new Error("ENOSPC: no space left on device, rename"), { code: "ENOSPC" });
    jest.spyOn(fsp, "rename").mockRejectedValueOnce(full);
    const r = await run(file, "--out", out, "--as-at", "2021-01-01");
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`plan-monitor: --out ${out}: could not write the copy (the disk is full); nothing was written there\n`);
    expect(sha(out)).toBe(before);
  });
});

describe("FILE that is not a regular file", () => {
  test("/dev/zero is refused at once", async () => {
    const r = await run("/dev/zero");
    expect(r.code).toBe(3);
    expect(r.stderr).toBe("plan-monitor: /dev/zero: this is not a regular file (a device, pipe or socket), so it cannot be a workbook\n");
  });
  test("a folder", async () => {
    const r = await run(dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`plan-monitor: ${dir}: this is a folder, not a workbook\n`);
  });
});
