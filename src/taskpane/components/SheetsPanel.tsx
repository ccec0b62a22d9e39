// What was found on each sheet, what was left out and why, and a way to correct it.
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useRef, useState } from "react";
import { ROLES, type ColumnEvidence, type PlanReport, type Role, type SheetReport } from "../../engine/report";
import type { Settings, SheetOverride } from "../../engine/settings";
import { hiddenSheetNote, longDate, plural, ROLE_WORDS } from "../messages";
import { SheetCorrection } from "./SheetCorrection";
import { useShared } from "./styles";

const useStyles = makeStyles({
  roleList: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 12em), 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  name: { overflowWrap: "anywhere" },
  corrected: { color: tokens.colorNeutralForeground2, fontStyle: "italic" },
  why: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

export interface SheetsPanelProps {
  report: PlanReport;
  settings: Settings | null;
  busy: boolean;
  onCorrect(sheet: string, override: SheetOverride | null): void;
  /** Take the row of the selected cell as the sheet's header row. */
  onUseSelectedRow(sheet: string): void;
}

export function SheetsPanel({ report, settings, busy, onCorrect, onUseSelectedRow }: SheetsPanelProps) {
  const shared = useShared();
  const headingId = useId();
  return (
    <section className={shared.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={shared.h2}>
        What was found
      </h2>
      {report.sheets.length === 0 && <p className={shared.para}>No sheet of this workbook looks like an action plan.</p>}
      {report.sheets.map((sheet) => (
        <SheetFound key={sheet.name} sheet={sheet} saved={settings?.sheets[sheet.name]} busy={busy} onCorrect={onCorrect} />
      ))}
      {report.skipped.length > 0 && <SkippedSheets report={report} settings={settings} busy={busy} onCorrect={onCorrect} onUseSelectedRow={onUseSelectedRow} />}
    </section>
  );
}

function SheetFound({ sheet, saved, busy, onCorrect }: { sheet: SheetReport; saved: SheetOverride | undefined; busy: boolean; onCorrect: SheetsPanelProps["onCorrect"] }) {
  const shared = useShared();
  const s = useStyles();
  const [editing, setEditing] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = () => {
    setEditing(false);
    toggle.current?.focus();
  };
  const headingId = useId();
  const roles = ROLES.filter((r) => sheet.columns[r]);
  return (
    <article className={shared.card} aria-labelledby={headingId}>
      <h3 id={headingId} className={`${shared.h3} ${s.name}`}>
        {sheet.name}
      </h3>
      {sheet.visibility && (
        <MessageBar intent="info" layout="multiline" data-visibility={sheet.visibility}>
          <MessageBarBody>{hiddenSheetNote(sheet.name, sheet.visibility)}</MessageBarBody>
        </MessageBar>
      )}
      <dl className={shared.facts}>
        <dt>Header row</dt>
        <dd>
          {sheet.headerRow}
          {saved?.headerRow !== undefined && <span className={s.corrected}> (your correction)</span>}
        </dd>
        <dt>Actions</dt>
        <dd>{sheet.items.length}</dd>
        <dt>How sure</dt>
        <dd>{Math.round(sheet.confidence * 100)}%</dd>
        {sheet.repeatedHeaderRows.length > 0 && (
          <>
            <dt>Header repeated</dt>
            <dd>rows {sheet.repeatedHeaderRows.join(", ")}</dd>
          </>
        )}
        {sheet.planPeriod && (
          <>
            <dt>Plan period</dt>
            <dd>
              {longDate(sheet.planPeriod.start)} to {longDate(sheet.planPeriod.end)}
            </dd>
          </>
        )}
        {sheet.updated && (
          <>
            <dt>Updated</dt>
            <dd>{longDate(sheet.updated)}</dd>
          </>
        )}
      </dl>
      <h4 className={shared.h4}>
        Columns{saved?.columns && <span className={s.corrected}> (your correction)</span>}
      </h4>
      <EvidenceList columns={sheet.columns} evidence={sheet.evidence} roles={roles} />
      <div className={shared.row}>
        <Button ref={toggle} size="small" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
          Correct header row or columns
        </Button>
      </div>
      {editing && (
        <SheetCorrection
          sheet={sheet.name}
          found={{ headerRow: sheet.headerRow, columns: sheet.columns }}
          evidence={sheet.evidence}
          saved={saved}
          disabled={busy}
          onCancel={close}
          onSave={(o) => {
            close();
            onCorrect(sheet.name, o);
          }}
        />
      )}
    </article>
  );
}

/** Each role's column and why it has that role ("“When” names a due date; dates in 12 of 13 cells"). */
function EvidenceList({ columns, evidence, roles }: { columns: SheetReport["columns"]; evidence: readonly ColumnEvidence[]; roles: readonly Role[] }) {
  const s = useStyles();
  return (
    <ul className={s.roleList}>
      {roles.map((r) => {
        const why = evidence.find((e) => e.role === r && e.column === columns[r])?.because;
        return (
          <li key={r}>
            {ROLE_WORDS[r]}: column {columns[r]}
            {why && <span className={s.why}>{why}</span>}
          </li>
        );
      })}
    </ul>
  );
}

function SkippedSheets({ report, settings, busy, onCorrect, onUseSelectedRow }: SheetsPanelProps) {
  const shared = useShared();
  const s = useStyles();
  const headingId = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const toggles = useRef<HTMLButtonElement | null>(null);
  const close = () => {
    setEditing(null);
    toggles.current?.focus();
  };
  return (
    <article className={shared.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={shared.h3}>
        Left out ({plural(report.skipped.length, "sheet")})
      </h3>
      <ul className={shared.plainList}>
        {report.skipped.map((sk) => {
          const saved = settings?.sheets[sk.name];
          return (
            <li key={sk.name} className={shared.section}>
              <span className={s.name}>
                <strong>{sk.name}</strong>: {sk.reason}
              </span>
              {sk.candidate && !saved?.ignore && (
                <>
                  <span>Closest to a header: row {sk.candidate.headerRow}</span>
                  <EvidenceList columns={sk.candidate.columns} evidence={sk.candidate.evidence} roles={ROLES.filter((r) => sk.candidate!.columns[r])} />
                </>
              )}
              <div className={shared.row}>
                {saved?.ignore ? (
                  <Button size="small" disabledFocusable={busy} onClick={() => onCorrect(sk.name, { ...saved, ignore: undefined })}>
                    Include “{sk.name}” again
                  </Button>
                ) : (
                  <>
                    <Button
                      size="small"
                      aria-expanded={editing === sk.name}
                      onClick={(e) => {
                        toggles.current = e.currentTarget;
                        setEditing((v) => (v === sk.name ? null : sk.name));
                      }}
                    >
                      {sk.candidate ? `Use row ${sk.candidate.headerRow}` : "This sheet has a plan: give its header row"}
                    </Button>
                    <Button size="small" disabledFocusable={busy} onClick={() => onUseSelectedRow(sk.name)}>
                      Use the row I have selected
                    </Button>
                  </>
                )}
              </div>
              {editing === sk.name && (
                <SheetCorrection
                  sheet={sk.name}
                  found={sk.candidate ? { headerRow: sk.candidate.headerRow, columns: sk.candidate.columns } : null}
                  evidence={sk.candidate?.evidence}
                  proposal
                  saved={saved}
                  disabled={busy}
                  onCancel={close}
                  onSave={(o) => {
                    close();
                    onCorrect(sk.name, o);
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
    </article>
  );
}
