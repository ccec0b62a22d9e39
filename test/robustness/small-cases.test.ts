// The smaller hostile cases of issue 11, through the command line on real
// workbooks: hidden and very hidden plan sheets are named, an emoji at the
// summary's text limit is never cut in half, serial 60 (Lotus's 1900-02-29) is
// no date, "+44 20 7946 0000" keeps its "+", a "RAG" header broken by an
// invisible character is still read, a TRUE owner names nobody, a FILE over the
// size limit is refused unread. FILE's bytes never change.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { main, MAX_FILE_BYTES } from "../../src/cli/main";
import type { PlanReport } from "../../src/engine/report";
import { cutText, excerpt } from "../../src/engine/text";
import { handWrittenXlsx } from "../helpers/fixtures";
import { tempDir } from "../helpers/tempDir";

const AS_AT = "2020-06-15";
const dir = tempDir("small");
const sha = (file: string): string => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const HEADER = ["Action", "Owner", "Due", "RAG"];

async function planFile(name: string, rows: ExcelJS.CellValue[][], shape?: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void, header = HEADER): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Plan");
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  shape?.(wb, ws);
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = args[0];
  const before = fs.existsSync(file) ? sha(file) : null;
  let stdout = "";
  let stderr = "";
  const code = await main(["check", ...args, "--as-at", AS_AT, "--no-color"], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  if (before !== null) expect(sha(file)).toBe(before);
  return { code, stdout, stderr };
}

const json = async (file: string): Promise<PlanReport> => JSON.parse((await run(file, "--json")).stdout);

describe("hidden plan sheets are named", () => {
  test.each([
    ["hidden", `Sheet "Plan" (hidden)\n  This sheet is hidden: Excel does not show it until you unhide it (right-click any sheet tab, then Unhide).\n`],
    ["veryHidden", `Sheet "Plan" (hidden)\n  This sheet is very hidden: Excel's Unhide list does not show it; it can be made visible only from the Visual Basic editor (Alt+F11, the sheet's Visible property).\n`],
  ] as const)("a %s plan sheet", async (state, words) => {
    const file = await planFile(`${state}.xlsx`, [["Publish the strategy", "Jo Bloggs", "September 2020", "Green"]], (wb, ws) => {
      ws.state = state;
      wb.addWorksheet("Front");
    });
    const r = await run(file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(words);
    expect((await json(file)).sheets[0].visibility).toBe(state);
    const out = path.join(dir, `${state}-out.xlsx`);
    expect((await run(file, "--out", out)).code).toBe(0);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
    expect(back.getWorksheet("Plan")!.state).toBe(state);
  });

  test("a visible sheet says nothing of it", async () => {
    const file = await planFile("visible.xlsx", [["Publish the strategy", "Jo Bloggs", "September 2020", "Green"]]);
    const r = await run(file);
    expect(r.stdout).toContain(`Sheet "Plan"\n`);
    expect(r.stdout).not.toContain("hidden");
    expect((await json(file)).sheets[0].visibility).toBeUndefined();
  });
});

describe("an emoji at a text limit is cut whole", () => {
  const hasLoneSurrogate = (s: string): boolean => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
  test("cutText and excerpt never leave half a pair", () => {
    const s = `${"a".repeat(9)}😀b`;
    expect(cutText(s, 10)).toBe("a".repeat(9));
    expect(cutText(s, 11)).toBe(`${"a".repeat(9)}😀`);
    expect(excerpt(s, 11)).toBe(`${"a".repeat(9)}…`);
  });

  test("the exceptions sheet's action text of a red action", async () => {
    // The exceptions sheet cuts action texts at 160 characters (159 and "…"): the emoji straddles that cut.
    const action = `${"x".repeat(158)}😀 and more words after the limit`;
    const file = await planFile("emoji.xlsx", [[action, "Jo Bloggs", "March 2020", "Red"]]);
    const out = path.join(dir, "emoji-out.xlsx");
    expect((await run(file, "--out", out)).code).toBe(0);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
    const texts: string[] = [];
    back.worksheets.forEach((ws) => ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === "string" && texts.push(c.value)))));
    const cut = texts.find((t) => t.startsWith("x".repeat(158)) && t.endsWith("…"));
    expect(cut).toBe(`${"x".repeat(158)}…`);
    expect(texts.filter(hasLoneSurrogate)).toEqual([]);
    expect(texts.filter((t) => t.includes("\uFFFD"))).toEqual([]);
  });
});

test("serial 60 in a date cell (Excel's fictitious 29 February 1900) is no date", async () => {
  const file = await planFile("serial60.xlsx", [["Publish the strategy", "Jo Bloggs", 60, "Green"]], (_wb, ws) => {
    ws.getCell("C2").numFmt = "dd/mm/yyyy";
  });
  const item = (await json(file)).sheets[0].items[0];
  expect(item.due).toBeNull();
  expect(item.findings.map((f) => f.code)).toContain("unreadable-due");
  expect(JSON.stringify(item)).not.toContain("1900-02-29");
});

test('"+44 20 7946 0000" keeps its "+"', async () => {
  const file = await planFile("phone.xlsx", [
    ["Call the helpline", "+44 20 7946 0000", "September 2020", "Green"],
    ["Call the helpline", "Jo Bloggs, +44 20 7946 0000", "September 2020", "Green"],
    ["Two owners", "Jo Bloggs + Sam Smith", "September 2020", "Green"],
  ]);
  const items = (await json(file)).sheets[0].items;
  expect(items.map((i) => i.owners)).toEqual([["+44 20 7946 0000"], ["Jo Bloggs, +44 20 7946 0000"], ["Jo Bloggs", "Sam Smith"]]);
  expect((await run(file)).stdout).toContain("+44 20 7946 0000");
});

describe('a "RAG" header broken by an invisible character is still the status header', () => {
  test.each([
    ["zero-width joiner", "RA\u200DG"],
    ["zero-width space", "R\u200BAG"],
    ["soft hyphen", "RA\u00ADG"],
    ["byte order mark", "\uFEFFRAG"],
  ])("%s", async (_what, header) => {
    // Statuses Plan Monitor does not know as words: only the header says this is the status column.
    const file = await planFile(`rag-${header.length}-${header.charCodeAt(2)}.xlsx`, [["Publish the strategy", "Jo Bloggs", "September 2020", "G"], ["Audit the files", "Sam Smith", "March 2020", "R"]], undefined, ["Action", "Owner", "Due", header]);
    const sheet = (await json(file)).sheets[0];
    expect(sheet.columns.status).toBe("D");
    expect(sheet.evidence.find((e) => e.column === "D")!.because).toMatch(/^“[^”]+” names a status;/);
  });
});

test("an owner cell holding TRUE names nobody", async () => {
  const file = await planFile("true-owner.xlsx", [["Publish the strategy", true, "September 2020", "Green"], ["Audit the files", "Jo Bloggs", "September 2020", "Green"]]);
  const items = (await json(file)).sheets[0].items;
  expect(items[0].owners).toEqual([]);
  expect(items[0].findings.map((f) => f.code)).toContain("no-owner");
  expect((await run(file)).stdout).not.toMatch(/^ {2}TRUE /m);
});

describe("FILE size", () => {
  test("a FILE over the limit is refused before it is read", async () => {
    const file = path.join(dir, "huge.xlsx");
    // A sparse file: as large as that on paper, no disk used.
    fs.writeFileSync(file, "");
    fs.truncateSync(file, MAX_FILE_BYTES + 1);
    const r = await run(file);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`plan-monitor: ${file}: this file is 101 MB, more than the 100 MB Plan Monitor reads (a plan of 200,000 rows is under 10 MB), so it was not opened\n`);
    fs.unlinkSync(file);
  });
});

test("a formula's cached text holding control characters is shown escaped, and comes out of --out as it went in", async () => {
  const zip = await JSZip.loadAsync(handWrittenXlsx());
  const sheet = "xl/worksheets/sheet1.xml";
  const cell = '<c r="B2" t="str"><f>"Jo"&amp;CHAR(27)</f><v>Jo_x001B_]0;title_x0007_ Bloggs_x000D_</v></c>';
  zip.file(sheet, (await zip.file(sheet)!.async("string")).replace(/<c r="B2" t="inlineStr"><is><t>Jo Bloggs<\/t><\/is><\/c>/, cell));
  const file = path.join(dir, "formula-text.xlsx");
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
  const r = await run(file);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("Jo\\x1B");
  expect([...r.stdout].filter((ch) => ch === "\x07" || ch === "\x1b" || ch === "\r")).toEqual([]);
  const out = path.join(dir, "formula-text-out.xlsx");
  expect((await run(file, "--out", out)).code).toBe(0);
  const written = await (await JSZip.loadAsync(fs.readFileSync(out))).file(sheet)!.async("string");
  expect(written).toContain("<v>Jo_x001B_]0;title_x0007_ Bloggs_x000D_</v>");
});
