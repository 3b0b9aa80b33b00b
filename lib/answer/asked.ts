/**
 * What a question asks for, held by a release or not: the kinds of value a release must hold to
 * answer, and the rest of the best release, read for a value the quoted sentences lack. Pure.
 */
import { splitSentences } from "../ingest/sentences";
import { typeMatches, type AnswerSpec, type AnswerType } from "../text/answer-type";
import { frenchExpansion } from "../text/glossary";
import { stem, words } from "../text/normalize";
import type { QueryAnalysis } from "../text/query";
import { STOPWORDS } from "../text/stopwords";
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
  const kind = kindAsked(input.query.question, asked);
  if (kind && !namesKind(text().slice(0, WHOLE_RELEASE_CHARS), kind, input.query.question)) return false;
  return !asksFunder(input.query, asked) || FUNDING.test(titled());
}

/**
 * Kinds of named thing a question may ask for by their noun ("Quel district…", "Which airline…",
 * "the names of the hurricanes", "Who is the chief of mission…"), on folded words after the
 * question word, and the stems of the words a release names one with ("le district de Mansehra",
 * "la compagnie aérienne Air Sénégal", "les ouragans Eta et Iota", "Marc Petzoldt, chef de
 * mission"). Nouns that name a place in general (ville, pays) are not among them: « à Toronto »
 * answers "which city" without the word.
 */
const KINDS: readonly [RegExp, readonly string[]][] = [
  [/^(?:districts?)$/, ["district"]],
  [/^(?:municipalit\w*)$/, ["municipalit", "municipal", "commun"]],
  [/^(?:communes?)$/, ["commun", "municipalit"]],
  [/^(?:villages?)$/, ["villag"]],
  [/^(?:provinces?)$/, ["provinc"]],
  [/^(?:gouvernorats?|governorates?)$/, ["gouvernorat", "governorat"]],
  [/^(?:departements?|departments?)$/, ["departement", "department"]],
  [/^(?:localites?)$/, ["localit", "villag", "vill"]],
  [/^(?:camps?)$/, ["camp", "sit"]],
  [/^(?:compagnies? aeriennes?|airlines?)$/, ["compagn", "airlin", "air", "airway"]],
  [/^(?:groupes? armes?|armed groups?)$/, ["group", "arme", "armed"]],
  [/^(?:ouragans?|hurricanes?|cyclones?|typhons?|typhoons?|tempetes?|storms?)$/, ["ouragan", "hurrican", "cyclon", "typhon", "typhoon", "tempet", "storm"]],
  [/^(?:bateaux?|navires?|ships?|boats?|vessels?)$/, ["bateau", "navir", "ship", "boat", "vessel"]],
  [/^(?:rapports?|reports?)$/, ["rapport", "report"]],
  [/^(?:etudes?|study|studies)$/, ["etud", "study", "studi"]],
  [/^(?:chefs? mission|chiefs? mission|heads? mission)$/, ["chef", "chief", "head"]],
  [/^(?:ministres?|ministers?)$/, ["ministr", "minist"]],
  [/^(?:porte parole|spokesperson|spokesman|spokeswoman)$/, ["port", "parol", "spokesperson"]],
  [/^(?:gouverneurs?|governors?)$/, ["gouverneur", "governor"]],
  [/^(?:ambassadeurs?|ambassadrices?|ambassadors?)$/, ["ambassadeur", "ambassadric", "ambassador"]],
  [/^(?:maires?|mayors?)$/, ["mair", "mayor"]],
];

/** Kinds of value that are named things: only they (or no kind at all: "Quelle compagnie…") are asked by a noun of KINDS. */
const NAMED_TYPES: ReadonlySet<AnswerType> = new Set<AnswerType>(["place", "title", "organisation", "person"]);

/** Words between the question word and the noun asked ("Quel est le nom du…", "What were the names of the two…"). */
const BEFORE_NOUN = /^(?:est|sont|etait|etaient|a|ont|ete|is|are|was|were|has|have|had|did|does|do|will|le|la|les|l|the|de|du|des|d|of|un|une|an|oim|iom)$/;

/** Words naming what follows ("le nom des…", "the title of…"). */
const NAME_OF = /^(?:nom|noms|name|names|titre|titres|title|titles|intitule)$/;

/**
 * The stems a release names the asked kind of thing with, when the question asks for a named
 * thing by its noun (the one or two words after the question word, after "le nom de…"), or null.
 */
export function kindAsked(question: string, asked: readonly AnswerType[]): readonly string[] | null {
  if (asked.length && !asked.some((t) => NAMED_TYPES.has(t))) return null;
  const ws = words(question);
  const at = ws.findIndex((w) => /^(?:quel|quels|quelle|quelles|which|what|who|qui|whom)$/.test(w));
  if (at < 0) return null;
  let after = ws.slice(at + 1).filter((w) => !BEFORE_NOUN.test(w) && !STOPWORDS.has(w));
  if (NAME_OF.test(after[0] ?? "")) after = after.slice(1).filter((w) => !/^(?:\d+|two|three|deux|trois)$/.test(w));
  const [first, second] = after;
  if (!first) return null;
  // an English adjective comes first ("Which Georgian municipalities"); "who" asks the person of a role ("Who is the chief of mission")
  const adjectiveFirst = /^(?:which|what)$/.test(ws[at]!);
  for (const [noun, stems] of KINDS) if (noun.test(first) || (second && noun.test(`${first} ${second}`)) || (adjectiveFirst && second && noun.test(second))) return stems;
  return null;
}

/** Words a name may hold that name nothing new (the organisation itself, the UN, months and days). */
const UNNAMING = new Set("oim iom onu un nations unies united organisation organization organisme internationale international migrations migration janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre january february march april may june july august september october november december lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday saturday sunday".split(" "));

/** A name: words in capitals (with the small words inside names), or a text in quotes. */
const NAME = /«[^»]{2,160}»|“[^”]{2,160}”|\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|du|des|la|le|d'|d’|al|el|of|the|and|et)\s+)?\p{Lu}[\p{L}'’-]*)*/gu;

/** Words within which the noun of the kind stands from the name ("le district de Mansehra", "Eta et Iota, deux ouragans"). */
const KIND_WITHIN = 5;

/**
 * Whether a text names a thing of the asked kind the question does not already name: a name
 * within KIND_WITHIN words of the kind's noun in one of its sentences (a release on "deux
 * ouragans consécutifs" that never names them does not say what they were called).
 */
export function namesKind(text: string, kind: readonly string[], question: string): boolean {
  const known = new Set<string>();
  for (const w of words(question)) {
    known.add(stem(w));
    for (const fr of frenchExpansion(w).get(w) ?? []) known.add(stem(fr));
  }
  for (const { text: sentence } of splitSentences(text)) {
    const stems = words(sentence).map(stem);
    const nouns = stems.flatMap((w, i) => (kind.some((k) => w.startsWith(k)) ? [i] : []));
    if (!nouns.length) continue;
    for (const m of sentence.matchAll(NAME)) {
      const own = words(m[0]).filter((w) => !STOPWORDS.has(w) && !UNNAMING.has(w) && !/^\d/.test(w));
      if (!own.some((w) => !known.has(stem(w)))) continue;
      // one capitalised word opening a sentence is no name ("Plusieurs jours après…"), an acronym is
      if (!/\S/.test(sentence.slice(0, m.index)) && !/\s/.test(m[0]) && !/^\p{Lu}{2,}$/u.test(m[0])) continue;
      const from = words(sentence.slice(0, m.index)).length;
      const to = from + words(m[0]).length - 1;
      if (nouns.some((n) => n >= from - KIND_WITHIN && n <= to + KIND_WITHIN)) return true;
    }
  }
  return false;
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
