#!/usr/bin/env node
// Validates the Plan Monitor XML add-in manifest.
//
//   node scripts/validate-manifest.mjs [manifest.xml] [--origin URL] [--site DIR]
//
//   --origin URL  the origin (and folder) every URL must be under: a production manifest
//                 (default: https://localhost:3000, the development manifest; the check
//                 "origin" runs only when this is given)
//   --site DIR    the folder served at --origin: every URL under it must be a file there
//                 (check "site files"), and icons are looked for in DIR/assets
//
// 1. Offline: well-formedness and the 2019 OfficeApp 1.1 XSDs (xmllint-wasm, no network).
// 2. Offline: the project's own checks (GUID Id, https URLs, icon files, permissions, host,
//    requirement set, resource references, string lengths).
// 3. Online: Microsoft's validation service through office-addin-manifest's validateManifest().
//    It posts the file to validationgateway.omex.office.net. When the service cannot be reached
//    (offline, proxy, timeout, HTTP error) the step reports "unavailable" and does not fail.
//
// Exit code: 1 if any offline check fails or the online service says the manifest is invalid;
// 0 otherwise.
//
// Environment:
//   PLAN_MONITOR_SCHEMAS      schema folder (default: <project>/../shared/schemas/office-addin-manifest)
//   PLAN_MONITOR_ASSETS       folder that <origin>/assets/ serves (default: <site>/assets with --site, else <project>/assets)
//   PLAN_MONITOR_SKIP_ONLINE  set to 1 to skip the online step (tests, offline CI)
//   PLAN_MONITOR_ONLINE_TIMEOUT_MS  online step timeout (default 15000)

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function parseArgs(argv) {
  const out = { file: undefined, origin: undefined, site: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--origin" || a === "--site") {
      if (i + 1 >= argv.length) {
        console.log(`${a} needs a value`);
        process.exit(2);
      }
      out[a.slice(2)] = argv[++i];
    } else if (a.startsWith("--")) {
      console.log(`unknown option ${a}`);
      process.exit(2);
    } else out.file = a;
  }
  return out;
}
const args = parseArgs(process.argv.slice(2));
const manifestPath = resolve(args.file ?? join(projectRoot, "manifest.xml"));
const schemaDir = resolve(process.env.PLAN_MONITOR_SCHEMAS || join(projectRoot, "../shared/schemas/office-addin-manifest"));
const siteDir = args.site ? resolve(args.site) : null;
const assetsDir = resolve(process.env.PLAN_MONITOR_ASSETS || (siteDir ? join(siteDir, "assets") : join(projectRoot, "assets")));
const skipOnline = /^(1|true|yes)$/i.test(process.env.PLAN_MONITOR_SKIP_ONLINE ?? "");
const onlineTimeoutMs = Number(process.env.PLAN_MONITOR_ONLINE_TIMEOUT_MS) || 15000;

const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";
const DEV_ORIGIN = "https://localhost:3000";
/** The origin (and folder) the manifest's URLs are served from, without a trailing slash. */
const ORIGIN = (args.origin ?? DEV_ORIGIN).replace(/\/+$/, "");
const EXPECTED = { permissions: "ReadWriteDocument", host: "Workbook", apiSet: "ExcelApi", apiVersion: "1.9" };

const NS = {
  office: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  xml: "http://www.w3.org/XML/1998/namespace",
};

// ---------------------------------------------------------------- reporting

let offlineFailures = 0;
let onlineInvalid = false;

function report(status, name, message, details = []) {
  if (status === "FAIL") offlineFailures++;
  console.log(`${status.padEnd(4)}  ${name}: ${message}`);
  for (const d of details.slice(0, 20)) console.log(`        - ${d}`);
  if (details.length > 20) console.log(`        - ... and ${details.length - 20} more`);
}
const pass = (name, message, details) => report("PASS", name, message, details);
const fail = (name, message, details) => report("FAIL", name, message, details);
const skip = (name, message) => report("SKIP", name, message);

function finish() {
  const failed = offlineFailures > 0 || onlineInvalid;
  const parts = [];
  if (offlineFailures) parts.push(`${offlineFailures} offline check(s) failed`);
  if (onlineInvalid) parts.push("the online validator rejected the manifest");
  console.log(failed ? `manifest INVALID: ${parts.join("; ")}` : "manifest OK");
  // Exit explicitly: an abandoned online request must not keep the process alive.
  process.exit(failed ? 1 : 0);
}

// ---------------------------------------------------------------- minimal XML tree
// Parses the canonical (C14N) form that xmllint produces after it has checked that the
// document is well-formed: no DOCTYPE, no CDATA, attributes always in double quotes, entities
// expanded. The parser therefore only needs elements, attributes, text, comments and PIs.

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e];
  });
}

function parseXml(text) {
  const root = { children: [], ns: new Map([["xml", NS.xml]]) };
  const stack = [root];
  const tagRe = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/gy;
  const attrRe = /([^\s=]+)\s*=\s*"([^"]*)"/g;
  let m;
  while (tagRe.lastIndex < text.length && (m = tagRe.exec(text))) {
    const parent = stack[stack.length - 1];
    if (m[1]) {
      stack.pop();
    } else if (m[2]) {
      const ns = new Map(parent.ns);
      const rawAttrs = [];
      for (const a of m[3].matchAll(attrRe)) {
        const [qname, value] = [a[1], decodeEntities(a[2])];
        if (qname === "xmlns") ns.set("", value);
        else if (qname.startsWith("xmlns:")) ns.set(qname.slice(6), value);
        else rawAttrs.push([qname, value]);
      }
      const [prefix, local] = m[2].includes(":") ? m[2].split(":", 2) : ["", m[2]];
      const attrs = {};
      for (const [qname, value] of rawAttrs) {
        if (!qname.includes(":")) attrs[qname] = value;
        else {
          const [p, l] = qname.split(":", 2);
          attrs[`{${ns.get(p) ?? p}}${l}`] = value;
        }
      }
      const el = { qname: m[2], local, uri: ns.get(prefix) ?? "", attrs, children: [], text: "", parent, ns };
      parent.children.push(el);
      if (!m[4]) stack.push(el);
    } else if (m[5]) {
      if (parent !== root) parent.text += decodeEntities(m[5]);
    }
  }
  return root.children.find((c) => c.local);
}

function* walk(el) {
  yield el;
  for (const c of el.children) yield* walk(c);
}
const all = (root, uri, local) => [...walk(root)].filter((e) => e.uri === uri && e.local === local);
const kids = (el, uri, local) => (el ? el.children.filter((e) => e.uri === uri && e.local === local) : []);
const xsiType = (el) => (el.attrs[`{${NS.xsi}}type`] ?? "").split(":").pop();
const pathOf = (el) => {
  const parts = [];
  for (let e = el; e && e.qname; e = e.parent) parts.unshift(e.qname + (e.attrs.id ? `[@id='${e.attrs.id}']` : ""));
  return parts.join("/");
};

// ---------------------------------------------------------------- checks

const GUID_RE = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;

function isLocalhost(hostname) {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

/** Every place the manifest holds a URL: [description, value, isImage]. */
function collectUrls(root) {
  const out = [];
  const add = (el, value, isImage) => out.push({ where: pathOf(el), value, isImage, el });
  const addSetting = (el, isImage) => {
    if (el.attrs.DefaultValue !== undefined) add(el, el.attrs.DefaultValue, isImage);
    for (const o of el.children.filter((c) => c.local === "Override")) {
      if (o.attrs.Value !== undefined) add(o, o.attrs.Value, isImage);
    }
  };
  for (const el of walk(root)) {
    if (el.uri === NS.office && (el.local === "IconUrl" || el.local === "HighResolutionIconUrl")) addSetting(el, true);
    else if (el.uri === NS.office && (el.local === "SupportUrl" || el.local === "SourceLocation")) addSetting(el, false);
    else if (el.uri === NS.bt && el.local === "Image" && el.parent?.local === "Images") addSetting(el, true);
    else if (el.uri === NS.bt && el.local === "Url" && el.parent?.local === "Urls") addSetting(el, false);
    else if (el.local === "AppDomain") add(el, el.text.trim(), false);
  }
  return out;
}

function checkId(root) {
  const ids = kids(root, NS.office, "Id");
  const id = ids[0]?.text.trim();
  if (ids.length !== 1 || !id) return fail("Id", "missing <Id>");
  if (!GUID_RE.test(id)) return fail("Id", `"${id}" is not a GUID`);
  if (/^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(id) || id.toLowerCase() === "05c2e1c9-3e1d-406e-9a91-e9ac64854143") {
    return fail("Id", `"${id}" is a placeholder/template GUID; generate a new one`);
  }
  pass("Id", `${id} is a GUID`);
}

function checkHost(root) {
  const hosts = kids(kids(root, NS.office, "Hosts")[0], NS.office, "Host").map((h) => h.attrs.Name);
  const problems = [];
  if (hosts.length !== 1 || hosts[0] !== EXPECTED.host) {
    problems.push(`<Hosts> lists [${hosts.join(", ") || "nothing"}]; expected exactly ${EXPECTED.host}`);
  }
  for (const vo of all(root, NS.overrides, "VersionOverrides")) {
    for (const h of kids(kids(vo, NS.overrides, "Hosts")[0], NS.overrides, "Host")) {
      if (xsiType(h) !== EXPECTED.host) problems.push(`VersionOverrides declares host xsi:type="${xsiType(h)}"; expected ${EXPECTED.host}`);
    }
  }
  if (problems.length) return fail("Host", "host is not only Workbook", problems);
  pass("Host", EXPECTED.host);
}

function checkPermissions(root) {
  const perms = kids(root, NS.office, "Permissions").map((p) => p.text.trim());
  if (perms.length === 0) return fail("Permissions", `<Permissions> is missing; expected ${EXPECTED.permissions}`);
  if (perms.length !== 1 || perms[0] !== EXPECTED.permissions) {
    return fail("Permissions", `is "${perms.join(", ")}"; expected exactly ${EXPECTED.permissions}`);
  }
  pass("Permissions", EXPECTED.permissions);
}

function checkRequirements(root) {
  const sets = kids(kids(root, NS.office, "Requirements")[0], NS.office, "Sets")[0];
  const set = kids(sets, NS.office, "Set").find((s) => s.attrs.Name === EXPECTED.apiSet);
  if (!set) return fail("Requirements", `no <Set Name="${EXPECTED.apiSet}"> under <Requirements><Sets>`);
  const version = set.attrs.MinVersion ?? sets.attrs.DefaultMinVersion ?? "1.1";
  if (version !== EXPECTED.apiVersion) {
    return fail("Requirements", `${EXPECTED.apiSet} minimum version is ${version}; expected ${EXPECTED.apiVersion}`);
  }
  pass("Requirements", `${EXPECTED.apiSet} ${version}`);
}

function checkHttps(root, urls) {
  const problems = [];
  for (const u of urls) {
    if (u.el.local === "AppDomain") continue; // checked by checkAppDomains
    let parsed;
    try {
      parsed = new URL(u.value);
    } catch {
      problems.push(`${u.where}: "${u.value}" is not an absolute URL`);
      continue;
    }
    if (parsed.protocol !== "https:") problems.push(`${u.where}: "${u.value}" is not https`);
  }
  // Any other attribute or text that carries an insecure URL (namespace declarations aside).
  for (const el of walk(root)) {
    for (const [name, value] of Object.entries(el.attrs)) {
      if (/\bhttp:\/\//i.test(value) && !urls.some((u) => u.el === el && u.value === value)) {
        problems.push(`${pathOf(el)}/@${name}: "${value}" is not https`);
      }
    }
    if (el.children.length === 0 && /\bhttp:\/\//i.test(el.text) && el.local !== "AppDomain") {
      problems.push(`${pathOf(el)}: "${el.text.trim()}" is not https`);
    }
  }
  if (problems.length) return fail("https URLs", `${problems.length} URL(s) are not https`, problems);
  pass("https URLs", `${urls.length} URL(s), all https`);
}

function checkAppDomains(urls) {
  const problems = [];
  const domains = urls.filter((u) => u.el.local === "AppDomain");
  for (const d of domains) {
    let host = null;
    try {
      const parsed = new URL(d.value);
      if (parsed.protocol !== "https:") problems.push(`${d.where}: "${d.value}" is not https`);
      host = parsed.hostname;
    } catch {
      host = d.value.split(/[/:]/)[0];
    }
    if (!isLocalhost(host)) problems.push(`${d.where}: "${d.value}" is not localhost`);
  }
  if (problems.length) return fail("AppDomains", "only localhost is allowed", problems);
  pass("AppDomains", domains.length ? `${domains.length}, all localhost` : "none");
}

function pngSize(file) {
  const b = readFileSync(file);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function checkIcons(root, urls) {
  const problems = [];
  const checked = new Set();
  const local = [];
  // Sizes the ribbon asks for: <bt:Image size="N" resid="X"/> inside <Icon>.
  const wantedSizes = new Map();
  for (const el of walk(root)) {
    if (el.uri === NS.bt && el.local === "Image" && el.attrs.resid && el.attrs.size) {
      if (!wantedSizes.has(el.attrs.resid)) wantedSizes.set(el.attrs.resid, new Set());
      wantedSizes.get(el.attrs.resid).add(Number(el.attrs.size));
    }
  }
  let assetFiles = null;
  try {
    assetFiles = new Set(readdirSync(assetsDir));
  } catch {
    /* reported per icon below */
  }
  for (const u of urls.filter((x) => x.isImage)) {
    let parsed;
    try {
      parsed = new URL(u.value);
    } catch {
      continue; // reported by the https check
    }
    const assetsBase = `${ORIGIN}/assets/`;
    if (!parsed.href.startsWith(assetsBase)) continue;
    let rel;
    try {
      rel = decodeURIComponent(parsed.href.slice(assetsBase.length).split(/[?#]/)[0]);
    } catch {
      problems.push(`${u.where}: ${u.value} has a malformed path`);
      continue;
    }
    const file = join(assetsDir, rel);
    local.push(rel);
    if (!existsSync(file) || !statSync(file).isFile()) {
      const hint = assetFiles ? "" : ` (cannot read ${assetsDir})`;
      problems.push(`${u.where}: ${u.value} -> ${file} does not exist${hint}`);
      continue;
    }
    if (checked.has(`${u.el.attrs.id}|${file}`)) continue;
    checked.add(`${u.el.attrs.id}|${file}`);
    const size = /\.png$/i.test(file) ? pngSize(file) : undefined;
    if (size === null) {
      problems.push(`${u.where}: ${file} is not a valid PNG`);
      continue;
    }
    for (const want of wantedSizes.get(u.el.attrs.id) ?? []) {
      if (size && (size.width !== want || size.height !== want)) {
        problems.push(`${u.where}: used as a ${want}px icon but ${rel} is ${size.width}x${size.height}`);
      }
    }
  }
  if (problems.length) return fail("icon files", `${problems.length} problem(s) with icons in ${assetsDir}`, problems);
  pass("icon files", `${new Set(local).size} distinct icon file(s) found in ${assetsDir}`);
}

/** --origin: every URL is under the origin, and nothing mentions localhost. */
function checkOrigin(urls, text) {
  const problems = [];
  for (const u of urls) {
    if (u.el.local === "AppDomain") continue;
    if (!u.value.startsWith(`${ORIGIN}/`)) problems.push(`${u.where}: "${u.value}" is not under ${ORIGIN}/`);
  }
  const local = text.split("\n").map((line, i) => [i + 1, line]).filter(([, line]) => /localhost/i.test(line));
  for (const [n, line] of local) problems.push(`line ${n} mentions localhost: ${line.trim()}`);
  if (problems.length) return fail("origin", `${problems.length} problem(s)`, problems);
  pass("origin", `${urls.length} URL(s), all under ${ORIGIN}/`);
}

/** --site: every URL under the origin names a file in the site folder. */
function checkSiteFiles(urls) {
  const problems = [];
  const files = new Set();
  for (const u of urls) {
    if (u.el.local === "AppDomain" || !u.value.startsWith(`${ORIGIN}/`)) continue;
    let rel;
    try {
      rel = decodeURIComponent(u.value.slice(ORIGIN.length + 1).split(/[?#]/)[0]);
    } catch {
      problems.push(`${u.where}: ${u.value} has a malformed path`);
      continue;
    }
    const file = resolve(siteDir, rel);
    if (!file.startsWith(siteDir + "/")) {
      problems.push(`${u.where}: ${u.value} points outside the site folder`);
      continue;
    }
    if (!existsSync(file) || !statSync(file).isFile()) problems.push(`${u.where}: ${u.value} -> ${file} does not exist`);
    else files.add(rel);
  }
  if (problems.length) return fail("site files", `${problems.length} URL(s) with no file in ${siteDir}`, problems);
  pass("site files", `${files.size} file(s) found in ${siteDir}: ${[...files].sort().join(", ")}`);
}

const RESID_KIND = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};

function checkResources(root) {
  const resources = new Map(); // id -> kind
  const problems = [];
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    for (const group of all(root, NS.bt, kind)) {
      for (const item of group.children.filter((c) => c.uri === NS.bt)) {
        const id = item.attrs.id;
        if (resources.has(id)) problems.push(`resource id "${id}" is defined more than once`);
        resources.set(id, kind);
      }
    }
  }
  let refs = 0;
  for (const el of walk(root)) {
    const resid = el.attrs.resid;
    if (resid === undefined) continue;
    refs++;
    const kind = resources.get(resid);
    const want = RESID_KIND[el.local];
    if (!kind) problems.push(`${pathOf(el)} refers to resid "${resid}", which is not defined in <Resources>`);
    else if (want && want !== kind) problems.push(`${pathOf(el)} refers to "${resid}" in bt:${kind}; it needs a bt:${want} entry`);
  }
  if (problems.length) return fail("resource ids", `${problems.length} problem(s)`, problems);
  pass("resource ids", `${refs} reference(s) to ${resources.size} resource(s), all defined`);
}

function checkStringLengths(root) {
  const problems = [];
  let count = 0;
  for (const [kind, max] of [["ShortStrings", 125], ["LongStrings", 250]]) {
    for (const group of all(root, NS.bt, kind)) {
      for (const s of group.children.filter((c) => c.uri === NS.bt)) {
        const values = [["DefaultValue", s.attrs.DefaultValue ?? ""]];
        for (const o of s.children.filter((c) => c.local === "Override")) values.push([`Override[${o.attrs.Locale}]`, o.attrs.Value ?? ""]);
        for (const [label, value] of values) {
          count++;
          const len = [...value].length;
          if (len === 0) problems.push(`bt:${kind} "${s.attrs.id}" ${label} is empty`);
          if (len > max) problems.push(`bt:${kind} "${s.attrs.id}" ${label} is ${len} chars (max ${max})`);
        }
      }
    }
  }
  if (problems.length) return fail("string lengths", "ShortStrings must be <= 125 chars, LongStrings <= 250", problems);
  pass("string lengths", `${count} string(s): ShortStrings <= 125, LongStrings <= 250 chars`);
}

// ---------------------------------------------------------------- offline: XML + schema

/** xmllint's stderr as "line N: message" lines (context and caret lines dropped). */
function xmllintMessages(output, fileName) {
  const out = [];
  const prefix = `${fileName}:`;
  for (const raw of String(output ?? "").split("\n")) {
    const line = raw.trimEnd();
    if (!line || line.endsWith(" validates") || line.endsWith(" fails to validate")) continue;
    if (line.startsWith(prefix)) {
      const m = /^(\d+): (.*)$/.exec(line.slice(prefix.length));
      if (m) {
        out.push(`line ${m[1]}: ${m[2].replace(/^.*?Schemas validity error : /, "").replace(/^parser error : /, "")}`);
        continue;
      }
    }
    if (out.length === 0 && !/^\s*\^\s*$/.test(line)) out.push(line.trim()); // unstructured output
  }
  return out.length ? out : ["(xmllint gave no details)"];
}

async function offline() {
  let xmllint;
  try {
    xmllint = require("xmllint-wasm");
  } catch (e) {
    fail("xmllint-wasm", `cannot load xmllint-wasm (${e.message}); run npm install`);
    return null;
  }
  let text;
  try {
    text = readFileSync(manifestPath, "utf8");
  } catch (e) {
    fail("manifest", `cannot read ${manifestPath}: ${e.code ?? e.message}`);
    return null;
  }
  const fileName = basename(manifestPath).replace(/^-+/, "_") || "manifest.xml";

  // Well-formedness (and the canonical form that parseXml reads).
  let canonical;
  try {
    const r = await xmllint.validateXML({ xml: [{ fileName, contents: text }], normalization: "c14n" });
    if (!r.valid || !r.normalized) {
      fail("well-formed XML", "the file is not well-formed XML", xmllintMessages(r.rawOutput, fileName));
      return null;
    }
    canonical = r.normalized;
    pass("well-formed XML", fileName);
  } catch (e) {
    fail("well-formed XML", `xmllint could not read the file (exit ${e.code ?? "?"})`, xmllintMessages(e.message, fileName));
    return null;
  }

  // Schema validation against the local XSD set (all schemas preloaded: the imports are relative).
  let schemaFiles;
  try {
    schemaFiles = readdirSync(schemaDir).filter((f) => f.endsWith(".xsd"));
    if (!schemaFiles.includes(MAIN_SCHEMA)) throw new Error(`${MAIN_SCHEMA} not found`);
  } catch (e) {
    fail("schema", `cannot load schemas from ${schemaDir}: ${e.message} (set PLAN_MONITOR_SCHEMAS)`);
    schemaFiles = null;
  }
  if (schemaFiles) {
    const load = (f) => ({ fileName: f, contents: readFileSync(join(schemaDir, f), "utf8") });
    try {
      const r = await xmllint.validateXML({
        xml: [{ fileName, contents: text }],
        schema: [load(MAIN_SCHEMA)],
        preload: schemaFiles.filter((f) => f !== MAIN_SCHEMA).map(load),
      });
      if (r.valid) pass("schema", `valid against ${MAIN_SCHEMA} (${schemaDir})`);
      else {
        const errors = xmllintMessages(r.rawOutput, fileName);
        fail("schema", `${errors.length} error(s) against ${MAIN_SCHEMA}`, errors);
      }
    } catch (e) {
      const firstLines = String(e.message ?? e).split("\n").filter(Boolean).slice(0, 5);
      fail("schema", `the schema set in ${schemaDir} could not be used (exit ${e.code ?? "?"})`, firstLines);
    }
  }
  return parseXml(canonical);
}

// ---------------------------------------------------------------- online

/** The last non-empty line: office-addin-manifest puts the underlying cause there. */
function lastLine(s) {
  return String(s).split("\n").map((l) => l.trim()).filter(Boolean).pop() ?? String(s);
}

async function online() {
  if (skipOnline) {
    console.log("online validator: skipped (PLAN_MONITOR_SKIP_ONLINE is set)");
    return;
  }
  let timer;
  try {
    const { validateManifest } = require("office-addin-manifest");
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${onlineTimeoutMs / 1000} s`)), onlineTimeoutMs);
    });
    const v = await Promise.race([validateManifest(manifestPath), timeout]);
    if (v.status && v.status !== 200) {
      console.log(`online validator: unavailable (HTTP ${v.status} ${v.statusText ?? ""})`.replace(/ \)$/, ")"));
      return;
    }
    if (!v.report) {
      console.log("online validator: unavailable (the service gave no report)");
      return;
    }
    const issues = (list) => (list ?? []).map((i) => `${i.title ?? i.code ?? "issue"}: ${i.content ?? ""}${i.line ? ` (line ${i.line})` : ""}`);
    if (v.isValid) {
      const warnings = issues(v.report.warnings);
      console.log(`online validator: valid (${v.report.status})${warnings.length ? `, ${warnings.length} warning(s)` : ""}`);
      for (const w of warnings) console.log(`        - warning: ${w}`);
    } else {
      onlineInvalid = true;
      console.log(`online validator: INVALID (${v.report.status ?? "not accepted"})`);
      for (const e of issues(v.report.errors)) console.log(`        - ${e}`);
    }
  } catch (e) {
    const cause = e?.message ?? String(e);
    console.log(`online validator: unavailable (${lastLine(cause)})`);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------- main

console.log(`manifest: ${manifestPath}`);
const root = await offline();
if (!root) {
  if (offlineFailures > 0) skip("project checks", "not run (see the failure above)");
} else if (root.uri !== NS.office || root.local !== "OfficeApp" || xsiType(root) !== "TaskPaneApp") {
  fail("root", `root element is {${root.uri}}${root.local} xsi:type="${xsiType(root)}"; expected a TaskPaneApp OfficeApp`);
} else {
  const urls = collectUrls(root);
  checkId(root);
  checkHost(root);
  checkPermissions(root);
  checkRequirements(root);
  checkHttps(root, urls);
  checkAppDomains(urls);
  checkIcons(root, urls);
  checkResources(root);
  checkStringLengths(root);
  if (args.origin) checkOrigin(urls, readFileSync(manifestPath, "utf8"));
  if (siteDir) checkSiteFiles(urls);
}
if (offlineFailures > 0) {
  console.log("online validator: not run (offline checks failed)");
} else {
  await online();
}
finish();
