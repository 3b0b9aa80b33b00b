/** Locating a cited passage in a release text, tolerant of whitespace, case and apostrophes. */
import { splitSentences as sentenceSpans } from "@/lib/ingest/sentences";

export interface Range {
  start: number;
  end: number;
}

interface Folded {
  text: string;
  /** Offset in the original text of each folded character. */
  map: number[];
}

const APOSTROPHES = /[\u2018\u2019\u02BC\u2032`]/;
const QUOTES = /[\u201C\u201D\u00AB\u00BB\u201E]/;

/** Collapses whitespace runs to one space, lower-cases and unifies quote marks, keeping offsets. */
function foldWithOffsets(text: string): Folded {
  let out = "";
  const map: number[] = [];
  let space = true; // drop leading whitespace
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    if (/\s/.test(ch)) {
      if (!space) {
        out += " ";
        map.push(i);
        space = true;
      }
      continue;
    }
    space = false;
    let folded = ch.toLowerCase();
    if (folded.length !== 1) folded = ch;
    if (APOSTROPHES.test(folded)) folded = "'";
    else if (QUOTES.test(folded)) folded = '"';
    out += folded;
    map.push(i);
  }
  if (out.endsWith(" ")) {
    out = out.slice(0, -1);
    map.pop();
  }
  return { text: out, map };
}

function findFolded(haystack: Folded, needle: string, from = 0): Range | null {
  const n = foldWithOffsets(needle).text;
  if (n.length === 0) return null;
  const at = haystack.text.indexOf(n, from);
  if (at === -1) return null;
  const start = haystack.map[at] ?? 0;
  const last = haystack.map[at + n.length - 1] ?? start;
  return { start, end: last + 1 };
}

/** Splits a passage into sentences with the ingest's rules, and around ellipses ("…", "[…]") that join separate excerpts. */
export function splitSentences(passage: string): string[] {
  return passage
    .split(/\s*\[?(?:\u2026|\.\.\.)\]?\s*/u)
    .flatMap((part) => sentenceSpans(part).map((s) => s.text))
    .filter((s) => s.replace(/[\s\p{P}]/gu, "").length >= 3);
}

/**
 * Ranges of `text` to highlight for `passage`: the whole passage when it is found; otherwise
 * each of its sentences that is found. Sorted, non-overlapping.
 */
export function findPassageRanges(text: string, passage: string): Range[] {
  if (!passage.trim() || !text) return [];
  const haystack = foldWithOffsets(text);
  const whole = findFolded(haystack, passage);
  if (whole) return [whole];
  const ranges: Range[] = [];
  for (const sentence of splitSentences(passage)) {
    const found = findFolded(haystack, sentence);
    if (found) ranges.push(found);
  }
  ranges.sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r.start <= prev.end) prev.end = Math.max(prev.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** Paragraphs of a text separated by blank lines, with their offsets. */
export function splitParagraphs(text: string): Range[] {
  const out: Range[] = [];
  const separator = /\n[ \t]*\n\s*/g;
  let start = 0;
  let match: RegExpExecArray | null;
  while ((match = separator.exec(text)) !== null) {
    if (match.index > start) out.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out.filter((p) => text.slice(p.start, p.end).trim().length > 0);
}

export interface Segment {
  text: string;
  marked: boolean;
}

/** Cuts `text[range]` into plain and marked segments according to `marks`. */
export function segment(text: string, range: Range, marks: readonly Range[]): Segment[] {
  const out: Segment[] = [];
  let at = range.start;
  for (const mark of marks) {
    const start = Math.max(mark.start, range.start);
    const end = Math.min(mark.end, range.end);
    if (end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), marked: false });
    out.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < range.end) out.push({ text: text.slice(at, range.end), marked: false });
  return out;
}
