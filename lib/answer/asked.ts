/**
 * What a question asks for, held by a release or not: the kinds of value a release must hold to
 * answer, and the rest of the best release, read for a value the quoted sentences lack. Pure.
 */
import { splitSentences, type Span } from "../ingest/sentences";
import { hasPreciseDate, MONTH_WORDS, typeMatches, type AnswerSpec, type AnswerType } from "../text/answer-type";
import { fold, stem, words, wordsBefore, wordStarts } from "../text/normalize";
import { frenchExpansion, isKnownPlace, isPlaceName, placeAliases } from "../text/glossary";
import { capitalsOf, countryOf } from "../text/places";
import type { QueryAnalysis } from "../text/query";
import { STOPWORDS } from "../text/stopwords";
import type { Passage } from "../types";
import type { IdfOf } from "./coverage";
import { FUNDING } from "./features";
import { kindAsked, knownStems, mentionsKind, namesKind, namesPerson, namesTown, ON_BEHALF, type KindAsked } from "./named";
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
 * training?"), a measure ("Quelle était la magnitude du séisme ?"), an age, a cause named as
 * such, an hour, a percentage, often stated in a short sentence apart from the question's words
 * ("La parcelle de 5 hectares…").
 */
const ANYWHERE_TYPES: readonly AnswerType[] = ["duration", "measure", "age", "reason", "time", "percent", "title"];

/**
 * How a question asks those kinds for the release to have to hold them, on folded words: a
 * measure in its unit or dimension ("how big is the camp?" may be answered by a count), a cause
 * by its name ("why" may be answered by a purpose; « pour quelle cause milite-t-elle » asks no
 * cause), an hour ("à l'heure actuelle" asks none), a percentage by its name (« quelle part »
 * may be answered « la moitié »).
 */
const ASKED_AS: Partial<Record<AnswerType, RegExp>> = {
  measure: / (?:magnitude|superficie|surface|distance|poids|hectares?|kilom\w*|tonnes?|area|weigh\w*|how far|acres?|km) /,
  reason: / (?:(?:la|les|the) causes? (?:de|du|des|d|of)|what caused) /,
  time: / (?:a quelle heure|quelle heure|what time(?! period| frame| span)) /,
  percent: / (?:pourcentage|percentage|what percent|quel pourcentage|pour cent|per cent|percent|quel taux de participation) /,
  // (not « titre de séjour », « à quel titre », "job title")
  title: / (?:(?<! (?:a quel|au|a ce|a) )titre(?! de (?:sejour|voyage|voyages|transport|propriete|refugie) | provisoire )|(?<! job )title(?! deed )|intitule|intitulee|entitled) /,
};

/** Whether a question asks a year, not a day ("En quelle année…", "Which year…"; not « cette année »). */
function asksYear(question: string): boolean {
  return / (?:quelles? annees?|which years?|what years?) /.test(` ${words(question).join(" ")} `);
}

/** Characters of a sentence searched for a count of the dead (bounds the work on a run-on "sentence"). */
const MAX_SENTENCE = 2000;

/** Characters of the best release read for an asked value beyond the retrieved passages. */
const WHOLE_RELEASE_CHARS = 60_000;

/** What a question asks a release to hold, read once per question (`askedOf`) for all its candidate releases. */
export interface Asked {
  types: readonly AnswerType[];
  /** Kinds of value the release must hold somewhere. */
  anywhere: readonly AnswerType[];
  /** The question's folded words between spaces. */
  question: string;
  /** Who funds something is asked. */
  funder: boolean;
  /** A count of the dead is asked. */
  deaths: boolean;
  /** A count of the injured is asked. */
  injured: boolean;
  /** The result of a vote is asked ("What was the result of the referendum…", « Qui a remporté l'élection… »). */
  voteResult: boolean;
  /** Who holds a post today is asked ("Who is the current UN High Commissioner…", « Qui dirige actuellement l'UNICEF ? »): a dated release cannot tell. */
  holderNow: boolean;
  /** The population of a place is asked (« Quelle est la population du Népal ? », "What is the population of Tokyo?"). */
  population: boolean;
  /** A day is asked ("exact date", « quel jour »), a day or a month (« à quelle date »), a year ("which year"). */
  day: boolean;
  month: boolean;
  year: boolean;
  /** The words of a part of a group or a unit whose count is asked ("Combien d'enfants…", "How many families…"), or null. */
  subgroup: ReadonlySet<string> | null;
  /** A total count is asked (« Au total, combien… »). */
  total: boolean;
  /** The first of several is asked ("Which country took in the most…", « le plus grand nombre »). */
  most: boolean;
  /** A town is asked ("Dans quelle ville…", "Which port…", "In which Libyan town…"). */
  town: boolean;
  /** The names and adjectives (folded) of the country a part of a country is asked in (« quelle province irakienne », "which Iraqi governorate"), or null: a release never naming it does not answer. */
  placeCountry: readonly string[] | null;
  /** Whether a town named in a sentence lies outside the country the town is asked in (« quelle ville du Nigéria »: not « Tripoli »), when one is. */
  townElsewhere?: (name: string, sentence: string) => boolean;
  /** People are counted (« combien de demandeurs de visa », "how many people"): a count of things only does not answer. */
  peopleCounted: boolean;
  /** The place or facility counted (« combien de camps », "how many offices"), folded, or null: a count of people only does not answer. */
  unitCounted: string | null;
  /** Stems of another thing counted (« combien de couvertures », "how many mobile medical teams"), or null: it is counted by a number before its word. */
  thingCounted: ReadonlySet<string> | null;
  /** The country a count is asked of (« Combien … l'Australie a-t-elle réinstallés ? »), folded, or null. */
  countOf: string | null;
  /**
   * The names (folded) of the place or nationality a part of a group is counted by ("How many of
   * them were Eritreans?", « combien d'entre eux sont partis au Canada », « combien de
   * ressortissants kirghizes »), or null: a release giving only the group's total does not answer.
   */
  partPlace: RegExp | null;
  /** Countries are asked by their number (« Quels étaient les huit pays… », "Which eight African countries…"). */
  places: boolean;
  /** Someone acting on behalf of another is asked. */
  onBehalf: boolean;
  /** A week the question names by its rank (« la deuxième semaine », "the second week"), as the pattern of its words. */
  times: readonly RegExp[];
  /** The first holder of a post is asked ("IOM's very first Director General", « son tout premier directeur »). */
  firstHolder: boolean;
  /** The words by which a release names the post of a person asked by it (« Quel Premier ministre… », "Which governor…"), or null. */
  post: RegExp | null;
  /** Words by which a release tells the act whose doer is asked ("Who signed…", « Qui a inauguré… »), or null. */
  act: RegExp | null;
  /** The question's words as parties of an act (`partiesOf`), read once. */
  parties: () => Parties;
  /** A named thing asked by its noun, and the stems the question already names. */
  kind: KindAsked | null;
  known: () => ReadonlySet<string>;
  /** Stems of the question's concepts (and of their translations). */
  questionStems: ReadonlySet<string>;
}

/** What a question asks a release to hold. */
export function askedOf(query: QueryAnalysis, types: readonly AnswerType[], ownQuestion?: string): Asked {
  const question = ` ${words(query.question).join(" ")} `;
  const town = TOWN_ASKED.test(question);
  let known: Set<string> | undefined;
  let parties: Parties | undefined;
  return {
    types,
    anywhere: ANYWHERE_TYPES.filter((t) => types.includes(t) && (ASKED_AS[t]?.test(question) ?? true)),
    question,
    funder: asksFunder(query, types),
    deaths: types.includes("count") && DEATHS_ASKED.test(question),
    injured: types.includes("count") && INJURED_ASKED.test(question),
    population: types.includes("count") && POPULATION_ASKED.test(question),
    holderNow: types.includes("person") && (NOW_ASKED.test(question) || headOfState(question)),
    voteResult: VOTE_RESULT_ASKED.test(question),
    day: types.includes("date") && DAY_ASKED.test(question),
    month: types.includes("date") && MONTH_ASKED.test(question),
    year: types.includes("date") && asksYear(query.question),
    // an elliptical follow-up naming a group asks the count of that group (« Et les enfants ? »)
    subgroup: types.includes("count") ? ((ownQuestion !== undefined ? groupNamed(ownQuestion) : null) ?? subgroupAsked(query.question)) : null,
    total: types.includes("count") && TOTAL_ASKED.test(question),
    most: types.some((t) => t === "place" || t === "organisation" || t === "person") && MOST_ASKED.test(question),
    town,
    townElsewhere: town ? elsewhereOf(townCountry(question)) : undefined,
    placeCountry: types.includes("place") ? placeCountry(question) : null,
    peopleCounted: types.includes("count") && countsPeople(question),
    unitCounted: types.includes("count") ? unitCounted(query.question) : null,
    thingCounted: types.includes("count") ? thingCounted(query) : null,
    places: PLACES_ASKED.test(question),
    countOf: types.includes("count") ? countryCounting(question) : null,
    partPlace: types.includes("count") ? partPlaceOf(question) : null,
    onBehalf: types.includes("person") && ON_BEHALF.test(question),
    firstHolder: types.includes("person") && FIRST_HOLDER_ASKED.test(question),
    times: timesOf(ownQuestion ?? query.question),
    post: types.includes("person") ? POSTS_ASKED.find((p) => p.asked.test(question))?.told ?? null : null,
    act: types.includes("person") ? actAsked(question) : null,
    parties: () => (parties ??= partiesOf(query.question)),
    kind: kindAsked(query.question, types),
    known: () => (known ??= knownStems(query)),
    questionStems: new Set(query.concepts.flatMap((c) => c.stems)),
  };
}

/** Whether a release holds what is asked: yes, only in a sentence off the question (a number or a person asked), or no. */
export type Held = "yes" | "offQuestion" | "no";

/**
 * Whether a release holds the kind of value asked, by rules measured on the training golden
 * questions (`npm run fit-scorer` dumps them): a number (how many, how much money) or a person
 * in one of its sentences on the question; a duration, an age, a measure, a cause, an hour or a
 * percentage anywhere in it ("How long is the training?"); words of funding for "who funds…"
 * (every answerable training question had them); a count next to words of the dead for a count
 * of the dead; a day for "on what exact date", a year the question does not give for "which
 * year"; a name near the noun of the named thing asked; a person's name for someone acting "on
 * behalf of" another.
 */
export function holdsAsked(input: {
  asked: Asked;
  releaseId: string;
  title: string;
  candidates: readonly ScoredSentence[];
  releaseText: (releaseId: string) => string;
}): Held {
  const { asked, releaseId } = input;
  const { question, kind } = asked;
  const required = asked.types.filter((t) => REQUIRED_TYPES.has(t));
  const text = () => input.releaseText(releaseId);
  // the text's sentences, and the title's before them for what a title may name or date
  let spans: Span[] | undefined;
  const spansOf = () => (spans ??= splitSentences(text().slice(0, WHOLE_RELEASE_CHARS)));
  let split: string[] | undefined;
  const withTitle = () => (split ??= [input.title, ...spansOf().map((x) => x.text)]);
  const sentences = () => withTitle().slice(1);
  // a number or a person asked, in a candidate sentence on the question, a field of a page, or
  // only in another sentence of the release
  const holds = (x: string, t: AnswerType) => (t === "count" ? countsAsked(x, asked) : typeMatches(x, t, question).length > 0);
  const offQuestion = required.length > 0 && !input.candidates.some((c) => c.releaseId === releaseId && c.types.some((t) => required.includes(t) && (t !== "count" || holds(c.text, t)))) && !fieldHolds(text(), required, asked);
  if (offQuestion && !sentences().some((x) => required.some((t) => holds(x, t)))) return "no";
  // (unless the release itself tells who does it now: « actuellement présidé par le Népal »)
  if (asked.holderNow && !sentences().some((x) => NOW_TOLD.test(x))) return "no";
  // the result of a vote is told in a sentence of the vote with words of a result (« approuvée à
  // 64 % des votants »), or by someone elected (« élu »): a release announcing a vote it observes
  // does not give it
  if (asked.voteResult && !sentences().some((x) => (VOTE_TOLD.test(x) && VOTE_RESULT.test(x)) || ELECTED.test(x))) return "no";
  // (or its title: « un nouvel accord de trois ans »)
  if (asked.anywhere.some((type) => !withTitle().some((x) => typeMatches(x, type, " ").length > 0))) return "no";
  if (asked.deaths && !sentences().some((x) => countsDead(x, question))) return "no";
  // so is the injured (« 30 blessés », « 12 personnes ont été blessées »)
  if (asked.injured && !sentences().some((x) => countsInjured(x, question))) return "no";
  // so is a population, next to its word (« un pays de 30 millions d'habitants », « une population de 4,5 millions »)
  if (asked.population && !sentences().some((x) => countsPopulation(x, question))) return "no";
  if (asked.day && !withTitle().some((x) => hasPreciseDate(x) || WEEKDAY.test(x))) return "no";
  // « à quelle date » is answered by a day or a month (« en mars 2019 »), not by a year alone
  if (asked.month && !withTitle().some((x) => hasPreciseDate(x) || WEEKDAY.test(x) || MONTH.test(x))) return "no";
  // a year the question does not give ("En quelle année le camp a-t-il ouvert ?" — not "Dimanche 10 janvier")
  if (asked.year && !sentences().some((x) => typeMatches(x, "date", question).some((m) => /(?:19|20)\d\d/.test(m.text)))) return "no";
  // a count of women, children or minors among a group, or of families or countries, is given
  // next to their word (« dont 12 enfants », « 98 familles »): a release giving only a total of
  // people does not answer
  if (asked.subgroup && !countsSubgroup(text(), asked.subgroup)) return "no";
  // places or facilities counted (« Combien de camps… », "How many offices…") are counted by a
  // number before a word of such a unit (« 34 camps », « 16 points d'entrée », « cinq nouveaux
  // sites »): « 2 000 réfugiés affluent chaque jour » counts no camp
  const unit = asked.unitCounted;
  if (unit && !sentences().some((x) => countsUnitsIn(x, asked.question, unit))) return "no";
  // so are other things (« 28 500 kits », « 100 tonnes de matériel »): « en leur distribuant des
  // couvertures » does not say how many blankets
  const thing = asked.thingCounted;
  // (when the release names the thing: a paraphrase may count it under another word, « lits » for « couchettes »)
  if (thing && !asked.subgroup && !unit && names(text().slice(0, WHOLE_RELEASE_CHARS), thing) && !sentences().some((x) => countsThingIn(x, asked.question, thing))) return "no";
  // a town asked is named in a sentence of the release: a release on a meeting of six countries
  // that never says where it met does not answer "in which city"
  // in the country asked: the capital of another country is not one (« au sud-ouest de Tripoli » for « quelle ville du Nigéria »)
  if (asked.town && !withTitle().some((x) => namesTown(x, asked.known(), asked.townElsewhere))) return "no";
  // a place asked in a country (« quelle province irakienne ») is in a release naming that country
  const inCountry = asked.placeCountry;
  if (inCountry) {
    const folded = ` ${words(`${input.title}\n${text().slice(0, WHOLE_RELEASE_CHARS)}`).join(" ")} `;
    // under any form (« nigérians » for « Nigéria »)
    if (!inCountry.some((n) => folded.includes(` ${n}`))) return "no";
  }
  // several countries asked are named by one sentence of the release, two at least besides the
  // question's: « huit pays africains » names none ("Which eight African countries…")
  if (asked.places && !withTitle().some((x) => namesPlaces(x, asked.known()))) return "no";
  // a count asked of a country (« l'Australie a-t-elle réinstallés ») is given beside its name:
  // « la France est le principal pays d'accueil » gives no number of France's
  const countOf = asked.countOf;
  if (countOf) {
    // under any of its names, its adjectives or its capital (« les autorités australiennes », « Ottawa - »)
    const names = placeNames(countOf).map((n) => ` ${words(n).join(" ")} `);
    const naming = (x: string) => {
      const folded = ` ${words(x).join(" ")} `;
      return names.some((n) => folded.includes(n));
    };
    if (!sentences().some((x) => naming(x) && typeMatches(x, "count", question).length > 0)) return "no";
  }
  // a part counted by its place or nationality is counted beside its name (« dont 1 200 au
  // Canada », « 300 Érythréens »): « 3 000 personnes, principalement des Tadjiks » counts no Kirghiz
  const partPlace = asked.partPlace;
  if (partPlace && !sentences().some((x) => countsPart(x, question, partPlace))) return "no";
  // a person asked by a post is named in a sentence naming that post (« le Premier ministre
  // iraquien, M. … »): a release naming only the visitor does not say whom he met
  const post = asked.post;
  if (post && !withTitle().some((x) => post.test(x) && (namesPerson(x, asked.known()) || namedAfter(x, post, asked.known())))) return "no";
  // a week the question names by its rank is one the release names when it ranks weeks: « la
  // première semaine » does not tell the second (« du 1er au 7 mars » may tell the first)
  if (asked.times.length) {
    const whole = `${input.title}\n${text().slice(0, WHOLE_RELEASE_CHARS)}`;
    if (WEEK_ASKED.test(whole) && asked.times.some((t) => !t.test(whole))) return "no";
  }
  // the first holder of a post is told as such (« son premier directeur », « fondateur »): a
  // release naming today's Director General does not say who was the first
  if (asked.firstHolder && !withTitle().some((x) => FIRST_HOLDER_TOLD.test(x))) return "no";
  // someone's representative is a person: a body or a place does not sign on behalf of another
  if (asked.onBehalf && !sentences().some((x) => namesPerson(x, asked.known()))) return "no";
  // the doer of a ceremonial act asked (who signed, chaired, inaugurated, founded) is a
  // person named in a sentence telling the act: a release saying « l'OIM et l'UA ont signé un
  // accord » names no signatory
  const act = asked.act;
  if (act && !withTitle().some((x) => act.test(x) && namesDoer(x, asked))) return "no";
  // a release without the noun of a thing that may go without it says nothing of it either way
  if (kind && !namesKind(withTitle(), kind, asked.known()) && (!kind.any || mentionsKind(withTitle(), kind))) return "no";
  // (in a sentence naming a body, a country or a person the question does not name: « L'OIM a fait don de 130 tentes » names no donor)
  if (asked.funder && !withTitle().some((x) => FUNDING.test(x) && namesFunder(x, asked))) return "no";
  // a count of the dead, the injured, a population or a part by its place, given in the sentence
  // after or before one on the question, is on it (« … l'OIM lance un appel pour les Bahamas. Le bilan humain est passé à 61 morts »)
  const cue = countCue(asked);
  if (offQuestion && cue) {
    const all = spansOf();
    const on = new Set(input.candidates.filter((c) => c.releaseId === releaseId).map((c) => c.start));
    if (all.some((x, i) => cue(x.text) && [all[i - 1], all[i + 1]].some((n) => n !== undefined && on.has(n.start)))) return "yes";
  }
  return offQuestion ? "offQuestion" : "yes";
}

/** What a sentence giving a count of the dead, the injured, a population or a part by its place holds, when one is asked, or undefined. */
function countCue(asked: Asked): ((text: string) => boolean) | undefined {
  const { question } = asked;
  if (asked.deaths) return (text) => countsDead(text, question);
  if (asked.injured) return (text) => countsInjured(text, question);
  if (asked.population) return (text) => countsPopulation(text, question);
  const partPlace = asked.partPlace;
  if (partPlace) return (text) => countsPart(text, question, partPlace);
  return undefined;
}

/** Whether a sentence counts the injured beside their word (« 30 blessés », « 12 personnes ont été blessées »). */
function countsInjured(text: string, questionWords: string): boolean {
  return countsNear(text, questionWords, INJURED, INJURED_WITHIN, "either");
}

/** Whether a sentence counts a part beside the name of its place or people (« dont 1 200 au Canada », « 300 Érythréens »). */
function countsPart(text: string, questionWords: string, place: RegExp): boolean {
  return countsNear(text, questionWords, place, PART_PLACE_WITHIN, "either");
}

/**
 * Whether a field of a page ("Budget Amount (USD) : 300000.00", one line) named by a word of the
 * question holds a value of a kind asked: a project page says its budget in no sentence.
 */
function fieldHolds(text: string, types: readonly AnswerType[], asked: Asked): boolean {
  // a field ends its paragraph: « label : value », the value short (a title may run into the label)
  for (let at = text.indexOf(" : "); at >= 0; at = text.indexOf(" : ", at + 3)) {
    const end = text.indexOf("\n", at);
    const value = text.slice(at + 3, end < 0 ? text.length : end);
    if (!value || value.length > 30) continue;
    const lineStart = text.lastIndexOf("\n", at) + 1;
    const labelText = text.slice(Math.max(lineStart, at - 40), at);
    const label = words(labelText);
    if (label.some((w) => CONTACT_LABEL.has(w)) || !label.some((w) => !FIELD_NOISE.has(w) && asked.questionStems.has(stem(w)))) continue;
    // the value holds the value asked; an amount's currency may be in the label ("Budget Amount (USD)")
    if (types.some((t) => typeMatches(value, t, asked.question).length > 0 || (t === "amount" && /^\d/.test(value) && CURRENCY_LABEL.test(labelText)))) return true;
  }
  return false;
}

/** Labels of contact lines, whose values are numbers of another kind. */
const CONTACT_LABEL = new Set(["tel", "tél", "telephone", "fax", "email", "e", "mail", "mobile", "portable", "phone"].map((w) => words(w)[0]!));

/** Words of most releases, which name no field of the question. */
const FIELD_NOISE = new Set(["oim", "iom", "migrant", "migrants", "migration", "migrations", "projet", "project"]);

/** A currency ending a field's label ("Budget Amount (USD)"). */
const CURRENCY_LABEL = /(?:usd|eur|chf|\$|dollars?|euros?)\)?\s*$/i;

/** Bodies counted (« 40 ONG », « 16 agences », « 40 partenaires humanitaires »): never a group a follow-up names (« Et l'ONG Terre d'Asile ? »). */
const AGENCIES: readonly string[] = ["agence", "agences", "agency", "agencies", "organisation", "organisations", "organization", "organizations", "organismes", "ong", "ngo", "ngos", "associations", "partenaires", "partners", "entites", "entities", "institutions"];

/**
 * Words of what a count may be asked of whose number a release gives next to its word: the
 * parts of a group (women, children, minors) and units (families, households, countries,
 * companies, agencies, dwellings, vehicles and items handed out), each with the words a
 * release may count them with. On the training golden questions the rule catches 17 traps and
 * costs no answerable question.
 */
const SUBGROUPS: readonly (readonly string[])[] = [
  ["enfant", "enfants", "mineur", "mineurs", "fille", "filles", "fillette", "fillettes", "garcon", "garcons", "bebe", "bebes", "nourrisson", "nourrissons", "orphelin", "orphelins", "adolescent", "adolescents", "adolescentes", "eleves", "children", "child", "minors", "girls", "boys", "babies", "infants", "orphans", "adolescents", "pupils"],
  ["femme", "femmes", "fille", "filles", "fillette", "fillettes", "meres", "feminin", "feminins", "women", "woman", "girls", "mothers", "female", "females"],
  ["homme", "hommes", "garcon", "garcons", "masculin", "masculins", "men", "boys", "male", "males"],
  // units counted instead of people, and things a release counts by their word
  ["famille", "familles", "menage", "menages", "foyer", "foyers", "households", "household", "families", "family"],
  ["pays", "countries", "country", "etats", "nations", "nationalites", "nationalities"],
  ["entreprise", "entreprises", "societes", "companies", "employeurs", "employers", "businesses"],
  // dwellings (« 300 maisons », « 75 tentes »)
  ["maison", "maisons", "habitations", "logements", "abris", "tentes", "houses", "homes", "dwellings", "shelters", "tents"],
  // vehicles and items handed out (« 12 camions », « 3 vols », « 500 kits », « 200 lits »)
  ["camion", "camions", "trucks", "bus", "buses", "vehicules", "vehicles", "vols", "flights", "avions", "planes", "bateaux", "boats", "navires", "ships", "kits", "trousses", "lits", "beds"],
  AGENCIES,
  // people counted by their work (« 16 fonctionnaires », « 17 officiers de l'immigration », « 77900 migrants pour le travail »)
  ["travailleurs", "travailleur", "travailleuses", "travail", "employes", "employees", "salaries", "staff", "personnel", "agents", "fonctionnaires", "officiers", "officers", "officials", "representants", "representatives", "humanitaires", "workers", "worker", "policiers", "police", "gendarmes", "douaniers", "garde", "gardes", "guards", "personnels", "professionnels", "responsables", "cadres", "collaborateurs", "soignants", "infirmiers", "infirmieres", "medecins", "enseignants", "nurses", "doctors", "teachers", "professionals"],
  ["pecheurs", "fishermen", "marins", "sailors", "equipage", "crew"],
];

/** A count of a part of a group or of a unit asked: "combien de femmes", "how many families", « le nombre de mineurs » (the noun within two words). */
const SUBGROUP_ASKED = /(?:combien d(?:e|['’])\s*|how many\s+|(?<!(?:grand|certain|bon|petit)\s+)nombre d(?:e|['’])\s*)(?:(?!(?:les?|la|l|des|du|ce|cet|cette|ces|leurs?|ses|sa|son|nos|vos|the|did|do|does|have|has|had|were|was|are|is|each|their|its|personnes?|people|gens|migrants?|r[ée]fugi[ée]s?|d[ée]plac[ée]s?)\s)[\p{L}-]+\s+){0,2}?(enfants?|mineurs?|filles?|fillettes?|gar[çc]ons?|b[ée]b[ée]s?|nourrissons?|femmes?|hommes?|children|minors|girls|boys|babies|infants|women|men|familles?|m[ée]nages?|foyers?|households?|families|pays|countries|[ée]tats|entreprises?|soci[ée]t[ée]s|companies|employeurs|businesses|agences|agencies|organisations|organizations|organismes|ong|ngos|associations|maisons?|habitations|logements|abris|tentes|houses|homes|dwellings|shelters|tents|camions?|trucks|bus|buses|v[ée]hicules|vehicles|vols|flights|avions|planes|bateaux|boats|navires|ships|kits|trousses|lits|beds|travailleurs?|travailleuses|workers?|employ[ée]s?|employees|salari[ée]s|staff|personnel|agents|fonctionnaires|officiers|officers|officials|p[êe]cheurs|fishermen|marins|sailors|personnels|professionnels|responsables|cadres|collaborateurs|soignants|infirmi[èe]re?s|m[ée]decins|enseignants|nurses|doctors|teachers|professionals)(?![\p{L}])/iu;

/** The group a question names by one of its words, or null (« Et les enfants ? »). */
function groupNamed(question: string): ReadonlySet<string> | null {
  const ws = words(question);
  // not the doer of an act (« Et par la police ? », "And with the doctors?")
  const named = (i: number) => !/^(?:par|by|avec|with|selon|according)$/.test(ws[i - 1] ?? "") && !/^(?:par|by|avec|with)$/.test(ws[i - 2] ?? "");
  const group = SUBGROUPS.find((g) => g !== AGENCIES && ws.some((w, i) => g.includes(w) && named(i)));
  return group ? new Set(group) : null;
}

/** Words of the parts of a group, as a question writes them. */
const PART_WORDS = "enfants?|mineurs?|filles?|fillettes?|garçons?|bébés?|femmes?|hommes?|children|minors|girls|boys|babies|women|men";

/** A count of a part asked after its whole ("Parmi les 1 800 Rohingyas, combien étaient des enfants ?", "How many of them were unaccompanied minors?"). */
const PART_ASKED = new RegExp(
  `(?:combien\\s+(?:d['’]entre\\s+(?:eux|elles)\\s+|des\\s+[^?]{0,160}?\\s+)?(?:étaient|sont|était|furent|seraient)|how many\\s+(?:of\\s+[^?]{0,160}?\\s+)?(?:were|are|was))\\s+(?:des\\s+|d['’]\\s*)?(?:(?:jeunes|petits|petites|unaccompanied|young|small|little)\\s+)?(${PART_WORDS})(?![\\p{L}])`,
  "iu",
);

function subgroupAsked(question: string): ReadonlySet<string> | null {
  const m = SUBGROUP_ASKED.exec(question) ?? PART_ASKED.exec(question);
  if (!m) return null;
  const noun = words(m[1]!)[0]!;
  return new Set(SUBGROUPS.filter((g) => g.includes(noun)).flat());
}

/** Words before a part of a group that count it (« 12 enfants », « la moitié »; not « dont des femmes », which says they are there, not how many). */
const COUNT_WORD = /^(?:\d.*|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|cents|mille|million|millions|majorite|plupart|moitie|tiers|quart|millier|milliers|centaine|centaines|dizaine|dizaines|douzaine|douzaines|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|two|three|four|five|six|seven|eight|nine|ten|dozen|dozens|hundred|hundreds|thousand|thousands)$/;


/** A word after a number that makes it an age or a duration (« 44 ans », "12 years old"). */
const AGE_AFTER = /^(?:ans?|years?|old|mois|months?)$/;

/** Whether a text counts a part of a group or a unit: a number within six words before one of its words (not an age), or a total after them. */
function countsSubgroup(text: string, group: ReadonlySet<string>): boolean {
  const ws = words(text.slice(0, WHOLE_RELEASE_CHARS));
  // « des centaines de familles », « plusieurs milliers » say how many only roughly (« un millier » does say)
  const vague = (j: number) => /^(?:milliers|centaines|dizaines|douzaines|thousands|hundreds|dozens)$/.test(ws[j]!) && /^(?:des|plusieurs|quelques|de|d|several|many|some)$/.test(ws[j - 1] ?? "");
  const counts = (j: number) => COUNT_WORD.test(ws[j]!) && !AGE_AFTER.test(ws[j + 1] ?? "") && !vague(j);
  for (let i = 0; i < ws.length; i++) {
    if (!group.has(ws[i]!)) continue;
    // « 300 d'entre eux étaient des femmes »: six words back (an age, « 44 ans, sa femme », counts no one);
    // ten before « de sexe masculin » (« 12 017 migrants de retour volontaires de sexe masculin »)
    // (not a number of things handed to them: « 130 tentes à des familles » counts tents)
    for (let j = Math.max(0, i - (ws[i - 1] === "sexe" ? 10 : 6)); j < i; j++) if (counts(j) && !ws.slice(j + 1, i).some((w) => THINGS.test(w) && !group.has(w))) return true;
    // or after them, as a total within twelve words (« les mineurs … étaient au nombre de 25 800 », « les enfants représentaient 40 % »)
    const after = ws.slice(i + 1, i + 13);
    const cue = after.findIndex((w) => /^(?:nombre|represent\w*|soit|total|comptaient|comptait|numbered|totalled|totaled)$/.test(w));
    if (cue >= 0 && after.slice(cue + 1, cue + 4).some((w) => /^\d/.test(w) || COUNT_WORD.test(w))) return true;
  }
  return false;
}

/**
 * Things a number may count that are no people ("trois des 48 camps", « onze pays », "four
 * border posts", « 10 millions de dollars »): a sentence counting only them does not give a count of others.
 */
const THINGS = /^(?:pays|countries|camps?|sites?|postes?|posts?|villes?|cities|towns?|villages?|provinces?|regions?|districts?|centres?|centers?|bureaux|offices?|ecoles?|schools?|projets?|projects?|ateliers?|workshops?|sessions?|reunions?|meetings?|phases?|etapes?|stages?|editions?|langues?|languages?|etats?|states?|agences?|agencies?|organisations?|organizations?|partenaires?|partners?|dollars?|euros?|francs?|usd|eur|chf|livres?|pounds?|yens?|ambassades?|embassies|embassy|enquetes?|surveys?|questionnaires?|delegations?|kits?|tentes?|tents?|abris|shelters?|maisons?|houses?|vehicules?|vehicles?|camions?|trucks?|bus|buses|bateaux?|boats?|navires?|ships?|vols?|flights?|avions?|planes?|points?|frontieres?|borders?|documents?|rapports?|reports?|tonnes?|tons?|kilometres?|kilometers?|km|hectares?|lits|beds?|convois?|convoys?|rotations?|voyages?|trips?|operations?)$/;

/** People a question may count (« combien de demandeurs de visa », "how many people"), folded. */
const PEOPLE = /^(?:personnes?|people|persons?|gens|individus|migrants?|refugies?|refugees?|deplaces?|displaced|idps?|pdis?|travailleurs?|workers?|demandeurs?|applicants?|ressortissants?|nationals|habitants?|residents?|victimes?|victims?|survivants?|survivors?|rapatries?|returnees?|passagers?|passengers?|beneficiaires?|beneficiaries|etudiants?|students?|participants?|candidats?|candidates?|voyageurs?|travellers?|travelers?|civils?|civilians?|expatries?|expatriates?|immigres?|immigrants?|emigres?|emigrants?|asylum|seekers?)$/;

/**
 * Whether a sentence gives a count that is not only of things (places, meetings, money) when
 * people are counted (« Combien de demandeurs de visa… » — « des experts venus de onze pays »):
 * a question counting things or money leaves every count (« Combien d'États… » — « 13 pays »).
 */
function countsAsked(sentence: string, asked: Asked): boolean {
  // « des milliers », "hundreds of" give no number
  const found = typeMatches(sentence, "count", asked.question).filter((m) => !VAGUE_COUNT.test(m.text));
  if (!found.length) return false;
  if (!asked.peopleCounted) return true;
  const ws = words(sentence.length > MAX_SENTENCE ? sentence.slice(0, MAX_SENTENCE) : sentence);
  return found.some((m) => {
    // the noun after the number, past other numbers and « des » ("trois des 48 camps")
    let i = m.word + words(m.text).length;
    while (i < ws.length && (/^(?:des|de|d|of|the|\d[\d.,]*)$/.test(ws[i]!) || COUNT_WORD.test(ws[i]!))) i++;
    const noun = ws[i] ?? "";
    return !THINGS.test(noun);
  });
}

/** A count that gives no number: a bare plural of an order of magnitude (« des milliers », « des centaines de milliers », "thousands of"). */
const VAGUE_COUNT = /^(?:milliers|centaines|dizaines|douzaines|vingtaines|millions|milliards|thousands|hundreds|dozens|millions|billions|scores)$/i;

/** Places and facilities a question may count, folded (« camps », « points d'entrée », "offices"). */
const UNITS = /^(?:camps?|sites?|centres?|centers?|villages?|ecoles?|schools?|bureaux|bureau|offices?|districts?|provinces?|regions?|villes?|cities|city|towns?|municipalites?|municipalities|communes?|localites?|postes?|posts?|points?|hopitaux|hopital|hospitals?|cliniques?|clinics?|latrines?|puits|wells?|communautes?|communities|abris|shelters?|logements?|maisons?|houses?|tentes?|tents?|zones?|quartiers?|etablissements?|facilities|installations?|structures?|locaux|salles?|classes?|etats?|states?|parcelles?|plots?|pays|countries|country|nations?|espaces?|emplacements?|lieux|terrains?|aires?|spaces?|locations?|campements?|abri|departements?|departments?|gouvernorats?|governorates?|prefectures?|comtes?|counties|iles?|islands?|batiments?|buildings?|emplois|jobs)$/;

/** Words after an English noun that end it ("how many offices were…"): a noun after it heads the phrase instead ("how many village health volunteers"). */
const PHRASE_END = /^(?:and|or|were|was|are|is|did|do|does|has|have|had|will|would|can|could|should|in|on|at|of|for|across|around|by|from|to|with|the|a|an|iom|oim|still|already)$/;

/** French adjectives before the noun counted (« combien de nouveaux sites »). */
const ADJECTIVE_BEFORE = /^(?:nouveaux|nouvelles|nouvel|nouveau|autres|differents|differentes|divers|diverses|principaux|principales|grands|grandes|petits|petites|premiers|premieres|derniers|dernieres)$/;

/**
 * The place or facility a question counts (« combien de camps », « combien d'écoles », "how many
 * IOM offices", « le nombre de nouveaux sites »), folded, or null: in French the noun after «
 * combien de » (past an adjective; not its complement: « combien de kits d'abris » counts kits),
 * in English the last noun before a verb or a preposition ("how many village health volunteers"
 * counts volunteers); never people; not « un grand nombre de ».
 */
function unitCounted(question: string): string | null {
  const head = nounCounted(question);
  return head && UNITS.test(head) ? head : null;
}

/** The noun a question counts, folded, never people (see `unitCounted`), or null. */
function nounCounted(question: string): string | null {
  const q = fold(question);
  const fr = /(?:combien\s+d(?:e\s+|')|(?<!(?:grand|certain|bon|petit)\s)nombre\s+d(?:e\s+|'))\s*([a-z-]+)(?:\s+([a-z-]+))?/.exec(q);
  if (fr) {
    const head = ADJECTIVE_BEFORE.test(fr[1]!) && fr[2] ? fr[2] : fr[1]!;
    return PEOPLE.test(head) ? null : head;
  }
  const en = /how many\s+((?:[a-z-]+\s*){1,5})/.exec(q);
  if (!en) return null;
  const phrase: string[] = [];
  for (const w of en[1]!.trim().split(/\s+/)) {
    // "how many IOM offices", "how many new sites": words before the noun
    if (!phrase.length && /^(?:iom|oim|new|the|its|their|more|other|different|temporary|official)$/.test(w)) continue;
    // a participle after the noun ends it ("how many Gambians rescued by…")
    if (PHRASE_END.test(w) || (phrase.length && /ed$/.test(w))) break;
    phrase.push(w);
  }
  const head = phrase.at(-1);
  return head && !phrase.some((w) => PEOPLE.test(w)) ? head : null;
}

/**
 * Things a release counts by their word when it gives their number: goods handed out, teams,
 * vehicles' loads, copies and sessions (folded, singular and plural). Other nouns counted may be
 * people under another name (« disparus », « rescapés », "detainees") or events counted by their
 * people (« arrivées », « retours »), which a release counts as « 50 personnes », « 1 500 migrants ».
 */
const THINGS_COUNTED = /^(?:couvertures?|blankets?|baches?|tarpaulins?|matelas|mattress(?:es)?|moustiquaires?|(?:mosquito )?nets?|jerricans?|bidons?|seaux|buckets?|ustensiles|utensils|rations?|colis|parcels?|packages?|vivres|doses?|vaccins?|vaccines?|medicaments|medicines|trousses|equipes?|teams?|convois?|convoys?|tonnes?|tons?|litres?|liters?|exemplaires|copies|brochures?|affiches?|posters?|depliants?|leaflets?|livres?|books?|manuels?|ordinateurs?|computers?|telephones?|phones?|radios?|generateurs?|generators?|pompes?|pumps?|reservoirs?|tanks?|citernes?|ambulances?|bourses?|scholarships?|seances?|sessions?|formations?|trainings?|ateliers?|workshops?|emissions?|broadcasts?|spots?|messages?|cartes?|cards?|documents?|passeports?|passports?|visas?|certificats?|certificates?|repas|meals?|paniers?|baskets?|sacs?|bags?|semences|seeds?|outils|tools?|animaux|animals?|chevres|goats?|vaches|cows?|moutons|sheep|poulets|chickens?|bateaux?|boats?|velos|bicycles?|motos|motorcycles?|cliniques? mobiles?)$/;

/**
 * Stems of a thing a question counts (THINGS_COUNTED) — not the first of a list (« combien de
 * crayons, stylos et feutres »: the release may count them together) — with its translations and
 * the release words for it, or null.
 */
function thingCounted(query: QueryAnalysis): ReadonlySet<string> | null {
  const head = nounCounted(query.question);
  if (!head || !THINGS_COUNTED.test(head) || new RegExp(`${head}\\s*(?:,|et |and |or |ou )`).test(fold(query.question))) return null;
  const concept = query.concepts.find((c) => c.word === head);
  if (!concept || concept.entity) return null;
  return new Set([...concept.stems, ...(concept.related ?? [])]);
}

/** A word counting one (« un bateau », "a single convoy"). */
const ONE = /^(?:un|une|seul|seule|one|single)$/;

/** Whether a text has a word of some stems. */
function names(text: string, stems: ReadonlySet<string>): boolean {
  return words(text).some((w) => stems.has(stem(w)));
}

/**
 * Whether a sentence counts a thing: a number followed within three words by its word (« 28 500
 * kits », « 100 tonnes de matériel »), or within UNIT_WITHIN words after its word (« les kits, au
 * nombre de 500 »).
 */
function countsThingIn(sentence: string, question: string, stems: ReadonlySet<string>): boolean {
  const found = typeMatches(sentence, "count", question);
  const ws = words(sentence.length > MAX_SENTENCE ? sentence.slice(0, MAX_SENTENCE) : sentence);
  const at = ws.flatMap((w, i) => (stems.has(stem(w)) ? [i] : []));
  if (!at.length) return false;
  return found.some((m) => {
    const after = m.word + words(m.text).length;
    return at.some((i) => (i >= after && i < after + 3) || (NO_NOUN.test(ws[after] ?? "") && m.word > i && m.word - i <= UNIT_WITHIN));
  }) || ws.some((w, i) => stems.has(stem(w)) && ONE.test(ws[i - 1] ?? ""));
}

/** Words after a number that count nothing (or nothing at all: the sentence ends). */
const NO_NOUN = /^(?:|a|et|ou|en|au|aux|dans|selon|contre|soit|sur|pour|and|or|in|at|to|by|on|according|since|depuis|le|la|les|l|du|des|de|d|en|fin|cette|ce|cet|ces)$/;

/** Words within which a number stands from the unit asked (« les camps, au nombre de 45 »). */
const UNIT_WITHIN = 8;

/**
 * Whether a sentence counts places or facilities: a number followed, within three words, by a
 * word of UNITS (« 16 points d'entrée »), or within UNIT_WITHIN words after the unit asked (« les
 * camps, au nombre de 45 », « le nombre de sites est passé de 30 à 45 »).
 */
function countsUnitsIn(sentence: string, question: string, unit: string): boolean {
  const ws = words(sentence.length > MAX_SENTENCE ? sentence.slice(0, MAX_SENTENCE) : sentence);
  const found = typeMatches(sentence, "count", question);
  if (!found.length) return false;
  const unitStem = stem(unit);
  const at = ws.flatMap((w, i) => (stem(w) === unitStem ? [i] : []));
  return found.some((m) => {
    const after = m.word + words(m.text).length;
    // after the unit's word, a number counting nothing else (« au nombre de 45 », « de 30 à 45 »; not « 12 000 familles vivent »)
    return ws.slice(after, after + 3).some((w) => UNITS.test(w)) || (NO_NOUN.test(ws[after] ?? "") && at.some((i) => m.word > i && m.word - i <= UNIT_WITHIN));
  });
}

/** Whether a question counts people: a word of PEOPLE among the two after « combien de », "how many" (folded words). */
function countsPeople(question: string): boolean {
  const counted = / (?:combien (?:de |d )?|how many |nombre (?:de |d ))(\w+)(?: (\w+))? /.exec(question);
  return !!counted && [1, 2].some((n) => PEOPLE.test(counted[n] ?? ""));
}

/** The country before « a-t-il », « a-t-elle », « ont-ils » in a question counting (folded), or null. */
function countryCounting(question: string): string | null {
  const m = / (\w+(?: \w+)?) (?:a t il|a t elle|ont ils|ont elles) /.exec(question);
  if (!m) return null;
  const ws = m[1]!.split(" ");
  for (const name of [ws.join(" "), ws.at(-1)!]) if (capitalsOf(name).length > 0) return name;
  return null;
}

/**
 * A part of a group asked, on folded words: "of them", "of the evacuees", « d'entre eux », « sur
 * les 80 000 arrivées… combien » (« sur les 13 mois » is a period), « parmi eux ».
 */
const PART_OF_ASKED = / (?:(?:how many|combien) (?:\w+ ){0,2}?(?:of (?:them|those|these)|(?:d )?entre (?:eux|elles))|(?:parmi|among) (?:eux|elles|them|those|these)|how many of the (?:\w+ ){1,2}?(?:will|are|were|went|have|had|did|was|is)|sur (?:les|ces) (?:quelque |environ |pres de )?\d+ (?!(?:\w+ )?(?:mois|ans|annees|jours|semaines|heures|derniers|dernieres|premiers|premieres) )[\w ]*? combien) /;

/**
 * People counted by their nationality or their country as a part of others (« combien de
 * ressortissants kirghizes », "how many Eritreans were among…", « combien viennent du Laos »,
 * "How many did France take in"), on folded words: the words that may name it.
 */
const NATIONALS_ASKED = / (?:combien de ressortissants (\w+)|how many (\w+) nationals|how many (\w+)(?: \w+)? (?:were|are|was) among|combien de (\w+)(?: \w+)? (?:figuraient|etaient|sont|se trouvaient) parmi|combien (?:\w+ )?(?:viennent|venaient|sont originaires|etaient originaires) (?:(?:du|de|des|d) )?(\w+)|how many (?:\w+ ){0,5}?(?:has|have|had|did|does|will) (\w+) (?:\w+ )?(?:take|took|taken|resettle\w*|welcome\w*|receive\w*|accept\w*|admit\w*|relocate\w*)) /;

/** Words of places' names that name none alone (« côte » libyenne, « union », Port-au-Prince). */
const PART_OF_NAME: ReadonlySet<string> = new Set(["cote", "coast", "union", "port", "prince", "saint", "san", "santa", "new", "royaume", "kingdom", "republique", "republic", "etats", "states", "united", "unis", "ile", "iles", "island", "islands"]);

/** Words within which a part counted stands beside its place (« dont 1 200 ont été réinstallés au Canada »). */
const PART_PLACE_WITHIN = 8;

/** Letters of folded words, matched with their accented forms in a release's text. */
const ACCENTED: Record<string, string> = { a: "[aàâä]", e: "[eéèêë]", i: "[iîï]", o: "[oôö]", u: "[uùûü]", c: "[cç]", y: "[yÿ]" };

/** A place's names: its own, its other names and adjectives, its capitals. */
function placeNames(place: string): string[] {
  return [place, ...placeAliases(place), ...capitalsOf(place)];
}

/**
 * The place or nationality a part of a group is counted by, as a pattern of all its names, or
 * null: a known place named after "how many… of" or « combien d'entre eux » (« au Canada »,
 * "in Juba", "Eritreans"), or the nationality of the people counted.
 */
function partPlaceOf(question: string): RegExp | null {
  const part = PART_OF_ASKED.exec(question);
  const nationals = NATIONALS_ASKED.exec(question);
  const after = part ? question.slice(part.index + part[0].length - 1).split(" ") : [];
  const placeName = (w: string) => w.length > 2 && !STOPWORDS.has(w) && !WIDE_PLACES.has(w) && !PART_OF_NAME.has(w) && isPlaceName(w);
  const placeIn = (ws: readonly string[]) => ws.map((w) => (placeName(w) ? w : /s$/.test(w) && placeName(w.slice(0, -1)) ? w.slice(0, -1) : "")).find(Boolean);
  // (a part of a group named by its word is counted by that word: « combien d'hommes parmi eux »)
  const place = (nationals && placeIn(nationals.slice(1).filter((w): w is string => w !== undefined))) || (SUBGROUP_ASKED.test(question) ? undefined : placeIn(after));
  if (!place) return null;
  const names = new Set(placeNames(place).flatMap((n) => words(n)).filter((w) => w.length > 2 && !WIDE_PLACES.has(w) && !PART_OF_NAME.has(w)));
  const source = [...names].map((n) => [...n].map((c) => ACCENTED[c] ?? c).join(""));
  return new RegExp(`(?<![\\p{L}])(?:${source.join("|")})s?(?![\\p{L}])`, "iu");
}

/** A number in figures or words, on folded words. */
const NUMBER_WORD = "(?:\\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|twenty)";

/** Countries asked by their number, on folded words (« Quels étaient les huit pays… », "Which eight African countries…"): the release must name them, not only count them. */
const PLACES_ASKED = new RegExp(` (?:quels (?:\\w+ ){0,2}${NUMBER_WORD} (?:\\w+ )?pays|(?:which|what) ${NUMBER_WORD} (?:[\\w-]+ ){0,2}countries) `);

/** Words of continents and compass points: no country. */
const WIDE_PLACES = new Set(["afrique", "africa", "europe", "asie", "asia", "amerique", "america", "ameriques", "americas", "oceanie", "oceania", "ouest", "est", "nord", "sud", "centre", "west", "east", "north", "south", "central", "occident", "orient", "pacifique", "pacific", "caraibes", "caribbean", "moyen", "proche"]);

/** Whether a sentence names two known places (countries, towns) the question does not name (« le Brésil, le Chili et l'Argentine »). */
function namesPlaces(sentence: string, known: ReadonlySet<string>): boolean {
  const names = new Set<string>();
  for (const m of sentence.matchAll(/(?<![\p{L}])\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?/gu)) {
    const ws = words(m[0]).filter((w) => !STOPWORDS.has(w));
    if (ws.length && ws.every((w) => isKnownPlace(w) && !WIDE_PLACES.has(w)) && !ws.some((w) => known.has(stem(w)))) names.add(ws.join(" "));
  }
  return names.size >= 2;
}

/** A town asked, on folded words ("Dans quelle ville…", "Which Canadian city…", « vers quel port »; not "What did the city of Obock receive?"). */
const TOWN_ASKED = / (?:quelles? villes?|quels? ports?|quelles? localites?|quels? camps?|quels? villages?|quels? quartiers?|quelles? communes?|(?:which|what)(?! (?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should) )(?: \w+){0,2} (?:city|cities|town|towns|port|ports|camps?|villages?|neighbou?rhoods?)) /;

/**
 * The country of a town asked, from the place word beside the town's noun (« quelle ville
 * vietnamienne », « ville du Nigéria », "which Brazilian cities"), on folded words: its names, or null.
 */
function townCountry(question: string): readonly string[] | null {
  const found = countryBeside(question, "quelles? (?:villes?|ports?|localites?)", "city|cities|town|towns|port|ports");
  return found && [found.name, ...placeAliases(found.name)];
}

/**
 * The country named beside a place's noun (« quelle ville vietnamienne », « ville du Nigéria »,
 * "which Brazilian cities"): an adjective or « de/du X » right after the French noun (asked by
 * `french`, the question word with it), an adjective before the English one (`english`, nouns
 * only); the word as the question writes it and the name of the country it gives, or null.
 */
function countryBeside(question: string, french: string, english: string): { word: string; name: string } | null {
  const m = new RegExp(` (?:${french} (?:(?:de|du|d|des) )?(\\w+)|(?:which|what) ((?:[\\w-]+ ){1,2})(?:${english})) `).exec(question);
  if (!m) return null;
  for (const word of (m[1] ?? m[2] ?? "").trim().split(" ")) {
    const name = [word, ...placeAliases(word)].find((n) => capitalsOf(n).length);
    if (name) return { word, name };
  }
  return null;
}

/**
 * Nouns of parts of a country a question may ask in one, French and English (folded): a release
 * on one names its country (a town may go without it: "which Canadian city" — « à Toronto »).
 */
const PLACE_NOUNS_FR = "provinces?|regions?|districts?|departements?|gouvernorats?|zones?|municipalites?|communes?|etats?";
const PLACE_NOUNS_EN = "provinces?|regions?|districts?|governorates?|areas?|states?|municipalit(?:y|ies)";

/**
 * The country a part of a country is asked in (« quelle province irakienne », « quels districts du
 * Pakistan », "which Iraqi province"), on folded words: the country's names, adjectives and
 * capitals, or null.
 */
function placeCountry(question: string): readonly string[] | null {
  const found = countryBeside(question, `(?:quel|quels|quelle|quelles) (?:${PLACE_NOUNS_FR})`, PLACE_NOUNS_EN);
  if (!found) return null;
  const names = [found.word, ...placeAliases(found.word)];
  return [...new Set([...names, ...names.flatMap((n) => capitalsOf(n))])];
}

/** Whether a town is in another country than the one asked (its names): a capital of another, not placed in the one asked in its sentence. */
function elsewhereOf(inCountry: readonly string[] | null): Asked["townElsewhere"] {
  if (!inCountry) return undefined;
  return (name, sentence) => {
    const of = countryOf(words(name).join(" "));
    if (!of.length || of.some((c) => inCountry.includes(c))) return false;
    // a town sharing its name with another country's capital, placed in the country asked (« Tripoli, dans le nord du Liban »)
    const folded = ` ${words(sentence).join(" ")} `;
    return !inCountry.some((n) => folded.includes(` ${n} `));
  };
}

/**
 * Ceremonial acts whose doer a question may ask, on folded words after « qui » / "who", each with
 * the words a release tells it by (« sous la présidence de », « sous la houlette de », « a coupé
 * le ruban », "co-chaired"): signing, chairing, inaugurating, founding (not writing: an author
 * is told in too many ways, « une étude menée par », "by").
 */
const ACTS: readonly { asked: RegExp; told: RegExp; of?: RegExp }[] = [
  { asked: /^(?:signe|signes|signee|signees|signa|signent|signed|signs|sign)$/, told: /(?<![\p{L}])(?:sign[ée]\p{L}*|sign(?:er|ent|ait|èrent|a|ing|s|ed)|signature\p{L}*|signataire\p{L}*)(?![\p{L}])/iu },
  { asked: /^(?:preside|presidait|presidee|chaired|chairs|chair)$/, told: /(?<![\p{L}])(?:pr[ée]sid\p{L}*|co-?pr[ée]sid\p{L}*|houlette|[ée]gide|chair\p{L}*|co-?chair\p{L}*)(?![\p{L}])/iu },
  { asked: /^(?:inaugure|inaugura|inauguree|inaugurated|inaugurates)$/, told: /(?<![\p{L}])(?:inaugur\p{L}*|ruban|ribbon)(?![\p{L}])/iu },
  { asked: /^(?:coupe|cut) (?:le |the )?(?:ruban|ribbon)$/, told: /(?<![\p{L}])(?:inaugur\p{L}*|ruban|ribbon)(?![\p{L}])/iu },
  {
    asked: /^(?:redige|redigee|redigea|ecrit|ecrite|wrote|written|authored|auteur|auteurs|author|authors|redacteur|redacteurs)$/,
    told: /(?<![\p{L}])(?:r[ée]dig\p{L}*|[ée]crit\p{L}*|auteur\p{L}*|author\p{L}*|wr[io]t\p{L}*|(?:men[ée]e?s?|r[ée]alis[ée]e?s?|pr[ée]par[ée]e?s?|dirig[ée]e?s?|conduite?s?|command[ée]e?s?|compil[ée]e?s?|[ée]labor[ée]e?s?|effectu[ée]e?s?|coordonn[ée]e?s?|produite?s?) par|(?:led|prepared|conducted|commissioned|compiled|produced|developed|carried out|coordinated|drafted) by)(?![\p{L}])/iu,
    // of a text: « les auteurs de l'attaque » are no writers
    of: / (?:rapport|rapports|etude|etudes|livre|livres|ouvrage|publication|publications|article|articles|document|documents|guide|guides|manuel|report|reports|study|studies|book|books|paper|papers|handbook|manual|analyse|analysis|note|recueil|compilation|brochure) /,
  },
  // opening a meeting (« Qui a ouvert officiellement la réunion… »): « ouverte par », « discours d'ouverture », « inaugurée », « lancée par », « présidée par »
  { asked: /^(?:ouvert|ouverte|ouvrit|ouvre|opened|opens)$/, told: /(?<![\p{L}])(?:r?ouv(?:er|r)\p{L}*|opened|opening|opens|inaugur\p{L}*|lanc[ée]\p{L}*|launched|pr[ée]sid\p{L}*)(?![\p{L}])/iu },
  // leading a team, an office, a meeting or a workshop (« Qui dirigeait l'équipe… »): « dirigée par », « à la tête de », « directeur du bureau » (not any director: « le directeur régional… a salué »), « sous la houlette de », « a animé l'atelier »
  { asked: /^(?:dirige|dirigeait|dirigea|dirigee|led|leads|headed|heads|anime|animait|animee|modere|moderait|moderee|moderated|moderates)$/, told: /(?<![\p{L}])(?:dirig\p{L}*|t[êe]te|chef|cheffe|chefs|(?:directeur|directrice)s? g[ée]n[ée]ra(?:l|le|ux)|directors? general|(?:directeur|directrice|director|chef|cheffe|repr[ée]sentante?|representative|head)s?(?:\s+\p{L}+)?\s+(?:du|de la|de l['’]|des|of the|of)\s+(?:bureau|bureaux|mission|[ée]quipe|d[ée]l[ée]gation|programme|projet|office|team|delegation|project)|coordinat(?:eur|rice)s?|coordonnat(?:eur|rice)s?|facilitat(?:eur|rice)s?|conduite?s? par|men[ée]e?s? par|anim[ée]\p{L}*|encadr\p{L}*|mod[ée]r\p{L}*|houlette|[ée]gide|pr[ée]sid\p{L}*|led|leads|headed|heads?|leader\p{L}*)(?![\p{L}])/iu },
  { asked: /^(?:fonde|fondee|fonda|founded|established|cree|creee|created)$/, told: /(?<![\p{L}])(?:fond[ée]\p{L}*|fonda\p{L}*|found\p{L}*|[ée]tabli\p{L}*|cr[ée]{2}\p{L}*|creat\p{L}*|cr[ée]ation)(?![\p{L}])/iu },
];

/** The words telling the act whose doer is asked ("Who signed…", « Qui a présidé… »; folded words), or null. */
function actAsked(question: string): RegExp | null {
  // (or the doer's noun: « Qui est l'auteur… », "Who is the lead author…")
  const folded = question.replace(/ (qui|who) (?:est|sont|etait|etaient|is|are|was|were) (?:l |les |the |its |their |ses |leurs |son |sa )?(?:lead |main |principal |principaux )?(auteurs?|authors?|redacteurs?) /, " $1 $2 ");
  const verbs: string[] = [];
  const m = / (?:qui|who) (?:(?:a|ont|avait|avaient|has|have|had|did|officially|officiellement|personally) )*(?:t (?:il|elle) )?(?:co )?(\w+)(?: (?:le |the )?(ruban|ribbon))? /.exec(folded);
  if (m) verbs.push(m[2] ? `${m[1]} ${m[2]}` : m[1]!);
  // or a role (« Quel responsable de l'OIM a signé… », "Which minister signed…"): a verb among its next words
  const role = / (?:quel|quelle|which) (?:responsable|fonctionnaire|official|officiel|personnalite|dirigeant|dirigeante|ministre|minister)((?: \w+){1,7})/.exec(folded);
  if (role) {
    const ws = role[1]!.trim().split(" ");
    ws.forEach((w, i) => verbs.push(w, ws.slice(i, i + 2).join(" "), ws.slice(i, i + 3).join(" ")));
  }
  for (const verb of verbs) {
    const act = ACTS.find((a) => a.asked.test(verb) && (!a.of || a.of.test(question)));
    if (act) return act.told;
  }
  return null;
}

/** Posts whose first holder a question may ask, as a question writes them (folded) and as a release does. */
const POSTS = "directeur|directrice|director|dg|president|presidente|chef|cheffe|head|secretaire|secretary|commissaire|commissioner";
const POSTS_TOLD = "directeur|directrice|director|dg|pr[ée]sidente?|president|chef|cheffe|head|secr[ée]taire|secretary|commissaire|commissioner";

/** A week by its rank (not "last week", which is a date: « la semaine dernière »), and the words of each rank. */
const WEEK_ASKED = /(?<![\p{L}\d])(?:(premi[èe]re|1re|1[èe]re|deuxi[èe]me|seconde|2e|2[èe]me|troisi[èe]me|3e|3[èe]me|quatri[èe]me|4e|4[èe]me)\s+semaine|(first|1st|second|2nd|third|3rd|fourth|4th)\s+week)(?![\p{L}])/iu;
/** The ranks of a week, each as the pattern of its words and the pattern of its week in a release. */
const RANKS: readonly { rank: RegExp; week: RegExp }[] = [["premi[èe]re", "first", "1st", "1re", "1[èe]re"], ["deuxi[èe]me", "seconde", "second", "2nd", "2e", "2[èe]me"], ["troisi[èe]me", "third", "3rd", "3e", "3[èe]me"], ["quatri[èe]me", "fourth", "4th", "4e", "4[èe]me"]].map((forms) => ({
  rank: new RegExp(`^(?:${forms.join("|")})$`, "iu"),
  week: new RegExp(`(?<![\\p{L}])(?:(?:${forms.join("|")})\\s+(?:semaine|week))(?![\\p{L}])`, "iu"),
}));

/**
 * The ranked week a question names, as a pattern a release must match (its own words, not the
 * conversation's). Not months: a release tells « janvier à mai » as « les cinq premiers mois ».
 */
function timesOf(question: string): RegExp[] {
  const asked = WEEK_ASKED.exec(question);
  const rank = asked && RANKS.find((r) => r.rank.test(asked[1] ?? asked[2]!));
  return rank ? [rank.week] : [];
}

/** The first holder of a post asked, on folded words, where « premier » is « 1e » ("the very first Director General", « son tout premier directeur »; not « Premier ministre »). */
const FIRST_HOLDER_ASKED = new RegExp(` (?:premier|premiere|first|1e|1er|1re|1st) (?:${POSTS}) `);

/** The first holder of a post told (« le premier directeur », "its first Director General", « fondateur »). */
const FIRST_HOLDER_TOLD = new RegExp(`(?<![\\p{L}])(?:(?:premi[eè]re?|1e?re?|first)\\s+(?:${POSTS_TOLD})|fondat(?:eur|rice)s?|founders?|founding)(?![\\p{L}])`, "iu");

/** Whether a sentence names a body, a country or a person the question does not name, who may fund what it asks. */
function namesFunder(sentence: string, asked: Asked): boolean {
  if (namesPerson(sentence, asked.known())) return true;
  if (typeMatches(sentence, "organisation", asked.question).some((m) => !namedBy(m.text, asked.parties()))) return true;
  if (typeMatches(sentence, "place", asked.question).length > 0) return true;
  // or by its adjective (« financée par le gouvernement japonais », « la coopération italienne »)
  return [...sentence.matchAll(FUNDER_ADJECTIVE)].some((m) => {
    const w = words(m[1]!)[0];
    return w !== undefined && isKnownPlace(w) && !asked.known().has(stem(w));
  });
}

/**
 * Posts a person may be asked by (« Quel Premier ministre… », "Which governor…", « Qui est le
 * maire… »; folded, « premier » read « 1e »), each with the words a release names it by.
 */
const POSTS_ASKED: readonly { asked: RegExp; told: RegExp }[] = [
  { asked: / (?:quel|quelle|which|what|(?:qui|who) (?:est|etait|sera|is|was|will be)(?: le| la| the)?|comment (?:s )?appel\w*(?: le| la| ce| cette| cet)?|(?:what|which) (?:is|was) the name of (?:the|this|that)) (?:\w+ )?(?:1e|1er|1re) ministre | (?:which|what|who (?:is|was) the) (?:\w+ )?prime minister /, told: /(?<![\p{L}])(?:premi[eè]re?\s+ministre|prime\s+minister|chef(?:fe)?\s+du\s+gouvernement)(?![\p{L}])/iu },
  { asked: / (?:quel|quelle|which|what|(?:qui|who) (?:est|etait|sera|is|was|will be)(?: le| la| the)?|comment (?:s )?appel\w*(?: le| la| ce| cette| cet)?|(?:what|which) (?:is|was) the name of (?:the|this|that)) (?:\w+ )?(?:gouverneur|gouverneure|governor) /, told: /(?<![\p{L}])(?:gouverneure?s?|governors?)(?![\p{L}])/iu },
  { asked: / (?:quel|quelle|which|what|(?:qui|who) (?:est|etait|sera|is|was|will be)(?: le| la| the)?|comment (?:s )?appel\w*(?: le| la| ce| cette| cet)?|(?:what|which) (?:is|was) the name of (?:the|this|that)) (?:\w+ )?(?:maire|mayor) /, told: /(?<![\p{L}])(?:maires?|mayors?)(?![\p{L}])/iu },
  { asked: / (?:quel|quelle|which|what|(?:qui|who) (?:est|etait|sera|is|was|will be)(?: le| la| the)?|comment (?:s )?appel\w*(?: le| la| ce| cette| cet)?|(?:what|which) (?:is|was) the name of (?:the|this|that)) (?:\w+ )?(?:ambassadeur|ambassadrice|ambassador) /, told: /(?<![\p{L}])(?:ambassad(?:eur|rice|or)s?)(?![\p{L}])/iu },
  { asked: / (?:quel|quelle|which|what|(?:qui|who) (?:est|etait|sera|is|was|will be)(?: le| la| the)?|comment (?:s )?appel\w*(?: le| la| ce| cette| cet)?|(?:what|which) (?:is|was) the name of (?:the|this|that)) (?:\w+ )?(?:porte parole|spokesperson|spokesman|spokeswoman) /, told: /(?<![\p{L}])(?:porte-?\s?parole|spokes(?:person|man|woman))(?![\p{L}])/iu },
];

/** Whether a capitalised word the question does not name follows a post's word closely (« le gouverneur de Bangkok, AswinKwanmuang »: a name run together). */
function namedAfter(sentence: string, post: RegExp, known: ReadonlySet<string>): boolean {
  const m = new RegExp(post.source, "iu").exec(sentence);
  if (!m) return false;
  const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 60);
  return [...after.matchAll(/(?<![\p{L}])\p{Lu}\p{Ll}{2,}(?:\p{Lu}\p{Ll}+)*/gu)].some((n) => {
    const w = words(n[0])[0];
    return w !== undefined && !STOPWORDS.has(w) && !known.has(stem(w)) && !isKnownPlace(w);
  });
}

/** Whether a sentence names a country or a town the question does not name right after the act and « par » / "by" (« présidé par le Népal »). */
function namesPlaceBy(sentence: string, act: RegExp, known: ReadonlySet<string>): boolean {
  for (const m of sentence.matchAll(new RegExp(`(?:${act.source})\\s+(?:par|by)\\s+(?:l['’]|le |la |les |the )?(\\p{Lu}[\\p{L}-]+)`, "giu"))) {
    // (a capital as written: the pattern ignores case for the act's words)
    const w = words(m[1]!)[0];
    if (w && /^\p{Lu}/u.test(m[1]!) && isKnownPlace(w) && !WIDE_PLACES.has(w) && !known.has(stem(w))) return true;
  }
  return false;
}

/** A body named by its country's adjective (« le gouvernement japonais », « la coopération italienne », « du peuple américain »). */
const FUNDER_ADJECTIVE = /(?<![\p{L}])(?:gouvernement|coop[ée]ration|peuple|minist[èe]re|ambassade|agence|fonds)\s+(\p{L}+)/giu;

/** Titles that name a doer without a name (« le ministre de l'Intérieur », "the governor"). */
const ROLE_TITLE = /(?<![\p{L}])(?:ministres?|gouverneure?s?|ambassadeurs?|ambassadrices?|pr[ée]sidente?s?|directeurs?|directrices?|chefs?|cheffes?|secr[ée]taires?|maires?|pr[ée]fets?|commissaires?|repr[ée]sentante?s?|d[ée]l[ée]gu[ée]e?s?|coordinat(?:eur|rice)s?|ministers?|governors?|ambassadors?|presidents?|directors?|chiefs?|secretar(?:y|ies)|mayors?|commissioners?|representatives?|envoys?)(?![\p{L}])/iu;

/**
 * Whether a sentence telling an act names who did it: a person, a title (« le ministre »), a body
 * the question does not name (« l'OIM et le HCR » for "Who founded the network?"; not « l'Union
 * africaine (UA) » when the question names « l'Union africaine » or "the African Union").
 */
function namesDoer(sentence: string, asked: Asked): boolean {
  if (namesPerson(sentence, asked.known()) || ROLE_TITLE.test(sentence)) return true;
  // a country chairs too (« actuellement présidé par le Népal »), named right after the act
  if (asked.act && namesPlaceBy(sentence, asked.act, asked.known())) return true;
  return typeMatches(sentence, "organisation", asked.question).some((m) => !namedBy(m.text, asked.parties()));
}

/** Words an acronym may skip in the name it stands for, and articles, which give it no letter. */
const NAME_LINKS = new Set(["de", "du", "des", "la", "le", "les", "l", "d", "et", "pour", "of", "the", "for", "and", "un", "une", "a", "an"]);

/**
 * The question's words with their French words, each as the letters it may give an acronym
 * ("African Union" — « UA »: "african" gives a, "union" u), without link words or articles.
 */
interface Parties {
  words: ReadonlySet<string>;
  initials: ReadonlySet<string>[];
}

function partiesOf(question: string): Parties {
  const expansion = frenchExpansion(question);
  const ws = words(question).filter((w) => !NAME_LINKS.has(w) && (w.length > 2 || /^[a-z]{2}$/.test(w)));
  return { words: new Set([...ws, ...ws.flatMap((w) => expansion.get(w) ?? [])]), initials: ws.map((w) => new Set([w[0]!, ...(expansion.get(w) ?? []).map((f) => f[0]!)])) };
}

/**
 * Whether the question names a body: all its words (in the question's words or their French
 * words), its acronym's letters beginning words of the question next to each other in any order
 * (« UA » — "African Union", « Union africaine »), or the acronym of its words (« Organisation
 * internationale pour les migrations » — "IOM", « OIM »).
 */
function namedBy(body: string, parties: Parties): boolean {
  const all = parties.words;
  const ws = words(body).filter((w) => !NAME_LINKS.has(w));
  if (!ws.length || ws.every((w) => all.has(w))) return true;
  if (ws.length === 1 && /^\p{Lu}{2,6}$/u.test(body.trim())) {
    const letters = [...ws[0]!];
    const { initials } = parties;
    for (let i = 0; i + letters.length <= initials.length; i++) {
      const window = initials.slice(i, i + letters.length);
      if (assignable(letters, window)) return true;
    }
  }
  const acronym = ws.map((w) => w[0]).join("");
  return acronym.length >= 2 && all.has(acronym);
}

/** Whether each letter can be given by a different one of the words (their possible initials). */
function assignable(letters: readonly string[], window: readonly ReadonlySet<string>[]): boolean {
  if (!letters.length) return true;
  const [first, ...rest] = letters;
  return window.some((options, j) => options.has(first!) && assignable(rest, window.filter((_, k) => k !== j)));
}

/** A day asked, not a month or a year ("À quelle date exacte…", "On what exact date…", "Quel jour…"), on folded words. */
const DAY_ASKED = / (?:date exacte|dates exactes|date precise|dates precises|exact date|exact dates|precise date|precise dates|dates? exactly|quel jour|what day|which day) /;

/** A date asked, a month at least (« À quelle date… », "On what date…"), on folded words. */
const MONTH_ASKED = / (?:a quelle date|on what date|on which date|quel mois|what month|which month|in which month) /;

/** A month named, in French or English, or a date in figures (« 15.05.2019 », « 2019-05-15 »). */
const MONTH = new RegExp(`(?<![\\p{L}])(?:${MONTH_WORDS}|janv|févr|fevr|avr|juil|sept|oct|nov|déc|dec)(?![\\p{L}])|(?<!\\d)(?:\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2})(?!\\d)`, "iu");

/** A day of the week: "Quel jour…" may be answered « chaque mardi ». */
const WEEKDAY = /(?<![\p{L}])(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![\p{L}])/iu;

/**
 * Words within which a count stands from a word of the dead ("le nombre total de victimes sur
 * ces itinéraires s'élève à 3 455", "Au moins 5 000 migrants, dont de nombreux enfants venus
 * d'Afrique de l'Ouest…, sont morts").
 */
const DEAD_WITHIN = 25;

/** Whether a sentence gives a count within a few words of a word of the dead ("a fait 106 morts", "le bilan s'élève à 50 morts"). */
function countsDead(full: string, questionWords: string): boolean {
  return countsNear(full, questionWords, DEATHS, DEAD_WITHIN, "either");
}

/** Words between a population's count and its word (« 4,5 millions d'habitants », « une population de 2 millions »). */
const POPULATION_WITHIN = 3;

/**
 * Whether a sentence gives a population: a count just before a word of inhabitants (« 30
 * millions d'habitants ») or just after « population » (« une population de 2 millions »; not
 * « la population déplacée vit dans 120 camps »).
 */
function countsPopulation(full: string, questionWords: string): boolean {
  return countsNear(full, questionWords, INHABITANTS, POPULATION_WITHIN, "before") || countsNear(full, questionWords, POPULATION, POPULATION_WITHIN, "after");
}

/** Whether a sentence gives a count within `within` words of a word its pattern finds, on the side given (the count after the word, before it, or either). */
function countsNear(full: string, questionWords: string, pattern: RegExp, within: number, side: "after" | "before" | "either"): boolean {
  const sentence = full.slice(0, MAX_SENTENCE);
  if (!pattern.test(sentence)) return false;
  const starts = wordStarts(sentence);
  const at = [...sentence.matchAll(new RegExp(pattern.source, "giu"))].map((m) => wordsBefore(starts, m.index));
  const near = (gap: number) => Math.abs(gap) <= within && (side === "either" || (side === "after" ? gap > 0 : gap < 0));
  return typeMatches(sentence, "count", questionWords).some((m) => !VAGUE_COUNT.test(m.text) && at.some((d) => near(m.word - d)));
}

/** What one quoted sentence must hold: words of funding for who funds, a count of the dead for one asked, a name for a named thing asked, a count of the part of a group asked, a town for a town asked. */
export function cueOf(asked: Asked): ((text: string) => boolean) | undefined {
  if (asked.funder) return (text) => FUNDING.test(text);
  // a count of the dead, the injured or a population: the sentence giving it beside its word
  if (asked.deaths || asked.injured || asked.population) return countCue(asked);
  // a named thing asked by its noun: the sentence naming one ("dans le canton de Goum-Blao")
  const kind = asked.kind;
  if (kind) return (text) => namesKind([text], kind, asked.known());
  // a part of a group: the sentence counting it (« dont 12 enfants »), not only the total
  const subgroup = asked.subgroup;
  if (subgroup) return (text) => countsSubgroup(text, subgroup);
  // a part counted by its place or nationality: the sentence counting it beside its name
  if (asked.partPlace) return countCue(asked);
  // a total asked (« Au total, combien… », "How many in all…"): the sentence giving a total
  if (asked.total) return (text) => TOTAL_GIVEN.test(text) && typeMatches(text, "count", asked.question).length > 0;
  // the first of several asked ("Which country took in the most…"): the sentence naming the first (« la France est le principal pays »)
  if (asked.most) return (text) => MOST_GIVEN.test(text);
  // a town asked: the sentence naming one (« se tient à Bangkok »), not only the one on the question's words
  if (asked.town) return (text) => namesTown(text, asked.known(), asked.townElsewhere);
  return undefined;
}

/** The first of several asked, on folded words ("the most", "the largest number", « le plus », « en tête »). */
const MOST_ASKED = / (?:the most|the largest|the biggest|the highest|the greatest|le plus|la plus|les plus|en tete|principal|principale|principaux) /;

/** A sentence naming the first of several (« le principal pays d'accueil », « en tête de la liste »). */
const MOST_GIVEN = /(?<![\p{L}])(?:principa(?:l|le|ux|les)|le plus|la plus|les plus|en tête|the most|the largest|the biggest|the highest|top)(?![\p{L}])/iu;

/** A total asked with a count, on folded words (« au total », « en tout », "in total", "overall"). */
const TOTAL_ASKED = / (?:total|totale|en tout|in all|overall|altogether|cumule|cumules|cumulative) /;

/** A sentence giving a total (« portant le nombre total de Rohingyas… à 836 000 », "a total of"). */
const TOTAL_GIVEN = /(?<![\p{L}])(?:total|totale|en tout|in all|overall|altogether|cumul\p{L}*)(?![\p{L}])/iu;

/** A count of the dead asked ("Combien de morts…", "How many people were killed…", "death toll"), on folded words. */
const DEATHS_ASKED = / (?:killed|died|dead|deaths?|death toll|lost their lives|morts?|mortes?|tues?|tuees?|deces|decedes?|decedees?|peri|noyes?|noyees?) /;

/** Words between the count of the injured and their word (« 12 personnes ont été blessées »; not « Quatorze personnes ont été emportées… et d'autres ont été blessées »). */
const INJURED_WITHIN = 5;

/** A count of the injured asked, on folded words. */
const INJURED_ASKED = / (?:combien (?:de |d )?(?:\w+ )?(?:ont ete |sont |ont |a ete |etaient )?(?:blesses|blessees)|how many (?:\w+ )?(?:were |have been |had been |got )?(?:injured|wounded|hurt)|nombre de blesses|number of (?:injured|wounded|injuries)) /;

/** Words of the injured in a sentence. */
const INJURED = /(?<![\p{L}])(?:bless[ée]e?s?|blessures?|injured|wounded|injuries|hurt)(?![\p{L}])/iu;

/** Words of the dead in a sentence. */
const DEATHS = /(?<![\p{L}])(?:perdu la vie|co[uû]t[ée] la vie|lost their lives|perished|morts?|mortes?|tu[ée]e?s?|d[ée]c[èe]s|d[ée]c[ée]d[ée]e?s?|p[ée]ri|p[ée]rissent|p[ée]rirent|noy[ée]e?s?|victimes|mortel(?:le)?s?|killed|dead|died|deaths?|fatalities)(?![\p{L}])/iu;

/** The population of a place asked, on folded words (« quelle est la population (totale) du », "what is the population of"; not « combien d'habitants ont fui », nor the people living in a camp). */
const POPULATION_ASKED = / (?:quelle|what) (?:(?:est|etait|is|was) (?:la |the )?|the )(?:(?:total|current|whole|entire|overall) )?population (?:(?:totale|actuelle|globale) )?(?:de|du|des|d|of|in) (?!(?:the |la |le |l |les )?(?:\w+ )?(?:deplaces|refugies|migrants|personnes|pdi|idps?|displaced|refugees|people|site|sites|camp|camps|poc|centre|center|centres|centers))/;

/** Words of votes, folded. */
const VOTES = "(?:vote|votes|referendum|election|elections|scrutin|ballot|presidentielle|presidential|legislatives|poll|polls|race)";

/** The result of a vote asked, on folded words ("what was the outcome of the referendum", « qui a remporté l'élection »). */
const VOTE_RESULT_ASKED = new RegExp(
  String.raw` (?:(?:results?|outcomes?|resultats?|issue) (?:of|du|de la|de l|des) (?:the |ce |cette |l |la |le )?(?:\w+ ){0,2}${VOTES}|(?:(?:who|which(?: \w+)?) won|qui a (?:gagne|remporte)|quel (?:candidat|parti) a (?:gagne|remporte)) (?:the |l |la |le |les )?(?:\w+ ){0,3}${VOTES}) `,
);

/** A vote in a sentence (« le référendum », « des votants », "the election"), and someone elected (« élu », « un nouveau président »). */
const VOTE_TOLD = /(?<![\p{L}])(?:vote\p{L}*|votant\p{L}*|[ée]lecteurs?|[ée]lections?|[ée]lectora\p{L}*|r[ée]f[ée]rendum|scrutin|ballot|voters?|polls?)(?![\p{L}])/iu;
const ELECTED = /(?<![\p{L}])(?:[ée]lue?s?|r[ée][ée]lue?s?|elected|re-elected|president-elect|nouveau pr[ée]sident|new president)(?![\p{L}])/iu;

/** Words of a vote's result in a sentence of the vote (« approuvée par 64 % des votants »). */
const VOTE_RESULT = /(?<![\p{L}])(?:r[ée]sultats?|approuv\p{L}*|rejet\p{L}*|remport[ée]e?s?|gagn[ée]e?s?|victoire|vainqueur|majorit[ée]|won|wins|approved|rejected|victory|winner|majority|\d+(?:[.,]\d+)?\s?%|pour cent|per cent|percent)(?![\p{L}])/iu;

/** Today asked, on folded words ("current", « actuellement », "right now"): who holds a post today is no release's news. */
const NOW_ASKED =
  / (?:(?:who|qui) (?:is|are|est|sont) (?:(?:the |l |le |la |les )?(?:current|actuel|actuelle|actuels|actuelles)|the present)|(?:appelle|name of|nom de|nom du) (?:the |l |le |la )?(?:current|actuel|actuelle)|(?:who|qui) (?:\w+ ){1,4}(?:currently|actuellement|aujourdhui|today|now|en ce moment|at present|presently)(?= $)|(?:who|qui) (?:currently|actuellement|presently) (?:heads|leads|runs|dirige|preside|chairs)) /;

/** A country's head asked in the present ("Who is the president of France?", « Qui est le Premier ministre du Japon ? »), on folded words. */
const HEAD_OF_STATE = / (?:who|qui) (?:is|est) (?:the |le |la |l )?(?:president|presidente|prime minister|premier ministre|king|roi|queen|reine|chancellor|chanceliere|emir|sultan) (?:of|de|du|des|d) (?:la |l |the )?(\w+) /;

/** Whether a question asks who heads a country today (the country is known as a place). */
function headOfState(question: string): boolean {
  const m = HEAD_OF_STATE.exec(question);
  return !!m && isKnownPlace(m[1]!);
}

/** Today told by a release ("currently chaired by", « actuellement présidé par »). */
const NOW_TOLD = /(?<![\p{L}])(?:actuellement|currently|presently|à l['’]heure actuelle)(?![\p{L}])/iu;

/** « Population » in a sentence, and words of its inhabitants. */
const POPULATION = /(?<![\p{L}])population(?![\p{L}])/iu;
const INHABITANTS = /(?<![\p{L}])(?:habitants?|inhabitants?|residents?|âmes)(?![\p{L}])/iu;

/** Whether a question asks who funds something (« Qui a financé… ? », "Which donor…"). */
function asksFunder(query: QueryAnalysis, asked: readonly AnswerType[]): boolean {
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
