// The role table and the "other words seen" of plan-rules.md §1, checked against
// the lexicon: every name the rules list gives its column that role in a plan.
import { readFileSync } from "node:fs";
import path from "node:path";
import { findHeaderRow } from "../../src/engine/layout/header";
import { ROLES, type Role } from "../../src/engine/report";
import { SHARED } from "../helpers/corpus";
import { grid, type Raw } from "../helpers/grid";

const RULES = readFileSync(path.join(SHARED, "docs/plan-rules.md"), "utf8");

/** role → header names, from the markdown table of §1. */
function tableNames(): [Role, string][] {
  const out: [Role, string][] = [];
  for (const line of RULES.split("\n")) {
    const m = /^\s*\|\s*`(\w+)`\s*\|(.*)\|\s*$/.exec(line);
    if (!m || !(ROLES as readonly string[]).includes(m[1])) continue;
    // What follows a ";" or an opening bracket is a condition, not a name.
    const names = m[2].split(";")[0].replace(/\([^)]*\)/g, "").split(",");
    for (const n of names.map((x) => x.trim()).filter(Boolean)) out.push([m[1] as Role, n]);
  }
  return out;
}

/** The "Other words seen" paragraph: quoted names, each group closed by its role in brackets. */
function otherWords(): [Role, string][] {
  const start = RULES.indexOf("Other words seen");
  const para = RULES.slice(start, RULES.indexOf("A long", start)).replace(/\s+/g, " ");
  const out: [Role, string][] = [];
  const group = /((?:"[^"]+",? ?(?:and )?)+)\((\w+)\)/g;
  for (const g of para.matchAll(group)) {
    const role = g[2] as Role;
    for (const q of g[1].matchAll(/"([^"]+)"/g)) out.push([role, q[1]]);
  }
  return out;
}

const SAMPLE: Record<Role, (i: number) => Raw> = {
  ref: (i) => String(i + 1),
  action: (i) => `Review the safeguarding procedure number ${i + 1} with every team`,
  subAction: (i) => `Hold a workshop with the team leaders, step ${i + 1}`,
  owner: (i) => ["Jo Bloggs", "Head of Service", "SK"][i % 3],
  due: (i) => ["March 2020", "Jun-20", "30/09/2020"][i % 3],
  revised: (i) => ["April 2020", "Jul-20", "31/10/2020"][i % 3],
  start: (i) => ["January 2020", "Feb-20", "01/03/2020"][i % 3],
  status: (i) => ["Complete", "On track", "Not started"][i % 3],
  progress: (i) => `Workshop ${i + 1} held in May and the notes circulated to all members`,
  outcome: (i) => `Fewer late referrals, measured each quarter against baseline ${i + 1}`,
  source: (i) => `Peer review report of June 2019, recommendation ${i + 1}`,
};

/** A small plan with the named column in it, beside the columns it is read with. */
function planWith(role: Role, name: string) {
  const others: Role[] = role === "action" ? ["owner", "due"] : role === "owner" ? ["action", "due"] : ["action", "owner"];
  const roles: Role[] = role === "action" ? [role, ...others] : [others[0], role, others[1]];
  const header = roles.map((r) => (r === role ? name : r === "action" ? "Action" : r === "owner" ? "Owner" : "Target date"));
  return { g: grid("Plan", [header, ...Array.from({ length: 6 }, (_, i) => roles.map((r) => SAMPLE[r](i)))]), column: roles.indexOf(role) };
}

describe("plan-rules.md §1: every name in the role table names its role", () => {
  const names = tableNames();
  test("the table was read", () => expect(new Set(names.map(([r]) => r)).size).toBeGreaterThanOrEqual(9));
  test.each(names)("%s: %p", (role, name) => {
    const { g, column } = planWith(role, name);
    const { header } = findHeaderRow(g);
    expect(header?.columns[role]).toBe(column);
  });
});

describe("plan-rules.md §1: the other words seen name their roles", () => {
  const names = otherWords();
  test("the paragraph was read", () => expect(names.length).toBeGreaterThanOrEqual(15));
  test.each(names)("%s: %p", (role, name) => {
    const { g, column } = planWith(role, name);
    const { header } = findHeaderRow(g);
    expect(header?.columns[role]).toBe(column);
  });
});
