"use client";

import { useMemo, useState } from "react";
import type { ReleaseSummary } from "./api-client";
import { DocumentIcon, PinIcon, SearchIcon } from "./icons";
import { fold } from "@/lib/text/normalize";
import { usePreferences } from "./preferences";


/** Every indexed release, filterable, each opening in the source panel. */
export function ReleasesView({
  releases,
  error,
  onOpen,
}: {
  releases: readonly ReleaseSummary[] | null;
  /** Set when the list could not be loaded: the server's message, or "". */
  error: string | null;
  onOpen: (r: ReleaseSummary) => void;
}) {
  const { t } = usePreferences();
  const [filter, setFilter] = useState("");
  const shown = useMemo(() => {
    const q = fold(filter.trim());
    if (!releases || !q) return releases ?? [];
    return releases.filter((r) => fold(`${r.title} ${r.location ?? ""}`).includes(q));
  }, [releases, filter]);

  return (
    <div className="releases-scroll">
      <div className="releases">
        <h1 className="releases-title">{t.releasesTitle}</h1>
        {error !== null ? (
          <p className="notice notice-error" role="alert">
            <span className="notice-text">
              {t.releasesError} {error}
            </span>
          </p>
        ) : releases === null ? (
          <p className="panel-status">{t.loading}</p>
        ) : (
          <>
            <p className="releases-intro">{t.releasesIntro(releases.length)}</p>
            {releases.length > 0 ? (
              <div className="filter">
                <label htmlFor="release-filter" className="visually-hidden">
                  {t.filterLabel}
                </label>
                <SearchIcon />
                <input
                  id="release-filter"
                  type="search"
                  value={filter}
                  placeholder={t.filterPlaceholder}
                  onChange={(e) => setFilter(e.target.value)}
                />
              </div>
            ) : (
              <p className="panel-status">{t.noReleases}</p>
            )}
            <ul className="release-list">
              {shown.map((r) => (
                <li key={r.releaseId}>
                  <button type="button" className="release-item" onClick={() => onOpen(r)}>
                    <span className="release-icon">
                      <DocumentIcon />
                    </span>
                    <span className="release-item-text">
                      <span className="release-item-title">{r.title}</span>
                      {r.location ? (
                        <span className="release-item-meta">
                          <PinIcon />
                          {r.location}
                        </span>
                      ) : null}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            {releases.length > 0 && shown.length === 0 ? <p className="panel-status">{t.noMatch}</p> : null}
          </>
        )}
      </div>
    </div>
  );
}
