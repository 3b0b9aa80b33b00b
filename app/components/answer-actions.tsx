"use client";

import { useState } from "react";
import type { Answer } from "@/lib/types";
import { sendFeedback } from "./api-client";
import { answerWithSources } from "./conversation-store";
import { usePreferences } from "./preferences";

/** Under a finished answer: copy it with its sources; thumbs up or down with an optional comment. */
export function AnswerActions({ answer, feedback }: { answer: Answer; feedback: boolean }) {
  const { t } = usePreferences();
  const [copied, setCopied] = useState(false);
  const [rating, setRating] = useState<"up" | "down" | null>(null);
  const [comment, setComment] = useState("");
  const [state, setState] = useState<"idle" | "sent" | "error">("idle");

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(answerWithSources(answer.answer, answer.citations, t.sources));
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // the clipboard may be refused: nothing to say beyond not showing "copied"
    }
  };

  const send = async (r: "up" | "down", text?: string) => {
    try {
      await sendFeedback({ answerId: answer.id, rating: r, ...(text?.trim() ? { comment: text.trim() } : {}) });
      setState("sent");
    } catch {
      setState("error");
    }
  };

  return (
    <div className="answer-actions">
      <button type="button" className="button button-small button-ghost answer-copy" onClick={() => void copy()}>
        {copied ? t.copied : t.copyAnswer}
      </button>
      {feedback ? (
        <div className="feedback" role="group" aria-label={`${t.helpful} / ${t.notHelpful}`}>
          {(["up", "down"] as const).map((r) => (
            <button
              key={r}
              type="button"
              className={`button button-small button-ghost feedback-${r}`}
              aria-pressed={rating === r}
              aria-label={r === "up" ? t.helpful : t.notHelpful}
              title={r === "up" ? t.helpful : t.notHelpful}
              onClick={() => {
                setRating(r);
                // a thumbs up is sent at once; a thumbs down first offers a comment
                if (r === "up") void send("up");
                else setState("idle");
              }}
            >
              {r === "up" ? "👍" : "👎"}
            </button>
          ))}
          {rating === "down" && state !== "sent" ? (
            <form
              className="feedback-form"
              onSubmit={(e) => {
                e.preventDefault();
                void send("down", comment);
              }}
            >
              <label className="visually-hidden" htmlFor={`comment-${answer.id}`}>
                {t.feedbackComment}
              </label>
              <textarea id={`comment-${answer.id}`} placeholder={t.feedbackComment} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} rows={2} />
              <button type="submit" className="button button-small feedback-send">
                {t.feedbackSend}
              </button>
            </form>
          ) : null}
          {state === "sent" ? <span className="feedback-note" role="status">{t.feedbackThanks}</span> : null}
          {state === "error" ? <span className="feedback-note" role="alert">{t.feedbackError}</span> : null}
        </div>
      ) : null}
    </div>
  );
}
