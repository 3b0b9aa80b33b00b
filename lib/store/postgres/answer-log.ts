import type pg from "pg";
import type { AnswerLog, FeedbackRow, LoggedAnswer } from "../answer-log";
import { migrate } from "./migrations";
import { createPool, withDatabase } from "./pool";

/** The answer log in PostgreSQL: shared by every server of the database. */
export class PgAnswerLog implements AnswerLog {
  private readonly pool: pg.Pool;
  private ready: Promise<number> | null = null;

  constructor(url: string) {
    this.pool = createPool(url);
  }

  private async db(): Promise<pg.Pool> {
    this.ready ??= migrate(this.pool).catch((err: unknown) => {
      this.ready = null;
      throw err;
    });
    await this.ready;
    return this.pool;
  }

  async record(a: LoggedAnswer): Promise<void> {
    await withDatabase(async () => {
      await (await this.db()).query("INSERT INTO answers (id, question, answer, release_ids, mode, at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING", [
        a.id,
        a.question,
        a.answer,
        JSON.stringify(a.releaseIds),
        a.mode,
        a.at,
      ]);
    });
  }

  async rate(input: { answerId: string; rating: "up" | "down"; comment?: string; at: string }): Promise<boolean> {
    return withDatabase(async () => {
      const r = await (await this.db()).query(
        `INSERT INTO feedback (answer_id, rating, comment, at) SELECT id, $2, $3, $4 FROM answers WHERE id = $1
         ON CONFLICT (answer_id) DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, at = EXCLUDED.at`,
        [input.answerId, input.rating, input.comment ?? null, input.at],
      );
      return (r.rowCount ?? 0) > 0;
    });
  }

  async feedback(since?: string): Promise<FeedbackRow[]> {
    return withDatabase(async () => {
      const rows = (
        await (await this.db()).query<{ id: string; question: string; answer: string; release_ids: string[]; mode: "extractive" | "llm"; at: Date; rating: "up" | "down"; comment: string | null; rated_at: Date }>(
          "SELECT a.id, a.question, a.answer, a.release_ids, a.mode, a.at, f.rating, f.comment, f.at AS rated_at FROM feedback f JOIN answers a ON a.id = f.answer_id WHERE f.at >= $1 ORDER BY f.at",
          [since ?? "1970-01-01"],
        )
      ).rows;
      return rows.map((r) => ({ id: r.id, question: r.question, answer: r.answer, releaseIds: r.release_ids, mode: r.mode, at: r.at.toISOString(), rating: r.rating, comment: r.comment, ratedAt: r.rated_at.toISOString() }));
    });
  }

  async prune(now: Date, days: number): Promise<void> {
    await withDatabase(async () => {
      await (await this.db()).query("DELETE FROM answers WHERE at < $1", [new Date(now.getTime() - days * 86_400_000).toISOString()]);
    });
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
