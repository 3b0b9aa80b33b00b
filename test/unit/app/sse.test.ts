import { describe, expect, it } from "vitest";
import { toAnswerEvent } from "@/app/components/api-client";
import { createSseParser, type SseMessage } from "@/app/components/sse";

function parse(chunks: string[]): SseMessage[] {
  const out: SseMessage[] = [];
  const parser = createSseParser((m) => out.push(m));
  for (const c of chunks) parser.push(c);
  parser.end();
  return out;
}

describe("createSseParser", () => {
  it("parses events split across arbitrary chunks", () => {
    const wire = 'event: sources\ndata: {"citations":[]}\n\nevent: token\ndata: {"text":"Bon"}\n\n';
    const whole = parse([wire]);
    expect(whole).toEqual([
      { event: "sources", data: '{"citations":[]}' },
      { event: "token", data: '{"text":"Bon"}' },
    ]);
    for (let cut = 1; cut < wire.length; cut++) expect(parse([wire.slice(0, cut), wire.slice(cut)])).toEqual(whole);
  });

  it("handles CRLF (even split between chunks), comments, multi-line data and a missing final blank line", () => {
    expect(parse(["event: a\r", "\ndata: 1\r\n\r\n: keep-alive\n\ndata: x\ndata: y\n\nevent: b\ndata: z"])).toEqual([
      { event: "a", data: "1" },
      { event: "message", data: "x\ny" },
      { event: "b", data: "z" },
    ]);
  });
});

describe("toAnswerEvent", () => {
  const citation = { n: 1, releaseId: "r", title: "T", source: "r.txt", location: null, passage: "p", score: 1 };

  it("accepts sources as an array or as {citations}", () => {
    expect(toAnswerEvent("sources", JSON.stringify([citation]))).toEqual({ type: "sources", citations: [citation] });
    expect(toAnswerEvent("sources", JSON.stringify({ citations: [citation] }))).toEqual({ type: "sources", citations: [citation] });
  });

  it("maps token, done and error events, and ignores unknown ones", () => {
    expect(toAnswerEvent("token", '{"text":"a "}')).toEqual({ type: "token", text: "a " });
    const answer = { answer: "x [1]", citations: [citation], abstained: false, mode: "extractive", timings: { retrievalMs: 1, totalMs: 2 } };
    expect(toAnswerEvent("done", JSON.stringify(answer))).toEqual({ type: "done", answer });
    expect(toAnswerEvent("error", '{"code":"timeout","message":"Too slow"}')).toEqual({ type: "error", code: "timeout", message: "Too slow" });
    expect(toAnswerEvent("ping", "{}")).toBeNull();
    expect(toAnswerEvent("done", "not json")).toBeNull();
  });
});
