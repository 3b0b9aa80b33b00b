import { answerSpec, typeMatches, type AnswerType } from "../text/answer-type";
import { splitSentences } from "../ingest/sentences";
import type { QueryAnalysis } from "../text/query";
import type { Answer, Citation, Passage, Suggestion } from "../types";
import { decisionFeatures, shouldAnswer } from "./abstain";
import { FUNDING, PRONOUN_START } from "./features";
import { neutraliseMarkers } from "./citations";
import type { IdfOf } from "./coverage";
import { quote, TEXT } from "./language";
import { checkRelease, type ReleaseCheck } from "./release-check";
import { pickSentences, scoreSentences, type ScoredSentence } from "./select";
import { TextCache } from "./text-cache";

export interface ExtractiveInput {
  query: QueryAnalysis;
  passages: Passage[];
  idf: IdfOf;
  /** Weight under which a concept is in too many releases to count towards a release's share (`informativeWeight`; 0 by default). */
  informative?: number;
  /** Full cleaned text of a release (title excluded), for release-level coverage. */
  releaseText: (releaseId: string) => string;
  /** Releases a follow-up question is about: answers come from them when they can. */
  focus?: string[];
  /** Memo of release and sentence analysis, shared by the questions on one index. */
  cache?: TextCache;
  /** Receives the candidate sentences, best first, and what their releases hold (to fit and inspect the scorer). */
  onCandidates?: (candidates: Candidates) => void;
}

export type ExtractiveAnswer = Omit<Answer, "timings" | "id">;

/**
 * Kinds of value whose absence from the sentences of a release on the question rules it out: on
 * the training golden questions, every answerable count (127) or amount question had one in a
 * sentence of its release, while
 * 6 of the 14 unanswerable ones answered did not; every answerable question asking for a person
 * (27) had a name in one, while 2 of the 4 unanswerable ones answered did not (`npm run
 * fit-scorer` dumps these).
 */
const REQUIRED_TYPES: ReadonlySet<AnswerType> = new Set<AnswerType>(["count", "amount", "person"]);

/**
 * Kinds of value a release must hold somewhere, when asked: a duration ("How long is the
 * training?") or a measure ("Quelle était la magnitude du séisme ?"), often stated in a short
 * sentence apart from the question's words ("La parcelle de 5 hectares…").
 */
const ANYWHERE_TYPES: readonly AnswerType[] = ["duration", "measure", "age"];

/** Characters of the best release read for an asked value beyond the retrieved passages. */
const WHOLE_RELEASE_CHARS = 60_000;

/** Words within which two concepts of the question make a sentence show that its release answers. */
const PAIR_WITHIN = 20;

/**
 * A release covering this much of a follow-up and this many times its releases' coverage starts
 * a new subject, when the follow-up names this many things of its own.
 */
const NEW_SUBJECT = { coverage: 0.5, ratio: 2, concepts: 3 };

/** The candidate sentences of a question, best first, with the checks of their releases. */
export interface Candidates {
  sentences: ScoredSentence[];
  checks: ReadonlyMap<string, ReleaseCheck>;
  asked: readonly AnswerType[];
}

/**
 * Answers by quoting 1–3 sentences of the releases, each followed by its [n] marker, after a
 * short lead naming the release(s); abstains when the releases do not cover the question. Pure.
 */
export function extractiveAnswer(input: ExtractiveInput): ExtractiveAnswer {
  const { query, passages } = input;
  const cache = input.cache ?? new TextCache();
  const lang = query.language;
  const t = TEXT[lang];
  if (query.smallTalk || (query.concepts.length === 0 && query.contextConcepts.length === 0)) {
    return abstain({ lang, text: t.empty, suggestions: [] });
  }
  if (query.personal) return abstain({ lang, text: t.personal, suggestions: [] });
  const concepts = query.concepts.length ? query.concepts : query.contextConcepts;
  const spec = answerSpec(query.question);
  const checks = new Map<string, ReleaseCheck | null>();
  for (const p of passages) {
    if (checks.has(p.releaseId)) continue;
    const folded = () => cache.releaseFolded(p.releaseId, p.title, () => input.releaseText(p.releaseId));
    checks.set(
      p.releaseId,
      checkRelease({
        query,
        asked: spec.types,
        idf: input.idf,
        informative: input.informative,
        stems: cache.releaseStems(p.releaseId, p.title, () => input.releaseText(p.releaseId)),
        folded,
        words: () => cache.releaseWords(p.releaseId, folded),
      }),
    );
  }
  let answerable = passages.filter((p) => checks.get(p.releaseId));
  // a follow-up keeps to the conversation's releases, unless another covers the question far better (a new subject)
  const focused = answerable.filter((p) => input.focus?.includes(p.releaseId));
  const coverageOf = (ps: Passage[]) => Math.max(0, ...ps.map((p) => checks.get(p.releaseId)!.coverage));
  const elsewhere = coverageOf(answerable.filter((p) => !focused.includes(p)));
  if (focused.length) {
    // only a question naming things of its own can start a new subject ("Qui l'a financé ?",
    // "Who delivered the tents?" cannot: two words say too little to leave the conversation)
    const newSubject = query.concepts.length >= NEW_SUBJECT.concepts && elsewhere >= NEW_SUBJECT.coverage && elsewhere > NEW_SUBJECT.ratio * coverageOf(focused);
    // on a new subject, the conversation's releases answer only as well as any other
    answerable = newSubject ? answerable.filter((p) => !focused.includes(p) || checks.get(p.releaseId)!.coverage >= NEW_SUBJECT.coverage) : focused;
  }
  // a sentence answers with two of the question's concepts (one for a one-concept question or a follow-up)
  const all = scoreSentences({ query, passages: answerable, idf: input.idf, cache, spec });
  const quotable = all.filter((s) => s.matched >= Math.min(2, concepts.length) || (query.followUp && (s.matched >= 1 || s.types.length > 0)));
  // for a release to answer, two concepts far apart in a long run-on sentence say little: they
  // must stand within PAIR_WITHIN words in one of its sentences (which then may quote others)
  const candidates = quotable.filter((s) => concepts.length < 2 || s.pairGap <= PAIR_WITHIN || query.followUp);
  const asked = spec.types;
  input.onCandidates?.({ sentences: candidates, checks: checks as Map<string, ReleaseCheck>, asked });
  // a release answers when the decision says so for its best sentence, and it holds the kind of value asked
  const decided = new Map<string, boolean>();
  for (const c of candidates) {
    if (decided.has(c.releaseId)) continue;
    const answers = shouldAnswer(decisionFeatures({ query, asked, top: c, sentences: candidates, check: checks.get(c.releaseId)! }));
    decided.set(c.releaseId, answers && holdsAsked({ query, asked, releaseId: c.releaseId, title: c.passage.title, candidates, releaseText: input.releaseText }));
  }
  const scored = quotable.filter((s) => decided.get(s.releaseId));
  const suggestions = suggestionsOf(passages);
  if (!scored.length) return abstain({ lang, text: t.notFound, suggestions });
  const pool = all.filter((s) => decided.get(s.releaseId));
  const picked = withAntecedents(pickSentences(scored, { asked, parts: spec.parts, cue: asksFunder(query, asked) ? FUNDING : undefined, pool: asked.length ? withWholeRelease({ pool, top: scored[0]!, query, idf: input.idf, cache, spec, releaseText: input.releaseText }) : pool }), cache);

  // citations: one per release, most relevant (best sentence) first
  const order: string[] = [];
  for (const s of picked) if (!order.includes(s.releaseId)) order.push(s.releaseId);
  const citations: Citation[] = order.map((releaseId, i) => {
    const sentences = picked.filter((s) => s.releaseId === releaseId).sort((a, b) => a.start - b.start);
    const p = sentences[0]!.passage;
    return {
      n: i + 1,
      releaseId,
      title: p.title,
      source: p.source,
      location: p.location,
      passage: joinSentences(sentences, input.releaseText(releaseId)),
      // the contract's score is the retrieval score of the passages quoted
      score: round(Math.max(...sentences.map((s) => s.passage.fusedScore))),
    };
  });
  const lead =
    citations.length === 1
      ? `${t.leadOne(citations[0]!.title, citations[0]!.location)} [1]`
      : t.leadMany(citations.map((c) => `${t.titleRef(c.title)} [${c.n}]`));
  const body = citations
    .flatMap((c) =>
      picked
        .filter((s) => s.releaseId === c.releaseId)
        .sort((a, b) => a.start - b.start)
        .map((s) => `${quote(neutraliseMarkers(s.text))} [${c.n}]`),
    )
    .join("\n");
  const answer = `${lead}${t.leadEnd}\n${body}`;
  return { answer, citations, abstained: false, mode: "extractive", language: lang };
}


/**
 * Whether a release holds the kind of value asked, by rules measured on the training golden
 * questions (`npm run fit-scorer` dumps them): a number (how many, how much money) or a person
 * in one of its sentences on the question; a duration, an age or a measure anywhere in it ("How long is the
 * training?"); words of funding for "who funds…" (every answerable training question had them).
 */
function holdsAsked(input: {
  query: QueryAnalysis;
  asked: readonly AnswerType[];
  releaseId: string;
  title: string;
  candidates: readonly ScoredSentence[];
  releaseText: (releaseId: string) => string;
}): boolean {
  const { asked, releaseId } = input;
  const required = asked.filter((t) => REQUIRED_TYPES.has(t));
  if (required.length && !input.candidates.some((c) => c.releaseId === releaseId && c.types.some((t) => required.includes(t)))) return false;
  const text = () => input.releaseText(releaseId);
  for (const type of ANYWHERE_TYPES) if (asked.includes(type) && !splitSentences(text()).some((x) => typeMatches(x.text, type, " ").length > 0)) return false;
  return !asksFunder(input.query, asked) || FUNDING.test(`${input.title}\n${text()}`);
}

/** Whether a question asks who funds something (« Qui a financé… ? », "Which donor…"). */
function asksFunder(query: QueryAnalysis, asked: readonly AnswerType[]): boolean {
  return query.intent === "funding" && asked.length > 0 && asked.every((t) => t === "organisation" || t === "person" || t === "place");
}

/**
 * The sentences an asked kind of value may come from: those of the retrieved passages, then the
 * rest of the best release (the value asked is often in a passage retrieval did not return:
 * "Santiago Paz, chef de mission…" further down the release).
 */
function withWholeRelease(input: {
  pool: ScoredSentence[];
  top: ScoredSentence;
  query: QueryAnalysis;
  idf: IdfOf;
  cache: TextCache;
  spec: ReturnType<typeof answerSpec>;
  releaseText: (releaseId: string) => string;
}): ScoredSentence[] {
  const { top } = input;
  // the first WHOLE_RELEASE_CHARS characters: a huge release costs no more than a long one
  const text = input.releaseText(top.releaseId).slice(0, WHOLE_RELEASE_CHARS);
  if (!text) return input.pool;
  const whole: Passage = { ...top.passage, chunkId: `${top.releaseId}#whole`, text, start: 0, end: text.length };
  const known = new Set(input.pool.filter((s) => s.releaseId === top.releaseId).map((s) => s.start));
  const rest = scoreSentences({ query: input.query, passages: [whole], idf: input.idf, cache: input.cache, spec: input.spec }).filter((s) => !known.has(s.start));
  return [...input.pool, ...rest];
}

/**
 * A quoted sentence opening on a pronoun ("Il a prononcé son discours…") is preceded by the
 * sentence it refers to, so the quote names who or what it is about.
 */
function withAntecedents(picked: ScoredSentence[], cache: TextCache): ScoredSentence[] {
  const out: ScoredSentence[] = [];
  for (const s of picked) {
    if (PRONOUN_START.test(s.text)) {
      const previous = cache
        .sentences(s.passage)
        .filter((x) => x.start < s.start)
        .pop();
      const known = (start: number) => picked.some((p) => p.releaseId === s.releaseId && p.start === start) || out.some((p) => p.releaseId === s.releaseId && p.start === start);
      if (previous && !known(previous.start)) out.push({ ...s, text: previous.text, start: previous.start, coverage: 0, matched: 0 });
    }
    out.push(s);
  }
  return out;
}

function abstain(input: { lang: "fr" | "en"; text: string; suggestions: Suggestion[] }): ExtractiveAnswer {
  return {
    answer: input.text,
    citations: [],
    abstained: true,
    mode: "extractive",
    language: input.lang,
    suggestions: input.suggestions,
  };
}

function suggestionsOf(passages: Passage[]): Suggestion[] {
  const out: Suggestion[] = [];
  for (const p of passages) {
    if (out.length >= 3) break;
    if (!out.some((s) => s.releaseId === p.releaseId)) out.push({ releaseId: p.releaseId, title: p.title, location: p.location });
  }
  return out;
}

/** Separator between non-adjacent sentences of one citation's passage. */
export const GAP = " […] ";

/** Sentences in document order: adjacent ones keep the release's own text between them. */
function joinSentences(sentences: { text: string; start: number }[], releaseText: string): string {
  let out = "";
  let end = -1;
  for (const s of sentences) {
    if (end < 0) out = s.text;
    else {
      const between = releaseText.slice(end, s.start);
      out += /^\s*$/.test(between) && between.length > 0 ? `${between.replace(/\s+/g, " ")}${s.text}` : `${GAP}${s.text}`;
    }
    end = s.start + s.text.length;
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
