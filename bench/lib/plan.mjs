// A generated action plan with the mix real plans have: a preamble (title merged
// across, "Updated:", a plan period), section rows merged across, actions whose
// text is merged down over their sub-action rows, sub-actions that inherit the
// owner or due date, continuation rows, blank rows, the header repeated at page
// breaks, owners written many ways, due dates as date cells and as text, and
// statuses. Deterministic for a given seed. Used by the benchmarks only.

/** Small, fast, seeded PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const HEADER = ["Ref", "Recommendation", "Actions", "Lead Officer", "Target Date", "RAG", "Update on Progress", "Outcome"];
const WIDTH = HEADER.length;
const COL = { ref: 0, action: 1, sub: 2, owner: 3, due: 4, status: 5, progress: 6, outcome: 7 };

const THEMES = [
  "Leadership and governance",
  "Safeguarding adults at risk",
  "Personalisation and self-directed support",
  "Workforce development",
  "Commissioning and market shaping",
  "Performance and quality assurance",
  "Carers and communities",
  "Information, advice and advocacy",
];
const VERBS = ["Review", "Agree", "Publish", "Develop", "Implement", "Audit", "Deliver", "Establish", "Train", "Report on"];
const OBJECTS = [
  "the safeguarding procedures with partner agencies",
  "a workforce plan for social work and occupational therapy",
  "the quality assurance framework for commissioned services",
  "personal budgets for all eligible people",
  "the carers' strategy and its action plan",
  "monthly performance reports to the Board",
  "the information and advice offer on the council website",
  "case file audits across all teams",
];
const OWNERS = [
  "Jo Bloggs",
  "JF SK",
  "GK/DKE/PA/SL",
  "Head of Adult Social Care",
  "Angela Woodhouse, Head of Policy and Communications",
  "Director of Public Health / CCG Chief Nurse",
  "Safeguarding Adults Board",
  "Tracey Abdy",
  "NT JU PF",
  "Service Manager (tbc)",
];
const TEXT_DATES = ["Jun-10", "Sept 2016", "March 2015", "Q3 2019/20", "Q1 2020/21", "2019/20", "Autumn 2019", "end of March 2020", "Jul-10 Aug-10", "Ongoing", "tbc", "31/03/2020", "Phase I: May-10 Phase II: Oct-10", "Sept", "Jan"];
const STATUSES = ["Complete", "Completed", "Green", "Amber – slipping", "Red", "Not started", "In progress", "Partial complete", "", "Blue"];
const PROGRESS = ["", "Workshop held in June; actions agreed.", "Draft circulated to partners for comment.", "Delayed: awaiting Board sign-off.", "Complete – evidence held on file."];
const OUTCOMES = ["", "People report better outcomes", "Audits show improved practice", "Reduced waiting times"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const text = (s) => ({ value: s, text: s, format: "General" });

/** Excel serial of the last day of a month (1900 system), and its "mmm-yy" text. */
function monthCell(year, month) {
  const ms = Date.UTC(year, month, 0); // day 0 of the next month: last day of this one
  const serial = ms / 86_400_000 + 25569;
  return { value: serial, text: `${MONTHS[month - 1]}-${String(year).slice(2)}`, format: "mmm-yy" };
}

/**
 * A plan of about `targetRows` rows (exactly that many grid rows).
 * Returns { name, rows, merges } in the engine's grid shape (0-based merges).
 */
export function makePlanGrid(targetRows, { seed = 1, name = "Action Plan" } = {}) {
  const rnd = prng(seed);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const rows = [];
  const merges = [];
  const mergeAcross = (r) => merges.push({ top: r, left: 0, bottom: r, right: WIDTH - 1 });
  const blankRow = () => new Array(WIDTH).fill(undefined);

  rows.push([text("Adult Social Care Improvement Plan 2019/20")]);
  mergeAcross(0);
  rows.push([text("Updated: 12th October 2019")]);
  rows.push([text("The Action Plan will be for the period August 2019 to July 2020")]);
  rows.push([]);
  rows.push(HEADER.map(text));

  let theme = 0;
  let action = 0;
  let sinceHeader = 0;
  while (rows.length < targetRows) {
    // A section row every 8 to 20 actions.
    if (action === 0 || rnd() < 0.08) {
      theme++;
      const r = rows.length;
      rows.push([text(`Improvement Area ${theme} – ${pick(THEMES)}`)]);
      mergeAcross(r);
      if (rnd() < 0.3) rows.push([text(`Theme Lead: ${pick(OWNERS)}`)]);
    }
    action++;
    const subs = 1 + Math.floor(rnd() * 4);
    const top = rows.length;
    const owner = pick(OWNERS);
    const due = rnd() < 0.5 ? monthCell(2019 + Math.floor(rnd() * 3), 1 + Math.floor(rnd() * 12)) : text(pick(TEXT_DATES));
    for (let s = 0; s < subs && rows.length < targetRows; s++) {
      const row = blankRow();
      row[COL.ref] = text(`${theme}.${action}.${s + 1}`);
      if (s === 0) row[COL.action] = text(`${action}. ${pick(VERBS)} ${pick(OBJECTS)}`);
      row[COL.sub] = text(`${pick(VERBS)} ${pick(OBJECTS)}${rnd() < 0.1 ? " <p>pasted</p>" : ""}`);
      // Sub-actions often leave the owner or date to the action row.
      if (s === 0 || rnd() < 0.5) row[COL.owner] = text(s === 0 ? owner : pick(OWNERS));
      if (s === 0 || rnd() < 0.6) row[COL.due] = s === 0 ? due : rnd() < 0.5 ? monthCell(2020, 1 + Math.floor(rnd() * 12)) : text(pick(TEXT_DATES));
      const status = pick(STATUSES);
      if (status) row[COL.status] = text(status);
      const progress = pick(PROGRESS);
      if (progress) row[COL.progress] = text(progress);
      const outcome = pick(OUTCOMES);
      if (outcome) row[COL.outcome] = text(outcome);
      if (rnd() < 0.01) row[COL.status] = { value: { error: "#REF!" }, text: "#REF!", format: "General" };
      rows.push(row);
      sinceHeader++;
      // Text split at a page break: a row that only carries on the sentence.
      if (rnd() < 0.04 && rows.length < targetRows) {
        const cont = blankRow();
        cont[COL.sub] = text("and report the results to the Board");
        rows.push(cont);
      }
    }
    if (subs > 1 && rows.length - 1 > top) merges.push({ top, left: COL.action, bottom: rows.length - 1, right: COL.action });
    if (rnd() < 0.03 && rows.length < targetRows) rows.push([]);
    // The header repeated at a page break, as plans pasted from Word have it.
    if (sinceHeader > 40 && rows.length < targetRows) {
      rows.push(HEADER.map(text));
      sinceHeader = 0;
    }
  }
  rows.length = targetRows;
  // Merges must stay inside the grid.
  const kept = merges.filter((m) => m.bottom < targetRows);
  return { name, rows, merges: kept };
}
