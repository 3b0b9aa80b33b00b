"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Citation, Suggestion } from "@/lib/types";
import { AppHeader, type View } from "./app-header";
import { fetchHealth } from "./api-client";
import { ChatView } from "./chat-view";
import { deleteAllConversations, deleteConversation, loadConversations, renameConversation, saveConversation, type SavedConversation } from "./conversation-store";
import { ConversationsPanel } from "./conversations-panel";
import { usePreferences } from "./preferences";
import { ReleasesView } from "./releases-view";
import { SourcePanel, type PanelTarget } from "./source-panel";
import { buildStarters } from "./starters";
import { useChat } from "./use-chat";
import { useMediaQuery } from "./use-media-query";
import { useReleases } from "./use-releases";

/** The whole application: header, chat or releases view, and the source panel. */
export function ChatApp({ initialView = "chat" }: { initialView?: View }) {
  const { t } = usePreferences();
  const [view, setView] = useState<View>(initialView);
  const chat = useChat();
  const { releases, error: releasesError } = useReleases();
  const [target, setTarget] = useState<PanelTarget | null>(null);
  const [focusSignal, setFocusSignal] = useState(0);
  const opener = useRef<HTMLElement | null>(null);
  const wide = useMediaQuery("(min-width: 900px)");
  const sheet = target !== null && !wide;

  const starters = useMemo(() => buildStarters(releases ?? [], t), [releases, t]);

  // saved conversations (localStorage): read after hydration, written when an answer settles
  const [conversations, setConversations] = useState<SavedConversation[]>([]);
  const [listOpen, setListOpen] = useState(false);
  const [feedback, setFeedback] = useState(false);
  useEffect(() => {
    setConversations(loadConversations(window.localStorage));
    const controller = new AbortController();
    fetchHealth(controller.signal).then(
      (h) => setFeedback(h.feedback === true),
      () => setFeedback(false),
    );
    return () => controller.abort();
  }, []);
  useEffect(() => {
    if (chat.busy || chat.messages.length === 0) return;
    setConversations(saveConversation(window.localStorage, { id: chat.conversationId, messages: chat.messages }));
  }, [chat.busy, chat.messages, chat.conversationId]);

  const openConversation = (c: SavedConversation) => {
    chat.load(c.id, c.messages);
    setTarget(null);
    setView("chat");
    setListOpen(false);
    setFocusSignal((n) => n + 1);
  };
  const removeConversation = (id: string) => {
    setConversations(deleteConversation(window.localStorage, id));
    if (id === chat.conversationId) chat.reset();
  };

  const open = useCallback((next: PanelTarget) => {
    if (document.activeElement instanceof HTMLElement) opener.current = document.activeElement;
    setTarget(next);
  }, []);

  const openCitation = useCallback(
    (c: Citation) =>
      open({
        releaseId: c.releaseId,
        title: c.title,
        location: c.location,
        passage: c.passage,
        n: c.n,
        supported: c.supported,
      }),
    [open],
  );

  const openRelease = useCallback(
    (s: Suggestion) => open({ releaseId: s.releaseId, title: s.title, location: s.location }),
    [open],
  );

  const close = useCallback(() => {
    setTarget(null);
    const back = opener.current;
    // the opener may have gone (new conversation); fall back to the question box
    requestAnimationFrame(() => {
      if (back?.isConnected) back.focus();
      else document.getElementById("question")?.focus();
    });
  }, []);

  const newConversation = () => {
    chat.reset();
    setListOpen(false);
    setTarget(null);
    setView("chat");
    setFocusSignal((n) => n + 1);
  };

  return (
    <div className={`app${target ? " app-panel-open" : ""}`}>
      <a className="skip-link" href="#question">
        {t.inputLabel}
      </a>
      <div className="app-frame" inert={sheet || undefined}>
        <AppHeader
          view={view}
          onView={setView}
          onNewConversation={newConversation}
          onConversations={() => setListOpen((o) => !o)}
          conversationsOpen={listOpen}
          releaseCount={releases?.length ?? null}
        />
      </div>
      <div className="workspace">
        {listOpen ? (
          <ConversationsPanel
            conversations={conversations}
            currentId={chat.conversationId}
            onOpen={openConversation}
            onRename={(id, title) => setConversations(renameConversation(window.localStorage, id, title))}
            onDelete={removeConversation}
            onDeleteAll={() => {
              setConversations(deleteAllConversations(window.localStorage));
              chat.reset();
            }}
            onClose={() => setListOpen(false)}
          />
        ) : null}
        <main className="main" inert={sheet || undefined}>
          <div role="tabpanel" id="view-chat" aria-labelledby="tab-chat" hidden={view !== "chat"} className="view">
            <ChatView
              messages={chat.messages}
              busy={chat.busy}
              starters={starters}
              releasesError={releasesError}
              onSend={chat.send}
              onStop={chat.stop}
              onRetry={chat.retry}
              onOpenCitation={openCitation}
              onOpenRelease={openRelease}
              focusSignal={focusSignal}
              feedback={feedback}
            />
          </div>
          <div
            role="tabpanel"
            id="view-releases"
            aria-labelledby="tab-releases"
            hidden={view !== "releases"}
            className="view"
          >
            <ReleasesView releases={releases} error={releasesError} onOpen={openRelease} />
          </div>
        </main>
        {target ? <SourcePanel target={target} modal={!wide} onClose={close} /> : null}
      </div>
    </div>
  );
}
