// Every word list the rules use (plan-rules.md), as data. Nothing here is a
// regular expression or a branch: lexicon/index.ts compiles these once. A new
// header word, status word or no-date phrase is a line here and nothing else.
import type { Role } from "../report";

/** How a header names a column's role. */
export interface RoleWordList {
  role: Role;
  /** Whole headers that name the role (compared after normalising: case, brackets, punctuation, plurals). */
  phrases: readonly string[];
  /** Words or phrases that, inside a longer header, point to the role. A trailing "*" matches any ending. */
  keys: readonly string[];
  /** Words that only suggest the role: the column's cells must agree. */
  hints?: readonly string[];
}

// Order breaks ties between roles whose keys both appear in one header:
// "Source of Recommendation" is a source before it is a recommendation;
// "Revised target date" a revised date before a target date; "Project Status"
// a status before a project.
export const ROLE_WORDS: readonly RoleWordList[] = [
  {
    role: "ref",
    phrases: ["ref", "ref no", "reference", "reference number", "no", "#", "number", "id", "item no", "item number", "action no", "action number", "action key", "step key", "action ref", "rec no", "recommendation number", "serial", "key", "s/n",
      "recommendation no", "rec number", "minute no", "minute ref", "minute number", "item ref", "point no", "para", "paragraph", "para ref", "line", "row"],
    keys: ["ref", "reference", "ref no"],
  },
  { role: "source", phrases: ["source", "source of recommendation", "source of action", "origin", "raised at", "meeting", "paper", "agenda ref"], keys: ["source", "origin"] },
  {
    role: "revised",
    phrases: ["new date", "revised date", "revised target", "revised target date", "revised deadline", "revised due date", "revised timescale", "new target date", "new deadline", "new due date", "revised completion date", "amended date", "amended target date", "rescheduled date", "revised end date"],
    keys: ["revised", "new date", "new target", "new deadline", "amended", "rescheduled"],
  },
  {
    role: "start",
    phrases: ["start", "start date", "date started", "commenced", "from", "begin", "start by", "date raised", "date opened", "date added", "date logged", "date of meeting", "meeting date", "date agreed", "raised", "opened"],
    keys: ["start*", "commenc*", "begin*", "date raised", "date opened", "date added", "date logged", "meeting date", "date agreed"],
  },
  {
    role: "due",
    phrases: [
      "target date", "timescale", "finish", "completion date", "deadline", "due", "due date", "date due", "by when", "end date",
      "target", "timeframe", "time frame", "when", "date", "target completion date", "date for completion", "expected by",
      "review date", "eta", "timescale for delivery", "timeline", "timing", "complete by", "completion by", "deliver by",
      "when by", "date to be completed", "expected completion", "expected completion date", "planned completion", "finish date",
      "target end date", "due by", "for completion by", "milestone date", "delivery date", "implementation date",
    ],
    keys: ["target date", "timescale*", "finish*", "completion date", "deadline*", "due", "by when", "end date", "timeframe", "time frame", "date", "eta", "timeline*", "expected by", "complete by", "when"],
    hints: ["time", "by", "period", "month"],
  },
  {
    role: "status",
    phrases: [
      "status", "project status", "rag", "rag rating", "brag", "rag status", "brag rating", "brag status", "rating", "current status",
      "progress status", "progress rating", "position", "state", "overall status", "delivery status", "rag rating (red amber green)", "status rag",
    ],
    keys: ["rag", "brag", "status", "rating"],
    hints: ["complete", "completed", "done", "closed", "achieved", "open", "delivered", "outcome"],
  },
  {
    role: "progress",
    phrases: [
      "progress", "update", "update on progress", "progress update", "progress to date", "comment", "commentary", "latest update",
      "progress note", "notes on progress", "current position", "notes", "note", "remarks", "action taken", "actions taken",
      "position statement", "update comments", "progress comments", "progress and comments", "current update", "latest position",
    ],
    keys: ["progress", "update*", "comment*", "commentary", "note", "notes", "remark*", "position", "narrative"],
  },
  {
    role: "outcome",
    phrases: [
      "outcome", "expected outcome", "success measure", "success measures", "outputs & outcomes achieved", "measure of success",
      "success criteria", "evidence", "impact", "kpi", "key performance indicator", "performance measure", "target outcome",
      "benefit", "result", "expected result", "measures", "evidence of completion", "how will we know",
    ],
    keys: ["outcome*", "output*", "success", "measure*", "evidence", "impact", "kpi", "benefit*"],
  },
  {
    role: "owner",
    phrases: [
      "owner", "lead", "lead officer", "responsible officer", "responsible", "responsibility", "who", "accountable officer",
      "action owner", "lead person", "officer", "assigned to", "action by", "accountable", "responsible person", "by whom",
      "lead agency", "lead organisation", "leader", "lead responsibility", "point person", "contact", "councillor",
      "person responsible", "responsible lead", "lead director", "executive lead", "lead manager", "who is responsible",
      "owned by", "responsible party", "actioned by", "action holder", "lead member", "sponsor", "champion", "lead officer(s)",
      "portfolio holder", "cabinet member", "senior responsible officer", "sro", "lead body", "delivery lead", "named lead",
    ],
    keys: ["owner*", "lead", "leads", "leader*", "officer*", "responsib*", "accountab*", "who", "whom", "assigned", "person", "councillor*", "champion*", "sponsor*", "owned"],
    hints: ["group", "team", "department", "directorate", "service", "agency", "partner", "by"],
  },
  {
    role: "subAction",
    phrases: [
      "sub-actions", "sub action", "sub-actions & progress", "action required", "actions required", "what will be done",
      "what we will do", "how", "key action", "key task", "sub-task", "subtask", "how will this be achieved",
      "how we will do it", "detailed action", "specific action", "action steps", "actions to be taken", "action to be taken",
    ],
    keys: ["sub action*", "subaction*", "action required", "actions required", "what will be done", "what we will do", "how will", "sub task*", "subtask*", "action step*"],
  },
  {
    role: "action",
    phrases: [
      "action", "recommendation", "objective", "objectives to create change", "recommendation for improvement", "area for improvement",
      "issue", "finding", "task", "improvement action", "commitment", "improvement required", "what", "description", "action point",
      "agenda item", "activity", "action description", "requirement", "proposal", "initiative", "headline", "topic", "aim",
      "action agreed", "actions agreed", "agreed action", "area of concern", "key issue", "recommendation made", "suggested headline",
    ],
    keys: ["action*", "recommendation*", "objective*", "issue*", "finding*", "task*", "commitment*", "activit*", "initiative*", "agenda", "headline", "requirement*"],
  },
];

/**
 * Words for a column that breaks each action into steps: the sub-action column
 * when an action column stands to its left, else the action column itself
 * ("Deadline / Milestone" is a plan of milestones).
 */
export const STEP_WORDS: readonly string[] = ["deliverable", "key deliverable", "deliverables", "milestone", "milestones", "step", "steps", "stage", "output", "key milestone", "tasks"];

/** Status words a status column holds (plan-rules §1: "where the words do not settle it, the cells do"). */
export const STATUS_WORDS: readonly string[] = [
  "complete", "completed", "done", "delivered", "open", "closed", "on track", "off track", "at risk", "not started", "in progress",
  "ongoing", "on going", "on-going", "red", "amber", "green", "blue", "grey", "gray", "achieved", "overdue", "delayed", "behind",
  "behind schedule", "ahead", "started", "cancelled", "canceled", "on hold", "pending", "superseded", "withdrawn", "not due",
  "not yet due", "yes", "no", "partially complete", "partial", "implemented", "not implemented", "rag", "slipped", "deferred",
  "paused", "live", "active", "awaiting", "under way", "underway", "planned", "not achieved",
];

/** Words that qualify a status word (a status column's cells: "Partially complete", "Not yet due"). */
export const STATUS_QUALIFIERS: readonly string[] = ["not", "not yet", "partially", "partly", "fully", "nearly", "almost", "mostly", "largely", "now", "all"];

/**
 * A negation or partial qualifier wins over a completion word (rules §4):
 * "Partial complete", "Phase I completed", "not yet delivered", "to be completed".
 */
export const INCOMPLETE_QUALIFIERS: readonly string[] = [
  "not", "non", "never", "partial", "partially", "part", "partly", "phase", "stage", "almost", "nearly", "mostly", "largely",
  "substantially", "to be", "due to", "awaiting", "pending", "yet", "in progress", "undelivered", "unachieved", "unfinished",
  "uncompleted", "unimplemented", "incomplete",
];

/**
 * Due texts that say there is deliberately no date (rules §3): kind "no-date",
 * not "unreadable". Each is a phrase of words; "*" ends a word stem.
 */
export const NO_DATE_PHRASES: readonly string[] = [
  "ongoing", "on going", "on-going", "continuous*", "continual*", "continuing", "tba", "tbc", "tbd", "tbr",
  "to be confirmed", "to be agreed", "to be determined", "to be decided", "to be arranged", "to be set", "to be advised",
  "every", "each month", "each quarter", "each year", "each week", "monthly", "quarterly", "annually", "annual", "weekly",
  "daily", "fortnightly", "yearly", "biannually", "bi-monthly", "bimonthly", "as required", "as needed", "as necessary",
  "as appropriate", "as and when", "when required", "when needed", "rolling", "throughout", "regularly", "periodically",
  "n/a", "not applicable", "none", "nil", "various", "business as usual", "bau", "ad hoc", "next meeting", "following meeting",
  "future meeting", "next board", "next committee", "asap", "as soon as possible", "immediate", "immediately", "in place",
];

/** Owner cells, or fragments of them, that name nobody yet (rules §2; the same "tbc" as the no-date phrases). */
export const OWNER_PLACEHOLDERS: readonly string[] = [
  "tba", "tbc", "tbd", "n/a", "na", "none", "nobody", "no one", "unassigned", "not assigned", "vacant", "#n/a",
  "to be confirmed", "to be agreed", "to be determined", "to be decided", "to be appointed", "to be allocated", "true", "false", "-", "?",
];

/** Words that open a section (theme) heading: "THEME 2 – …", "Theme: …", "Improvement Area 3 – …". */
export const THEME_HEADING_WORDS: readonly string[] = [
  "theme", "section", "improvement area", "area", "priority", "objective", "domain", "workstream", "work stream", "strand",
  "standard", "key line of enquiry", "kloe", "chapter", "part", "pillar", "goal", "aim", "ambition", "outcome", "category",
  "programme", "project", "focus area", "key area", "principle",
];

/** "Theme Lead: …" rows belong to the theme above; the words that make one. */
export const THEME_LEAD_SUBJECTS: readonly string[] = ["theme", "area", "section", "priority", "workstream", "strand"];
export const THEME_LEAD_WORDS: readonly string[] = ["lead", "leads", "owner", "owners", "sponsor", "sponsors", "champion", "champions"];

/** Words that make an owner fragment a person's role ("Head of …", "… Officer"). */
export const PERSON_ROLE_WORDS: readonly string[] = [
  "head", "heads", "director", "directors", "manager", "managers", "lead", "leads", "leader", "leaders", "officer", "officers",
  "chair", "chairs", "chairman", "chairwoman", "chairperson", "chief", "deputy", "assistant", "commissioner", "commissioners",
  "coordinator", "coordinators", "co-ordinator", "co-ordinators", "nurse", "nurses", "colleague", "colleagues", "partner",
  "partners", "consultant", "consultants", "adviser", "advisers", "advisor", "advisors", "analyst", "analysts", "practitioner",
  "practitioners", "worker", "workers", "executive", "executives", "member", "members", "secretary", "administrator",
  "specialist", "specialists", "supervisor", "supervisors", "champion", "champions", "sponsor", "representative",
  "representatives", "rep", "reps", "councillor", "councillors", "clinician", "clinicians", "staff", "gp", "gps", "doctor",
  "doctors", "therapist", "therapists", "inspector", "auditor", "governor", "governors", "trustee", "trustees", "president",
  "clerk", "mayor", "owner", "owners", "holder", "planner", "planners", "accountant", "solicitor", "engineer", "controller",
];

/** Words that name a body of people: an owner, never split inside ("Learning and Development Team"). */
export const GROUP_WORDS: readonly string[] = [
  "team", "teams", "board", "boards", "group", "groups", "service", "services", "council", "councils", "trust", "trusts",
  "department", "departments", "directorate", "directorates", "unit", "units", "panel", "panels", "committee", "committees",
  "forum", "forums", "partnership", "partnerships", "network", "networks", "agency", "agencies", "authority", "authorities",
  "office", "division", "hub", "practice", "practices", "provider", "providers", "organisation", "organisations",
  "organization", "organizations", "faculty", "steering", "taskforce", "working", "alliance", "collaborative", "programme",
];
