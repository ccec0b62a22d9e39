// Showing a cell to the user, and reading which cell they selected: 1 sync each.

/** Activate the sheet and select the address on it ("I31" or "B4:C6"). */
export async function selectCell(context: Excel.RequestContext, sheetName: string, address: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheetName);
  ws.activate();
  ws.getRange(address).untrack().select();
  await context.sync();
}

/** The sheet and 1-based row of the selected cell (the top row of a larger selection). */
export async function selectedCell(context: Excel.RequestContext): Promise<{ sheet: string; row: number }> {
  // The selection is on the active sheet.
  const selected = context.workbook.getSelectedRange().load("rowIndex");
  const active = context.workbook.worksheets.getActiveWorksheet().load("name");
  await context.sync();
  return { sheet: active.name, row: selected.rowIndex + 1 };
}
