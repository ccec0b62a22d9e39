// A small reader of a zip package's central directory (the index at the end of
// every .xlsx): the part names with their sizes, and one part's bytes. Used
// before exceljs sees a file (to refuse a zip bomb) and to recognise an existing
// --out file as Plan Monitor's own. Only what .xlsx files use: stored and
// deflated entries, zip64 sizes.
import { inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of the central directory, or null when the bytes are not a readable zip package. */
export function zipEntries(data: Uint8Array): ZipEntry[] | null {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 bytes (its comment is at most 64 KiB).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
    const at = Number(buf.readBigUInt64LE(eocd - 20 + 8));
    if (at + 56 > buf.length || buf.readUInt32LE(at) !== ZIP64_EOCD) return null;
    count = Number(buf.readBigUInt64LE(at + 32));
    offset = Number(buf.readBigUInt64LE(at + 48));
  }
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return null;
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLength + extraLength > buf.length) return null;
    const name = buf.toString("utf8", p + 46, p + 46 + nameLength);
    // zip64: the sizes that do not fit 32 bits are in extra field 0x0001, in this order.
    let x = p + 46 + nameLength;
    const end = x + extraLength;
    while (x + 4 <= end) {
      const id = buf.readUInt16LE(x);
      const size = buf.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        const next = (): number => {
          const v = q + 8 <= x + 4 + size ? Number(buf.readBigUInt64LE(q)) : 0;
          q += 8;
          return v;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      x += 4 + size;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    p = end + commentLength;
  }
  return entries;
}

/** One entry's bytes, inflating at most maxBytes (null when it cannot be read or is larger). */
export function readZipEntry(data: Uint8Array, entry: ZipEntry, maxBytes: number): Buffer | null {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const p = entry.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const raw = buf.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return raw.length <= maxBytes ? Buffer.from(raw) : null;
    if (entry.method === 8) return inflateRawSync(raw, { maxOutputLength: maxBytes });
  } catch {
    return null;
  }
  return null;
}

/** Does a deflated entry inflate to more than maxBytes? (false when it fits, or is damaged: the reader then says so) */
export function inflatesBeyond(data: Uint8Array, entry: ZipEntry, maxBytes: number): boolean {
  if (entry.method !== 8) return false;
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const p = entry.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) return false;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  try {
    inflateRawSync(buf.subarray(start, start + entry.compressedSize), { maxOutputLength: Math.max(1, maxBytes) });
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE";
  }
}
