/** Shared value types of the pipeline; the types of the wire come from the contract. Pure. */
import type { Contacts } from "./contract";

/** Metadata of one cleaned release. */
export interface ReleaseMeta {
  /** File name without extension, e.g. `000_120eaf54a8d4fb0e`. */
  releaseId: string;
  /** Path relative to the input folder, e.g. `000_120eaf54a8d4fb0e.txt`. */
  source: string;
  title: string;
  /** Dateline place ("Panama City") when the first paragraph starts with one. */
  location: string | null;
  contacts: Contacts;
  /** sha256 of the raw file bytes. */
  hash: string;
}

/** A cleaned release: metadata plus its body text (paragraphs joined by blank lines). */
export interface Release extends ReleaseMeta {
  text: string;
}

/** One indexed chunk of a release body. `start`/`end` are offsets into `Release.text`. */
export interface Chunk {
  /** Stable id `releaseId#ordinal`. */
  id: string;
  releaseId: string;
  ordinal: number;
  text: string;
  start: number;
  end: number;
}

/** A retrieved chunk with its release metadata. */
export interface Passage {
  chunkId: string;
  releaseId: string;
  title: string;
  source: string;
  location: string | null;
  text: string;
  start: number;
  end: number;
  /** Fused retrieval score, 0–1 (1 = first in every weighted list); higher is better. */
  fusedScore: number;
}

export type { Answer, AnswerEvent, Citation, Contacts, HistoryTurn, Suggestion, Timings } from "./contract";
