import { describe, expect, it } from "vitest";
import { answerWithSources, conversationMarkdown, deleteAllConversations, deleteConversation, loadConversations, renameConversation, saveConversation } from "@/app/components/conversation-store";
import type { ChatMessage } from "@/app/components/use-chat";

function memory(): Pick<Storage, "getItem" | "setItem"> {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const citation = { n: 1, releaseId: "000_x", title: "Atelier au Panama", source: "000_x.txt", location: "Panama City", passage: "p", score: 1 };
const messages = (q: string, status: "done" | "streaming" = "done"): ChatMessage[] => [
  { id: "u", role: "user", text: q },
  {
    id: "a",
    role: "assistant",
    question: q,
    status,
    text: "Le Fonds de l'OIM [1].",
    citations: [citation],
    answer: { id: "a_1", answer: "Le Fonds de l'OIM [1].", citations: [citation], abstained: false, mode: "extractive", timings: { retrievalMs: 1, totalMs: 2 } },
    error: null,
  },
];

describe("saved conversations", () => {
  it("saves, lists newest first, renames, deletes one and all", () => {
    const s = memory();
    saveConversation(s, { id: "c1", messages: messages("Qui finance l'atelier ?"), now: 1 });
    saveConversation(s, { id: "c2", messages: messages("Quel accord ?"), now: 2 });
    expect(loadConversations(s).map((c) => [c.id, c.title])).toEqual([["c2", "Quel accord ?"], ["c1", "Qui finance l'atelier ?"]]);
    saveConversation(s, { id: "c1", messages: messages("Qui finance l'atelier ?"), now: 3 });
    expect(loadConversations(s)[0]!.id).toBe("c1");
    renameConversation(s, "c1", "  Panama  ");
    expect(loadConversations(s)[0]!.title).toBe("Panama");
    // a rename survives later saves
    saveConversation(s, { id: "c1", messages: messages("Qui finance l'atelier ?"), now: 4 });
    expect(loadConversations(s)[0]!.title).toBe("Panama");
    expect(deleteConversation(s, "c1").map((c) => c.id)).toEqual(["c2"]);
    expect(deleteAllConversations(s)).toEqual([]);
    expect(loadConversations(s)).toEqual([]);
  });

  it("keeps an answer cut by a reload as stopped, and ignores what cannot be read", () => {
    const s = memory();
    saveConversation(s, { id: "c", messages: messages("Q ?", "streaming") });
    expect(loadConversations(s)[0]!.messages[1]).toMatchObject({ role: "assistant", status: "stopped" });
    s.setItem("oim.conversations.v1", "{not json");
    expect(loadConversations(s)).toEqual([]);
    s.setItem("oim.conversations.v1", JSON.stringify([{ id: "x", messages: [{ role: "assistant", id: "a", text: "t", answer: { bad: true } }] }, 42]));
    expect(loadConversations(s)[0]!.messages).toEqual([]);
  });

  it("exports Markdown with numbered sources and release ids, and copies an answer with its sources", () => {
    const s = memory();
    const [conv] = saveConversation(s, { id: "c", messages: messages("Qui finance l'atelier ?"), now: 1 });
    expect(conversationMarkdown(conv!, { you: "Vous", assistant: "Assistant", sources: "Sources" })).toBe(
      "# Qui finance l'atelier ?\n\n## Vous\n\nQui finance l'atelier ?\n\n## Assistant\n\nLe Fonds de l'OIM [1].\n\n**Sources**\n\n1. Atelier au Panama — Panama City (`000_x`)\n",
    );
    expect(answerWithSources("Le Fonds [1].", [citation], "Sources :")).toBe("Le Fonds [1].\n\nSources :\n[1] Atelier au Panama (000_x)");
  });
});
