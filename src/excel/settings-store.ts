// Plan Monitor's settings, kept in the workbook (Office workbook settings), 1 sync each way.
import { SettingsSchema, defaultSettings, parseSettings, type Settings } from "../engine/settings";
import { PlanMonitorError } from "./errors";

export const SETTINGS_KEY = "planMonitor.settings";

/** What was saved, or undefined when nothing was. */
export async function readSavedSettings(context: Excel.RequestContext): Promise<unknown> {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load("value");
  await context.sync();
  return item.isNullObject ? undefined : (item.value as unknown);
}

/** The settings from what was saved, or the defaults with a warning in plain words when it is not valid. */
export function settingsFrom(raw: unknown): { settings: Settings; warning?: string } {
  if (raw === undefined || raw === null) return { settings: defaultSettings() };
  try {
    const value = typeof raw === "string" ? JSON.parse(raw) : raw;
    return { settings: parseSettings(value) };
  } catch (e) {
    const why = e instanceof SyntaxError ? "they are not readable" : e instanceof Error ? e.message.replace(/\.$/, "") : String(e);
    const warning = `Plan Monitor could not use the settings saved in this workbook (${why}), so it is using the standard settings. Save your settings again to replace them.`;
    return { settings: defaultSettings(), warning };
  }
}

/** The settings as they may be saved, or a PlanMonitorError saying which one is wrong. */
export function checkedSettings(settings: Settings): Settings {
  const checked = SettingsSchema.safeParse(settings);
  if (!checked.success) {
    const first = checked.error.issues[0];
    throw new PlanMonitorError(`These settings cannot be saved${first?.path.length ? ` (${first.path.join(".")})` : ""}: ${first?.message ?? "they are not valid"}.`);
  }
  return checked.data;
}

/** Save (replacing what was saved: saving twice is saving once). */
export async function writeSettings(context: Excel.RequestContext, settings: Settings): Promise<void> {
  context.workbook.settings.add(SETTINGS_KEY, JSON.parse(JSON.stringify(settings)));
  await context.sync();
}
