// Runs scripts/validate-manifest.mjs (offline only) on the real manifest and on broken copies.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(__dirname, "../..");
const script = join(root, "scripts", "validate-manifest.mjs");
const manifestPath = join(root, "manifest.xml");
const original = readFileSync(manifestPath, "utf8");

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "plan-monitor-manifest-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function validate(file: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [script, file], {
    cwd: root,
    encoding: "utf8",
    timeout: 15000,
    env: { ...process.env, PLAN_MONITOR_SKIP_ONLINE: "1" },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Writes a copy of the real manifest with one edit; fails if the edit did not apply. */
function brokenCopy(name: string, edit: (xml: string) => string): string {
  const xml = edit(original);
  expect(xml).not.toBe(original);
  const file = join(dir, name);
  writeFileSync(file, xml);
  return file;
}

test("the real manifest passes every offline check", () => {
  const { status, out } = validate(manifestPath);
  expect(out).toMatch(/^PASS {2}well-formed XML/m);
  expect(out).toMatch(/^PASS {2}schema: valid against OfficeAppManifestV1_1\.xsd/m);
  for (const check of ["Id", "Host", "Permissions", "Requirements", "https URLs", "AppDomains", "icon files", "resource ids", "string lengths"]) {
    expect(out).toMatch(new RegExp(`^PASS {2}${check}:`, "m"));
  }
  expect(out).not.toMatch(/^FAIL/m);
  expect(out).toContain("online validator: skipped");
  expect(out).toMatch(/^manifest OK$/m);
  expect(status).toBe(0);
});

test("missing <Permissions> fails", () => {
  const file = brokenCopy("no-permissions.xml", (x) => x.replace("<Permissions>ReadWriteDocument</Permissions>", ""));
  const { status, out } = validate(file);
  expect(out).toMatch(/^FAIL {2}Permissions: <Permissions> is missing; expected ReadWriteDocument/m);
  expect(out).toMatch(/^FAIL {2}schema:/m);
  expect(out).toContain("Expected is ( {http://schemas.microsoft.com/office/appforoffice/1.1}Permissions )");
  expect(status).toBe(1);
});

test("a wrong permission (ReadWriteMailbox) fails", () => {
  const file = brokenCopy("mailbox-permission.xml", (x) => x.replace("<Permissions>ReadWriteDocument<", "<Permissions>ReadWriteMailbox<"));
  const { status, out } = validate(file);
  expect(out).toMatch(/^FAIL {2}Permissions: is "ReadWriteMailbox"; expected exactly ReadWriteDocument/m);
  expect(out).toContain("The value 'ReadWriteMailbox' is not an element of the set");
  expect(status).toBe(1);
});

test("an http:// URL fails", () => {
  const file = brokenCopy("http-url.xml", (x) =>
    x.replace('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>', '<SourceLocation DefaultValue="http://localhost:3000/taskpane.html"/>'),
  );
  const { status, out } = validate(file);
  expect(out).toMatch(/^FAIL {2}https URLs: 1 URL\(s\) are not https/m);
  expect(out).toContain('DefaultSettings/SourceLocation: "http://localhost:3000/taskpane.html" is not https');
  expect(status).toBe(1);
});

test("an icon that does not exist in assets/ fails", () => {
  const file = brokenCopy("missing-icon.xml", (x) => x.replace("assets/icon-80.png", "assets/icon-99.png"));
  const { status, out } = validate(file);
  expect(out).toMatch(/^FAIL {2}icon files:/m);
  expect(out).toMatch(/https:\/\/localhost:3000\/assets\/icon-99\.png -> .*icon-99\.png does not exist/);
  expect(status).toBe(1);
});

test("malformed XML fails before the other checks", () => {
  const file = brokenCopy("malformed.xml", (x) => x.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteDocument</Permission>"));
  const { status, out } = validate(file);
  expect(out).toMatch(/^FAIL {2}well-formed XML: the file is not well-formed XML/m);
  expect(out).toContain("Opening and ending tag mismatch: Permissions");
  expect(out).toMatch(/^SKIP {2}project checks/m);
  expect(out).not.toMatch(/^PASS/m);
  expect(status).toBe(1);
});

test("an element the schema does not know fails", () => {
  const file = brokenCopy("unknown-element.xml", (x) => x.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteDocument</Permissions>\n  <Runtimes/>"));
  const { status, out } = validate(file);
  expect(out).toMatch(/^FAIL {2}schema: 1 error\(s\) against OfficeAppManifestV1_1\.xsd/m);
  expect(out).toContain("Element '{http://schemas.microsoft.com/office/appforoffice/1.1}Runtimes': This element is not expected");
  expect(status).toBe(1);
});

test("a resid with no resource fails", () => {
  const file = brokenCopy("missing-resid.xml", (x) => x.replace('<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Taskpane.Nope"/>'));
  const { status, out } = validate(file);
  expect(out).toMatch(/^FAIL {2}resource ids:/m);
  expect(out).toContain('refers to resid "Taskpane.Nope", which is not defined in <Resources>');
  expect(status).toBe(1);
});

test("a ShortString over 125 characters fails", () => {
  const file = brokenCopy("long-string.xml", (x) => x.replace('DefaultValue="Check plan"', `DefaultValue="${"x".repeat(126)}"`));
  const { status, out } = validate(file);
  expect(out).toMatch(/^FAIL {2}string lengths:/m);
  expect(out).toContain('bt:ShortStrings "CheckPlan.Label" DefaultValue is 126 chars (max 125)');
  expect(status).toBe(1);
});
