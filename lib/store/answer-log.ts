/** What the feedback on an answer refers to, kept for `ANSWER_LOG_DAYS` days. */
export interface LoggedAnswer {
  id: string;
  question: string;
  answer: string;
  releaseIds: string[];
  mode: "extractive" | "llm";
  at: string;
}

/** A feedback row as exported (`npm run feedback`). */
export interface FeedbackRow extends LoggedAnswer {
  rating: "up" | "down";
  comment: string | null;
  ratedAt: string;
}

/** The log of answers and their feedback: in SQLite beside the index, or in PostgreSQL. */
export interface AnswerLog {
  record(answer: LoggedAnswer): Promise<void>;
  /** Stores a rating (the last one counts); false when the answer is unknown (or past retention). */
  rate(input: { answerId: string; rating: "up" | "down"; comment?: string; at: string }): Promise<boolean>;
  /** Feedback given since `since` (ISO date), oldest first. */
  feedback(since?: string): Promise<FeedbackRow[]>;
  /** Forgets answers (and their feedback) older than `days`. */
  prune(now: Date, days: number): Promise<void>;
  close(): Promise<void>;
}
