// The floor for `plan-monitor check`: a process that only loads the workbook
// with exceljs (`wb.xlsx.readFile`) and does nothing with it.
"use strict";
const ExcelJS = require("exceljs");

new ExcelJS.Workbook().xlsx.readFile(process.argv[2]).catch((e) => {
  console.error(e && e.message ? e.message : String(e));
  process.exitCode = 1;
});
