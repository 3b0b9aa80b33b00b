import { describe, expect, it } from "vitest";
import { loadConfig } from "../../lib/config";

describe("config", () => {
  it("has defaults and no LLM without one", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ INDEX_DIR: "embeddings", PORT: 3000, MODELS_DIR: ".cache/models", RATE_LIMIT_PER_MINUTE: 120, REQUEST_TIMEOUT_MS: 60000, llm: null });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it("gives the LLM settings the CLI and the server use, with its timeout", () => {
    const c = loadConfig({ LLM_BASE_URL: "http://127.0.0.1:11434/v1", LLM_MODEL: "llama", LLM_TIMEOUT_MS: "5000" });
    expect(c.llm).toEqual({ baseUrl: "http://127.0.0.1:11434/v1", apiKey: "not-needed", model: "llama", timeoutMs: 5000 });
  });

  it("names the variable and the fix when a value is wrong", () => {
    expect(() => loadConfig({ PORT: "99999" })).toThrow(/PORT: .*see \.env\.example/);
    expect(() => loadConfig({ LLM_BASE_URL: "not a url", LLM_MODEL: "m" })).toThrow(/LLM_BASE_URL/);
    expect(() => loadConfig({ LLM_MODEL: "m" })).toThrow(/set both LLM_BASE_URL and LLM_MODEL/);
  });

  it("treats blank values as unset", () => {
    expect(loadConfig({ PORT: "  ", LLM_BASE_URL: "" })).toMatchObject({ PORT: 3000, llm: null });
  });
});
