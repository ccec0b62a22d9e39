import { isCellError } from "../grid";
import type { CellFinding } from "./finding";

export const errorValue: CellFinding = {
  code: "error-value",
  severity: "error",
  heading: "Error in a cell",
  check: (cell) => isCellError(cell.value),
  message: (cell) =>
    `This cell shows the error ${isCellError(cell.value) ? cell.value.error : ""}, so its value could not be read. Fix the formula or type the value.`,
};
