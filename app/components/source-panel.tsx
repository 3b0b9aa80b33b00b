"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { ApiError, fetchRelease, type ReleaseDetail } from "./api-client";
import { quote } from "./format";
import { findPassageRanges } from "./highlight";
import { CloseIcon, PinIcon, WarningIcon } from "./icons";
import { usePreferences } from "./preferences";
import { ReleaseText } from "./release-text";

/** What the panel shows: a release, and optionally the passage a citation points to. */
export interface PanelTarget {
  releaseId: string;
  title: string;
  location: string | null;
  passage?: string;
  n?: number;
  supported?: boolean;
}

type LoadState =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; release: ReleaseDetail };

const cache = new Map<string, ReleaseDetail>();

const FOCUSABLE = 'button, [href], input, textarea, select, [tabindex]:not([tabindex="-1"])';

/**
 * The source panel: a side panel on wide screens, a full-screen sheet on phones (`modal`, which
 * also keeps focus inside). Escape closes it; the caller restores focus to the opener.
 */
export function SourcePanel({ target, modal, onClose }: { target: PanelTarget; modal: boolean; onClose: () => void }) {
  const { t, lang } = usePreferences();
  const [state, setState] = useState<LoadState>(() => {
    const cached = cache.get(target.releaseId);
    return cached ? { status: "ready", release: cached } : { status: "loading" };
  });
  const panel = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const firstMark = useRef<HTMLElement>(null);

  useEffect(() => {
    const cached = cache.get(target.releaseId);
    if (cached) {
      setState({ status: "ready", release: cached });
      return;
    }
    setState({ status: "loading" });
    const controller = new AbortController();
    fetchRelease(target.releaseId, controller.signal).then(
      (release) => {
        cache.set(release.releaseId, release);
        setState({ status: "ready", release });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const message = error instanceof ApiError && error.status === 404 ? error.message : t.loadError;
        setState({ status: "error", message: message || t.loadError });
      },
    );
    return () => controller.abort();
  }, [target.releaseId, t.loadError]);

  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [target]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented) {
        e.preventDefault();
        onClose();
      } else if (e.key === "Tab" && modal && panel.current) {
        const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
        const first = items[0];
        const last = items[items.length - 1];
        if (!first || !last) return;
        if (e.shiftKey && (document.activeElement === first || document.activeElement === heading.current)) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first.focus();
        }
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [modal, onClose]);

  const release = state.status === "ready" ? state.release : null;
  const marks = useMemo(
    () => (release && target.passage ? findPassageRanges(release.text, target.passage) : []),
    [release, target.passage],
  );

  useEffect(() => {
    if (!release) return;
    const container = body.current;
    const mark = firstMark.current;
    if (!container) return;
    if (!mark) {
      container.scrollTop = 0;
      return;
    }
    // scroll only the panel body (scrollIntoView would also move the page frame)
    const offset = mark.getBoundingClientRect().top - container.getBoundingClientRect().top;
    const centred = container.scrollTop + offset - Math.max(16, (container.clientHeight - mark.offsetHeight) / 2);
    container.scrollTop = Math.max(0, centred);
  }, [release, marks, target]);

  const title = release?.title ?? target.title;
  const location = release ? release.location : target.location;
  const unsupported = target.supported === false;

  return (
    <aside
      ref={panel}
      className={`panel${modal ? " panel-sheet" : ""}`}
      role="dialog"
      aria-modal={modal || undefined}
      aria-labelledby="panel-title"
    >
      <header className="panel-head">
        <div className="panel-head-text">
          <p className="panel-eyebrow">
            {t.panelLabel}
            {target.n !== undefined ? <span className="badge">{`${t.source} ${target.n}`}</span> : null}
            {unsupported ? <span className="badge badge-warn">{t.unverified}</span> : null}
          </p>
          <h2 id="panel-title" ref={heading} tabIndex={-1} className="panel-title">
            {title}
          </h2>
          <p className="panel-meta">
            {location ? (
              <span className="panel-place">
                <PinIcon />
                {location}
              </span>
            ) : null}
            {release?.source ? (
              <span>
                {t.file} : {release.source}
              </span>
            ) : null}
          </p>
        </div>
        <button type="button" className="icon-button panel-close" onClick={onClose}>
          <CloseIcon />
          <span className="visually-hidden">{t.close}</span>
        </button>
      </header>

      <div className="panel-body" ref={body}>
        {unsupported ? (
          <div className="notice notice-warn">
            <WarningIcon />
            <span className="notice-text">{t.unverifiedHint}</span>
          </div>
        ) : null}
        {state.status === "loading" ? <p className="panel-status">{t.loading}</p> : null}
        {state.status === "error" ? (
          <p className="notice notice-error" role="alert">
            <span className="notice-text">{state.message}</span>
          </p>
        ) : null}
        {release && target.passage && marks.length === 0 ? (
          <div className="passage-missing">
            <p>{t.passageNotFound}</p>
            <blockquote>{quote(target.passage, lang)}</blockquote>
          </div>
        ) : null}
        {release ? <ReleaseText text={release.text} marks={marks} firstMarkRef={firstMark} /> : null}
        {release?.contacts && (release.contacts.emails.length > 0 || release.contacts.phones.length > 0) ? (
          <section className="contacts" aria-label={t.contacts}>
            <h3 className="sources-title">{t.contacts}</h3>
            <ul>
              {[...release.contacts.emails, ...release.contacts.phones].map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </aside>
  );
}
