/**
 * What a question asks for, held by a release or not: the kinds of value a release must hold to
 * answer, and the rest of the best release, read for a value the quoted sentences lack. Pure.
 */
import { splitSentences } from "../ingest/sentences";
import { typeMatches, type AnswerSpec, type AnswerType } from "../text/answer-type";
import type { QueryAnalysis } from "../text/query";
import type { Passage } from "../types";
import type { IdfOf } from "./coverage";
import { FUNDING } from "./features";
import { scoreSentences, type ScoredSentence } from "./select";
import { TextCache } from "./text-cache";

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

/** A measure asked in its unit or dimension ("magnitude", "superficie", "how far"): "how big is the camp?" may be answered by a count. */
const UNIT_ASKED = /magnitude|superficie|surface|distance|poids|hectare|kilom|tonne|\barea\b|weigh|how far|acre|\bkm\b/i;

/** Questions asking a year, not a day ("En quelle année…", "Which year…"). */
export const YEAR_ASKED = /\b(?:ann[ée]es?|years?)\b/i;

/** Characters of the best release read for an asked value beyond the retrieved passages. */
const WHOLE_RELEASE_CHARS = 60_000;

/**
 * Whether a release holds the kind of value asked, by rules measured on the training golden
 * questions (`npm run fit-scorer` dumps them): a number (how many, how much money) or a person
 * in one of its sentences on the question; a duration, an age or a measure anywhere in it ("How
 * long is the training?"); words of funding for "who funds…" (every answerable training question had them);
 * words of the dead for a count of the dead.
 */
export function holdsAsked(input: {
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
  const titled = () => `${input.title}\n${text()}`;
  const anywhere = ANYWHERE_TYPES.filter((t) => asked.includes(t) && (t !== "measure" || UNIT_ASKED.test(input.query.question)));
  if (anywhere.length) {
    const sentences = splitSentences(text().slice(0, WHOLE_RELEASE_CHARS));
    if (anywhere.some((type) => !sentences.some((x) => typeMatches(x.text, type, " ").length > 0))) return false;
  }
  if (asked.includes("count") && DEATHS_ASKED.test(input.query.question) && !DEATHS.test(titled())) return false;
  return !asksFunder(input.query, asked) || FUNDING.test(titled());
}

/** A count of the dead asked ("Combien de morts…", "How many people were killed…", "death toll"). */
const DEATHS_ASKED = /(?<![\p{L}])(?:killed|died|dead|deaths?|death toll|lost their lives|morts?|tu[ée]e?s|d[ée]c[èe]s|d[ée]c[ée]d[ée]e?s?|p[ée]ri|noy[ée]e?s?)(?![\p{L}])/iu;

/** Words of the dead in a release. */
const DEATHS = /(?<![\p{L}])(?:morts?|mortes?|tu[ée]e?s?|d[ée]c[èe]s|d[ée]c[ée]d[ée]e?s?|p[ée]ri|p[ée]rissent|p[ée]rirent|noy[ée]e?s?|victimes|mortel(?:le)?s?|killed|dead|died|deaths?|fatalities)(?![\p{L}])/iu;

/** Whether a question asks who funds something (« Qui a financé… ? », "Which donor…"). */
export function asksFunder(query: QueryAnalysis, asked: readonly AnswerType[]): boolean {
  return query.intent === "funding" && asked.length > 0 && asked.every((t) => t === "organisation" || t === "person" || t === "place");
}

/**
 * The sentences of the best release beyond the retrieved passages, best first (the value asked
 * is often in a passage retrieval did not return: "Santiago Paz, chef de mission…" further down).
 */
export function restOfRelease(input: { pool: ScoredSentence[]; top: ScoredSentence; query: QueryAnalysis; idf: IdfOf; spec: AnswerSpec; releaseText: (releaseId: string) => string }): ScoredSentence[] {
  const { top } = input;
  // the first WHOLE_RELEASE_CHARS characters: a huge release costs no more than a long one
  const text = input.releaseText(top.releaseId).slice(0, WHOLE_RELEASE_CHARS);
  if (!text) return [];
  const whole: Passage = { ...top.passage, chunkId: `${top.releaseId}#whole`, text, start: 0, end: text.length };
  const known = new Set(input.pool.filter((s) => s.releaseId === top.releaseId).map((s) => s.start));
  // a cache of its own: the shared one keeps chunks, not whole releases
  return scoreSentences({ query: input.query, passages: [whole], idf: input.idf, cache: new TextCache(), spec: input.spec }).filter((s) => !known.has(s.start));
}
