/**
 * npm run feedback -- [--since DATE] [--format jsonl|csv] [--out FILE]
 * Exports the feedback given on answers (question, answer, cited releaseIds, rating, comment,
 * time) from the answer log (PostgreSQL with DATABASE_URL, else beside INDEX_DIR).
 * Exit codes: 0 success, 1 failure, 2 bad usage.
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { config } from "../lib/config";
import type { FeedbackRow } from "../lib/store/answer-log";
import { SqliteAnswerLog } from "../lib/store/answer-log-sqlite";
import { PgAnswerLog } from "../lib/store/postgres/answer-log";

const USAGE = "usage: npm run feedback -- [--since DATE] [--format jsonl|csv] [--out FILE]";

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The rows as JSON lines or CSV (RFC 4180, a header line). */
export function formatFeedback(rows: FeedbackRow[], format: "jsonl" | "csv"): string {
  if (format === "jsonl") return rows.map((r) => JSON.stringify({ answerId: r.id, question: r.question, answer: r.answer, releaseIds: r.releaseIds, mode: r.mode, answeredAt: r.at, rating: r.rating, comment: r.comment, ratedAt: r.ratedAt })).join("\n") + (rows.length ? "\n" : "");
  const header = "answerId,question,answer,releaseIds,mode,answeredAt,rating,comment,ratedAt";
  const lines = rows.map((r) => [r.id, r.question, r.answer, r.releaseIds.join(" "), r.mode, r.at, r.rating, r.comment ?? "", r.ratedAt].map(csvField).join(","));
  return [header, ...lines].join("\n") + "\n";
}

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({ options: { since: { type: "string" }, format: { type: "string", default: "jsonl" }, out: { type: "string" }, help: { type: "boolean", short: "h", default: false } } }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.format !== "jsonl" && values.format !== "csv") {
    console.error(`--format must be jsonl or csv (got "${values.format}")\n${USAGE}`);
    return 2;
  }
  let since: string | undefined;
  if (values.since !== undefined) {
    const d = new Date(values.since);
    if (Number.isNaN(d.getTime())) {
      console.error(`--since must be a date such as 2026-11-01 (got "${values.since}")\n${USAGE}`);
      return 2;
    }
    since = d.toISOString();
  }
  const cfg = config();
  const log = cfg.DATABASE_URL ? new PgAnswerLog(cfg.DATABASE_URL) : new SqliteAnswerLog(cfg.INDEX_DIR);
  try {
    const text = formatFeedback(await log.feedback(since), values.format);
    if (values.out) await writeFile(values.out, text);
    else process.stdout.write(text);
    return 0;
  } catch (err) {
    console.error(`error: ${(err as Error).message}`);
    return 1;
  } finally {
    await log.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void main().then((code) => process.exit(code));
