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

/** Multi-word entries: the English words, their folded form padded for search, the French words. */
function phrasesOf(dict: Record<string, string>) {
  return Object.keys(dict)
    .filter((k) => k.includes(" ") || k.includes("-"))
    .map((k) => ({ words: words(k), padded: ` ${words(k).join(" ")} `, french: words(dict[k]!) }));
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
/** French multi-word place names (the translations of the English ones: "etats unis", "cote ivoire"). */
const FRENCH_PLACES = [...new Set(PLACE_PHRASES.filter((p) => p.french.length > 1).map((p) => p.french.join(" ")))];

/** A multi-word place named in a question: the question's words for it and the French name as folded words. */
export interface PlaceMention {
  words: string[];
  french: string;
}

/** Multi-word place names of `text`, in English ("United States") or French ("États-Unis"). */
export function placeMentions(text: string): PlaceMention[] {
  const folded = ` ${words(text).join(" ")} `;
  const out: PlaceMention[] = PLACE_PHRASES.filter((p) => folded.includes(p.padded)).map((p) => ({ words: p.words, french: p.french.join(" ") }));
  for (const french of FRENCH_PLACES) if (folded.includes(` ${french} `)) out.push({ words: french.split(" "), french });
  return out;
}

/** Folded words of the glossary's places (English and French names, nationalities). */
const PLACE_WORDS: ReadonlySet<string> = new Set(GLOSSARY.filter(([, , scope]) => scope === "place").flatMap(([en, fr]) => [...words(en), ...words(fr)]));

/** Whether a folded word names a known place (country, region, city, nationality). */
export function isKnownPlace(word: string): boolean {
  return PLACE_WORDS.has(word);
}
