// `npm test` is typecheck + lint + jest. These tests prove the first two catch what
// they are there for: tsc (with the project's own tsconfigs) rejects a type error and
// DOM code in the engine, and ESLint (with eslint.config.mjs) rejects a conditionally
// called hook and an Office.js property read without load/sync, while passing
// clean code. They run the real tools as child processes, on probe files kept in
// test-output/ (git-ignored), never in src/.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");
const ESLINT = path.join(ROOT, "node_modules/eslint/bin/eslint.js");

jest.setTimeout(180_000);

let dir: string;
beforeAll(() => {
  mkdirSync(path.join(ROOT, "test-output"), { recursive: true });
  dir = mkdtempSync(path.join(ROOT, "test-output", "probe-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** tsc --noEmit on one file, with a tsconfig that extends one of the project's. */
function tsc(base: string, name: string, source: string): { status: number | null; out: string } {
  const sub = mkdtempSync(path.join(dir, "tsc-"));
  writeFileSync(path.join(sub, name), source);
  writeFileSync(path.join(sub, "tsconfig.json"), JSON.stringify({ extends: path.join(ROOT, base), include: [name], compilerOptions: { noEmit: true } }));
  const r = spawnSync(process.execPath, [TSC, "--noEmit", "-p", path.join(sub, "tsconfig.json")], { cwd: ROOT, encoding: "utf8" });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

interface LintMessage {
  ruleId: string | null;
  severity: number;
  message: string;
}
/** ESLint with the project's config on source text, as if it were the file at `asPath`. */
function eslint(asPath: string, source: string): { status: number | null; messages: LintMessage[] } {
  const r = spawnSync(process.execPath, [ESLINT, "--format", "json", "--stdin", "--stdin-filename", path.join(ROOT, asPath)], {
    cwd: ROOT,
    input: source,
    encoding: "utf8",
  });
  const results = JSON.parse(r.stdout) as Array<{ messages: LintMessage[] }>;
  return { status: r.status, messages: results.flatMap((x) => x.messages) };
}

describe("npm test runs the type check and the lint before jest", () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };

  test("the test script is typecheck, then lint, then jest, each stopping the run when it fails", () => {
    expect(pkg.scripts.test).toBe("npm run -s typecheck && npm run -s lint && jest");
  });

  test("typecheck runs tsc --noEmit on every tsconfig in the project", () => {
    const configs = readdirSync(ROOT).filter((f) => /^tsconfig(\..+)?\.json$/.test(f));
    expect(configs.sort()).toEqual(["tsconfig.bench.json", "tsconfig.cli.json", "tsconfig.engine.json", "tsconfig.json"]);
    const steps = pkg.scripts.typecheck.split("&&").map((s) => s.trim());
    expect(steps.sort()).toEqual(configs.map((c) => `tsc --noEmit -p ${c}`).sort());
  });

  test("lint fails on warnings too", () => {
    expect(pkg.scripts.lint).toBe("eslint --max-warnings 0 .");
  });
});

describe("tsc", () => {
  test("rejects a type error with the main tsconfig", () => {
    const { status, out } = tsc("tsconfig.json", "bad.ts", 'export const n: number = "not a number";\n');
    expect(out).toMatch(/bad\.ts\(1,14\): error TS2322: Type 'string' is not assignable to type 'number'/);
    expect(status).not.toBe(0);
  });

  test("accepts the same file once it is right (the probe itself is sound)", () => {
    const { status, out } = tsc("tsconfig.json", "good.ts", "export const n: number = 1;\n");
    expect(out).toBe("");
    expect(status).toBe(0);
  });

  test("the engine's tsconfig has no DOM and no Node", () => {
    const { status, out } = tsc("tsconfig.engine.json", "dom.ts", "export const t = document.title;\nexport const e = process.env;\n");
    expect(out).toMatch(/dom\.ts\(1,18\): error TS2584: Cannot find name 'document'/);
    expect(out).toMatch(/dom\.ts\(2,18\): error TS2591: Cannot find name 'process'/);
    expect(status).not.toBe(0);
  });
});

describe("eslint", () => {
  test("rejects a hook called conditionally (react-hooks/rules-of-hooks)", () => {
    const source = [
      'import { useState } from "react";',
      "export function Probe({ show }: { show: boolean }) {",
      "  if (show) {",
      "    const [n] = useState(0);",
      "    return n;",
      "  }",
      "  return null;",
      "}",
      "",
    ].join("\n");
    const { status, messages } = eslint("src/taskpane/components/Probe.tsx", source);
    expect(messages).toEqual([expect.objectContaining({ ruleId: "react-hooks/rules-of-hooks", severity: 2 })]);
    expect(messages[0].message).toContain('React Hook "useState" is called conditionally');
    expect(status).toBe(1);
  });

  test("rejects an Office.js property read without load and sync (office-addins)", () => {
    const source = [
      "export async function probe(): Promise<string> {",
      "  return Excel.run(async (context) => {",
      "    const sheet = context.workbook.worksheets.getActiveWorksheet();",
      "    return sheet.name;",
      "  });",
      "}",
      "",
    ].join("\n");
    const { status, messages } = eslint("src/excel/probe.ts", source);
    const rules = messages.map((m) => m.ruleId);
    expect(rules).toContain("office-addins/load-object-before-read");
    expect(rules).toContain("office-addins/call-sync-before-read");
    expect(status).toBe(1);
  });

  test("passes the same code written properly", () => {
    const hook = [
      'import { useState } from "react";',
      "export function Probe({ show }: { show: boolean }) {",
      "  const [n] = useState(0);",
      "  return show ? n : null;",
      "}",
      "",
    ].join("\n");
    expect(eslint("src/taskpane/components/Probe.tsx", hook)).toEqual({ status: 0, messages: [] });
    const office = [
      "export async function probe(): Promise<string> {",
      "  return Excel.run(async (context) => {",
      "    const sheet = context.workbook.worksheets.getActiveWorksheet();",
      '    sheet.load("name");',
      "    await context.sync();",
      "    return sheet.name;",
      "  });",
      "}",
      "",
    ].join("\n");
    expect(eslint("src/excel/probe.ts", office)).toEqual({ status: 0, messages: [] });
  });
});
