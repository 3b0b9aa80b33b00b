"use client";

import { useRef, type KeyboardEvent } from "react";
import { LogoMark, MoonIcon, PlusIcon, SunIcon } from "./icons";
import { usePreferences } from "./preferences";

export type View = "chat" | "releases";

const VIEWS: readonly View[] = ["chat", "releases"];

/** Brand, view tabs and the global actions (new conversation, language, theme). */
export function AppHeader({
  view,
  onView,
  onNewConversation,
  onConversations,
  conversationsOpen = false,
  releaseCount,
}: {
  view: View;
  onView: (v: View) => void;
  onNewConversation: () => void;
  /** Opens or closes the saved conversations. */
  onConversations?: () => void;
  conversationsOpen?: boolean;
  releaseCount: number | null;
}) {
  const { t, lang, setLang, theme, toggleTheme } = usePreferences();
  const tabs = useRef<Record<View, HTMLButtonElement | null>>({ chat: null, releases: null });

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const index = VIEWS.indexOf(view);
    let next: View | undefined;
    if (e.key === "ArrowRight") next = VIEWS[(index + 1) % VIEWS.length];
    else if (e.key === "ArrowLeft") next = VIEWS[(index - 1 + VIEWS.length) % VIEWS.length];
    else if (e.key === "Home") next = VIEWS[0];
    else if (e.key === "End") next = VIEWS[VIEWS.length - 1];
    if (!next) return;
    e.preventDefault();
    onView(next);
    tabs.current[next]?.focus();
  };

  const label: Record<View, string> = { chat: t.tabChat, releases: t.tabReleases };

  return (
    <header className="topbar">
      <div className="topbar-inner">
        <div className="brand">
          <LogoMark />
          <span className="brand-text">
            <span className="brand-name">{t.appName}</span>
            <span className="brand-tagline">{t.tagline}</span>
          </span>
        </div>

        <div className="tabs" role="tablist" aria-label={t.appName}>
          {VIEWS.map((v) => (
            <button
              key={v}
              ref={(el) => {
                tabs.current[v] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${v}`}
              aria-selected={view === v}
              aria-controls={`view-${v}`}
              tabIndex={view === v ? 0 : -1}
              className="tab"
              onClick={() => onView(v)}
              onKeyDown={onTabKey}
            >
              {label[v]}
              {v === "releases" && releaseCount !== null ? <span className="tab-count">{releaseCount}</span> : null}
            </button>
          ))}
        </div>

        <div className="actions">
          {onConversations ? (
            <button type="button" className="button button-ghost conversations-toggle" aria-expanded={conversationsOpen} onClick={onConversations}>
              {t.conversations}
            </button>
          ) : null}
          <button type="button" className="button button-ghost new-chat" onClick={onNewConversation}>
            <PlusIcon />
            <span className="new-chat-label">{t.newConversation}</span>
          </button>
          <button
            type="button"
            className="icon-button lang-toggle"
            lang={lang === "fr" ? "en" : "fr"}
            aria-label={t.switchLanguage}
            title={t.switchLanguage}
            onClick={() => setLang(lang === "fr" ? "en" : "fr")}
          >
            {t.otherLangShort}
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={theme === "dark" ? t.themeToLight : t.themeToDark}
            title={theme === "dark" ? t.themeToLight : t.themeToDark}
            onClick={toggleTheme}
          >
            {theme === "dark" ? <SunIcon /> : <MoonIcon />}
          </button>
        </div>
      </div>
    </header>
  );
}
