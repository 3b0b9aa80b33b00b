"use client";

import type { Citation, Suggestion } from "@/lib/types";
import { AbstentionNotice } from "./abstention-notice";
import { AnswerActions } from "./answer-actions";
import { AnswerText } from "./answer-text";
import { RetryIcon, WarningIcon } from "./icons";
import { usePreferences } from "./preferences";
import { SourcesList } from "./sources-list";
import type { AssistantMessage } from "./use-chat";

function ErrorNotice({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = usePreferences();
  return (
    <div className="notice notice-error" role="alert">
      <WarningIcon />
      <span className="notice-text">{message}</span>
      <button type="button" className="button button-small" onClick={onRetry}>
        <RetryIcon />
        {t.retry}
      </button>
    </div>
  );
}

/** One answer of the assistant, from "searching…" through streaming to done (or error). */
export function AssistantMessageView({
  message,
  onOpenCitation,
  onOpenRelease,
  onRetry,
  feedback = false,
}: {
  message: AssistantMessage;
  /** Whether the server takes feedback (thumbs). */
  feedback?: boolean;
  onOpenCitation: (c: Citation) => void;
  onOpenRelease: (s: Suggestion) => void;
  onRetry: (id: string) => void;
}) {
  const { t } = usePreferences();
  const { status, answer } = message;
  const active = status === "pending" || status === "streaming";
  const abstained = answer?.abstained === true;

  let errorText = "";
  if (message.error) {
    const { code, message: text } = message.error;
    errorText =
      code === "network" ? t.networkError : code === "interrupted" ? t.interrupted : text || t.genericError;
  }

  return (
    <article className="message message-assistant" data-status={status} aria-label={t.assistant}>
      <div className="answer-body" aria-live="polite" aria-busy={active}>
        {status === "pending" ? (
          <p className="thinking">
            <span className="dots" aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
            {t.thinking}
          </p>
        ) : abstained && answer ? (
          <AbstentionNotice text={answer.answer} suggestions={answer.suggestions ?? []} onOpen={onOpenRelease} />
        ) : message.text ? (
          <div className="answer-text" data-streaming={status === "streaming" || undefined}>
            <AnswerText text={message.text} citations={message.citations} onOpen={onOpenCitation} />
          </div>
        ) : null}
      </div>

      {answer?.warning ? (
        <div className="notice notice-warn">
          <WarningIcon />
          <span className="notice-text">
            <span className="visually-hidden">{t.warningLabel} : </span>
            {answer.warning}
          </span>
        </div>
      ) : null}

      {status === "error" ? <ErrorNotice message={errorText} onRetry={() => onRetry(message.id)} /> : null}

      {status === "stopped" ? (
        <div className="notice notice-muted">
          <span className="notice-text">{t.stopped}</span>
          <button type="button" className="button button-small" onClick={() => onRetry(message.id)}>
            <RetryIcon />
            {t.retry}
          </button>
        </div>
      ) : null}

      {!abstained && (status === "done" || status === "stopped") ? <SourcesList citations={message.citations} onOpen={onOpenCitation} /> : null}

      {status === "done" && answer ? <AnswerActions answer={answer} feedback={feedback} /> : null}

      {status === "done" && answer ? (
        <p className="answer-meta">
          {answer.mode === "llm" ? t.modeLlm : t.modeExtractive}
          {answer.timings ? ` · ${Math.round(answer.timings.totalMs)} ms` : ""}
        </p>
      ) : null}
    </article>
  );
}
