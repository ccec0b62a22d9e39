// The Office host's options, and their defaults.

export interface OfficeHostOptions {
  /** The Excel namespace (default: the global `Excel`). */
  excel?: typeof Excel;
  /** Requirement-set check (default: Office.context.requirements.isSetSupported when Office provides it). */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Bytes one request or response may carry (default 4,000,000; Excel on the web refuses above 5 MB). */
  payloadBudgetBytes?: number;
  /** Cells per values block (default 100,000; one read may never exceed 5,000,000). */
  maxCellsPerBlock?: number;
  /** Up to this many cells in all, values, text and formats are read in one pass (default 20,000). */
  singlePassCellLimit?: number;
  /** First guess of a cell's size in a response, refined as blocks arrive (default 40 bytes). */
  bytesPerCellEstimate?: number;
  /**
   * Milliseconds an operation may wait for Excel before Plan Monitor gives up and
   * says so (default 60,000). Excel on the web can leave a request unanswered for
   * ever, with no error (office-js issue #6678).
   */
  timeoutMs?: number;
}

/** The sizes the operations work with. */
export type SizeOptions = Required<Pick<OfficeHostOptions, "payloadBudgetBytes" | "maxCellsPerBlock" | "singlePassCellLimit" | "bytesPerCellEstimate">>;

export const DEFAULT_TIMEOUT_MS = 60_000;

export function sizeOptions(o: OfficeHostOptions): SizeOptions {
  return {
    payloadBudgetBytes: o.payloadBudgetBytes ?? 4_000_000,
    maxCellsPerBlock: Math.min(o.maxCellsPerBlock ?? 100_000, 5_000_000),
    singlePassCellLimit: o.singlePassCellLimit ?? 20_000,
    bytesPerCellEstimate: o.bytesPerCellEstimate ?? 40,
  };
}
