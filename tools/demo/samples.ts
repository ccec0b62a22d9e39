// The workbooks shipped with Plan Monitor that the demo can open (copied from
// samples/ into the demo's output by webpack, fetched from the page's own origin).
export interface Sample {
  file: string;
  title: string;
  /** The date the plan was reported at: RAG as at that date tells the plan's own story. */
  asAt: string;
}

export const SAMPLES: readonly Sample[] = [
  { file: "cqc-monitoring-form.xlsx", title: "CQC improvement plan monitoring form (Sunderland City Council, 2010)", asAt: "2010-09-01" },
];

export const sampleUrl = (s: Sample): string => `samples/${encodeURIComponent(s.file)}`;
