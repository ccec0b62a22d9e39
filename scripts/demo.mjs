#!/usr/bin/env node
// npm run demo: build the demo page (the real task pane on an in-memory Excel, see
// tools/demo/) and serve it on http://localhost:3001 (or $PORT). Works on a fresh clone
// after `npm ci`: no other build is needed first.
//
//   npm run demo                      development build into dist/demo, then serve it
//   npm run demo -- --watch           rebuild when the sources change (reload the page)
//   npm run demo -- --production      production build
//   PORT=4000 npm run demo            another port (HOST=0.0.0.0 to serve other machines)
//
// The demo is a development and test tool, never deployed: its output carries
// Microsoft's Office.js Excel client, copied from node_modules at build time.
import * as fs from "node:fs";
import * as http from "node:http";
import * as path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT_DIR = path.join(ROOT, "dist", "demo");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".txt": "text/plain; charset=utf-8",
};

/** A tiny static file server for one directory (GET and HEAD only, nothing outside the directory). */
export function createStaticServer(dir) {
  const base = path.resolve(dir);
  return http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname.endsWith("/")) pathname += "index.html";
    const file = path.resolve(base, `.${pathname}`);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": st.size,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
}

function parseArgs(argv) {
  const opts = { production: false, watch: false };
  for (const a of argv) {
    if (a === "--production") opts.production = true;
    else if (a === "--watch") opts.watch = true;
    else if (a === "-h" || a === "--help") {
      console.log("Usage: npm run demo [-- --watch] [-- --production]   (PORT, HOST from the environment)");
      process.exit(0);
    } else {
      console.error(`Unknown option ${a}. Try --help.`);
      process.exit(2);
    }
  }
  return opts;
}

function report(stats) {
  const text = stats.toString({ preset: "errors-warnings", colors: process.stdout.isTTY });
  if (text.trim()) console.log(text);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const webpack = require("webpack");
  const { buildDemoConfig } = require(path.join(ROOT, "webpack.config.js"));
  const config = buildDemoConfig({ production: opts.production, outDir: OUT_DIR });
  config.infrastructureLogging = { level: "warn" };
  const compiler = webpack(config);

  console.log(`[demo] Building the demo page (${opts.production ? "production" : "development"})…`);
  const started = Date.now();
  await new Promise((resolve) => {
    let first = true;
    const done = (err, stats) => {
      if (err) {
        console.error(`[demo] The build failed: ${err.message}`);
        if (first) process.exit(1);
        return;
      }
      report(stats);
      if (stats.hasErrors()) {
        console.error("[demo] The build has errors (above).");
        if (first) process.exit(1);
        return;
      }
      if (first) console.log(`[demo] Built into ${path.relative(ROOT, OUT_DIR)}/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      else console.log("[demo] Rebuilt: reload the page.");
      if (first) {
        first = false;
        resolve();
      }
    };
    if (opts.watch) compiler.watch({ aggregateTimeout: 300 }, done);
    else compiler.run((err, stats) => compiler.close(() => done(err, stats)));
  });

  const port = Number(process.env.PORT || 3001);
  const host = process.env.HOST || "127.0.0.1";
  const server = createStaticServer(OUT_DIR);
  server.on("error", (e) => {
    if (e.code === "EADDRINUSE") console.error(`[demo] Port ${port} is in use. Run with another port, e.g. PORT=${port + 1} npm run demo`);
    else console.error(`[demo] The server could not start: ${e.message}`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    const shown = host === "127.0.0.1" || host === "0.0.0.0" || host === "::" ? "localhost" : host;
    console.log(`[demo] Plan Monitor demo: http://${shown}:${server.address().port}/`);
    console.log("[demo] Open it in a browser. Press Ctrl+C to stop.");
  });
  const stop = () => {
    server.closeAllConnections?.();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 500).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`[demo] ${e && e.stack ? e.stack : e}`);
    process.exit(1);
  });
}
