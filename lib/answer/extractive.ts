import { answerSpec, type AnswerType } from "../text/answer-type";
import type { QueryAnalysis } from "../text/query";
import type { Answer, Citation, Passage, Suggestion } from "../types";
import { decisionFeatures, shouldAnswer } from "./abstain";
import { askedOf, cueOf, holdsAsked, restOfRelease } from "./asked";
import { PRONOUN_START } from "./features";
import { neutraliseMarkers } from "./citations";
import type { IdfOf } from "./coverage";
import { quote, TEXT } from "./language";
import { checkRelease, namesOf, type ReleaseCheck } from "./release-check";
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

/** Words within which two concepts of the question make a sentence show that its release answers. */
const PAIR_WITHIN = 20;

/**
 * A release covering this much of a follow-up and this many times its releases' coverage starts
 * a new subject, when the follow-up names this many things of its own.
 */
const NEW_SUBJECT = { coverage: 0.5, ratio: 2, concepts: 3 };

/** A demonstrative before a noun points at the conversation's things (« ces migrants », « cette aide », "these people"). */
const DEMONSTRATIVE = /(?<![\p{L}])(?:cet|cette|ces|these|those)\s+\p{L}/iu;

/**
 * Coverage (idf-weighted share of the question) by which a release lacking the asked value
 * outdoes one holding it, for the second to answer no more.
 */
export const LACKING_MARGIN = 0.15;

/**
 * A release's title and the words of its name, which often is its page's address ("reunion-
 * mondiale-des-pcr-2009": the year is in the name, not in the text): words and years only, not
 * the numbers of a generated name.
 */
function titleWithName(p: Passage): string {
  const parts = p.releaseId.split(/[-_\s]+/);
  const named = parts.filter((w) => /^\p{L}{2,}$/u.test(w));
  return named.length >= 2 ? `${p.title}\n${parts.filter((w) => named.includes(w) || /^(?:19|20)\d\d$/.test(w)).join(" ")}` : p.title;
}

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
  if (query.opinion) return abstain({ lang, text: t.opinion, suggestions: [] });
  if (query.task) return abstain({ lang, text: t.task, suggestions: [] });
  if (query.forecast) return abstain({ lang, text: t.notFound, suggestions: [] });
  const concepts = query.concepts.length ? query.concepts : query.contextConcepts;
  // an elliptical follow-up asks the kind of value its conversation asked ("Et le lendemain ?" after "Combien…")
  const own = answerSpec(query.question);
  const spec = !own.types.length && query.askedAgain ? answerSpec(query.askedAgain) : own;
  const checks = new Map<string, ReleaseCheck | null>();
  // what the question names, read once for all its candidate releases
  const names = namesOf(query);
  for (const p of passages) {
    if (checks.has(p.releaseId)) continue;
    const title = titleWithName(p);
    const folded = () => cache.releaseFolded(p.releaseId, title, () => input.releaseText(p.releaseId));
    checks.set(
      p.releaseId,
      checkRelease({
        query,
        asked: spec.types,
        idf: input.idf,
        informative: input.informative,
        stems: cache.releaseStems(p.releaseId, title, () => input.releaseText(p.releaseId)),
        folded,
        words: () => cache.releaseWords(p.releaseId, folded),
        text: () => `${title}\n${input.releaseText(p.releaseId)}`,
        names,
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
    // (nor one pointing at the conversation's things: "Et ces migrants viennent de quels pays ?")
    const newSubject = query.concepts.length >= NEW_SUBJECT.concepts && !DEMONSTRATIVE.test(query.question) && elsewhere >= NEW_SUBJECT.coverage && elsewhere > NEW_SUBJECT.ratio * coverageOf(focused);
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
  // what the question asks a release to hold, read once for all its candidate releases
  const need = spec === own ? askedOf(query, asked) : askedOf({ ...query, question: query.askedAgain! }, asked, query.question);
  const decided = new Map<string, boolean>();
  // the best coverage among releases the decision lets answer but which lack the asked value
  let lacking = 0;
  for (const c of candidates) {
    if (decided.has(c.releaseId)) continue;
    const answers = shouldAnswer(decisionFeatures({ query, asked, top: c, sentences: candidates, check: checks.get(c.releaseId)! }));
    const held = answers ? holdsAsked({ asked: need, releaseId: c.releaseId, title: c.passage.title, candidates, releaseText: input.releaseText }) : "no";
    // lacking, when no sentence of the release holds the value (not only none on the question)
    if (answers && held === "no") lacking = Math.max(lacking, checks.get(c.releaseId)!.coverage);
    decided.set(c.releaseId, held === "yes");
  }
  // the question is about the release covering it best: when that one lacks the asked value, a
  // release covering the question far less does not give it instead (« le budget de la
  // campagne… » is not another project's budget)
  for (const [id, ok] of decided) if (ok && checks.get(id)!.coverage < lacking - LACKING_MARGIN) decided.set(id, false);
  const scored = quotable.filter((s) => decided.get(s.releaseId));
  const suggestions = suggestionsOf(passages);
  if (!scored.length) return abstain({ lang, text: t.notFound, suggestions });
  const pool = all.filter((s) => decided.get(s.releaseId));
  const rest = () => restOfRelease({ pool, top: scored[0]!, query, idf: input.idf, spec, releaseText: input.releaseText });
  const day = asked.includes("date") && !need.year;
  const picked = withAntecedents(pickSentences(scored, { asked, parts: spec.parts, cue: cueOf(need), pool, rest, day }), cache);

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
