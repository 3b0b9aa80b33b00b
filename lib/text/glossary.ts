import { detectLanguage } from "./analyze";
import { GLOSSARY, type GlossaryScope } from "./glossary-data";
import { words } from "./normalize";

function table(scopes: GlossaryScope[]): Record<string, string> {
  return Object.fromEntries(GLOSSARY.filter(([, , scope]) => scopes.includes(scope)).map(([en, fr]) => [en, fr]));
}

/** Names and core terms: expanded in any question (French questions use English names too). */
const CORE = table(["place", "core"]);
/** Everything, general vocabulary included: only for English questions, where it cannot collide with French words. */
const ALL = table(["place", "core", "english"]);
/** Places, nationalities and months. */
const PLACES = table(["place"]);

/**
 * Multi-word entries: the English words, their folded form padded for search, the French words
 * and the French names, folded (a place may have several, "afrique de l'est|afrique orientale").
 */
function phrasesOf(dict: Record<string, string>) {
  return Object.keys(dict)
    .filter((k) => k.includes(" ") || k.includes("-"))
    .map((k) => ({ words: words(k), padded: ` ${words(k).join(" ")} `, french: words(dict[k]!), names: dict[k]!.split("|").map((n) => words(n).join(" ")) }));
}
const CORE_PHRASES = phrasesOf(CORE);
const ALL_PHRASES = phrasesOf(ALL);

/**
 * French translations of the English words and phrases of `text`, grouped by the English
 * word they translate (folded words, not stemmed).
 */
export function frenchExpansion(text: string): Map<string, string[]> {
  const english = detectLanguage(text) === "en";
  const dict = english ? ALL : CORE;
  const phrases = english ? ALL_PHRASES : CORE_PHRASES;
  const ws = words(text);
  const folded = ` ${ws.join(" ")} `;
  const out = new Map<string, string[]>();
  const addTo = (key: string, fr: string[]) => out.set(key, [...(out.get(key) ?? []), ...fr]);
  for (const phrase of phrases) {
    if (!folded.includes(phrase.padded)) continue;
    // a phrase's translation belongs to each of its words ("ivory coast" → "côte d'ivoire")
    for (const w of phrase.words) addTo(w, phrase.french);
  }
  for (const w of ws) {
    // plural English words fall back to their singular entry ("syrians" → "syrian")
    const fr = dict[w] ?? (w.endsWith("s") ? dict[w.slice(0, -1)] : undefined);
    if (fr) addTo(w, words(fr));
  }
  return out;
}

const PLACE_PHRASES = phrasesOf(PLACES);
/** French multi-word place names (the translations of the English ones: "etats unis", "cote ivoire"), each with all its names. */
const FRENCH_PLACES = new Map(PLACE_PHRASES.flatMap((p) => p.names.filter((n) => n.includes(" ")).map((n) => [n, p.names.join("|")] as const)));

/**
 * A multi-word place named in a question: the question's words for it and its French names as
 * folded words, "|" between two names of one place.
 */
export interface PlaceMention {
  words: string[];
  french: string;
}

/** Multi-word place names of `text`, in English ("United States") or French ("États-Unis"). */
export function placeMentions(text: string): PlaceMention[] {
  const folded = ` ${words(text).join(" ")} `;
  // a place named by compass words (« l'Extrême-Nord », "Far North") is one in capitals only: « l'extrême nord de Sumatra » is a part of Sumatra
  const named = (ws: string[]) => !ws.every((w) => COMPASS.has(w)) || capitalised(text, ws);
  const out: PlaceMention[] = PLACE_PHRASES.filter((p) => folded.includes(p.padded) && named(p.words)).map((p) => ({ words: p.words, french: p.names.join("|") }));
  for (const [french, names] of FRENCH_PLACES) if (folded.includes(` ${french} `) && named(french.split(" "))) out.push({ words: french.split(" "), french: names });
  // the longest name last: its words are that place's ("asie du sud est", not "asie du sud")
  return out.sort((a, b) => a.words.length - b.words.length);
}

/** Folded words of the compass (a place named by them alone is one only in capitals). */
const COMPASS = new Set(["nord", "sud", "est", "ouest", "extreme", "far", "north", "south", "east", "west", "centre", "center", "central"]);

/** Whether the words (folded) stand in the text with a capital first letter (« Extrême-Nord », "Far North"). */
function capitalised(text: string, ws: readonly string[]): boolean {
  const plain = text.normalize("NFD").replace(/\p{M}/gu, "");
  const pattern = new RegExp(`(?<![\\p{L}])${ws.join("[\\s-]+")}(?![\\p{L}])`, "giu");
  return [...plain.matchAll(pattern)].some((m) => /^\p{Lu}/u.test(m[0]));
}

/** The glossary's places, nationalities and months; those named by one English word. */
const PLACE_ENTRIES = GLOSSARY.filter(([, , scope]) => scope === "place");
const ONE_WORD_PLACES = PLACE_ENTRIES.filter(([en]) => words(en).length === 1);

/** Folded words of the glossary's places (English and French names, nationalities). */
const PLACE_WORDS: ReadonlySet<string> = new Set(PLACE_ENTRIES.flatMap(([en, fr]) => [...words(en), ...words(fr)]));

/** English months (place-scoped entries of the glossary that are no places). */
export const ENGLISH_MONTHS: ReadonlySet<string> = new Set(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]);
/** Words of the glossary's one-word place entries that are no names on their own. */
const NOT_NAMES = new Set(["le", "la", "les", "arabe", "arabes", "arab", "arabic"]);

/**
 * Folded one-word names of places (entries of one English word, months left out): the English
 * names and the French words that are a name on their own ("irak", not the "pays" of "pays-bas").
 */
const PLACE_NAMES: ReadonlySet<string> = new Set(
  ONE_WORD_PLACES.filter(([en]) => !ENGLISH_MONTHS.has(en))
    .flatMap(([en, fr]) => [...words(en), ...fr.split(/[\s|]+/).filter((t) => t && !/[-'’]/.test(t)).flatMap((t) => words(t))])
    .filter((w) => !NOT_NAMES.has(w)),
);

/** Whether a folded word is on its own the name of a known place ("irak", "malien"). */
export function isPlaceName(word: string): boolean {
  return PLACE_NAMES.has(word);
}

/** Whether a folded word names a known place (country, region, city, nationality). */
export function isKnownPlace(word: string): boolean {
  return PLACE_WORDS.has(word);
}

/**
 * The other names of a one-word place (folded): the words of the glossary entries naming it
 * ("irak" → "iraq", "irakien"…; "birmanie" → "myanmar"). Entries of several English words are
 * left out: their words are not names of the place ("south africa" → "sud").
 */
export function placeAliases(word: string): readonly string[] {
  return PLACE_ALIASES.get(word) ?? [];
}

const PLACE_ALIASES: ReadonlyMap<string, string[]> = (() => {
  const entries = ONE_WORD_PLACES.map(([en, fr]) => ({ en: words(en)[0]!, names: new Set([...words(en), ...words(fr)]) }));
  // a nationality joins its country: "ecuadorian" (équatorien…) with "ecuador" (équateur), the
  // country sharing the longest start with it ("nigerian" with "nigeria", not "niger")
  const byKey = new Map(entries.map((e) => [e.en, e]));
  for (const e of entries) {
    if (!/(?:an|ean|ese|i|ish|ic|ite)$/.test(e.en)) continue;
    let best: (typeof entries)[number] | undefined;
    let bestCommon = 0;
    for (const c of entries) {
      if (c === e || c.en.length >= e.en.length) continue;
      let common = 0;
      while (common < c.en.length && c.en[common] === e.en[common]) common++;
      if (common >= Math.max(4, c.en.length - 2) && common > bestCommon) {
        best = c;
        bestCommon = common;
      }
    }
    if (best && byKey.get(best.en) === best) for (const n of e.names) best.names.add(n);
  }
  const out = new Map<string, Set<string>>();
  for (const { names } of entries) {
    for (const w of names) {
      const set = out.get(w) ?? new Set<string>();
      for (const x of names) if (x !== w) set.add(x);
      out.set(w, set);
    }
  }
  return new Map([...out].map(([w, set]) => [w, [...set]]));
})();
