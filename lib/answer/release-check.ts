/**
 * What a retrieved release holds of a question: whether it can answer at all (the names and
 * years asked are in it) and how much of the question it covers. Pure.
 */
import type { AnswerType } from "../text/answer-type";
import { isKnownPlace, placeAliases } from "../text/glossary";
import { bodiesNamed } from "../text/bodies";
import { capitalsOf, countriesOfRegion, countryNamesOf, namesCountry } from "../text/places";
import { numbersOf } from "../text/numbers";
import { fold, stem, words } from "../text/normalize";
import { FRENCH_MONTHS, type Concept, type QueryAnalysis } from "../text/query";
import { conceptIn, coverage, type IdfOf } from "./coverage";

/** What the release of a candidate holds of the question. */
export interface ReleaseCheck {
  /** Share of the question's concepts in the release (idf-weighted) and their number over all. */
  coverage: number;
  share: number;
  /** Coverage of the conversation's concepts (follow-ups; 0 otherwise). */
  context: number;
  /** Weight of the rarest concept found over that of the rarest concept asked (0–1). */
  rare: number;
  /** Weight of the heaviest concept not found, over the question's total weight (0–1). */
  heaviestMissing: number;
  /** An acronym of the question is not in the release (they differ between languages). */
  missingAcronym: boolean;
  /** A name of the question is not in the release, tolerated as another spelling or a metonymy. */
  missingName: boolean;
  /**
   * The release passes the coverage rule: with the decision's default weights, whether it may
   * answer at all; always, whether it may add sentences beside the best release's.
   */
  strong: boolean;
}

/**
 * Release rules: a release covering enough of the question (idf-weighted) and a third of its
 * informative concepts (those in most releases, "OIM", "migrants", say nothing of it) is "strong" (a feature of the decision; only strong releases add sentences beside the
 * best one); one name of the question may be missing from a release that has two others and
 * half of the question's weight.
 */
export const ABSTAIN = { releaseCoverage: 0.2, releaseShare: 0.34, namesPresent: 2, missingNameCoverage: 0.5 };

/** A name in capitals, with the particles and adjectives inside country names (« Côte d'Ivoire », « République démocratique du Congo »). */
const PLACE_NAME = String.raw`\p{Lu}[\p{L}'’-]*(?:(?:\s+(?:(?:de|du|des|of|the|démocratique|populaire|islamique|arabe|fédérale|unie|unis|dominicaine|centrafricaine|tchèque)\s+)*|\s*d['’])\p{Lu}[\p{L}'’-]*)*`;
const LIST_BEFORE = "(?:(?:au|aux|en|le|la|les|l['’]|du|des|de|d['’]|à|the|in|from)\\s*)?";

/** Three names or more in a list ("Honduras, Guatemala and El Salvador", « au Niger, au Mali et au Tchad »). */
const PLACE_LIST = new RegExp(String.raw`${PLACE_NAME}\s*,\s*${LIST_BEFORE}${PLACE_NAME},?\s+(?:et|and|ou|or)\s+${LIST_BEFORE}${PLACE_NAME}`, "u");

/** Words before a country's name when a release says something happens there ("au Royaume-Uni", "in Viet Nam"). */
const IN_COUNTRY = ["au", "aux", "en", "in"];

/** Words before a city's name when a release says something happens there ("à Dili", "in Dili"). */
const CITY_BEFORE = ["a", "de", "du", "depuis", "vers", "dans", "sur", "pres", "in", "at", "from", "to", "near"];

/** Weight of a concept: that of its rarest own stem. */
export function weightOf(c: Concept, idf: IdfOf): number {
  return Math.max(...c.stems.map(idf));
}

/**
 * The check of one release, or null when it cannot answer: a name or year of the question is
 * not in it (acronyms differ between languages, CEPALC / ECLAC, so one may be missing; names
 * are spelt differently, Baku / Bakou; one name may be missing from a release holding the
 * question's other names and half of its weight; a missing year never is; nor a number above
 * ten the question writes in figures, which the release may write in figures, words or Roman
 * numerals).
 */
export function checkRelease(input: {
  query: QueryAnalysis;
  /** Kinds of value the question asks for. */
  asked: readonly AnswerType[];
  idf: IdfOf;
  /** Weight under which a concept is in too many releases to count towards a release's share (`informativeWeight`). */
  informative?: number;
  /** Stems of the release's title and text. */
  stems: ReadonlySet<string>;
  /** The release's title and text as folded words between spaces. */
  folded: () => string;
  /** The release's distinct folded words. */
  words: () => ReadonlySet<string>;
  /** The release's title and text as written (acronyms written out). */
  text: () => string;
  /** What the question names (`namesOf`), read once for all its candidate releases. */
  names: QuestionNames;
}): ReleaseCheck | null {
  const { query, stems, idf } = input;
  const concepts = query.concepts.length ? query.concepts : query.contextConcepts;
  // a body the question names must be named by the release, under any of its names; then the
  // words of its name are found ("Doctors Without Borders" — « MSF »)
  const { bodies } = input.names;
  const named = bodies.filter((names) => names.some((n) => input.folded().includes(n)));
  if (named.length < bodies.length) return null;
  const bodyWords = new Set(named.flatMap((names) => names.flatMap((n) => n.trim().split(" "))));
  const entities = query.concepts.filter((c) => c.entity && !bodyWords.has(c.word));
  // a region is also in a release naming one of its countries ("Amérique centrale" — "le Honduras"),
  // a country in one naming its capital ("Timor-Leste" — "Dili")
  // whether the release says something happens at a place ("à Dili", "au Royaume-Uni")
  const at = (before: readonly string[], place: string) => before.some((p) => input.folded().includes(` ${p} ${place} `));
  const inRegion = (region: string, town = false) =>
    // (or one of its peoples: « jeunes géorgiens » for "the Caucasus")
    countriesOfRegion(region).some((country) => namesCountry(input.folded(), country)) ||
    // and a capital in one saying something happens in its country ("London" — "au Royaume-Uni",
    // "Hanoï" — "au Viet Nam" or "au Vietnam"; not "financé par la France" for Paris)
    // (not a capital the question places something in: "the IOM office in Paris" is not « un bureau à Marseille, en France »)
    (!town && countryNamesOf(region).some((country) => at(IN_COUNTRY, country) || at(IN_COUNTRY, country.replaceAll(" ", "")))) ||
    [region, ...placeAliases(region)].some((name) => capitalsOf(name).some((capital) => at(CITY_BEFORE, capital)));
  let releaseTokens: Tokens | undefined;
  const tokens = () => (releaseTokens ??= tokensOf(input.text()));
  // a name found under another spelling counts towards coverage like any concept found
  // a name that is also a month ("Mars", "Avril") is not found in dates: the release writes it in capitals
  const foundHere = (c: Concept) =>
    c.entity === "name" && FRENCH_MONTHS.has(c.word)
      ? tokens().folded.some((w, i) => w === c.word && /^\p{Lu}/u.test(tokens().raw[i]!))
      : conceptIn(c, stems) || (c.entity === "name" && !c.place && nameIn(c, input.words()));
  const found = (c: Concept) =>
    // "sri lanka" is in "sri lankais": the place's last word may go on as an adjective
    c.place
      ? c.place.split("|").some((name) => placeIn(name, input.folded()) || inRegion(name))
      : foundHere(c) || (c.entity === "name" && [c.word, ...placeAliases(c.word)].some((name) => inRegion(name, c.town)));
  // a name of several words read through its translation ("Doctors Without Borders", "Nobel
  // Peace Prize") is one name, found when its words stand together (« Médecins Sans Frontières »,
  // « prix Nobel de la paix »), not when the release uses them as common words
  const ownForm = (c: Concept) => conceptIn({ word: c.word, stems: c.stems.slice(0, 1), entity: c.entity }, stems) || nameIn(c, input.words());
  const runs = input.names.runs
    .map((run) => run.filter((c) => !bodyWords.has(c.word)))
    .filter((run) => run.length >= 2 && run.some((c) => found(c) && !ownForm(c)));
  const apart = runs.filter((run) => run.every(found) && !together(run, input.folded(), input.words()));
  const missing = entities.filter((c, i) => {
    if (apart.some((run) => run[0] === c)) return true;
    // the words of one place ("Sri", "Lanka") are missing together: one missing name
    return !found(c) && !(c.place && entities.slice(0, i).some((d) => d.place === c.place)) && !(c.entity === "acronym" && (acronymIn(c.word, tokens()) || explained(c.word, query.question)));
  });
  // an acronym of a body the release neither names nor writes out is another body ("UNICEF", "OCHA")
  if (missing.some((c) => c.entity === "acronym" && c.word.length >= 3 && !KIND_ACRONYMS.has(c.word))) return null;
  // the thing asked itself (the weather) is in the release that answers, under its own words
  // (« climat » is no weather)
  if (query.concepts.some((c) => c.asked && !conceptIn({ word: c.word, stems: c.stems, entity: c.entity }, stems))) return null;
  const own = coverage({ concepts, stems, idf, informative: input.informative, found: foundHere });
  // a known place or nationality is no other spelling (its other names are looked for already),
  // unless a place is asked: the release names the city, not the region the question gives it
  // ("in which Canadian city…" — "Toronto")
  const knownPlace = (c: Concept) => isKnownPlace(c.word) || placeAliases(c.word).length > 0;
  // nor is one place of a list of three or more the release names the others of ("in Honduras,
  // Guatemala and El Salvador" — « le Nicaragua, le Guatemala et le Honduras »)
  const list = PLACE_LIST.exec(query.question);
  const listed = new Set(list ? words(list[0]) : []);
  const places = new Set(entities.filter((c) => c.entity === "name" && knownPlace(c) && listed.has(c.word)).map((c) => c.place ?? c.word));
  const tolerated =
    missing.length === 1 &&
    missing[0]!.entity === "name" &&
    (!knownPlace(missing[0]!) || input.asked.includes("place") || (places.size >= 3 && listed.has(missing[0]!.word))) &&
    nameCount(entities, input.names.hyphenated, runs) - 1 >= ABSTAIN.namesPresent &&
    own.weighted >= ABSTAIN.missingNameCoverage;
  if (!tolerated && (missing.some((c) => c.entity !== "acronym") || missing.length > 1)) return null;
  // a number the question names ("Title 42", "the 171 migrants") is in the release that answers it
  if (query.figures.length) {
    const figures = numbersOf(input.folded());
    if (query.figures.some((f) => !figures.has(f))) return null;
  }

  const context = query.followUp && query.contextConcepts.length ? coverage({ concepts: query.contextConcepts, stems, idf }).weighted : 0;
  const rarest = Math.max(0, ...concepts.map((c) => weightOf(c, idf)));
  let heaviestMissing = 0;
  // the heaviest missing concept's weight by the stems some release holds: an English word the
  // glossary does not translate ("landed", "holed up") is in no release and says nothing of one
  let heaviestKnown = 0;
  const unseen = idf("\u0000");
  let total = 0;
  let rarestFound = 0;
  for (const c of concepts) {
    const w = weightOf(c, idf);
    total += w;
    if (foundHere(c)) rarestFound = Math.max(rarestFound, w);
    else {
      heaviestMissing = Math.max(heaviestMissing, w);
      heaviestKnown = Math.max(heaviestKnown, ...(query.language === "en" ? c.stems.map(idf).filter((x) => x < unseen) : [w]));
    }
  }
  // a release without the question's heaviest word, whose words found weigh less than it, is on
  // another subject ("le programme de parrainage privé de réfugiés au Canada" — "réfugiés… vers
  // le Canada"); a follow-up's own words may say little of its release
  const onSubject = query.followUp || (total > 0 ? heaviestKnown / total : 0) <= own.weighted;
  let strong = onSubject && own.weighted >= ABSTAIN.releaseCoverage && (own.informative ? own.informed >= ABSTAIN.releaseShare * own.informative : own.matched >= ABSTAIN.releaseShare * concepts.length);
  // a follow-up may name nothing of its release: the conversation's subject must be there, and
  // a concept or an asked kind of value ("Where was he born?"); one naming several things needs
  // a third of them there ("Et qui a gagné la coupe du monde ?" is another subject)
  // (one pointing back with a pronoun, "How many of them…", « Combien d'entre eux… », goes on with
  // the conversation's subject: one of its words there is enough)
  const ownMatched =
    query.concepts.length >= 2 && !(query.concepts.length <= PRONOUN_CONCEPTS && PRONOUN_BACK.test(query.question)) ? own.matched >= ABSTAIN.releaseShare * query.concepts.length : own.matched >= 1 || input.asked.length > 0;
  if (!strong && query.followUp) strong = context >= ABSTAIN.releaseCoverage && ownMatched;
  return {
    coverage: own.weighted,
    share: concepts.length ? own.matched / concepts.length : 0,
    context,
    rare: rarest > 0 ? rarestFound / rarest : 0,
    heaviestMissing: total > 0 ? heaviestMissing / total : 0,
    missingAcronym: missing.length > 0 && !tolerated,
    missingName: tolerated,
    strong,
  };
}

/** Concepts up to which a follow-up with a pronoun names nothing new (« Et les victimes de la traite exploitées dans les mines, combien d'entre elles… » names a group of its own). */
const PRONOUN_CONCEPTS = 4;

/** A pronoun pointing back at the conversation's people or things ("of them", "they", « ils » not after its verb, « d'entre eux », « celui-ci »). */
const PRONOUN_BACK = /(?<![\p{L}'’-])(?:they|them|their|those|ils|elles|(?<!chez )eux|celui-ci|celle-ci|ceux-ci|celles-ci|ce dernier|cette dernière|ces derniers|ces dernières)(?![\p{L}'’-])/iu;

/**
 * Acronyms a release may leave out: of a kind of body, not of one body (« organisation »,
 * "agency"), and of the body publishing the releases.
 */
const KIND_ACRONYMS = new Set(["oim", "iom", "ong", "ngo", "onu", "oig", "igo", "pdi", "idp", "odd", "sdg", "vih", "hiv", "pma", "ldc"]);

/** Words an acronym may skip when written out ("Organisation internationale pour les migrations", "Haut-Commissaire des Nations Unies pour les réfugiés"). */
const LINK_WORDS = new Set(["de", "du", "des", "la", "le", "les", "l", "d", "et", "and", "of", "the", "for", "pour", "sur", "on", "a", "en", "in", "aux", "au", "nations", "unies", "united"]);

/**
 * Whether a question writes an acronym out itself before it ("le Dialogue international sur la
 * migration (IDM)"): its words are asked, the acronym adds nothing.
 */
function explained(acronym: string, question: string): boolean {
  const at = fold(question).indexOf(`(${acronym})`);
  if (at < 0) return false;
  const before = words(question.slice(0, at)).filter((w) => !LINK_WORDS.has(w));
  const initials = before.slice(-acronym.length).map((w) => w[0]);
  return initials.length === acronym.length && initials.sort().join("") === [...acronym].sort().join("");
}

/** A text's words as written and folded, and whether punctuation or a line break stands before each. */
export interface Tokens {
  raw: string[];
  folded: string[];
  /** A run of words written out cannot go on past a comma, a full stop or a line ("au Honduras. Cette réunion"). */
  breakBefore: boolean[];
}

/** The words of a text, for `acronymIn`. */
export function tokensOf(text: string): Tokens {
  const raw: string[] = [];
  const breakBefore: boolean[] = [];
  let last = 0;
  for (const m of text.matchAll(/\p{L}[\p{L}\p{N}]*/gu)) {
    raw.push(m[0]);
    breakBefore.push(/[.,;:!?()«»"“”\n]/.test(text.slice(last, m.index)));
    last = m.index + m[0].length;
  }
  const folded = fold(raw.join(" ")).split(" ");
  return { raw, folded, breakBefore };
}

/**
 * Whether a text holds an acronym of three letters or more in another form: in another order,
 * as another language writes it (OIM for IOM, FMI for IMF, BAD for ADB), or written out from a
 * capitalised word, its initials in order with link words between them and no punctuation
 * ("Commission économique pour l'Amérique latine et les Caraïbes" — CEPALC), or in another
 * order after one capital ("Fonds monétaire international" — IMF).
 */
export function acronymIn(acronym: string, tokens: Tokens): boolean {
  const letters = acronym.toLowerCase();
  if (letters.length < 3) return false;
  const sorted = [...letters].sort().join("");
  const { raw, folded, breakBefore } = tokens;
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    if (t.length === letters.length && /^\p{Lu}+$/u.test(t) && [...folded[i]!].sort().join("") === sorted) return true;
    if (!/^\p{Lu}/u.test(t) || !letters.includes(folded[i]![0]!)) continue;
    // a name and its adjectives in another language's order ("Fonds monétaire international" — IMF,
    // "Banque asiatique de développement" — ADB): one capital, then lower-case words
    const initials: string[] = [];
    for (let m = i; m < raw.length && initials.length < letters.length && (m === i || (!breakBefore[m] && !/^\p{Lu}/u.test(raw[m]!))); m++) {
      if (m === i || !LINK_WORDS.has(folded[m]!)) initials.push(folded[m]![0]!);
    }
    if (initials.length === letters.length && initials.sort().join("") === sorted) return true;
    if (folded[i]![0] !== letters[0]) continue;
    let j = i;
    let k = 0;
    while (k < letters.length && j < raw.length && (j === i || !breakBefore[j])) {
      if (folded[j]![0] === letters[k]) k++;
      else if (!LINK_WORDS.has(folded[j]!)) break;
      j++;
    }
    if (k === letters.length) return true;
  }
  return false;
}

/**
 * Whether a folded text names a place: its name may go on as an adjective ("sri lanka" in "sri
 * lankais"), not as another place of a compass point ("asie du sud" is not "asie du sud est").
 */
function placeIn(name: string, folded: string): boolean {
  if (!/ (?:sud|nord|south|north)$/.test(name)) return folded.includes(` ${name}`);
  for (let at = folded.indexOf(` ${name}`); at >= 0; at = folded.indexOf(` ${name}`, at + 1)) {
    if (!/^ (?:est|ouest|east|west)\b/.test(folded.slice(at + name.length + 1, at + name.length + 7))) return true;
  }
  return false;
}

/** What a question names, read once for all the releases it is checked against. */
export interface QuestionNames {
  /** The bodies it names in words (`bodiesNamed`), each as the list of its names. */
  bodies: (readonly string[])[];
  /** Its names of several capitalised words (`nameRuns`). */
  runs: Concept[][];
  /** The folded parts of its hyphenated names, each to its whole name ("kwazulu" → "kwazulu natal"). */
  hyphenated: ReadonlyMap<string, string>;
}

/** What a question names. */
export function namesOf(query: QueryAnalysis): QuestionNames {
  const hyphenated = new Map<string, string>();
  for (const m of query.question.matchAll(/\p{Lu}[\p{L}]*(?:-\p{L}+)+/gu)) {
    const parts = words(m[0]);
    for (const w of parts) hyphenated.set(w, parts.join(" "));
  }
  return {
    bodies: bodiesNamed(` ${words(query.question).join(" ")} `, query.question),
    runs: nameRuns(query.question, query.concepts),
    hyphenated,
  };
}

/**
 * The names of several capitalised words of a question ("Doctors Without Borders", "Tilak Chand
 * Ghimire"), as their name concepts that are no place (places are found as phrases already);
 * those of two such concepts or more. A name and the number after it ("Title 42", "Phase 2") are
 * one name too.
 */
export function nameRuns(question: string, concepts: readonly Concept[]): Concept[][] {
  const out: Concept[][] = [];
  const names = (ws: string[]) => ws.map((w) => concepts.find((c) => c.word === w && c.entity === "name" && !c.place)).filter((c): c is Concept => !!c);
  // capitalised words next to each other, a possessive ending one ("Nepal's Ministry")
  for (const m of question.matchAll(/\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)+/gu)) {
    const run = [...new Set(names(words(m[0])))];
    if (run.length >= 2) out.push(run);
  }
  for (const m of question.matchAll(/(\p{Lu}[\p{L}-]*)\s+(\d+)(?![\d,.]?\d)/gu)) {
    const name = names(words(m[1]!));
    const figure = concepts.find((c) => c.word === m[2] && !c.entity);
    if (name.length === 1 && figure) out.push([name[0]!, figure]);
  }
  return out;
}

/** Whether the words of a name stand within a few words of each other in a folded text. */
function together(run: readonly Concept[], folded: string, releaseWords: ReadonlySet<string>): boolean {
  // the release's distinct words each concept matches, then their positions
  const matching = new Map<string, Concept[]>();
  // a number of the name is a word too short to be among the release's distinct words ("Title 42")
  for (const w of [...releaseWords, ...run.filter((c) => /^\d+$/.test(c.word)).map((c) => c.word)]) {
    const st = new Set([stem(w)]);
    const cs = run.filter((c) => conceptIn(c, st) || nameVariantIn(c.word, new Set([w])));
    if (cs.length) matching.set(w, cs);
  }
  const span = 2 * run.length + 2;
  const last = new Map<Concept, number>();
  const ws = folded.trim().split(" ");
  for (let i = 0; i < ws.length; i++) {
    for (const c of matching.get(ws[i]!) ?? []) last.set(c, i);
    if (last.size === run.length && i - Math.min(...last.values()) < span) return true;
  }
  return false;
}

/** The number of names of a question: one per place ("Sri Lanka"), per hyphenated name ("KwaZulu-Natal") and per name of several words. */
function nameCount(entities: readonly Concept[], hyphenated: ReadonlyMap<string, string>, runs: readonly Concept[][]): number {
  const compound = new Map(hyphenated);
  for (const run of runs) for (const c of run) compound.set(c.word, run.map((d) => d.word).join(" "));
  return new Set(entities.filter((c) => c.entity === "name").map((c) => c.place ?? compound.get(c.word) ?? c.word)).size;
}

/**
 * Whether a name of the question is in a release under another name of the same place
 * ("Birmanie" / "Myanmar") or another spelling of it or of its translation ("Yangon" / "Rangoun" /
 * "Rangoon").
 */
function nameIn(c: Concept, releaseWords: ReadonlySet<string>): boolean {
  if (placeAliases(c.word).some((w) => releaseWords.has(w))) return true;
  // a known place has its other names listed: only a letter may differ from one of them
  // ("Rangoon" for "Rangoun"; "Arménie" is no « armée »)
  if (isKnownPlace(c.word)) return [c.word, ...placeAliases(c.word)].some((w) => nameVariantIn(w, releaseWords, 1));
  // a word the glossary translates is a common word, found through its translation, not its
  // spelling ("Prize" is no « prise »)
  if (c.stems.length > 1) return false;
  return [c.word, ...c.stems].some((w) => nameVariantIn(w, releaseWords));
}

/**
 * Whether a name of the question is in a release under another spelling: the same first
 * letter and at most one edit apart (two for long names), for names of four letters or more.
 */
export function nameVariantIn(word: string, releaseWords: ReadonlySet<string>, maxEdits?: number): boolean {
  if (word.length < 4 || /\d/.test(word)) return false;
  const max = Math.min(word.length >= 7 ? 2 : 1, maxEdits ?? 2);
  for (const w of releaseWords) {
    // a known place of the release is another place, not a spelling (Iran / Irak), unless the
    // glossary names one place so (Iraq / Irak)
    if (w[0] !== word[0] || Math.abs(w.length - word.length) > max || (isKnownPlace(w) && !placeAliases(word).includes(w))) continue;
    if (editDistance(word, w, max) <= max) return true;
  }
  return false;
}

/** Levenshtein distance, stopping early above `max`. */
function editDistance(a: string, b: string, max: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return best;
    prev = cur;
  }
  return prev[b.length]!;
}
