"use client";

import { LogoMark } from "./icons";
import { usePreferences } from "./preferences";

/** The welcome screen of an empty chat, with starter questions. */
export function EmptyState({
  starters,
  releasesError,
  onPick,
}: {
  starters: readonly string[];
  /** Why the releases could not be listed (server message or ""), or null. */
  releasesError: string | null;
  onPick: (q: string) => void;
}) {
  const { t } = usePreferences();
  return (
    <div className="empty">
      <div className="empty-mark">
        <LogoMark />
      </div>
      <h1 className="empty-title">{t.emptyTitle}</h1>
      <p className="empty-intro">{t.emptyIntro}</p>
      {releasesError !== null ? (
        <p className="notice notice-warn empty-notice">
          <span className="notice-text">
            {t.releasesError} {releasesError}
          </span>
        </p>
      ) : null}
      {starters.length > 0 ? (
        <section className="starters" aria-label={t.startersLabel}>
          <ul className="starter-grid">
            {starters.map((q) => (
              <li key={q}>
                <button type="button" className="starter" onClick={() => onPick(q)}>
                  {q}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
