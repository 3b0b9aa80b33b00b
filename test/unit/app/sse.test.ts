import { describe, expect, it } from "vitest";
import { toAnswerEvent } from "@/app/components/api-client";
import { parseSse } from "../../helpers/sse";

describe("server-sent events (eventsource-parser, as the client uses it)", () => {
  it("parses events, CRLF line ends, comments and multi-line data; an event cut before its blank line is dropped, as the spec says", () => {
    expect(parseSse("event: a\r\ndata: 1\r\n\r\n: keep-alive\n\ndata: x\ndata: y\n\nevent: b\ndata: z")).toEqual([
      { event: "a", data: "1" },
      { event: "message", data: "x\ny" },
    ]);
  });
});

describe("toAnswerEvent", () => {
  const citation = { n: 1, releaseId: "r", title: "T", source: "r.txt", location: null, passage: "p", score: 1 };
  const answer = { id: "a_1", answer: "x [1]", citations: [citation], abstained: false, mode: "extractive", timings: { retrievalMs: 1, totalMs: 2 } };

  it("maps the events the server sends, checked against the contract", () => {
    expect(toAnswerEvent("sources", JSON.stringify({ citations: [citation] }))).toEqual({ type: "sources", citations: [citation] });
    expect(toAnswerEvent("token", '{"text":"a "}')).toEqual({ type: "token", text: "a " });
    expect(toAnswerEvent("done", JSON.stringify(answer))).toEqual({ type: "done", answer });
    expect(toAnswerEvent("error", '{"code":"timeout","message":"Too slow"}')).toEqual({ type: "error", code: "timeout", message: "Too slow" });
  });

  it("refuses shapes the server never sends, unknown events and malformed data", () => {
    expect(toAnswerEvent("sources", JSON.stringify([citation]))).toBeNull();
    expect(toAnswerEvent("done", JSON.stringify({ answer }))).toBeNull();
    expect(toAnswerEvent("done", JSON.stringify({ ...answer, mode: "magic" }))).toBeNull();
    expect(toAnswerEvent("token", '"bare text"')).toBeNull();
    expect(toAnswerEvent("ping", "{}")).toBeNull();
    expect(toAnswerEvent("done", "not json")).toBeNull();
  });
});
