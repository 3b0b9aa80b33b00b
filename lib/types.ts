/** Shared value types. Pure: imports nothing. */

export interface Contacts {
  emails: string[];
  phones: string[];
}

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

/** A retrieved chunk with its release metadata; `score` is a similarity, higher is better. */
export interface Passage {
  chunkId: string;
  releaseId: string;
  title: string;
  source: string;
  location: string | null;
  text: string;
  start: number;
  end: number;
  score: number;
}

export interface Citation {
  n: number;
  releaseId: string;
  title: string;
  source: string;
  location: string | null;
  /** The cited text (verbatim sentences of the release). */
  passage: string;
  score: number;
  /** false when verification found the claim unsupported by the passage. */
  supported?: boolean;
}

export interface Suggestion {
  releaseId: string;
  title: string;
  location: string | null;
}

export interface Timings {
  retrievalMs: number;
  totalMs: number;
  generationMs?: number;
}

export interface Answer {
  answer: string;
  citations: Citation[];
  abstained: boolean;
  mode: "extractive" | "llm";
  timings: Timings;
  /** Language detected for the question. */
  language?: "fr" | "en";
  /** Closest releases when abstaining (never citations). */
  suggestions?: Suggestion[];
  /** Set when the answer fell back (e.g. the LLM failed). */
  warning?: string;
}

export interface HistoryTurn {
  role: "user" | "assistant";
  content: string;
}

/** Events of a streamed answer, in order: sources, token*, done (or error). */
export type AnswerEvent =
  | { type: "sources"; citations: Citation[] }
  | { type: "token"; text: string }
  | { type: "done"; answer: Answer }
  | { type: "error"; code: string; message: string };
