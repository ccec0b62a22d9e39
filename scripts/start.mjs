#!/usr/bin/env node
// npm start: run Plan Monitor's task pane for development.
//
// - Excel desktop installed (Windows, macOS): `office-addin-debugging start manifest.xml`
//   when that tool is installed (it starts the dev server and sideloads the add-in into
//   Excel); otherwise start the dev server and print how to sideload manifest.xml.
// - No Excel (Linux, CI, or --no-excel): start the dev server for the task pane
//   (https://localhost:3000, the manifest's URLs), print how to sideload it into Excel
//   on the web, and start the demo (the real task pane on an in-memory Excel, no Excel
//   needed; http://localhost:3001, or $DEMO_PORT), printing its address.
//
//   npm start                 as above
//   npm start -- --no-excel   the Linux path even where Excel is installed
//   npm start -- --demo-only  only the demo (same as npm run demo)
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const TASKPANE_URL = "https://localhost:3000/taskpane.html";
const args = new Set(process.argv.slice(2));

function excelDesktop() {
  if (process.platform === "win32") {
    const roots = [process.env.ProgramFiles, process.env["ProgramFiles(x86)"], process.env.ProgramW6432].filter(Boolean);
    for (const r of roots)
      for (const v of ["root\\Office16", "root\\Office15", "Office16", "Office15"]) {
        const exe = path.join(r, "Microsoft Office", v, "EXCEL.EXE");
        if (fs.existsSync(exe)) return exe;
      }
    return null;
  }
  if (process.platform === "darwin") {
    for (const app of ["/Applications/Microsoft Excel.app", path.join(os.homedir(), "Applications/Microsoft Excel.app")]) if (fs.existsSync(app)) return app;
  }
  return null;
}

function localBin(pkg, bin) {
  try {
    const pj = require.resolve(`${pkg}/package.json`, { paths: [ROOT] });
    const meta = JSON.parse(fs.readFileSync(pj, "utf8"));
    const rel = typeof meta.bin === "string" ? meta.bin : meta.bin?.[bin ?? pkg];
    return rel ? path.join(path.dirname(pj), rel) : null;
  } catch {
    return null;
  }
}

const children = [];
/** Run a Node script as a child, its output prefixed; onLine sees each line. */
function run(label, script, scriptArgs, { env = {}, onLine } = {}) {
  const child = spawn(process.execPath, [script, ...scriptArgs], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    let buf = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk) => {
      buf += chunk;
      const lines = buf.split("\n");
      buf = lines.pop();
      for (const line of lines) {
        out.write(line.startsWith(`[${label}]`) ? `${line}\n` : `[${label}] ${line}\n`);
        onLine?.(line);
      }
    });
  }
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[start] ${label} stopped (${signal ?? `exit code ${code}`}).`);
    stop(code || 1);
  });
  return child;
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGTERM");
  setTimeout(() => process.exit(code), 300).unref();
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

function startDevServer(onReady) {
  const cli = localBin("webpack-cli", "webpack-cli");
  if (!cli) {
    console.error("[start] webpack-cli is not installed: run `npm ci` first.");
    process.exit(1);
  }
  let ready = false;
  return run("task pane", cli, ["serve", "--mode", "development"], {
    onLine: (line) => {
      if (!ready && /compiled (successfully|with \d+ warnings?)/.test(line)) {
        ready = true;
        onReady();
      }
    },
  });
}

function startDemo(onReady) {
  let ready = false;
  const env = process.env.DEMO_PORT ? { PORT: process.env.DEMO_PORT } : {};
  return run("demo", path.join(ROOT, "scripts", "demo.mjs"), [], {
    env,
    onLine: (line) => {
      const m = /Plan Monitor demo: (\S+)/.exec(line);
      if (!ready && m) {
        ready = true;
        onReady(m[1]);
      }
    },
  });
}

const SIDELOAD_WEB = [
  "Try the add-in in Excel on the web:",
  "  1. Keep this running. In the browser you will use, open " + TASKPANE_URL,
  "     once and accept the development certificate (or run `npx office-addin-dev-certs install`).",
  "  2. Open a workbook in Excel on the web (https://www.office.com).",
  "  3. Insert > Add-ins (or Home > Add-ins > More Add-ins) > Upload My Add-in,",
  `     then choose ${path.relative(process.cwd(), MANIFEST) || "manifest.xml"}.`,
  "  4. Plan Monitor appears on the Home tab: open it and choose Check this workbook.",
];

function sideloadDesktop() {
  if (process.platform === "darwin")
    return [
      "Sideload into Excel for Mac:",
      "  copy manifest.xml into ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/",
      "  (create the folder if needed), restart Excel, then Insert > Add-ins > My Add-ins.",
    ];
  return [
    "Sideload into Excel for Windows:",
    "  share a folder holding manifest.xml, add its \\\\server\\share path under File > Options >",
    "  Trust Center > Trust Center Settings > Trusted Add-in Catalogs (Show in Menu), restart Excel,",
    "  then Insert > Add-ins > My Add-ins > Shared Folder > Plan Monitor.",
    "  (Or install office-addin-debugging and run npm start again: it sideloads for you.)",
  ];
}

function banner(lines) {
  console.log(["", "=".repeat(72), ...lines, "=".repeat(72), ""].join("\n"));
}

function main() {
  if (args.has("--help") || args.has("-h")) {
    console.log("Usage: npm start [-- --no-excel | --demo-only]");
    return;
  }
  if (args.has("--demo-only")) {
    startDemo((url) => banner([`Plan Monitor demo (no Excel needed): ${url}`]));
    return;
  }

  const excel = args.has("--no-excel") ? null : excelDesktop();
  if (excel) {
    const debugging = localBin("office-addin-debugging", "office-addin-debugging");
    if (debugging) {
      console.log(`[start] Excel found (${excel}): starting it with Plan Monitor sideloaded (office-addin-debugging).`);
      run("office-addin-debugging", debugging, ["start", MANIFEST, "desktop", "--app", "excel", "--dev-server", "npm run dev-server", "--dev-server-port", "3000"]);
      return;
    }
    console.log(`[start] Excel found (${excel}). office-addin-debugging is not installed, so sideload by hand (below).`);
    startDevServer(() => banner([`Task pane dev server: ${TASKPANE_URL}`, "", ...sideloadDesktop(), "", ...SIDELOAD_WEB]));
    return;
  }

  // No Excel here (Linux, CI): the dev server for Excel on the web, and the demo.
  let pane = false;
  let demoUrl = null;
  const ready = () => {
    if (!pane || !demoUrl) return;
    banner([
      `Task pane dev server: ${TASKPANE_URL}`,
      "",
      ...SIDELOAD_WEB,
      "",
      `No Excel at hand? The demo runs the real task pane on an in-memory Excel:`,
      `  ${demoUrl}`,
      "",
      "Press Ctrl+C to stop both.",
    ]);
  };
  startDevServer(() => {
    pane = true;
    ready();
  });
  startDemo((url) => {
    demoUrl = url;
    console.log(`[start] Plan Monitor demo: ${url}`);
    ready();
  });
}

main();
