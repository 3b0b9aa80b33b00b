import { splitSentences } from "../ingest/sentences";
import { terms } from "../text/analyze";
import { stem, words } from "../text/normalize";
import type { Passage } from "../types";

export interface AnalysedSentence {
  text: string;
  start: number;
  stems: ReadonlySet<string>;
  /** Folded words in order, and the stem of each (word positions for proximity features). */
  words: readonly string[];
  wordStems: readonly string[];
}

/**
 * Memo of text analysis that does not change for a given index: the stems of each release and
 * the sentences (with stems) of each chunk. One per loaded index.
 */
export class TextCache {
  /** Entries kept per map before it starts afresh (bounds memory on a large corpus). */
  static readonly LIMIT = 1000;

  private readonly releases = new Map<string, ReadonlySet<string>>();
  private readonly folded = new Map<string, string>();
  private readonly words = new Map<string, ReadonlySet<string>>();
  private readonly chunks = new Map<string, AnalysedSentence[]>();

  /** Stems of a release's title and text. */
  releaseStems(releaseId: string, title: string, text: () => string): ReadonlySet<string> {
    let stems = this.releases.get(releaseId);
    if (!stems) {
      stems = new Set(terms(`${title}\n${text()}`));
      if (this.releases.size >= TextCache.LIMIT) this.releases.clear();
      this.releases.set(releaseId, stems);
    }
    return stems;
  }

  /** A release's title and text as folded words between spaces, for phrase look-ups. */
  releaseFolded(releaseId: string, title: string, text: () => string): string {
    let f = this.folded.get(releaseId);
    if (f === undefined) {
      f = ` ${words(`${title}\n${text()}`).join(" ")} `;
      if (this.folded.size >= TextCache.LIMIT) this.folded.clear();
      this.folded.set(releaseId, f);
    }
    return f;
  }

  /** The distinct folded words of a release (from its folded text). */
  releaseWords(releaseId: string, folded: () => string): ReadonlySet<string> {
    let ws = this.words.get(releaseId);
    if (!ws) {
      ws = new Set(folded().split(" ").filter((w) => w.length >= 3));
      if (this.words.size >= TextCache.LIMIT) this.words.clear();
      this.words.set(releaseId, ws);
    }
    return ws;
  }

  /** Sentences of a passage with offsets in its release and their stems. */
  sentences(passage: Pick<Passage, "chunkId" | "text" | "start">): AnalysedSentence[] {
    let out = this.chunks.get(passage.chunkId);
    if (!out) {
      out = splitSentences(passage.text, passage.start).map((s) => {
        const ws = words(s.text);
        return { text: s.text, start: s.start, stems: new Set(terms(s.text)), words: ws, wordStems: ws.map((w) => stem(w)) };
      });
      if (this.chunks.size >= TextCache.LIMIT * 4) this.chunks.clear();
      this.chunks.set(passage.chunkId, out);
    }
    return out;
  }
}
