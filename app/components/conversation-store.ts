/** Conversations kept in the browser (localStorage): nothing of them leaves it except to ask. */

import { answerSchema } from "@/lib/contract";
import type { ChatMessage } from "./use-chat";

export interface SavedConversation {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  messages: ChatMessage[];
}

const KEY = "oim.conversations.v1";
/** At most this many conversations are kept (the oldest go first). */
const MAX = 100;

type Storage = Pick<globalThis.Storage, "getItem" | "setItem">;

function isMessage(m: unknown): m is ChatMessage {
  if (typeof m !== "object" || m === null) return false;
  const x = m as Record<string, unknown>;
  if (x.role === "user") return typeof x.id === "string" && typeof x.text === "string";
  return x.role === "assistant" && typeof x.id === "string" && typeof x.text === "string" && (x.answer === null || answerSchema.safeParse(x.answer).success);
}

/** The saved conversations, newest first (what cannot be read is left out, never thrown). */
export function loadConversations(storage: Storage): SavedConversation[] {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(KEY) ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((c): c is SavedConversation => typeof c === "object" && c !== null && typeof (c as SavedConversation).id === "string" && Array.isArray((c as SavedConversation).messages))
    .map((c) => ({ ...c, title: String(c.title ?? ""), messages: c.messages.filter(isMessage) }))
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

function write(storage: Storage, all: SavedConversation[]): void {
  try {
    storage.setItem(KEY, JSON.stringify(all.slice(0, MAX)));
  } catch {
    // storage full or refused (private mode): the conversation stays in memory only
  }
}

/** Messages worth keeping: questions and finished answers (a pending one is kept as stopped). */
function settled(messages: readonly ChatMessage[]): ChatMessage[] {
  return messages.map((m) => (m.role === "assistant" && (m.status === "pending" || m.status === "streaming") ? { ...m, status: "stopped" as const } : m));
}

/** Saves (or updates) a conversation; its title is its first question unless it was renamed. */
export function saveConversation(storage: Storage, input: { id: string; messages: readonly ChatMessage[]; now?: number }): SavedConversation[] {
  const all = loadConversations(storage);
  const now = input.now ?? Date.now();
  const existing = all.find((c) => c.id === input.id);
  const first = input.messages.find((m) => m.role === "user");
  const conv: SavedConversation = {
    id: input.id,
    title: existing?.title || (first ? first.text.slice(0, 80) : ""),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    messages: settled(input.messages),
  };
  const next = [conv, ...all.filter((c) => c.id !== input.id)];
  write(storage, next);
  return next;
}

export function renameConversation(storage: Storage, id: string, title: string): SavedConversation[] {
  const all = loadConversations(storage).map((c) => (c.id === id ? { ...c, title: title.trim().slice(0, 120) || c.title } : c));
  write(storage, all);
  return all;
}

export function deleteConversation(storage: Storage, id: string): SavedConversation[] {
  const all = loadConversations(storage).filter((c) => c.id !== id);
  write(storage, all);
  return all;
}

export function deleteAllConversations(storage: Storage): SavedConversation[] {
  write(storage, []);
  return [];
}

/** One answer with its numbered sources, as plain text (for the clipboard). */
export function answerWithSources(text: string, citations: readonly { n: number; title: string; releaseId: string }[], sourcesLabel: string): string {
  if (!citations.length) return text;
  return `${text}\n\n${sourcesLabel}\n${citations.map((c) => `[${c.n}] ${c.title} (${c.releaseId})`).join("\n")}`;
}

/** The conversation as Markdown: questions, answers, and each answer's numbered sources with titles and release ids. */
export function conversationMarkdown(conv: SavedConversation, labels: { you: string; assistant: string; sources: string }): string {
  const out: string[] = [`# ${conv.title || "Conversation"}`, ""];
  for (const m of conv.messages) {
    if (m.role === "user") out.push(`## ${labels.you}`, "", m.text, "");
    else {
      out.push(`## ${labels.assistant}`, "", m.text || "…", "");
      if (m.citations.length) {
        out.push(`**${labels.sources}**`, "");
        for (const c of m.citations) out.push(`${c.n}. ${c.title}${c.location ? ` — ${c.location}` : ""} (\`${c.releaseId}\`)`);
        out.push("");
      }
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}
