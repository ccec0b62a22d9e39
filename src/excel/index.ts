// The Office.js host (Excel add-in side of Plan Monitor).
export { OfficePlanHost, SETTINGS_KEY, COLOURING_KEY, MARKER_PREFIX, XLSX_COLOUR_MARKER, markerName, charsToPoints } from "./host";
export type { OfficeHostOptions, ColouringRecord } from "./host";
export { PlanMonitorError, ExcelTimeoutError, isTimeout, noAnswerMessage, explainOfficeError, protectedSheetMessage, unsupportedMessage, CELL_EDIT_MESSAGE } from "./errors";
export type { OfficeAction } from "./errors";
