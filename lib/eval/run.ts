import { prepareAnswer } from "../answer/answer";
import type { Engine } from "../engine";
import type { FusionWeights } from "../retrieve/fusion";
import { fold } from "../text/normalize";
import type { Answer } from "../types";
import { factsOf, type Golden, type GoldenQuestion } from "./golden";
import { integrityProblems } from "./integrity";

export interface QuestionResult {
  id: string;
  kind: GoldenQuestion["kind"];
  question: string;
  expected: string | null;
  /** Releases in retrieval order. */
  ranked: string[];
  rank: number | null;
  abstained: boolean;
  factFound: boolean | null;
  problems: string[];
  answer: string;
  ms: number;
}

export interface EvalReport {
  questions: number;
  metrics: {
    hitAt1: number;
    hitAt3: number;
    hitAt5: number;
    mrr: number;
    factInAnswer: number;
    citationIntegrity: number;
    offTopicAbstention: number;
    falseAbstention: number;
    meanMs: number;
  };
  byKind: Record<string, { n: number; hitAt5: number; factInAnswer: number; abstained: number }>;
  failures: string[];
  passed: boolean;
  results: QuestionResult[];
}

/** Runs the golden questions through the answer pipeline and scores them. */
export async function runEval(input: { engine: Engine; golden: Golden; k?: number; fusion?: FusionWeights }): Promise<EvalReport> {
  const results: QuestionResult[] = [];
  for (const q of input.golden.questions) {
    const t0 = performance.now();
    const prepared = await prepareAnswer({ engine: input.engine, question: q.question, history: q.history, k: input.k, fusion: input.fusion });
    let answer: Answer | undefined;
    for await (const e of prepared.events()) if (e.type === "done") answer = e.answer;
    const releaseTexts = new Map([...prepared.retrieval.releases].map(([id, r]) => [id, r.text]));
    const cited = (answer!.citations ?? []).map((c) => c.releaseId).filter((id) => !releaseTexts.has(id));
    for (const [id, r] of await input.engine.store.releases(cited)) releaseTexts.set(id, r.text);
    const ranked: string[] = [];
    for (const p of prepared.retrieval.passages) if (!ranked.includes(p.releaseId)) ranked.push(p.releaseId);
    const rank = q.expected ? ranked.indexOf(q.expected) + 1 || null : null;
    results.push({
      id: q.id,
      kind: q.kind,
      question: q.question,
      expected: q.expected,
      ranked,
      rank,
      abstained: answer!.abstained,
      factFound: q.fact ? !answer!.abstained && factsOf(q).every((f) => fold(answer!.answer).includes(fold(f))) : null,
      problems: integrityProblems(answer!, (id) => releaseTexts.get(id)),
      answer: answer!.answer,
      ms: performance.now() - t0,
    });
  }
  return score(results, input.golden.thresholds);
}

function score(results: QuestionResult[], thresholds: Golden["thresholds"]): EvalReport {
  const answerable = results.filter((r) => r.expected);
  const offTopic = results.filter((r) => !r.expected);
  const share = (xs: QuestionResult[], f: (r: QuestionResult) => boolean) => (xs.length ? xs.filter(f).length / xs.length : 1);
  const hit = (k: number) => share(answerable, (r) => r.rank !== null && r.rank <= k);
  const withFact = answerable.filter((r) => r.factFound !== null);
  const metrics = {
    hitAt1: hit(1),
    hitAt3: hit(3),
    hitAt5: hit(5),
    mrr: answerable.length ? answerable.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / answerable.length : 1,
    factInAnswer: share(withFact, (r) => r.factFound === true),
    citationIntegrity: share(results, (r) => r.problems.length === 0),
    offTopicAbstention: share(offTopic, (r) => r.abstained),
    // a set of unanswerable questions alone abstains falsely on nothing
    falseAbstention: answerable.length ? share(answerable, (r) => r.abstained) : 0,
    meanMs: results.reduce((s, r) => s + r.ms, 0) / Math.max(1, results.length),
  };
  const byKind: EvalReport["byKind"] = {};
  for (const kind of new Set(results.map((r) => r.kind))) {
    const xs = results.filter((r) => r.kind === kind);
    const ans = xs.filter((r) => r.expected);
    byKind[kind] = {
      n: xs.length,
      hitAt5: share(ans, (r) => r.rank !== null && r.rank <= 5),
      factInAnswer: share(ans.filter((r) => r.factFound !== null), (r) => r.factFound === true),
      abstained: share(xs, (r) => r.abstained),
    };
  }
  const failures: string[] = [];
  const atLeast = (name: keyof typeof metrics, min: number | undefined) => {
    if (min !== undefined && metrics[name] < min) failures.push(`${name} ${pct(metrics[name])} < ${pct(min)}`);
  };
  atLeast("hitAt5", thresholds.hitAt5);
  atLeast("citationIntegrity", thresholds.citationIntegrity);
  atLeast("offTopicAbstention", thresholds.offTopicAbstention);
  atLeast("factInAnswer", thresholds.factInAnswer);
  if (metrics.falseAbstention > thresholds.falseAbstention) {
    failures.push(`falseAbstention ${pct(metrics.falseAbstention)} > ${pct(thresholds.falseAbstention)}`);
  }
  return { questions: results.length, metrics, byKind, failures, passed: failures.length === 0, results };
}

export function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
