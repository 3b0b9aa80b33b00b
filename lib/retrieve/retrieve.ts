import type { Embedder } from "../embeddings/embedder";
import type { Store } from "../store/store";
import { terms } from "../text/analyze";
import { fold } from "../text/normalize";
import { analyzeQuery, subjectOf, type QueryAnalysis } from "../text/query";
import type { HistoryTurn, Passage, Release } from "../types";
import { capPerGroup, fuse, fusionWeights, type FusionWeights } from "./fusion";

export interface RetrieveInput {
  store: Store;
  embedder: Embedder;
  question: string;
  history?: HistoryTurn[];
  /** Passages to return (default 8). */
  k?: number;
  /** At most this many passages per release (default 2). */
  perRelease?: number;
  /** Weights of the fused lists (default: those of the embedder, `fusionWeights`). */
  fusion?: FusionWeights;
}

/** A passage with the evidence behind its fused score. */
export interface RetrievedPassage extends Passage {
  /** Cosine similarity of the chunk to the question (dense), 0 when not among the dense hits. */
  denseSimilarity: number;
  /** BM25 score of the chunk (lexical), 0 when not among the lexical hits. */
  bm25: number;
}

export interface Retrieval {
  query: QueryAnalysis;
  passages: RetrievedPassage[];
  /** The releases of the passages (text included), for answering. */
  releases: Map<string, Release>;
  /** Releases the conversation is about (named in the last answer), for follow-up questions. */
  focus: string[];
  ms: number;
}

/** Weight of a synonym of a question word in the chunk BM25 (a question word weighs 1; measured on the training golden sets: 0.3 ranks better than 0 and 0.6). */
const SYNONYM_WEIGHT = 0.3;

/** Bonus of the fused score for chunks of the release a follow-up question is about. */
const FOCUS_BONUS = 0.5;

/**
 * Hybrid retrieval: HNSW (dense), chunk BM25 and whole-release BM25 (lexical, FTS5) fused by
 * weighted reciprocal rank with weights that depend on the embedder (see `fusionWeights`), at
 * most `perRelease` chunks per release, best first by `fusedScore` (1 = first in every
 * weighted list).
 */
export async function retrieve(input: RetrieveInput): Promise<Retrieval> {
  const t0 = performance.now();
  const { store } = input;
  const k = input.k ?? 8;
  const perRelease = input.perRelease ?? 2;
  const history = input.history ? conversationFor(input.question, input.history) : undefined;
  let query = analyzeQuery(input.question, history);
  const depth = Math.max(50, k * 6);
  let focus = query.followUp ? await focusReleases(store, history ?? []) : [];
  if (!query.followUp && history?.some((t) => t.role === "assistant" || t.role === "user")) {
    // no pronoun, yet maybe a follow-up ("Who hosted the ceremony?"): it is one unless the
    // question alone clearly points at another release than the conversation's
    const about = await focusReleases(store, history);
    if (about.length) {
      const own = await store.releaseLexical(terms(query.lexicalText), 2);
      const elsewhere = own[0] !== undefined && !about.includes(own[0].releaseId) && (!own[1] || own[0].bm25 >= 1.5 * own[1].bm25);
      if (!elsewhere) {
        query = analyzeQuery(input.question, history, { followUp: true });
        focus = about;
      }
    }
  }

  const ownTerms = terms(query.lexicalText);
  // the releases' words for the question's ("somme" — "montant", "crues" — "inondations") are
  // searched too, at a fraction of a question word's weight; not for names
  const synonyms = [...new Set(query.concepts.filter((c) => !c.entity).flatMap((c) => c.related ?? []))].filter((t) => !ownTerms.includes(t));
  const queryTerms = [...ownTerms, ...synonyms];
  const termWeights = new Map(synonyms.map((t) => [t, SYNONYM_WEIGHT]));
  const weights = input.fusion ?? fusionWeights(input.embedder.id);
  const [lexical, releaseHits, focusLabels] = await Promise.all([
    store.lexical(queryTerms, depth, termWeights),
    weights.release > 0 ? store.releaseLexical(ownTerms, depth) : Promise.resolve([]),
    focus.length ? store.chunkLabels(focus) : Promise.resolve([]),
  ]);
  const chunks = await store.chunks([...new Set([...lexical.map((l) => l.label), ...focusLabels])]);
  // an unweighted dense list only adds candidates after every lexical one: when the lexical
  // hits already fill k passages (one release each at least), it cannot change the result
  const lexicalReleases = new Set(lexical.map((l) => chunks.get(l.label)?.releaseId));
  const dense = weights.dense > 0 || lexicalReleases.size < k ? await store.dense(await input.embedder.embedQuery(query.denseText), depth) : [];
  const missing = dense.map((d) => d.label).filter((label) => !chunks.has(label));
  if (missing.length) for (const [label, c] of await store.chunks(missing)) chunks.set(label, c);

  const fused = fuse({
    dense: dense.map((d) => d.label),
    lexical: lexical.map((l) => l.label),
    releases: releaseHits.map((r) => r.releaseId),
    releaseOf: (label) => chunks.get(label)?.releaseId,
    weights,
  });
  for (const label of focusLabels) fused.set(label, (fused.get(label) ?? 0) + FOCUS_BONUS);

  const denseOf = new Map(dense.map((d) => [d.label, d.similarity]));
  const lexicalOf = new Map(lexical.map((l) => [l.label, l.bm25]));
  const ranked = [...fused.entries()]
    .filter(([label]) => chunks.has(label))
    .sort((a, b) => b[1] - a[1] || (denseOf.get(b[0]) ?? 0) - (denseOf.get(a[0]) ?? 0) || a[0] - b[0])
    .map(([label, score]) => ({ chunk: chunks.get(label)!, score, label }));
  // a follow-up is about its release: more of that release's passages are worth reading
  const top = capPerGroup(ranked, (r) => r.chunk.releaseId, (id) => (focus.includes(id) ? perRelease * 2 : perRelease)).slice(0, k);
  const releases = await store.releases([...new Set(top.map((r) => r.chunk.releaseId))]);
  const passages: RetrievedPassage[] = [];
  for (const { chunk, score, label } of top) {
    const release = releases.get(chunk.releaseId);
    if (!release) continue;
    passages.push({
      chunkId: chunk.id,
      releaseId: chunk.releaseId,
      title: release.title,
      source: release.source,
      location: release.location,
      text: chunk.text,
      start: chunk.start,
      end: chunk.end,
      fusedScore: Math.min(1, score),
      denseSimilarity: denseOf.get(label) ?? 0,
      bm25: lexicalOf.get(label) ?? 0,
    });
  }
  return { query, passages, releases, focus, ms: performance.now() - t0 };
}

/** Words by which a follow-up goes back to the conversation's first subject ("Going back to the first one", "Revenons au premier sujet"). */
const BACK_TO_FIRST =
  /(?<![\p{L}])(?:(?:going|go|coming|come) back to the first|back to (?:the|our) first (?:one|subject|topic|question|release)|(?:revenons|revenir|retour) (?:au|à la|a la) premi(?:er|ère|ere) (?:sujet|question|communiqué|communique|point)|(?:le|au) premier sujet|the first (?:subject|topic) we)(?![\p{L}])/iu;

/**
 * The turns a question follows: the whole conversation, or its first exchange when the question
 * goes back to it after another subject.
 */
export function conversationFor(question: string, history: HistoryTurn[]): HistoryTurn[] {
  const first = history.findIndex((t) => t.role === "user");
  const second = history.findIndex((t, i) => i > first && t.role === "user");
  if (first < 0 || second < 0 || !BACK_TO_FIRST.test(question)) return history;
  return history.slice(0, second);
}

const foldedTitles = new WeakMap<object, { releaseId: string; title: string }[]>();

/**
 * The releases a follow-up is about, from whatever the history holds, most reliable first: the
 * releases the last answer cited (`citations`, sent by the chat), the files of an
 * OpenAI-style "Sources:" list, titles the answer quotes; else the release the last exchange
 * (question and answer, or the question alone in a history without answers) is most about, by
 * whole-release BM25.
 */
export async function focusReleases(store: Store, history: HistoryTurn[]): Promise<string[]> {
  const lastIndex = history.map((t) => t.role).lastIndexOf("assistant");
  if (lastIndex < 0) {
    // a history of questions only: the release the last question is most about
    const questions = history.filter((t) => t.role === "user").map((t) => t.content);
    return questions.length ? clearWinner(store, subjectOf(questions)) : [];
  }
  const last = history[lastIndex]!;
  const known = async (ids: string[]) => [...(await store.releases([...new Set(ids)])).keys()];
  if (last.citations?.length) {
    const cited = await known(last.citations.map((c) => c.releaseId));
    if (cited.length) return cited;
  }
  const sources = [...last.content.matchAll(/^\s*\[\d{1,3}\]\s.*\(([^()\n]+\.(?:txt|md|html?))\)\s*$/gim)].map((m) => m[1]!.split("/").pop()!.replace(/\.[^.]+$/, ""));
  if (sources.length) {
    const listed = await known(sources);
    if (listed.length) return listed;
  }
  const list = await store.releaseList();
  let titles = foldedTitles.get(list);
  if (!titles) {
    titles = list.map((r) => ({ releaseId: r.releaseId, title: fold(r.title) })).filter((t) => t.title.length >= 12);
    foldedTitles.set(list, titles);
  }
  const said = fold(last.content);
  const quoted = titles.filter((t) => said.includes(t.title)).map((t) => t.releaseId);
  if (quoted.length) return quoted;
  // a short answer names nothing: the last question and its answer together point at a release
  const lastQuestion = subjectOf(history.slice(0, lastIndex).filter((t) => t.role === "user").map((t) => t.content));
  return clearWinner(store, `${lastQuestion} ${last.content.replace(/\[\d{1,3}\]/g, " ")}`);
}

/**
 * The release a text is most about by whole-release BM25 (or the two), when it clearly leads, or
 * the only one of the first three naming the text's names ("…around Kathmandu" — « Katmandou »):
 * a conversation whose subject is unclear gets no focus.
 */
async function clearWinner(store: Store, text: string): Promise<string[]> {
  const query = analyzeQuery(text);
  const top = await store.releaseLexical(terms(query.lexicalText), 3);
  if (top[0] && (!top[1] || top[0].bm25 >= 1.2 * top[1].bm25)) return [top[0].releaseId];
  // or two releases on the subject, well ahead of the rest (« la campagne « Un million de migrants » » has two)
  if (top[1] && (!top[2] || top[1].bm25 >= 1.2 * top[2].bm25)) return [top[0]!.releaseId, top[1].releaseId];
  const names = query.concepts.filter((c) => c.entity === "name");
  if (!names.length || top.length < 2) return [];
  const releases = await store.releases(top.map((t) => t.releaseId));
  const naming = top.filter((t) => {
    const release = releases.get(t.releaseId);
    if (!release) return false;
    const stems = new Set(terms(`${release.title}\n${release.text}`));
    return names.every((c) => c.stems.some((st) => stems.has(st)));
  });
  return naming.length === 1 ? [naming[0]!.releaseId] : [];
}
