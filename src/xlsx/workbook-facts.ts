// What the .xlsx host needs to know of a file's package before writing a copy,
// read straight from the zip: every sheet's name (chart sheets too, which the
// reader does not load as grids) and whether it holds a macro project.
import { attr } from "./opc";
import { REL_VBA } from "./write-package";
import { readZipEntry, zipEntries } from "./zip";

/** The workbook part and its relationships are small; a part larger than this is not read for these facts. */
const MAX_PART = 64 * 1_048_576;

export function workbookFacts(bytes: Uint8Array): { sheetNames: string[]; macros: boolean } {
  const entries = zipEntries(bytes) ?? [];
  const text = (name: string): string => {
    const entry = entries.find((e) => e.name === name);
    return (entry && readZipEntry(bytes, entry, MAX_PART)?.toString("utf8")) ?? "";
  };
  const workbook = text("xl/workbook.xml");
  const sheetNames = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => attr(m[0], "name") ?? "").filter((n) => n !== "");
  const rels = text("xl/_rels/workbook.xml.rels");
  const macros = [...rels.matchAll(/<Relationship\b[^>]*>/g)].some((m) => attr(m[0], "Type") === REL_VBA);
  return { sheetNames, macros };
}
