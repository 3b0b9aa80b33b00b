/**
 * HTTP throughput and latency of the production server (`next start`, extractive answers,
 * hash-embedder index of data/releases): POST /api/answer, and GET /v1/models as the yardstick
 * of the framework's own cost. Run alone with `npx tsx scripts/bench/http.ts`.
 */
import autocannon, { type RequestSpec } from "autocannon";
import { startServer } from "../../test/e2e/server";

export interface HttpBenchRow {
  route: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

const QUESTIONS = [
  "Qui finance l'atelier de Panama ?",
  "Quel accord l'OIM a-t-elle signé avec le Parlatino ?",
  "Combien de migrants ont été aidés au Costa Rica ?",
  "What did IOM announce about migration and sustainable development?",
  "Quels pays ont participé à l'atelier régional sur les ODD ?",
];

async function run(input: { url: string; route: string; connections: number; durationS: number; requests: RequestSpec[] }): Promise<HttpBenchRow> {
  const r = await autocannon({ url: input.url, connections: input.connections, duration: input.durationS, timeout: 10, requests: input.requests });
  return {
    route: input.route,
    reqPerSec: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

/** Starts the server, loads it with 10 connections for `durationS` per route, stops it. */
export async function benchHttp(options: { durationS?: number; connections?: number } = {}): Promise<HttpBenchRow[]> {
  const durationS = options.durationS ?? 10;
  const connections = options.connections ?? 10;
  const server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: "0", LLM_BASE_URL: "", LLM_MODEL: "", LLM_API_KEY: "" } as Partial<NodeJS.ProcessEnv> as NodeJS.ProcessEnv });
  try {
    const answer: RequestSpec[] = QUESTIONS.map((question) => ({
      method: "POST",
      path: "/api/answer",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question }),
    }));
    // warm-up: index load, JIT, first-request compilation of the routes
    await run({ url: server.url, route: "warm-up", connections: 2, durationS: 2, requests: [...answer, { method: "GET", path: "/v1/models" }] });
    return [
      await run({ url: server.url, route: "POST /api/answer", connections, durationS, requests: answer }),
      await run({ url: server.url, route: "GET /v1/models", connections, durationS, requests: [{ method: "GET", path: "/v1/models" }] }),
    ];
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchHttp()
    .then((rows) => console.table(rows))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
