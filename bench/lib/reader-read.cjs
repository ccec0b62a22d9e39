// Plan Monitor's own reading step alone: the .xlsx file into grids
// (src/xlsx/read.ts readWorkbookBuffer, from dist/), no analysis or output.
"use strict";
const { readFile } = require("node:fs/promises");
const path = require("node:path");
const { readWorkbookBuffer } = require(path.resolve(__dirname, "../../dist/xlsx/read.js"));

readFile(process.argv[2])
  .then((data) => readWorkbookBuffer(data))
  .catch((e) => {
    console.error(e && e.message ? e.message : String(e));
    process.exitCode = 1;
  });
