"use client";

import type { Suggestion } from "@/lib/types";
import { DocumentIcon, InfoIcon } from "./icons";
import { usePreferences } from "./preferences";

/** How an abstention looks: a muted notice, with the closest releases to open instead. */
export function AbstentionNotice({
  text,
  suggestions,
  onOpen,
}: {
  text: string;
  suggestions: readonly Suggestion[];
  onOpen: (s: Suggestion) => void;
}) {
  const { t } = usePreferences();
  return (
    <div className="abstention" data-abstained="true">
      <div className="abstention-head">
        <InfoIcon />
        <strong>{t.abstainedTitle}</strong>
      </div>
      <p className="abstention-text">{text}</p>
      {suggestions.length > 0 ? (
        <div className="abstention-suggestions">
          <h3 className="sources-title">{t.closestReleases}</h3>
          <ul className="suggestion-list">
            {suggestions.map((s) => (
              <li key={s.releaseId}>
                <button type="button" className="suggestion" onClick={() => onOpen(s)}>
                  <DocumentIcon />
                  <span>
                    <span className="suggestion-title">{s.title}</span>
                    {s.location ? <span className="suggestion-meta">{s.location}</span> : null}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
