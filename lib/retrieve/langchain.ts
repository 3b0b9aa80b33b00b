import { Document } from "@langchain/core/documents";
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import type { Embedder } from "../embeddings/embedder";
import type { Store } from "../store/store";
import { retrieve } from "./retrieve";

/** What each document of the retriever carries besides the passage text. */
export interface PassageMetadata {
  releaseId: string;
  chunkId: string;
  title: string;
  source: string;
  location: string | null;
  /** Offsets of the passage in the release text. */
  start: number;
  end: number;
  /** Fused retrieval score, 0–1 (higher is better). */
  fusedScore: number;
}

export interface AssistantRetrieverInput extends BaseRetrieverInput {
  store: Store;
  embedder: Embedder;
  /** Passages per query (default 6). */
  k?: number;
}

/**
 * The assistant's hybrid search (HNSW + BM25 + whole-release BM25) as a LangChain.js retriever:
 * `await retriever.invoke("Qui finance l'atelier de Panama ?")` gives passages as Documents,
 * best first, ready for any chain.
 */
export class AssistantRetriever extends BaseRetriever<PassageMetadata> {
  static lc_name(): string {
    return "AssistantRetriever";
  }

  lc_namespace = ["oim", "retrievers"];
  private readonly store: Store;
  private readonly embedder: Embedder;
  private readonly k: number;

  constructor(input: AssistantRetrieverInput) {
    super(input);
    this.store = input.store;
    this.embedder = input.embedder;
    this.k = input.k ?? 6;
  }

  override async _getRelevantDocuments(query: string): Promise<Document<PassageMetadata>[]> {
    const { passages } = await retrieve({ store: this.store, embedder: this.embedder, question: query, k: this.k });
    return passages.map(
      (p) =>
        new Document<PassageMetadata>({
          pageContent: p.text,
          id: p.chunkId,
          metadata: { releaseId: p.releaseId, chunkId: p.chunkId, title: p.title, source: p.source, location: p.location, start: p.start, end: p.end, fusedScore: p.fusedScore },
        }),
    );
  }
}
