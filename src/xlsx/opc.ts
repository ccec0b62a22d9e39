// Reading and editing an .xlsx package as Open Packaging Conventions define it:
// parts, their relationships (_rels/*.rels) and content types
// ([Content_Types].xml). Shared by the modules that edit the package of the copy
// (write-package.ts, charts.ts). Only the few XML shapes Excel writes are
// handled, with regular expressions: the parts are never re-serialised.
import type JSZip from "jszip";
import { escapeXmlAttr } from "./xml";

export const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const unescapeXml = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, "&");

const escapeAttr = escapeXmlAttr;

/** An attribute of one start tag, unescaped. */
export const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
};

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) → "_rels/.rels". */
export const relsPathOf = (part: string): string => (part === "" ? "_rels/.rels" : part.replace(/([^/]+)$/, "_rels/$1.rels"));

export async function readText(zip: JSZip, part: string): Promise<string | null> {
  const file = zip.file(part);
  return file ? file.async("string") : null;
}

export interface Relationship {
  id: string;
  type: string;
  /** The target as written. */
  target: string;
  /** The part it points at, from the package root ("xl/charts/chart1.xml"); null for an external target. */
  part: string | null;
}

/** Resolves a relationship target against the folder of the part holding it. */
function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = source.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** The relationships of a part ("" for the package's own). */
export async function relationships(zip: JSZip, part: string): Promise<Relationship[]> {
  const xml = await readText(zip, relsPathOf(part));
  if (xml === null) return [];
  const rels: Relationship[] = [];
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const type = attr(m[0], "Type");
    const target = attr(m[0], "Target");
    if (!id || !type || target === undefined) continue;
    const external = attr(m[0], "TargetMode") === "External";
    rels.push({ id, type, target, part: external ? null : resolveTarget(part, target) });
  }
  return rels;
}

/** Adds a relationship to a part's .rels (made if missing) under a new Id; returns the Id. */
export async function addRelationship(zip: JSZip, part: string, type: string, target: string, stem = "rIdPm"): Promise<string> {
  const path = relsPathOf(part);
  const existing = (await readText(zip, path)) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}"></Relationships>`;
  const ids = new Set([...existing.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
  let k = 1;
  while (ids.has(`${stem}${k}`)) k++;
  const id = `${stem}${k}`;
  const rel = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
  zip.file(path, existing.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`).replace(/<Relationships([^>]*)\/>\s*$/, `<Relationships$1>${rel}</Relationships>`));
  return id;
}

/** The relative target from one part to another ("xl/workbook.xml", "xl/vbaProject.bin" → "vbaProject.bin"). */
export function relativeTarget(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

/** A part's content type, from [Content_Types].xml (its Override, else the Default for its extension). */
export async function contentTypes(zip: JSZip): Promise<(part: string) => string | undefined> {
  const xml = (await readText(zip, "[Content_Types].xml")) ?? "";
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  for (const m of xml.matchAll(/<Override\b[^>]*>/g)) {
    const name = attr(m[0], "PartName");
    const type = attr(m[0], "ContentType");
    if (name && type) overrides.set(name.replace(/^\//, "").toLowerCase(), type);
  }
  for (const m of xml.matchAll(/<Default\b[^>]*>/g)) {
    const ext = attr(m[0], "Extension");
    const type = attr(m[0], "ContentType");
    if (ext && type) defaults.set(ext.toLowerCase(), type);
  }
  return (part) => overrides.get(part.toLowerCase()) ?? defaults.get(part.replace(/^.*\./, "").toLowerCase());
}

/** Adds an Override for a part to [Content_Types].xml (replacing one it has). */
export async function setContentType(zip: JSZip, part: string, type: string): Promise<void> {
  const xml = (await readText(zip, "[Content_Types].xml")) ?? "";
  const name = `/${part}`;
  const entry = `<Override PartName="${escapeAttr(name)}" ContentType="${escapeAttr(type)}"/>`;
  const existing = new RegExp(`<Override\\b[^>]*PartName="${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>`, "i");
  zip.file("[Content_Types].xml", existing.test(xml) ? xml.replace(existing, entry) : xml.replace(/<\/Types>\s*$/, `${entry}</Types>`));
}
