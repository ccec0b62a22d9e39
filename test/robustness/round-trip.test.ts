// Every user value comes out of `check --out` as it went in, read back by a
// second, independent reader (openpyxl): numbers beyond the date range in date
// cells, control characters, CR/LF, literal "_x0041_" text. Also what exceljs
// itself reads back. FILE is byte for byte unchanged.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { main } from "../../src/cli/main";
import { escapeOoxmlText } from "../../src/xlsx/xml";
import { readZipEntry, zipEntries } from "../../src/xlsx/zip";
import { HOSTILE_NUMBERS, HOSTILE_TEXTS, hostileValues } from "./hostile-values";
import { describeWithOpenpyxl, PYTHON } from "../helpers/requires";
import { tempDir } from "../helpers/tempDir";

const READER = path.join(__dirname, "../helpers/openpyxl-values.py");

const dir = tempDir("round-trip");
const sha = (file: string): string => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const openpyxlValues = (file: string): Record<string, unknown> => JSON.parse(execFileSync(PYTHON, [READER, file, "Plan"], { encoding: "utf8" }));

async function checkOut(file: string, out: string): Promise<string> {
  const before = sha(file);
  let stderr = "";
  const code = await main(["check", file, "--as-at", "2020-06-15", "--no-color", "--json", "--out", out], { stdout: () => undefined, stderr: (s) => (stderr += s) });
  expect(sha(file)).toBe(before);
  expect(code).toBe(0);
  return stderr;
}

function sheetXml(file: string, part = "xl/worksheets/sheet1.xml"): string {
  const bytes = fs.readFileSync(file);
  const entry = zipEntries(bytes)!.find((e) => e.name === part)!;
  return readZipEntry(bytes, entry, 1e8)!.toString("utf8");
}

describe("escapeOoxmlText", () => {
  test.each([
    ["plain", "plain"],
    ["a\r\nb", "a_x000D_\nb"],
    ["_x0041_", "_x005F_x0041_"],
    ["_x00e9_ lower", "_x005F_x00e9_ lower"],
    ["bell\x07", "bell_x0007_"],
    ["\x1b[2J", "_x001B_[2J"],
    ["tab\tand\nnewline", "tab\tand\nnewline"],
    ["_x12_ not an escape", "_x12_ not an escape"],
    ["\x7f", "_x007F_"],
  ])("%j is stored as %j", (text, stored) => expect(escapeOoxmlText(text)).toBe(stored));
});

describeWithOpenpyxl("check --out keeps every value (read back with openpyxl)", () => {
  const file = path.join(dir, "hostile.xlsx");
  const out = path.join(dir, "hostile-out.xlsx");
  beforeAll(() => fs.writeFileSync(file, hostileValues()));

  test("openpyxl reads the input as the fixture means it", () => {
    const input = openpyxlValues(file);
    HOSTILE_TEXTS.forEach(({ text }, i) => expect(input[`A${i + 2}`]).toBe(text));
    HOSTILE_NUMBERS.forEach((n, i) => expect(input[`C${i + 2}`]).toBe(n));
  });

  test("the output's Plan sheet has the very same values as the input's", async () => {
    await checkOut(file, out);
    expect(openpyxlValues(out)).toEqual(openpyxlValues(file));
  });

  test("no number is written as NaN, and the date format is kept", async () => {
    await checkOut(file, out);
    const xml = sheetXml(out);
    expect(xml).not.toMatch(/NaN|Infinity/);
    const inputValues = openpyxlValues(file);
    for (let r = 2; r < 2 + HOSTILE_NUMBERS.length; r++) expect(openpyxlValues(out)[`C${r}`]).toBe(inputValues[`C${r}`]);
  });

  test("running again on the output changes no user value", async () => {
    await checkOut(file, out);
    const again = path.join(dir, "hostile-again.xlsx");
    await checkOut(out, again);
    expect(openpyxlValues(again)).toEqual(openpyxlValues(file));
  });
});
