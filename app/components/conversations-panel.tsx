"use client";

import { useState } from "react";
import { conversationMarkdown, type SavedConversation } from "./conversation-store";
import { usePreferences } from "./preferences";

/** Downloads a text file made in the page. */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The saved conversations: open, rename, export, delete one, delete all. */
export function ConversationsPanel({
  conversations,
  currentId,
  onOpen,
  onRename,
  onDelete,
  onDeleteAll,
  onClose,
}: {
  conversations: readonly SavedConversation[];
  currentId: string;
  onOpen: (c: SavedConversation) => void;
  onRename: (id: string, title: string) => void;
  onDelete: (id: string) => void;
  onDeleteAll: () => void;
  onClose: () => void;
}) {
  const { t, lang } = usePreferences();
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  const [confirming, setConfirming] = useState(false);
  const date = new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", { dateStyle: "short", timeStyle: "short" });

  return (
    <section className="conversations" aria-label={t.conversations} onKeyDown={(e) => e.key === "Escape" && onClose()}>
      <div className="conversations-head">
        <h2>{t.conversations}</h2>
        <button type="button" className="button button-small" onClick={onClose}>
          {t.close}
        </button>
      </div>
      {conversations.length === 0 ? <p className="conversations-empty">{t.noConversations}</p> : null}
      <ul className="conversation-list">
        {conversations.map((c) => (
          <li key={c.id} className="conversation-item" data-current={c.id === currentId || undefined}>
            {editing === c.id ? (
              <form
                className="conversation-rename"
                onSubmit={(e) => {
                  e.preventDefault();
                  onRename(c.id, draft);
                  setEditing(null);
                }}
              >
                <label className="visually-hidden" htmlFor={`rename-${c.id}`}>
                  {t.renameLabel}
                </label>
                <input id={`rename-${c.id}`} value={draft} onChange={(e) => setDraft(e.target.value)} autoFocus maxLength={120} />
                <button type="submit" className="button button-small">
                  {t.save}
                </button>
                <button type="button" className="button button-small button-ghost" onClick={() => setEditing(null)}>
                  {t.cancel}
                </button>
              </form>
            ) : (
              <>
                <button type="button" className="conversation-open" onClick={() => onOpen(c)}>
                  <span className="conversation-title">{c.title || t.untitled}</span>
                  <span className="conversation-date">{date.format(c.updatedAt)}</span>
                </button>
                <div className="conversation-actions">
                  <button
                    type="button"
                    className="button button-small button-ghost"
                    onClick={() => {
                      setDraft(c.title);
                      setEditing(c.id);
                    }}
                  >
                    {t.rename}
                  </button>
                  <button
                    type="button"
                    className="button button-small button-ghost conversation-export"
                    onClick={() => download(`conversation-${c.id}.md`, conversationMarkdown(c, { you: t.you, assistant: t.assistant, sources: t.sources }))}
                  >
                    {t.exportMarkdown}
                  </button>
                  <button type="button" className="button button-small button-ghost" onClick={() => onDelete(c.id)}>
                    {t.deleteConversation}
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      {conversations.length > 0 ? (
        <button
          type="button"
          className="button button-small conversations-delete-all"
          onClick={() => {
            if (confirming) {
              onDeleteAll();
              setConfirming(false);
            } else setConfirming(true);
          }}
        >
          {confirming ? t.confirmDeleteAll : t.deleteAll}
        </button>
      ) : null}
    </section>
  );
}
