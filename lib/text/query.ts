import type { HistoryTurn } from "../types";
import { detectLanguage } from "./analyze";
import { MONTH_WORDS, PAYING } from "./answer-type";
import { ENGLISH_MONTHS, frenchExpansion, isPlaceName, placeAliases, placeMentions } from "./glossary";
import { capitalMeant, capitalPhrases, countryOf, placeOfAdjective } from "./places";
import { phraseSynonyms, releaseWordsFor } from "./synonyms";
import { stem, words } from "./normalize";
import { requiredFigures } from "./numbers";
import { STOPWORDS } from "./stopwords";

/** One thing the question asks about: a word and the stems that match it (incl. translations). */
export interface Concept {
  word: string;
  stems: string[];
  /** A name, acronym or year ("Panama", "OIM", "2019"): a release lacking a name or year does not answer. */
  entity: EntityKind | null;
  /** For a word of a multi-word place ("États-Unis"), the French names the release must contain one of, folded, "|" between them. */
  place?: string;
  /**
   * Stems that match the concept without defining its weight: the release words a reader's
   * word may stand for (synonyms), the country of a capital.
   */
  related?: string[];
  /** The thing asked itself (the weather): a release lacking it does not answer. */
  asked?: true;
  /** A capital the question places something in ("the IOM office in Paris"): the town, not its country. */
  town?: true;
}

export interface QueryAnalysis {
  question: string;
  language: "fr" | "en";
  /** Whether earlier turns were folded in because the question depends on them. */
  followUp: boolean;
  /** Text for lexical search (question, context, translations). */
  lexicalText: string;
  /** Text to embed for dense search. */
  denseText: string;
  /** Content concepts of the question itself (not of the history). */
  concepts: Concept[];
  /** Concepts carried over from earlier turns of a follow-up. */
  contextConcepts: Concept[];
  /** What kind of fact is asked: drives a small preference among sentences. */
  intent: Intent;
  /** The message is only greetings and small talk ("Bonjour, comment ça va ?"): it asks nothing. */
  smallTalk: boolean;
  /** The question asks for advice on the asker's own situation ("How do I apply for asylum?"): press releases give none. */
  personal: boolean;
  /** The question asks the assistant's own opinion ("In your opinion…", « Qu'en pensez-vous ? »): press releases give none. */
  opinion: boolean;
  /** The message asks for a text to be written ("Write me a poem", « Rédige une lettre »), not a question on the releases. */
  task: boolean;
  /** The weather to come is asked (« Quel temps fera-t-il demain ? », "Will it rain tomorrow?"): no press release forecasts it. */
  forecast: boolean;
  /** Numbers above ten the question writes in figures, as digits ("12,000" → "12000"): a release lacking one does not answer. */
  figures: string[];
  /** The question an elliptical follow-up asks again of something else ("Et le lendemain ?", "What about Kenya?"): it asks the same kind of value. */
  askedAgain?: string;
}

export type EntityKind = "name" | "acronym" | "year";

export type Intent = "summary" | "who" | "funding" | "where" | "when" | "howMany" | "howLong" | "contact" | "what";

const FOLLOW_UP_CUE =
  /^(?:et|mais|alors|aussi|puis|and|but|also|so|what about|et pour|et si)\b|\b(?:il|elle|ils|elles|l'|lui|leur|cet|cette|ces|celui|celle|ca|cela|it|its|they|them|their|this|that|these|those|he|she|his|her)\b|\b(?:va|vont|peut|peuvent|pourra|pourront|doit|doivent|devrait|devraient|faut|allait|allaient)\s+(?:en|y)\s+\w+(?:er|ir|re)\b/i;

/** The words of a question (folded words between spaces) that ask how long something lasts: « combien de temps » (not « de temps supplémentaire », a delay), « durée », "how long", "last". */
function howLongWords(q: string): Set<string> {
  const out = new Set<string>();
  if (/\bcombien de temps\b(?! supplementaire| additionnel)/.test(q)) out.add("temps");
  if (/\bhow long\b/.test(q)) out.add("long");
  for (const m of q.matchAll(/\b(?:duree|durees|dure|durer|dura|durait|durera|last|lasted|lasts)\b/g)) out.add(m[0]);
  return out;
}

/**
 * The verb of a question asking how something works, on folded words: « comment fonctionne… »,
 * « Comment le fonds fonctionne-t-il ? », "how does the … work (exactly)?" — not "how do migrants
 * find work?", "decent work", "how does the project support seasonal work?".
 */
const HOW_IT_WORKS_FR = /(?<= comment )(fonctionnent|fonctionne|fonctionnait|fonctionnera)(?= )|(?<=^ comment .*)(fonctionnent|fonctionne|fonctionnait|fonctionnera)(?= t (?:il|elle|ils|elles) )/g;
const HOW_IT_WORKS_EN =
  /(?<= how (?:does|do|did|will) (?:the|a|an|this|that|these|those|its|their|iom|oim) (?:[a-z'-]+ ){0,6})(?<!(?:find|finding|get|seek|look|for|to|at|of|in|need|needs|want|lose|start|obtain|do|back|decent|seasonal|domestic|forced|informal|manual|paid|unpaid|farm|care|temporary|legal|humanitarian) )(?<! (?:support|supports|promote|promotes|affect|affects|affected|help|helps|create|creates|protect|protects|improve|improves|provide|provides|offer|offers|boost|boosts|ensure|ensures)(?: [a-z'-]+){0,3} )(work)(?= (?:exactly |precisely |in practice )?$)/g;

/** A noun pointing back at what was said (« à ce sujet », « à ce propos », « là-bas », "on this matter"; not "on the subject of…"), on folded words. */
const POINTING_BACK = /(?<= (?:a|sur|de|au) (?:ce|cet) )(sujet|propos|egard|theme)(?= )|(?<= (?:on|about|regarding|concerning) (?:this|that|the) )(subject|matter|topic)(?= )(?! of )|(?<= la )(bas)(?= )/g;

/** A phrase for paying (« met la main au portefeuille », "footed the bill"), on folded words between spaces: the question asks who funds, its words name nothing. */
const PAYING_IDIOM = /(?<= )(?:(?:(?:met|mettent|mis|mettra|mettre|mettront) )?la main (?:au portefeuille|a la poche)|(?:foot|foots|footed|footing|pick|picks|picked|picking) (?:up )?the (?:bill|tab)|(?:cover|covers|covered|covering) the costs?)(?= )/g;

/** A noun of a phrase that names nothing (« au nom de », "on behalf of"), on folded words. */
const PHRASE_NOUN = /(?<= au )(nom)(?= (?:de|du|des|d) )|(?<= on )(behalf)(?= of )/g;

/** « Quel temps » asking the weather (« Quel temps fera-t-il à Genève ? », « quel temps il fait »), not « quel temps de trajet ». */
const WEATHER_ASKED = /(?<![\p{L}])(quel(?:le)?\s+)temps(?=\s+(?:fait|fera|faisait|ferait|il|a[-\s]t[-\s]il\s+fait|va[-\s]t[-\s]il\s+faire|avait[-\s]il\s+fait)(?![\p{L}]))/giu;

/** « Quel temps » asking the weather after its verb (« Il fait quel temps à Genève ? »). */
const WEATHER_AFTER = /(?<![\p{L}])((?:fait|fera|faisait)(?:[-\s]il)?\s+quel(?:le)?\s+)temps(?![\p{L}])/giu;

/** A question asking the weather, in either language, once « quel temps » reads « quelle météo ». */
const WEATHER_ASKED_ANY = new RegExp(`${WEATHER_ASKED.source}|${WEATHER_AFTER.source}|(?<![\\p{L}])(?:quelle\\s+(?:est\\s+la\\s+)?m[ée]t[ée]o|la\\s+m[ée]t[ée]o|(?:what|how)(?:'s|’s|\\s+is|\\s+was|\\s+will\\s+be)\\s+the\\s+weather|weather\\s+(?:forecast|like))(?![\\p{L}])`, "iu");

/**
 * A place's attribute asked (« quelle est la monnaie de la Somalie », "what is the official
 * language of…", "what's the capital of…"), on folded words: the release that answers names it.
 */
const ATTRIBUTE_ASKED =
  /(?<= (?:quel|quelle|quels|quelles|what|which) (?:(?:est|sont|etait|is|are|was) (?:le |la |les |l |the )?|the )(?:official |national |main |principal |principale )?)(monnaie|currency|langue|langues|language|languages|capitale|capital|hymne|anthem|drapeau|flag|pib|gdp)(?= (?:officielle |officielles |official |national |nationale |utilisee |used )?(?:de|du|des|d|en|au|aux|of|in) )/g;

/** Words of the weather to come, on folded words (« fera », « demain », "this weekend"). */
const FORECAST = / (?:fera|ferait|va t il faire|will it|will the weather|tomorrow|demain|ce week end|ce weekend|this weekend|this week end|next week|la semaine prochaine|forecast|prevision|previsions) /;

/** The words of the weather asked. */
const WEATHER_WORDS = new Set(["meteo", "weather"]);

/** Stems of words telling the weather (« conditions météorologiques », « fortes pluies », « le temps froid »). */
const WEATHER_STEMS = ["meteo", "meteorolog", "pluie", "pluies", "precipit", "temperatur", "froid", "weather", "rain"].map(stem);

/** Languages a name may be asked in, folded. */
const LANGUAGES = "english|french|anglais|francais";

/**
 * The noun of the kind of thing asked, after its question word (« sur quel thème », « quel est le
 * nom », "what's the full English name", "which topic"), and a language asking a name in it
 * ("the English name", « son nom anglais », "in English"), on folded words: they say what is
 * asked, not what it is about; the release writes the name, not "name".
 */
const KIND_NOUN = new RegExp(
  String.raw`(?<= (?:quel|quelle|quels|quelles|what|which) (?:(?:est|sont|etait|etaient|is|are|was|were) )?(?:(?:le|la|les|l|the|its|their|son|sa|ses|leur) )?(?:(?:full|exact|official|real|complete|complet|officiel|officielle|vrai|veritable|${LANGUAGES}) ){0,2})(nom|noms|name|names|titre|titres|title|titles|theme|themes|sujet|topic|intitule)(?= )|(?<= )(english|french)(?= (?:name|names|title|titles|version) )|(?<= (?:nom|noms|titre|titres|intitule) )(anglais|francais)(?= )|(?<= (?:in|en) )(${LANGUAGES})(?= $)`,
  "g",
);

/** A language named as a word of the question, folded. */
const LANGUAGE = new RegExp(`^(?:${LANGUAGES})$`);

/** Words of a contact asked: the release writes « Tel : », « Email : », not the word asked. */
const CONTACT_WORDS = new Set(["telephone", "telephones", "phone", "phones", "numero", "numeros", "number", "tel"]);

/**
 * A follow-up that asks again of something else, on folded words: "Et le lendemain ?", « Et en
 * 2019 ? », "What about Kenya?" (not "Et combien d'enfants ?", which says what it asks).
 */
const ELLIPTICAL = /^ (?:et|and|mais|but|what about|how about|and what about|et pour|et qu en est il)\b(?!.*\b(?:qui|quoi|quel|quels|quelle|quelles|combien|ou|quand|comment|pourquoi|who|what|which|how|when|where|why)\b)/;

/** The words captured by patterns (each a group of alternatives) in folded words. */
function wordsMatched(folded: string, patterns: readonly RegExp[]): Set<string> {
  return new Set(patterns.flatMap((p) => [...` ${folded} `.matchAll(p)].map((m) => m.slice(1).find((g) => g !== undefined)!)));
}

/** Concepts under which a question of the conversation says too little to be its subject alone. */
const THIN_TURN = 2;

/**
 * The subject of a conversation, from its questions: the last one, and the one before when the
 * last says little itself (« Et le lien avec la migration ? » after « Que dit l'OIM dans son
 * texte … ? »).
 */
export function subjectOf(questions: readonly string[]): string {
  const last = questions.at(-1) ?? "";
  const before = questions.at(-2);
  return before !== undefined && conceptsOf(last).length <= THIN_TURN ? `${before} ${last}` : last;
}

/** Analyses a question (and its conversation) into what retrieval and answering need. Pure. */
export function analyzeQuery(question: string, history: HistoryTurn[] = [], options: { followUp?: boolean } = {}): QueryAnalysis {
  const language = detectLanguage(question);
  const intent = intentOf(question);
  // the question's folded words, and them between spaces for cue patterns
  const questionWords = words(question);
  const folded = questionWords.join(" ");
  // "how long" says what is asked, not what it is about ("Combien de temps a duré la traversée ?" is about the crossing); so do the words of a contact asked
  const asking = intent === "howLong" ? howLongWords(folded) : intent === "contact" ? new Set(questionWords.filter((w) => CONTACT_WORDS.has(w))) : new Set<string>();
  // « à ce sujet », "on this matter" point back at the conversation: their noun is no concept
  const pointing = wordsMatched(folded, [POINTING_BACK]);
  // nor the noun of « au nom de », nor the verb of « Comment fonctionne… », "How does … work?", nor the words of « met la main au portefeuille »
  const paying = [...` ${folded} `.matchAll(PAYING_IDIOM)].flatMap((m) => m[0].split(" "));
  const said = new Set([...asking, ...pointing, ...paying, ...wordsMatched(folded, [PHRASE_NOUN, HOW_IT_WORKS_FR, HOW_IT_WORKS_EN])]);
  // nor the noun of the kind of thing asked (« quel thème », "the English name")
  const kindNouns = wordsMatched(folded, [KIND_NOUN]);
  // the weather, a country's currency or official language asked: the release names it
  const weather = WEATHER_ASKED_ANY.test(question);
  const askedThings = new Set([...(weather ? WEATHER_WORDS : []), ...wordsMatched(folded, [ATTRIBUTE_ASKED])]);
  // « Quel temps fera-t-il ? » asks the weather, not a time
  const withKind = conceptsOf(question.replace(WEATHER_ASKED, "$1météo").replace(WEATHER_AFTER, "$1météo")).filter((c) => !said.has(c.word));
  // (a capitalised noun is a name: "What was Title 42…"; a language is none)
  const concepts = withKind
    .filter((c) => !kindNouns.has(c.word) || (c.entity && !LANGUAGE.test(c.word)))
    // (the weather asked is found in the words that tell it: « fortes pluies », « temps froid »)
    .map((c): Concept => (askedThings.has(c.word) ? { ...c, asked: true, ...(WEATHER_WORDS.has(c.word) ? { stems: [...new Set([...c.stems, ...WEATHER_STEMS])] } : {}) } : c));
  const lastUser = [...history].reverse().find((t) => t.role === "user");
  const lastAssistant = [...history].reverse().find((t) => t.role === "assistant");
  // (the kind asked counts here: « Quel était le sujet de la conférence ? » asks of its own)
  const followUp = lastUser !== undefined && (options.followUp ?? (withKind.length <= 1 || FOLLOW_UP_CUE.test(folded) || pointing.size > 0));
  // the conversation's subject: its last question, and the one before when the last says little
  const subject = subjectOf(history.filter((t) => t.role === "user").map((t) => t.content));
  const context = followUp ? [subject, (lastAssistant?.content ?? "").slice(0, 400)].join(" ") : "";
  const contextConcepts = followUp ? conceptsOf(subject) : [];
  const translations = distinctStems([...frenchExpansion(`${question} ${followUp ? subject : ""}`).values()].flat());
  // the capital meant by « la capitale haïtienne » is searched by its name
  const capitals = capitalMeant(questionWords, placeAliases);
  const lexicalText = [question, context, translations.join(" "), ...capitals].join(" ").trim();
  const denseText = [question, followUp ? subject : "", translations.join(" ")].join(" ").trim();
  // a number joined to a name names it ("COVID-19", "G-20"): the release may name it otherwise
  const figures = requiredFigures(` ${words(question.replace(/\p{L}+-\d+/gu, " ")).join(" ")} `);
  // the question asked again: the last one of the conversation that said what it asked ("Et en 2018 ?" after "Et en 2017 ?")
  const elliptical = (text: string) => ELLIPTICAL.test(` ${wordsText(text)} `);
  const askedAgain = followUp && ELLIPTICAL.test(` ${folded} `) ? history.filter((t) => t.role === "user" && !elliptical(t.content)).at(-1)?.content : undefined;
  return { question, language, followUp, lexicalText, denseText, concepts, contextConcepts, intent, ...(askedAgain ? { askedAgain } : {}), smallTalk: isSmallTalk(question), personal: PERSONAL.test(` ${folded} `), opinion: asksOpinion(` ${folded} `), task: TASK.test(` ${folded} `), forecast: weather && FORECAST.test(` ${folded} `), figures };
}

/** One word per stem: inflections of a translation ("fourni", "fournis", "fournit") add nothing but weight. */
function distinctStems(ws: string[]): string[] {
  const seen = new Set<string>();
  return ws.filter((w) => {
    if (STOPWORDS.has(w)) return false;
    const s = stem(w);
    if (seen.has(s)) return false;
    seen.add(s);
    return true;
  });
}

/** The words of a text (folded, elisions removed) joined by spaces, for cue patterns. */
function wordsText(s: string): string {
  return words(s).join(" ");
}

/** Places in a town ("the office in Paris", « le bureau de l'OIM à Paris »), folded: not people stranded "in Tripoli", whom a release places « en Libye ». */
const INSTITUTIONS = new Set(["office", "offices", "bureau", "bureaux", "headquarters", "siege", "centre", "center", "embassy", "ambassade", "hospital", "hopital", "school", "ecole", "university", "universite", "airport", "aeroport", "museum", "musee", "hotel", "laboratoire", "laboratory"]);

/** Prepositions placing something in a town ("in Paris", « à Paris »), folded. */
const PLACE_BEFORE = new Set(["in", "at", "near", "a", "pres"]);

/** Content words of a text with their stems and the stems of their French translations. */
export function conceptsOf(text: string): Concept[] {
  const expansion = frenchExpansion(text);
  const names = entityWords(text);
  const folded = words(text).join(" ");
  const capitals = capitalPhrases(folded);
  const phrases = phraseSynonyms(folded);
  const places = new Map<string, string>();
  for (const p of placeMentions(text)) for (const w of p.words) if (!STOPWORDS.has(w)) places.set(w, p.french);
  const meant = capitalMeant(words(text), placeAliases);
  const seen = new Set<string>();
  const out: Concept[] = [];
  const all = words(text);
  for (const [i, w] of all.entries()) {
    if (STOPWORDS.has(w) || w.length < 2 || seen.has(w)) continue;
    // « week-end » is one word: its "end" is no end of anything
    if (w === "end" && all[i - 1] === "week") continue;
    seen.add(w);
    const stems = new Set([stem(w)]);
    for (const fr of expansion.get(w) ?? []) if (!STOPWORDS.has(fr)) stems.add(stem(fr));
    const related = new Set<string>();
    // a reader's word may stand for the release's ("somme" for "montant")
    if (!names.has(w)) for (const r of releaseWordsFor(w)) related.add(stem(r));
    // a capital may stand for its country, under any of its names ("Tokyo a accordé…", "Kuala Lumpur et Jakarta", Chișinău — Moldova)
    // (not a capital something is placed in: "the IOM office in Paris" is not one in France)
    const placed = i > 0 && PLACE_BEFORE.has(all[i - 1]!) && all.slice(Math.max(0, i - 5), i - 1).some((x) => INSTITUTIONS.has(x));
    for (const c of [...(placed ? [] : countryOf(w)), ...(capitals.get(w) ?? [])]) for (const name of [c, ...placeAliases(c)]) related.add(stem(name));
    // a phrase may stand for a release word ("tremblement de terre" for "séisme")
    for (const r of phrases.get(w) ?? []) related.add(stem(r));
    // a nationality may stand for its place ("acehnais" for "Aceh", "irakiennes" for "Irak")
    for (const base of placeOfAdjective(w)) related.add(stem(base));
    // « la capitale soudanaise » is Khartoum (a capital of several words, "port au prince", is only searched:
    // its words say little alone, "princ" would be « principal »)
    if (/^capitale?s?$/.test(w)) for (const capital of meant) if (!capital.includes(" ")) related.add(stem(capital));
    for (const r of stems) related.delete(r);
    const place = places.get(w);
    out.push({ word: w, stems: [...stems], entity: place ? "name" : (names.get(w) ?? null), ...(place ? { place } : {}), ...(related.size ? { related: [...related] } : {}), ...(placed && countryOf(w).length ? { town: true as const } : {}) });
  }
  return out;
}

/**
 * Folded words written as names: capitalised words not opening a sentence, acronyms, years.
 * Text in quotes (a title) does not count: titles are matched as a whole elsewhere.
 */
function entityWords(text: string): Map<string, EntityKind> {
  const out = new Map<string, EntityKind>();
  const unquoted = text.replace(/«[^»]*»|“[^”]*”|"[^"]*"/g, " . ");
  // a question in capitals, or without any, says nothing by its capitals: its names are the places it names
  const letters = unquoted.replace(/[^\p{L}]/gu, "");
  const capitals = letters.replace(/[^\p{Lu}]/gu, "").length;
  if (letters.length >= 12 && (capitals > 0.7 * letters.length || capitals === 0)) {
    const cities = capitalPhrases(words(unquoted).join(" "));
    for (const w of words(unquoted)) {
      if (/^(?:19|20)\d\d$/.test(w)) out.set(w, "year");
      else if (!STOPWORDS.has(w) && (isPlaceName(w) || countryOf(w).length || cities.has(w))) out.set(w, "name");
    }
    return out;
  }
  // words of a place name ("United States", "Central African Republic") are names, not institution words
  const placeWords = new Set(placeMentions(unquoted).flatMap((p) => p.words));
  let sentenceStart = true;
  let previous = "";
  let previousEnd = 0;
  let beforePrevious = "";
  // the word index of the last month read as a date, for « entre Janvier et Mars »
  let index = 0;
  let lastDate = -9;
  for (const m of unquoted.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*|[.!?:;]/gu)) {
    const raw = m[0];
    if (/^[.!?:;]$/.test(raw)) {
      sentenceStart = true;
      previous = "";
      beforePrevious = "";
      continue;
    }
    const token = raw.replace(/^(?:l|d|qu|j|n|s|c|m|t|jusqu|lorsqu)['’]/i, "");
    const acronym = /^\p{Lu}{2,}$/u.test(token);
    const year = /^(?:19|20)\d\d$/.test(token);
    const first = words(token)[0] ?? "";
    // a month some write in capitals is a date next to a day, a year or a word of time (« le 20 Mars
    // 2011 », « en Mars », « à partir d'Avril », « jusqu'en Mars », « au mois de Mars », « entre
    // Janvier et Mars »), not after « la Terre et »; an English month is always a date
    const frenchDate = () => {
      const after = previous.replace(/^.*['’]/, "").toLowerCase();
      const rest = unquoted.slice(m.index + raw.length);
      return (
        /^(?:\d.*|en|debut|début|fin|mi|depuis|mois|courant|entre|partir|avant|apres|après|pendant|durant|lors|cours|ici|au|in)$/.test(after) ||
        /^(?:d|jusqu)['’]/i.test(raw) ||
        /^jusqu['’]/i.test(previous) ||
        (after === "de" && /^(?:mois|debut|début|fin|courant|partir|cours|lors)$/i.test(beforePrevious)) ||
        (/^(?:et|ou|à|a)$/.test(after) && lastDate === index - 2) ||
        (/,\s*$/.test(unquoted.slice(previousEnd, m.index)) && lastDate === index - 1) ||
        /^\s*\d/.test(rest) ||
        // a month before another (« de Janvier à Mars », « Janvier, Février et Mars »)
        MONTH_NEXT.test(rest)
      );
    };
    // an English month, always written in capitals, is a date, never a name
    const date = ENGLISH_MONTHS.has(first) || (FRENCH_MONTHS.has(first) && frenchDate());
    if (date) lastDate = index;
    beforePrevious = previous;
    previous = raw;
    previousEnd = m.index + raw.length;
    index++;
    // a capitalised word opening a sentence is a name when it names a place ("Haïti : combien…")
    const name = /^\p{Lu}\p{Ll}/u.test(token) && (!sentenceStart || isPlaceName(first)) && !date;
    const kind: EntityKind | null =
      year ? "year" : acronym ? "acronym" : name && (!INSTITUTIONAL.has(first) || placeWords.has(first)) ? "name" : null;
    if (kind) for (const w of words(token)) out.set(w, kind);
    // the name after a title word in one hyphenated name ("Haut-Karabakh")
    else if (name) for (const part of token.split("-").slice(1)) if (/^\p{Lu}\p{Ll}/u.test(part) && !INSTITUTIONAL.has(words(part)[0] ?? "")) for (const w of words(part)) out.set(w, "name");
    sentenceStart = false;
  }
  return out;
}

/** Another month right after one (« Janvier à Mars », « Janvier, Février »). */
const MONTH_NEXT = new RegExp(`^\\s*(?:,|et|ou|à|au)\\s+(?:${MONTH_WORDS})(?![\\p{L}])`, "iu");

/** French months, folded: written in lower case, a capitalised one is a name (the planet Mars) unless a day or a year stands next to it. */
export const FRENCH_MONTHS: ReadonlySet<string> = new Set(["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"]);

/** Capitalised common nouns of institution names ("l'État", "Directeur général", "High-Level Dialogue"). */
const INSTITUTIONAL = new Set(
  (
    "etat etats gouvernement ministere ministre president presidente directeur directrice general generale secretaire " +
    "organisation organisme nations unies union republique royaume conseil commission bureau programme fonds sommet " +
    "conference dialogue forum agence haut haute commissaire commissariat journee internationale international nationale " +
    "national regional regionale mondial mondiale comite initiative projet rapport plan centre camp senatrice senateur " +
    "state states government ministry minister president director general secretary organization organisation nations " +
    "united union republic kingdom council commission office programme program fund summit conference dialogue forum " +
    "agency high level commissioner day international national regional world global committee initiative project " +
    "report plan center centre camp north south east west far senator chief mission ambassador deputy casques bleus casque " +
    "migration migrations response resource resources relief emergency assistance support services service development " +
    "cooperation protection management border partnership network platform framework strategy action facility unit " +
    "aide developpement sante gestion frontiere frontieres partenariat reseau plateforme cadre strategie unite intervention urgence secours"
  ).split(" "),
);

function intentOf(question: string): Intent {
  // a quoted title says what the question is about, not what it asks
  const q = wordsText(question.replace(/«[^»]*»|“[^”]*”|"[^"]*"/g, " "));
  if (/\b(resume\w*|resumer|summar\w*|de quoi parle|que dit|qu en est il|what does .* say|what is .* about|tell me about|parle[zr]? moi|en bref|in short)\b/.test(q)) return "summary";
  if (/\b(financ\w*|fund\w*|bankroll\w*|paie|paye|pays for|bailleur|donat\w*|sponsor\w*)\b/.test(q) || PAYING.test(q) || /^\W*(?:who|which \w+) (?:\w+ ){0,2}paid for\b/.test(q)) return "funding";
  if (/\b(contact\w*|joindre|email|e mail|telephone|phone)\b/.test(q)) return "contact";
  if (/\b(how long|combien de temps|quelle duree|duree|combien de jours|combien de semaines|combien de mois)\b/.test(q)) return "howLong";
  if (/\b(combien|how many|how much|nombre de|quel nombre|quel age|a quel age|how old|bilan|toll)\b/.test(q)) return "howMany";
  if (/\b(quand|when|quelle date|what date|date)\b/.test(q)) return "when";
  if (/\b(ou|where|dans quel pays|dans quelle ville|in which country|in which city)\b/.test(q)) return "where";
  if (/\b(qui|who|whom|quel organisme|quelle organisation|which organi[sz]ation)\b/.test(q)) return "who";
  return "what";
}

/** What one does for one's own case: apply, obtain, renew, go, stay, work… */
const PERSONAL_ACTS =
  "apply|get|obtain|renew|extend|go|travel|emigrate|immigrate|move|stay|work|bring|claim|request|demander|obtenir|avoir|renouveler|prolonger|partir|aller|emigrer|immigrer|voyager|rester|travailler|faire venir|deposer|regulariser|postuler|candidater";

/**
 * Requests for advice on one's own case: how-to in the first person or as a procedure ("quels
 * papiers faut-il fournir ?", "comment obtenir un visa ?"), one's own papers, the best country
 * to go to or product to buy.
 */
const PERSONAL = new RegExp(
  ` (?:(?:how do i|how can i|how should i|can i|should i|where can i|where do i|do i need to|am i allowed to|puis je|dois je|ou puis je|ou dois je|comment puis je|est ce que je peux|est ce que je dois|ai je le droit de|comment faire pour) (?:still |also |really |legally |actually |encore |aussi |vraiment )?(?:${PERSONAL_ACTS})` +
    "|comment (?:on |je |nous |tu |vous )?(?:fait|fais|faites|faire)(?: pour)? (?:une |la |sa |ma )?demande (?:d )?(?:asile|visa|naturalisation|regroupement|titre|permis)" +
    "|(?:paid|unpaid|remunere|remuneres) (?:internships?|stages?)|internships? (?:at|with|in)|(?:oim|iom|it|elle) (?:is hiring|prend (?:elle )?des stagiaires|takes? interns)|comment (?:on postule|postule t on)|how do (?:we|you) apply" +
    "|(?:conseiller|conseille|conseillez|recommander|recommande|recommandez|suggerer|suggere|recommend|suggest)(?: moi| me| nous| us)? (?:(?:un|une|des|quelques|a|an|some|de) )?(?:(?:bon|bonne|bons|bonnes|good|nice) )?(?:film|films|movie|movies|livre|livres|book|books|serie|series|restaurant|restaurants|hotel|hotels|musique|music|chanson|chansons|song|songs|podcast|podcasts|jeu|jeux|game|games|app|apps|application|applications|destination|destinations)" +
    "|(?:quels|quelles|what|which) (?:papiers|documents|pieces|justificatifs|formalites|demarches|papers|paperwork) (?:faut il|dois je|do i|do you need|does one need)" +
    "|faut il fournir|conditions (?:\\w+ ){0,2}obtention (?:du |de la |d )?(?:visa|passeport|titre de sejour|permis|asile|nationalite|statut de refugie)|(?:comment|how to|how (?:do|can) (?:you|one)|conditions (?:\\w+ ){0,3}?pour|requirements (?:for|to)) (?:obtenir|demander|renouveler|faire une demande(?: de)?|apply for|get|obtain|renew|applying for|getting|obtaining) (?:un |une |le |la |l |mon |ma |a |an |my |the )?(?:visa|passeport|titre de sejour|permis|asile|nationalite|carte de sejour|papiers|statut de refugie|passport|permit|asylum|residence|citizenship|green card|refugee status)" +
    "|(?:comment|how to|how (?:do|can) (?:you|one)) (?:postuler|candidater|apply)(?: (?:a|au|aux|pour|for|to) (?:un |une |le |la |l |an |a |the )?(?:stage|emploi|poste|job|internship|position|vacancy|offre))?(?= |$)" +
    "|(?:best|meilleure?) (?:time|season|month|period|place|places|saison|periode|moment|mois|epoque|endroit|endroits) (?:of (?:the )?year )?(?:to|pour) (?:visit|go|travel|stay|see|aller|visiter|voyager|partir|sejourner)|(?:quel|quelle|quels|quelles) (?:\\w+ ){1,2}choisir(?= $| pour (?:voyager|aller|partir|sejourner))|(?:en|pour les|partir en) vacances|on (?:holiday|vacation)|for (?:a |my |our )?(?:holiday|vacation)" +
    "|what should i do|que faire|que dois je faire|(?:mon|ma|mes|my) (?:visa|demande|dossier|titre|passeport|permis|papiers|application|passport|permit|case|papers|residence|sejour)|best country|meilleur pays|(?:quel|quelle) est (?:le|la) meilleure? (?:forfait|offre|application|appli|site|banque|assurance|compagnie aerienne|avocat)|(?:what|which) is the best (?:phone plan|mobile plan|deal|app|website|bank|insurance|airline|lawyer)) ",
);

/**
 * A text to write, not a question (« Rédige une lettre de motivation », "Write me a poem", "Tell
 * me a joke"), on folded words: the releases answer questions, they write nothing else (a
 * summary of a release is asked as one: « Résume le communiqué… »).
 */
const TASK = new RegExp(
  String.raw`^ (?:(?:bonjour|salut|hello|hi|hey|ok|merci|thanks|thank you) )*(?:(?:peux tu|pouvez vous|pourriez vous|tu peux|vous pouvez|can you|could you|would you|please|stp|svp) )?(?:(?:me|moi|nous|us) )?(?:(?:help|aider|aide) (?:me |moi |nous |us )?(?:to |a )?)?(?:redige|redigez|rediger|ecris|ecrivez|ecrire|compose|composez|write|draft|genere|generate|invente|inventez|cree|create|make|fais|faites|raconte|racontez|tell)(?: (?:me|moi|nous|us))? (?:[a-z]+ ){0,3}(?:lettre|lettres|letter|letters|poeme|poemes|poem|poems|poesie|haiku|email|emails|mail|mails|courriel|cv|essay|dissertation|chanson|song|blague|blagues|joke|jokes|discours|speech|code|script|fonction|function|tweet|tweets|recette|recipe|slogan)(?![a-z])| (?:comment (?:on dit|dit on|dire|traduire)|how (?:do you|do i|to|would you) say|traduis|traduisez|translate) `,
);

/**
 * The assistant's own opinion asked (« à votre avis », « qu'en pensez-vous », "in your opinion",
 * "do you think Europe should…"), on folded words: press releases give none.
 */
const OPINION =
  / (?:(?:tu|vous) (?:en )?(?:penses|pensez) quoi|(?:ton|votre) (?:avis|opinion) (?:personnel(?:le)? )?(?:sur|de|du|des)|que (?:pensez vous|penses tu)|qu en (?:pensez vous|penses tu)|in your (?:own |personal |honest )?(?:opinion|view)|your (?:own |personal |honest )?(?:opinion|view|point of view) (?:on|about|of)|what do you (?:personally )?think|do you (?:agree|support|like|prefer)|are you (?:for|against|in favou?r of)) /;

/** A softer way of asking the assistant's view (« à votre avis », « pensez-vous que », "do you think"): an opinion only on what should or will be, not on a fact. */
const OPINION_SOFT = / (?:a (?:ton|votre) avis|(?:pensez vous|penses tu|crois tu|croyez vous|trouvez vous|trouves tu) (?:que|qu)|do you (?:personally |honestly )?(?:think|believe|feel)) /;

/** Words of what should be or will be (« devrait », "should", « l'an prochain »), and question words asking a fact (« combien », "why"). */
const SHOULD = / (?:devrait|devraient|doit|doivent|faut il|faudrait|should|must|ought|good or bad|bon ou mauvais|une bonne chose|a good thing|better|mieux|worth|il y aura|y aura t il|will there be|l an prochain|next year|a l avenir|in the future|dans le futur) /;
const FACT_ASKED = / (?:combien|pourquoi|quand|quel|quels|quelle|quelles|how many|how much|why|when|which|what) /;

/** Whether folded words between spaces ask the assistant's own opinion (`OPINION`, or `OPINION_SOFT` of what should or will be and of no fact). */
function asksOpinion(spaced: string): boolean {
  return OPINION.test(spaced) || (OPINION_SOFT.test(spaced) && SHOULD.test(spaced) && !FACT_ASKED.test(spaced.replace(OPINION_SOFT, " ")));
}

/** Greetings, "how are you", wishes: what is left of small talk once they are taken out is nothing. */
const SMALL_TALK =
  /\b(?:bonjour|bonsoir|salut|coucou|hello|hi|hey|merci(?: beaucoup)?|thanks?(?: you)?(?: very much| a lot)?|comment (?:ca va|vas tu|allez vous|tu vas|vous allez)|ca va(?: bien)?|tu vas bien|vous allez bien|how are you(?: doing)?(?: today)?|how is it going|what up|(?:tu as|vous avez) passe (?:un |une )?(?:bon |bonne )?(?:week end|weekend|journee|soiree)|(?:bon|bonne) (?:week end|weekend|journee|soiree)|have a (?:nice|good) (?:day|weekend|week end)|did you have a (?:nice|good) (?:day|weekend|week end)|good (?:morning|evening|afternoon)|aujourd ?hui|today|toi|vous|et toi|and you)\b/g;

/** Whether a message is only small talk (no question about anything). */
export function isSmallTalk(question: string): boolean {
  const folded = ` ${words(question).join(" ")} `;
  // a fresh global pattern each time: no `lastIndex` left over from another call
  const pattern = new RegExp(SMALL_TALK.source, "g");
  const rest = folded.replace(pattern, " ").trim();
  return rest === "" && rest !== folded.trim();
}
