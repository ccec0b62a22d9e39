// Column roles and the words plans use to name them (rules as data).
// A header cell is scored against each role: an exact name scores highest, a
// name that contains a role's key word scores lower. No plan is matched against
// one list of exact strings.
import type { Role } from "./report";
import { textKey } from "./text";

interface RoleWords {
  role: Role;
  /** Whole names seen in real plans (compared after normalising). */
  names: string[];
  /** Words or phrases that, inside a longer name, point to the role. */
  keys: RegExp;
}

// Order matters where names overlap: "Source of Recommendation" is a source
// before it is a recommendation; "Project Status" a status before a project.
export const ROLE_WORDS: readonly RoleWords[] = [
  { role: "source", names: ["source", "source of recommendation", "source of action"], keys: /\bsource\b/ },
  {
    role: "subAction",
    names: ["sub-actions", "sub actions", "action required", "actions required", "what will be done", "what we will do", "how", "steps", "tasks", "milestones", "key actions"],
    keys: /\bsub[- ]?actions?\b|\bactions? required\b|\bwhat (?:will|we will) (?:be )?do(?:ne)?\b|\bsteps\b|\bmilestones?\b|\bkey tasks\b/,
  },
  {
    role: "status",
    names: ["status", "project status", "rag", "rag rating", "brag", "rag status", "brag rating", "rating", "current status", "progress status"],
    keys: /\bb?rag\b|\bstatus\b/,
  },
  {
    role: "progress",
    names: ["progress", "update", "update on progress", "progress update", "progress to date", "comments", "commentary", "latest update", "progress notes"],
    keys: /\bprogress\b|\bupdate\b|\bcomments?\b|\bcommentary\b/,
  },
  {
    role: "outcome",
    names: ["outcome", "outcomes", "expected outcome", "success measures", "outputs & outcomes achieved", "measures of success", "success criteria", "evidence", "impact", "deliverables"],
    keys: /\boutcomes?\b|\boutputs?\b|\bsuccess\b|\bmeasures?\b|\bevidence\b|\bimpact\b|\bdeliverables?\b/,
  },
  { role: "start", names: ["start", "start date", "date started", "commenced"], keys: /\bstart(?:ed|ing)?\b/ },
  {
    role: "due",
    names: ["target date", "timescale", "timescales", "finish", "completion date", "deadline", "due", "due date", "date due", "by when", "end date", "target", "timeframe", "when", "date", "target completion date"],
    keys: /\btarget\b|\btimescales?\b|\bfinish\b|\bcompletion\b|\bdeadline\b|\bdue\b|\bby when\b|\bend date\b|\btime ?frame\b|\bdate\b/,
  },
  {
    role: "owner",
    names: ["owner", "lead", "lead officer", "responsible officer", "responsible", "responsibility", "who", "accountable officer", "action owner", "lead person", "officer"],
    keys: /\bowners?\b|\blead\b|\bofficers?\b|\bresponsib(?:le|ility)\b|\baccountable\b|\bwho\b/,
  },
  {
    role: "action",
    names: ["action", "actions", "recommendation", "recommendations", "objective", "objectives", "objectives to create change", "recommendation for improvement", "area for improvement", "issue", "finding", "task", "improvement action"],
    keys: /\bactions?\b|\brecommendations?\b|\bobjectives?\b|\bimprovement\b|\bissues?\b|\bfindings?\b|\btasks?\b/,
  },
  { role: "ref", names: ["ref", "ref.", "reference", "no", "no.", "#", "number", "id", "item", "ref no", "ref no."], keys: /^(?:ref(?:erence)?|no|#|id)\b/ },
];

export interface RoleMatch {
  role: Role;
  score: number;
}

const EXACT = 1;
const CONTAINS = 0.6;
// Header cells are short labels; a long sentence is data, not a column name.
const MAX_HEADER_LENGTH = 60;
const MAX_HEADER_WORDS = 8;

/** Strip notes in brackets: "Recommendation for Improvement (as per CI)" → "recommendation for improvement". */
const headerKey = (text: string): string => textKey(text.replace(/\([^)]*\)/g, " ")).replace(/[:*]+$/, "").trim();

/** Could this text be a column name at all? */
export function looksLikeHeaderText(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= MAX_HEADER_LENGTH && t.split(/\s+/).length <= MAX_HEADER_WORDS;
}

/**
 * The roles a header cell names, best first. A cell names one role, except
 * that a combined column ("Sub-Actions & Progress") names both a sub-action
 * and a progress role.
 */
export function rolesOfHeader(text: string): RoleMatch[] {
  if (!looksLikeHeaderText(text)) return [];
  const key = headerKey(text);
  if (!key) return [];
  let best: RoleMatch | null = null;
  for (const w of ROLE_WORDS) {
    const score = w.names.includes(key) ? EXACT : w.keys.test(key) ? CONTAINS : 0;
    if (score > (best?.score ?? 0)) best = { role: w.role, score };
  }
  if (!best) return [];
  if (best.role === "subAction" && /\bprogress\b/.test(key)) return [best, { role: "progress", score: CONTAINS }];
  return [best];
}
