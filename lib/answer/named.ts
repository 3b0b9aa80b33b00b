/**
 * Named things asked by their noun ("Quel district…", "Which airline…", "the names of the
 * hurricanes", "Who is the chief of mission…", "Who signed on behalf of…") and whether the
 * sentences of a release name one. Pure.
 */
import { PLACE_ACRONYMS, type AnswerType } from "../text/answer-type";
import { frenchExpansion, isKnownPlace, placeAliases } from "../text/glossary";
import { stem, wordsBefore, wordStarts, words } from "../text/normalize";
import { capitalsOf, countriesOfRegion, countryNamesOf, placeOfAdjective } from "../text/places";
import type { QueryAnalysis } from "../text/query";
import { STOPWORDS } from "../text/stopwords";
import { CONTACT } from "./features";

/**
 * Words of the parts of a country: a reader's "province" may be the release's « région » (« les
 * régions d'Oromia et SNNP »); not « zone » or « État », which name much else (« États-Unis »).
 */
const ADMINISTRATIVE = "district districts municipalité municipalités province provinces région régions département départements gouvernorat gouvernorats préfecture préfectures comté comtés canton cantons wilaya wilayas woreda woredas";

/**
 * Kinds of named thing a question may ask for by their noun, on folded words after the question
 * word, and the words a release names one with ("le district de Mansehra", "la compagnie
 * aérienne Air Sénégal", "Marc Petzoldt, chef de mission"); `place`: a part of a country, never
 * named by a country; `any`: a release may name one without its noun (« à Kutupalong » for a
 * camp), so only one that has the noun must name one near it. Nouns that name a place in
 * general (ville, pays) are not among them: « à Toronto » answers "which city" without the word.
 */
const KINDS: readonly { noun: RegExp; words: string; place?: boolean; any?: boolean; byName?: boolean }[] = [
  { noun: /^(?:districts?|municipalit\w*|provinces?|gouvernorats?|governorates?|departements?|departments?|cantons?|prefectures?|counties|county|comtes?)$/, words: ADMINISTRATIVE, place: true },
  { noun: /^villages?$/, words: "village villages", place: true, any: true },
  { noun: /^localites?$/, words: "localité localités village villages ville villes", place: true, any: true },
  { noun: /^camps?$/, words: "camp camps site sites", place: true, any: true },
  { noun: /^(?:aeroports?|airports?)$/, words: "aéroport aéroports", place: true, any: true },
  { noun: /^(?:compagnies? aeriennes?|airlines?)$/, words: "compagnie compagnies airline airlines" },
  { noun: /^(?:groupes? armes?|armed groups?|gangs?)$/, words: "groupe groupes gang gangs milice milices" },
  { noun: /^(?:ouragans?|hurricanes?|cyclones?|typhons?|typhoons?|tempetes?|storms?)$/, words: "ouragan ouragans cyclone cyclones typhon typhons tempête tempêtes" },
  { noun: /^(?:bateaux?|navires?|ships?|boats?|vessels?)$/, words: "bateau bateaux navire navires" },
  // works and offensives whose name is asked go by their noun: a release on « des opérations militaires » names no offensive
  { noun: /^(?:spectacles?|films?|chansons?|livres?|offensives?|shows?|songs?|books?)$/, words: "spectacle spectacles film films chanson chansons livre livres ouvrage ouvrages offensive offensives", byName: true },
  { noun: /^(?:rapports?|reports?|etudes?|study|studies|publications?)$/, words: "rapport rapports étude études publication publications" },
  { noun: /^(?:chefs? mission|chiefs? mission|heads? mission)$/, words: "chef cheffe chefs" },
  { noun: /^(?:ministres?|ministers?)$/, words: "ministre ministres" },
  { noun: /^(?:gouverneurs?|governors?)$/, words: "gouverneur gouverneurs gouverneure" },
  { noun: /^(?:ambassadeurs?|ambassadrices?|ambassadors?)$/, words: "ambassadeur ambassadrice ambassadeurs" },
  { noun: /^(?:maires?|mayors?)$/, words: "maire maires" },
];

/**
 * What a release must name: the words naming the kind (folded: "publication" is no form of
 * "publique", as its stem would say), whether it is a part of a country, whether it may go
 * without its noun.
 */
export interface KindAsked {
  forms: ReadonlySet<string>;
  /** Stems of a noun not among the kinds ("postes", "campagne"), matched by stem. */
  stems?: ReadonlySet<string>;
  place: boolean;
  /** A release without the noun says nothing of it either way: any thing whose name is asked ("le nom du centre de transit"), a camp, a village. */
  any: boolean;
}

const KIND_FORMS = KINDS.map((k): KindAsked & { noun: RegExp; byName: boolean } => ({ noun: k.noun, forms: new Set(words(k.words)), place: k.place ?? false, any: k.any ?? false, byName: k.byName ?? false }));

/** Kinds of value that are named things: only they (or no kind at all: "Quelle compagnie…") are asked by a noun of KINDS. */
const NAMED_TYPES: ReadonlySet<AnswerType> = new Set<AnswerType>(["place", "title", "organisation", "person"]);

/** Words between the question word and the noun asked ("Quel est le nom du…", "What were the names of the two…"). */
const BEFORE_NOUN = /^(?:est|sont|etait|etaient|a|ont|ete|is|are|was|were|has|have|had|did|does|do|will|le|la|les|l|the|de|du|des|d|of|un|une|an|oim|iom)$/;

/** An English auxiliary right after "what" or "which": the question asks what someone did ("What did the mayor promise?"), not a name. */
const ENGLISH_AUXILIARY = /^(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should|type|kind|sort|types|kinds|sorts)$/;

/** Words naming what follows ("le nom des…", "the title of…", « comment s'appellent les… »). */
const NAME_OF = /^(?:nom|noms|name|names|titre|titres|title|titles|intitule|appelle|appellent|appelait|appelaient|called)$/;

/** Words between "the names of" and the thing named ("les noms des trois autres postes", « quel nom porte le camp »). */
const BEFORE_NAMED = /^(?:\d+|two|three|four|deux|trois|quatre|cinq|autres?|other|nouveaux?|nouvelles?|new|premiers?|premieres?|first|1e|2e|3e|porte|portait|portent|portaient)$/;

/** English participles ending the thing named ("the campaign launched by…", "the district hit by…"). */
const PARTICIPLE = /^(?:\w+ed|\w+ing|hit|held|made|born|built|set|led|run|given|taken|known|seen|chosen|sent|brought|struck|written|put|cut|hurt|spent|won|begun|done|found|left|met|paid|said|told)$/;

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
  const asker = ws[at]!;
  const english = asker === "which" || asker === "what";
  const after = ws.slice(at + 1).filter((w) => !BEFORE_NOUN.test(w) && !STOPWORDS.has(w));
  // « quel titre de séjour » asks a permit, not a name
  if (/^titres?$/.test(after[0] ?? "") && /^(?:sejour|voyage|voyages|transport|propriete|refugie)$/.test(after[1] ?? "")) return null;
  if (NAME_OF.test(after[0] ?? "")) return namedAfter(ws.slice(ws.indexOf(after[0]!, at + 1) + 1), english, question);
  if (asker === "comment" || (english && ENGLISH_AUXILIARY.test(ws[at + 1] ?? ""))) return null;
  // a question asking no kind of value names its thing by « quel » or "which" ("Quelle compagnie aérienne…")
  if (!asked.length && !/^(?:quel|quels|quelle|quelles|which)$/.test(asker)) return null;
  const [first, second] = after;
  if (!first) return null;
  // an English adjective of place, capitalised, comes first ("Which Georgian municipalities"); "who" asks the person of a role ("Who is the chief of mission")
  const capitalised = new Set([...question.matchAll(/(?<=\s)\p{Lu}[\p{L}'’-]*/gu)].flatMap((m) => words(m[0])));
  const adjective = english && (capitalised.has(first) || placeOfAdjective(first).length > 0 || isKnownPlace(first));
  // a work asked by « quel » may be answered without its name ("Which offensive…" — « l'offensive lancée le 17 octobre »)
  return KIND_FORMS.find((k) => !k.byName && (k.noun.test(first) || (second && k.noun.test(`${first} ${second}`)) || (adjective && second && k.noun.test(second)))) ?? null;
}

/** The kind of the thing whose name is asked, from the words after "le nom de", "the title of" (the French noun comes first, the English last). */
function namedAfter(rest: readonly string[], english: boolean, question: string): KindAsked | null {
  const run: string[] = [];
  for (const w of rest) {
    if (BEFORE_NOUN.test(w) || BEFORE_NAMED.test(w)) {
      if (run.length) break;
      continue;
    }
    if (STOPWORDS.has(w) || (english && run.length && PARTICIPLE.test(w))) break;
    run.push(w);
  }
  const named = english ? run[run.length - 1] : run[0];
  if (!named) return null;
  const known = KIND_FORMS.find((k) => k.noun.test(named));
  if (known) return known;
  // any other thing: the forms of its noun and of its translations in the question's language ("campaign" — « campagne », "baby" — « bébé »)
  const stems = new Set([named, ...(frenchExpansion(question).get(named) ?? [])].map(stem));
  return { forms: new Set(), stems, place: false, any: true };
}

/** Words a name may hold that name nothing new (the organisation itself, the UN, months and days). */
const UNNAMING = new Set(
  "oim iom onu un nations unies united organisation organization organisme internationale international migrations migration janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre january february march april may june july august september october november december lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday saturday sunday".split(" "),
);

/** Words of a country's long name, which name no part of it ("la République centrafricaine", "le Royaume-Uni"). */
const COUNTRY_WORDS = new Set("republique republic royaume kingdom etat etats state states federation union emirats territoire territoires democratique populaire islamique arabe unis uni nord sud est ouest".split(" "));

/** A text in quotes (up to its closing quote or 160 characters), or the words after « intitulé », « baptisé », "entitled"… */
const QUOTED_NAME = /«[^»]{2,160}»?|“[^”]{2,160}”?|(?<=(?<![\p{L}])(?:intitul|baptis|surnomm|dénomm)ée?s?\s|(?<![\p{L}])(?:entitled|named)\s)(?![àa]\s)[^.;«“]{2,80}/gu;

/** Words in capitals, with the small words inside names ("Ed Dou'aïn", "Union des femmes", "Côte d'Ivoire"). */
const CAPITALISED_NAME = /\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|du|des|la|le|al|el|of|the|and|et)\s+)?\p{Lu}[\p{L}'’-]*|\s+d['’]\p{Lu}[\p{L}'’-]*)*/gu;

/** Words within which the noun of the kind stands from the name ("le district de Mansehra", "Eta et Iota, deux ouragans"). */
const KIND_WITHIN = 5;

/** Words of a quote that may be a name holding its noun (« Plan Canarias »), not someone's words (« …dans notre municipalité… »). */
const SHORT_QUOTE = 6;

/** Characters of a sentence searched for names (bounds the work on a run-on "sentence"). */
const MAX_SENTENCE = 2000;

/** A sentence cut into words the way `words()` counts them, with where each starts. */
interface Tokens {
  text: string;
  starts: number[];
  folded: string[][];
}

function tokens(sentence: string): Tokens {
  const text = sentence.length > MAX_SENTENCE ? sentence.slice(0, MAX_SENTENCE) : sentence;
  const starts = wordStarts(text);
  return { text, starts, folded: starts.map((at, i) => words(text.slice(at, starts[i + 1] ?? text.length))) };
}

/** The index of the word holding a character of the sentence ("Hérat" in "d'Hérat" is that word). */
function wordAt(t: Tokens, offset: number): number {
  return Math.max(0, wordsBefore(t.starts, offset + 1) - 1);
}

/** Whether some words of a name are new: not the question's, not the organisation's own, not numbers. */
function newWords(name: string, known: ReadonlySet<string>): string[] {
  return words(name).filter((w) => !STOPWORDS.has(w) && !UNNAMING.has(w) && !/^\d/.test(w) && !known.has(stem(w)) && !known.has(w));
}

/** Whether a name is only a country, or the words of a country's long name ("Bangladesh", "République"). */
function isCountry(name: string): boolean {
  const ws = words(name).filter((w) => !STOPWORDS.has(w));
  return capitalsOf(ws.join(" ")).length > 0 || ws.every((w) => capitalsOf(w).length > 0 || PLACE_ACRONYMS.has(w) || COUNTRY_WORDS.has(w));
}

/** Whether a name is only places ("Dissikou", "RCA"): no hurricane, minister or report. */
function isPlace(name: string): boolean {
  const ws = words(name).filter((w) => !STOPWORDS.has(w));
  return ws.every((w) => isKnownPlace(w) || PLACE_ACRONYMS.has(w) || COUNTRY_WORDS.has(w));
}

/**
 * Whether sentences name a thing of the asked kind that the question does not already name
 * (`known`: the stems of the question's words, their translations and places): a name within
 * KIND_WITHIN words of the kind's noun in one of them (a release on "deux ouragans consécutifs"
 * that never names them does not say what they were called). A country names no district, and
 * a place no hurricane, minister or report (unless quoted); a single capitalised word opening a
 * sentence names something only when the text also writes it so inside a sentence ("Mansehra
 * est le district le plus touché").
 */
export function namesKind(sentences: readonly string[], kind: KindAsked, known: ReadonlySet<string>): boolean {
  let inside: Set<string> | undefined;
  const writtenInside = (word: string) =>
    (inside ??= new Set(sentences.flatMap((s) => [...s.matchAll(/(?<=[\p{Ll},;]\s+)\p{Lu}[\p{L}'’-]*/gu)].map((m) => m[0])))).has(word);
  for (const sentence of sentences) {
    const t = tokens(sentence);
    const nouns = t.folded.flatMap((ws, i) => (ws.some((w) => isKindWord(w, kind)) ? [i] : []));
    if (!nouns.length) continue;
    for (const [pattern, quoted] of [[QUOTED_NAME, true], [CAPITALISED_NAME, false]] as const) {
      for (const m of t.text.matchAll(pattern)) {
        if (!newWords(m[0], known).length) continue;
        if (!quoted && !kind.any && (kind.place ? isCountry(m[0]) : isPlace(m[0]))) continue;
        if (!quoted && !/\S/.test(t.text.slice(0, m.index)) && !/\s/.test(m[0]) && !/^\p{Lu}{2,}$/u.test(m[0]) && !isKnownPlace(words(m[0])[0] ?? "") && !writtenInside(m[0])) continue;
        const from = wordAt(t, m.index);
        const to = wordAt(t, m.index + m[0].length - 1);
        const near = (within: number) => nouns.some((n) => (n >= from - within && n <= to + within) || (n < from && from - n <= LIST_WITHIN && listAfter(t, n)));
        // a title in quotes follows its noun, maybe a little further (« Cette campagne, financée par l'UE et intitulée « … »)
        if (quoted ? nouns.some((n) => n >= from - KIND_WITHIN - 2 && n < from) || (to - from < SHORT_QUOTE && near(KIND_WITHIN)) : near(KIND_WITHIN)) return true;
      }
    }
  }
  return false;
}

/** Words within which a list the noun introduces names its things (« deux régions éthiopiennes - celles des nations… du Sud (RNNPS) et Oromia »). */
const LIST_WITHIN = 16;

/** Whether a list follows the noun of word index `n`: a dash or a colon within its next two words. */
function listAfter(t: Tokens, n: number): boolean {
  const end = t.starts[n + 3] ?? t.text.length;
  return /\s[-–—:]\s/.test(t.text.slice(t.starts[n], end));
}

/** Whether a folded word is the noun of a kind. */
function isKindWord(word: string, kind: KindAsked): boolean {
  return kind.forms.has(word) || (kind.stems?.has(stem(word)) ?? false);
}

/** Whether sentences hold the noun of a kind at all. */
export function mentionsKind(sentences: readonly string[], kind: KindAsked): boolean {
  return sentences.some((s) => words(s).some((w) => isKindWord(w, kind)));
}

/** A person asked as someone's representative ("Who signed on behalf of…", « au nom de », « au nom d'Haïti »), on folded words. */
export const ON_BEHALF = / (?:on behalf of|au nom|pour le compte|du cote de|on the side of) /;

/** First words of names of bodies, not people ("Ministère du Travail", "Union des femmes"). */
const BODY_WORDS = new Set(
  "ministere ministry union organisation organization bureau office fonds fund agence agency gouvernement government commission conseil council programme program nations republique republic etat etats state states federation departement department ambassade embassy haut haute high centre center fondation foundation croix banque bank ong ngo comite committee association institut institute universite university service services direction autorite authority parlement parliament cour court assemblee assembly forum groupe group reseau network alliance secretariat mission".split(" "),
);

/**
 * Whether a sentence names a person the question does not: two words in capitals, no body, no
 * place (« Thongloun Sisoulith », « Mme Julliand »); not in the release's contact lines.
 */
export function namesPerson(sentence: string, known: ReadonlySet<string>): boolean {
  if (CONTACT.test(sentence)) return false;
  if (/(?<![\p{L}])(?:M\.|Mme|Mmes|Dr|Mr\.?|Mrs\.?|Ms\.?)\s+\p{Lu}/u.test(sentence)) return true;
  for (const m of sentence.matchAll(CAPITALISED_NAME)) {
    const ws = words(m[0]).filter((w) => !STOPWORDS.has(w));
    if (ws.length < 2 || BODY_WORDS.has(ws[0]!) || ws.some((w) => UNNAMING.has(w)) || isPlace(m[0])) continue;
    if (newWords(m[0], known).length) return true;
  }
  return false;
}

/** Words before a town's name placing something there (« à Rabat », "in Akron", « depuis San Pedro Sula », « le port de Benghazi »). */
const AT_TOWN = /(?:(?:^|[\s'’(])(?:à|a|au|aux|en|dans|de|du|depuis|vers|près de|jusqu'à|in|at|from|to|near|of|outside|through|via)\s+|(?:^|[\s(])(?:d|jusqu)['’])$/iu;

/** A word placing a town that opens a sentence with it (« À Arlit, … », « Depuis Gao, … »). */
const LEADING_AT = /^(?:À|Au|Aux|En|Dans|Depuis|Vers|Près de|In|At|From|Near)\s+(?=\p{Lu})/u;

/**
 * Whether a sentence names a town the question does not: a name in capitals after a word placing
 * it, or a known place, that is no country, region, nationality, acronym, body or month. Towns
 * named like their country (Djibouti, Panama) are not seen.
 */
export function namesTown(sentence: string, known: ReadonlySet<string>, elsewhere?: (name: string, sentence: string) => boolean): boolean {
  if (CONTACT.test(sentence)) return false;
  const text = sentence.length > MAX_SENTENCE ? sentence.slice(0, MAX_SENTENCE) : sentence;
  for (const m of text.matchAll(CAPITALISED_NAME)) {
    // names in a row ("Arabie Saoudite et Emirats arabes unis") are looked at one by one
    let at = m.index;
    for (const part of m[0].split(/(\s+(?:et|and)\s+)/)) {
      const start = at;
      at += part.length;
      if (/^\s/.test(part)) continue;
      const lead = LEADING_AT.exec(part)?.[0] ?? "";
      const name = part.slice(lead.length);
      const before = lead || text.slice(Math.max(0, start - 40), start);
      // a dateline places the release (« Obock - Le centre… »)
      const dateline = !/\S/.test(text.slice(0, start)) && /^\s*[-–—]\s/.test(text.slice(at, at + 4));
      // a country's name may go on in lower case (« Arabie saoudite », « Emirats arabes unis »)
      const next = words(text.slice(at, at + 30)).slice(0, 2);
      const country = [1, 2].some((n) => next.length >= n && isCountry(`${name} ${next.slice(0, n).join(" ")}`));
      // a letter alone is no town (« du B », a cut text)
      if (!country && name.replace(/[^\p{L}]/gu, "").length >= 2 && isTown(name, before, dateline) && newWords(name, known).length && !elsewhere?.(name, text)) return true;
    }
  }
  return false;
}

/** A town named after its noun (« la capitale uruguayenne, Montevideo », "the port city of Obock"). */
const TOWN_NOUN_BEFORE = /(?<![\p{L}])(?:ville|villes|capitale|cité|localité|port|city|capital|town|township)(?:\s+[\p{L}'’-]+)?\s*[,:]?\s*(?:de\s+|d['’]|of\s+)?$/iu;

/** Words of a place that is no town (« le Bassin du Mékong », « la Corne de l'Afrique », « le Processus de Colombo »). */
const NOT_TOWN = new Set("bassin golfe mer ocean fleuve riviere lac corne delta vallee region province desert peninsule plateau mont montagne processus continent europe asie afrique amerique ameriques oceanie occident orient pacifique atlantique mediterranee".split(" "));

/** Whether a name in capitals, with the words before it, is a town: placed by them, by a dateline or a known place, no country, region, nationality, acronym or body. */
function isTown(name: string, before: string, dateline: boolean): boolean {
  const ws = words(name).filter((w) => !STOPWORDS.has(w));
  if (!ws.length || /^\p{Lu}{2,}/u.test(name) || /\d|-$/.test(name) || BODY_WORDS.has(ws[0]!) || ws.some((w) => UNNAMING.has(w) || NOT_TOWN.has(w))) return false;
  if (isCountry(name) || countriesOfRegion(ws.join(" ")).length || ws.every((w) => placeOfAdjective(w).length > 0 && !capitalsOf(w).length && !countryNamesOf(w).length)) return false;
  if (placeAliases(ws.join(" ")).some((alias) => capitalsOf(alias).length > 0)) return false;
  return dateline || AT_TOWN.test(before) || TOWN_NOUN_BEFORE.test(before) || isKnownPlace(ws[0]!);
}

/** The stems a question already names: its words, their translations, its concepts' stems and related stems. */
export function knownStems(query: QueryAnalysis): Set<string> {
  const known = new Set<string>();
  for (const w of words(query.question)) {
    known.add(stem(w));
    for (const fr of frenchExpansion(w).get(w) ?? []) known.add(stem(fr));
  }
  for (const c of [...query.concepts, ...query.contextConcepts]) for (const x of [c.word, ...c.stems, ...(c.related ?? [])]) known.add(x);
  return known;
}
