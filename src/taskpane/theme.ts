// Light or dark, following Office's theme where Office says, else the system's.
import { useEffect, useState } from "react";

export type ThemeName = "light" | "dark";
/** "auto" follows Office (or the system); a demo page may force one. */
export type ThemeChoice = ThemeName | "auto";

/** Relative luminance of "#RRGGBB" (0 black … 1 white), or null if it is not a colour. */
export function luminance(hex: string | undefined | null): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((hex ?? "").trim());
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Office's own theme when it tells us (bodyBackgroundColor), else null. */
function officeTheme(): ThemeName | null {
  try {
    const bg = typeof Office !== "undefined" ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
    const l = luminance(bg);
    return l === null ? null : l < 0.4 ? "dark" : "light";
  } catch {
    return null; // Office.context is not there outside Office (demo page, tests)
  }
}

const darkQuery = (): MediaQueryList | null =>
  typeof window !== "undefined" && typeof window.matchMedia === "function" ? window.matchMedia("(prefers-color-scheme: dark)") : null;

export function detectTheme(): ThemeName {
  return officeTheme() ?? (darkQuery()?.matches ? "dark" : "light");
}

/** The theme to use, following system changes when Office does not say. */
export function useThemeName(choice: ThemeChoice = "auto"): ThemeName {
  const [name, setName] = useState<ThemeName>(() => (choice === "auto" ? detectTheme() : choice));
  useEffect(() => {
    if (choice !== "auto") {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- one extra render when the user changes the theme setting
      setName(choice);
      return;
    }
    setName(detectTheme());
    const q = darkQuery();
    if (!q || officeTheme()) return;
    const onChange = () => setName(detectTheme());
    q.addEventListener?.("change", onChange);
    return () => q.removeEventListener?.("change", onChange);
  }, [choice]);
  return name;
}
