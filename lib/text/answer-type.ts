/**
 * What kind of value a question asks for ("combien d'enfants" → a count of children, "où et
 * quand" → a place and a date), and where values of that kind are in a sentence. Pure.
 */
import { frenchExpansion, isKnownPlace } from "./glossary";
import { fold, stem, wordsBefore, wordStarts, words } from "./normalize";
import { STOPWORDS } from "./stopwords";
import { terms } from "./analyze";
import { numbersOf } from "./numbers";

export type AnswerType = "count" | "amount" | "percent" | "age" | "duration" | "measure" | "time" | "date" | "place" | "person" | "organisation" | "title" | "reason";

export const ANSWER_TYPES: readonly AnswerType[] = ["count", "amount", "percent", "age", "duration", "measure", "time", "date", "place", "person", "organisation", "title", "reason"];

export interface AnswerSpec {
  /** Kinds of value asked, in the order of the question (two when it asks two things). */
  types: AnswerType[];
  /** Stems of what is counted ("combien d'enfants" → enfant), for counts of a part of a whole. */
  counted: string[];
  /**
   * When the question asks a second thing ("…, et combien…", "…and how old…"): the kinds of
   * value of each part (none for an untyped part such as "et quel projet").
   */
  parts: { first: AnswerType[]; second: AnswerType[]; secondStems?: string[] } | null;
}

/** Phrases for paying that ask who funds (« met la main au portefeuille », « la main à la poche », "footed the bill", "covered the cost"), on folded words. */
export const PAYING = /\b(?:main (?:au portefeuille|a la poche)|foot\w* the bill|pick\w* up the (?:bill|tab)|cover\w* the costs?)\b/;

/** Roles and people asked for by name ("quel ministre", « quel Premier ministre » read « quel 1e ministre », "which IOM chief of mission", "quels artistes"). */
const ROLES_ASKED =
  "(?:quel|quels) (?:est |etait |sont )?(?:le |les |son |leur )?(?:prenom|prenoms)|(?:what|which) (?:is |was |are )?(?:the |his |her |their )?first names?|(?:comment (?:s )?appel\\w* (?:l |le |la |the )?(?:\\w+ ){0,2}|(?:quel est le nom|nom|what is the name|name) (?:du |de la |de l |d |of the |of )?(?:(?:iom|oim|un|unhcr|hcr|deputy|adjoint|adjointe|regional|regionale|national|nationale|new|nouveau|nouvelle) ){0,2})(?:directeur|directrice|ministre|chef(?! lieu)|cheffe|president\\w*|gouverneur|maire|ambassadeur|ambassadrice|coordinat\\w*|representant\\w*|porte parole|secretaire|commissaire|minister|director|governor|mayor|ambassador|chief|head of (?:state|government|mission|office)|spokesperson|secretary|commissioner)|quel responsable|quelle personnalite|quel ministre|(?:quel|quelle) (?:1e|1er|1re) ministre|quel directeur|quelle directrice|quel chef|porte parole|which official|which minister|spokesperson|(?:quel|quels|quelle|quelles) (?:artistes?|chanteurs?|chanteuses?|musiciens?|personnalites)|(?:which|what) (?!(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could)\\b)(?:\\w+ ){0,2}(?:artists?|singers?|musicians?|officials?|ministers?|chiefs? of mission|heads? of (?:state|government|mission|office)|director general|directors? general|spokesperson|representative|coordinator|ambassador|envoy)";

/** Phrases asking a date, besides a bare "when" / « quand » (on folded words). */
const DATE_PHRASES = "quelle date|quelles dates|date exacte|dates exactes|exact date|exact dates|quel jour|quel mois|what month|which month|en quelle annee|quelle annee|depuis quand|a quand|what dates?|which dates?|what day|which year|what year|since when|until when";

/** Question cues of each kind, on folded words (quoted titles removed; elided particles are gone: "combien d'argent" reads "combien argent"). */
const CUES: [AnswerType, RegExp][] = [
  ["percent", /\b(pourcentage|quelle proportion|quelle part|percentage|what share|what proportion|what percent|quel taux de participation)\b/],
  ["amount", /\b(quel montant|montant|quelle somme|what sum|quelle est (?:l )?enveloppe|quelle enveloppe|combien argent|combien de dollars|combien euros|combien a coute|combien ont coute|combien coute|combien coutent|combien coutera|combien couteront|(?:coute|coutent|coutera|couteront|couter|coutait|coutaient) combien|quel salaire|quels salaires|combien gagne\w*|what salary|what wage|how much (?:do|does|did|will) .* (?:earn|get paid|make\b(?! (?:progress|difference|up|sure|sense)\b))|how much money|how much funding|how much did .* (cost|contribute|provide|give|donate|fund)|how much (?:is|are|was|were|did|does|do|will|has|have)(?: \w+){0,4} (?:pay|paying|paid|spend|spending|spent|invest|investing|invested|contributing|contributed|donating|donated|giving|gave|allocat\w*|pledg\w*|commit\w*)|how much will|what amount|budget|cout|(?<!cover\w* the )cost)\b/],
  ["age", /\b(quel age|a quel age|age de|how old|what age|at what age)\b/],
  ["duration", /\b(combien de temps|quelle duree|duree|combien de jours|combien de semaines|combien de mois|combien annees|how long(?! is the (?:border|river|coast|coastline|wall|fence)\b)(?!.*\bin (?:kilometres|kilometers|km|miles|metres|meters)\b)|how many (days|weeks|months|years))\b/],
  ["measure", /\b(how long\b.*\bin (?:kilometres|kilometers|km|miles|metres|meters)|how long is the (?:border|river|coast|coastline|wall|fence)|(?:quelle|what) (?:(?:etait|est|a ete|was|is) )?(?:la |the )?magnitude|magnitude (?:of|du|de l)|superficie|quelle surface|quelle taille|quelle est la taille|quel poids|quel est le poids|quelle distance|quelle est la distance|a quelle distance|combien de (?:tonnes|hectares|kilometres|km|metres|litres|kilos)|how large|how big|how heavy|how far|what size|what area|how many (?:tonnes|tons|hectares|acres|kilometres|kilometers|miles|litres|liters))\b/],
  ["count", /\b(combien|nombre|how many|number of|how much|(?:quelle|what) (?:(?:est|etait|is|was) (?:la |the )?|the )(?:\w+ )?population|bilan (?:des morts|humain|des victimes|s eleve)|death toll|toll)\b/],
  ["time", /\b(a quelle heure|quelle heure|what time|heure)\b/],
  ["date", new RegExp(`\\b(quand|when|${DATE_PHRASES})\\b`)],
  ["place", /\b(ou|d ou|where|quel pays|quels pays|quelle ville|quelles villes|quelle region|quelles regions|quelle zone|quelles zones|quelle province|quelles provinces|quel port|quel lieu|quels lieux|quelle localite|dans quel|dans quelle|vers quel|which countr\w*|which cit\w*|which states?|which regions?|which areas?(?! of (?:cooperation|work|focus|intervention|activit\w*|concern|expertise|interest|support|action|collaboration|partnership|research|policy|law))|which provinces?|which port|which town|what countr\w*|what cit\w*|from where|destination|quelles? nationalites?|(?:what|which) nationalit\w*|(?:quel|quels|quelle|quelles) (?:villes?|districts?|municipalites?|communes?|villages?|departements?|gouvernorats?|localites?|camps?|iles?|etats?)|(?:which|what) (?:\w+ )?(?:countr\w*|cities|city|towns?|districts?|municipalit\w*|villages?|provinces?|regions?|states?|islands?|camps?|ports?|departments?|governorates?|locations?))\b/],
  // (not « titre de séjour », « à quel titre »)
  ["title", /\b((?<!(?:a quel|au|a ce|a) )titre(?! de (?:sejour|voyage|voyages|transport|propriete|refugie)\b| provisoire\b)|slogan|devise|mot d ordre|theme|motto|theme of|hashtag|intitule\w*|comment (?:s )?appel\w*|nom du|nom de la|nom des|noms des|quel nom|quels noms|name of|names of|what is the name|what was the name|what were the names|called|title|named|entitled)\b/],
  ["organisation", new RegExp(String.raw`\b(quel organisme|quels organismes|quelle organisation|quelles organisations|quelle agence|quelles agences|quel partenaire|quels partenaires|(?:quel|quels|quelle|quelles) (?:est|sont|etait|etaient|ont ete) (?:le |la |les )?(?:partenaires?|organismes?|organisations?|agences?|donateurs?|bailleurs?)|(?:who|what|which) (?:is|are|was|were) (?:the |its |their )?(?:partners?|donors?|organi[sz]ations?|agencies)|quelle entreprise|quel groupe arme|quels groupes armes|(?:which|what) armed groups?|quel gouvernement|quel donateur|quels donateurs|avec qui|aupres de qui|bailleur\w*|donateur\w*|which organi[sz]ations?|which agenc\w*|which partners?|which company|which government|which donors?|what organi[sz]ation|donor\w*|quel\w* (?:source de )?financements?|(?:qui|who|(?:quel|quels|quelle|quelles|which|what) (?:pays|gouvernement|donateur\w*|bailleur\w*|organisme\w*|organisation\w*|agence\w*|partenaire\w*|institution\w*|country|countries|government\w*|donor\w*|organi[sz]ation\w*|agenc\w*|partner\w*|institution\w*))(?: \w+){0,3} (?:financ\w*|fund\w*|bankroll\w*|sponsor\w*|paie|paye|paid|pays for|pay for|${PAYING.source}))\b`)],
  ["person", new RegExp(`\\b(?:qui|who|whom|${ROLES_ASKED})\\b`)],
  ["reason", /\b(quelle (?:a ete |est |etait )?(?:la )?cause|quelles (?:ont ete |sont |etaient )?(?:les )?causes|what (?:is|was|were) the (?:cause|causes)|pourquoi|pour quelle raison|quelle raison|quelles raisons|a cause de quoi|why|for what reason|what caused|what led)\b/],
];

/** « Combien » with no noun counted, and a verb of giving money with no noun after it, on folded text with its elisions. */
const MONEY_GIVEN =
  /\bcombien\s+(?!de\s|d['’]|des\s|du\s)(?:[\w'’-]+\s+){0,4}?(?:a-t-il|a-t-elle|ont-ils|ont-elles|a|ont|avait|avaient)\s+(?:verse|donne|alloue|debloque|accorde|contribue|depense|debourse|paye|paie|investi|leve|recolte|mobilise)e?s?\b(?!\s+(?:de|des|du)\b|\s+d['’])/;

/** A person asked by a role (« quel ministre », "which official", "the name of the director"), on folded words. */
const ROLE_ASKED = new RegExp(`\\b(?:${ROLES_ASKED})\\b`);

/** "Official" as an adjective of a thing ("which official body", "official figures"), on folded words: no person's role. */
const OFFICIAL_THING = /\bofficial (?:body|bodies|agenc\w*|institution\w*|organi[sz]ation\w*|figures?|data|documents?|statistics|websites?|sites?|languages?|visits?|names?|titles?|reports?|estimates?|channels?|sources?|partners?)\b/;

/** "qui"/"who" asking for someone: opening the question, after a preposition, or before "est/was…"; or a role asked. */
const PERSON_ASKED = new RegExp(`^ (?:(?:by the way|au fait|thanks|thank you|merci|ok|okay|sinon|et sinon|also|aussi) )?(?:\\w+ ){0,2}(?:qui|who|whom) |\\b(?:par|avec|de|a|pour|aupres de|by|with|to|for) (?:qui|whom) |\\b(?:${ROLES_ASKED})\\b`);

/** "who" or "which" asking who pays: the funding verb follows within three words. */
const FUNDER_ASKED = new RegExp(String.raw`\b(?:qui|who|(?:quel|quels|quelle|quelles|which|what) (?:pays|gouvernement|donateur\w*|bailleur\w*|organisme\w*|organisation\w*|agence\w*|partenaire\w*|institution\w*|country|countries|government\w*|donor\w*|organi[sz]ation\w*|agenc\w*|partner\w*|institution\w*))(?: \w+){0,3} (?:financ\w*|fund\w*|bankroll\w*|sponsor\w*|paie|paye|paid|pays for|pay for|${PAYING.source})|\b(?:bailleur\w*|donateur\w*|donor\w*)\b|\bquel\w* (?:source de )?financements?\b`);

/** A question opening on another question word with "when" or « quand » later, not joined to it ("…, and when"), on folded words. */
const SUBORDINATE_WHEN = /^ (?:\w+ )?(?:which|what|who|whom|how|where|why|quel|quels|quelle|quelles|qui|combien|comment|pourquoi)\b(?:(?! (?:and|et|or|ou|since|until|depuis|a|jusqu) (?:when|quand) ).)* (?:when|quand) /;

/** Date cues other than a bare "when" / « quand » (and "the date when…"). */
const OTHER_DATE = new RegExp(`\\b(?:the date|la date|${DATE_PHRASES})\\b`);

/**
 * Whether every "when" / « quand » of a message opens a clause after another question word of
 * its sentence ("Which areas were families fleeing when IOM sent…"), none asks a date of its
 * own (« Qui a signé l'accord, quand et où ? », "… ? When was it signed?").
 */
function whenSubordinate(raw: string): boolean {
  let any = false;
  for (const part of raw.split(/[?;!]|\.\s+(?=\p{Lu})/u)) {
    const q = ` ${words(part).join(" ")} `;
    if (!/ (?:when|quand) /.test(q)) continue;
    any = true;
    // « …, quand et où ? », « …, et quand ? » ask one; « …, quand Boko Haram a attaqué ? » opens a clause
    if (!SUBORDINATE_WHEN.test(q) || / (?:when|quand) (?:and|et|or|ou) /.test(q) || /,\s*(?:when|quand)\s*$/iu.test(part.trim())) return false;
  }
  return any;
}

/** Reads the kinds of value a question asks for. */
export function answerSpec(question: string): AnswerSpec {
  const raw = question.replace(/«[^»]*»|“[^”]*”|"[^"]*"/g, " ");
  const q = ` ${words(raw).join(" ")} `;
  const found: { type: AnswerType; at: number }[] = [];
  for (const [type, cue] of CUES) {
    // "ou" is "or" as often as "where": only the accented "où" asks for a place
    // « Combien le Canada a-t-il versé… » is money; « Combien d'ambulances le Japon a-t-il données » is not
    const m = type === "place" ? placeCue(raw, q) : (cue.exec(q)?.index ?? (type === "amount" && MONEY_GIVEN.test(fold(raw)) ? q.indexOf(" combien ") : null));
    if (m === null) continue;
    // a duration, an age or an amount is a number too: not also a plain count
    if (type === "count" && found.some((f) => ["amount", "age", "duration", "percent", "measure"].includes(f.type))) continue;
    // "qui" after a noun is a relative pronoun ("les migrants qui…"), not "who"
    if (type === "person" && !PERSON_ASKED.test(q)) continue;
    // "when" after another question word opens a clause ("Which areas were families fleeing when IOM sent…"), it asks no date
    if (type === "date" && !OTHER_DATE.test(q) && whenSubordinate(raw)) continue;
    found.push({ type, at: m });
  }
  // who funds is an organisation, not a person ("Qui a financé…", not "Qui a présidé… financé par le Japon")
  if (found.some((f) => f.type === "organisation") && found.some((f) => f.type === "person") && FUNDER_ASKED.test(q)) {
    found.splice(found.findIndex((f) => f.type === "person"), 1);
  }
  const types = found.sort((a, b) => a.at - b.at).map((f) => f.type);
  return { types, counted: types.includes("count") ? countedStems(q) : [], parts: partsOf(raw) };
}

/** Forms of « avoir », « être », "have", "be", "do": no word of their own ("…, et combien y en a-t-il eu en 2017 ?"). */
const AUXILIARIES = new Set(words("eu eue eus eues ete etait etaient avait avaient sont ont est sera seront been was were had has have did does do is are will would"));

/** Question words, which name nothing a sentence holds. */
const QUESTION_WORDS = new Set(words("combien quel quels quelle quelles où ou quand qui comment pourquoi how many much what which where when who whom why"));

/** The kinds of value of two questions joined by "et"/"and" ("où est-il mort, et à quel âge ?"), or null. */
function partsOf(raw: string): AnswerSpec["parts"] {
  const m = /(?:,\s*|\s)(?:et|and)\s+((?:(?:à|a|de|en|dans|par|pour|avec|in|at|to|from|for|with|by)\s+)?(?:combien|quel|quelle|quels|quelles|où|quand|qui|comment|pourquoi|how|what|which|where|when|who|whom|why)(?!\p{L}).*)$/iu.exec(raw);
  if (!m) return null;
  // the words only the second question has ("…, et combien à la même date en 2016 ?": "2016"),
  // with their French words: a sentence holding them answers it rather than the first
  const firstStems = new Set(terms(raw.slice(0, m.index)));
  const expansion = frenchExpansion(m[1]!);
  const secondStems = words(m[1]!)
    .filter((w) => !STOPWORDS.has(w) && !QUESTION_WORDS.has(w) && !AUXILIARIES.has(w) && (w.length > 1 || /\d/.test(w)))
    .flatMap((w) => [w, ...(expansion.get(w) ?? [])].map(stem))
    .filter((st) => !firstStems.has(st));
  return { first: answerSpec(raw.slice(0, m.index)).types, second: answerSpec(m[1]!).types, secondStems: [...new Set(secondStems)] };
}

function placeCue(raw: string, q: string): number | null {
  const where = /(?:^|[\s,;:(])(où|d['’]où|jusqu['’]où)(?=[\s,?;:]|$)/i.exec(raw);
  const m = CUES.find(([t]) => t === "place")![1].exec(q.replace(/\bou\b/g, " "));
  if (where) return Math.min(where.index / Math.max(1, raw.length) * q.length, m?.index ?? Infinity);
  return m ? m.index : null;
}

/** The noun counted after "combien de", "nombre de", "how many", with its French translations; the dead of a death toll. */
function countedStems(q: string): string[] {
  const m = /\b(?:combien(?: de| d)?|nombre(?: de| d)|how many|number of)\s+((?:\w+\s+){0,2}\w+)/.exec(q);
  if (!m) return /\b(?:death toll|toll|bilan (?:des morts|humain|des victimes|s eleve))\b/.test(q) ? ["mort", "dec", "victim", "tue"] : [];
  const after = m[1]!.split(" ").filter((w) => !STOPWORDS.has(w) && !/^(?:au|total|ont|a|sont|have|has|were|are|did|do|does|ete|personnes?)$/.test(w));
  const noun = after[0];
  if (!noun) return [];
  const stems = new Set([stem(noun)]);
  for (const fr of frenchExpansion(noun).get(noun) ?? []) stems.add(stem(fr));
  return [...stems];
}

/** A value of the asked kind found in a sentence: its text and its word index. */
export interface TypeMatch {
  text: string;
  word: number;
}

/** Months in French and English, for patterns. */
export const MONTH_WORDS = "janvier|fevrier|février|mars|avril|mai|juin|juillet|aout|août|septembre|octobre|novembre|decembre|décembre|january|february|march|april|may|june|july|august|september|october|november|december";
/** Months that are not also common English words ("may", "march"): alone, they are dates. */
const LONE_MONTHS = MONTH_WORDS.replace("|march|", "|").replace("|may|", "|");
const NUMBER_WORD = "moitié|tiers|quart|quarts|millier|milliers|centaine|centaines|dizaine|dizaines|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|cents|mille|million|millions|milliard|milliards|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|hundreds|thousand|thousands";
/** A number: digits with thousands groups ("1 200 000", "12.500") and a decimal part ("1,5"), or in words ("un millier", not the article "un" alone). */
const NUMBER = `(?:\\d{1,3}(?:[\\s  .]\\d{3})+(?:,\\d+)?|\\d+(?:[.,]\\d+)?|(?:(?:un|une|a)\\s+)?(?:${NUMBER_WORD})(?:[-\\s](?:${NUMBER_WORD}))*)`;
const CURRENCY = "dollars?|usd|us\\$|\\$|euros?|eur|€|francs?|chf|fcfa|cfa|livres?|£|yens?|shillings?|roupies?|takas?|couronnes?|nairas?|dirhams?|pesos?";
const CAP = "\\p{Lu}[\\p{L}'’-]+";
/** Word boundaries that know accented letters (JavaScript's \\b does not). */
const B = "(?<![\\p{L}\\d])";
const E = "(?![\\p{L}\\d])";
const ROLE =
  "directeur|directrice|ministre|chef|cheffe|porte-parole|ambassadeur|ambassadrice|président|présidente|secrétaire|coordinateur|coordinatrice|représentant|représentante|responsable|maire|gouverneur|commissaire|fondateur|fondatrice|conseiller|conseillère|administrateur|administratrice|envoyé|envoyée|directeur général|director|minister|chief|spokesperson|ambassador|president|secretary|coordinator|representative|head|mayor|governor|commissioner|founder";

/** Who a share in words counts (« un migrant irrégulier sur cinq », "one in three children"). */
const SHARED = "migrants?|personnes?|enfants?|réfugiés?|réfugiées?|ménages?|familles?|femmes?|hommes?|jeunes|déplacés?|habitants?|travailleurs?|people|persons?|children|refugees?|households?|families|women|men|workers?";
/** Words after a number that make « sur deux jours », "in three days" no share. */
const UNITS = "jours?|semaines?|mois|ans|années?|heures?|minutes?|days?|weeks?|months?|years?|hours?|minutes?";

const DETECTORS: Record<AnswerType, RegExp> = {
  // a number joined to a name by a hyphen names it, it counts nothing ("COVID-19", "G-7")
  count: new RegExp(`${B}(?<!\\p{L}-)${NUMBER}${E}`, "giu"),
  // "Budget Amount (USD) : 300000.00": the currency of a field before its value
  amount: new RegExp(`(?:${B}(?:${CURRENCY})\\)?\\s?:?\\s?${NUMBER}|${NUMBER}\\s?(?:de |d')?(?:millions? |milliards? |million |billion )?(?:de |d')?${B}(?:${CURRENCY}))(?![\\p{L}])`, "giu"),
  // a share in words: « plus d'un migrant sur cinq », « la moitié », "one in three", "two-thirds"
  percent: new RegExp(
    `${NUMBER}\\s?(?:%|pour\\s?cent|per\\s?cent|percent)|${B}(?:un|une|deux|trois|quatre)\\s+(?:(?:${SHARED})\\s+(?:[\\p{L}'’-]+\\s+)?)?sur\\s+(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix)${E}(?!\\s+(?:${UNITS}))|${B}(?:one|two|three|four)\\s+(?:(?:${SHARED})\\s+(?:[\\p{L}'’-]+\\s+)?)?(?:in|out of)\\s+(?:two|three|four|five|six|seven|eight|nine|ten)${E}(?!\\s+(?:${UNITS}))|${B}(?:la moitié|un tiers|deux tiers|trois quarts|half of|a third of|two[- ]thirds of|a quarter of|three[- ]quarters of)${E}`,
    "giu",
  ),
  // "il y a trois ans", « depuis deux ans » say how long ago or how long, not how old
  age: new RegExp(`(?<!${B}(?:il y a|il y|depuis|pendant|durant|dans|après|en|voici|au bout de)\\s+)(?<![\\p{L}\\d-])${NUMBER}\\s?ans${E}|${NUMBER}[-\\s]years?[-\\s]old|${B}âgée?s? de ${NUMBER}|${B}aged ${NUMBER}`, "giu"),
  duration: new RegExp(`${NUMBER}\\s+(?:jours?|semaines?|mois|ans|années|heures|minutes|days?|weeks?|months?|years?|hours?)${E}|${B}durée${E}`, "giu"),
  measure: new RegExp(`${B}magnitude (?:de )?\\d+(?:[.,]\\d)?${E}|${B}\\d+(?:[.,]\\d)?(?: degrés)? sur l['’]échelle de Richter|${NUMBER}\\s?(?:de |d['’])?(?:hectares?|ha|km²|km2|km|kilomètres?(?: carrés)?|kilometres?|kilometers?|miles?|mètres?(?: carrés)?|m²|m2|acres?|tonnes?|tons?|kg|kilos?|kilogrammes?|litres?|liters?)${E}`, "giu"),
  time: new RegExp(`${B}\\d{1,2}\\s?h\\s?(?:\\d\\d)?${E}|${B}\\d{1,2}[:.]\\d\\d${E}|${B}\\d{1,2}\\s?(?:heures|a\\.m\\.|p\\.m\\.|am|pm)${E}|${B}(?:midi|minuit|matin|soir|après-midi|morning|evening|afternoon|noon)${E}`, "giu"),
  date: new RegExp(
    `${B}\\d{1,2}(?:er)?\\s+(?:${MONTH_WORDS})(?:\\s+(?:19|20)\\d\\d)?${E}|${B}(?:${MONTH_WORDS})\\s+\\d{1,2}(?:,?\\s+(?:19|20)\\d\\d)?${E}|${B}(?:${MONTH_WORDS})\\s+(?:19|20)\\d\\d${E}|${B}(?:${LONE_MONTHS})${E}|${B}(?:19|20)\\d\\d${E}|${B}(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|hier|aujourd.hui|demain|yesterday|today|tomorrow)${E}`,
    "giu",
  ),
  place: new RegExp(`${B}(?:à|au|aux|en|dans|vers|depuis|de|du|des|d'|par|via|in|at|to|from|near|through|près de)\\s+(?:l['’]|la |le |les |the )?${CAP}(?:[\\s-](?:de |du |d')?${CAP})*`, "gu"),
  // a first and last name run together by the page's text ("le gouverneur de Bangkok, AswinKwanmuang") after a role
  person: new RegExp(
    `(?:${B}(?:${ROLE})${E}[^.;,]{0,60}?,?\\s+)?${CAP}\\s+(?:(?:de |du |da |van |von |al-|el-|ben |bin )?${CAP})(?:\\s+${CAP})?|${B}(?:M\\.|Mme|Dr|Mr\\.?|Mrs\\.?|Ms\\.?)\\s+${CAP}|${B}(?:${ROLE})${E}[^.;]{0,60}?,?\\s+\\p{Lu}\\p{Ll}{2,}\\p{Lu}\\p{Ll}{2,}${E}`,
    "gu",
  ),
  organisation: new RegExp(`${B}\\p{Lu}{2,}${E}|${B}(?:gouvernement|ministère|fonds|agence|union|organisation|bureau|fondation|banque|programme|département|commission|société|government|ministry|fund|agency|foundation|bank|department|embassy|ambassade)\\s+(?:d[eu']\\s?|de la |des |of |of the |for )?(?:l['’])?${CAP}|${B}(?:Union|Commission|Banque|Fonds|Ministère|Gouvernement|Agence|Fondation)\\s+${CAP}`, "gu"),
  // a title after « intitulé », "entitled", unquoted (« le rapport intitulé Migration, environnement et changement climatique : évaluer les données »)
  title: new RegExp(`«[^»]{2,160}»|“[^”]{2,160}”|"[^"]{2,160}"|‘[^’]{2,160}’|(?<=(?<![lL]['’])${B}(?:intitulée?s?|entitled)\\s(?:[«“"]\\s?)?)(?=\\p{Lu})[^.;]{2,120}|(?<!^)${CAP}(?:\\s+(?:of |de |du |des |d')?${CAP})+`, "gu"),
  reason: new RegExp(`${B}(?:parce qu|car${E}|en raison d|à cause d|des suites d|à la suite d|causée?s? par|provoquée?s? par|déclenchée?s? par|dûe?s? à|due?s? à|à l['’]origine d|liée?s? à|caused by|triggered by|the result of|afin d|afin que|pour (?:faire face|répondre|aider|lutter|permettre|réduire|éviter|protéger|renforcer)|suite à|grâce à|due to|because|in order to|as a result|owing to|so that|following)`, "giu"),
};

/** Day and month written with a slash ("05/09", "20-24/11", "22-23/05/2019"). */
const SLASH_DATE = /(?<![\p{L}\d])\d{1,2}(?:-\d{1,2})?\/\d{1,2}(?:\/\d{2,4})?(?![\p{L}\d])/gu;

/** A day with its month ("3 et 4 octobre", "le 15 août", "October 3"), or a slash date ("20-24/11"): more than a year. */
const PRECISE_DATE = new RegExp(`${B}\\d{1,2}(?:er)?(?:\\s*(?:-|–|et|and|au|to)\\s*\\d{1,2}(?:er)?)?\\s+(?:${MONTH_WORDS})${E}|${B}(?:${MONTH_WORDS})\\s+\\d{1,2}${E}|${SLASH_DATE.source}`, "iu");

/** Whether a sentence gives a day, not only a year or a month. */
export function hasPreciseDate(sentence: string): boolean {
  return PRECISE_DATE.test(sentence);
}

/** Acronyms of countries, folded: places, not organisations. */
export const PLACE_ACRONYMS: ReadonlySet<string> = new Set(["rca", "rdc", "rd", "drc", "car", "usa", "us", "uk", "eau", "uae", "rdp", "lao"]);

/** Characters of a sentence searched for values (bounds the work on a run-on "sentence"). */
const MAX_SENTENCE = 2000;

/**
 * Values of a kind in a sentence that the question does not already contain (a question naming
 * "2019" is not answered by the "2019" of a sentence). `questionWords`: the question's folded
 * words between spaces, with a space at each end.
 */
export function typeMatches(sentence: string, type: AnswerType, questionWords: string): TypeMatch[] {
  const text = sentence.length > MAX_SENTENCE ? sentence.slice(0, MAX_SENTENCE) : sentence;
  const out: TypeMatch[] = [];
  // "who" is answered by an organisation as often as by a person ("Qui a élaboré… ?" — "le CIF")
  // (a role asked, "Which Senegalese official…", « Quel ministre… », is a person's)
  const detectors = type === "person" ? (ROLE_ASKED.test(questionWords) && !OFFICIAL_THING.test(questionWords) ? [DETECTORS.person] : [DETECTORS.person, DETECTORS.organisation]) : [DETECTORS[type]];
  let starts: number[] | null = null;
  let notCounts: [number, number][] | undefined;
  let questionNumbers: Set<string> | undefined;
  for (const m of detectors.flatMap((d) => [...text.matchAll(d)])) {
    const found = words(m[0].replace(/^(?:à|au|aux|en|dans|vers|depuis|de|du|des|d['’]|par|via|in|at|to|from|near|through|près de)\s+(?:l['’]|la |le |les |the )?/iu, "")).join(" ");
    if (!found || questionWords.includes(` ${found} `)) continue;
    // nor a number the question gives, written otherwise (« Cent soixante migrants » for "160 migrants")
    if (type === "count" && /\p{L}/u.test(found) && [...numbersOf(` ${found} `)].some((n) => Number(n) > 10 && (questionNumbers ??= numbersOf(questionWords)).has(n))) continue;
    // a title the question gives, however far the text after « intitulé » runs ("the book Small Victories")
    if (type === "title" && !/^[«“"‘]/.test(m[0]) && questionWords.includes(` ${found.split(" ").slice(0, 2).join(" ")} `) && found.includes(" ")) continue;
    // the acronym of a country is no organisation ("RCA", "RDC")
    if ((type === "person" || type === "organisation") && PLACE_ACRONYMS.has(found)) continue;
    // a place named in capitals is no person ("Central African Republic")
    if (type === "person" && m[0].split(/\s+/).length > 1 && words(found).every((w) => isKnownPlace(w) || STOPWORDS.has(w))) continue;
    // a year is rarely the count asked ("les 3 pays" is; "2019" is not; "2 000" is a count)
    if (type === "count" && /^(?:19|20)\d\d$/.test(m[0].trim())) continue;
    // nor a number of a date, an age, a duration or an hour ("(05/09)", "15 août", "huit ans", "4h45")
    if (type === "count" && (notCounts ??= spansOf(text, [DETECTORS.date, DETECTORS.duration, DETECTORS.age, DETECTORS.time, SLASH_DATE])).some(([a, b]) => m.index < b && m.index + m[0].length > a)) continue;
    starts ??= wordStarts(text);
    out.push({ text: m[0], word: wordsBefore(starts, m.index) });
  }
  return out;
}

/** Where the matches of some patterns stand in a text (start and end offsets). */
function spansOf(text: string, patterns: RegExp[]): [number, number][] {
  return patterns.flatMap((p) => [...text.matchAll(p)].map((m): [number, number] => [m.index, m.index + m[0].length]));
}
