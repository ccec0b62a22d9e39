// Browser-test plumbing: build the demo page with webpack (programmatic API,
// production) into a fresh temporary directory, serve it from a tiny http server on 127.0.0.1 at
// a random port, and launch Debian's Chromium through playwright-core (never a
// downloaded browser).
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromiumPath } from "../helpers/requires";
import { tempDir } from "../helpers/tempDir";

export const ROOT = path.resolve(__dirname, "../..");
export const OUTPUT = path.join(ROOT, "test-output");
export const SCREENSHOTS = path.join(OUTPUT, "screenshots");
/** Overridable with PLAN_MONITOR_CHROMIUM (or CHROMIUM_PATH): see test/helpers/requires.ts. */
export const CHROMIUM = chromiumPath();
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** A fresh directory for one run's build (runs at the same time never share one). */
export const newSiteDir = (): string => tempDir("demo");

/** Build the demo page (production) into outDir; rejects with webpack's errors. */
export async function buildDemo(outDir: string): Promise<void> {
  const webpack = require("webpack") as typeof import("webpack");
  const { buildDemoConfig } = require(path.join(ROOT, "webpack.config.js")) as {
    buildDemoConfig(o: { production: boolean; outDir: string }): import("webpack").Configuration;
  };
  const config = buildDemoConfig({ production: true, outDir });
  config.devtool = false; // no source maps: faster, and the tests do not read them
  config.infrastructureLogging = { level: "error" };
  config.stats = "errors-warnings";
  await new Promise<void>((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((err, stats) => {
      compiler.close(() => {
        if (err) return reject(err);
        if (!stats || stats.hasErrors()) return reject(new Error(`The demo build failed:\n${stats?.toString("errors-only")}`));
        resolve();
      });
    });
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface Site {
  origin: string;
  close(): Promise<void>;
}

/** Serve a directory on 127.0.0.1 at a random free port. */
export async function serve(dir: string): Promise<Site> {
  const base = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    if (pathname.endsWith("/")) pathname += "index.html";
    const file = path.resolve(base, `.${pathname}`);
    if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
