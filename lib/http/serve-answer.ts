import { prepareAnswer, type PreparedAnswer } from "../answer/answer";
import { config } from "../config";
import { AppError } from "../errors";
import type { Answer, HistoryTurn } from "../types";
import { loggingAnswers } from "./answer-log";
import { getEngine } from "./server-engine";
import { abortError, untilAborted } from "./timeout";

/**
 * Loads the engine and retrieves the passages for a question, before any response is sent,
 * so that a missing index (503) or a timeout (504) gets its real status. LLM settings come
 * from the config; without them answers are extractive.
 */
export async function prepareHttpAnswer(input: {
  question: string;
  history?: HistoryTurn[];
  k?: number;
  signal: AbortSignal;
}): Promise<PreparedAnswer> {
  const cfg = config();
  const work = (async () => {
    const engine = await getEngine();
    const prepared = await prepareAnswer({
      engine,
      question: input.question,
      history: input.history,
      k: input.k,
      llm: cfg.llm,
      signal: input.signal,
    });
    return loggingAnswers(input.question, prepared);
  })();
  return untilAborted(work, input.signal);
}

/** The Answer: at once when it is already known, else by running the events to the end (504 when cut short by the timeout). */
export async function collectAnswer(prepared: PreparedAnswer, signal: AbortSignal): Promise<Answer> {
  if (prepared.ready) return prepared.ready();
  const events = prepared.events();
  const collect = async (): Promise<Answer> => {
    for await (const e of events) {
      if (e.type === "done") return e.answer;
      if (e.type === "error") throw new AppError("internal", e.message);
    }
    if (signal.aborted) throw abortError(signal);
    throw new AppError("internal", "The answer ended without a result. Please try again.");
  };
  try {
    // raced with the signal once for the whole answer: the deadline holds even if a step ignores it
    return await untilAborted(collect(), signal);
  } finally {
    events.return(undefined).catch(() => undefined);
  }
}
