import type { Chunk, Release } from "../types";
import { splitSentences, type Span } from "./sentences";

export interface ChunkOptions {
  /** Target size in words (≈1.4 tokens each for French). */
  maxWords?: number;
  /** Words of trailing sentences repeated at the start of the next chunk. */
  overlapWords?: number;
}

const countWords = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * Cuts a release body into sentence-aligned chunks of about `maxWords` words, consecutive
 * chunks sharing up to `overlapWords` words of whole sentences. Ids are `releaseId#ordinal`;
 * offsets point into `release.text`, whose slice is the chunk text. Pure.
 */
export function chunkRelease(release: Release, options: ChunkOptions = {}): Chunk[] {
  const maxWords = options.maxWords ?? 160;
  const overlapWords = options.overlapWords ?? 35;
  const sentences = splitSentences(release.text).flatMap((s) => splitLong(s, maxWords));
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < sentences.length) {
    let words = 0;
    let j = i;
    while (j < sentences.length && (j === i || words + countWords(sentences[j]!.text) <= maxWords)) {
      words += countWords(sentences[j]!.text);
      j++;
    }
    const start = sentences[i]!.start;
    const end = sentences[j - 1]!.end;
    chunks.push({
      id: `${release.releaseId}#${chunks.length}`,
      releaseId: release.releaseId,
      ordinal: chunks.length,
      text: release.text.slice(start, end),
      start,
      end,
    });
    if (j >= sentences.length) break;
    // step back over whole trailing sentences for the overlap, always moving forward
    let back = j;
    let overlap = 0;
    while (back - 1 > i && overlap + countWords(sentences[back - 1]!.text) <= overlapWords) {
      back--;
      overlap += countWords(sentences[back]!.text);
    }
    i = back;
  }
  return chunks;
}

/** Splits a sentence longer than `maxWords` at word boundaries. */
function splitLong(span: Span, maxWords: number): Span[] {
  if (countWords(span.text) <= maxWords) return [span];
  const out: Span[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  let pieceStart = -1;
  let pieceEnd = 0;
  let n = 0;
  while ((m = re.exec(span.text))) {
    if (pieceStart < 0) pieceStart = m.index;
    pieceEnd = m.index + m[0].length;
    if (++n === maxWords) {
      out.push({ text: span.text.slice(pieceStart, pieceEnd), start: span.start + pieceStart, end: span.start + pieceEnd });
      pieceStart = -1;
      n = 0;
    }
  }
  if (pieceStart >= 0) out.push({ text: span.text.slice(pieceStart, pieceEnd), start: span.start + pieceStart, end: span.start + pieceEnd });
  return out;
}

/** The text embedded for a chunk: the release title keeps every chunk findable by its subject. */
export function embeddingText(title: string, chunk: Pick<Chunk, "text">): string {
  return `${title}\n\n${chunk.text}`;
}
