// Correcting what the recogniser found on one sheet: the header row and which
// column plays which role. Saved into settings.sheets[name]; the pane then
// checks again. The form proposes nothing of its own: it starts from the report.
import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useMemo, useState, type FormEvent } from "react";
import { columnIndex, columnLetter } from "../../engine/grid";
import { ROLES, type ColumnEvidence, type Role } from "../../engine/report";
import type { SheetOverride } from "../../engine/settings";
import { ROLE_WORDS } from "../messages";
import { useShared } from "./styles";

const useStyles = makeStyles({
  roles: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 8.5em), 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    border: 0,
    minWidth: 0,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  headerRow: { maxWidth: "10em" },
  roleField: { minWidth: 0 },
  select: { minWidth: 0, width: "100%" },
});

export interface SheetCorrectionProps {
  sheet: string;
  /** What the report found (null for a sheet left out, where only the header row can be given). */
  found: { headerRow: number; columns: Partial<Record<Role, string>> } | null;
  /** Why each found column got its role, shown beside the role's choice. */
  evidence?: readonly ColumnEvidence[];
  /** The found row and columns are a proposal to accept (a sheet left out), not what is in use. */
  proposal?: boolean;
  /** The correction saved for this sheet, if any. */
  saved: SheetOverride | undefined;
  disabled: boolean;
  onSave(override: SheetOverride | null): void;
  onCancel(): void;
}

const NONE = "";

/** Column letters offered: A to Z, and further when the plan already uses later columns. */
export function letterChoices(columns: Partial<Record<Role, string>>): string[] {
  const last = Math.max(25, ...Object.values(columns).map((l) => columnIndex(l as string) + 5));
  return Array.from({ length: last + 1 }, (_, i) => columnLetter(i));
}

export function SheetCorrection({ sheet, found, evidence = [], proposal = false, saved, disabled, onSave, onCancel }: SheetCorrectionProps) {
  const shared = useShared();
  const s = useStyles();
  const formId = useId();
  const startRow = found?.headerRow ?? saved?.headerRow;
  const [headerRow, setHeaderRow] = useState(startRow ? String(startRow) : "");
  const [columns, setColumns] = useState<Partial<Record<Role, string>>>(() => ({ ...(found?.columns ?? {}) }));
  const [ignore, setIgnore] = useState(Boolean(saved?.ignore));
  const letters = useMemo(() => letterChoices(found?.columns ?? {}), [found]);

  const rowNumber = Number(headerRow);
  const rowOk = headerRow === "" ? !found : Number.isInteger(rowNumber) && rowNumber >= 1 && rowNumber <= 1_048_576;
  // A proposal is saved whole: accepting it is the user's choice of row and columns.
  const columnsChanged = found !== null && (proposal || ROLES.some((r) => (columns[r] ?? NONE) !== (found.columns[r] ?? NONE)));
  const why = (role: Role): string | undefined => {
    const letter = columns[role];
    const e = evidence.find((x) => x.role === role && x.column === letter);
    return e?.because;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!rowOk) return;
    const next: SheetOverride = { ...saved };
    if (headerRow !== "" && (proposal || rowNumber !== found?.headerRow)) next.headerRow = rowNumber;
    if (columnsChanged) next.columns = Object.fromEntries(ROLES.filter((r) => columns[r]).map((r) => [r, columns[r]!]));
    if (ignore) next.ignore = true;
    else delete next.ignore;
    onSave(Object.keys(next).length ? next : null);
  };

  return (
    <form className={shared.card} aria-label={`Correct “${sheet}”`} id={formId} onSubmit={submit} noValidate>
      <Field
        label="Header row"
        hint="The row number whose cells name the columns."
        validationState={rowOk ? "none" : "error"}
        validationMessage={rowOk ? undefined : "Give a row number, 1 or more."}
      >
        <Input className={s.headerRow} type="number" inputMode="numeric" min={1} step={1} value={headerRow} onChange={(_, d) => setHeaderRow(d.value)} />
      </Field>

      {found && (
        <fieldset className={s.roles}>
          <legend className={`${shared.h4} ${s.legend}`}>Which column holds each kind of information</legend>
          {ROLES.map((role) => (
            <Field key={role} className={s.roleField} label={ROLE_WORDS[role]} hint={why(role)}>
              <Select className={s.select} value={columns[role] ?? NONE} onChange={(_, d) => setColumns((c) => ({ ...c, [role]: d.value || undefined }))}>
                <option value={NONE}>None</option>
                {letters.map((l) => (
                  <option key={l} value={l}>
                    Column {l}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </fieldset>
      )}

      <Checkbox checked={ignore} onChange={(_, d) => setIgnore(d.checked === true)} label="Leave this sheet out of the check" />

      <div className={shared.row}>
        <Button type="submit" appearance="primary" disabledFocusable={disabled || !rowOk}>
          Save and check again
        </Button>
        <Button type="button" onClick={onCancel}>
          Cancel
        </Button>
        {saved && (
          <Button type="button" disabledFocusable={disabled} onClick={() => onSave(null)}>
            Undo my corrections
          </Button>
        )}
      </div>
    </form>
  );
}
