// Security: no eval in our code, a Content-Security-Policy on the task pane that
// forbids off-origin requests, and a manifest that asks for no more than it needs.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [full] : [];
  });
}

// Test and demo tooling only, never part of the add-in: it runs Microsoft's Excel
// client script inside a jsdom or demo window (see tools/excel-sim/officeRuntime.ts).
const ALLOWED = new Set(["tools/excel-sim/officeRuntime.ts"]);

test("no eval or new Function anywhere in src/ or tools/ (outside the in-memory Excel's script loader)", () => {
  const offenders = [...sourceFiles(path.join(root, "src")), ...sourceFiles(path.join(root, "tools"))].filter((file) => {
    if (ALLOWED.has(path.relative(root, file).split(path.sep).join("/"))) return false;
    const code = readFileSync(file, "utf8").replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "");
    return /\beval\s*\(|new\s+Function\s*\(/.test(code);
  });
  expect(offenders).toEqual([]);
});

test("what ships (src/) never imports the in-memory Excel, the demo or anything else under tools/", () => {
  const shipped = sourceFiles(path.join(root, "src"));
  const importsTools = shipped.filter((file) => /(from\s+|import\s*\(\s*)["'](\.\.\/)+tools\//.test(readFileSync(file, "utf8")));
  expect(importsTools.map((f) => path.relative(root, f))).toEqual([]);
  expect(shipped.length).toBeGreaterThan(50);
});

test("the task pane's CSP allows scripts only from itself and Office.js's CDN, and connections only to itself", () => {
  // webpack.config.js builds the policy the HTML template carries.
  const { contentSecurityPolicy } = require(path.join(root, "webpack.config.js")) as { contentSecurityPolicy?: (o: { production: boolean }) => string };
  const html = readFileSync(path.join(root, "src/taskpane/taskpane.html"), "utf8");
  expect(html).toMatch(/<meta http-equiv="Content-Security-Policy"/);
  expect(typeof contentSecurityPolicy).toBe("function");
  const policy = contentSecurityPolicy!({ production: true });
  const directive = (name: string) => (policy.split(";").map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? "").split(/\s+/).slice(1);
  expect(directive("default-src")).toEqual(["'self'"]);
  expect(directive("script-src").sort()).toEqual(["'self'", "https://appsforoffice.microsoft.com"].sort());
  expect(directive("connect-src")).toEqual(["'self'"]);
  expect(policy).not.toMatch(/unsafe-eval/);
  expect(directive("script-src")).not.toContain("'unsafe-inline'");
});

test("the manifest asks for ReadWriteDocument and nothing more", () => {
  const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");
  expect(manifest.match(/<Permissions>([^<]*)<\/Permissions>/)?.[1]).toBe("ReadWriteDocument");
  expect(execFileSync(process.execPath, [path.join(root, "scripts/validate-manifest.mjs"), path.join(root, "manifest.xml")], {
    env: { ...process.env, PLAN_MONITOR_SKIP_ONLINE: "1" },
    encoding: "utf8",
  })).toMatch(/Permissions/);
});
