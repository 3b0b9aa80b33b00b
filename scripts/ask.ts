/**
 * npm run ask -- [--index DIR] [--json] [--k N] "question"
 * Prints a readable answer with numbered sources, or with --json exactly one Answer object.
 */
import { parseArgs } from "node:util";
import { answerStream } from "../lib/answer/answer";
import { config } from "../lib/config";
import { LIMITS } from "../lib/contract";
import { EngineHolder } from "../lib/engine";
import { AppError } from "../lib/errors";
import type { Answer } from "../lib/types";

const USAGE = 'usage: npm run ask -- [--index DIR] [--json] [--k N] "question"';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        index: { type: "string" },
        json: { type: "boolean", default: false },
        k: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: true,
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const question = positionals.join(" ").trim();
  if (!question || question.length > LIMITS.questionChars) {
    console.error(`${question ? `the question must be at most ${LIMITS.questionChars} characters` : "a question is required"}\n${USAGE}`);
    return 2;
  }
  const k = values.k === undefined ? LIMITS.kDefault : Number(values.k);
  if (!Number.isInteger(k) || k < LIMITS.kMin || k > LIMITS.kMax) {
    console.error(`--k must be an integer from ${LIMITS.kMin} to ${LIMITS.kMax}\n${USAGE}`);
    return 2;
  }
  const cfg = config();
  // --index names an embedded index; without it, DATABASE_URL (when set) is the store
  const holder = new EngineHolder({ dir: values.index ?? cfg.INDEX_DIR, modelsDir: cfg.MODELS_DIR, databaseUrl: values.index ? undefined : cfg.DATABASE_URL });
  try {
    const engine = await holder.get();
    let result: Answer | undefined;
    const live = !values.json && process.stdout.isTTY;
    for await (const event of answerStream({ engine, question, k, llm: cfg.llm })) {
      if (event.type === "token" && live && cfg.llm) process.stdout.write(event.text);
      if (event.type === "done") result = event.answer;
    }
    if (!result) throw new Error("no answer");
    if (values.json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return 0;
    }
    if (live && cfg.llm) process.stdout.write("\n\n");
    console.log(format(result, !(live && cfg.llm)));
    return 0;
  } catch (err) {
    const message = err instanceof AppError || err instanceof Error ? err.message : String(err);
    console.error(`error: ${message}`);
    return err instanceof AppError && err.code === "index_unavailable" ? 2 : 1;
  }
}

function format(a: Answer, withText: boolean): string {
  const lines: string[] = [];
  if (withText) lines.push(a.answer, "");
  if (a.warning) lines.push(`(${a.warning})`, "");
  if (a.citations.length) {
    lines.push(a.language === "en" ? "Sources:" : "Sources :");
    for (const c of a.citations) {
      const flag = c.supported === false ? " [unsupported]" : "";
      lines.push(`  [${c.n}] ${c.title}${c.location ? ` — ${c.location}` : ""} (${c.source})${flag}`);
    }
  } else if (a.suggestions?.length) {
    lines.push(a.language === "en" ? "Closest releases:" : "Communiqués proches :");
    for (const s of a.suggestions) lines.push(`  - ${s.title} (${s.releaseId})`);
  }
  lines.push("", `mode: ${a.mode} · ${a.timings.totalMs} ms`);
  return lines.join("\n");
}

void main().then((code) => process.exit(code));
