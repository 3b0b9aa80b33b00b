"use client";

import { LogoMark } from "./icons";
import { usePreferences } from "./preferences";

/** The welcome screen of an empty chat, with starter questions. */
export function EmptyState({ starters, onPick }: { starters: readonly string[]; onPick: (q: string) => void }) {
  const { t } = usePreferences();
  return (
    <div className="empty">
      <div className="empty-mark">
        <LogoMark />
      </div>
      <h1 className="empty-title">{t.emptyTitle}</h1>
      <p className="empty-intro">{t.emptyIntro}</p>
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
