import { convert } from "html-to-text";

export interface Decoded {
  text: string;
  warnings: string[];
}

/** Why a file cannot be read as a release; the caller skips it with this reason. */
export class UnreadableError extends Error {
  override readonly name = "UnreadableError";
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const cp1252 = new TextDecoder("windows-1252");

/**
 * Turns a release file's bytes into plain text. Non-UTF-8 bytes are decoded as Windows-1252
 * (the usual legacy encoding of French pages) with a warning; binary content is refused.
 * HTML keeps its text only (scripts, styles and images dropped).
 */
export function decodeRelease(bytes: Uint8Array, ext: string): Decoded {
  const warnings: string[] = [];
  if (bytes.length === 0) throw new UnreadableError("empty file");
  if (looksBinary(bytes)) throw new UnreadableError("binary content (not a text release)");
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = cp1252.decode(bytes);
    warnings.push("not valid UTF-8: decoded as Windows-1252, check accented characters");
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (ext === ".html" || ext === ".htm") text = htmlToText(text);
  else if (ext === ".md") text = markdownToText(text);
  if (text.trim() === "") throw new UnreadableError("no text content");
  return { text, warnings };
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / n > 0.05;
}

function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    preserveNewlines: false,
    selectors: [
      { selector: "script", format: "skip" },
      { selector: "style", format: "skip" },
      { selector: "noscript", format: "skip" },
      // page chrome: site navigation, header, footer and side bars are not the release
      { selector: "nav", format: "skip" },
      { selector: "header", format: "skip" },
      { selector: "footer", format: "skip" },
      { selector: "aside", format: "skip" },
      { selector: "img", format: "skip" },
      { selector: "a", options: { ignoreHref: true } },
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
      { selector: "h3", options: { uppercase: false } },
      { selector: "table", format: "dataTable" },
    ],
  });
}

/** Plain text of Markdown: headings, emphasis, links and images reduced to their words. */
function markdownToText(md: string): string {
  return md
    .replace(/^```.*$/gm, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}#{1,6}\s+/gm, "")
    .replace(/^\s{0,3}>\s?/gm, "")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, "$1$2")
    .replace(/^\s*[-*_]{3,}\s*$/gm, "");
}
