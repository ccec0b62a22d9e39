// The production manifest: the development manifest.xml with every
// https://localhost:3000 URL moved to the hosting origin and <Version> taken from
// package.json. Used by webpack.config.js (CopyWebpackPlugin transform) when
// ADDIN_ORIGIN is set, and by test/tooling/site.test.ts.
//
//   const { siteManifest, checkOrigin, manifestVersion } = require("./scripts/site-manifest.cjs");
//   siteManifest(xml, { origin: "https://addins.example.org/plan-monitor", version: "1.2.0" });
"use strict";

/** Where the development manifest points: the webpack dev server. */
const DEV_ORIGIN = "https://localhost:3000";

/**
 * The hosting origin, normalised: an absolute https URL, optionally with a path
 * (the folder the site is copied to), without a trailing slash, query or fragment.
 * Throws, in plain words, on anything else.
 */
function checkOrigin(origin) {
  const given = String(origin ?? "").trim();
  let url;
  try {
    url = new URL(given);
  } catch {
    throw new Error(`ADDIN_ORIGIN "${given}" is not an absolute URL; give the https address the site will be served from, e.g. https://addins.example.org/plan-monitor`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_ORIGIN "${given}" is not https: Office loads add-ins only over https`);
  if (url.search || url.hash) throw new Error(`ADDIN_ORIGIN "${given}" has a query or fragment; give the folder's address only`);
  if (url.username || url.password) throw new Error(`ADDIN_ORIGIN "${given}" holds a user name or password`);
  if (/^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname)) throw new Error(`ADDIN_ORIGIN "${given}" is this machine; the development manifest.xml already serves localhost`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/** An Office manifest version (four numbers) from a package.json version: "1.2.3" -> "1.2.3.0". */
function manifestVersion(version) {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(String(version ?? ""));
  if (!m) throw new Error(`package.json version "${version}" is not MAJOR.MINOR.PATCH`);
  for (const part of m.slice(1, 4)) if (Number(part) > 65535) throw new Error(`package.json version "${version}": each number must be at most 65535 in a manifest`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

const DEV_COMMENT = /<!--[\s\S]*?development build[\s\S]*?-->/;

/** The development manifest's text rewritten for the origin and version. */
function siteManifest(xml, { origin, version }) {
  const base = checkOrigin(origin);
  const text = String(xml);
  if (!text.includes(`${DEV_ORIGIN}/`)) throw new Error(`the manifest holds no ${DEV_ORIGIN}/ URL to rewrite`);
  const versions = text.match(/<Version>[^<]*<\/Version>/g) ?? [];
  if (versions.length !== 1) throw new Error(`the manifest has ${versions.length} <Version> elements; expected one`);
  let out = text.split(`${DEV_ORIGIN}/`).join(`${base}/`);
  out = out.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(version)}</Version>`);
  out = out.replace(
    DEV_COMMENT,
    `<!--\n  Plan Monitor: XML add-in manifest for Excel (production build, made by webpack from manifest.xml).\n  Every URL points at ${base}/. Do not edit: change manifest.xml or package.json's version and rebuild.\n-->`,
  );
  if (/localhost/i.test(out)) throw new Error("the rewritten manifest still mentions localhost");
  return out;
}

module.exports = { DEV_ORIGIN, checkOrigin, manifestVersion, siteManifest };
