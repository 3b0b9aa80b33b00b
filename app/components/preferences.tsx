"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { MESSAGES, preferredLang, type Lang, type Messages } from "./i18n";

export type Theme = "light" | "dark";

interface Preferences {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
  /** The theme in effect (explicit choice, else the system one). */
  theme: Theme;
  toggleTheme: () => void;
}

const LANG_KEY = "oim-assistant.lang";
const THEME_KEY = "oim-assistant.theme";

const PreferencesContext = createContext<Preferences | null>(null);

function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage disabled (private mode, policy)
  }
}

function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // preference simply is not remembered
  }
}

function systemTheme(): Theme {
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** Language and theme, remembered in localStorage and reflected on <html>. */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>("fr");
  const [explicitTheme, setExplicitTheme] = useState<Theme | null>(null);
  const [system, setSystem] = useState<Theme>("light");

  useEffect(() => {
    const stored = readStored(LANG_KEY);
    setLangState(stored === "fr" || stored === "en" ? stored : preferredLang(navigator.languages ?? [navigator.language]));
    const storedTheme = readStored(THEME_KEY);
    if (storedTheme === "light" || storedTheme === "dark") setExplicitTheme(storedTheme);
    setSystem(systemTheme());
    const query = window.matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => setSystem(systemTheme());
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    if (explicitTheme) document.documentElement.dataset.theme = explicitTheme;
    else delete document.documentElement.dataset.theme;
  }, [explicitTheme]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    writeStored(LANG_KEY, next);
  }, []);

  const theme = explicitTheme ?? system;
  const toggleTheme = useCallback(() => {
    const next: Theme = theme === "dark" ? "light" : "dark";
    setExplicitTheme(next);
    writeStored(THEME_KEY, next);
  }, [theme]);

  const value = useMemo<Preferences>(
    () => ({ lang, t: MESSAGES[lang], setLang, theme, toggleTheme }),
    [lang, setLang, theme, toggleTheme],
  );
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): Preferences {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error("usePreferences must be used inside <PreferencesProvider>");
  return value;
}
