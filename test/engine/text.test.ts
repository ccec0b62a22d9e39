import { hasHtml, leadingRef, normalise, startsMidSentence, textKey } from "../../src/engine/text";

test.each([
  ["3. Agree number of sub-groups", "3"],
  ["10. Revise progression guidance", "10"],
  ["1.1 Facilitate a workshop", "1.1"],
  ["3.3. The programme of workshops", "3.3"],
  ["1.The partnership should ensure", "1"],
  ["4) Ensure", "4"],
  ["3 months review", ""],
  ["2010 review", ""],
  ["(8.1.1) review", ""],
  ["Review 3.", ""],
  ["", ""],
])("leadingRef(%p) = %p", (text, ref) => expect(leadingRef(text)).toBe(ref));

test("normalise treats dashes and whitespace alike", () => {
  expect(normalise("  Improvement Area 1 –  Address\n the risks ")).toBe("Improvement Area 1 - Address the risks");
  expect(textKey("THEME 2 — Embedding")).toBe(textKey("Theme 2 - embedding"));
});

test.each([
  ["safeguarding with potential to terminate", true],
  ["to feedback their audit findings", true],
  ["Publish list of sub-groups", false],
  ["“Safeguarding” reports", false],
  ["1.2 Hold discussions", false],
  ["", false],
])("startsMidSentence(%p) = %p", (text, expected) => expect(startsMidSentence(text)).toBe(expected));

test.each([
  ["<p>Text</p>", true],
  ["<div class='x'>a</div>", true],
  ["line<br/>break", true],
  ["a&nbsp;b", true],
  ["Q & A sub group", false],
  ["x < 5 and y > 3", false],
  ["Health & Social Care", false],
])("hasHtml(%p) = %p", (text, expected) => expect(hasHtml(text)).toBe(expected));
