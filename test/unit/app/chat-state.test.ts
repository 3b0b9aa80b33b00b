import { describe, expect, it } from "vitest";
import { MESSAGES, preferredLang } from "@/app/components/i18n";
import { buildStarters } from "@/app/components/starters";
import { historyBefore, type ChatMessage } from "@/app/components/use-chat";

const assistant = (id: string, text: string, status: "done" | "error" = "done"): ChatMessage => ({
  id,
  role: "assistant",
  question: "q",
  status,
  text,
  citations: [],
  answer: null,
  error: null,
});

describe("historyBefore", () => {
  it("keeps completed pairs only, oldest first, at most 20 turns", () => {
    const messages: ChatMessage[] = [
      { id: "u1", role: "user", text: "Q1" },
      assistant("a1", "A1"),
      { id: "u2", role: "user", text: "Q2" },
      assistant("a2", "", "error"),
      { id: "u3", role: "user", text: "Q3" },
      assistant("a3", "A3"),
    ];
    expect(historyBefore(messages, messages.length)).toEqual([
      { role: "user", content: "Q1" },
      { role: "assistant", content: "A1" },
      { role: "user", content: "Q3" },
      { role: "assistant", content: "A3" },
    ]);
    const long: ChatMessage[] = [];
    for (let i = 0; i < 15; i++) long.push({ id: `u${i}`, role: "user", text: `Q${i}` }, assistant(`a${i}`, `A${i}`));
    const history = historyBefore(long, long.length);
    expect(history).toHaveLength(20);
    expect(history[0]).toEqual({ role: "user", content: "Q5" });
  });
});

describe("buildStarters", () => {
  const releases = [
    { releaseId: "a", title: "Titre A", location: "Turin" },
    { releaseId: "b", title: "Titre B", location: null },
    { releaseId: "c", title: "Titre C", location: "Turin" },
  ];

  it("builds questions from titles and distinct places", () => {
    expect(buildStarters(releases, MESSAGES.fr)).toEqual([
      MESSAGES.fr.starterFromTitle("Titre A"),
      MESSAGES.fr.starterFromTitle("Titre B"),
      MESSAGES.fr.starterFromTitle("Titre C"),
      MESSAGES.fr.starterFromPlace("Turin"),
    ]);
    expect(buildStarters([], MESSAGES.en)).toEqual([]);
  });
});

describe("preferredLang", () => {
  it("picks the first supported browser language, French by default", () => {
    expect(preferredLang(["en-GB", "fr"])).toBe("en");
    expect(preferredLang(["de-DE", "fr-CA"])).toBe("fr");
    expect(preferredLang(["es"])).toBe("fr");
  });
});
