// Plan health per theme, in words: On track, At risk or Off track, from the
// share of a theme's actions that are overdue (amber or red) out of all its
// actions (complete and grey ones included). The thresholds are settings
// (defaults 10% and 30%); a share at or above a threshold reaches that state:
//   share < atRisk            → On track
//   atRisk ≤ share < offTrack → At risk
//   share ≥ offTrack          → Off track
// A theme with no actions has nothing overdue and is On track.
import type { CountRow, RagCounts } from "./counts";
import type { Settings } from "./settings";
import { RAG_FILL } from "./writeback";

export const HEALTHS = ["onTrack", "atRisk", "offTrack"] as const;
export type Health = (typeof HEALTHS)[number];

export const HEALTH_LABEL: Readonly<Record<Health, string>> = { onTrack: "On track", atRisk: "At risk", offTrack: "Off track" };

/** The fill each state is shown on: the RAG fills for green, amber and red, so the words read in black and white too. */
export const HEALTH_FILL: Readonly<Record<Health, string>> = { onTrack: RAG_FILL.green, atRisk: RAG_FILL.amber, offTrack: RAG_FILL.red };

export type HealthThresholds = Pick<Settings, "healthAtRiskShare" | "healthOffTrackShare">;

/** Share of the actions that are overdue (amber or red), 0..1; 0 when there are none. */
export const overdueShare = (counts: RagCounts): number => (counts.total ? (counts.amber + counts.red) / counts.total : 0);

/**
 * The state for these counts. Shares are compared in whole parts per million, so
 * 1 of 10 is exactly 10% (floating point would make 0.1 and 1/10 differ elsewhere).
 */
export function planHealth(counts: RagCounts, thresholds: HealthThresholds): Health {
  const share = Math.round(overdueShare(counts) * 1e6);
  if (share >= Math.round(thresholds.healthOffTrackShare * 1e6)) return "offTrack";
  if (share >= Math.round(thresholds.healthAtRiskShare * 1e6)) return "atRisk";
  return "onTrack";
}

export interface HealthRow {
  label: string;
  counts: RagCounts;
  /** Overdue share, 0..1. */
  overdue: number;
  health: Health;
}

/** Health of each count row (themes, or the totals line), for the sheets and the task pane. */
export const healthOf = (row: CountRow, thresholds: HealthThresholds): HealthRow => ({
  label: row.label,
  counts: row.counts,
  overdue: overdueShare(row.counts),
  health: planHealth(row.counts, thresholds),
});

const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`;

/** One line saying how health is decided, for footnotes and help text. */
export function healthRule(t: HealthThresholds): string {
  return (
    `Plan health: the share of a theme's actions that are overdue (amber or red) out of all its actions. ` +
    `On track below ${percent(t.healthAtRiskShare)}, At risk from ${percent(t.healthAtRiskShare)}, Off track from ${percent(t.healthOffTrackShare)}.`
  );
}
