"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { LIMITS } from "@/lib/contract";
import type { Answer, Citation, HistoryTurn } from "@/lib/types";
import { ApiError, streamAnswer } from "./api-client";

export interface UserMessage {
  id: string;
  role: "user";
  text: string;
}

export type AssistantStatus = "pending" | "streaming" | "done" | "stopped" | "error";

export interface AssistantMessage {
  id: string;
  role: "assistant";
  question: string;
  status: AssistantStatus;
  text: string;
  citations: Citation[];
  answer: Answer | null;
  /** `status: "error"`: what went wrong; `network` and `interrupted` codes carry no server message. */
  error: { code: string; message: string } | null;
}

export type ChatMessage = UserMessage | AssistantMessage;


let counter = 0;
const nextId = () => `m${Date.now().toString(36)}${(counter++).toString(36)}`;
const nextConversationId = () => `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** Completed question/answer pairs before `index`, oldest first, trimmed to the contract's limit. */
export function historyBefore(messages: readonly ChatMessage[], index: number): HistoryTurn[] {
  const turns: HistoryTurn[] = [];
  for (let i = 0; i < index; i++) {
    const message = messages[i];
    const reply = messages[i + 1];
    if (message?.role === "user" && reply?.role === "assistant" && reply.status === "done" && i + 1 < index) {
      // the releases the answer cited go with it: a follow-up then finds them whatever the answer says
      const citations = reply.citations.map((c) => ({ n: c.n, releaseId: c.releaseId }));
      turns.push({ role: "user", content: message.text }, { role: "assistant", content: reply.text, ...(citations.length ? { citations } : {}) });
    }
  }
  return turns.slice(-LIMITS.historyTurns);
}

/** Conversation state and the streaming request behind it. */
export function useChat() {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [conversationId, setConversationId] = useState(nextConversationId);
  const messagesRef = useRef(messages);
  useEffect(() => {
    messagesRef.current = messages;
  }, [messages]);
  const controllerRef = useRef<AbortController | null>(null);

  const patch = useCallback((id: string, change: (m: AssistantMessage) => Partial<AssistantMessage>) => {
    setMessages((all) => all.map((m) => (m.id === id && m.role === "assistant" ? { ...m, ...change(m) } : m)));
  }, []);

  const run = useCallback(
    async (assistantId: string, question: string, history: HistoryTurn[]) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      let finished = false;
      try {
        await streamAnswer({
          question,
          history,
          signal: controller.signal,
          onEvent: (event) => {
            if (controller.signal.aborted) return;
            switch (event.type) {
              case "sources":
                patch(assistantId, () => ({ citations: event.citations, status: "streaming" }));
                break;
              case "token":
                patch(assistantId, (m) => ({ text: m.text + event.text, status: "streaming" }));
                break;
              case "done":
                finished = true;
                patch(assistantId, () => ({
                  status: "done",
                  text: event.answer.answer,
                  citations: event.answer.citations,
                  answer: event.answer,
                }));
                break;
              case "error":
                finished = true;
                patch(assistantId, () => ({ status: "error", error: { code: event.code, message: event.message } }));
                break;
            }
          },
        });
        if (!finished && !controller.signal.aborted) {
          patch(assistantId, () => ({ status: "error", error: { code: "interrupted", message: "" } }));
        }
      } catch (cause) {
        if (controller.signal.aborted) return;
        const error =
          cause instanceof ApiError
            ? { code: cause.code, message: cause.status === null ? "" : cause.message }
            : { code: "network", message: "" };
        patch(assistantId, () => ({ status: "error", error }));
      } finally {
        if (controllerRef.current === controller) controllerRef.current = null;
      }
    },
    [patch],
  );

  const send = useCallback(
    (text: string) => {
      const question = text.trim();
      if (!question) return;
      const current = messagesRef.current;
      const history = historyBefore(current, current.length);
      const assistantId = nextId();
      setMessages([
        ...current,
        { id: nextId(), role: "user", text: question },
        { id: assistantId, role: "assistant", question, status: "pending", text: "", citations: [], answer: null, error: null },
      ]);
      void run(assistantId, question, history);
    },
    [run],
  );

  const retry = useCallback(
    (assistantId: string) => {
      const current = messagesRef.current;
      const index = current.findIndex((m) => m.id === assistantId);
      const message = current[index];
      if (!message || message.role !== "assistant") return;
      patch(assistantId, () => ({ status: "pending", text: "", citations: [], answer: null, error: null }));
      void run(assistantId, message.question, historyBefore(current, index - 1));
    },
    [patch, run],
  );

  const stop = useCallback(() => {
    const controller = controllerRef.current;
    if (!controller) return;
    controller.abort();
    controllerRef.current = null;
    setMessages((all) =>
      all.map((m) =>
        m.role === "assistant" && (m.status === "pending" || m.status === "streaming") ? { ...m, status: "stopped" } : m,
      ),
    );
  }, []);

  const reset = useCallback(() => {
    controllerRef.current?.abort();
    controllerRef.current = null;
    setMessages([]);
    setConversationId(nextConversationId());
  }, []);

  /** Continues a saved conversation where it stopped. */
  const load = useCallback((id: string, saved: ChatMessage[]) => {
    controllerRef.current?.abort();
    controllerRef.current = null;
    setMessages(saved);
    setConversationId(id);
  }, []);

  useEffect(() => () => controllerRef.current?.abort(), []);

  const busy = messages.some((m) => m.role === "assistant" && (m.status === "pending" || m.status === "streaming"));
  return { messages, busy, send, retry, stop, reset, load, conversationId };
}
