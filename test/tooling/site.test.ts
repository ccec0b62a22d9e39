// The production site for a hosting origin (ADDIN_ORIGIN=... npm run build → dist/site):
// the manifest rewrite on its own (scripts/site-manifest.cjs), then a real webpack build
// for a made-up origin, validated offline by scripts/validate-manifest.mjs like the
// development manifest, with every URL under the origin and every URL a built file.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Configuration } from "webpack";

const ROOT = path.resolve(__dirname, "../..");
const ORIGIN = "https://addins.example.org/pm";
const DEV_MANIFEST = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const PKG_VERSION = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;

const { checkOrigin, manifestVersion, siteManifest } = require(path.join(ROOT, "scripts/site-manifest.cjs")) as {
  checkOrigin(origin: string): string;
  manifestVersion(version: string): string;
  siteManifest(xml: string, o: { origin: string; version: string }): string;
};

/** Every URL the manifest holds in an attribute value (DefaultValue, Value). */
const urlsIn = (xml: string): string[] => [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]*)"/g)].map((m) => m[1]);

function validate(file: string, ...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/validate-manifest.mjs"), file, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, PLAN_MONITOR_SKIP_ONLINE: "1" },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("the manifest rewrite", () => {
  test("moves every URL to the origin, leaves no localhost and takes package.json's version", () => {
    const xml = siteManifest(DEV_MANIFEST, { origin: ORIGIN, version: PKG_VERSION });
    const urls = urlsIn(xml);
    expect(urls.length).toBe(urlsIn(DEV_MANIFEST).length);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const u of urls) expect(u.startsWith(`${ORIGIN}/`)).toBe(true);
    expect(xml).not.toMatch(/localhost/i);
    expect(xml).toContain(`<SupportUrl DefaultValue="${ORIGIN}/support.html"/>`);
    expect(xml).toContain(`<SourceLocation DefaultValue="${ORIGIN}/taskpane.html"/>`);
    expect(xml.match(/<Version>([^<]*)<\/Version>/)?.[1]).toBe(`${PKG_VERSION}.0`);
    // Nothing but the URLs, the version and the header comment changes.
    const strip = (x: string) => x.replace(/<!--[\s\S]*?-->/, "").replace(/https:\/\/[^/"]+(\/pm)?\//g, "URL/").replace(/<Version>[^<]*</, "<Version><");
    expect(strip(xml)).toBe(strip(DEV_MANIFEST));
  });

  test("a bumped version goes into the manifest as four numbers", () => {
    expect(siteManifest(DEV_MANIFEST, { origin: ORIGIN, version: "2.13.4" })).toContain("<Version>2.13.4.0</Version>");
    expect(manifestVersion("1.0.0-rc.1")).toBe("1.0.0.0");
    expect(() => manifestVersion("1.2")).toThrow('package.json version "1.2" is not MAJOR.MINOR.PATCH');
    expect(() => manifestVersion("1.70000.0")).toThrow("at most 65535");
  });

  test("the origin must be a plain https address that is not this machine", () => {
    expect(checkOrigin("https://addins.example.org/plan-monitor/")).toBe("https://addins.example.org/plan-monitor");
    expect(checkOrigin("https://ADDINS.example.org")).toBe("https://addins.example.org");
    expect(() => checkOrigin("http://addins.example.org")).toThrow("is not https");
    expect(() => checkOrigin("addins.example.org")).toThrow("is not an absolute URL");
    expect(() => checkOrigin("https://localhost:3000")).toThrow("is this machine");
    expect(() => checkOrigin("https://addins.example.org/pm?x=1")).toThrow("has a query or fragment");
    expect(() => checkOrigin("")).toThrow("is not an absolute URL");
  });

  test("webpack builds dist/site with the rewrite only when ADDIN_ORIGIN is set", async () => {
    const config = require(path.join(ROOT, "webpack.config.js")) as ((env: object, argv: object) => Promise<Configuration>) & { SITE_DIR: string };
    const saved = process.env.ADDIN_ORIGIN;
    try {
      delete process.env.ADDIN_ORIGIN;
      const dev = await config({}, { mode: "production" });
      expect(dev.output?.path).toBe(path.join(ROOT, "dist/taskpane"));
      process.env.ADDIN_ORIGIN = "https://addins.example.org/pm/";
      const site = await config({}, { mode: "production" });
      expect(site.output?.path).toBe(path.join(ROOT, config.SITE_DIR));
      expect(config.SITE_DIR).toBe("dist/site");
      await expect(config({}, { mode: "development" })).rejects.toThrow("ADDIN_ORIGIN is for production builds");
      process.env.ADDIN_ORIGIN = "http://addins.example.org";
      await expect(config({}, { mode: "production" })).rejects.toThrow("is not https");
    } finally {
      if (saved === undefined) delete process.env.ADDIN_ORIGIN;
      else process.env.ADDIN_ORIGIN = saved;
    }
  });
});

describe("a production build for https://addins.example.org/pm", () => {
  let site: string;

  beforeAll(async () => {
    site = mkdtempSync(path.join(os.tmpdir(), "plan-monitor-site-"));
    const webpack = require("webpack") as typeof import("webpack");
    const { buildConfig } = require(path.join(ROOT, "webpack.config.js")) as {
      buildConfig(o: { production: boolean; origin: string; outDir: string }): Configuration;
    };
    const config = buildConfig({ production: true, origin: ORIGIN, outDir: site });
    config.devtool = false; // faster; the test reads no source maps
    config.infrastructureLogging = { level: "error" };
    config.stats = "errors-warnings";
    await new Promise<void>((resolve, reject) => {
      const compiler = webpack(config);
      compiler.run((err, stats) => {
        compiler.close(() => {
          if (err) return reject(err);
          if (!stats || stats.hasErrors()) return reject(new Error(`The site build failed:\n${stats?.toString("errors-only")}`));
          resolve();
        });
      });
    });
  }, 300_000);

  afterAll(() => {
    if (site) rmSync(site, { recursive: true, force: true });
  });

  test("its manifest validates offline, every URL is under the origin and is a file of the site", () => {
    const { status, out } = validate(path.join(site, "manifest.xml"), "--origin", ORIGIN, "--site", site);
    for (const check of ["well-formed XML", "schema", "Id", "Host", "Permissions", "Requirements", "https URLs", "icon files", "resource ids", "string lengths", "origin", "site files"]) {
      expect(out).toMatch(new RegExp(`^PASS {2}${check}:`, "m"));
    }
    expect(out).toContain(`PASS  origin: 8 URL(s), all under ${ORIGIN}/`);
    expect(out).toContain("assets/icon-16.png, assets/icon-32.png, assets/icon-64.png, assets/icon-80.png, support.html, taskpane.html");
    expect(out).not.toMatch(/^FAIL/m);
    expect(out).toMatch(/^manifest OK$/m);
    expect(status).toBe(0);

    const xml = readFileSync(path.join(site, "manifest.xml"), "utf8");
    for (const u of urlsIn(xml)) expect(u.startsWith(`${ORIGIN}/`)).toBe(true);
    expect(xml).not.toMatch(/localhost/i);
    expect(xml).toContain(`<Version>${PKG_VERSION}.0</Version>`);
  });

  test("the pages mention no localhost; the support page is plain help with no script", () => {
    const pane = readFileSync(path.join(site, "taskpane.html"), "utf8");
    expect(pane).not.toMatch(/localhost/i);
    expect(pane).toContain("connect-src 'self';");
    const support = readFileSync(path.join(site, "support.html"), "utf8");
    expect(support).toContain("<title>Plan Monitor – help</title>");
    expect(support).toContain("What the colours mean");
    expect(support).toContain("Check plan");
    expect(support).not.toMatch(/<script/i);
    expect(support).toContain("default-src 'none'");
    expect(existsSync(path.join(site, "support.css"))).toBe(true);
  });

  test("the development manifest.xml is left as it is, pointing at localhost", () => {
    expect(readFileSync(path.join(ROOT, "manifest.xml"), "utf8")).toBe(DEV_MANIFEST);
    for (const u of urlsIn(DEV_MANIFEST)) expect(u.startsWith("https://localhost:3000/")).toBe(true);
  });

  test("the validator fails a URL off the origin and a URL with no file", () => {
    const xml = readFileSync(path.join(site, "manifest.xml"), "utf8");
    const offOrigin = path.join(site, "off-origin.xml");
    writeFileSync(offOrigin, xml.replace(`<SupportUrl DefaultValue="${ORIGIN}/support.html"/>`, '<SupportUrl DefaultValue="https://elsewhere.example.com/help"/>'));
    const a = validate(offOrigin, "--origin", ORIGIN, "--site", site);
    expect(a.out).toMatch(/^FAIL {2}origin: 1 problem\(s\)/m);
    expect(a.out).toContain('OfficeApp/SupportUrl: "https://elsewhere.example.com/help" is not under https://addins.example.org/pm/');
    expect(a.status).toBe(1);

    const noFile = path.join(site, "no-file.xml");
    writeFileSync(noFile, xml.split(`${ORIGIN}/support.html`).join(`${ORIGIN}/help.html`));
    const b = validate(noFile, "--origin", ORIGIN, "--site", site);
    expect(b.out).toMatch(/^FAIL {2}site files: 1 URL\(s\) with no file in /m);
    expect(b.out).toContain(`OfficeApp/SupportUrl: ${ORIGIN}/help.html -> ${path.join(site, "help.html")} does not exist`);
    expect(b.status).toBe(1);
  });
});
