// Placeholder for the Office.js host's figures, measured through the simulator
// (src/sim: the real Office.js client answered in-process, which counts round
// trips and request bytes). Its owners fill in run() — see README.md here — and
// until then each figure prints `n/a (reason)`.
//
//   office syncs scan (N rows)       requests to read a plan of N rows into grids
//   office syncs colour (N rows)     requests to apply RAG colours
//   office syncs summary (N rows)    requests to write the summary sheets
//   office largest request bytes (N rows)   the biggest single request (Excel on the web caps each at 5 MB)
//
// Count requests, not context.sync() calls: Excel.run makes one more when it ends.
export const OFFICE_ROWS = 10000;

export default {
  id: "office",
  figures: [
    `office syncs scan (${OFFICE_ROWS} rows)`,
    `office syncs colour (${OFFICE_ROWS} rows)`,
    `office syncs summary (${OFFICE_ROWS} rows)`,
    `office largest request bytes (${OFFICE_ROWS} rows)`,
  ],
  async run() {
    throw new Error("not measured yet: the Office.js host's simulator run is not wired into bench/modules/office.mjs");
  },
};
