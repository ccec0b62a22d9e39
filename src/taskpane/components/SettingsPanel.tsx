// The settings a user can change, saved in the workbook via the backend.
// Validation is the engine's own schema; this form only turns text into values.
import { Button, Field, Input, Textarea, makeStyles } from "@fluentui/react-components";
import { useEffect, useId, useState, type FormEvent } from "react";
import { defaultSettings, SettingsSchema, type Settings, type SheetOverride } from "../../engine/settings";
import { amberDaysProblem, COMPLETE_WORDS_PROBLEM, describeCorrection, SETTINGS_INVALID } from "../messages";
import { useShared } from "./styles";

const useStyles = makeStyles({
  days: { maxWidth: "8em" },
  name: { overflowWrap: "anywhere" },
});

interface Draft {
  amberDays: string;
  completeWords: string;
}

const draftOf = (s: Settings): Draft => ({ amberDays: String(s.amberDays), completeWords: s.completeWords.join(", ") });

/** "done, Complete ,, closed" → ["done", "Complete", "closed"]. */
export const splitWords = (text: string): string[] =>
  text
    .split(/[,;\n]/)
    .map((w) => w.trim())
    .filter(Boolean);

type Checked = { ok: true; settings: Settings } | { ok: false; amberDays?: string; completeWords?: string };

/** The draft applied to the saved settings and checked against the engine's schema. */
export function applyDraft(base: Settings, d: Draft): Checked {
  const amber = d.amberDays.trim() === "" ? NaN : Number(d.amberDays);
  const candidate = { ...base, amberDays: amber, completeWords: splitWords(d.completeWords) };
  const result = SettingsSchema.safeParse(candidate);
  if (result.success) return { ok: true, settings: result.data };
  const out: Checked = { ok: false };
  for (const issue of result.error.issues) {
    const i = issue as { path: PropertyKey[]; code: string; minimum?: number | bigint; maximum?: number | bigint };
    const bound = i.code === "too_small" ? { atLeast: i.minimum } : i.code === "too_big" ? { atMost: i.maximum } : {};
    if (i.path[0] === "amberDays") out.amberDays = amberDaysProblem(bound);
    else if (i.path[0] === "completeWords") out.completeWords = COMPLETE_WORDS_PROBLEM;
  }
  if (!out.amberDays && !out.completeWords) out.completeWords = SETTINGS_INVALID;
  return out;
}

export interface SettingsPanelProps {
  settings: Settings | null;
  busy: boolean;
  onSave(settings: Settings): void;
  onRemoveCorrection(sheet: string, override: SheetOverride | null): void;
}

export function SettingsPanel({ settings, busy, onSave, onRemoveCorrection }: SettingsPanelProps) {
  const shared = useShared();
  const s = useStyles();
  const headingId = useId();
  const saved = settings ?? defaultSettings();
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  const [showErrors, setShowErrors] = useState(false);
  const savedDraft = draftOf(saved);
  const dirty = draft.amberDays !== savedDraft.amberDays || draft.completeWords !== savedDraft.completeWords;

  // New saved settings (loaded, or saved from elsewhere) replace the form unless the user is editing it.
  const [seen, setSeen] = useState(settings);
  useEffect(() => {
    if (settings !== seen) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- once per new saved settings, not per render
      setSeen(settings);
      if (!dirty && settings) setDraft(draftOf(settings));
    }
  }, [settings, seen, dirty]);

  const checked = applyDraft(saved, draft);
  const errors: { amberDays?: string; completeWords?: string } = showErrors && !checked.ok ? checked : {};

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShowErrors(true);
    if (!checked.ok) return;
    setShowErrors(false);
    setDraft(draftOf(checked.settings)); // the words as saved: trimmed, empty ones dropped
    onSave(checked.settings);
  };

  const corrections = Object.entries(saved.sheets);
  const standard = draftOf(defaultSettings());

  return (
    <section className={shared.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={shared.h2}>
        Settings
      </h2>
      <p className={shared.hint}>Saved in this workbook, so everyone who opens it with Plan Monitor gets the same results.</p>
      <form className={shared.section} onSubmit={submit} noValidate aria-labelledby={headingId}>
        <Field
          label="Days overdue that are still amber"
          hint="An action more days than this past its due date is red."
          validationState={errors.amberDays ? "error" : "none"}
          validationMessage={errors.amberDays}
        >
          <Input
            className={s.days}
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            value={draft.amberDays}
            disabled={!settings}
            onChange={(_, d) => setDraft((x) => ({ ...x, amberDays: d.value }))}
          />
        </Field>
        <Field
          label="Status words that mean complete"
          hint="Separate them with commas."
          validationState={errors.completeWords ? "error" : "none"}
          validationMessage={errors.completeWords}
        >
          <Textarea
            resize="vertical"
            rows={3}
            value={draft.completeWords}
            disabled={!settings}
            onChange={(_, d) => setDraft((x) => ({ ...x, completeWords: d.value }))}
          />
        </Field>
        <div className={shared.row}>
          <Button type="submit" appearance="primary" disabledFocusable={busy || !settings || !dirty}>
            Save settings
          </Button>
          <Button type="button" disabledFocusable={!dirty} onClick={() => (setDraft(savedDraft), setShowErrors(false))}>
            Undo changes
          </Button>
          <Button
            type="button"
            disabledFocusable={!settings || (draft.amberDays === standard.amberDays && draft.completeWords === standard.completeWords)}
            onClick={() => setDraft(standard)}
          >
            Use standard settings
          </Button>
        </div>
        {dirty && <p className={shared.hint}>Not saved yet.</p>}
      </form>

      {corrections.length > 0 && (
        <>
          <h3 className={shared.h3}>Your sheet corrections</h3>
          <ul className={shared.plainList}>
            {corrections.map(([name, o]) => (
              <li key={name} className={shared.row}>
                <span className={s.name}>
                  <strong>{name}</strong>: {describeCorrection(o)}
                </span>
                <Button size="small" disabledFocusable={busy} onClick={() => onRemoveCorrection(name, null)} aria-label={`Remove the correction for ${name}`}>
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
