import { describe, expect, it } from "vitest";
import { AppError } from "../../../lib/errors";
import { isJsonContentType, readJson } from "../../../lib/http/body";

const req = (body: BodyInit | null, type = "application/json") =>
  new Request("http://x/", { method: "POST", headers: type ? { "content-type": type } : {}, body });

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    return (e as AppError).status;
  }
}

describe("readJson", () => {
  it("parses JSON up to the limit", async () => {
    expect(await readJson(req('{"a":1}'))).toEqual({ a: 1 });
    expect(await status(readJson(req(JSON.stringify({ a: "x".repeat(90) })), 100))).toBe(200);
  });

  it("rejects what is not JSON, too large, empty or not UTF-8", async () => {
    expect(await status(readJson(req("{", "text/plain")))).toBe(415);
    expect(await status(readJson(req("x".repeat(101)), 100))).toBe(413);
    expect(await status(readJson(req("{")))).toBe(400);
    expect(await status(readJson(req("")))).toBe(400);
    expect(await status(readJson(req(new Uint8Array([0x22, 0xff, 0x22]))))).toBe(400);
  });

  it("accepts JSON media types with parameters or +json", () => {
    expect(isJsonContentType("application/json; charset=utf-8")).toBe(true);
    expect(isJsonContentType("Application/JSON")).toBe(true);
    expect(isJsonContentType("application/vnd.api+json")).toBe(true);
    expect(isJsonContentType("text/json")).toBe(false);
    expect(isJsonContentType(null)).toBe(false);
  });
});
