/** Hides secrets in a text meant for a log: bearer tokens, API keys, and the given values. Pure. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 [redacted]")
    .replace(/\b(sk|pk|rk)-[A-Za-z0-9_-]{6,}/g, "$1-[redacted]")
    .replace(/\b(api[_-]?key|token|password|secret)(["']?\s*[:=]\s*["']?)[^\s"',;&]+/gi, "$1$2[redacted]");
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join("[redacted]");
  return out;
}
