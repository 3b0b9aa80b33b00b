"use client";

import type { Citation } from "@/lib/types";
import { usePreferences } from "./preferences";

/** The numbered sources under an answer; each opens its release in the source panel. */
export function SourcesList({ citations, onOpen }: { citations: readonly Citation[]; onOpen: (c: Citation) => void }) {
  const { t } = usePreferences();
  if (citations.length === 0) return null;
  return (
    <section className="sources" aria-label={t.sources}>
      <h3 className="sources-title">{t.sources}</h3>
      <ol className="sources-list">
        {citations.map((citation) => {
          const unsupported = citation.supported === false;
          return (
            <li key={citation.n}>
              <button
                type="button"
                className={`source-item${unsupported ? " source-item-unsupported" : ""}`}
                onClick={() => onOpen(citation)}
              >
                <span className="source-n" aria-hidden="true">
                  {citation.n}
                </span>
                <span className="source-body">
                  <span className="visually-hidden">
                    {t.source} {citation.n} :{" "}
                  </span>
                  <span className="source-title">{citation.title}</span>
                  <span className="source-meta">
                    {citation.location ? <span>{citation.location}</span> : null}
                    {unsupported ? <span className="badge badge-warn">{t.unverified}</span> : null}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
