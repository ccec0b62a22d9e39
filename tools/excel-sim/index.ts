// The simulated Excel: a workbook model, a backend that answers the real
// Office.js client, and loaders/exporters to and from exceljs.
export * from "./address";
export * from "./model";
export { ExcelSimBackend, MEMBER_VERSIONS, PAYLOAD_LIMIT_BYTES, READ_CELL_LIMIT } from "./backend";
export type { BackendOptions, RequestRecord } from "./backend";
export { SimError, seriesCount } from "./api";
export { installOfficeRuntime, overrideSessionHookPresent } from "./officeRuntime";
export type { OfficeRuntime, OfficeWindow } from "./officeRuntime";
export { compareVersions } from "./version";
export { workbookModelFromExcelJs, workbookModelFromXlsx, workbookModelToExcelJs } from "./xlsx";
export { utf8Length } from "./protocol";
