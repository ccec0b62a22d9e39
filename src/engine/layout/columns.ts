// Column roles from two kinds of evidence (plan rules §1): what the header's
// words mean, and what the cells under it hold. Words decide where they name a
// role the cells do not contradict; elsewhere the cells decide.
import { rolesOfHeader, type HeaderMatch } from "../lexicon";
import type { Role } from "../report";
import { cellVerdict, type CellRole, type CellVerdict, type ColumnProfile } from "./evidence";

/** A header cell as a column sees it: its own text, or that of a header cell merged across it. */
export interface HeaderCell {
  text: string;
  /** The text belongs to a header cell merged across several columns. */
  shared: boolean;
}

/** Why one column got its role, as the user is shown it. */
export interface ColumnEvidence {
  /** 0-based column. */
  column: number;
  role: Role;
  header: string;
  because: string;
  /** 0..1. */
  confidence: number;
}

export interface RoleAssignment {
  columns: Partial<Record<Role, number>>;
  /** Further numbering columns right of the ref column ("step key" beside "action key"). */
  extraRefs: number[];
  evidence: ColumnEvidence[];
  /** Sum of the columns' confidences: how well the row reads as a plan's header. */
  score: number;
}

const ROLE_NOUN: Record<Role, string> = {
  ref: "a reference number",
  action: "the action",
  subAction: "the steps of each action",
  owner: "the owner",
  due: "a due date",
  start: "a start date",
  revised: "a revised due date",
  status: "a status",
  progress: "progress notes",
  outcome: "outcomes",
  source: "the source",
};

export const roleNoun = (role: Role): string => ROLE_NOUN[role];

const TEXT_ROLES: ReadonlySet<Role> = new Set(["action", "subAction", "progress", "outcome", "source"]);
const DATE_ROLES: ReadonlySet<Role> = new Set(["due", "start", "revised"]);

interface Claim {
  column: number;
  /** "text" until the text columns are sorted out; "step" for a steps column. */
  role: Role | "text" | "step";
  headerScore: number;
  cellShare: number;
  because: string;
}

/** How much of a column's cells fit a role. */
function support(role: Role | "text" | "step", p: ColumnProfile): number {
  if (p.filled === 0) return 0;
  if (DATE_ROLES.has(role as Role)) return (p.dates + p.noDates) / p.filled;
  switch (role) {
    case "owner":
      return p.names / p.filled;
    case "status":
      return (p.statuses + 0.5 * (p.filled - p.statuses - p.statements)) / p.filled; // "Ongoing" (a no-date text) counts half
    case "ref":
      return p.numbers / p.filled;
    default:
      return (p.statements + 0.5 * (p.filled - p.statements - p.dates - p.numbers - p.statuses)) / p.filled;
  }
}

/** Do the cells say the header's words are wrong about this column? */
function contradicts(m: HeaderMatch, p: ColumnProfile, v: CellVerdict | null): boolean {
  const strong = m.how === "phrase";
  // A header's own name for the column is not overturned by one or two cells ("A", "x").
  if (p.filled < (strong ? 3 : 2) || !v) return false;
  if (m.how === "hint") return !agrees(m.role, v.role);
  if (DATE_ROLES.has(m.role)) return v.role !== "due" && (p.dates + p.noDates) / p.filled < 0.25;
  switch (m.role) {
    case "owner":
      return (v.role === "text" || v.role === "due" || v.role === "ref") && p.names / p.filled < 0.25;
    case "status":
      return (v.role === "text" && p.statements / p.filled >= (strong ? 0.8 : 0.7)) || (v.role === "due" && v.share >= 0.8);
    case "ref":
      return v.role === "text" || v.role === "owner";
    default:
      // A text column: dates, numbers or status words throughout are something else;
      // but a text its header names ("Source of Recommendation") may mention a date.
      if (v.role === "due" && strong) return (p.dates - p.wordyDates) / p.filled >= 0.7;
      // Names throughout are owners ("Action Required By"), unless the header names the text outright.
      if (v.role === "owner" && !strong) return v.share >= 0.7;
      return (v.role === "due" || v.role === "ref" || v.role === "status") && v.share >= 0.7;
  }
}

const agrees = (role: Role, cell: CellRole): boolean =>
  cell === "text" ? TEXT_ROLES.has(role) : cell === "due" ? DATE_ROLES.has(role) : cell === role;

const quoted = (h: HeaderCell): string => (h.text ? `“${h.text}”` : "(no header)");

/**
 * The role of each column of a header candidate. `stepShare(col, actionCol)`
 * says how many of a column's filled rows leave the action column blank.
 */
export function assignRoles(headers: readonly HeaderCell[], profiles: readonly ColumnProfile[], stepShare: (col: number, actionCol: number) => number): RoleAssignment {
  const claims: Claim[] = [];
  headers.forEach((h, col) => {
    const p = profiles[col];
    const v = cellVerdict(p);
    const matches = h.text ? rolesOfHeader(h.text) : [];
    const m = matches[0];
    if (m && !contradicts(m, p, v) && !(h.shared && v && !agrees(m.role, v.role))) {
      const role = m.step ? "step" : m.role;
      const cells = p.filled ? `; ${v ? v.because : `${p.filled} cell${p.filled === 1 ? "" : "s"} filled`}` : "; no cells filled yet";
      claims.push({ column: col, role, headerScore: m.score, cellShare: support(role, p), because: `${quoted(h)} names ${m.step ? "steps or milestones" : ROLE_NOUN[m.role]}${cells}` });
      for (const extra of matches.slice(1)) claims.push({ column: col, role: extra.role, headerScore: extra.score, cellShare: support(extra.role, p), because: `${quoted(h)} also names ${ROLE_NOUN[extra.role]}` });
      return;
    }
    if (!v) return;
    const said = m ? `${quoted(h)} suggests ${ROLE_NOUN[m.role]}, but its cells hold ${v.because}` : `${quoted(h)}: ${v.because}`;
    // A status word over notes ("Completed" holding what was done) is a progress column.
    const role: Claim["role"] = v.role === "text" && m && (m.role === "status" || m.role === "progress") ? "progress" : v.role;
    claims.push({ column: col, role, headerScore: 0, cellShare: v.share, because: said });
  });
  const assignment = resolve(claims, stepShare);
  for (const e of assignment.evidence) e.header = headers[e.column]?.text ?? "";
  return assignment;
}

function resolve(claims: Claim[], stepShare: (col: number, actionCol: number) => number): RoleAssignment {
  const columns: Partial<Record<Role, number>> = {};
  const chosen = new Map<number, { role: Role; claim: Claim; note?: string }[]>();
  const take = (role: Role, claim: Claim, note?: string): void => {
    columns[role] = claim.column;
    const list = chosen.get(claim.column) ?? [];
    list.push({ role, claim, note });
    chosen.set(claim.column, list);
  };
  const byCol = (a: Claim, b: Claim): number => a.column - b.column;
  const confidence = (c: Claim): number => Math.min(1, c.headerScore * 0.6 + c.cellShare * 0.5);

  // The action: the leftmost column whose words name an action; a second one is its steps.
  const actions = claims.filter((c) => c.role === "action").sort(byCol);
  const steps = claims.filter((c) => c.role === "step").sort(byCol);
  const texts = claims.filter((c) => c.role === "text").sort(byCol);
  let action: Claim | undefined = actions[0];
  if (!action && steps.length && !claims.some((c) => c.role === "subAction")) action = steps.shift();
  if (!action) {
    // No header names the action: the main text column, one statement per row, does.
    const main = texts.find((c) => c.cellShare >= 0.5);
    if (main) {
      texts.splice(texts.indexOf(main), 1);
      action = { ...main, because: `${main.because}: the main text column` };
    }
  }
  if (action) take("action", action);
  const subClaims = claims.filter((c) => c.role === "subAction").sort((a, b) => b.headerScore - a.headerScore || byCol(a, b));
  let sub: Claim | undefined = subClaims[0];
  const laterAction = actions.find((c) => c !== action && action && c.column > action.column);
  const laterStep = steps.find((c) => action && c.column > action.column);
  if (!sub && laterAction) sub = { ...laterAction, because: `${laterAction.because}, beside the action column: its steps` };
  if (!sub && laterStep) sub = laterStep;
  if (!sub && action) {
    // An unnamed text column right of the action that fills the rows the action leaves blank breaks it into steps.
    const stepCol = texts.find((c) => c.column > action.column && stepShare(c.column, action.column) >= 0.3);
    if (stepCol) sub = { ...stepCol, because: `${stepCol.because}, on rows where the action is written once above: its steps` };
  }
  if (sub) take("subAction", sub);

  // Every other role: the best-supported claim, then the leftmost.
  const refs: Claim[] = [];
  for (const role of ["ref", "source", "revised", "start", "due", "status", "progress", "outcome", "owner"] as Role[]) {
    const list = claims.filter((c) => c.role === role && !chosen.has(c.column)).sort((a, b) => confidence(b) - confidence(a) || byCol(a, b));
    if (list.length === 0) continue;
    take(role, list[0]);
    if (role === "ref") refs.push(...list.slice(1));
  }
  // A combined column ("Sub-Actions & Progress") keeps its second role.
  for (const c of claims) if (c.role === "progress" && columns.progress === undefined && chosen.has(c.column)) take("progress", c);

  const evidence: ColumnEvidence[] = [];
  let score = 0;
  for (const [, list] of chosen) {
    for (const { role, claim } of list) {
      const conf = confidence(claim);
      score += conf;
      evidence.push({ column: claim.column, role, header: "", because: claim.because, confidence: Number(conf.toFixed(2)) });
    }
  }
  evidence.sort((a, b) => a.column - b.column);
  return { columns, extraRefs: refs.filter((r) => r.column > (columns.ref ?? -1)).map((r) => r.column).sort((a, b) => a - b), evidence, score };
}
