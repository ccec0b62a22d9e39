#!/usr/bin/env node
// Plan Monitor benchmarks: `npm run bench` (builds the command line, then runs this).
//
// Prints one `name: value` line per figure on stdout. Each measurement is a
// module in bench/modules/ with the figures it reports; a module that cannot
// run yet (its code is not written or not built) prints `name: n/a (reason)`
// for each of its figures and the others still run. To add a measurement, add
// its name to MODULES below (see bench/modules/README.md for the contract).
//
//   node bench/run.mjs                  every module
//   node bench/run.mjs --only engine,cli
//   node bench/run.mjs --list           the figures each module reports
// Loaded one by one, so a module that fails even to load (its code not built yet)
// cannot stop the others.
const MODULES = ["engine", "reader", "cli", "office", "taskpane"];

const load = async (id) => (await import(`./modules/${id}.mjs`)).default;
const args = process.argv.slice(2);
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? new Set((args[onlyAt + 1] ?? "").split(",").filter(Boolean)) : null;
const why = (e) => (e instanceof Error ? e.message : String(e)).split("\n")[0];

if (args.includes("--list")) {
  for (const id of MODULES) for (const f of (await load(id)).figures) console.log(`${id}: ${f}`);
  process.exit(0);
}

const targets = [];
for (const id of MODULES) {
  if (only && !only.has(id)) continue;
  let m;
  try {
    m = await load(id);
  } catch (e) {
    console.log(`${id}: n/a (the module could not be loaded: ${why(e)})`);
    continue;
  }
  let results;
  try {
    results = await m.run();
  } catch (e) {
    results = m.figures.map((name) => ({ name, na: why(e) }));
  }
  for (const r of results) {
    console.log(`${r.name}: ${r.na !== undefined ? `n/a (${r.na})` : r.value}`);
    if (r.target) targets.push({ name: r.name, ...r.target, value: r.value });
  }
}
// Targets go to stderr so stdout stays one figure per line.
for (const t of targets) {
  const met = t.atLeast !== undefined ? Number(t.value) >= t.atLeast : Number(t.value) <= t.atMost;
  const want = t.atLeast !== undefined ? `≥ ${t.atLeast}` : `≤ ${t.atMost}`;
  // A module may say why a target is not met (target.note): printed after it.
  const note = !met && t.note ? ` — ${t.note}` : "";
  console.error(`target ${t.name} ${want}: ${met ? "met" : "NOT met"} (${t.value})${note}`);
}
