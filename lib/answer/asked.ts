/**
 * What a question asks for, held by a release or not: the kinds of value a release must hold to
 * answer, and the rest of the best release, read for a value the quoted sentences lack. Pure.
 */
import { splitSentences } from "../ingest/sentences";
import { hasPreciseDate, PLACE_ACRONYMS, typeMatches, type AnswerSpec, type AnswerType } from "../text/answer-type";
import { frenchExpansion, isKnownPlace } from "../text/glossary";
import { capitalsOf } from "../text/places";
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

/** Questions asking a year, not a day ("En quelle année…", "Which year…"; not « cette année »). */
export const YEAR_ASKED = /(?<![\p{L}])(?:quelles? ann[ée]es?|which years?|what years?)(?![\p{L}])/iu;

/** Characters of the best release read for an asked value beyond the retrieved passages. */
const WHOLE_RELEASE_CHARS = 60_000;

/**
 * Whether a release holds the kind of value asked, by rules measured on the training golden
 * questions (`npm run fit-scorer` dumps them): a number (how many, how much money) or a person
 * in one of its sentences on the question; a duration, an age or a measure anywhere in it ("How
 * long is the training?"); words of funding for "who funds…" (every answerable training question had them);
 * a count next to words of the dead for a count of the dead; a day for "on what exact date", a
 * year the question does not give for "which year"; a name near the noun of the named thing asked;
 * a person's name for someone acting "on behalf of" another.
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
  const question = ` ${words(input.query.question).join(" ")} `;
  const sentences = () => splitSentences(text().slice(0, WHOLE_RELEASE_CHARS));
  if (asked.includes("count") && DEATHS_ASKED.test(input.query.question) && !sentences().some((x) => countsDead(x.text, question))) return false;
  if (asked.includes("date") && DAY_ASKED.test(question) && !hasPreciseDate(titled().slice(0, WHOLE_RELEASE_CHARS))) return false;
  // a year the question does not give ("En quelle année le camp a-t-il ouvert ?" — not "Dimanche 10 janvier")
  if (asked.includes("date") && YEAR_ASKED.test(input.query.question) && !sentences().some((x) => typeMatches(x.text, "date", question).some((m) => /(?:19|20)\d\d/.test(m.text)))) return false;
  // someone's representative is a person: a body or a place does not sign on behalf of another
  if (asked.includes("person") && ON_BEHALF.test(question) && !sentences().some((x) => namesPerson(x.text, knownStems(input.query)))) return false;
  const kind = kindAsked(input.query.question, asked);
  if (kind && !namesKind(text().slice(0, WHOLE_RELEASE_CHARS), kind, knownStems(input.query)) && !(kind.any && !mentionsKind(text(), kind))) return false;
  return !asksFunder(input.query, asked) || FUNDING.test(titled());
}

/**
 * Kinds of named thing a question may ask for by their noun ("Quel district…", "Which airline…",
 * "Who is the chief of mission…"), on folded words after the question word, and the words a
 * release names one with ("le district de Mansehra", "la compagnie aérienne Air Sénégal", "Marc
 * Petzoldt, chef de mission"); `place`: a part of a country, never named by a country; `any`: a
 * release may name one without its noun (« à Kutupalong » for a camp), so only one that has the
 * noun must name one near it. Nouns that name a place in general (ville, pays) are not among
 * them: « à Toronto » answers "which city" without the word.
 */
const KINDS: readonly { noun: RegExp; words: string; place?: boolean; any?: boolean }[] = [
  { noun: /^districts?$/, words: "district districts", place: true },
  { noun: /^municipalit\w*$/, words: "municipalité municipalités", place: true },
  { noun: /^villages?$/, words: "village villages", place: true, any: true },
  { noun: /^provinces?$/, words: "province provinces", place: true },
  { noun: /^(?:gouvernorats?|governorates?)$/, words: "gouvernorat gouvernorats", place: true },
  { noun: /^(?:departements?|departments?)$/, words: "département départements", place: true },
  { noun: /^localites?$/, words: "localité localités village villages ville", place: true, any: true },
  { noun: /^camps?$/, words: "camp camps site sites", place: true, any: true },
  { noun: /^(?:compagnies? aeriennes?|airlines?)$/, words: "compagnie compagnies airline airlines" },
  { noun: /^(?:groupes? armes?|armed groups?|gangs?)$/, words: "groupe groupes gang gangs milice milices" },
  { noun: /^(?:ouragans?|hurricanes?|cyclones?|typhons?|typhoons?|tempetes?|storms?)$/, words: "ouragan ouragans cyclone cyclones typhon typhons tempête tempêtes" },
  { noun: /^(?:bateaux?|navires?|ships?|boats?|vessels?)$/, words: "bateau bateaux navire navires" },
  { noun: /^(?:rapports?|reports?|etudes?|study|studies|publications?)$/, words: "rapport rapports étude études publication publications" },
  { noun: /^(?:chefs? mission|chiefs? mission|heads? mission)$/, words: "chef cheffe chefs" },
  { noun: /^(?:ministres?|ministers?)$/, words: "ministre ministres" },
  { noun: /^(?:porte parole|spokesperson|spokesman|spokeswoman)$/, words: "porte-parole" },
  { noun: /^(?:gouverneurs?|governors?)$/, words: "gouverneur gouverneurs gouverneure" },
  { noun: /^(?:ambassadeurs?|ambassadrices?|ambassadors?)$/, words: "ambassadeur ambassadrice ambassadeurs" },
  { noun: /^(?:maires?|mayors?)$/, words: "maire maires" },
];

/** What the release must name: the stems of the words naming the kind, and whether it is a part of a country. */
export interface KindAsked {
  stems: ReadonlySet<string>;
  place: boolean;
  /** A release without the noun says nothing of it either way: any thing whose name is asked ("le nom du centre de transit"), a camp, a village. */
  any?: boolean;
}

const KIND_STEMS = KINDS.map((k) => ({ ...k, stems: new Set(words(k.words).map(stem)) }));

/** Kinds of value that are named things: only they (or no kind at all: "Quelle compagnie…") are asked by a noun of KINDS. */
const NAMED_TYPES: ReadonlySet<AnswerType> = new Set<AnswerType>(["place", "title", "organisation", "person"]);

/** Words between the question word and the noun asked ("Quel est le nom du…", "What were the names of the two…"). */
const BEFORE_NOUN = /^(?:est|sont|etait|etaient|a|ont|ete|is|are|was|were|has|have|had|did|does|do|will|le|la|les|l|the|de|du|des|d|of|un|une|an|oim|iom)$/;

/** Words naming what follows ("le nom des…", "the title of…", « comment s'appellent les… »). */
const NAME_OF = /^(?:nom|noms|name|names|titre|titres|title|titles|intitule|appelle|appellent|appelait|appelaient|called)$/;

/** Words between "the names of" and the thing named ("les noms des trois autres postes"). */
const BEFORE_NAMED = /^(?:\d+|two|three|four|deux|trois|quatre|cinq|autres?|other|nouveaux?|nouvelles?|new|premiers?|premieres?|first|1e|2e|3e)$/;

/**
 * What a question asks to be named, by its noun: a kind of KINDS after the question word (the
 * one or two words after it: "Which Georgian municipalities"), or any thing after "le nom de",
 * "the title of", « comment s'appellent » ("les noms des postes frontières" — a name near
 * "postes"); null when it asks no named thing by its noun.
 */
export function kindAsked(question: string, asked: readonly AnswerType[]): KindAsked | null {
  if (asked.length && !asked.some((t) => NAMED_TYPES.has(t))) return null;
  const ws = words(question);
  const at = ws.findIndex((w) => /^(?:quel|quels|quelle|quelles|which|what|who|qui|whom|comment)$/.test(w));
  if (at < 0) return null;
  const after = ws.slice(at + 1).filter((w) => !BEFORE_NOUN.test(w) && !STOPWORDS.has(w));
  if (NAME_OF.test(after[0] ?? "")) {
    // the words of the thing named, up to the next small word: the French noun comes first, the English last ("the two consecutive hurricanes that…")
    const from = ws.indexOf(after[0]!, at + 1) + 1;
    const run: string[] = [];
    for (const w of ws.slice(from)) {
      if (BEFORE_NOUN.test(w) || BEFORE_NAMED.test(w)) {
        if (run.length) break;
        continue;
      }
      if (STOPWORDS.has(w)) break;
      run.push(w);
    }
    const named = /^(?:which|what)$/.test(ws[at]!) ? run[run.length - 1] : run[0];
    if (!named) return null;
    const known = KIND_STEMS.find((k) => k.noun.test(named));
    if (known) return { stems: known.stems, place: known.place ?? false, any: known.any };
    return { stems: new Set([stem(named), ...(frenchExpansion(named).get(named) ?? []).map(stem)]), place: false, any: true };
  }
  if (ws[at] === "comment") return null;
  const [first, second] = after;
  if (!first) return null;
  // an English adjective comes first ("Which Georgian municipalities"); "who" asks the person of a role ("Who is the chief of mission")
  const adjectiveFirst = /^(?:which|what)$/.test(ws[at]!);
  const kind = KIND_STEMS.find((k) => k.noun.test(first) || (second && k.noun.test(`${first} ${second}`)) || (adjectiveFirst && second && k.noun.test(second)));
  return kind ? { stems: kind.stems, place: kind.place ?? false, any: kind.any } : null;
}

/** Words a name may hold that name nothing new (the organisation itself, the UN, months and days). */
const UNNAMING = new Set("oim iom onu un nations unies united organisation organization organisme internationale international migrations migration janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre january february march april may june july august september october november december lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday saturday sunday".split(" "));

/** A text in quotes (to the end of the sentence when a "!" inside it ends the sentence), or the words after "intitulé", "baptisé"… */
const QUOTED_NAME = /«[^»]{2,160}»?|“[^”]{2,160}”?|(?<=(?:intitul|baptis|nomm|appel|dénomm)ée?s?\s|(?:entitled|called|named)\s)[^.;«“]{2,80}/gu;

/** Words in capitals, with the small words inside names ("Ed Dou'aïn", "Union des femmes"). */
const CAPITALISED_NAME = /\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|du|des|la|le|d'|d’|al|el|of|the|and|et)\s+)?\p{Lu}[\p{L}'’-]*)*/gu;

/** Words within which the noun of the kind stands from the name ("le district de Mansehra", "Eta et Iota, deux ouragans"). */
const KIND_WITHIN = 5;

/** Words of a quote that may be a name holding its noun (« Plan Canarias »), not someone's words (« …dans notre municipalité… »). */
const SHORT_QUOTE = 6;

/**
 * Whether a text names a thing of the asked kind that the question does not already name
 * (`known`: the stems of the question's words and of their translations and places): a name
 * within KIND_WITHIN words of the kind's noun in one of its sentences (a release on "deux ouragans
 * consécutifs" that never names them does not say what they were called). A country names no
 * district, and a place names no hurricane, minister or report (unless quoted).
 */
export function namesKind(text: string, kind: KindAsked, known: ReadonlySet<string>): boolean {
  for (const { text: sentence } of splitSentences(text)) {
    const stems = words(sentence).map(stem);
    const nouns = stems.flatMap((w, i) => (kind.stems.has(w) ? [i] : []));
    if (!nouns.length) continue;
    for (const [pattern, quoted] of [[QUOTED_NAME, true], [CAPITALISED_NAME, false]] as const) {
      for (const m of sentence.matchAll(pattern)) {
        const own = words(m[0]).filter((w) => !STOPWORDS.has(w) && !UNNAMING.has(w) && !/^\d/.test(w));
        if (!own.some((w) => !known.has(stem(w)) && !known.has(w))) continue;
        if (!quoted && !kind.any && own.every((w) => (kind.place ? capitalsOf(w).length > 0 || PLACE_ACRONYMS.has(w) : isKnownPlace(w) || PLACE_ACRONYMS.has(w)))) continue;
        // one capitalised word opening a sentence is no name ("Plusieurs jours après…"), an acronym is
        if (!quoted && !/\S/.test(sentence.slice(0, m.index)) && !/\s/.test(m[0]) && !/^\p{Lu}{2,}$/u.test(m[0])) continue;
        const from = words(sentence.slice(0, m.index)).length;
        const length = words(m[0]).length;
        const to = from + length - 1;
        const near = (within: number) => nouns.some((n) => n >= from - within && n <= to + within);
        // a title in quotes follows its noun, maybe a little further (« Cette campagne, financée par l'UE et intitulée « … »)
        if (quoted ? nouns.some((n) => n >= from - KIND_WITHIN - 2 && n < from) || (length <= SHORT_QUOTE && near(KIND_WITHIN)) : near(KIND_WITHIN)) return true;
      }
    }
  }
  return false;
}

/** A person asked as someone's representative ("Who signed on behalf of…", « au nom de »). */
const ON_BEHALF = / (?:on behalf of|au nom de|au nom du|au nom des|pour le compte de|pour le compte du) /;

/** First words of names of bodies, not people ("Ministère du Travail", "Union des femmes"). */
const BODY_WORDS = new Set("ministere ministry union organisation organization bureau office fonds fund agence agency gouvernement government commission conseil council programme program nations republique republic etat etats state states federation departement department ambassade embassy haut haute high centre center fondation foundation croix banque bank ong ngo comite committee association institut institute universite university service services direction autorite authority parlement parliament cour court assemblee assembly forum groupe group reseau network alliance secretariat mission".split(" "));

/** Whether a sentence names a person the question does not: two words in capitals, no body, no place (« Thongloun Sisoulith », « Mme Julliand »). */
function namesPerson(sentence: string, known: ReadonlySet<string>): boolean {
  if (/(?<![\p{L}])(?:M\.|Mme|Mmes|Dr|Mr\.?|Mrs\.?|Ms\.?)\s+\p{Lu}/u.test(sentence)) return true;
  for (const m of sentence.matchAll(CAPITALISED_NAME)) {
    const ws = words(m[0]).filter((w) => !STOPWORDS.has(w));
    if (ws.length < 2 || BODY_WORDS.has(ws[0]!) || ws.some((w) => UNNAMING.has(w))) continue;
    if (ws.every((w) => isKnownPlace(w) || PLACE_ACRONYMS.has(w))) continue;
    if (ws.some((w) => !known.has(stem(w)) && !known.has(w))) return true;
  }
  return false;
}

/** Whether a text has the noun of a kind at all. */
function mentionsKind(text: string, kind: KindAsked): boolean {
  return words(text.slice(0, WHOLE_RELEASE_CHARS)).some((w) => kind.stems.has(stem(w)));
}

/** The stems a question already names: its words, their translations, its concepts' stems and related stems. */
function knownStems(query: QueryAnalysis): Set<string> {
  const known = new Set<string>();
  for (const w of words(query.question)) {
    known.add(stem(w));
    for (const fr of frenchExpansion(w).get(w) ?? []) known.add(stem(fr));
  }
  for (const c of [...query.concepts, ...query.contextConcepts]) for (const x of [c.word, ...c.stems, ...(c.related ?? [])]) known.add(x);
  return known;
}

/** A day asked, not a month or a year ("À quelle date exacte…", "On what exact date…", "Quel jour…"). */
const DAY_ASKED = / (?:date exacte|dates exactes|exact date|exact dates|quel jour|quelle date|quelles dates|what date|which date|what day|which day|on what date) /;

/** Words within which a count stands from a word of the dead ("le nombre total de victimes sur ces itinéraires s'élève à 3 455"). */
const DEAD_WITHIN = 10;

/** Whether a sentence gives a count within a few words of a word of the dead ("a fait 106 morts", "le bilan s'élève à 50 morts"). */
function countsDead(sentence: string, questionWords: string): boolean {
  if (!DEATHS.test(sentence)) return false;
  const dead = [...sentence.matchAll(DEATHS_ALL)].map((m) => words(sentence.slice(0, m.index)).length);
  return typeMatches(sentence, "count", questionWords).some((m) => dead.some((d) => Math.abs(d - m.word) <= DEAD_WITHIN));
}

/** What one quoted sentence must hold: words of funding for who funds, a count of the dead for one asked. */
export function cueOf(query: QueryAnalysis, asked: readonly AnswerType[]): ((text: string) => boolean) | undefined {
  if (asksFunder(query, asked)) return (text) => FUNDING.test(text);
  const question = ` ${words(query.question).join(" ")} `;
  if (asked.includes("count") && DEATHS_ASKED.test(query.question)) return (text) => countsDead(text, question);
  return undefined;
}

/** A count of the dead asked ("Combien de morts…", "How many people were killed…", "death toll"). */
const DEATHS_ASKED = /(?<![\p{L}])(?:killed|died|dead|deaths?|death toll|lost their lives|morts?|tu[ée]e?s|d[ée]c[èe]s|d[ée]c[ée]d[ée]e?s?|p[ée]ri|noy[ée]e?s?)(?![\p{L}])/iu;

/** Words of the dead in a sentence. */
const DEATHS = /(?<![\p{L}])(?:perdu la vie|co[uû]t[ée] la vie|lost their lives|perished|morts?|mortes?|tu[ée]e?s?|d[ée]c[èe]s|d[ée]c[ée]d[ée]e?s?|p[ée]ri|p[ée]rissent|p[ée]rirent|noy[ée]e?s?|victimes|mortel(?:le)?s?|killed|dead|died|deaths?|fatalities)(?![\p{L}])/iu;
const DEATHS_ALL = new RegExp(DEATHS.source, "giu");

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
