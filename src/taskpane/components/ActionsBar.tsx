// The as-at date, "Check this workbook", progress, and the write-back actions.
import { Button, Field, Input, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { BUSY_WORDS, COLOUR_HINT, progressText, undoHint } from "../messages";
import type { Busy } from "../state";
import { useShared } from "./styles";

const useStyles = makeStyles({
  date: { minWidth: "10em", flexGrow: 1, maxWidth: "100%" },
  wide: { flexGrow: 1, minWidth: "min(100%, 12em)" },
  progress: { minWidth: 0 },
  status: { margin: 0, minHeight: "1.25em", overflowWrap: "anywhere" },
  actions: { paddingTop: tokens.spacingVerticalXS },
});

export interface ActionsBarProps {
  asAt: string;
  onAsAt(asAt: string): void;
  busy: Busy | null;
  status: string;
  /** Keep the status line for screen readers only (a message or progress already says it). */
  quietStatus?: boolean;
  hasReport: boolean;
  /** Excel can undo what the buttons do (one step each). */
  undo: boolean;
  onCheck(): void;
  onColour(): void;
  onClear(): void;
  onSummaries(): void;
}

export const isIsoDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

export function ActionsBar(p: ActionsBarProps) {
  const shared = useShared();
  const s = useStyles();
  const headingId = useId();
  const dateOk = isIsoDate(p.asAt);
  const busy = p.busy !== null;
  const showProgress = p.busy !== null && p.busy.task !== "load" && p.busy.task !== "select";
  const fraction = p.busy && p.busy.total > 0 ? Math.min(1, p.busy.done / p.busy.total) : undefined;

  return (
    <section className={shared.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={shared.h2}>
        Check and colour
      </h2>
      <div className={shared.row}>
        <Field
          className={s.date}
          label="RAG as at"
          hint="Actions are rated against this date."
          validationState={dateOk ? "none" : "error"}
          validationMessage={dateOk ? undefined : "Choose a date."}
        >
          <Input type="date" value={p.asAt} onChange={(_, d) => p.onAsAt(d.value)} />
        </Field>
        <Button className={s.wide} appearance="primary" disabledFocusable={busy || !dateOk} onClick={p.onCheck}>
          {p.busy?.task === "check" ? "Checking…" : p.hasReport ? "Check again" : "Check this workbook"}
        </Button>
      </div>

      {showProgress && p.busy && (
        <Field className={s.progress} label={BUSY_WORDS[p.busy.task]} validationMessage={progressText(p.busy)} validationState="none">
          <ProgressBar value={fraction} max={1} thickness="large" />
        </Field>
      )}
      <p className={busy || p.quietStatus ? shared.visuallyHidden : s.status} role="status" aria-live="polite">
        {busy && p.busy ? BUSY_WORDS[p.busy.task] : p.status}
      </p>

      <div className={`${shared.row} ${s.actions}`} role="group" aria-label="Change the workbook">
        <Button className={s.wide} disabledFocusable={busy || !dateOk} onClick={p.onColour}>
          Colour RAG
        </Button>
        <Button className={s.wide} disabledFocusable={busy} onClick={p.onClear}>
          Clear colours
        </Button>
        <Button className={s.wide} disabledFocusable={busy || !dateOk} onClick={p.onSummaries}>
          Build summary sheets
        </Button>
      </div>
      <p className={shared.hint}>{`${COLOUR_HINT} ${undoHint(p.undo)}`}</p>
    </section>
  );
}
