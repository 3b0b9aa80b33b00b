"use client";

import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import type { Citation } from "@/lib/types";
import { clip, quote } from "./format";
import { usePreferences } from "./preferences";

const OPEN_DELAY_MS = 120;
const CLOSE_DELAY_MS = 150;
const MAX_PASSAGE = 320;

/** An inline `[n]` citation: a button with a hover/focus tooltip; click opens the source. */
export function CitationChip({ citation, onOpen }: { citation: Citation; onOpen: (c: Citation) => void }) {
  const { t, lang } = usePreferences();
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<{ top: number; left: number; width: number } | null>(null);
  const chipRef = useRef<HTMLButtonElement>(null);
  const tipRef = useRef<HTMLSpanElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const tooltipId = useId();
  const unsupported = citation.supported === false;

  const schedule = useCallback((next: boolean, delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setOpen(next), delay);
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  useLayoutEffect(() => {
    if (!open) {
      setPosition(null);
      return;
    }
    const chip = chipRef.current;
    const tip = tipRef.current;
    if (!chip || !tip) return;
    const margin = 8;
    const width = Math.min(360, window.innerWidth - margin * 2);
    tip.style.width = `${width}px`;
    const rect = chip.getBoundingClientRect();
    const height = tip.offsetHeight;
    const below = rect.bottom + margin + height <= window.innerHeight;
    const top = below ? rect.bottom + 6 : Math.max(margin, rect.top - 6 - height);
    const left = Math.min(Math.max(margin, rect.left + rect.width / 2 - width / 2), window.innerWidth - width - margin);
    setPosition({ top, left, width });
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const hide = () => setOpen(false);
    window.addEventListener("scroll", hide, true);
    window.addEventListener("resize", hide);
    return () => {
      window.removeEventListener("scroll", hide, true);
      window.removeEventListener("resize", hide);
    };
  }, [open]);

  const label = `${t.source} ${citation.n}, ${citation.title}${unsupported ? ` (${t.unverified})` : ""}`;

  return (
    <span className="chip-wrap">
      <button
        ref={chipRef}
        type="button"
        className={`chip${unsupported ? " chip-unsupported" : ""}`}
        aria-label={label}
        aria-describedby={open ? tooltipId : undefined}
        data-citation={citation.n}
        onClick={() => {
          setOpen(false);
          onOpen(citation);
        }}
        onMouseEnter={() => schedule(true, OPEN_DELAY_MS)}
        onMouseLeave={() => schedule(false, CLOSE_DELAY_MS)}
        onFocus={() => schedule(true, 0)}
        onBlur={() => schedule(false, 0)}
        onKeyDown={(e) => {
          if (e.key === "Escape" && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      >
        {citation.n}
        {unsupported ? <span aria-hidden="true">!</span> : null}
      </button>
      {open ? (
        <span
          ref={tipRef}
          id={tooltipId}
          role="tooltip"
          className="tooltip"
          style={
            position
              ? { top: position.top, left: position.left, width: position.width }
              : { visibility: "hidden", top: 0, left: 0 }
          }
          onMouseEnter={() => clearTimeout(timer.current)}
          onMouseLeave={() => schedule(false, CLOSE_DELAY_MS)}
        >
          <span className="tooltip-title">{citation.title}</span>
          {citation.location ? <span className="tooltip-meta">{citation.location}</span> : null}
          <span className="tooltip-quote">{quote(clip(citation.passage, MAX_PASSAGE), lang)}</span>
          {unsupported ? <span className="tooltip-warn">{t.unverified} — {t.unverifiedHint}</span> : null}
          <span className="tooltip-hint">{t.openSource}</span>
        </span>
      ) : null}
    </span>
  );
}
