import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { AnswerLog, FeedbackRow, LoggedAnswer } from "./answer-log";

/** The answer log of the embedded store: its own SQLite file in the index folder (rebuilds do not touch it). */
export class SqliteAnswerLog implements AnswerLog {
  private readonly db: Database.Database;

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.db = new Database(join(dir, "answers.db"));
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("busy_timeout = 5000");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS answers (id TEXT PRIMARY KEY, question TEXT NOT NULL, answer TEXT NOT NULL, release_ids TEXT NOT NULL, mode TEXT NOT NULL, at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS answers_by_at ON answers (at);
      CREATE TABLE IF NOT EXISTS feedback (answer_id TEXT PRIMARY KEY REFERENCES answers (id) ON DELETE CASCADE, rating TEXT NOT NULL, comment TEXT, at TEXT NOT NULL);
    `);
    this.db.pragma("foreign_keys = ON");
  }

  async record(a: LoggedAnswer): Promise<void> {
    this.db.prepare("INSERT OR REPLACE INTO answers (id, question, answer, release_ids, mode, at) VALUES (?, ?, ?, ?, ?, ?)").run(a.id, a.question, a.answer, JSON.stringify(a.releaseIds), a.mode, a.at);
  }

  async rate(input: { answerId: string; rating: "up" | "down"; comment?: string; at: string }): Promise<boolean> {
    const known = this.db.prepare("SELECT 1 FROM answers WHERE id = ?").get(input.answerId);
    if (!known) return false;
    this.db
      .prepare("INSERT INTO feedback (answer_id, rating, comment, at) VALUES (?, ?, ?, ?) ON CONFLICT (answer_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, at = excluded.at")
      .run(input.answerId, input.rating, input.comment ?? null, input.at);
    return true;
  }

  async feedback(since?: string): Promise<FeedbackRow[]> {
    const rows = this.db
      .prepare(
        "SELECT a.id, a.question, a.answer, a.release_ids, a.mode, a.at, f.rating, f.comment, f.at AS rated_at FROM feedback f JOIN answers a ON a.id = f.answer_id WHERE f.at >= ? ORDER BY f.at",
      )
      .all(since ?? "") as { id: string; question: string; answer: string; release_ids: string; mode: "extractive" | "llm"; at: string; rating: "up" | "down"; comment: string | null; rated_at: string }[];
    return rows.map((r) => ({ id: r.id, question: r.question, answer: r.answer, releaseIds: JSON.parse(r.release_ids) as string[], mode: r.mode, at: r.at, rating: r.rating, comment: r.comment, ratedAt: r.rated_at }));
  }

  async prune(now: Date, days: number): Promise<void> {
    const before = new Date(now.getTime() - days * 86_400_000).toISOString();
    this.db.prepare("DELETE FROM answers WHERE at < ?").run(before);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
