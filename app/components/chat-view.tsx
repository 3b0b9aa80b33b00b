"use client";

import { useEffect, useLayoutEffect, useRef } from "react";
import type { Citation, Suggestion } from "@/lib/types";
import { AssistantMessageView } from "./assistant-message";
import { Composer, type ComposerHandle } from "./composer";
import { EmptyState } from "./empty-state";
import { usePreferences } from "./preferences";
import type { ChatMessage } from "./use-chat";

/** Scroll distance from the bottom under which new text keeps the view pinned to the end. */
const STICK_PX = 96;

export function ChatView({
  messages,
  busy,
  starters,
  releasesError,
  onSend,
  onStop,
  onRetry,
  onOpenCitation,
  onOpenRelease,
  focusSignal,
  feedback = false,
}: {
  messages: readonly ChatMessage[];
  busy: boolean;
  starters: readonly string[];
  releasesError: string | null;
  onSend: (q: string) => void;
  onStop: () => void;
  onRetry: (id: string) => void;
  onOpenCitation: (c: Citation) => void;
  onOpenRelease: (s: Suggestion) => void;
  /** Changes when the composer should take focus (new conversation). */
  focusSignal: number;
  /** Whether the server takes feedback on answers. */
  feedback?: boolean;
}) {
  const { t } = usePreferences();
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const composer = useRef<ComposerHandle>(null);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [messages]);

  // keep the end in view when the layout changes size (rotation, panel opening, keyboard)
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (stick.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (focusSignal > 0) composer.current?.focus();
  }, [focusSignal]);

  const send = (q: string) => {
    stick.current = true;
    onSend(q);
  };

  return (
    <div className="chat">
      <div
        className="chat-scroll"
        ref={scroller}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
        }}
      >
        <div className="chat-column">
          {messages.length === 0 ? (
            <EmptyState starters={starters} releasesError={releasesError} onPick={send} />
          ) : (
            <>
              <h1 className="visually-hidden">{t.chatLogLabel}</h1>
              <ol className="messages">
                {messages.map((m) => (
                  <li key={m.id} className={`message-row message-row-${m.role}`}>
                    {m.role === "user" ? (
                      <div className="message message-user">
                        <span className="visually-hidden">{t.you} : </span>
                        {m.text}
                      </div>
                    ) : (
                      <AssistantMessageView
                        message={m}
                        onOpenCitation={onOpenCitation}
                        onOpenRelease={onOpenRelease}
                        onRetry={onRetry}
                        feedback={feedback}
                      />
                    )}
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      </div>
      <div className="chat-footer">
        <div className="chat-column">
          <Composer ref={composer} busy={busy} onSend={send} onStop={onStop} />
        </div>
      </div>
    </div>
  );
}
