import { describe, expect, it } from "vitest";
import { answerFooter, completionResponse, completionMeta } from "../../../lib/http/openai";
import type { Answer } from "../../../lib/types";

const base: Answer = { id: "a_test", answer: "x", citations: [], abstained: true, mode: "extractive", timings: { retrievalMs: 1, totalMs: 2 } };

describe("OpenAI-compatible content", () => {
  it("ends an answer with its numbered sources", () => {
    const a: Answer = {
      ...base,
      abstained: false,
      answer: "Selon « T » [1] : « phrase » [1]",
      citations: [{ n: 1, releaseId: "r1", title: "T", source: "r1.txt", location: "Genève", passage: "phrase", score: 0.9 }],
    };
    expect(answerFooter(a)).toBe("\n\nSources:\n[1] T — Genève (r1.txt)");
    const r = completionResponse({ answer: a, meta: completionMeta(), promptText: "q" });
    expect(r.choices[0]!.message.content).toBe(`${a.answer}\n\nSources:\n[1] T — Genève (r1.txt)`);
    expect(r.citations).toEqual(a.citations);
  });

  it("ends an abstention with the closest releases, in the question's language", () => {
    const suggestions = [{ releaseId: "r2", title: "Titre 2", location: null }];
    expect(answerFooter({ ...base, language: "fr", suggestions })).toBe("\n\nCommuniqués les plus proches :\n- Titre 2 (r2)");
    expect(answerFooter({ ...base, language: "en", suggestions })).toBe("\n\nClosest releases:\n- Titre 2 (r2)");
    expect(answerFooter(base)).toBe("");
  });
});
