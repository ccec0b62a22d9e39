// `--out OUT.xlsx` written safely: OUT is never FILE (by any path, link or hard
// link), an existing file that Plan Monitor did not write is not replaced without
// --force, and OUT is written to a temporary file in its own folder and renamed
// into place, so a failed write leaves the old OUT as it was. Every message names
// OUT, never FILE.
import { randomBytes } from "node:crypto";
import { constants, type Stats } from "node:fs";
import { lstat, open, readFile, realpath, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { SUMMARY_TITLES } from "../engine/summary/names";
import { OWNED_NAME_PREFIX } from "../xlsx/owned-sheets";
import { describeNotKept, type NotKept } from "../xlsx/package-parts";
import { readZipEntry, zipEntries } from "../xlsx/zip";

/** A refusal or failure to write --out; its message already names OUT. */
export class OutError extends Error {
  override name = "OutError";
  /** 2: refused before anything was written (a usage mistake); 3: the write itself failed. */
  constructor(
    message: string,
    readonly status: 2 | 3,
  ) {
    super(message);
  }
}

const OUT_EXTENSION = /\.(xlsx|xlsm)$/i;
/** An OUT ending .xlsm is a macro-enabled workbook: it keeps FILE's macros. */
export const MACRO_EXTENSION = /\.xlsm$/i;

/** The refusal when OUT could not hold a part of FILE (an .xlsx cannot hold macros). */
export function notKeptRefusal(out: string, notKept: readonly NotKept[]): string {
  return `${out} was not written: it would lose ${describeNotKept(notKept)}. Nothing was changed. Add --force to write it without them.`;
}

/**
 * Is this .xlsx the output of Plan Monitor? Its workbook holds a PlanMonitor_
 * defined name (the marker of a summary sheet) and its text holds one of the
 * titles Plan Monitor writes in A1 of those sheets (a marker alone can be copied).
 */
export function isPlanMonitorOutput(bytes: Uint8Array): boolean {
  const entries = zipEntries(bytes);
  if (!entries) return false;
  const part = (name: string): string | null => {
    const entry = entries.find((e) => e.name === name);
    return entry ? (readZipEntry(bytes, entry, 64 * 1024 * 1024)?.toString("utf8") ?? null) : null;
  };
  const workbook = part("xl/workbook.xml");
  if (workbook === null || !new RegExp(`<definedName\\b[^>]*\\bname="${OWNED_NAME_PREFIX}`).test(workbook)) return false;
  const titles = Object.values(SUMMARY_TITLES);
  const texts = [part("xl/sharedStrings.xml"), ...entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name)).map((e) => part(e.name))];
  return texts.some((t) => t !== null && titles.some((title) => t.includes(title)));
}

const sameFile = (a: { dev: number; ino: number }, b: { dev: number; ino: number }): boolean => a.dev === b.dev && a.ino === b.ino;

/** Refuses an OUT that is FILE (or a link to it), a folder, a link, not .xlsx/.xlsm, or someone else's file (without force). */
export async function checkOut(file: string, out: string, force: boolean): Promise<void> {
  const say = (why: string): never => {
    throw new OutError(`--out ${out}: ${why}`, 2);
  };
  if (!OUT_EXTENSION.test(out)) say("the copy must be an Excel workbook whose name ends .xlsx or .xlsm");
  const fileReal = await realpath(file).catch(() => path.resolve(file));
  const fileStat = await stat(file).catch(() => null);
  let outLink: Stats | null = null;
  try {
    outLink = await lstat(out);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") say(`cannot be checked (${plainWriteReason(e, out)})`);
  }
  // Where OUT would land: a missing OUT is compared through its folder's real path.
  const folder = path.dirname(path.resolve(out));
  const folderReal = await realpath(folder).catch(() => null);
  if (folderReal === null) say(`the folder ${folder} does not exist; make it first or choose another place for the copy`);
  if (!(await stat(folderReal!)).isDirectory()) say(`${folder} is not a folder`);
  const outReal = outLink?.isSymbolicLink() ? await realpath(out).catch(() => null) : path.join(folderReal!, path.basename(out));
  if (outReal === fileReal || (outReal && fileStat && (await stat(outReal).then((s) => sameFile(s, fileStat)).catch(() => false))))
    say(`this is the workbook being checked (${file}), by another name or link; Plan Monitor never changes the workbook it checks, so name a new file`);
  if (!outLink) return;
  if (outLink.isSymbolicLink()) say("this is a symbolic link; Plan Monitor does not write through links, so name the file itself or a new file");
  if (outLink.isDirectory()) say("this is a folder; name a file inside it, e.g. " + path.join(out, "plan-checked.xlsx"));
  if (!outLink.isFile()) say("this is not a regular file");
  if (fileStat && sameFile(outLink, fileStat)) say(`this is a hard link to the workbook being checked (${file}); name a new file`);
  if (outLink.nlink > 1 && !force) say("this file has other hard links, which would keep the old copy; pass --force to replace it anyway");
  if (force) return;
  let existing: Buffer;
  try {
    existing = await readFile(out);
  } catch (e) {
    return say(`it exists and cannot be read (${plainWriteReason(e, out)})`);
  }
  if (!isPlanMonitorOutput(existing))
    say("a file of that name exists and was not written by Plan Monitor; pass --force to replace it, or name a new file");
}

/** Writes OUT atomically: a temporary file in OUT's folder, then a rename over OUT. */
export async function writeOutAtomically(out: string, data: Uint8Array): Promise<void> {
  const folder = path.dirname(path.resolve(out));
  const temp = path.join(folder, `.${path.basename(out)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let handle;
  try {
    handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, out);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw new OutError(`--out ${out}: could not write the copy (${plainWriteReason(e, out)}); nothing was written there`, 3);
  }
}

/** A write error in plain words, about OUT. */
export function plainWriteReason(e: unknown, out: string): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case "ENOENT":
      return `the folder ${path.dirname(path.resolve(out))} does not exist`;
    case "ENOTDIR":
      return "part of the path is a file, not a folder";
    case "EISDIR":
      return "it is a folder";
    case "EACCES":
    case "EPERM":
      return "permission denied: you may not write to that folder or file";
    case "EROFS":
      return "the disk is read-only";
    case "ENOSPC":
      return "the disk is full";
    case "EDQUOT":
      return "your disk quota is used up";
    case "ENAMETOOLONG":
      return "the name is too long";
    case "EXDEV":
      return "the temporary file and the copy are on different disks";
    default:
      return err instanceof Error ? err.message.split("\n")[0] : String(e);
  }
}
