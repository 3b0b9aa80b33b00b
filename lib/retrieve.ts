import type { Embedder } from "./embeddings/embedder";
import { capPerGroup, reciprocalRankFusion } from "./fusion";
import type { LoadedIndex } from "./index/load";
import { analyzeQuery, type QueryAnalysis } from "./text/query";
import { fold } from "./text/normalize";
import type { HistoryTurn, Passage } from "./types";

export interface RetrieveInput {
  index: LoadedIndex;
  embedder: Embedder;
  question: string;
  history?: HistoryTurn[];
  /** Passages to return (default 8). */
  k?: number;
  /** At most this many passages per release (default 2). */
  perRelease?: number;
}

/** A passage with the evidence behind its fused score. */
export interface RetrievedPassage extends Passage {
  /** Cosine similarity of the chunk to the question (dense), 0 when not among the dense hits. */
  dense: number;
  /** BM25 score of the chunk (lexical), 0 when not among the lexical hits. */
  lexical: number;
}

export interface Retrieval {
  query: QueryAnalysis;
  passages: RetrievedPassage[];
  /** Releases the conversation is about (named in the last answer), for follow-up questions. */
  focus: string[];
  ms: number;
}

/** Bonus of the fused score for chunks of the release a follow-up question is about. */
const FOCUS_BONUS = 0.5;

/** Weights of the fused lists, chosen on the golden questions (see README, "Evaluation"). */
const DENSE_WEIGHT = 1;
const LEXICAL_WEIGHT = 1;

/**
 * Hybrid retrieval: HNSW (dense) and BM25 (lexical) candidates fused by weighted reciprocal
 * rank, at most `perRelease` chunks per release, best first. `score` is the fused score
 * (1 = first in both lists); higher is better.
 */
export async function retrieve(input: RetrieveInput): Promise<Retrieval> {
  const t0 = performance.now();
  const { index } = input;
  const k = input.k ?? 8;
  const query = analyzeQuery(input.question, input.history);
  const total = index.chunks.length;
  const depth = Math.min(total, Math.max(50, k * 6));
  if (total === 0) return { query, passages: [], focus: [], ms: performance.now() - t0 };
  const focus = query.followUp ? focusReleases(index, input.history ?? []) : [];

  const vector = await input.embedder.embedQuery(query.denseText);
  const knn = index.hnsw.searchKnn(vector, depth);
  const dense = knn.neighbors.map((label, i) => ({ label, similarity: 1 - knn.distances[i]! }));
  const lexical = index.lexical.query(query.lexicalText, depth);

  const fused = reciprocalRankFusion([
    { items: dense, weight: DENSE_WEIGHT },
    { items: lexical, weight: LEXICAL_WEIGHT },
  ]);
  const denseOf = new Map(dense.map((d) => [d.label, d.similarity]));
  const lexicalOf = new Map(lexical.map((l) => [l.label, l.score]));
  if (focus.length) {
    index.chunks.forEach((c, label) => {
      if (focus.includes(c.releaseId)) fused.set(label, (fused.get(label) ?? 0) + FOCUS_BONUS);
    });
  }
  const ranked = [...fused.entries()].sort((a, b) => b[1] - a[1]);
  const passages: RetrievedPassage[] = [];
  for (const [label, score] of ranked) {
    const chunk = index.chunks[label];
    const release = chunk && index.releases.get(chunk.releaseId);
    if (!chunk || !release) continue;
    passages.push({
      chunkId: chunk.id,
      releaseId: chunk.releaseId,
      title: release.title,
      source: release.source,
      location: release.location,
      text: chunk.text,
      start: chunk.start,
      end: chunk.end,
      score: Math.min(1, score),
      dense: denseOf.get(label) ?? 0,
      lexical: lexicalOf.get(label) ?? 0,
    });
  }
  const capped = capPerGroup(passages, (p) => p.releaseId, input.perRelease ?? 2).slice(0, k);
  return { query, passages: capped, focus, ms: performance.now() - t0 };
}

/** Releases whose title the last answer of the conversation quotes. */
function focusReleases(index: LoadedIndex, history: HistoryTurn[]): string[] {
  const last = [...history].reverse().find((t) => t.role === "assistant");
  if (!last) return [];
  const said = fold(last.content);
  const out: string[] = [];
  for (const r of index.releases.values()) {
    const title = fold(r.title);
    if (title.length >= 12 && said.includes(title)) out.push(r.releaseId);
  }
  return out;
}
