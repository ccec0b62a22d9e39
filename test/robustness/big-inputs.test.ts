// Big and hostile sizes: a text report of 200,000 actions with 200,000 owners
// (no Math.max(...array) overflowing the stack), zip bombs refused before
// exceljs unpacks them, and a workbook whose directory lies about its sizes.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import { formatReport } from "../../src/cli/format";
import { main } from "../../src/cli/main";
import { analyseWorkbook } from "../../src/engine/analyse";
import { readWorkbookBuffer, refuseZipBomb, WorkbookReadError } from "../../src/xlsx/read";
import { zipEntries } from "../../src/xlsx/zip";
import { handWrittenXlsx } from "../helpers/fixtures";
import { grid } from "../helpers/grid";
import { tempDir } from "../helpers/tempDir";

const dir = tempDir("big");
const sha = (f: string): string => createHash("sha256").update(fs.readFileSync(f)).digest("hex");

/** A zip of deflated entries; `declared` overrides the uncompressed size its directory states. */
function deflatedZip(entries: Record<string, Buffer>, declared: Record<string, number> = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, "utf8");
    const packed = deflateRawSync(data);
    const size = declared[name] ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const SHEET = "xl/worksheets/sheet1.xml";
const sheetXml = (padding: number): Buffer =>
  Buffer.concat([Buffer.from('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'), Buffer.alloc(padding, 0x20), Buffer.from("</sheetData></worksheet>")]);

async function run(file: string): Promise<{ code: number; stderr: string; ms: number }> {
  const before = sha(file);
  let stderr = "";
  const started = Date.now();
  const code = await main(["check", file, "--no-color"], { stdout: () => undefined, stderr: (s) => (stderr += s) });
  expect(sha(file)).toBe(before);
  return { code, stderr, ms: Date.now() - started };
}

describe("zip bombs are refused before exceljs unpacks them", () => {
  test("a part packed more than 500 times (60 MB of spaces in 60 KB) is refused at once", async () => {
    const file = path.join(dir, "ratio.xlsx");
    fs.writeFileSync(file, deflatedZip({ "xl/workbook.xml": Buffer.from("<workbook/>"), [SHEET]: sheetXml(60 * 1_048_576) }));
    const r = await run(file);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^plan-monitor: .*ratio\.xlsx: this workbook would unpack to 60 MB in its part xl\/worksheets\/sheet1\.xml, [\d,]+ times its packed size \(real workbooks are under 500 times\), more than Plan Monitor reads; .*"zip bomb"\)?. Plan Monitor did not open it\n$/);
    expect(r.ms).toBeLessThan(3000);
  });

  test("parts that say they hold gigabytes are refused from the directory alone", () => {
    const zip = deflatedZip({ "xl/workbook.xml": Buffer.from("<workbook/>"), [SHEET]: sheetXml(10) }, { [SHEET]: 0xf0000000 });
    expect(() => refuseZipBomb(zip)).toThrow(new WorkbookReadError(
      'this workbook would unpack to 3,840 MB (limit 1,024 MB), more than Plan Monitor reads; a plan is never this large, so the file is damaged or made to exhaust memory (a "zip bomb"). Plan Monitor did not open it',
    ));
  });

  test("a part that holds more than its directory says is refused", async () => {
    const zip = deflatedZip({ "xl/workbook.xml": Buffer.from("<workbook/>"), [SHEET]: sheetXml(5 * 1_048_576) }, { [SHEET]: 1000 });
    expect(zipEntries(zip)!.find((e) => e.name === SHEET)!.uncompressedSize).toBe(1000);
    await expect(readWorkbookBuffer(zip)).rejects.toThrow(/more than its directory says: its part xl\/worksheets\/sheet1\.xml holds more than the 1,000 bytes stated/);
  });

  test("an ordinary workbook passes the check", async () => {
    expect(() => refuseZipBomb(handWrittenXlsx())).not.toThrow();
    await expect(readWorkbookBuffer(handWrittenXlsx())).resolves.toBeDefined();
  });
});

test("the text report of 200,000 actions with 200,000 owners does not overflow the stack", () => {
  const rows: (string | number)[][] = [["Theme", "Action", "Lead officer", "Target date", "RAG"]];
  for (let i = 0; i < 200_000; i++) rows.push([`Theme ${i % 50}`, `Action number ${i}`, `Officer ${i}`, "September 2020", "Green"]);
  const report = analyseWorkbook([grid("Plan", rows)], { asAt: "2020-06-15" });
  expect(report.sheets[0].items).toHaveLength(200_000);
  const text = formatReport(report, { color: false, file: "big.xlsx" });
  expect(text).toContain("Officer 199999");
}, 60_000);
