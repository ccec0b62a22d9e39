// Webpack: the Excel task pane (and room for more pages, e.g. the demo page).
//   npx webpack --mode production        → dist/taskpane/ (taskpane.html, hashed bundle, assets/, support.html, manifest.xml)
//   ADDIN_ORIGIN=https://addins.example.org/plan-monitor npx webpack --mode production
//                                        → dist/site/: the same pages with a manifest.xml whose every URL is under
//                                          ADDIN_ORIGIN and whose <Version> is package.json's (scripts/site-manifest.cjs);
//                                          copy the folder to that address on any static https host
//   npx webpack serve --mode development → https://localhost:3000/taskpane.html (the manifest's URLs)
// TypeScript is compiled as ES modules (tsconfig.json: module esnext, moduleResolution
// bundler) so Fluent UI tree-shakes; CommonJS made an 18 MB bundle.
const path = require("node:path");
const zlib = require("node:zlib");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { checkOrigin, siteManifest } = require("./scripts/site-manifest.cjs");

const ROOT = __dirname;
const DEV_PORT = 3000;
/** Office.js comes from Microsoft's CDN (Marketplace rule); it is the pane's only third-party request. */
const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";
/** Budget for the JavaScript of one page, gzipped. */
const GZIP_BUDGET_BYTES = 400 * 1024;

/** The pages built. Add the demo page here: { name: "demo", entry: "./tools/demo/index.tsx", template: "./tools/demo/demo.html" }. */
const PAGES = [{ name: "taskpane", entry: "./src/taskpane/index.tsx", template: "./src/taskpane/taskpane.html", filename: "taskpane.html" }];

/** Content-Security-Policy for a page: scripts from us and the Office.js CDN only, no eval, no inline scripts. */
function contentSecurityPolicy({ production }) {
  const connect = ["'self'"];
  // webpack-dev-server's live-reload websocket (some browsers do not count ws: as 'self').
  if (!production) connect.push(`wss://localhost:${DEV_PORT}`, `ws://localhost:${DEV_PORT}`);
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_JS_ORIGIN}`,
    // Fluent UI (Griffel) inserts <style> elements at run time; a static page has no per-load nonce.
    "style-src 'self' 'unsafe-inline'",
    `connect-src ${connect.join(" ")}`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/** Fails a production build whose page JavaScript is over budget, and reports the gzip size. */
class GzipBudgetPlugin {
  constructor(budget) {
    this.budget = budget;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("GzipBudgetPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "GzipBudgetPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        for (const [name, entry] of compilation.entrypoints) {
          const files = entry.getFiles().filter((f) => f.endsWith(".js"));
          let raw = 0;
          let gz = 0;
          for (const f of files) {
            const buf = compilation.getAsset(f).source.buffer();
            raw += buf.length;
            gz += zlib.gzipSync(buf, { level: 9 }).length;
          }
          const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
          const line = `${name}: ${kb(raw)} JavaScript, ${kb(gz)} gzip (budget ${kb(this.budget)})`;
          const logger = compilation.getLogger("GzipBudgetPlugin");
          if (gz > this.budget) compilation.errors.push(new compiler.webpack.WebpackError(`Over the size budget: ${line}`));
          else logger.info(line);
        }
      });
    });
  }
}

/** The certificate files office-addin-dev-certs made earlier, if they are there (installed as trusted or not). */
function existingDevCerts() {
  try {
    const fs = require("node:fs");
    const d = require("office-addin-dev-certs/lib/defaults");
    return { ca: fs.readFileSync(d.caCertificatePath), cert: fs.readFileSync(d.localhostCertificatePath), key: fs.readFileSync(d.localhostKeyPath) };
  } catch {
    return null;
  }
}

/** Dev server options: https with the Office dev certificates, else http with a warning. */
async function devServer() {
  const base = {
    host: "localhost",
    port: DEV_PORT,
    static: false, // everything served comes from the build (assets/ and manifest.xml are copied)
    hot: false, // no React refresh installed; live reload is enough
    liveReload: true,
    client: { overlay: { errors: true, warnings: false } },
    headers: { "Cache-Control": "no-store" },
  };
  const https = (options) => ({ ...base, server: { type: "https", options: { ca: options.ca, cert: options.cert, key: options.key } } });
  if (process.env.PLAN_MONITOR_HTTP === "1") {
    console.warn("[plan-monitor] PLAN_MONITOR_HTTP=1: serving over http. Excel only loads add-ins over https.");
    return { ...base, server: "http" };
  }
  try {
    const { getHttpsServerOptions } = require("office-addin-dev-certs");
    return https(await getHttpsServerOptions());
  } catch (e) {
    const why = String(e && e.message ? e.message : e).split("\n")[0];
    const fix = "[plan-monitor] Fix: run `npx office-addin-dev-certs install` (needs administrator rights), then start again.";
    const made = existingDevCerts();
    if (made) {
      console.warn(
        `[plan-monitor] The development certificate authority could not be installed as trusted (${why}).\n` +
          "[plan-monitor] Serving https with the certificates made anyway: browsers and Excel will not trust them until it is installed.\n" +
          fix,
      );
      return https(made);
    }
    console.warn(
      `[plan-monitor] Could not make the localhost development certificates (${why}).\n` +
        "[plan-monitor] Serving over http instead: the page works in a browser, but Excel only loads add-ins over https.\n" +
        fix,
    );
    return { ...base, server: "http" };
  }
}

/**
 * One webpack configuration for a set of pages. Exported so a later page (the demo)
 * can reuse it: buildConfig({ production, pages: [...PAGES, demoPage], outDir: "dist/web" }).
 */
function buildConfig({ production, pages = PAGES, outDir = "dist/taskpane", server, origin } = {}) {
  // A production manifest for a hosting origin, or the development one as it is.
  const manifest = origin
    ? { from: "manifest.xml", to: "manifest.xml", transform: (content) => siteManifest(content.toString("utf8"), { origin, version: packageVersion() }) }
    : { from: "manifest.xml", to: "manifest.xml" };
  return {
    name: pages.map((p) => p.name).join("+"),
    mode: production ? "production" : "development",
    context: ROOT,
    target: "web",
    entry: Object.fromEntries(pages.map((p) => [p.name, p.entry])),
    output: {
      path: path.resolve(ROOT, outDir),
      filename: production ? "[name].[contenthash:10].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:10].js" : "[name].js",
      clean: true,
    },
    // Never an eval-based devtool: the CSP forbids eval in development too.
    devtool: production ? "hidden-source-map" : "cheap-module-source-map",
    resolve: { extensions: [".tsx", ".ts", ".mjs", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true, // `npx tsc --noEmit -p tsconfig.json` type-checks
              configFile: path.resolve(ROOT, "tsconfig.json"),
              compilerOptions: { sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      ...pages.map(
        (p) =>
          new HtmlWebpackPlugin({
            template: p.template,
            filename: p.filename ?? `${p.name}.html`,
            chunks: [p.name],
            scriptLoading: "defer",
            inject: "head",
            csp: contentSecurityPolicy({ production }),
            minify: production ? { collapseWhitespace: true, removeComments: true } : false,
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          // The manifest's SupportUrl: plain-words help, no script.
          { from: "src/support/support.html", to: "support.html" },
          { from: "src/support/support.css", to: "support.css" },
          manifest,
        ],
      }),
      ...(production ? [new GzipBudgetPlugin(GZIP_BUDGET_BYTES)] : []),
    ],
    performance: { hints: false }, // the gzip budget above is the one that matters
    stats: { preset: "normal", assetsSort: "!size", modules: false, logging: "info" },
    ...(server ? { devServer: server } : {}),
  };
}

/**
 * The demo page (development and test tool, never deployed): the real task pane beside
 * a read-only grid, on the in-memory Excel (src/sim) driven by the real Office.js Excel
 * client. Not in PAGES, so the task pane build (dist/taskpane) is unchanged.
 */
const DEMO_PAGE = { name: "demo", entry: "./tools/demo/index.tsx", template: "./tools/demo/demo.html", filename: "index.html" };
/** Microsoft's Excel client script; licensed for developing and testing only, so it is copied into the demo's output at build time, never into src or dist/taskpane. */
const OFFICE_EXCEL_CLIENT = "node_modules/@microsoft/office-js/dist/excel-web-16.00.js";

/** The demo page's build: buildConfig for DEMO_PAGE plus the Office client, the sample workbooks and the page's stylesheet. */
function buildDemoConfig({ production = false, outDir = "dist/demo", server } = {}) {
  const config = buildConfig({ production, pages: [DEMO_PAGE], outDir, server });
  config.name = "demo";
  // The size budget is the task pane's; the demo also carries exceljs (its own chunk) and is never deployed.
  config.plugins = config.plugins.filter((p) => !(p instanceof GzipBudgetPlugin));
  config.plugins.push(
    new CopyWebpackPlugin({
      patterns: [
        { from: OFFICE_EXCEL_CLIENT, to: "office/excel-web-16.00.js" },
        { from: "samples/*.xlsx", to: "samples/[name][ext]" },
        { from: "tools/demo/demo.css", to: "demo.css" },
      ],
    }),
  );
  // exceljs's browser build (its package.json "browser" field) is a finished bundle: do not parse it again.
  config.module.noParse = /exceljs[\\/]dist[\\/]/;
  return config;
}

/** package.json's version, read at build time (so a bump needs no webpack restart). */
function packageVersion() {
  return JSON.parse(require("node:fs").readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
}

/** Where the production site for a hosting origin is written. */
const SITE_DIR = "dist/site";

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const server = env.WEBPACK_SERVE ? await devServer() : undefined;
  const origin = process.env.ADDIN_ORIGIN;
  if (origin && !server) {
    if (!production) throw new Error("ADDIN_ORIGIN is for production builds: run `npm run build` (webpack --mode production)");
    return buildConfig({ production, origin: checkOrigin(origin), outDir: SITE_DIR });
  }
  return buildConfig({ production, server });
};
module.exports.buildConfig = buildConfig;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.PAGES = PAGES;
module.exports.SITE_DIR = SITE_DIR;
module.exports.DEMO_PAGE = DEMO_PAGE;
module.exports.buildDemoConfig = buildDemoConfig;
