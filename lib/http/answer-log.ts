import type { PreparedAnswer } from "../answer/answer";
import { config } from "../config";
import type { AnswerLog } from "../store/answer-log";
import { SqliteAnswerLog } from "../store/answer-log-sqlite";
import { PgAnswerLog } from "../store/postgres/answer-log";
import type { Answer, AnswerEvent } from "../types";

const KEY = Symbol.for("oim.http.answerLog");
type Slot = { [KEY]?: AnswerLog | null };

/** The process-wide answer log (PostgreSQL with DATABASE_URL, else beside INDEX_DIR); null when ANSWER_LOG_DAYS is 0. */
export function answerLog(): AnswerLog | null {
  const slot = globalThis as Slot;
  if (slot[KEY] === undefined) {
    const cfg = config();
    slot[KEY] = cfg.ANSWER_LOG_DAYS === 0 ? null : cfg.DATABASE_URL ? new PgAnswerLog(cfg.DATABASE_URL) : new SqliteAnswerLog(cfg.INDEX_DIR);
  }
  return slot[KEY];
}

/** Replaces the process-wide log (tests). */
export function setAnswerLogForTests(log: AnswerLog | null): void {
  (globalThis as Slot)[KEY] = log;
}

let recorded = 0;

/** Keeps what feedback on an answer will refer to; a failure to log never fails the answer. */
export async function logAnswer(question: string, answer: Answer): Promise<void> {
  const log = answerLog();
  if (!log) return;
  try {
    const now = new Date();
    await log.record({ id: answer.id, question, answer: answer.answer, releaseIds: answer.citations.map((c) => c.releaseId), mode: answer.mode, at: now.toISOString() });
    if (++recorded % 100 === 1) await log.prune(now, config().ANSWER_LOG_DAYS);
  } catch (err) {
    console.error(`[oim] could not log answer ${answer.id}: ${(err as Error).message}`);
  }
}

/** The same prepared answer, logging its final Answer when it is known. */
export function loggingAnswers(question: string, prepared: PreparedAnswer): PreparedAnswer {
  const ready = prepared.ready;
  return {
    retrieval: prepared.retrieval,
    async *events(): AsyncGenerator<AnswerEvent> {
      for await (const e of prepared.events()) {
        if (e.type === "done") await logAnswer(question, e.answer);
        yield e;
      }
    },
    ...(ready
      ? {
          ready: () => {
            const answer = ready();
            void logAnswer(question, answer);
            return answer;
          },
        }
      : {}),
  };
}
