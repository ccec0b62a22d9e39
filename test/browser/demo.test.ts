/** @jest-environment node */
// The task pane in a real browser: the demo page (src/demo) built with webpack,
// served from 127.0.0.1, driven in Debian's Chromium through playwright-core.
// The pane runs unchanged (OfficePlanHost on the real Office.js Excel client) on the
// in-memory Excel. Every step saves a screenshot to test-output/screenshots/.
//
// Each page fails its test on any console error, uncaught error, CSP violation or
// request that leaves the page's own origin; the task pane must pass axe-core with
// no serious or critical violation, fit 320 px without scrolling sideways, and work
// in the dark theme.
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { RAG_FILL } from "../../src/engine/writeback";
import { describeWithChromium } from "../helpers/requires";
import { CORPUS } from "../helpers/corpus";
import { CHROMIUM, CHROMIUM_ARGS, ROOT, SCREENSHOTS, buildDemo, newSiteDir, serve, type Site } from "./site";

jest.setTimeout(180_000);

const AXE_SOURCE = fs.readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
const PLAN_FILL = new Set(["blue", "green", "amber", "red"].map((k) => RAG_FILL[k as keyof typeof RAG_FILL].toUpperCase()));

let siteDir: string;
let site: Site;
let browser: Browser;
const opened: BrowserContext[] = [];

interface Demo {
  page: Page;
  pane: Locator;
  /** Console errors, page errors, CSP violations and off-origin requests seen so far. */
  problems: string[];
}

async function openDemo(query = "", options: { width?: number; height?: number; dark?: boolean } = {}): Promise<Demo> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1400, height: options.height ?? 900 },
    locale: "en-GB",
    timezoneId: "Europe/London",
    colorScheme: options.dark ? "dark" : "light",
  });
  opened.push(context);
  const problems: string[] = [];
  const own = (url: string) => url.startsWith(`${site.origin}/`) || url.startsWith("data:") || url.startsWith("blob:");
  // Nothing may leave the page's origin: record it, and stop it.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (own(url)) return route.continue();
    problems.push(`request off the page's origin: ${url}`);
    return route.abort("blockedbyclient");
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "(inline)"}`));
  });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught error: ${e.message}`));
  page.on("websocket", (ws) => {
    if (!ws.url().startsWith(site.origin.replace(/^http/, "ws"))) problems.push(`websocket off the page's origin: ${ws.url()}`);
  });
  page.on("request", (r) => {
    if (!own(r.url())) problems.push(`request off the page's origin: ${r.url()}`);
  });
  await page.goto(`${site.origin}/${query}`);
  const pane = page.locator("#taskpane");
  return { page, pane, problems };
}

// Waits are generous (60 s): on a loaded 2-core machine a step once took over 20 s. A timeout only lengthens a failure.
async function waitUntil(what: string, fn: () => Promise<boolean>, timeout = 60_000, state?: () => Promise<unknown>): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await fn()) return;
    if (Date.now() > end) throw new Error(`Timed out waiting until ${what}${state ? `; now ${JSON.stringify(await state())}` : ""}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function waitForWorkbook(demo: Demo, name: string): Promise<void> {
  await demo.page.locator(`#demo-root[data-workbook="${name}"]`).waitFor({ timeout: 30_000 });
  await enabled(demo.pane.getByRole("button", { name: "Check this workbook" }));
}

/** Fluent buttons stay focusable while busy (aria-disabled): wait until one can be pressed. */
async function enabled(button: Locator): Promise<Locator> {
  await button.waitFor({ timeout: 30_000 });
  await waitUntil("the button is enabled", async () => (await button.getAttribute("aria-disabled")) !== "true" && !(await button.isDisabled()), 30_000);
  return button;
}

async function press(demo: Demo, name: string): Promise<void> {
  await (await enabled(demo.pane.getByRole("button", { name, exact: true }))).click();
}

async function notice(demo: Demo, title: string): Promise<void> {
  await demo.pane.getByText(title, { exact: true }).first().waitFor({ timeout: 60_000 });
}

async function shot(demo: Demo, name: string, what: "page" | "pane" = "page"): Promise<string> {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await demo.page.mouse.move(0, 0); // no hover underline in the pictures
  if (what === "pane") await demo.pane.screenshot({ path: file });
  else await demo.page.screenshot({ path: file });
  return file;
}

/** Cells on the sheet shown whose fill is a RAG colour (blue, green, amber, red). */
async function ragCells(page: Page): Promise<number> {
  const fills = await page.$$eval("table.grid td[data-fill]", (tds) => tds.map((td) => (td.getAttribute("data-fill") ?? "").toUpperCase()));
  return fills.filter((f) => PLAN_FILL.has(f)).length;
}

async function activeTab(page: Page): Promise<string> {
  return (await page.getByRole("tab", { selected: true }).textContent()) ?? "";
}

async function selection(page: Page): Promise<{ sheet: string; address: string }> {
  const el = page.locator("#demo-selection");
  return { sheet: (await el.getAttribute("data-sheet")) ?? "", address: (await el.textContent()) ?? "" };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core on part of the page. The page's CSP refuses inline scripts, so
 * page.addScriptTag({ content }) is blocked (and logs a CSP error); the script is
 * evaluated through the DevTools protocol instead, which the CSP does not govern.
 */
async function axe(page: Page, include: string, exclude: string[] = []): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object"))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ include, exclude }) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
      const result = await axe.run({ include: [include], exclude }, { resultTypes: ["violations"] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
    },
    { include, exclude },
  );
}

async function expectAccessible(page: Page, include: string, label: string, exclude: string[] = []): Promise<void> {
  const violations = await axe(page, include, exclude);
  fs.writeFileSync(path.join(SCREENSHOTS, `axe-${label}.json`), JSON.stringify(violations, null, 2) + "\n");
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
}

/** Open every kind of finding in the pane (each is an accordion). */
async function openAllFindings(demo: Demo): Promise<void> {
  const headers = demo.pane.locator("h4 button[aria-expanded='false']");
  while ((await headers.count()) > 0) await headers.first().click();
}

/** The element's content is no wider than the element (no horizontal scroll), with what sticks out if not. */
async function horizontalOverflow(page: Page, selector: string): Promise<{ scrollWidth: number; clientWidth: number; sticksOut: string[] }> {
  return page.$eval(selector, (el) => {
    const right = el.getBoundingClientRect().right;
    const sticksOut = [...el.querySelectorAll("*")]
      .filter((e) => e.getBoundingClientRect().right > right + 1 && e.getBoundingClientRect().width > 1)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${(e.getAttribute("class") ?? "").split(" ")[0]} "${(e.textContent ?? "").slice(0, 40)}"`);
    return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, sticksOut };
  });
}

/**
 * Check → findings → choose one (the grid's selection moves to it) → colour → summary
 * sheets (new tabs in the grid) → clear, with a screenshot after each step.
 */
async function goThrough(demo: Demo, label: string, planSheet: string): Promise<void> {
  const { page, pane } = demo;
  expect(await activeTab(page)).toBe(planSheet);
  await shot(demo, `${label}-1-opened`);

  // Check
  await press(demo, "Check this workbook");
  const heading = pane.getByRole("heading", { name: /^Things to look at \(\d+\)$/ });
  await heading.waitFor({ timeout: 60_000 });
  const total = Number(/\((\d+)\)/.exec((await heading.textContent()) ?? "")![1]);
  expect(total).toBeGreaterThan(0);
  await pane.getByRole("heading", { name: "What was found" }).scrollIntoViewIfNeeded();
  await shot(demo, `${label}-2-checked`);

  // Findings: open the first (most serious) kind and choose its last cell.
  const before = await selection(page);
  const sheetFindings = pane.getByRole("region", { name: /^Things to look at/ }).locator("article").first();
  await sheetFindings.locator("h4 button").first().click();
  const finding = sheetFindings.locator("button[data-address]").last();
  const address = (await finding.getAttribute("data-address"))!;
  const sheetHeading = (await sheetFindings.locator("h3").textContent())!;
  const sheet = sheetHeading.replace(/\s*\(\d+\)\s*$/, "");
  expect(`${before.sheet}!${before.address}`).not.toBe(`${sheet}!${address}`);
  await finding.click();
  await waitUntil(
    `the grid selects ${sheet}!${address}`,
    async () => {
      const now = await selection(page);
      return now.sheet === sheet && now.address === address;
    },
    // Generous: seen to take over 20 s once with the whole suite loading both cores.
    60_000,
    async () => ({ selection: await selection(page), alerts: await page.getByRole("alert").allInnerTexts(), problems: demo.problems, pane: (await pane.innerText()).slice(0, 600) }),
  );
  expect(await activeTab(page)).toBe(sheet);
  const cell = page.locator("table.grid td[data-active-cell]");
  expect(await cell.getAttribute("aria-selected")).toBe("true");
  // Scrolled into view inside the grid.
  const box = (await page.locator(".grid-scroll").boundingBox())!;
  const at = (await cell.boundingBox())!;
  expect(at.y).toBeGreaterThanOrEqual(box.y);
  expect(at.y + Math.min(at.height, 20)).toBeLessThanOrEqual(box.y + box.height);
  expect(at.x).toBeLessThan(box.x + box.width);
  await finding.scrollIntoViewIfNeeded();
  await shot(demo, `${label}-3-finding-selected`);
  await shot(demo, `${label}-3-taskpane`, "pane");
  await expectAccessible(page, "#taskpane", `${label}-taskpane`);

  // Colour RAG: the grid shows the colours (conditional formats) after the pane's requests.
  const uncoloured = await ragCells(page);
  await press(demo, "Colour RAG");
  await notice(demo, "RAG colours applied");
  await waitUntil("the grid shows RAG colours", async () => (await ragCells(page)) > uncoloured);
  await shot(demo, `${label}-4-coloured`);

  // Summary sheets: new tabs.
  const tabsBefore = await page.getByRole("tab").count();
  await press(demo, "Build summary sheets");
  await notice(demo, "Summary sheets built");
  await waitUntil("the summary sheets show as tabs", async () => (await page.getByRole("tab").count()) > tabsBefore);
  const themes = page.getByRole("tab", { name: "PM Summary – Themes" });
  await themes.click();
  await waitUntil("the summary sheet shows", async () => (await activeTab(page)) === "PM Summary – Themes");
  expect(await page.locator("table.grid").textContent()).toContain("Summary by theme");
  await shot(demo, `${label}-5-summary`);

  // Clear colours: back to the plan sheet as it was.
  await page.getByRole("tab", { name: planSheet, exact: true }).click();
  await waitUntil("the plan sheet shows", async () => (await activeTab(page)) === planSheet);
  await press(demo, "Clear colours");
  await notice(demo, "Colours cleared");
  await waitUntil("the RAG colours are gone", async () => (await ragCells(page)) === uncoloured);
  await shot(demo, `${label}-6-cleared`);
  await expectAccessible(page, "body", `${label}-page`, ["table.grid tbody td"]);
}

describeWithChromium("the demo page in Chromium", () => {
  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium); the tests never download a browser.`);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    siteDir = newSiteDir();
    await buildDemo(siteDir);
    site = await serve(siteDir);
    // British date fields in the pane (when Debian's chromium-l10n is installed; else Chromium's en-US).
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env: { ...process.env, LANG: "en_GB.UTF-8", LANGUAGE: "en_GB:en" } });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (siteDir) fs.rmSync(siteDir, { recursive: true, force: true });
  });

  afterEach(async () => {
    for (const c of opened.splice(0)) await c.close();
  });

  test("the sample: check, choose a finding, colour, summary sheets, clear", async () => {
    const demo = await openDemo("", { width: 1600, height: 1000 });
    await waitForWorkbook(demo, "cqc-monitoring-form.xlsx");
    await goThrough(demo, "sample", "Improvement Plan");
    expect(demo.problems).toEqual([]);
  });

  test("a corpus plan opened with the file picker: scr-action-plan.xlsx", async () => {
    const demo = await openDemo("", { width: 1600, height: 1000 });
    await waitForWorkbook(demo, "cqc-monitoring-form.xlsx");
    await demo.page.locator("input[type=file]").setInputFiles(path.join(CORPUS, "scr-action-plan.xlsx"));
    await waitForWorkbook(demo, "scr-action-plan.xlsx");
    await demo.pane.getByLabel("RAG as at").fill("2015-10-12"); // the plan's own report date
    await goThrough(demo, "scr", "SCR Action Plan");
    // The pane's figures are the corpus labels' (17 actions on the plan sheet).
    await press(demo, "Check again");
    await demo.pane.getByRole("heading", { name: /^Things to look at/ }).waitFor();
    expect(await demo.pane.textContent()).toContain("Actions17");
    expect(demo.problems).toEqual([]);
  });

  test("the task pane at 320 px wide and in the dark theme", async () => {
    const demo = await openDemo("?theme=dark&paneWidth=320", { dark: true, height: 1000 });
    await waitForWorkbook(demo, "cqc-monitoring-form.xlsx");
    expect(await demo.pane.locator("[data-theme]").first().getAttribute("data-theme")).toBe("dark");
    expect(await demo.page.evaluate(() => document.querySelector("#taskpane")!.getBoundingClientRect().width)).toBe(320);
    await press(demo, "Check this workbook");
    await demo.pane.getByRole("heading", { name: /^Things to look at/ }).waitFor({ timeout: 60_000 });
    await openAllFindings(demo);
    await demo.pane.locator("button[data-address]").first().click();
    await shot(demo, "dark-320-page");
    await shot(demo, "dark-320-taskpane", "pane");
    const overflow = await horizontalOverflow(demo.page, "#taskpane");
    expect(overflow.sticksOut).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
    await expectAccessible(demo.page, "#taskpane", "dark-taskpane");
    await expectAccessible(demo.page, "body", "dark-page", ["table.grid tbody td"]);
    expect(demo.problems).toEqual([]);
  });

  test("the whole demo in a 320 px wide window: the pane below the grid, nothing scrolls sideways", async () => {
    const demo = await openDemo("", { width: 320, height: 800 });
    await waitForWorkbook(demo, "cqc-monitoring-form.xlsx");
    await press(demo, "Check this workbook");
    await demo.pane.getByRole("heading", { name: /^Things to look at/ }).waitFor({ timeout: 60_000 });
    await openAllFindings(demo);
    expect(await demo.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const overflow = await horizontalOverflow(demo.page, "#taskpane");
    expect(overflow.sticksOut).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
    await demo.pane.getByRole("heading", { name: /^Things to look at/ }).scrollIntoViewIfNeeded();
    await shot(demo, "narrow-320-page");
    expect(demo.problems).toEqual([]);
  });

  test("a file that is not a workbook is refused in plain words, and the demo carries on", async () => {
    const demo = await openDemo();
    await waitForWorkbook(demo, "cqc-monitoring-form.xlsx");
    await demo.page.locator("input[type=file]").setInputFiles({ name: "notes.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("not a zip") });
    const alert = demo.page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^notes\.xlsx could not be opened: /);
    expect(await demo.page.locator("#demo-root").getAttribute("data-workbook")).toBe("cqc-monitoring-form.xlsx");
    await press(demo, "Check this workbook");
    await demo.pane.getByRole("heading", { name: /^Things to look at/ }).waitFor({ timeout: 60_000 });
    expect(demo.problems).toEqual([]);
  });

  test("Microsoft's Excel client is copied into the demo's output only, never into the task pane's build", () => {
    const config = require(path.join(ROOT, "webpack.config.js")) as {
      buildConfig(o: { production: boolean }): { plugins: object[] };
      buildDemoConfig(o: { production: boolean }): { plugins: object[] };
    };
    const copied = (c: { plugins: object[] }) =>
      c.plugins.flatMap((p) => ((p as { patterns?: Array<string | { from: string }> }).patterns ?? []).map((x) => (typeof x === "string" ? x : x.from)));
    expect(copied(config.buildConfig({ production: true })).filter((f) => f.includes("office-js"))).toEqual([]);
    expect(copied(config.buildDemoConfig({ production: true }))).toContain("node_modules/@microsoft/office-js/dist/excel-web-16.00.js");
    expect(fs.existsSync(path.join(siteDir, "office", "excel-web-16.00.js"))).toBe(true);
  });
});
